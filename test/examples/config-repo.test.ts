import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { hasComponent } from "../support/components.js";

const root = path.resolve(import.meta.dirname, "../..");
const repo = path.join(root, "examples/config-repo");
const ENVIRONMENTS = ["dev", "staging", "production"] as const;

// biome-ignore lint/suspicious/noExplicitAny: rendered Kubernetes objects are checked field by field below
type Resource = any;

function render(env: string): Resource[] {
  const result = spawnSync("kubectl", ["kustomize", path.join(repo, "apps/guestbook/overlays", env)], {
    encoding: "utf8",
  });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return parseAllDocuments(result.stdout).map((doc) => doc.toJS());
}

const find = (resources: Resource[], kind: string, name: string) =>
  resources.find((r) => r.kind === kind && r.metadata.name === name);

const hasKubectl = hasComponent("kubectl", ["version", "--client"]);

describe.skipIf(!hasKubectl)("the example config repo renders per environment", () => {
  const rendered = Object.fromEntries(ENVIRONMENTS.map((env) => [env, render(env)]));
  const expected = {
    dev: { replicas: 1, cpu: "50m", memory: "64Mi" },
    staging: { replicas: 2, cpu: "100m", memory: "128Mi" },
    production: { replicas: 3, cpu: "250m", memory: "256Mi" },
  };

  it.each(ENVIRONMENTS)("%s: replicas, requests and limits of the frontend and followers", (env) => {
    for (const name of ["frontend", "redis-follower"]) {
      const deployment = find(rendered[env], "Deployment", name);
      expect(deployment.metadata.namespace).toBe(`guestbook-${env}`);
      expect(deployment.spec.replicas).toBe(expected[env].replicas);
      const [container] = deployment.spec.template.spec.containers;
      expect(container.resources.requests).toEqual({ cpu: expected[env].cpu, memory: expected[env].memory });
      expect(container.resources.limits.cpu).toBeDefined();
      expect(container.resources.limits.memory).toBeDefined();
    }
  });

  it.each(ENVIRONMENTS)("%s: every container runs as non-root, without escalation, with probes", (env) => {
    for (const deployment of rendered[env].filter((r) => r.kind === "Deployment")) {
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      for (const container of pod.containers) {
        expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
        expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
        expect(container.readinessProbe).toBeDefined();
        expect(container.livenessProbe).toBeDefined();
      }
    }
  });

  it.each(ENVIRONMENTS)("%s: images are pinned and the Redis password is a SealedSecret", (env) => {
    const images = rendered[env]
      .filter((r) => r.kind === "Deployment")
      .flatMap((d: Resource) => d.spec.template.spec.containers.map((c: Resource) => c.image));
    expect(images).toContain("docker.io/library/redis:7.2.5");
    const frontend = images.find((i: string) => i.startsWith("ghcr.io/acme/guestbook-frontend"));
    expect(frontend).toMatch(/^ghcr\.io\/acme\/guestbook-frontend:sha-[0-9a-f]{7}@sha256:[0-9a-f]{64}$/);
    const sealed = find(rendered[env], "SealedSecret", "redis-auth");
    expect(sealed.apiVersion).toBe("bitnami.com/v1alpha1");
    expect(sealed.spec.encryptedData.password).toMatch(/^Ag[A-Za-z0-9+/]{700,}={0,2}$/);
    expect(rendered[env].some((r) => r.kind === "Secret")).toBe(false);
  });

  it("production scales the frontend 3-10 on 70% CPU and 80% memory", () => {
    const hpa = find(rendered.production, "HorizontalPodAutoscaler", "frontend");
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "frontend" });
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([3, 10]);
    const targets = Object.fromEntries(
      hpa.spec.metrics.map((m: Resource) => [m.resource.name, m.resource.target.averageUtilization]),
    );
    expect(targets).toEqual({ cpu: 70, memory: 80 });
    expect(find(rendered.dev, "HorizontalPodAutoscaler", "frontend")).toBeUndefined();
  });
});

describe("the example's Argo CD objects", () => {
  const app = (env: string) =>
    parse(readFileSync(path.join(repo, `argocd/apps/guestbook-${env}.yaml`), "utf8"));

  it("sync dev automatically with prune and self-heal, staging automatically, production by hand", () => {
    expect(app("dev").spec.syncPolicy.automated).toEqual({ prune: true, selfHeal: true });
    expect(app("staging").spec.syncPolicy.automated).toEqual({});
    expect(app("production").spec.syncPolicy.automated).toBeUndefined();
    for (const env of ENVIRONMENTS) expect(app(env).spec.source.path).toBe(`apps/guestbook/overlays/${env}`);
  });

  it("has an app-of-apps over argocd/apps and an ApplicationSet over the overlays", () => {
    const root = parse(readFileSync(path.join(repo, "argocd/app-of-apps.yaml"), "utf8"));
    expect(root.spec.source.path).toBe("argocd/apps");
    const set = parse(readFileSync(path.join(repo, "argocd/applicationset.yaml"), "utf8"));
    expect(set.spec.generators[0].git.directories).toEqual([{ path: "apps/*/overlays/*" }]);
    expect(set.spec.templatePatch).toContain('ne .path.basename "production"');
  });
});

describe("gitops-pipeline validate examples/config-repo", () => {
  // Rendering the overlays needs kubectl (or kustomize); without it validate says so and exits 1.
  it.runIf(hasKubectl)("exits 0 with no errors under the default rules", () => {
    const result = spawnSync(
      process.execPath,
      [path.join(root, "bin/gitops-pipeline.js"), "validate", "examples/config-repo", "--format", "json"],
      { cwd: root, encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.resources).toBeGreaterThan(20);
  });
});

describe("the example's production rules apply to it", () => {
  /** Validates a copy of the example with one file edited; returns the rule ids found. */
  function validateEdited(
    file: string,
    edit: (text: string) => string,
  ): { status: number | null; rules: string[] } {
    const dir = mkdtempSync(path.join(os.tmpdir(), "example-production-"));
    try {
      cpSync(repo, dir, { recursive: true });
      const target = path.join(dir, file);
      const before = readFileSync(target, "utf8");
      const after = edit(before);
      expect(after).not.toBe(before);
      writeFileSync(target, after);
      const result = spawnSync(
        process.execPath,
        [path.join(root, "bin/gitops-pipeline.js"), "validate", ".", "--format", "json"],
        { cwd: dir, encoding: "utf8" },
      );
      return {
        status: result.status,
        rules: JSON.parse(result.stdout).findings.map((f: { rule: string }) => f.rule),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it.runIf(hasKubectl)("automated sync on the production Application fails validation", () => {
    const result = validateEdited("argocd/apps/guestbook-production.yaml", (text) =>
      text.replace(/ {4}# No `automated:` block.*\n/, "    automated: {}\n"),
    );
    expect(result.status).toBe(1);
    expect(result.rules).toContain("argocd-sync-policy");
  });

  it.runIf(hasKubectl)("a movable tag without digest in production fails validation", () => {
    const result = validateEdited("apps/guestbook/overlays/production/kustomization.yaml", (text) =>
      text.replace(/ {4}newTag: .*\n {4}digest: .*\n/, '    newTag: "1.4"\n'),
    );
    expect(result.status).toBe(1);
    expect(result.rules).toContain("mutable-tag");
  });
});
