import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emptyValidateConfig, parseValidateConfig, type ValidateConfig } from "../../src/validate/config.js";
import { type ValidateOptions, validateManifests } from "../../src/validate/engine.js";
import { documentStartLines, parseYamlFile } from "../../src/validate/load.js";
import { findKustomize, kustomizeRenderer, localSource } from "../../src/validate/local.js";
import { rules } from "../../src/validate/rules/index.js";
import type { Finding } from "../../src/validate/types.js";
import { hasComponent } from "../support/components.js";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "validate-engine-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

// The engine's own rules are the ones without a check over resources.
const engineRules = new Set(
  rules.filter((rule) => !rule.checkResource && !rule.checkAll).map((rule) => rule.id),
);

async function check(
  files: Record<string, string>,
  options: Partial<ValidateOptions> = {},
  allRules = false,
) {
  const root = repo(files);
  const tool = options.render === "auto" ? await findKustomize() : undefined;
  const report = await validateManifests(
    { paths: ["."], render: "never", config: emptyValidateConfig, ...options },
    localSource(root),
    tool ? kustomizeRenderer(root, tool) : undefined,
  );
  const findings = allRules ? report.findings : report.findings.filter((f) => engineRules.has(f.rule));
  return { report, findings, root };
}

const where = (findings: Finding[]) => findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`);

const deployment = (extra = "", container = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2${extra}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: ghcr.io/acme/web:1.4.2${container}
`;

describe("YAML loading", () => {
  it("reports a syntax error and a duplicate key in different documents of one file, each at its line", async () => {
    const { findings } = await check({
      "apps/all.yaml": `${deployment()}---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  name: other
---
apiVersion: v1
kind: Service
metadata: {name: web
spec: {}
`,
    });
    expect(where(findings)).toEqual(["duplicate-key apps/all.yaml:22:3", "yaml-syntax apps/all.yaml:27:1"]);
    expect(findings[0].message).toContain('duplicate key "name"');
  });

  it("checks every document of a multi-document file for duplicate keys", () => {
    const parsed = parseYamlFile("x.yaml", "a: 1\na: 2\n---\nb: 1\n---\nc:\n  d: 1\n  d: 2\n");
    expect(parsed.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ["duplicate-key", 2, 1],
      ["duplicate-key", 8, 3],
    ]);
    // The valid document in between is still validated.
    expect(parsed.documents.map((d) => d.object)).toEqual([{ b: 1 }]);
  });

  it("finds where each document starts, markers, comments and directives included", () => {
    expect(documentStartLines("# head\n\nkind: A\n---\n# c\nkind: B\n--- # x\n---\nkind: C\n")).toEqual([
      3, 6, 7, 9,
    ]);
    expect(documentStartLines("--- kind: A\n...\nkind: B\n")).toEqual([1, 3]);
  });

  it("skips files with Go templates and documents that are not Kubernetes objects", async () => {
    const { report } = await check({
      "chart/templates/deploy.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n",
      "chart/values.yaml": "replicaCount: 2\nimage: {repository: nginx}\n",
      "apps/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n",
    });
    expect(report.findings.filter((f) => engineRules.has(f.rule))).toEqual([]);
    expect(report.summary).toMatchObject({ files: 3, resources: 1 });
  });
});

