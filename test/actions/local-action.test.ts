import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/action.js";

const LOCAL_ACTION = path.join(ROOT, "node_modules/.bin/local-action");

/** `npx local-action run actions/<name> ../../src/actions/<name>.ts <env file>`, as the README tells contributors. */
function localAction(name: string, envFile: string) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      LOCAL_ACTION,
      ["run", `actions/${name}`, `../../src/actions/${name}.ts`, envFile],
      { cwd: ROOT, maxBuffer: 16 << 20 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as { code?: number }).code ?? 1) : 0,
          output: stdout + stderr,
        }),
    );
  });
}

/** The "Action Outputs" table local-action prints after a run, as name → value. */
function listedOutputs(output: string): Record<string, string> {
  const table = output.slice(output.indexOf("Action Outputs"));
  return Object.fromEntries(
    [...table.matchAll(/│ \d+\s*│ '([^']+)'\s*│ '([^']*)'\s*│/g)].map((row) => [row[1]!, row[2]!]),
  );
}

describe("the action sources under @github/local-action", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "gitops-local-action-"));
    await writeFile(
      path.join(dir, "configmap.yaml"),
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LOG_LEVEL: info\n",
    );
    await writeFile(path.join(dir, "output"), "");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("runs validate-manifests' run() from the TypeScript source, with inputs and outputs from the env file", async () => {
    const envFile = path.join(dir, "good.env");
    await writeFile(
      envFile,
      `INPUT_PATHS=.\nINPUT_RENDER=never\nGITHUB_WORKSPACE=${dir}\nGITHUB_OUTPUT=${path.join(dir, "output")}\nRUNNER_TEMP=${dir}\n`,
    );
    const run = await localAction("validate-manifests", envFile);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("1 file, 1 resource: 0 errors, 0 warnings");
    // local-action stands in for @actions/core and lists the outputs the action set.
    expect(listedOutputs(run.output)).toMatchObject({ errors: "0", files: "1", resources: "1" });
  }, 120_000);

  it("fails the run with the action's own message on a bad input", async () => {
    const envFile = path.join(dir, "bad.env");
    await writeFile(envFile, `INPUT_FAIL-ON=sometimes\nGITHUB_WORKSPACE=${dir}\n`);
    const run = await localAction("validate-manifests", envFile);
    expect(run.output).toContain(
      `::error::input 'fail-on' must be one of error, warning, never, got "sometimes"`,
    );
    expect(run.output).toContain("No outputs were set!");
  }, 120_000);
});
