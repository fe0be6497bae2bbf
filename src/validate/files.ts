import path from "node:path";
import picomatch from "picomatch";
import { UserError } from "../errors.js";
import { isClusterApi } from "./classify.js";
import { type KustomizationInputs, kustomizationNames, parseKustomization } from "./kustomize.js";
import type { ParsedDocument } from "./load.js";
import type { ManifestSource } from "./source.js";
import type { ObjectPath, Resource, ResourceId } from "./types.js";

/** The load stage: which files to check, and the resources their documents hold. */

const manifestFile = /\.(?:ya?ml|json)$/i;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Files to check under the given paths: YAML, JSON and kustomization files, dot-directories and node_modules
 * skipped; with `names`, only files of those names.
 */
export function collectFiles(paths: string[], source: ManifestSource, names?: readonly string[]): string[] {
  const out = new Set<string>();
  const wanted = (name: string) =>
    names ? names.includes(name) : manifestFile.test(name) || name === "Kustomization";
  const walk = (dir: string) => {
    for (const entry of source.list(dir)) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = dir === "." ? entry.name : `${dir}/${entry.name}`;
      if (entry.dir) walk(full);
      else if (wanted(entry.name)) out.add(full);
    }
  };
  for (const raw of paths.length ? paths : ["."]) {
    const p = path.posix.normalize(raw.replace(/\\/g, "/")).replace(/\/+$/, "") || ".";
    if (source.isDir(p)) walk(p);
    else if (source.exists(p)) out.add(p);
    else
      throw new UserError(`path not found: ${raw}`, {
        hint: "Give files or directories of the config repository.",
      });
  }
  return [...out].sort();
}

export function readKustomizations(
  files: string[],
  read: (file: string) => string | undefined,
  isDir: (p: string) => boolean,
): KustomizationInputs[] {
  const out: KustomizationInputs[] = [];
  for (const file of files) {
    if (!kustomizationNames.includes(path.posix.basename(file))) continue;
    out.push(parseKustomization(file, read(file) ?? "", isDir));
  }
  return out;
}

/** List kinds whose `items` are objects of their own: `v1 List` and the typed `…List` kinds (SecretList…). */
function isListKind(object: Record<string, unknown>): boolean {
  return (
    typeof object.kind === "string" &&
    object.kind.endsWith("List") &&
    typeof object.apiVersion === "string" &&
    Array.isArray(object.items)
  );
}

/** The resources of a document: itself, or the items of a List. */
export function toResources(
  doc: ParsedDocument,
  file: string,
  listItems: WeakMap<Resource, ObjectPath>,
): Resource[] {
  const object = doc.object;
  if (isObject(object) && isListKind(object)) {
    const out: Resource[] = [];
    // A typed list (SecretList) may leave out each item's apiVersion and kind: they are the list's.
    const itemKind = object.kind === "List" ? undefined : (object.kind as string).slice(0, -"List".length);
    (object.items as unknown[]).forEach((item, i) => {
      const filled =
        itemKind && isObject(item)
          ? { apiVersion: object.apiVersion, kind: itemKind, ...item }
          : (item as unknown);
      const resource = toResource({ object: filled, index: doc.index, line: doc.line }, file);
      if (!resource) return;
      listItems.set(resource, ["items", i]);
      out.push(resource);
    });
    return out;
  }
  const resource = toResource(doc, file);
  return resource ? [resource] : [];
}

/** A document that names an apiVersion and a kind; anything else (Helm values, tool config) is not a resource. */
function toResource(doc: ParsedDocument, file: string): Resource | undefined {
  const object = doc.object;
  if (!isObject(object) || typeof object.apiVersion !== "string" || typeof object.kind !== "string")
    return undefined;
  // kustomize's own configuration and other tools' files share the layout of resources but never reach a cluster.
  if (!isClusterApi(object.apiVersion, object.kind)) return undefined;
  return new FileResource(idOf(object), object, file, doc);
}

/** A resource read straight from a file; its start line is looked up only when a finding needs it. */
class FileResource implements Resource {
  environment?: string;
  readonly documentIndex: number;
  constructor(
    readonly id: ResourceId,
    readonly object: Record<string, unknown>,
    readonly file: string,
    private readonly doc: ParsedDocument,
  ) {
    this.documentIndex = doc.index;
  }
  get line(): number {
    return this.doc.line;
  }
}

export function idOf(object: Record<string, unknown>): ResourceId {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const id: ResourceId = {
    apiVersion: String(object.apiVersion),
    kind: String(object.kind),
    name: typeof metadata.name === "string" ? metadata.name : "",
  };
  if (typeof metadata.namespace === "string") id.namespace = metadata.namespace;
  return id;
}

/**
 * Resource files a kustomization names that a step before kustomize writes at sync time: Argo CD config management
 * plugins such as kustomized-helm run `helm template . > all.yaml && kustomize build` in a chart directory, and the
 * generated file is git-ignored. Such a kustomization cannot be built from the repository alone; its committed files
 * are still checked as they are.
 */
export function generatedAtSync(k: KustomizationInputs, source: ManifestSource): string[] {
  const missing = k.resourceFiles.filter((f) => !source.exists(f));
  if (missing.length === 0) return [];
  const join = (name: string) => (k.dir === "." ? name : `${k.dir}/${name}`);
  if (source.exists(join("Chart.yaml"))) return missing;
  const ignore = source.read(join(".gitignore"));
  if (ignore === undefined) return [];
  const patterns = ignore
    .split("\n")
    .map((line) => line.trim().replace(/^\//, ""))
    .filter((line) => line && !line.startsWith("#") && !line.startsWith("!"));
  const ignored = patterns.length ? picomatch(patterns, { dot: true, basename: true }) : () => false;
  return missing.filter((f) => ignored(path.posix.relative(k.dir, f)));
}
