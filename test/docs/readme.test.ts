import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function node(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, script), ...args], { encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the README and the action.yml files, to change without touching the repository. */
function scratchCheckout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "readme-tables-"));
  temps.push(dir);
  cpSync(path.join(root, "README.md"), path.join(dir, "README.md"));
  for (const name of readdirSync(path.join(root, "actions"))) {
    mkdirSync(path.join(dir, "actions", name), { recursive: true });
    cpSync(path.join(root, "actions", name, "action.yml"), path.join(dir, "actions", name, "action.yml"));
  }
  return dir;
}

describe("README action tables", () => {
  it("match the action.yml files (scripts/readme-tables.mjs --check passes)", () => {
    const result = node("scripts/readme-tables.mjs", ["--check"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("list every input and output of every action", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    for (const name of readdirSync(path.join(root, "actions"))) {
      const text = readFileSync(path.join(root, "actions", name, "action.yml"), "utf8");
      const block = readme.slice(
        readme.indexOf(`<!-- action-table:${name} -->`),
        readme.indexOf(`<!-- /action-table:${name} -->`),
      );
      expect(block, name).toContain(`#### \`${name}\` inputs`);
      for (const [, key] of text.matchAll(/^ {2}([a-z][a-z0-9-]*):\s*$/gm)) {
        if (key === "using" || key === "main") continue;
        expect(block, `${name}: ${key}`).toContain(`| \`${key}\` |`);
      }
    }
  });

  it("--check fails on drift and names the action; a run rewrites only the tables", () => {
    const dir = scratchCheckout();
    // Start from a current README, so only the change below can make a difference.
    expect(node("scripts/readme-tables.mjs", ["--root", dir]).status).toBe(0);
    const file = path.join(dir, "actions", "promote-env", "action.yml");
    const action = readFileSync(file, "utf8");
    const changed = action.includes("inputs:")
      ? action.replace(
          "inputs:\n",
          "inputs:\n  added-input:\n    description: Added | with a pipe\n    default: x\n",
        )
      : `${action}inputs:\n  added-input:\n    description: Added | with a pipe\n    default: x\n`;
    writeFileSync(file, changed);

    const drift = node("scripts/readme-tables.mjs", ["--check", "--root", dir]);
    expect(drift.status).toBe(1);
    expect(drift.stderr).toContain("(action-table:promote-env)");
    expect(drift.stderr).toContain("node scripts/readme-tables.mjs");

    const before = readFileSync(path.join(dir, "README.md"), "utf8");
    expect(node("scripts/readme-tables.mjs", ["--root", dir]).status).toBe(0);
    const after = readFileSync(path.join(dir, "README.md"), "utf8");
    expect(after).toContain("| `added-input` | no | `x` | Added \\| with a pipe |");
    // Outside the promote-env block nothing moved.
    const outside = (text: string) =>
      text.slice(0, text.indexOf("<!-- action-table:promote-env -->")) +
      text.slice(text.indexOf("<!-- /action-table:promote-env -->"));
    expect(outside(after)).toBe(outside(before));
    expect(node("scripts/readme-tables.mjs", ["--check", "--root", dir]).status).toBe(0);
  });

  it("fails with a clear message when an action has no table markers", () => {
    const dir = scratchCheckout();
    mkdirSync(path.join(dir, "actions", "new-action"));
    writeFileSync(
      path.join(dir, "actions", "new-action", "action.yml"),
      "name: new\ndescription: d\nruns:\n  using: node24\n  main: ../../dist/new-action/index.js\n",
    );
    const result = node("scripts/readme-tables.mjs", ["--check", "--root", dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("<!-- action-table:new-action -->");
  });
});

describe("README quick start", () => {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("## Quick start"),
    readme.indexOf("\n## ", readme.indexOf("## Quick start") + 1),
  );
  const commands = (/```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "").trim().split("\n");

  it("is exactly two commands: install and run the demo, then the tests", () => {
    expect(commands).toEqual(["npm ci && npm run demo", "npm test"]);
  });

  it("names npm scripts that exist", () => {
    const scripts = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts;
    expect(scripts.demo).toBe("node scripts/demo.mjs");
    expect(scripts.test).toBeDefined();
  });
});

describe("README links", () => {
  it("point at files and anchors that exist", () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const anchors = new Set(
      [...readme.matchAll(/^#+ (.+)$/gm)].map(([, title]) =>
        title!
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, "")
          .replace(/ /g, "-"),
      ),
    );
    const broken: string[] = [];
    for (const [, target] of readme.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:/.test(target!)) continue;
      if (target!.startsWith("#")) {
        if (!anchors.has(target!.slice(1))) broken.push(target!);
      } else if (!existsSync(path.join(root, target!.split("#")[0]!))) broken.push(target!);
    }
    expect(broken).toEqual([]);
  });
});

describe("CHANGELOG", () => {
  it("has the 0.1.0 section in Keep a Changelog form", () => {
    const changelog = readFileSync(path.join(root, "CHANGELOG.md"), "utf8");
    expect(changelog).toMatch(/^## \[0\.1\.0\] - Unreleased$/m);
    expect(changelog).toMatch(/^### Added$/m);
    expect(changelog).toContain("keepachangelog.com");
  });
});

describe("action and workflow files", () => {
  it("all pass GitHub's schemas (scripts/validate-actions.mjs)", () => {
    const result = node("scripts/validate-actions.mjs", []);
    expect(result.stderr.replace(/WARNING: Glob validation.*\n/g, "")).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^\d+ action and workflow files are valid/);
  });

  it("a workflow with a misspelt key and an action on another runtime fail", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "validate-actions-"));
    temps.push(dir);
    const workflow = path.join(dir, "wf.yml");
    writeFileSync(
      workflow,
      "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n        wtih: {}\n",
    );
    mkdirSync(path.join(dir, "old"));
    const action = path.join(dir, "old", "action.yml");
    writeFileSync(action, "name: a\ndescription: d\nruns:\n  using: node20\n  main: index.js\n");
    const result = node("scripts/validate-actions.mjs", [workflow, action]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Additional property 'wtih' is not allowed");
    expect(result.stderr).toContain('/runs/using: is "node20"');
  });
});
