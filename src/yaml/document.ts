import { type Document, LineCounter, parseAllDocuments } from "yaml";
import { UserError } from "../errors.js";

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
 * Parses every document of a file with source ranges kept. Syntax errors become a UserError at file:line so
 * nothing is edited in a file the tools downstream could not read either.
 */
export function parseYamlFile(path: string, content: string): YamlFile {
  const lines = new LineCounter();
  // Parsed as YAML 1.2: only ranges and structure matter here, and quoting decisions check 1.1 and 1.2.
  // Duplicate keys stay errors, as in Go's yaml (kustomize, Helm): which one would a reader take?
  const parsed = parseAllDocuments(content, { lineCounter: lines, keepSourceTokens: true });
  // An empty stream comes back as an EmptyStream (an array subclass with extra fields): keep plain arrays.
  const documents = [...parsed];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) {
      const at = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
      const first = error.message.split("\n")[0] ?? error.message;
      throw new UserError(`malformed YAML: ${first.replace(/ at line \d+, column \d+:?$/, "")}`, {
        file: path,
        line: at.line,
        column: at.col,
        hint: "Fix the YAML syntax; nothing was changed.",
      });
    }
  }
  return { path, content, documents, lines };
}

export function positionOf(file: YamlFile, offset: number): Position {
  const { line, col } = file.lines.linePos(offset);
  return { line, column: col };
}
