import { isScalar, type Pair, type YAMLMap } from "yaml";
import type { YamlFile } from "./document.js";
import type { Splice } from "./splice.js";

/** The line ending at or after `at`; on a last line without one, the line ending of the line before. */
function lineEnding(content: string, at: number): string {
  let newline = content.indexOf("\n", at);
  if (newline < 0) newline = content.lastIndexOf("\n", at);
  return newline > 0 && content[newline - 1] === "\r" ? "\r\n" : "\n";
}

function lineStart(content: string, at: number): number {
  return content.lastIndexOf("\n", at - 1) + 1;
}

function keyStart(pair: Pair): number {
  return (pair.key as { range?: [number, number, number] }).range![0];
}

function valueEnd(pair: Pair): number {
  const value = pair.value as { range?: [number, number, number] } | null;
  if (value?.range) return value.range[1];
  return (pair.key as { range?: [number, number, number] }).range![1] + 1;
}

/**
 * Inserts `key: text` right after `after` in the same map, in the map's own style: a new line at the key's
 * indentation (with the file's line ending) in block maps, `, key: text` in flow maps.
 */
export function insertPair(file: YamlFile, map: YAMLMap, after: Pair, key: string, text: string): Splice {
  const { content } = file;
  const end = valueEnd(after);
  if (map.flow) return { start: end, end, text: `, ${key}: ${text}` };
  const start = keyStart(after);
  const indent = " ".repeat(start - lineStart(content, start));
  const eol = lineEnding(content, end - 1);
  const newline = content.indexOf("\n", Math.max(end - 1, start));
  if (newline < 0)
    return { start: content.length, end: content.length, text: `${eol}${indent}${key}: ${text}` };
  return { start: newline + 1, end: newline + 1, text: `${indent}${key}: ${text}${eol}` };
}

/**
 * Removes one pair with its line (block) or its separator (flow). A pair that shares its line with a
 * sequence dash (`- digest: …`) is removed up to the next key so the dash stays with the entry.
 */
export function removePair(file: YamlFile, map: YAMLMap, pair: Pair): Splice {
  const { content } = file;
  const index = map.items.indexOf(pair);
  const start = keyStart(pair);
  const end = valueEnd(pair);
  const next = map.items[index + 1];
  const previous = map.items[index - 1];
  if (map.flow) {
    if (previous) return { start: valueEnd(previous), end, text: "" };
    if (next) return { start, end: keyStart(next), text: "" };
    return { start, end, text: "" };
  }
  const ownLine = content.slice(lineStart(content, start), start).trim() === "";
  if (!ownLine) {
    if (next) return { start, end: keyStart(next), text: "" };
    return { start, end, text: "" };
  }
  const newline = content.indexOf("\n", Math.max(end - 1, start));
  const from = lineStart(content, start);
  if (newline < 0 && from > 0) {
    // The last line has no line break: take the one before it, so the file still ends without one.
    return { start: content[from - 2] === "\r" ? from - 2 : from - 1, end: content.length, text: "" };
  }
  return { start: from, end: newline < 0 ? content.length : newline + 1, text: "" };
}

export function isStringScalar(node: unknown): boolean {
  return isScalar(node) && (typeof node.value === "string" || typeof node.value === "number");
}
