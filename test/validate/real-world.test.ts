import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runValidation } from "../../src/validate/run.js";
import { hasComponent } from "../support/components.js";

/**
 * The real-world corpus: repositories laid out like public GitOps repositories (a Flux home lab, Argo CD's example
 * apps, microservices-demo's kustomize tree, kustomize's examples). `gitops-pipeline validate .` with no
 * configuration must report exactly what each `<repo>.expected.json` lists — every error a defect planted on
 * purpose — and the image references recorded there (for measuring update-tag) must be where they say.
 */

const CORPUS = new URL("../fixtures/real-world/", import.meta.url).pathname;

interface Expected {
  findings: { rule: string; severity: string; file: string; line: number; defect?: string }[];
  images: { file: string; line: number; image: string; tag?: string; digest?: string; digestLine?: number }[];
  notImages: { file: string; line: number; why: string }[];
}

const repos = readdirSync(CORPUS)
  .filter((name) => name.endsWith(".expected.json"))
  .map((name) => name.replace(/\.expected\.json$/, ""));

const expected = (repo: string): Expected =>
  JSON.parse(readFileSync(path.join(CORPUS, `${repo}.expected.json`), "utf8"));

const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
};

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full, pattern);
    return pattern.test(name) ? [full] : [];
  });
}

const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("the real-world corpus", () => {
  it("has the four repositories", () => {
    expect(repos.sort()).toEqual([
      "argocd-examples",
      "flux-homelab",
      "kustomize-examples",
      "microservices-demo",
    ]);
  });

  describe.runIf(hasComponent("kubectl", ["version", "--client"]))("validate . without configuration", () => {
    for (const repo of repos) {
      it(`reports exactly the expected findings in ${repo}, every error a planted defect`, async () => {
        const report = await runValidation(
          { cwd: path.join(CORPUS, repo), paths: ["."], render: "auto", crds: [] },
          readText,
        );
        const want = expected(repo);
        const got = report.findings.map((f) => `${f.severity} ${f.rule} ${f.file}:${f.line}`);
        expect(got).toEqual(want.findings.map((f) => `${f.severity} ${f.rule} ${f.file}:${f.line}`));
        for (const f of want.findings.filter((f) => f.severity === "error")) {
          expect(f.defect, `${f.rule} ${f.file}:${f.line} must say which defect it is`).toBeTruthy();
        }
      });
    }
  });

  for (const repo of repos) {
    it(`records every image reference of ${repo} where it is`, () => {
      const root = path.join(CORPUS, repo);
      const want = expected(repo);
      const lines = new Map<string, string[]>();
      const lineOf = (file: string, line: number) => {
        if (!lines.has(file)) lines.set(file, readFileSync(path.join(root, file), "utf8").split("\n"));
        return lines.get(file)![line - 1] ?? "";
      };
      const recorded = new Set<string>();
      for (const ref of want.images) {
        const where = `${ref.file}:${ref.line}`;
        expect(ref.tag ?? ref.digest, where).toBeTruthy();
        // The tag (and digest) appear once on their line, so an edit to them is unambiguous.
        if (ref.tag) expect(occurrences(lineOf(ref.file, ref.line), ref.tag), where).toBe(1);
        if (ref.digest)
          expect(occurrences(lineOf(ref.file, ref.digestLine ?? ref.line), ref.digest), where).toBe(1);
        const name = ref.image.split("/").pop()!;
        const context = [ref.line - 4, ref.line - 3, ref.line - 2, ref.line - 1, ref.line]
          .map((n) => lineOf(ref.file, n))
          .join("\n");
        expect(context, `${where} names ${ref.image}`).toContain(name);
        recorded.add(where);
        if (ref.digestLine) recorded.add(`${ref.file}:${ref.digestLine}`);
      }
      for (const not of want.notImages) recorded.add(`${not.file}:${not.line}`);
      // Every line that looks like it holds an image, a tag or a digest is either recorded or explained.
      const missing: string[] = [];
      for (const file of files(root, /\.(ya?ml|jsonnet|libsonnet)$/)) {
        const rel = path.relative(root, file);
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((text, i) => {
            if (/^\s*(-\s*)?(image|newTag|tag|digest)\s*:\s*\S/.test(text) || /\bimage:\s*'/.test(text)) {
              if (!recorded.has(`${rel}:${i + 1}`)) missing.push(`${rel}:${i + 1} ${text.trim()}`);
            }
          });
      }
      expect(missing).toEqual([]);
    });
  }
});
