import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyValidateConfig } from "../../../src/validate/config.js";
import { type ValidateReport, validateManifests } from "../../../src/validate/engine.js";
import { findKustomize, kustomizeRenderer, localSource } from "../../../src/validate/local.js";
import { hasComponent } from "../../support/components.js";
import { application, linesWith, workload } from "./helpers.js";

/**
 * Policy findings through the whole engine: files on disk, kustomize rendering, environments from the config,
 * and positions resolved back to the source file and line a reviewer would open.
 */

const AUTOMATED = "  syncPolicy:\n    automated: {prune: true}";

const FILES: Record<string, string> = {
  "apps/web/base/kustomization.yaml": "resources: [deployment.yaml, service.yaml]\n",
  "apps/web/base/deployment.yaml": workload(
    "Deployment",
    "web",
    `securityContext: {runAsNonRoot: true}
containers:
  - name: web
    image: ghcr.io/acme/web:1.4 # image
    securityContext: {allowPrivilegeEscalation: false}
    resources:
      requests: {cpu: 100m, memory: 64Mi}
      limits: {memory: 128Mi}
    readinessProbe: {httpGet: {path: /ready, port: 8080}}
    livenessProbe: {httpGet: {path: /live, port: 8080}}
`,
  ),
  "apps/web/base/service.yaml": `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`,
  "apps/web/overlays/dev/kustomization.yaml": "resources: [../../base]\n",
  "apps/web/overlays/production/kustomization.yaml": "resources: [../../base, hpa.yaml]\n",
  "apps/web/overlays/production/hpa.yaml": `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: wbe # target
  minReplicas: 2
  maxReplicas: 6
`,
  // Plain manifests split by kind: the Service and autoscaler find their Deployment in another directory.
  "split/deployments/api.yaml": workload(
    "Deployment",
    "api",
    'containers: [{name: api, image: "acme/api:1.0.0"}]\n',
  ),
  "split/services/api.yaml": `apiVersion: v1
kind: Service
metadata: {name: api}
spec: {selector: {app: api}, ports: [{port: 80}]}
`,
  "split/autoscaling/api.yaml": `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: api}
spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}, maxReplicas: 3}
`,
  "plain/legacy.yaml": `apiVersion: v1
kind: Secret
metadata:
  name: legacy-db
data:
  password: aHVudGVyMg== # secret
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy
spec:
  selector:
    matchLabels: {app: legacy}
  template:
    metadata:
      labels: {app: legacy}
    spec:
      containers:
        - name: legacy
          image: nginx # latest
          env:
            - name: DB_PASSWORD
              value: hunter2 # env
`,
  "argocd/web-dev.yaml": application("web-dev", "apps/web/overlays/dev", AUTOMATED),
  "argocd/web-production.yaml": application(
    "web-production",
    "apps/web/overlays/prod",
    `${AUTOMATED} # automated`,
  ),
};

const POLICY = new Set([
  "duplicate-resource",
  "latest-tag",
  "mutable-tag",
  "plaintext-secret",
  "secret-in-env",
  "selector-mismatch",
  "dangling-service",
  "hpa-target",
  "argocd-app-path",
  "argocd-sync-policy",
]);

function at(file: string, marker: string): string {
  return `${file}:${linesWith(FILES[file]!, marker)[0]}`;
}

const kustomize = hasComponent("kubectl", ["version", "--client"]);

describe.skipIf(!kustomize)("policy rules through the engine", () => {
  let repo: string;
  let report: ValidateReport;

  beforeAll(async () => {
    repo = mkdtempSync(path.join(tmpdir(), "policy-e2e-"));
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      writeFileSync(path.join(repo, file), text);
    }
    const tool = await findKustomize();
    report = await validateManifests(
      {
        paths: ["."],
        render: "auto",
        config: emptyValidateConfig,
        environments: [
          { name: "dev", paths: ["apps/*/overlays/dev"] },
          { name: "production", paths: ["apps/*/overlays/production"] },
        ],
        productionEnvironments: ["production"],
      },
      localSource(repo),
      tool && kustomizeRenderer(repo, tool),
    );
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("reports each policy finding at the source file and line, rendered ones traced through kustomize", () => {
    const found = report.findings
      .filter((finding) => POLICY.has(finding.rule))
      .map((finding) => `${finding.file}:${finding.line} ${finding.severity} ${finding.rule}`);
    expect(found.sort()).toEqual(
      [
        `${at("apps/web/base/deployment.yaml", "# image")} error mutable-tag`,
        `${at("apps/web/overlays/production/hpa.yaml", "# target")} error hpa-target`,
        `${at("argocd/web-production.yaml", "# path")} error argocd-app-path`,
        `${at("argocd/web-production.yaml", "# automated")} error argocd-sync-policy`,
        `${at("plain/legacy.yaml", "# secret")} error plaintext-secret`,
        `${at("plain/legacy.yaml", "# latest")} error latest-tag`,
        `${at("plain/legacy.yaml", "# env")} error secret-in-env`,
      ].sort(),
    );
  });

  it("says which build a rendered finding came from and leaves the dev overlay alone", () => {
    const mutable = report.findings.find((finding) => finding.rule === "mutable-tag")!;
    expect(mutable.message).toContain('production environment "production"');
    expect(mutable.message).toContain("apps/web/overlays/production");
    expect(mutable.resource).toMatchObject({ kind: "Deployment", name: "web" });
  });

  it("keeps the hardened web app free of resource and security findings", () => {
    const web = report.findings.filter((finding) => finding.file.startsWith("apps/web/base/"));
    expect(web.map((finding) => finding.rule)).toEqual(["mutable-tag"]);
  });
});