describe("schemas", () => {
  it("reports wrong types, bad enum values and missing required fields at their lines", async () => {
    const { findings } = await check({
      "web.yaml": deployment(
        "\n  paused: maybe",
        "\n          imagePullPolicy: Sometimes\n          ports:\n            - name: http\n        - image: nginx:1.27",
      ),
    });
    expect(where(findings)).toEqual([
      "schema web.yaml:8:3",
      "schema web.yaml:18:11",
      "schema web.yaml:20:15",
      "schema web.yaml:21:11",
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'spec.paused must be true or false, got string "maybe"',
      'spec.template.spec.containers[0].imagePullPolicy must be one of "Always", "IfNotPresent", "Never", got "Sometimes"',
      'spec.template.spec.containers[0].ports[0] is missing required field "containerPort"',
      'spec.template.spec.containers[1] is missing required field "name"',
    ]);
  });

  it("reports unknown fields as errors with a suggestion, and not with strict off", async () => {
    const files = {
      "web.yaml": deployment("", "\n          imagePullPolicyy: Always\n          resource: {}"),
    };
    const { findings } = await check(files);
    expect(where(findings)).toEqual(["unknown-field web.yaml:17:11", "unknown-field web.yaml:18:11"]);
    expect(findings[0].message).toContain('did you mean "imagePullPolicy"?');
    expect(findings[1].message).toContain('did you mean "resources"?');
    expect((await check(files, { strict: false })).findings).toEqual([]);
  });

  it("accepts Flux substitution placeholders in typed fields", async () => {
    const placeholder = (name: string) => ["$", "{", name, "}"].join("");
    const { findings } = await check({
      "web.yaml": deployment(`\n  minReadySeconds: ${placeholder("MIN_READY:=10")}`).replace(
        "replicas: 2",
        `replicas: ${placeholder("REPLICAS")}`,
      ),
    });
    expect(findings).toEqual([]);
  });

  it("checks the items of a v1 List as resources, at their lines", async () => {
    const { report, findings } = await check({
      "list.yaml":
        "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n    data: {k: v}\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: b}\n    spec:\n      ports: [{port: web}]\n",
    });
    expect(report.summary.resources).toBe(2);
    expect(where(findings)).toEqual(["schema list.yaml:12:16"]);
  });

  it("reports a kind without a schema, unless it is ignored or its CRD is given", async () => {
    const widget =
      "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: 3\n  colour: blue\n";
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: {type: integer}
                color: {type: string, enum: [red, blue]}
`;
    const bare = await check({ "w.yaml": widget });
    expect(where(bare.findings)).toEqual(["unknown-kind w.yaml:2:1"]);
    expect(bare.findings[0].message).toContain("no schema for example.com/v1 Widget");

    const ignored = await check(
      { "w.yaml": widget },
      { config: { ...emptyValidateConfig, ignoreKinds: ["Widget"] } },
    );
    expect(ignored.findings).toEqual([]);

    const withCrd = await check(
      { "w.yaml": widget, "crds/widget.yaml": crd },
      { paths: ["w.yaml"], crdFiles: ["crds/widget.yaml"] },
    );
    expect(where(withCrd.findings)).toEqual(["unknown-field w.yaml:6:3"]);
    expect(withCrd.findings[0].message).toContain('did you mean "color"?');

    // A CRD committed next to its resources defines the kind too.
    const together = await check({ "w.yaml": widget.replace("size: 3", "size: three"), "crd.yaml": crd });
    expect(where(together.findings)).toEqual(["schema w.yaml:5:3", "unknown-field w.yaml:6:3"]);
  });

  it("flags removed APIs as errors and deprecated ones as warnings for the target version", async () => {
    const files = {
      "old.yaml": "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: old}\nspec: {}\n",
      "cron.yaml":
        "apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: nightly}\nspec:\n  schedule: '0 3 * * *'\n",
    };
    const api = (findings: Finding[]) => findings.filter((f) => f.rule.endsWith("-api"));
    const v124 = await check(files, { kubernetesVersion: "1.24" });
    expect(api(v124.findings).map((f) => `${f.rule}/${f.severity} ${f.file}:${f.line}`)).toEqual([
      "deprecated-api/warning cron.yaml:1",
      "removed-api/error old.yaml:1",
    ]);
    expect(v124.findings[0].message).toContain("use batch/v1");
    // Old API versions keep their own schemas: the missing jobTemplate is reported as well.
    expect(v124.findings.find((f) => f.rule === "schema" && f.file === "cron.yaml")?.message).toContain(
      '"jobTemplate"',
    );
    const v125 = await check(files, { kubernetesVersion: "1.25" });
    expect(api(v125.findings).map((f) => f.rule)).toEqual(["removed-api", "removed-api"]);
    const hpa = await check(
      { "hpa.yaml": "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n" },
      { kubernetesVersion: "1.26" },
    );
    const tooNew = await check(
      {
        "hpa.yaml":
          "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  maxReplicas: 3\n",
      },
      { kubernetesVersion: "1.22" },
    );
    expect(tooNew.findings.map((f) => `${f.rule} ${f.line}: ${f.message}`)).toEqual([
      "removed-api 1: autoscaling/v2 HorizontalPodAutoscaler is served only from Kubernetes 1.23 on (target 1.22): use an API version the target serves, or raise kubernetes-version",
    ]);
    expect(
      (
        await check(
          {
            "hpa.yaml":
              "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  maxReplicas: 3\n",
          },
          { kubernetesVersion: "1.23" },
        )
      ).findings,
    ).toEqual([]);
    expect(api(hpa.findings).map((f) => f.message)).toEqual([
      "autoscaling/v2beta2 HorizontalPodAutoscaler is not served since Kubernetes 1.26 (target 1.26): use autoscaling/v2",
    ]);
  });
});

describe("real-world-shaped manifests", () => {
  it("produce no schema findings", async () => {
    const files = {
      "argocd/guestbook.yaml": `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: guestbook
  namespace: argocd
  finalizers: [resources-finalizer.argocd.argoproj.io]
spec:
  project: default
  source:
    repoURL: https://github.com/argoproj/argocd-example-apps.git
    targetRevision: HEAD
    path: guestbook
    kustomize:
      images: [gcr.io/heptio-images/ks-guestbook-demo:0.2]
  destination:
    server: https://kubernetes.default.svc
    namespace: guestbook
  syncPolicy:
    automated: {prune: true, selfHeal: true}
    syncOptions: [CreateNamespace=true]
---
apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata: {name: team-a, namespace: argocd}
spec:
  description: Team A
  sourceRepos: ["https://github.com/acme/*"]
  destinations:
    - {namespace: "team-a-*", server: https://kubernetes.default.svc}
  clusterResourceWhitelist:
    - {group: "", kind: Namespace}
---
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: clusters, namespace: argocd}
spec:
  goTemplate: true
  generators:
    - list:
        elements:
          - {cluster: staging, url: https://1.2.3.4}
  template:
    metadata: {name: "guestbook-{{.cluster}}"}
    spec:
      project: default
      source: {repoURL: https://github.com/acme/config.git, targetRevision: main, path: "envs/{{.cluster}}"}
      destination: {server: "{{.url}}", namespace: guestbook}
`,
      "flux/sources.yaml": `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata: {name: podinfo, namespace: flux-system}
spec:
  interval: 1m
  url: https://github.com/stefanprodan/podinfo
  ref: {branch: master}
---
apiVersion: source.toolkit.fluxcd.io/v1
kind: HelmRepository
metadata: {name: bitnami, namespace: flux-system}
spec:
  interval: 1h
  url: https://charts.bitnami.com/bitnami
---
apiVersion: source.toolkit.fluxcd.io/v1beta2
kind: OCIRepository
metadata: {name: manifests, namespace: flux-system}
spec:
  interval: 5m
  url: oci://ghcr.io/acme/manifests
  ref: {tag: latest}
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: apps, namespace: flux-system}
spec:
  interval: 10m
  path: ./apps/production
  prune: true
  wait: true
  timeout: 5m
  sourceRef: {kind: GitRepository, name: podinfo}
  postBuild:
    substitute: {cluster_name: prod}
    substituteFrom:
      - {kind: ConfigMap, name: cluster-vars}
---
apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata: {name: redis, namespace: data}
spec:
  interval: 30m
  chart:
    spec:
      chart: redis
      version: "18.x"
      sourceRef: {kind: HelmRepository, name: bitnami, namespace: flux-system}
  install: {crds: CreateReplace, remediation: {retries: 3}}
  upgrade: {remediation: {retries: 3, remediateLastFailure: true}}
  values:
    architecture: standalone
    auth: {enabled: true, existingSecret: redis-auth}
`,
      "ingress-nginx/controller.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-nginx-controller
  namespace: ingress-nginx
  labels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
spec:
  minReadySeconds: 0
  revisionHistoryLimit: 10
  selector:
    matchLabels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
  strategy:
    rollingUpdate: {maxUnavailable: 1}
    type: RollingUpdate
  template:
    metadata:
      labels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
    spec:
      dnsPolicy: ClusterFirst
      nodeSelector: {kubernetes.io/os: linux}
      serviceAccountName: ingress-nginx
      terminationGracePeriodSeconds: 300
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.10.1@sha256:e24f39d3eed6bcc239a56f20098878845f62baa34b9f2be2fd2c38ce9fb0f29e
          imagePullPolicy: IfNotPresent
          args: [/nginx-ingress-controller, --election-id=ingress-nginx-leader, --controller-class=k8s.io/ingress-nginx]
          env:
            - name: POD_NAME
              valueFrom: {fieldRef: {fieldPath: metadata.name}}
            - {name: LD_PRELOAD, value: /usr/local/lib/libmimalloc.so}
          lifecycle:
            preStop: {exec: {command: [/wait-shutdown]}}
          livenessProbe:
            failureThreshold: 5
            httpGet: {path: /healthz, port: 10254, scheme: HTTP}
            initialDelaySeconds: 10
          readinessProbe:
            httpGet: {path: /healthz, port: 10254, scheme: HTTP}
          ports:
            - {containerPort: 80, name: http, protocol: TCP}
            - {containerPort: 443, name: https, protocol: TCP}
          resources:
            requests: {cpu: 100m, memory: 90Mi}
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}
            runAsNonRoot: true
            runAsUser: 101
            seccompProfile: {type: RuntimeDefault}
          volumeMounts:
            - {mountPath: /usr/local/certificates/, name: webhook-cert, readOnly: true}
      volumes:
        - name: webhook-cert
          secret: {secretName: ingress-nginx-admission}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: batch/v1
kind: Job
metadata: {name: ingress-nginx-admission-create, namespace: ingress-nginx}
spec:
  ttlSecondsAfterFinished: 0
  template:
    spec:
      restartPolicy: OnFailure
      containers:
        - name: create
          image: registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.4.1
          args: [create, --host=ingress-nginx-controller-admission]
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: ingress-nginx-admission}
webhooks:
  - name: validate.nginx.ingress.kubernetes.io
    admissionReviewVersions: [v1]
    sideEffects: None
    failurePolicy: Fail
    matchPolicy: Equivalent
    clientConfig:
      service: {name: ingress-nginx-controller-admission, namespace: ingress-nginx, path: /networking/v1/ingresses}
    rules:
      - apiGroups: [networking.k8s.io]
        apiVersions: [v1]
        operations: [CREATE, UPDATE]
        resources: [ingresses]
`,
      "rollouts/rollout.yaml": `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: checkout}
spec:
  replicas: 5
  revisionHistoryLimit: 2
  selector:
    matchLabels: {app: checkout}
  template:
    metadata:
      labels: {app: checkout}
    spec:
      containers:
        - name: checkout
          image: ghcr.io/acme/checkout:2.3.1
          ports: [{name: http, containerPort: 8080, protocol: TCP}]
  strategy:
    canary:
      steps:
        - setWeight: 20
        - pause: {duration: 1h}
        - setWeight: 60
        - pause: {}
---
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata: {name: db, namespace: checkout}
spec:
  encryptedData:
    password: AgBy8hCi8FqHk0zQ2bKx
  template:
    type: Opaque
    metadata: {name: db, namespace: checkout, labels: {app: checkout}}
`,
    };
    const { findings } = await check(files);
    expect(findings).toEqual([]);
  });
});

