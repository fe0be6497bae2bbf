import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** One import (or re-export, or dynamic import) of a source file. */
export interface ImportEdge {
  /** The specifier as written: `../errors.js`, `yaml`, `node:child_process`. */
  specifier: string;
  /** The imported file relative to the repository root (`src/errors.ts`) for a relative specifier. */
  target?: string;
  /** `import type` / `export type`: erased when compiled, so it carries no code. */
  typeOnly: boolean;
  line: number;
}

export interface SourceFile {
  /** Relative to the repository root, with `/`. */
  file: string;
  lines: number;
  text: string;
  imports: ImportEdge[];
  /** Lines where the file reads `process.env`. */
  envReads: number[];
}

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, found);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) found.push(full);
  }
  return found;
}

/** `./x.js` written in TypeScript source names `./x.ts`; a folder names its index. */
function resolveRelative(root: string, from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(path.join(root, from)), specifier);
  const candidates = [base.replace(/\.js$/, ".ts"), `${base}.ts`, path.join(base, "index.ts"), base];
  const hit = candidates.find((candidate) => existsSync(candidate) && !statSync(candidate).isDirectory());
  return hit && path.relative(root, hit).split(path.sep).join("/");
}

function parse(root: string, file: string, text: string): { imports: ImportEdge[]; envReads: number[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const envReads: number[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined, typeOnly: boolean) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const specifier = literal.text;
    edges.push({
      specifier,
      target: specifier.startsWith(".") ? resolveRelative(root, file, specifier) : undefined,
      typeOnly,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
    });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const namedTypesOnly =
        clause?.namedBindings !== undefined &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.name === undefined &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((element) => element.isTypeOnly);
      add(node, node.moduleSpecifier, Boolean(clause?.isTypeOnly) || namedTypesOnly);
    } else if (ts.isExportDeclaration(node)) {
      const namedTypesOnly =
        node.exportClause !== undefined &&
        ts.isNamedExports(node.exportClause) &&
        node.exportClause.elements.length > 0 &&
        node.exportClause.elements.every((element) => element.isTypeOnly);
      add(node, node.moduleSpecifier, node.isTypeOnly || namedTypesOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal, true);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === "env" &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "process"
    ) {
      envReads.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports: edges, envReads };
}

/** Every TypeScript file below `dir` (relative to `root`) with its imports. */
export function importGraph(root: string, dir = "src"): SourceFile[] {
  return walk(path.join(root, dir))
    .map((full) => {
      const file = path.relative(root, full).split(path.sep).join("/");
      const text = readFileSync(full, "utf8");
      const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
      return { file, text, lines, ...parse(root, file, text) };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The import cycles among `files` (each once, as the list of files around it), type-only imports included. */
export function importCycles(files: SourceFile[]): string[][] {
  const edges = new Map(
    files.map((f) => [f.file, [...new Set(f.imports.flatMap((i) => (i.target ? [i.target] : [])))]]),
  );
  // Tarjan's strongly connected components: every component with more than one file (or a self-import) holds a cycle.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (file: string) => {
    order.set(file, index);
    low.set(file, index++);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!order.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
    }
    if (low.get(file) === order.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (edges.get(file) ?? []).includes(file)) components.push(component.sort());
    }
  };
  for (const file of edges.keys()) if (!order.has(file)) connect(file);
  return components;
}
