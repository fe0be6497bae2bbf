import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { parseOutputFile } from "../support/action.js";
import { workflowCommands } from "../support/workflow-commands.js";

const runtime = await import("../../src/actions/runtime.js");

const HOSTILE = "100% done\r\n::warning::injected, a:b\n##[error]x";

/** Runs `body` with the given runner environment and records what the runner would see: stdout and the output file. */
async function asTheRunnerSees(env: Record<string, string | undefined>, body: () => Promise<void> | void) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gitops-workflow-"));
  const outputFile = path.join(dir, "output");
  const summaryFile = path.join(dir, "summary.md");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const saved = { ...process.env };
  const savedExit = process.exitCode;
  const write = process.stdout.write;
  let stdout = "";
  Object.assign(process.env, { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...env });
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
  process.stdout.write = ((chunk: string) => {
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    await body();
    return {
      stdout,
      exitCode: process.exitCode,
      outputs: parseOutputFile(readFileSync(outputFile, "utf8")),
      summary: readFileSync(summaryFile, "utf8"),
    };
  } finally {
    process.stdout.write = write;
    process.env = saved;
    process.exitCode = savedExit;
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the runner protocol through @actions/core and the action helpers", () => {
  let before: string | number | undefined;
  beforeEach(() => {
    before = process.exitCode;
  });
  afterEach(() => {
    process.exitCode = before;
  });

  it("reads inputs, masks a secret before anything prints it, and writes outputs the runner reads back exactly", async () => {
    let inputs: unknown[] = [];
    const seen = await asTheRunnerSees(
      {
        INPUT_TAGS: "  1.2.3\n\n  latest  \n# note\n",
        INPUT_BUILD_ARGS: " A=1 ",
        INPUT_PASSWORD: "s3cr%t",
        INPUT_PUSH: "yes",
      },
      () => {
        const password = runtime.getSecret("password");
        inputs = [
          runtime.getList("tags"),
          runtime.getString("Build Args"),
          runtime.getString("missing", "fallback"),
          runtime.getBoolean("push", false),
          password,
        ];
        runtime.logInfo(`logged in with ${password}`);
        core.setOutput("digest", "sha256:abc");
        core.setOutput("metadata", { tags: ["a", "b"] });
        core.setOutput("multi", "line1\nline2\nname<<EOF");
      },
    );
    expect(inputs).toEqual([["1.2.3", "latest"], "A=1", "fallback", true, "s3cr%t"]);
    const commands = workflowCommands(seen.stdout);
    // The mask is the first thing the runner reads, escaped so that '%' survives.
    expect(commands[0]).toMatchObject({ name: "add-mask", data: "s3cr%25t" });
    expect(seen.outputs).toEqual({
      digest: "sha256:abc",
      metadata: '{"tags":["a","b"]}',
      multi: "line1\nline2\nname<<EOF",
    });
  });

  it("fences repository text and escapes annotations, so the runner acts on no command inside them", async () => {
    const seen = await asTheRunnerSees({}, () => {
      runtime.logInfo(HOSTILE);
      runtime.actionsLogger.warning(HOSTILE);
      core.warning(HOSTILE, { file: "a,b:c.yaml", startLine: 3, startColumn: 5, title: "t: 1" });
    });
    expect(seen.stdout).toContain("::warning::injected");
    const commands = workflowCommands(seen.stdout);
    expect(commands.map((c) => c.name)).toEqual(["warning", "warning"]);
    expect(commands[1]!.line).toBe(
      "::warning title=t%3A 1,file=a%2Cb%3Ac.yaml,line=3,col=5::100%25 done%0D%0A::warning::injected, a:b%0A##[error]x",
    );
  });

  it("turns a user mistake into one failed-step message and exit code 1", async () => {
    const seen = await asTheRunnerSees({}, () =>
      runtime.runAction(async () => {
        throw new UserError("input 'paths' names nothing", { hint: "Name a folder." });
      }),
    );
    expect(seen.exitCode).toBe(1);
    const errors = workflowCommands(seen.stdout).filter((c) => c.name === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.data).toContain("input 'paths' names nothing");
  });

  it("rejects a boolean or choice input it cannot read, naming the input", () => {
    process.env.INPUT_MODE = "sideways";
    try {
      expect(() => runtime.getChoice("mode", ["commit", "pull-request"], "commit")).toThrow(
        /input 'mode' must be one of commit, pull-request, got "sideways"/,
      );
      expect(() => runtime.getBoolean("mode", false)).toThrow(/input 'mode' must be true or false/);
    } finally {
      delete process.env.INPUT_MODE;
    }
  });

  it("writes the job summary where the runner provides one, and passes quietly where it does not", async () => {
    const written = await asTheRunnerSees({}, async () => {
      await runtime.writeSummary("# a\n");
      await runtime.writeSummary("b\n");
    });
    expect(written.summary).toBe("# a\nb\n");
    const none = await asTheRunnerSees({ GITHUB_STEP_SUMMARY: undefined }, () =>
      runtime.writeSummary("# a\n"),
    );
    expect(none.stdout).toBe("");
    expect(none.exitCode).toBe(before);
  });

  it("keeps what a step saved for its post step: saveState is what the runner hands back as STATE_*", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gitops-state-"));
    const stateFile = path.join(dir, "state");
    writeFileSync(stateFile, "");
    try {
      await asTheRunnerSees({ GITHUB_STATE: stateFile }, () => core.saveState("cleanup", '["/tmp/a b"]'));
      const state = parseOutputFile(readFileSync(stateFile, "utf8"));
      expect(state).toEqual({ cleanup: '["/tmp/a b"]' });
      process.env.STATE_cleanup = state.cleanup;
      expect(core.getState("cleanup")).toBe('["/tmp/a b"]');
    } finally {
      delete process.env.STATE_cleanup;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("list inputs", () => {
  it("keep a '#' inside an entry and drop only whole-line comments", async () => {
    const saved = process.env.INPUT_LABELS;
    process.env.INPUT_LABELS = "priority #1\n# a comment line\n  team/platform , needs #review  \n\n";
    try {
      expect(runtime.getList("labels")).toEqual(["priority #1", "team/platform", "needs #review"]);
    } finally {
      if (saved === undefined) delete process.env.INPUT_LABELS;
      else process.env.INPUT_LABELS = saved;
    }
  });
});
