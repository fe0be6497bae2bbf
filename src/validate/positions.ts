import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseAllDocuments,
  type YAMLMap,
} from "yaml";
import type { ObjectPath } from "./types.js";

export interface Position {
  line: number;
  column: number;
}

interface LocatedFile {
  docs: ReturnType<typeof parseAllDocuments>;
  lineCounter: LineCounter;
}

/**
 * Turns object paths into line:column by parsing a file again with full position tracking — done only for files
 * that have findings, so a clean repository never pays for it. One parse per file, however many findings.
 */
export class PositionIndex {
  private readonly files = new Map<string, LocatedFile>();

  constructor(private readonly read: (file: string) => string | undefined) {}

  /** Where `path` is in document `documentIndex` of `file`: the key of the last segment when it exists, else the
   * deepest part of the path that does, else the document start. */
  locate(file: string, documentIndex: number, path: ObjectPath | undefined): Position | undefined {
    const located = this.load(file);
    if (!located) return undefined;
    const docs = Array.isArray(located.docs) ? located.docs : [];
    const doc = docs[documentIndex];
    if (!doc) return undefined;
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? doc.range?.[0] ?? 0;
    for (const segment of path ?? []) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = findPair(node, String(segment), doc);
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number" && node.items[segment]) {
        node = node.items[segment];
        offset = (node as Node).range?.[0] ?? offset;
      } else break;
    }
    const { line, col } = located.lineCounter.linePos(offset);
    return { line, column: col };
  }

  /** Documents of `file` as the position index sees them, for matching rendered resources to their source. */
  documents(file: string): unknown[] {
    const located = this.load(file);
    if (!located || !Array.isArray(located.docs)) return [];
    return located.docs.map((doc) => (doc.errors.length ? undefined : doc.toJS({ maxAliasCount: -1 })));
  }

  private load(file: string): LocatedFile | undefined {
    let located = this.files.get(file);
    if (!located) {
      const text = this.read(file);
      if (text === undefined) return undefined;
      const lineCounter = new LineCounter();
      located = { docs: parseAllDocuments(text, { lineCounter }), lineCounter };
      this.files.set(file, located);
    }
    return located;
  }
}

/**
 * The pair for `key` in a mapping, looking through merge keys (`<<: *defaults`, `<<: [*a, *b]`) when the mapping
 * does not say it itself: the value is then where the anchor defines it.
 */
function findPair(map: YAMLMap, key: string, doc: Document): Pair | undefined {
  let merged: Pair | undefined;
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    if (String(item.key.value) === key) return item;
    if (item.key.value === "<<" && merged === undefined) {
      const sources = isSeq(item.value) ? item.value.items : [item.value];
      for (const source of sources) {
        const target = isAlias(source) ? source.resolve(doc) : source;
        if (isMap(target)) merged ??= findPair(target, key, doc);
      }
    }
  }
  return merged;
}

/** `spec.template.spec.containers[0].image`: the path the way people write it in messages. */
export function formatPath(path: ObjectPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
