import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { loadDocuments, parseYamlFile } from "../../src/validate/load.js";

/**
 * Validation reads documents with js-yaml (the fast plain-data parse, see bench/validate-scale.mjs) and locates
 * findings and edits files with `yaml`. Two parsers are only safe while they agree: on every YAML and JSON file of
 * the fixtures and examples, both give the same data, or both refuse the file.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : files(full);
    return /\.(ya?ml|json)$/i.test(e.name) ? [full] : [];
  });
}

function withYamlLibrary(text: string): unknown[] | "refused" {
  const docs = parseAllDocuments(text, { merge: true, logLevel: "silent" });
  const list = Array.isArray(docs) ? docs : [];
  if (list.some((d) => d.errors.length > 0)) return "refused";
  try {
    return list.map((d) => d.toJS({ maxAliasCount: -1 }));
  } catch {
    return "refused";
  }
}

/**
 * What validation reads: js-yaml, and `yaml` for what js-yaml refuses (local tags such as Home Assistant's
 * `!env_var` or a `!vault` reference, which js-yaml does not know and `yaml` keeps as plain values).
 */
function asValidationReadsIt(file: string, text: string): unknown[] | "refused" {
  const parsed = parseYamlFile(file, text);
  const refusedByJsYaml = (() => {
    try {
      loadDocuments(text);
      return false;
    } catch {
      return true;
    }
  })();
  if (refusedByJsYaml && withYamlLibrary(text) !== "refused") fellBack.push(path.relative(root, file));
  return parsed.documents.length === 0 && refusedByJsYaml && withYamlLibrary(text) === "refused"
    ? "refused"
    : parsed.documents.map((d) => d.object);
}
const fellBack: string[] = [];

/** Go templates parse in one library into collection keys and are refused by the other; neither is YAML. */
const template = (text: string) => text.includes("{{");

describe("js-yaml and yaml read every fixture alike", () => {
  const all = [...files(path.join(root, "test/fixtures")), ...files(path.join(root, "examples"))];

  it("covers the corpus", () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it("gives the same documents for every file both accept, and both refuse the same files", () => {
    const differ: string[] = [];
    for (const file of all) {
      const text = readFileSync(file, "utf8");
      if (template(text)) continue;
      const a = asValidationReadsIt(file, text);
      const b = withYamlLibrary(text);
      // An empty file or one of comments only: js-yaml gives no document, `yaml` one null document.
      const norm = (d: unknown[] | "refused") => (d === "refused" ? d : d.filter((x) => x !== null));
      try {
        expect(norm(a)).toEqual(norm(b));
      } catch {
        differ.push(path.relative(root, file));
      }
    }
    expect(differ).toEqual([]);
    // js-yaml alone reads every valid file but those with local tags; they go through `yaml`, as the engine does.
    expect(fellBack).toEqual([
      "test/fixtures/real-world/flux-homelab/apps/base/home-assistant/config/configuration.yaml",
      "test/fixtures/real-world/kustomize-examples/chart-inflation/values-secrets.yaml",
    ]);
  });
});
