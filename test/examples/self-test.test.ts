import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runBundledAction } from "../support/action.js";
import { hasComponent } from "../support/components.js";

const root = path.resolve(import.meta.dirname, "../..");
const workflow = parse(readFileSync(path.join(root, ".github/workflows/self-test.yml"), "utf8"));

/**
 * The inputs the runner hands a `uses: ./actions/<name>` step: the step's `with:` as strings, then every other
 * input's default from action.yml. `github.token` is the only expression a default here uses.
 */
function runnerInputs(name: string, given: Record<string, unknown>): Record<string, string> {
  const action = parse(readFileSync(path.join(root, "actions", name, "action.yml"), "utf8"));
  const inputs: Record<string, string> = {};
  for (const [key, spec] of Object.entries<{ default?: unknown }>(action.inputs ?? {})) {
    if (spec.default === undefined) continue;
    inputs[key] = String(spec.default).replace(/\$\{\{\s*github\.token\s*\}\}/, "ghs_selftest");
  }
  for (const [key, value] of Object.entries(given)) inputs[key] = String(value);
  return inputs;
}

function actionStep(job: string) {
  const step = workflow.jobs[job].steps.find((s: { uses?: string }) => s.uses?.startsWith("./actions/"));
  return { name: step.uses.slice("./actions/".length) as string, with: step.with as Record<string, unknown> };
}

/** A workspace like the runner's checkout (a Git clone) holding a copy of the example, so a run cannot touch this tree. */
const workspace = mkdtempSync(path.join(os.tmpdir(), "self-test-"));
cpSync(path.join(root, "examples/config-repo"), path.join(workspace, "examples/config-repo"), {
  recursive: true,
});
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=CI", "-c", "user.email=ci@example.com", "-C", workspace, ...args]);
git("init", "-q", "-b", "main");
git("add", "-A");
git("commit", "-q", "-m", "checkout");
// As actions/checkout leaves it; a dry run must not need to reach it.
git("remote", "add", "origin", "https://github.com/gitops-pipeline/gitops-pipeline.git");
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const renders = hasComponent("kubectl", ["version", "--client"]);

describe(".github/workflows/self-test.yml, run here through the bundles", () => {
  it.runIf(renders)("validate-example: the example has no errors and a SARIF report", async () => {
    const step = actionStep("validate-example");
    const run = await runBundledAction(step.name, {
      inputs: runnerInputs(step.name, step.with),
      cwd: workspace,
    });
    expect(run.stderr).toBe("");
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
    expect(run.outputs.errors).toBe("0");
    expect(Number(run.outputs.resources)).toBeGreaterThan(0);
    const sarif = JSON.parse(readFileSync(path.resolve(workspace, run.outputs["sarif-file"]!), "utf8"));
    expect(sarif.version).toBe("2.1.0");
  });

  it("update-manifest-tag-dry-run: reports the change and writes nothing", async () => {
    const step = actionStep("update-manifest-tag-dry-run");
    const file = path.join(workspace, "examples/config-repo/apps/guestbook/overlays/dev/kustomization.yaml");
    const before = readFileSync(file, "utf8");
    const run = await runBundledAction(step.name, {
      inputs: runnerInputs(step.name, step.with),
      cwd: workspace,
    });
    expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
    expect(run.outputs.changed).toBe("true");
    const changes = JSON.parse(run.outputs.changes!);
    expect(changes).toEqual([
      expect.objectContaining({
        file: "apps/guestbook/overlays/dev/kustomization.yaml",
        image: "ghcr.io/acme/guestbook-frontend",
      }),
    ]);
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});
