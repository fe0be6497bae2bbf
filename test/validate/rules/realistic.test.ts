import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyValidateConfig } from "../../../src/validate/config.js";
import { validateManifests } from "../../../src/validate/engine.js";
import { localSource } from "../../../src/validate/local.js";
import { rules } from "../../../src/validate/rules/index.js";
import type { RuleContext } from "../../../src/validate/types.js";
import { check, context, load, type ResourceOptions } from "./helpers.js";

const ENGINE_RULES = new Set([
  "yaml-syntax",
  "duplicate-key",
  "schema",
  "unknown-field",
  "unknown-kind",
  "removed-api",
  "deprecated-api",
  "kustomize-build",
  "kustomize-remote",
  "symlink",
]);
const policyRules = rules.filter((rule) => !ENGINE_RULES.has(rule.id));

function fixture(name: string): string {
  return readFileSync(new URL(`fixtures/realistic/${name}`, import.meta.url), "utf8");
}

/** Every policy rule over one manifest file: rule id → number of findings. */
function findings(name: string, options: ResourceOptions = {}, ctx: RuleContext = context()) {
  const resources = load(fixture(name), { file: `realistic/${name}`, ...options });
  const counts: Record<string, number> = {};
  for (const rule of policyRules) {
    const hits = check(rule, resources, ctx);
    if (hits.length > 0) counts[rule.id] = hits.length;
  }
  return counts;
}

describe("policy rules on manifests shaped like public GitOps repos", () => {
  it("covers every policy rule of the issue", () => {
    expect(policyRules.map((rule) => rule.id).sort()).toEqual(
      [
        "argocd-app-path",
        "argocd-sync-policy",
        "dangling-service",
        "duplicate-resource",
        "host-namespace",
        "host-path",
        "hpa-target",
        "latest-tag",
        "missing-limits",
        "missing-probes",
        "missing-requests",
        "mutable-tag",
        "plaintext-secret",
        "privilege-escalation",
        "privileged",
        "run-as-root",
        "secret-in-env",
        "selector-mismatch",
      ].sort(),
    );
  });

  it("guestbook: only the hardening it really lacks (limits, probes, non-root, escalation)", () => {
    expect(findings("guestbook.yaml")).toEqual({
      "missing-limits": 3,
      "missing-probes": 3,
      "run-as-root": 3,
      "privilege-escalation": 3,
    });
  });

  it("guestbook in production also needs pinned images: its v2 and v5 tags move", () => {
    const production = context({ productionEnvironments: new Set(["production"]) });
    expect(findings("guestbook.yaml", { environment: "production" }, production)["mutable-tag"]).toBe(2);
  });

  it("a hardened ingress controller install passes every policy rule", () => {
    const production = context({ productionEnvironments: new Set(["production"]) });
    expect(findings("ingress-nginx.yaml", { environment: "production" }, production)).toEqual({});
  });

  it("Argo CD apps with manual production sync and existing paths pass", () => {
    const paths = new Set(["apps/shop/overlays/staging", "apps/shop/overlays/production"]);
    const ctx = context({
      productionEnvironments: new Set(["production"]),
      pathExists: (path) => paths.has(path),
      repositoryUrls: ["https://github.com/acme/platform-config"],
    });
    expect(findings("argocd-apps.yaml", {}, ctx)).toEqual({});
  });

  it("the same Argo CD apps fail once production auto-syncs and a path is renamed", () => {
    const paths = new Set(["apps/shop/overlays/staging"]);
    const ctx = context({
      productionEnvironments: new Set(["production"]),
      pathExists: (path) => paths.has(path),
    });
    const text = fixture("argocd-apps.yaml").replace(
      "    namespace: shop-production\n  syncPolicy:\n",
      "    namespace: shop-production\n  syncPolicy:\n    automated: {prune: true}\n",
    );
    const resources = load(text, { file: "realistic/argocd-apps.yaml" });
    const hits = policyRules.flatMap((rule) => check(rule, resources, ctx).map((hit) => [rule.id, hit.name]));
    expect(hits).toEqual([
      ["argocd-app-path", "shop-production"],
      ["argocd-sync-policy", "shop-production"],
    ]);
  });
});

describe("docs/rules.md", () => {
  it("lists every rule with its default severity and description", () => {
    const doc = readFileSync(new URL("../../../docs/rules.md", import.meta.url), "utf8");
    const rows = doc.split("\n").filter((line) => /^\| `[a-z-]+` \|/.test(line));
    expect(rows).toEqual(
      rules.map((rule) => `| \`${rule.id}\` | ${rule.defaultSeverity} | ${rule.description} |`),
    );
  });
});

describe("malformed manifests", () => {
  it("reach the policy rules without crashing them, and the schema rule reports the shape", async () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: broken, labels: [a, b]}
spec:
  selector: {matchLabels: [app], matchExpressions: {key: app}}
  template:
    metadata: {labels: "app=broken"}
    spec:
      hostNetwork: "yes"
      volumes: {data: {hostPath: /data}}
      securityContext: []
      containers:
        - "nginx"
        - name: 42
          image: 7
          env: {DB_PASSWORD: hunter2}
          resources: [cpu]
          securityContext: "privileged"
        - null
---
apiVersion: v1
kind: Service
metadata: {name: svc}
spec: {selector: [app]}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: hpa}
spec: {scaleTargetRef: web, minReplicas: "2", maxReplicas: null}
---
apiVersion: v1
kind: Secret
metadata: {name: s}
data: [a, b]
stringData: "x"
---
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: app-production}
spec:
  source: [path]
  sources: {repoURL: x}
  syncPolicy: {automated: true}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: cron}
spec: {jobTemplate: []}
`;
    const resources = load(text);
    const ctx = context({ productionEnvironments: new Set(["production"]) });
    const hits = policyRules.flatMap((rule) => check(rule, resources, ctx).map((hit) => [rule.id, hit.name]));
    // What is well-formed still counts: the containers lack hardening, production auto-syncs. Malformed fields
    // (a map of env, a string hostNetwork, a list of Secret data) are the schema's to report, not a policy's.
    expect(hits).toEqual([
      ["missing-requests", "broken"],
      ["missing-limits", "broken"],
      ["missing-probes", "broken"],
      ["run-as-root", "broken"],
      ["privilege-escalation", "broken"],
      ["argocd-sync-policy", "app-production"],
    ]);
    const dir = mkdtempSync(path.join(tmpdir(), "realistic-"));
    try {
      writeFileSync(path.join(dir, "broken.yaml"), text);
      const report = await validateManifests(
        { paths: ["."], render: "never", config: emptyValidateConfig, productionEnvironments: [] },
        localSource(dir, dir),
      );
      const schema = report.findings.filter((f) => f.rule === "schema");
      const at = (field: string) => schema.find((f) => f.message.startsWith(field))?.line;
      expect(at("spec.template.spec.hostNetwork must be true or false")).toBe(9);
      expect(at("spec.template.spec.containers[1].env must be a list")).toBe(16);
      expect(at("data must be a map")).toBe(34);
      expect(at("spec.maxReplicas")).toBeUndefined();
      expect(at("spec.scaleTargetRef must be an object")).toBe(29);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
