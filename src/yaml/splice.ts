/** Replace `content.slice(start, end)` with `text`; the only way the manifests layer changes a file. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices; identical duplicates (two finders reaching one scalar) collapse into one. */
export function applySplices(content: string, splices: Splice[]): string {
  const unique = new Map<string, Splice>();
  for (const splice of splices) unique.set(`${splice.start}:${splice.end}:${splice.text}`, splice);
  const ordered = [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let cursor = 0;
  for (const splice of ordered) {
    if (splice.start < cursor) {
      throw new Error(`overlapping edits at offset ${splice.start}`);
    }
    out += content.slice(cursor, splice.start) + splice.text;
    cursor = splice.end;
  }
  return out + content.slice(cursor);
}
