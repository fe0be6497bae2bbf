import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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
  // One run over the repository's workflows and one broken on purpose: the wasm build takes a few seconds to start.
  it("finds nothing in ours; knows ubuntu-24.04 and attestations; fails with file:line on an injection and a bad label", () => {
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
    const ours = [".github/workflows", "examples/workflows"].flatMap((d) =>
      readdirSync(path.join(root, d))
        .filter((name) => name.endsWith(".yml"))
        .map((name) => path.join(d, name)),
    );
    expect(ours.length).toBeGreaterThanOrEqual(10);
    const result = lint(...ours, file);
    expect(result.status).toBe(1);
    const findings = result.stderr.trim().split("\n");
    expect(findings).toHaveLength(3);
    expect(findings[0]).toMatch(
      new RegExp(`^${file}:9:\\d+: "github\\.event\\.pull_request\\.title" is potentially untrusted`),
    );
    expect(findings[1]).toContain(`${file}:11:14: label "ubuntu-19.04" is unknown`);
    expect(findings[2]).toBe(`actionlint: 2 finding(s) in ${ours.length + 1} workflow files`);
  });
});
