import { type Document, isAlias, LineCounter, parseAllDocuments, visit } from "yaml";
import { UserError } from "../errors.js";
import { duplicateKeys } from "./duplicates.js";

/** A YAML file parsed once, keeping the original text: every edit is a splice into `content`. */
export interface YamlFile {
  path: string;
  content: string;
  documents: Document.Parsed[];
  lines: LineCounter;
}

export interface Position {
  line: number;
  column: number;
}

/**
 * The largest file the edit path parses: 32 MiB. Parsing keeps a node per token and the source tokens, about 35
 * bytes of memory per byte of YAML (a 10 MB file peaks near 360 MB and parses in about a second), so this bounds a
 * run to roughly 1.2 GB and a few seconds per file. Hand-written manifests are kilobytes; the biggest generated ones
 * in config repositories (CRD bundles, rendered charts) are a few MB.
 */
export const MAX_YAML_BYTES = 32 * 1024 * 1024;

/**
 * Parses every document of a file with source ranges kept. Syntax errors become a UserError at file:line so
 * nothing is edited in a file the tools downstream could not read either.
 */
export function parseYamlFile(path: string, content: string): YamlFile {
  const file = parseYamlDocuments(path, content);
  for (const document of file.documents) {
    const error = documentError(file, document);
    if (error) throw error;
  }
  return file;
}

/**
 * Parses without judging the documents: each may carry errors (see `documentError`). Only a file above
 * MAX_YAML_BYTES is refused here, before any work.
 */
export function parseYamlDocuments(path: string, content: string): YamlFile {
  if (content.length > MAX_YAML_BYTES) {
    throw new UserError(
      `this file is ${(content.length / 1024 / 1024).toFixed(1)} MiB; YAML files above ${MAX_YAML_BYTES / 1024 / 1024} MiB are not edited`,
      {
        file: path,
        hint: "A manifest this large is generated: regenerate it with the new version, or leave it out of the paths.",
      },
    );
  }
  const lines = lineIndex(content);
  // Parsed as YAML 1.2: only ranges and structure matter here, and quoting decisions check 1.1 and 1.2.
  // Duplicate keys stay errors, as in Go's yaml (kustomize, Helm): which one would a reader take? They are found by
  // `duplicateKeys` (linear) rather than the parser's own check, which is quadratic in the size of a mapping.
  const parsed = parseAllDocuments(content, {
    keepSourceTokens: true,
    uniqueKeys: false,
  });
  // An empty stream comes back as an EmptyStream (an array subclass with extra fields): keep plain arrays.
  return { path, content, documents: [...parsed], lines };
}

/**
 * Line starts from the text itself. The parser's own line counter misses the lines of a multi-line plain scalar it
 * meets while recovering from an error (a Helm template's `{{` read as a flow mapping), and every later position of
 * the file then drifts upwards.
 */
function lineIndex(content: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = content.indexOf("\n"); at >= 0; at = content.indexOf("\n", at + 1)) lines.addNewLine(at + 1);
  return lines;
}

/** The first problem of one document as a UserError at file:line: a syntax error, else a repeated key. */
export function documentError(file: YamlFile, document: Document.Parsed): UserError | undefined {
  const error = document.errors[0];
  if (error) {
    const at = file.lines.linePos(error.pos[0]);
    const first = error.message.split("\n")[0] ?? error.message;
    return new UserError(`malformed YAML: ${first.replace(/ at line \d+, column \d+:?$/, "")}`, {
      file: file.path,
      line: at.line,
      column: at.col,
      hint: "Fix the YAML syntax; nothing was changed.",
    });
  }
  const duplicate = duplicateKeys(document.contents)[0];
  if (duplicate) {
    const at = file.lines.linePos(duplicate.offset);
    return new UserError(
      `malformed YAML: map keys must be unique; ${JSON.stringify(duplicate.key)} repeats the key at line ${file.lines.linePos(duplicate.firstOffset).line}`,
      {
        file: file.path,
        line: at.line,
        column: at.col,
        hint: "Remove or rename one of the keys: YAML readers disagree on which value wins; nothing was changed.",
      },
    );
  }
  return unresolvedAlias(file, document);
}

/**
 * An alias whose anchor this document does not define. Anchors do not reach across `---`: kustomize, kubectl and Helm
 * refuse such a file, so editing it would only hide the problem.
 */
function unresolvedAlias(file: YamlFile, document: Document.Parsed): UserError | undefined {
  const [start, , end] = document.range;
  if (!file.content.slice(start, end).includes("*")) return undefined;
  let found: { name: string; offset: number } | undefined;
  visit(document, {
    Alias(_, node) {
      if (node.resolve(document) !== undefined) return undefined;
      found = { name: node.source, offset: node.range?.[0] ?? start };
      return visit.BREAK;
    },
  });
  if (!found) return undefined;
  const at = file.lines.linePos(found.offset);
  const elsewhere = file.documents.some((other) => other !== document && definesAnchor(other, found!.name));
  return new UserError(
    `malformed YAML: alias *${found.name} names no anchor of its document${elsewhere ? " (an anchor of that name is in another document of the file, and anchors do not reach across '---')" : ""}`,
    {
      file: file.path,
      line: at.line,
      column: at.col,
      hint: "Define the anchor in the same document, or write the value out; kustomize and kubectl refuse the file as it is, and nothing was changed.",
    },
  );
}

function definesAnchor(document: Document.Parsed, name: string): boolean {
  let found = false;
  visit(document, (_, node) => {
    if (!isAlias(node) && (node as { anchor?: string }).anchor === name) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}

export function positionOf(file: YamlFile, offset: number): Position {
  const { line, col } = file.lines.linePos(offset);
  return { line, column: col };
}