describe.runIf(hasComponent("kubectl", ["version", "--client"]))("rendering kustomizations", () => {
  const base = {
    "base/kustomization.yaml":
      "resources:\n  - deployment.yaml\n  - service.yaml\nconfigMapGenerator:\n  - name: web\n    literals: [MODE=prod]\n",
    "base/deployment.yaml": deployment("", "\n          resourcez: {}"),
    "base/service.yaml":
      "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n",
    "overlays/prod/kustomization.yaml":
      "resources: [../../base]\nnamePrefix: prod-\npatches:\n  - path: replicas.yaml\n",
    // A strategic-merge patch is a fragment: no selector, no template — never a finding on its own.
    "overlays/prod/replicas.yaml":
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 5\n",
  };

  it("validates the build and points findings in rendered objects back to the source file and line", async () => {
    const { report, findings } = await check(base, { render: "auto" });
    expect(report.rendered).toEqual(["overlays/prod"]);
    expect(where(findings)).toEqual(["unknown-field base/deployment.yaml:17:11"]);
    expect(findings[0].message).toContain("(in the build of overlays/prod)");
    expect(findings[0].resource).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "prod-web" });
    // Deployment, Service and the generated ConfigMap came out of the build.
    expect(report.summary.resources).toBe(3);
  });

  it("points a value an overlay patch sets at the patch, not at the base", async () => {
    const { findings } = await check(
      {
        ...base,
        "base/deployment.yaml": deployment(),
        "overlays/prod/replicas.yaml":
          "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: five\n  paused: true\n",
      },
      { render: "auto" },
    );
    expect(where(findings)).toEqual(["schema overlays/prod/replicas.yaml:5:3"]);
    expect(findings[0].message).toBe(
      'spec.replicas must be a number, got string "five" (in the build of overlays/prod); the base writes it at base/deployment.yaml:7',
    );
  });

  it("gives rendered resources the environment whose paths hold the build, globs included", async () => {
    const seen: string[] = [];
    const probe = {
      id: "probe",
      defaultSeverity: "warning" as const,
      description: "records environments",
      checkResource(resource: { id: { kind: string }; environment?: string }) {
        seen.push(`${resource.id.kind}:${resource.environment}`);
        return [];
      },
    };
    await check(base, {
      render: "auto",
      rules: [probe],
      environments: [
        { name: "dev", paths: ["overlays/dev"] },
        { name: "production", paths: ["overlays/*"] },
      ],
    });
    expect(seen.sort()).toEqual(["ConfigMap:production", "Deployment:production", "Service:production"]);
  });

  it("reports a build failure with kustomize's reason on the kustomization file", async () => {
    const { findings } = await check(
      { ...base, "overlays/broken/kustomization.yaml": "resources:\n  - ../../base\n  - missing.yaml\n" },
      { render: "auto" },
    );
    const failure = findings.find((f) => f.rule === "kustomize-build");
    expect(failure).toMatchObject({ file: "overlays/broken/kustomization.yaml", line: 1, severity: "error" });
    expect(failure?.message).toMatch(/^kustomize build overlays\/broken failed: .*missing\.yaml/);
  });

  it("with changed files, builds only the kustomizations that read them", async () => {
    const files: Record<string, string> = {};
    for (const app of ["a", "b"]) {
      files[`bases/${app}/kustomization.yaml`] = "resources: [deployment.yaml]\n";
      files[`bases/${app}/deployment.yaml`] = deployment().replace(
        "name: web\n  labels",
        `name: ${app}\n  labels`,
      );
      for (const cluster of ["c1", "c2", "c3"]) {
        files[`clusters/${cluster}/${app}/kustomization.yaml`] =
          `resources: [../../../bases/${app}]\nnamespace: ${cluster}\n`;
      }
    }
    files["clusters/c2/a/kustomization.yaml"] += "patches:\n  - path: patch.yaml\n";
    files["clusters/c2/a/patch.yaml"] =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {replicas: 1}\n";
    const all = await check(files, { render: "auto" });
    expect(all.report.rendered).toHaveLength(6);
    const baseChange = await check(files, { render: "auto", changedFiles: ["bases/b/deployment.yaml"] });
    expect(baseChange.report.rendered.sort()).toEqual(["clusters/c1/b", "clusters/c2/b", "clusters/c3/b"]);
    const patchChange = await check(files, {
      render: "auto",
      changedFiles: ["clusters/c2/a/patch.yaml", "README.md"],
    });
    expect(patchChange.report.rendered).toEqual(["clusters/c2/a"]);
  });
});

