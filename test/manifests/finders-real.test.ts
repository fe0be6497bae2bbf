import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatImageRef, imageName, parseImageRef, withVersionText } from "../../src/image/index.js";
import { findImages, updateFile } from "../../src/manifests/index.js";
import { expectUnchangedOutside } from "../support/exact.js";

const D9 = `sha256:${"9".repeat(64)}`;

function lineStart(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) at = text.indexOf("\n", at) + 1;
  return at;
}

function fixture(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/finders/${name}`, import.meta.url)), "utf8");
}

/** Every image of each fixture file, as `line kind field reference`. */
const EXPECTED: Record<string, string[]> = {
  "helmrelease-app-template.yaml": [
    "29 helmrelease spec.values.controllers.sonarr.initContainers.init-db.image.tag ghcr.io/onedr0p/postgres-init:16.8@sha256:217c47c886965474f5c234b5a35ed008f53b39ea90a3088b31c0da98e1f9284d",
    "37 helmrelease spec.values.controllers.sonarr.containers.app.image.tag ghcr.io/onedr0p/sonarr-develop:4.0.14.2938",
    "51 helmrelease spec.values.controllers.sonarr.containers.exporter.image.tag ghcr.io/onedr0p/exportarr:v2.0.1",
  ],
  "helmrelease-bitnami.yaml": [
    "19 helmrelease spec.values.image.tag docker.io/bitnami/redis:7.2.5-debian-12-r4",
    "24 helmrelease spec.values.metrics.image.tag docker.io/bitnami/redis-exporter:1.62.0-debian-12-r2",
    "28 helmrelease spec.values.sentinel.image.version bitnami/redis-sentinel:7.2.5",
    "45 helmrelease spec.values.image.tag ghcr.io/stefanprodan/podinfo:6.7.0",
    "48 helmrelease spec.values.tests.image ghcr.io/curl/curl-container/curl-multi:master",
  ],
  "argocd-appset-values.yaml": [
    "29 argocd spec.template.spec.sources[0].helm.valuesObject.ui.image.tag registry.example.com/guestbook/ui:0.3",
    "32 argocd spec.template.spec.sources[0].helm.valuesObject.redis.leader.image docker.io/library/redis:7.2.4-alpine",
  ],
  "custom-resources.yaml": [
    "13 custom-resource spec.steps[0].image gcr.io/kaniko-project/executor:v1.23.2",
    "16 custom-resource spec.steps[1].image docker.io/aquasec/trivy:0.54.1",
    "19 custom-resource spec.sidecars[0].image registry:2.8.3",
    "30 custom-resource spec.templates[0].container.image ghcr.io/acme/reporter:2.3.0",
    "34 custom-resource spec.templates[1].script.image python:3.12-alpine",
    "45 custom-resource spec.imageName ghcr.io/cloudnative-pg/postgresql:16.4-bookworm",
    "54 custom-resource spec.image quay.io/prometheus/prometheus:v2.54.1",
    "56 custom-resource spec.initImage quay.io/prometheus-operator/prometheus-config-reloader:v0.76.0",
    "65 custom-resource spec.image.tag victoriametrics/victoria-metrics:v1.103.0",
    "85 workload spec.jobTargetRef.template.spec.containers[0].image ghcr.io/acme/queue-worker:1.8.1",
  ],
  "helmrelease-ingress-nginx.yaml": [
    "18 helmrelease spec.values.controller.image.tag registry.k8s.io/ingress-nginx/controller:v1.11.2@sha256:d5f8217feeac4887cb1ed21f27c2674e58be06bd8f5184cacea2a69abaf78dce",
    "28 helmrelease spec.values.controller.admissionWebhooks.patch.image.tag registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.3@sha256:a320a50cc91bd15fd2d6fa6de58bd98c1bd64b9a6f926ce23a600d87043455a3",
  ],
  "rollout-values.yaml": ["4 helm-values image.tag argoproj/rollouts-demo:blue"],
  // The first document is a Helm template (it is not YAML until rendered); the second is plain YAML.
  "chart-template.yaml": ["23 workload spec.containers[0].image docker.io/curlimages/curl:8.9.1"],
};

const files = Object.keys(EXPECTED);

describe("finders on files as real repositories write them", () => {
  it.each(files)("%s: every image, with its line, convention and field", (name) => {
    const found = findImages(name, fixture(name));
    expect(
      found.map((image) => `${image.line} ${image.kind} ${image.field} ${formatImageRef(image.ref)}`),
    ).toEqual(EXPECTED[name]);
  });

  const bumps = files.flatMap((name) =>
    findImages(name, fixture(name)).map((image) => ({ name, image, label: `${name}:${image.line}` })),
  );

  it.each(bumps)("$label: a new version changes exactly the bytes of the old one", ({ name, image }) => {
    const before = fixture(name);
    const { ref } = image;
    const update = ref.digest ? `9.9.9@${D9}` : "9.9.9";
    const result = updateFile(name, before, [parseImageRef(withVersionText(imageName(ref), update))]);
    // Replace `from` by `to` at its first place on or after the reference's line; returns that place's line.
    let expected = before;
    const replace = (from: string, to: string): number => {
      const at = expected.indexOf(from, lineStart(expected, image.line));
      expect(at).toBeGreaterThanOrEqual(0);
      expected = expected.slice(0, at) + to + expected.slice(at + from.length);
      return expected.slice(0, at).split("\n").length;
    };
    let last = image.line;
    // A digest is either written inside the tag's value (`tag: 1.2@sha256:…`, as one string) or in its own field.
    if (ref.digest && before.includes(`${ref.tag}@${ref.digest}`))
      replace(`${ref.tag}@${ref.digest}`, update);
    else {
      replace(ref.tag!, "9.9.9");
      if (ref.digest) last = replace(ref.digest, D9);
    }
    expect(result.content).toBe(expected);
    expectUnchangedOutside(before, result.content, image.line, last);
    expect(result.changes).toEqual([expect.objectContaining({ file: name, line: image.line, to: update })]);
  });

  it("fills a chart's digest field from tag@digest, and empties it again for a tag", () => {
    const before = fixture("helmrelease-bitnami.yaml");
    const pinned = updateFile("hr.yaml", before, [parseImageRef(`docker.io/bitnami/redis:7.4.0@${D9}`)]);
    expect(pinned.content).toBe(
      before.replace("tag: 7.2.5-debian-12-r4", "tag: 7.4.0").replace('digest: ""', `digest: "${D9}"`),
    );
    expectUnchangedOutside(before, pinned.content, 19, 20);
    const unpinned = updateFile("hr.yaml", pinned.content, [parseImageRef("bitnami/redis:7.4.1")]);
    expect(unpinned.content).toBe(before.replace("tag: 7.2.5-debian-12-r4", "tag: 7.4.1"));
  });

  it("leaves a Helm template document alone and reads the plain document next to it", () => {
    const before = fixture("chart-template.yaml");
    const result = updateFile("templates/tests.yaml", before, [parseImageRef("curlimages/curl:8.10.0")]);
    expect(result.content).toBe(before.replace("curl:8.9.1", "curl:8.10.0"));
  });

  it("does not count annotations, untagged repositories of image automation, or Go templates as images", () => {
    const resources = fixture("custom-resources.yaml");
    for (const image of ["ghcr.io/acme/not-an-image-field:2.0", "ghcr.io/stefanprodan/podinfo:6.8.0"]) {
      const result = updateFile("crs.yaml", resources, [parseImageRef(image)]);
      expect(result).toMatchObject({ content: resources, changes: [], found: [] });
    }
  });
});
