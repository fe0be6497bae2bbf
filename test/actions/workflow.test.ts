import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as toolkit from "@actions/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as ours from "../../src/actions/workflow.js";
import { parseOutputFile } from "../support/action.js";

type Runtime = Pick<
  typeof ours,
  | "getInput"
  | "getMultilineInput"
  | "setOutput"
  | "setSecret"
  | "info"
  | "debug"
  | "notice"
  | "warning"
  | "error"
> & { setFailed(message: string): void };

const HOSTILE = "100% done\r\n::warning::injected, a:b\n##[error]x";

/** Runs the same calls through one runtime and records everything the runner would see. */
function recordCalls(runtime: Runtime, env: Record<string, string | undefined>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gitops-workflow-"));
  const outputFile = path.join(dir, "output");
  writeFileSync(outputFile, "");
  const saved = { ...process.env };
  const savedExit = process.exitCode;
  const write = process.stdout.write;
  let stdout = "";
  Object.assign(process.env, { GITHUB_OUTPUT: outputFile, ...env });
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
  process.stdout.write = ((chunk: string) => {
    stdout += chunk;
    return true;
  }) as typeof process.stdout.write;
  try {
    const inputs = [
      runtime.getInput("tags"),
      runtime.getInput("Build Args"),
      runtime.getMultilineInput("tags"),
    ];
    runtime.setSecret("s3cr%t\nline2");
    runtime.info(HOSTILE);
    runtime.debug(HOSTILE);
    runtime.notice(HOSTILE);
    runtime.warning(HOSTILE, { file: "a,b:c.yaml", startLine: 3, startColumn: 5, title: "t: 1" });
    runtime.error(HOSTILE, { file: "x.yaml", startLine: 0 });
    runtime.setOutput("digest", "sha256:abc");
    runtime.setOutput("metadata", { tags: ["a", "b"] });
    runtime.setOutput("multi", "line1\nline2");
    runtime.setFailed(HOSTILE);
    const exitCode = process.exitCode;
    return {
      inputs,
      stdout,
      exitCode,
      outputs:
        "GITHUB_OUTPUT" in env && env.GITHUB_OUTPUT === undefined
          ? {}
          : parseOutputFile(readFileSync(outputFile, "utf8")),
    };
  } finally {
    process.stdout.write = write;
    process.env = saved;
    process.exitCode = savedExit;
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the workflow protocol spoken without @actions/core", () => {
  const env = {
    INPUT_TAGS: "  1.2.3\n\n  latest  \n",
    INPUT_BUILD_ARGS: " A=1 ",
  };
  let before: string | number | undefined;
  beforeEach(() => {
    before = process.exitCode;
  });
  afterEach(() => {
    process.exitCode = before;
  });

  it("writes exactly what the official toolkit writes: commands, escapes, outputs, failure", () => {
    const theirs = recordCalls(toolkit, env);
    const mine = recordCalls(ours, env);
    expect(mine).toEqual(theirs);
    expect(mine.exitCode).toBe(1);
    expect(mine.outputs).toEqual({
      digest: "sha256:abc",
      metadata: '{"tags":["a","b"]}',
      multi: "line1\nline2",
    });
  });

  it("falls back to set-output commands the same way when the runner names no output file", () => {
    const noFile = { ...env, GITHUB_OUTPUT: undefined };
    expect(recordCalls(ours, noFile).stdout).toEqual(recordCalls(toolkit, noFile).stdout);
  });

  it("writes the job summary only where the runner provides one", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gitops-summary-"));
    const file = path.join(dir, "summary.md");
    writeFileSync(file, "");
    const saved = process.env.GITHUB_STEP_SUMMARY;
    try {
      delete process.env.GITHUB_STEP_SUMMARY;
      expect(ours.appendSummary("# a\n")).toBe(false);
      process.env.GITHUB_STEP_SUMMARY = file;
      expect(ours.appendSummary("# a\n")).toBe(true);
      expect(ours.appendSummary("b\n")).toBe(true);
      expect(readFileSync(file, "utf8")).toBe("# a\nb\n");
    } finally {
      if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("list inputs", () => {
  it("keep a '#' inside an entry and drop only whole-line comments", async () => {
    const { getList } = await import("../../src/actions/runtime.js");
    const saved = process.env.INPUT_LABELS;
    process.env.INPUT_LABELS = "priority #1\n# a comment line\n  team/platform , needs #review  \n\n";
    try {
      expect(getList("labels")).toEqual(["priority #1", "team/platform", "needs #review"]);
    } finally {
      if (saved === undefined) delete process.env.INPUT_LABELS;
      else process.env.INPUT_LABELS = saved;
    }
  });
});
