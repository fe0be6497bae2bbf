import { Scalar } from "yaml";
import { isUserError } from "../errors.js";
import { type Position, parseYamlFile, positionOf, type YamlFile } from "./document.js";
import type { Splice } from "./splice.js";

/** YAML held as text in a `|` block scalar of another file (Argo CD `helm.values`), with offsets mapped back. */
export interface EmbeddedYaml {
  file: YamlFile;
  /** Position in the outer file of an offset in the embedded text. */
  position(offset: number): Position;
  /** The same edit expressed on the outer file: offsets moved, new lines indented like the block. */
  splice(splice: Splice): Splice;
}

/**
 * Parses the text of a literal block scalar as YAML. Returns undefined when the block is not plainly mappable
 * (folded, explicit indentation indicator, or not YAML): those are left alone rather than guessed at.
 */
export function embeddedYaml(outer: YamlFile, node: Scalar): EmbeddedYaml | undefined {
  if (node.type !== Scalar.BLOCK_LITERAL || typeof node.value !== "string" || !node.range) return undefined;
  const { content } = outer;
  const [start, end] = node.range;
  const headerEnd = content.indexOf("\n", start);
  if (headerEnd < 0 || headerEnd >= end || /\d/.test(content.slice(start, headerEnd))) return undefined;
  const inner = node.value;
  const innerLines = inner.split("\n");
  const outerStarts: number[] = [];
  for (let at = headerEnd + 1; at < end; at = content.indexOf("\n", at) + 1 || end) outerStarts.push(at);
  const firstLine = content.slice(outerStarts[0] ?? end, content.indexOf("\n", outerStarts[0] ?? end));
  const indent = /^ */.exec(firstLine)![0].length;
  // Every embedded line must sit, unchanged, at the block's indentation on its own outer line.
  for (const [k, line] of innerLines.entries()) {
    if (line === "") continue;
    const at = outerStarts[k];
    if (at === undefined || content.slice(at + indent, at + indent + line.length) !== line) return undefined;
  }
  const innerStarts = [0];
  for (let i = inner.indexOf("\n"); i >= 0; i = inner.indexOf("\n", i + 1)) innerStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let k = innerStarts.length - 1;
    while (k > 0 && innerStarts[k]! > offset) k--;
    return k;
  };
  // A line start maps to the outer line's start (before the block's indentation), so whole-line insertions
  // and removals stay whole lines; anything else maps past the indentation.
  const toOuter = (offset: number) => {
    const k = lineOf(offset);
    const line = outerStarts[k];
    if (line === undefined) return end;
    return offset === innerStarts[k] ? line : line + indent + (offset - innerStarts[k]!);
  };
  let file: YamlFile;
  try {
    file = parseYamlFile(outer.path, inner);
  } catch (error) {
    if (isUserError(error)) return undefined;
    throw error;
  }
  const eol = content[headerEnd - 1] === "\r" ? "\r\n" : "\n";
  return {
    file,
    position: (offset) => positionOf(outer, toOuter(offset)),
    splice: (splice) => {
      const pad = " ".repeat(indent);
      const lines = splice.text.split(/\r?\n/);
      const text = lines
        .map((line, i) =>
          (i > 0 || splice.start === innerStarts[lineOf(splice.start)]) && line !== "" ? pad + line : line,
        )
        .join(eol);
      return { start: toOuter(splice.start), end: toOuter(splice.end), text };
    },
  };
}
