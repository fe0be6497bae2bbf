import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { parseImageRef } from "../../src/image/index.js";
import { updateFile } from "../../src/manifests/index.js";
import { parseYamlFile as parseForValidation } from "../../src/validate/load.js";
import { duplicateKeys, MAX_YAML_BYTES, parseYamlFile } from "../../src/yaml/index.js";

/** One mapping of `keys` keys, about 94 bytes each: 110,000 keys make 10 MB. */
function bigMapping(keys: number): string {
  const lines: string[] = [];
  for (let i = 0; i < keys; i++) lines.push(`key-${i}: value-${i}-${"x".repeat(70)}`);
  return `${lines.join("\n")}\n`;
}

// Speed is measured in bench/update-tag.mjs; these tests check the answers on a file of the size that hung.
const BIG = bigMapping(110_000);
const SLOW = { timeout: 120_000 };

describe("a 10 MB single mapping", () => {
  it("is 10 MB", () => {
    expect(BIG.length).toBeGreaterThan(10_000_000);
  });

  it("reports a repeated key at its own line, naming the first one's line", SLOW, () => {
    const text = `${BIG}key-777: again\n`;
    expect(() => parseYamlFile("big.yaml", text)).toThrow(
      expect.objectContaining({
        message: 'malformed YAML: map keys must be unique; "key-777" repeats the key at line 778',
        location: { file: "big.yaml", line: 110_001, column: 1 },
      }),
    );
  });

  it("gets an image at its end edited, every other byte kept", SLOW, () => {
    const text = `${BIG}image: ghcr.io/acme/app:1.0.0 # last\n`;
    const result = updateFile("values.yaml", text, [parseImageRef("ghcr.io/acme/app:1.0.1")]);
    expect(result.changes).toEqual([expect.objectContaining({ line: 110_001, from: "1.0.0", to: "1.0.1" })]);
    expect(result.content === text.replace("app:1.0.0 #", "app:1.0.1 #")).toBe(true);
  });

  it("gets a duplicate-key finding at the right line from validation's re-parse", SLOW, () => {
    const text = `kind: ConfigMap\napiVersion: v1\ndata:\n${BIG.replace(/^/gm, "  ").slice(0, -2)}  key-5: again\n`;
    const parsed = parseForValidation("big.yaml", text);
    expect(parsed.findings.map((f) => [f.rule, f.line, f.column, f.message])).toEqual([
      [
        "duplicate-key",
        110_004,
        3,
        'duplicate key "key-5" in one mapping: YAML keeps only one of the values; remove or rename one',
      ],
    ]);
  });
});

describe("duplicateKeys", () => {
  const keysOf = (text: string) =>
    duplicateKeys(parseDocument(text, { uniqueKeys: false }).contents).map((d) => [
      d.key,
      d.offset,
      d.firstOffset,
    ]);

  it("follows the parser's rule: equal scalar values, in block and flow maps, at any depth", () => {
    expect(keysOf("a: 1\nb: {c: 1, c: 2}\nd:\n  - e: 1\n    e: 2\na: 3\n")).toEqual([
      ["c", 15, 9],
      ["e", 37, 28],
      ["a", 42, 0],
    ]);
  });

  it("keeps keys apart that only look alike (a number and a string, complex keys)", () => {
    expect(keysOf('1: a\n"1": b\n? [x]\n: c\n? [x]\n: d\n')).toEqual([]);
    expect(keysOf("0x10: a\n16: b\n")).toEqual([["16", 8, 0]]);
  });
});

describe("the size limit of the edit path", () => {
  it("refuses a file above it by name, before parsing", () => {
    const text = `# ${"x".repeat(MAX_YAML_BYTES)}\n`;
    expect(() => updateFile("huge.yaml", text, [parseImageRef("ghcr.io/acme/app:1")])).toThrow(
      expect.objectContaining({
        message: "this file is 32.0 MiB; YAML files above 32 MiB are not edited",
        location: { file: "huge.yaml" },
      }),
    );
  });
});
