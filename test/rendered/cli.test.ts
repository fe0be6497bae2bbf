import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { hasComponent } from "../support/components.js";
import { configRepo, git, gitRepo, writeFiles } from "./fixture.js";

/** `gitops-pipeline diff-envs --rendered` and `validate --diff-base`, from the shipped CLI bundle. */

const CLI = fileURLToPath(new URL("../../dist/cli/index.js", import.meta.url));
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("node", [CLI, ...args], { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.runIf(hasComponent("git") && hasComponent("kubectl", ["version", "--client"]))(
  "rendered diffs (CLI)",
  () => {
    it("diff-envs --rendered shows replicas, resources, env, config and one-sided objects, never secret values", async () => {
      const repo = gitRepo(configRepo(), roots);
      const text = await cli(["diff-envs", "--repo", ".", "--rendered", "staging", "production"], repo);
      expect(text).toMatchObject({ code: 0, stderr: "" });
      expect(text.stdout).toBe(
        [
          "app web (apps/web/overlays/staging vs apps/web/overlays/production)",
          "  ~ ConfigMap web-production/web-config (namespace web-staging in staging)",
          "      data.MODE: staging -> production",
          "  ~ Deployment web-production/web (namespace web-staging in staging)",
          "      spec.replicas: 1 -> 4",
          "      spec.template.spec.containers[web].env[LOG_LEVEL].value: info -> warn",
          "      spec.template.spec.containers[web].resources.limits.memory: + 1Gi",
          "  + PodDisruptionBudget web-production/web (only in production)",
          "  ~ Secret web-production/db (namespace web-staging in staging)",
          "      data.password: changed (value hidden)",
          "",
        ].join("\n"),
      );
      const json = await cli(
        ["diff-envs", "--repo", ".", "--rendered", "staging", "production", "--json"],
        repo,
      );
      expect(json.code).toBe(0);
      const parsed = JSON.parse(json.stdout);
      expect(
        parsed.apps[0].objects.map((o: { kind: string; change: string }) => `${o.change} ${o.kind}`),
      ).toEqual(["changed ConfigMap", "changed Deployment", "added PodDisruptionBudget", "changed Secret"]);
      expect(parsed.apps[0].objects[3].fields).toEqual([
        { path: "data.password", change: "changed", hidden: true },
      ]);
      for (const out of [text.stdout, json.stdout]) {
        for (const pw of ["staging-pw-1", "production-pw-1"]) {
          expect(out).not.toContain(pw);
          expect(out).not.toContain(Buffer.from(pw).toString("base64"));
        }
      }
    });

    it("diff-envs --rendered says when environments render the same, and exits 1 naming an overlay that does not build", async () => {
      const repo = gitRepo(configRepo(), roots);
      writeFiles(repo, {
        "apps/web/overlays/production/kustomization.yaml":
          configRepo()["apps/web/overlays/staging/kustomization.yaml"]!,
      });
      const same = await cli(["diff-envs", "--repo", ".", "--rendered", "staging", "production"], repo);
      // Only the namespace differs, which pairs the objects rather than being a difference of its own.
      expect(same).toMatchObject({
        code: 0,
        stdout: "staging and production render the same objects (1 app)\n",
      });
      writeFiles(repo, { "apps/web/overlays/production/kustomization.yaml": "resources: [../../missing]\n" });
      const broken = await cli(["diff-envs", "--repo", ".", "--rendered", "staging", "production"], repo);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain("apps/web/overlays/production does not render:");
    });

    it("validate --diff-base renders only the overlays a change affects, at the base commit and in the working tree", async () => {
      const repo = gitRepo(configRepo(), roots);
      git(repo, ["checkout", "-qb", "change"]);
      writeFiles(repo, {
        ...configRepo({ baseReplicas: 2, stagingPassword: "rotated-pw-2" }),
        "apps/api/overlays/staging/kustomization.yaml": "resources: [cm.yaml]\n",
        "apps/api/overlays/staging/cm.yaml":
          "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: api}\ndata: {a: b}\n",
      });
      git(repo, ["add", "-A"]);
      git(repo, ["commit", "-qm", "change"]);
      const run = await cli(["validate", "--fail-on", "never", "--diff-base", "main"], repo);
      expect(run.code).toBe(0);
      const diff = run.stdout.slice(run.stdout.indexOf("rendered diff against"));
      expect(diff).toBe(
        [
          `rendered diff against ${git(repo, ["rev-parse", "main"]).slice(0, 12)}: 3 overlay(s) affected by 4 changed file(s), 5 kustomize build(s)`,
          "",
          "apps/api/overlays/staging: added",
          "  + ConfigMap api (only in head)",
          "",
          // production sets its own replicas, so the base's change does not reach it.
          "apps/web/overlays/production: unchanged",
          "",
          "apps/web/overlays/staging: changed",
          "  ~ Deployment web-staging/web",
          "      spec.replicas: 1 -> 2",
          "  ~ Secret web-staging/db",
          "      data.password: changed (value hidden)",
          "",
        ].join("\n"),
      );
      expect(run.stdout).not.toContain("rotated-pw-2");
      const unknown = await cli(["validate", "--diff-base", "no-such-branch"], repo);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('git does not know the commit "no-such-branch"');
    });
  },
);