describe("configuration", () => {
  const config = (raw: unknown): ValidateConfig =>
    parseValidateConfig(
      raw,
      "gitops-pipeline.yaml",
      rules.map((r) => r.id),
    );

  it("switches rules off, re-levels them, per path, and per resource by annotation", async () => {
    const files = {
      "dev/web.yaml": deployment("", "\n          resourcez: {}"),
      "prod/web.yaml": deployment("", "\n          resourcez: {}"),
      "prod/other.yaml": deployment("", "\n          resourcez: {}").replace(
        "name: web\n  labels",
        "name: other\n  annotations:\n    gitops-pipeline.dev/ignore: unknown-field\n  labels",
      ),
    };
    const plain = await check(files);
    expect(plain.findings.map((f) => `${f.file} ${f.severity}`)).toEqual([
      "dev/web.yaml error",
      "prod/web.yaml error",
    ]);
    const relevelled = await check(files, {
      config: config({
        rules: { "unknown-field": "warning" },
        overrides: [{ paths: ["dev/**"], rules: { "unknown-field": "off" } }],
      }),
    });
    expect(relevelled.findings.map((f) => `${f.file} ${f.severity}`)).toEqual(["prod/web.yaml warning"]);
  });

  it("never reads skipped paths", async () => {
    const { report } = await check(
      {
        "charts/x/broken.yaml": "a: [\n",
        "apps/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n",
      },
      { config: config({ skipPaths: ["charts/**"] }) },
    );
    expect(report.findings).toEqual([]);
    expect(report.files).toEqual(["apps/cm.yaml"]);
  });

  it("rejects unknown rule ids and settings with the config file named", () => {
    expect(() => config({ rules: { "latest-tags": "off" } })).toThrow(/unknown rule "latest-tags"/);
    expect(() => config({ rules: { "latest-tag": "fatal" } })).toThrow(/must be off, warning or error/);
    expect(() => config({ ignoreKind: [] })).toThrow(/unknown key "ignoreKind"/);
    expect(config({ rules: { "latest-tag": false } }).rules["latest-tag"]).toBe("off");
  });
});

describe("without a renderer", () => {
  it("checks the files of kustomizations as they are, patches excepted", async () => {
    const root = repo({
      "base/kustomization.yaml": "resources: [deployment.yaml]\npatches:\n  - path: patch.yaml\n",
      "base/deployment.yaml": deployment("", "\n          resourcez: {}"),
      "base/patch.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 1}\n",
    });
    const report = await validateManifests(
      { paths: ["."], render: "auto", config: emptyValidateConfig },
      localSource(root),
    );
    expect(where(report.findings.filter((f) => engineRules.has(f.rule)))).toEqual([
      "unknown-field base/deployment.yaml:17:11",
    ]);
    expect(report.rendered).toEqual([]);
  });
});
