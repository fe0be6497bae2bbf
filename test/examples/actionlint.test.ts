import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// scripts/actionlint.mjs is what `npm run lint` and CI run over every workflow file.
const root = path.resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(path.join(os.tmpdir(), "actionlint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lint(...files: string[]) {
  return spawnSync(process.execPath, ["scripts/actionlint.mjs", ...files], { cwd: root, encoding: "utf8" });
}

/** A GitHub expression as written in a workflow, built so it is not mistaken for a JS template. */
const expression = (text: string) => ["$", "{{ ", text, " }}"].join("");

describe("actionlint over the workflows", () => {
  it("finds nothing in .github/workflows and examples/workflows", () => {
    const result = lint();
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/actionlint: \d+ workflow files, no findings/);
    expect(result.status).toBe(0);
  });

  it("knows ubuntu-24.04 and the attestations scope, and fails with file:line on an injection and a bad label", () => {
    const file = path.join(dir, "bad.yml");
    writeFileSync(
      file,
      [
        "on: pull_request",
        "permissions:",
        "  attestations: write",
        "jobs:",
        "  ok:",
        "    runs-on: ubuntu-24.04",
        "    timeout-minutes: 5",
        "    steps:",
        `      - run: echo "${expression("github.event.pull_request.title")}"`,
        "  odd:",
        "    runs-on: ubuntu-19.04",
        "    steps:",
        "      - run: true",
        "",
      ].join("\n"),
    );
    const result = lint(file);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}:9:`);
    expect(result.stderr).toMatch(/"github\.event\.pull_request\.title" is potentially untrusted/);
    expect(result.stderr).toContain(`${file}:11:14: label "ubuntu-19.04" is unknown`);
    expect(result.stderr).not.toMatch(/attestations|ubuntu-24\.04" is unknown/);
    expect(result.stderr).toContain("2 finding(s)");
  });
});
