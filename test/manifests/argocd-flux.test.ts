import { describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/index.js";
import { findImages, updateFile } from "../../src/manifests/index.js";
import { expectUnchangedOutside } from "../support/exact.js";

const D1 = `sha256:${"e".repeat(64)}`;

const APP = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: shop-staging
  namespace: argocd
spec:
  project: default
  sources:
    - repoURL: https://github.com/acme/config
      path: apps/shop/overlays/staging
      kustomize:
        images:
          - ghcr.io/acme/web=ghcr.io/acme/web-mirror:1.4.2
          - 'ghcr.io/acme/api:2.0.0'
    - repoURL: https://charts.acme.dev
      chart: worker
      targetRevision: 1.2.3
      helm:
        parameters:
          - name: image.repository
            value: ghcr.io/acme/worker
          - name: image.tag
            value: "0.9.0"
          - name: sidecar.image
            value: ghcr.io/acme/sidecar:1.0
        valuesObject:
          cache:
            image:
              repository: redis
              tag: 7.2.4
  destination:
    server: https://kubernetes.default.svc
    namespace: shop
`;

const APPSET = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: shop
spec:
  generators:
    - list:
        elements: [{env: dev}]
  template:
    metadata:
      name: 'shop-{{env}}'
    spec:
      source:
        repoURL: https://github.com/acme/config
        kustomize:
          images: ["ghcr.io/acme/web:1.0.0"]
`;

describe("Argo CD Application", () => {
  const cases = [
    {
      name: "kustomize.images name=newName:tag, matched by the new name",
      image: "ghcr.io/acme/web-mirror:1.5.0",
      line: 13,
      expected: APP.replace("web-mirror:1.4.2", "web-mirror:1.5.0"),
    },
    {
      name: "kustomize.images name=newName:tag, matched by the original name",
      image: "ghcr.io/acme/web:1.5.0",
      line: 13,
      expected: APP.replace("web-mirror:1.4.2", "web-mirror:1.5.0"),
    },
    {
      name: "kustomize.images quoted name:tag",
      image: `ghcr.io/acme/api:2.1.0@${D1}`,
      line: 14,
      expected: APP.replace("'ghcr.io/acme/api:2.0.0'", `'ghcr.io/acme/api:2.1.0@${D1}'`),
    },
    {
      name: "helm.parameters repository + tag group",
      image: "ghcr.io/acme/worker:0.10.0",
      line: 23,
      expected: APP.replace('value: "0.9.0"', 'value: "0.10.0"'),
    },
    {
      name: "helm.parameters *.image holding a whole reference",
      image: "ghcr.io/acme/sidecar:1.1",
      line: 25,
      expected: APP.replace("sidecar:1.0", "sidecar:1.1"),
    },
    {
      name: "helm.valuesObject read like a values file",
      image: "redis:7.4.0",
      line: 30,
      expected: APP.replace("tag: 7.2.4", "tag: 7.4.0"),
    },
  ];
  it.each(cases)("$name", ({ image, line, expected }) => {
    const result = updateFile("argocd/shop-staging.yaml", APP, [parseImageRef(image)]);
    expect(result.content).toBe(expected);
    expectUnchangedOutside(APP, result.content, line);
    expect(result.changes).toEqual([expect.objectContaining({ line })]);
  });

  it("reads ApplicationSet templates whose other fields hold Go templates (flow sequences)", () => {
    // `{{env}}` sits in a string: the document is YAML as written, only that value is a template.
    expect(findImages("appset.yaml", APPSET).map((found) => [found.line, found.field])).toEqual([
      [16, "spec.template.spec.source.kustomize.images[0]"],
    ]);
    const result = updateFile("appset.yaml", APPSET, [parseImageRef("ghcr.io/acme/web:1.1.0")]);
    expect(result.content).toBe(APPSET.replace('["ghcr.io/acme/web:1.0.0"]', '["ghcr.io/acme/web:1.1.0"]'));
  });

  it("helm.values as a | block: edited inside the block, at its indentation, CRLF kept", () => {
    const app = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: cache
spec:
  source:
    chart: redis
    helm:
      values: |
        # tuned for staging
        image:
          repository: bitnami/redis
          tag: 7.2.4

        replica:
          replicaCount: 2
`;
    for (const text of [app, app.replace(/\n/g, "\r\n")]) {
      const result = updateFile("app.yaml", text, [parseImageRef(`bitnami/redis:7.4.0@${D1}`)]);
      expect(result.content).toBe(text.replace("tag: 7.2.4", "tag: 7.4.0"));
      // The map has no digest field: the tag is written and the change says the digest is not pinned.
      expect(result.changes).toEqual([
        {
          file: "app.yaml",
          line: 13,
          image: "bitnami/redis",
          from: "7.2.4",
          to: "7.4.0",
          warning: `spec.source.helm.values.image.tag has no place for a digest, so only the tag 7.4.0 is written and ${D1} is not pinned`,
        },
      ]);
    }
    // An image map without a tag gets one inserted inside the block, at the block's indentation.
    const untagged = app.replace("          tag: 7.2.4\n", "");
    expect(updateFile("app.yaml", untagged, [parseImageRef("bitnami/redis:7.4.0")]).content).toBe(
      untagged.replace("repository: bitnami/redis\n", "repository: bitnami/redis\n          tag: 7.4.0\n"),
    );
    // Folded blocks are not edited.
    expect(findImages("app.yaml", app.replace("values: |", "values: >"))).toEqual([]);
  });

  it("finds all references with kind argocd", () => {
    expect(findImages("app.yaml", APP).map((f) => [f.line, f.kind])).toEqual([
      [13, "argocd"],
      [14, "argocd"],
      [23, "argocd"],
      [25, "argocd"],
      [30, "argocd"],
    ]);
  });
});

const FLUX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: podinfo
spec:
  template:
    spec:
      containers:
        - name: podinfo
          image: ghcr.io/stefanprodan/podinfo:6.5.0 # {"$imagepolicy": "flux-system:podinfo"}
`;

const FLUX_VALUES = `podinfo:
  image:
    repository: ghcr.io/stefanprodan/podinfo # {"$imagepolicy": "flux-system:podinfo:name"}
    tag: 6.5.0 # {"$imagepolicy": "flux-system:podinfo:tag"}
    digest: "" # {"$imagepolicy": "flux-system:podinfo:digest"}
worker:
  imageTag: "1.0" # {"$imagepolicy": "flux-system:worker:tag"}
  imageRepo: ghcr.io/acme/worker # {"$imagepolicy": "flux-system:worker:name"}
`;

describe("Flux $imagepolicy markers", () => {
  it("full reference marker on a workload image: edited once, marker kept", () => {
    const result = updateFile("podinfo.yaml", FLUX, [parseImageRef("ghcr.io/stefanprodan/podinfo:6.6.0")]);
    expect(result.content).toBe(FLUX.replace("podinfo:6.5.0", "podinfo:6.6.0"));
    expect(result.changes).toHaveLength(1);
  });

  it(":name/:tag/:digest parts", () => {
    const result = updateFile("values.yaml", FLUX_VALUES, [
      parseImageRef(`ghcr.io/stefanprodan/podinfo:6.6.0@${D1}`),
    ]);
    expect(result.content).toBe(
      FLUX_VALUES.replace("tag: 6.5.0", "tag: 6.6.0").replace('digest: ""', `digest: "${D1}"`),
    );
    expectUnchangedOutside(FLUX_VALUES, result.content, 4, 5);
  });

  it("parts spread over keys the Helm conventions do not know", () => {
    const result = updateFile("values.yaml", FLUX_VALUES, [parseImageRef("ghcr.io/acme/worker:1.10")]);
    expect(result.content).toBe(FLUX_VALUES.replace('imageTag: "1.0"', 'imageTag: "1.10"'));
    expect(findImages("values.yaml", FLUX_VALUES).map((f) => [f.line, f.kind])).toEqual([
      [4, "helm-values"],
      [7, "flux-marker"],
    ]);
  });
});
