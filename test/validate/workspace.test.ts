import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PathError, runValidation } from "../../src/validate/run.js";
import { hasComponent } from "../support/components.js";

/** What validation reads from disk is bounded by the workspace: links out of it and loops are not followed. */

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const secret = (name: string) =>
  `apiVersion: v1\nkind: Secret\nmetadata: {name: ${name}}\nstringData: {password: hunter2}\n`;
const configMap = (name: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {a: b}\n`;

/** A workspace `ws` beside a directory `outside` holding a Secret the workspace must never reveal. */
function layout(files: Record<string, string>, links: Record<string, string> = {}) {
  const top = mkdtempSync(path.join(tmpdir(), "validate-workspace-"));
  dirs.push(top);
  const ws = path.join(top, "ws");
  mkdirSync(path.join(top, "outside", "base"), { recursive: true });
  writeFileSync(path.join(top, "outside", "secret.yaml"), secret("outside-secret-name"));
  writeFileSync(path.join(top, "outside", "base", "secret.yaml"), secret("outside-secret-name"));
  writeFileSync(path.join(top, "outside", "base", "kustomization.yaml"), "resources: [secret.yaml]\n");
  mkdirSync(ws);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(ws, file)), { recursive: true });
    writeFileSync(path.join(ws, file), text);
  }
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(ws, link)), { recursive: true });
    symlinkSync(target, path.join(ws, link));
  }
  return ws;
}

const check = (ws: string, paths: string[] = ["."], more: { crds?: string[]; configFile?: string } = {}) =>
  runValidation(
    { cwd: ws, paths, render: "never", crds: more.crds ?? [], configFile: more.configFile },
    (file) => readFileSync(file, "utf8"),
  );

const list = (report: Awaited<ReturnType<typeof check>>) =>
  report.findings.map((f) => `${f.rule} ${f.severity} ${f.file}`);

describe("symbolic links in the workspace", () => {
  it("does not read a file through a link leading outside, and names the link in a warning", async () => {
    const ws = layout(
      { "apps/cm.yaml": configMap("app") },
      { "apps/leak.yaml": "../../outside/secret.yaml" },
    );
    const report = await check(ws);
    expect(list(report)).toEqual(["symlink warning apps/leak.yaml"]);
    expect(report.findings[0].message).toContain("leads outside the workspace");
    expect(JSON.stringify(report)).not.toContain("outside-secret-name");
    expect(report.summary).toMatchObject({ files: 1, resources: 1 });
  });

  it("does not walk into a directory linked from outside the workspace", async () => {
    const ws = layout({ "apps/cm.yaml": configMap("app") }, { "apps/vendor": "../../outside" });
    const report = await check(ws);
    expect(list(report)).toEqual(["symlink warning apps/vendor"]);
    expect(JSON.stringify(report)).not.toContain("outside-secret-name");
  });

  it("reads a link to a file inside the workspace once, under the path it was found by", async () => {
    const ws = layout(
      { "shared/cm.yaml": configMap("shared"), "apps/cm.yaml": configMap("app") },
      { "apps/shared.yaml": "../shared/cm.yaml", "apps/again.yaml": "../shared/cm.yaml" },
    );
    // Only apps/ is checked: the shared file is read through the first link, once.
    const only = await check(ws, ["apps"]);
    expect(only.files).toEqual(["apps/again.yaml", "apps/cm.yaml"]);
    expect(only.findings).toEqual([]);
    // The whole workspace: the file is checked under its own path, and no link makes it a duplicate.
    const all = await check(ws);
    expect(all.files).toEqual(["apps/cm.yaml", "shared/cm.yaml"]);
    expect(all.summary).toMatchObject({ files: 2, resources: 2, errors: 0, warnings: 0 });
  });

  it("terminates on links that loop, and names each", async () => {
    const ws = layout(
      { "apps/cm.yaml": configMap("app"), "a/cm.yaml": configMap("a"), "b/cm.yaml": configMap("b") },
      {
        self: ".",
        again: ".",
        "apps/up": "..",
        // Two directories linking to each other, and two files linking to each other.
        "a/to-b": "../b",
        "b/to-a": "../a",
        "x.yaml": "y.yaml",
        "y.yaml": "x.yaml",
      },
    );
    const report = await check(ws);
    expect(list(report)).toEqual([
      "symlink warning a/to-b/to-a",
      "symlink warning again",
      "symlink warning apps/up",
      "symlink warning self",
      "symlink warning x.yaml",
      "symlink warning y.yaml",
    ]);
    expect(report.findings.every((f) => /loop/.test(f.message))).toBe(true);
    expect(report.files).toEqual(["a/cm.yaml", "apps/cm.yaml", "b/cm.yaml"]);
  });
});

describe("paths outside the workspace", () => {
  it("refuses paths, CRD files and the config file outside the workspace, also through a link", async () => {
    const ws = layout({ "apps/cm.yaml": configMap("app") }, { out: "../outside" });
    await expect(check(ws, ["../../.."])).rejects.toThrow("path ../../.. is outside the workspace");
    await expect(check(ws, ["../../.."])).rejects.toBeInstanceOf(PathError);
    await expect(check(ws, ["out"])).rejects.toThrow(
      "path out leads outside the workspace through the link out",
    );
    await expect(check(ws, ["."], { crds: ["../outside/secret.yaml"] })).rejects.toThrow(
      "the CRD file ../outside/secret.yaml is outside the workspace",
    );
    await expect(check(ws, ["."], { crds: ["out/secret.yaml"] })).rejects.toThrow(
      "the CRD file out/secret.yaml leads outside the workspace through the link out",
    );
    await expect(check(ws, ["."], { configFile: "out/secret.yaml" })).rejects.toThrow(
      "the config file out/secret.yaml leads outside the workspace through the link out",
    );
    await expect(check(ws, ["."], { configFile: "../outside/secret.yaml" })).rejects.toThrow(
      "is outside the workspace",
    );
  });

  it.runIf(hasComponent("kubectl", ["version", "--client"]))(
    "refuses a kustomize build that draws on a base outside the workspace, and reports none of its objects",
    async () => {
      const ws = layout(
        {
          "up/kustomization.yaml": "resources: [../../outside/base]\n",
          "linked/kustomization.yaml": "resources: [base]\n",
        },
        { "linked/base": "../../outside/base" },
      );
      const report = await runValidation({ cwd: ws, paths: ["."], render: "auto", crds: [] }, (file) =>
        readFileSync(file, "utf8"),
      );
      expect(list(report)).toEqual([
        "symlink warning linked/base",
        "kustomize-build error linked/kustomization.yaml",
        "kustomize-build error up/kustomization.yaml",
      ]);
      expect(report.findings[1].message).toContain(
        "which is outside the workspace; its output is not checked",
      );
      expect(JSON.stringify(report)).not.toContain("outside-secret-name");
      expect(report.summary.resources).toBe(0);
    },
  );
});

describe("files a repository may hold", () => {
  it("an alias to an anchor defined nowhere is a yaml-syntax finding, not a crash", async () => {
    const { parseYamlFile } = await import("../../src/validate/load.js");
    const parsed = parseYamlFile("attributes.yaml", "operation:\n  attributes:\n  - *location\n");
    expect(parsed.documents).toEqual([]);
    expect(parsed.findings.map((f) => `${f.rule} ${f.file}:${f.line}`)).toEqual([
      "yaml-syntax attributes.yaml:1",
    ]);
    expect(parsed.findings[0].message).toMatch(/alias/i);
  });
});
