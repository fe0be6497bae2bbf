import type { Document, Node, Scalar, YAMLMap } from "yaml";
import { isMap, isScalar, isSeq } from "yaml";
import { UserError } from "../errors.js";
import { formatImageRef, type ImageRef, normalizedName, parseImageRef } from "../image/index.js";
import {
  aliasWalkGuard,
  type Entry,
  entries,
  items,
  positionOf,
  type Reached,
  replaceScalar,
  scalarText,
  type YamlFile,
} from "../yaml/index.js";
import type { FindOptions, SourceKind, Target, Version } from "./types.js";

export type Path = (string | number)[];

/** What every finder gets: the parsed file, one of its documents and the caller's options. */
export interface FinderContext {
  file: YamlFile;
  document: Document.Parsed;
  index: number;
  options: FindOptions;
}

export function formatPath(path: Path): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${part}` : part;
  return out;
}

/** Parses without throwing: values like `${IMAGE}` or `{{ .Values.image }}` are simply not references. */
export function tryParseRef(text: string | undefined): ImageRef | undefined {
  if (!text) return undefined;
  try {
    return parseImageRef(text);
  } catch {
    return undefined;
  }
}

export function stringOf(ctx: FinderContext, reached: Reached | undefined): string | undefined {
  if (!reached || !isScalar(reached.node)) return undefined;
  return scalarText(ctx.file.content, reached.node);
}

export function located(
  ctx: FinderContext,
  node: Node,
  reached: Reached,
  path: Path,
  ref: ImageRef,
  kind: SourceKind,
): Target["image"] {
  const at = reached.alias ?? positionOf(ctx.file, node.range?.[0] ?? 0);
  return {
    file: ctx.file.path,
    line: at.line,
    column: at.column,
    field: formatPath(path),
    ref,
    kind,
    document: ctx.index,
    ...(reached.anchor ? { anchor: reached.anchor } : {}),
  };
}

export function withVersion(ref: ImageRef, next: Version): ImageRef {
  return { registry: ref.registry, repository: ref.repository, tag: next.tag, digest: next.digest };
}

/** A scalar holding a whole reference (`image: ghcr.io/org/app:1.2`), rewritten whole in its own style. */
export function stringTarget(
  ctx: FinderContext,
  reached: Reached | undefined,
  path: Path,
  kind: SourceKind,
  inFlow = false,
): Target | undefined {
  if (!reached || !isScalar(reached.node)) return undefined;
  const node = reached.node as Scalar;
  const ref = tryParseRef(scalarText(ctx.file.content, node));
  if (!ref) return undefined;
  const image = located(ctx, node, reached, path, ref, kind);
  return {
    image,
    names: [normalizedName(ref)],
    write: (next) => [
      replaceScalar(ctx.file.content, node, formatImageRef(withVersion(ref, next)), where(image), inFlow),
    ],
  };
}

export function where(image: Target["image"]): { file: string; line: number } {
  return { file: image.file, line: image.line };
}

export function refuse(image: Target["image"], message: string, hint: string): never {
  throw new UserError(message, { file: image.file, line: image.line, column: image.column, hint });
}

const MAX_DEPTH = 64;

/**
 * Calls `take` for every map entry below `root`, through maps and sequences, guarded against alias loops and absurd
 * nesting. `take` returns true when it has dealt with the entry, so the walk does not go below it.
 */
export function walkEntries(
  ctx: FinderContext,
  root: Reached,
  take: (entry: Entry & { value: Reached }, path: Path, map: Reached<YAMLMap>) => boolean,
): void {
  const guard = aliasWalkGuard(ctx.file);
  const visit = (reached: Reached, at: Path, depth: number) => {
    if (depth > MAX_DEPTH || !guard.enter(reached.node)) return;
    if (isMap(reached.node)) {
      const map = reached as Reached<YAMLMap>;
      for (const entry of entries(ctx.file, ctx.document, map)) {
        if (!entry.value) continue;
        const path = [...at, entry.key];
        if (!take(entry as Entry & { value: Reached }, path, map)) visit(entry.value, path, depth + 1);
      }
    } else if (isSeq(reached.node)) {
      items(ctx.file, ctx.document, reached).forEach((item, index) => {
        visit(item, [...at, index], depth + 1);
      });
    }
    guard.leave(reached.node);
  };
  visit(root, [], 0);
}
