import { describe, expect, it } from "vitest";
import { isScalar, parse, type Scalar } from "yaml";
import { applySplices, needsQuotes, parseYamlFile, replaceScalar } from "../../src/yaml/index.js";

describe("needsQuotes", () => {
  const quoted = [
    "1.10",
    "1.0",
    "2",
    "017",
    "0x10",
    "0o17",
    "0b101",
    "1e3",
    "1E-3",
    "1_000",
    "+1",
    "-2",
    ".5",
    ".inf",
    "-.Inf",
    ".NaN",
    "true",
    "False",
    "on",
    "OFF",
    "yes",
    "No",
    "y",
    "n",
    "~",
    "null",
    "Null",
    "",
    "1:20",
    "190:20:30.15",
    "2024-01-05",
    "2024.01",
    "2001-12-14t21:59:43.10-05:00",
    "=",
    "<<",
    " lead",
    "trail ",
    "a #b",
    "a: b",
    "- x",
    "@x",
    "`x",
    "!tag",
    "&a",
    "*a",
    "%x",
    "'q",
    '"q',
    "[x",
    "{x",
    "|x",
    ">x",
    "? x",
    "#x",
  ];
  const plain = [
    "1.4.2",
    "v1.10",
    "latest",
    "1.0-rc.1",
    "ghcr.io/acme/app:1.4.2",
    "stable-alpine",
    "20240105-abc",
    "2024.01.05",
    "1.27-bookworm",
    `sha256:${"a".repeat(64)}`,
  ];
  it.each(quoted)("%j is quoted", (value) => {
    expect(needsQuotes(value)).toBe(true);
  });
  it.each(plain)("%j stays plain and reads back as itself in YAML 1.1 and 1.2", (value) => {
    expect(needsQuotes(value)).toBe(false);
    expect(parse(`k: ${value}`, { version: "1.1" }).k).toBe(value);
    expect(parse(`k: ${value}`).k).toBe(value);
  });
  it("quotes flow indicators only inside flow collections", () => {
    expect(needsQuotes("a,b")).toBe(false);
    expect(needsQuotes("a,b", true)).toBe(true);
  });
});

function edit(source: string, key: string, value: string): string {
  const file = parseYamlFile("f.yaml", source);
  const node = (file.documents[0]!.contents as { get(k: string, keep: true): unknown }).get(key, true);
  if (!isScalar(node)) throw new Error("not a scalar");
  return applySplices(source, [replaceScalar(source, node as Scalar, value, { file: "f.yaml", line: 1 })]);
}

describe("replaceScalar keeps the style of the value it replaces", () => {
  const cases: [string, string, string, string][] = [
    ["plain", "tag: 1.4.2 # c\n", "1.5.0", "tag: 1.5.0 # c\n"],
    ["plain to a number-looking value", "tag: v1\n", "1.10", 'tag: "1.10"\n'],
    ["single quotes, with an apostrophe escaped", "tag: 'a'\n", "it's", "tag: 'it''s'\n"],
    ["double quotes, with escapes", 'tag: "a"\n', 'q"\\', 'tag: "q\\"\\\\"\n'],
    ["anchor kept", "tag: &t 1.0.0\n", "1.0.1", "tag: &t 1.0.1\n"],
    ["explicit tag kept", "tag: !!str 1.0\n", "2.0", 'tag: !!str "2.0"\n'],
    ["empty value gets a space", "tag:\nx: 1\n", "1.0.1", "tag: 1.0.1\nx: 1\n"],
    [
      "literal block, chomping and indentation kept",
      "tag: |-\n    1.0\nx: 1\n",
      "2.0",
      "tag: |-\n    2.0\nx: 1\n",
    ],
    ["CRLF", "a: 1\r\ntag: v1 \r\n", "v2", "a: 1\r\ntag: v2 \r\n"],
  ];
  it.each(cases)("%s", (_, source, value, expected) => {
    const out = edit(source, "tag", value);
    expect(out).toBe(expected);
    expect(parse(out, { version: "1.1" }).tag).toBe(value);
  });

  it("refuses a multi-line block scalar", () => {
    expect(() => edit("tag: |\n  a\n  b\n", "tag", "c")).toThrow(/multi-line block scalar/);
  });
});

describe("parseYamlFile", () => {
  it("reports syntax errors at file:line:column", () => {
    expect(() => parseYamlFile("dir/bad.yaml", "a: 1\nb: [1, 2\nc: 3\n")).toThrow(
      expect.objectContaining({
        location: { file: "dir/bad.yaml", line: expect.any(Number), column: expect.any(Number) },
      }),
    );
  });
  it("accepts an empty file", () => {
    expect(parseYamlFile("empty.yaml", "").documents).toEqual([]);
  });
});

describe("parseYamlFile refuses what Go's YAML readers refuse", () => {
  it("duplicate keys, at the second one", () => {
    expect(() => parseYamlFile("k.yaml", "images:\n  - name: a\n    newTag: 1\n    newTag: 2\n")).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/unique/),
        location: expect.objectContaining({ line: 4 }),
      }),
    );
  });
});
