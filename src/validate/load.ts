import { CORE_SCHEMA, loadAll, mergeTag } from "js-yaml";
import { LineCounter, parseAllDocuments } from "yaml";
import { duplicateKeys } from "../yaml/duplicates.js";
import type { Finding } from "./types.js";

/** One YAML document of a file as plain data, with the 1-based line of its first content. */
export interface ParsedDocument {
  object: unknown;
  index: number;
  line: number;
}

export interface ParsedFile {
  documents: ParsedDocument[];
  /** yaml-syntax and duplicate-key findings, one per problem, every document of the file checked. */
  findings: Finding[];
}

/**
 * Parses every document of a file. The common case — a well-formed file — goes through js-yaml, the fastest plain
 * parse; only a file it rejects is parsed again with `yaml`, which keeps going after an error, so every broken
 * document and every duplicate key gets its own finding with line and column.
 */
/** YAML merge keys (`<<: *defaults`) are resolved, as the Kubernetes YAML reader and kustomize do. */
const schema = CORE_SCHEMA.withTags(mergeTag);

/** Every document of `text` as plain data; throws on the first syntax error. */
export function loadDocuments(text: string): unknown[] {
  return loadAll(text, { schema });
}

export function parseYamlFile(file: string, text: string): ParsedFile {
  let objects: unknown[];
  try {
    objects = loadDocuments(text);
  } catch (error) {
    const slow = parseSlowly(file, text);
    // The two parsers disagree on a few edge cases; what js-yaml rejects must still be reported.
    if (slow.findings.length === 0) {
      const mark = (error as { mark?: { line: number; column: number }; reason?: string }).mark;
      slow.findings.push({
        rule: "yaml-syntax",
        severity: "error",
        file,
        line: (mark?.line ?? 0) + 1,
        column: (mark?.column ?? 0) + 1,
        message: (error as { reason?: string }).reason ?? String(error),
      });
    }
    return slow;
  }
  const lines = new StartLines(text);
  return { documents: objects.map((object, index) => new FastDocument(object, index, lines)), findings: [] };
}

/** Start lines are needed only for findings without a path; the scan for them waits until one asks. */
class StartLines {
  private starts?: number[];
  constructor(private readonly text: string) {}
  of(index: number): number {
    this.starts ??= documentStartLines(this.text);
    return this.starts[index] ?? 1;
  }
}

class FastDocument implements ParsedDocument {
  constructor(
    readonly object: unknown,
    readonly index: number,
    private readonly lines: StartLines,
  ) {}
  get line(): number {
    return this.lines.of(this.index);
  }
}

function parseSlowly(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  // The parser's own duplicate-key check is quadratic in a mapping's size; duplicateKeys finds the same keys linearly.
  const docs = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    merge: true,
    uniqueKeys: false,
    // A Go template parses into collection keys; the file is then a template, not something to warn about.
    logLevel: "error",
  });
  const list = Array.isArray(docs) ? docs : [];
  const findings: Finding[] = [];
  const documents: ParsedDocument[] = [];
  const seen = new Set<string>();
  list.forEach((doc, index) => {
    const duplicates = duplicateKeys(doc.contents).map((duplicate) => ({
      code: "DUPLICATE_KEY",
      message: "",
      pos: [duplicate.offset],
    }));
    for (const error of [...doc.errors, ...duplicates]) {
      const { line, col } = lineCounter.linePos(error.pos[0]!);
      // One finding per place: the parser often explains one mistake twice.
      if (seen.has(`${line}:${col}`)) continue;
      seen.add(`${line}:${col}`);
      const duplicate = error.code === "DUPLICATE_KEY";
      findings.push({
        rule: duplicate ? "duplicate-key" : "yaml-syntax",
        severity: "error",
        file,
        line,
        column: col,
        message: duplicate
          ? `duplicate key ${quoteKey(text, error.pos[0])}in one mapping: YAML keeps only one of the values; remove or rename one`
          : `${error.message.split(" at line")[0].replace(/:$/, "")} (document ${index + 1})`,
      });
    }
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const line = lineCounter.linePos(start).line;
    if (doc.errors.length > 0 || duplicates.length > 0) return;
    try {
      documents.push({ object: doc.toJS({ maxAliasCount: -1 }), index, line });
    } catch (error) {
      // An alias to an anchor defined nowhere (or later) parses, but has no value.
      findings.push({
        rule: "yaml-syntax",
        severity: "error",
        file,
        line,
        column: 1,
        message: `${(error as Error).message} (document ${index + 1})`,
      });
    }
  });
  return { documents, findings };
}

function quoteKey(text: string, pos: number): string {
  const match = /^[^:\n]{1,80}/.exec(text.slice(pos));
  return match ? `${JSON.stringify(match[0].trim().replace(/^["']|["']$/g, ""))} ` : "";
}

/**
 * 1-based line of the first content line of each document, found by scanning for `---` markers (a marker in column
 * 0 always starts a document, even inside a block scalar), so the fast path needs no position tracking.
 */
export function documentStartLines(text: string): number[] {
  const starts: number[] = [];
  let open = false;
  let hasContent = false;
  let line = 0;
  for (let pos = 0; pos <= text.length; ) {
    let end = text.indexOf("\n", pos);
    if (end === -1) end = text.length;
    line++;
    if (isMarker(text, pos, end, "---")) {
      starts.push(line);
      open = true;
      hasContent = isContent(text, pos + 3, end);
    } else if (isMarker(text, pos, end, "...")) {
      open = false;
    } else if (isContent(text, pos, end)) {
      if (!open) {
        starts.push(line);
        open = true;
      } else if (!hasContent) starts[starts.length - 1] = line;
      hasContent = true;
    }
    pos = end + 1;
  }
  return starts;
}

function isMarker(text: string, pos: number, end: number, marker: string): boolean {
  if (!text.startsWith(marker, pos)) return false;
  const next = text.charCodeAt(pos + 3);
  return end - pos === 3 || next === 32 || next === 9 || next === 13;
}

function isContent(text: string, pos: number, end: number): boolean {
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    return c !== 35 /* # */ && !(i === pos && c === 37); /* % directive */
  }
  return false;
}
