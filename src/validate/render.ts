import { idOf, isObject } from "./files.js";
import type { KustomizationGraph, KustomizationInputs } from "./kustomize.js";
import { loadDocuments, type ParsedDocument } from "./load.js";
import type { ObjectPath, Resource, ResourceId } from "./types.js";

/** The render stage: kustomize builds, traced back to the files and patches their objects come from. */

export const originAnnotation = "config.kubernetes.io/origin";

/**
 * Resources of one build, each traced back to the document it came from: kustomize's origin annotation names the
 * file (or, for generated objects, the kustomization that configured them), and the document is the one of the
 * same kind whose name the rendered name contains (prefixes and suffixes are kustomize's doing).
 */
export function renderedResources(
  root: KustomizationInputs,
  output: string,
  resolve: (p: string) => string,
  parse: (file: string) => ParsedDocument[],
): Resource[] {
  const resources: Resource[] = [];
  for (const object of loadDocuments(output)) {
    if (!isObject(object) || typeof object.apiVersion !== "string" || typeof object.kind !== "string")
      continue;
    const metadata = isObject(object.metadata) ? object.metadata : undefined;
    const annotations = metadata && isObject(metadata.annotations) ? metadata.annotations : undefined;
    let origin: { path?: string; configuredIn?: string } = {};
    if (annotations && typeof annotations[originAnnotation] === "string") {
      try {
        origin = (loadDocuments(annotations[originAnnotation] as string)[0] as typeof origin) ?? {};
      } catch {
        origin = {};
      }
      delete annotations[originAnnotation];
      if (Object.keys(annotations).length === 0 && metadata) delete metadata.annotations;
    }
    const id = idOf(object);
    const from = origin.path ?? origin.configuredIn;
    let file = from ? resolve(from) : root.file;
    let documentIndex = 0;
    let line = 1;
    const docs = origin.path ? parse(file) : [];
    if (origin.path && docs.length === 0) file = root.file;
    const match = bestMatch(docs, id);
    if (match) {
      documentIndex = match.index;
      line = match.line;
    }
    resources.push({ id, object, file, line, documentIndex, renderedFrom: root.dir });
  }
  return resources;
}

export interface PatchDocument {
  file: string;
  doc: ParsedDocument;
}

/** Patch documents a build applies, the root's own first: the last kustomization to set a value wins. */
export function patchDocuments(
  graph: KustomizationGraph,
  rootDir: string,
  parse: (file: string) => ParsedDocument[],
): PatchDocument[] {
  const out: PatchDocument[] = [];
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const k = graph.get(dir);
    if (!k) return;
    for (const file of k.patchFiles) {
      for (const doc of parse(file))
        if (isObject(doc.object) && typeof doc.object.kind === "string") out.push({ file, doc });
    }
    for (const d of k.dirs) visit(d);
  };
  visit(rootDir);
  return out;
}

/** The patch document that sets the value at `path` of a rendered resource, when one does. */
export function patchSetting(
  patches: PatchDocument[] | undefined,
  resource: Resource,
  path: ObjectPath,
): { file: string; documentIndex: number } | undefined {
  if (!patches?.length) return undefined;
  const rendered = valueAt(resource.object, path);
  for (const { file, doc } of patches) {
    const object = doc.object as Record<string, unknown>;
    const metadata = isObject(object.metadata) ? object.metadata : {};
    const name = typeof metadata.name === "string" ? metadata.name : "";
    if (object.kind !== resource.id.kind || name === "" || !resource.id.name.includes(name)) continue;
    const value = valueAt(object, path);
    // Lists merge by key, so an index into the rendered object need not match the patch's: compare values.
    const same =
      value === rendered ||
      (typeof value === "object" && value !== null && !path.some((s) => typeof s === "number"));
    if (value !== undefined && same) return { file, documentIndex: doc.index };
  }
  return undefined;
}

export function valueAt(object: unknown, path: ObjectPath): unknown {
  let node = object;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function bestMatch(docs: ParsedDocument[], id: ResourceId): ParsedDocument | undefined {
  const sameKind = docs.filter((d) => isObject(d.object) && d.object.kind === id.kind);
  const nameOf = (d: ParsedDocument) => {
    const m = (d.object as Record<string, unknown>).metadata;
    return isObject(m) && typeof m.name === "string" ? m.name : "";
  };
  return (
    sameKind.find((d) => nameOf(d) === id.name) ??
    sameKind.find((d) => nameOf(d) !== "" && id.name.includes(nameOf(d))) ??
    sameKind[0] ??
    docs[0]
  );
}

/** Runs `fn` over `items`, at most `limit` at a time, results in input order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
