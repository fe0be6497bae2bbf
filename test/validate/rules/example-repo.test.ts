import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ValidateReport } from "../../../src/validate/engine.js";
import { rules } from "../../../src/validate/rules/index.js";
import { runValidation } from "../../../src/validate/run.js";
import { hasComponent } from "../../support/components.js";
import { linesWith } from "./helpers.js";

/**
 * The example config repository, checked the way the action checks a PR: gitops-pipeline.yaml for environments,
 * kustomize for the overlays. Clean as shipped; a PR that auto-syncs production or pins production to a moving
 * tag fails at the line it changed.
 */

const EXAMPLE = new URL("../../../examples/config-repo/", import.meta.url).pathname;
const ENGINE_RULES = new Set(["yaml-syntax", "duplicate-key", "schema", "unknown-field", "unknown-kind"]);
const POLICY = new Set(rules.map((rule) => rule.id).filter((id) => !ENGINE_RULES.has(id)));

async function check(cwd: string): Promise<ValidateReport> {
  return runValidation({ cwd, paths: ["."], render: "auto", crds: [] }, (file) => {
    try {
      return readFileSync(file, "utf8");
    } catch {
      return undefined;
    }
  });
}

const kustomize = hasComponent("kubectl", ["version", "--client"]);

describe.skipIf(!kustomize)("the example config repository", () => {
  let copy: string;

  beforeAll(() => {
    copy = mkdtempSync(path.join(tmpdir(), "policy-example-"));
    cpSync(EXAMPLE, copy, { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("passes every policy rule as shipped", async () => {
    const report = await check(EXAMPLE);
    expect(report.summary.resources).toBeGreaterThan(20);
    expect(report.findings.filter((finding) => POLICY.has(finding.rule))).toEqual([]);
  });

  it("fails a change that turns on automated sync for production, at the added line", async () => {
    const file = "argocd/apps/guestbook-production.yaml";
    const text = readFileSync(path.join(copy, file), "utf8");
    const changed = text.replace("  syncPolicy:\n", "  syncPolicy:\n    automated: {prune: true} # added\n");
    expect(changed).not.toBe(text);
    writeFileSync(path.join(copy, file), changed);
    try {
      const report = await check(copy);
      const policy = report.findings.filter((finding) => POLICY.has(finding.rule));
      expect(policy.map((f) => `${f.file}:${f.line} ${f.severity} ${f.rule}`)).toEqual([
        `${file}:${linesWith(changed, "# added")[0]} error argocd-sync-policy`,
      ]);
    } finally {
      writeFileSync(path.join(copy, file), text);
    }
  });

  it("fails production pinned to a moving tag, pointing at the overlay's images entry, the base second", async () => {
    const file = "apps/guestbook/overlays/production/kustomization.yaml";
    const text = readFileSync(path.join(copy, file), "utf8");
    const changed = text.replace(/newTag: .*\n\s+digest: .*\n/, 'newTag: "1.4"\n');
    expect(changed).not.toBe(text);
    writeFileSync(path.join(copy, file), changed);
    try {
      const report = await check(copy);
      const policy = report.findings.filter((finding) => POLICY.has(finding.rule));
      const base = readFileSync(path.join(copy, "apps/guestbook/base/frontend.yaml"), "utf8");
      const baseLine = linesWith(base, "image: ghcr.io/acme/guestbook-frontend")[0];
      expect(policy.map((f) => `${f.file}:${f.line} ${f.severity} ${f.rule}`)).toEqual([
        `${file}:${linesWith(changed, 'newTag: "1.4"')[0]} error mutable-tag`,
      ]);
      expect(policy[0]!.related).toEqual([
        { file: "apps/guestbook/base/frontend.yaml", line: baseLine, column: expect.any(Number) },
      ]);
      expect(policy[0]!.message).toContain(`the base writes it at apps/guestbook/base/frontend.yaml:${baseLine}`);
      expect(policy[0]!.message).toContain('"ghcr.io/acme/guestbook-frontend:1.4"');
    } finally {
      writeFileSync(path.join(copy, file), text);
    }
  });
});
