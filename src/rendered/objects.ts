import { loadDocuments } from "../validate/load.js";

/** One object as a cluster would receive it, with what identifies it there. */
export interface RenderedObject {
  kind: string;
  namespace: string;
  name: string;
  object: Record<string, unknown>;
}

/** `Kind namespace/name` (or `Kind name` for cluster-scoped objects): how objects are named in reports. */
export function objectKey(o: Pick<RenderedObject, "kind" | "namespace" | "name">): string {
  return o.namespace ? `${o.kind} ${o.namespace}/${o.name}` : `${o.kind} ${o.name}`;
}

/**
 * Annotations kustomize and kubectl add about how an object was made, not what it is: they change whenever a file
 * moves or an apply runs, and would drown the differences that reach the cluster.
 */
const BOOKKEEPING_ANNOTATIONS = [
  "config.kubernetes.io/origin",
  "alpha.config.kubernetes.io/transformations",
  "kubectl.kubernetes.io/last-applied-configuration",
];
const BOOKKEEPING_PREFIXES = ["internal.config.kubernetes.io/", "config.k8s.io/"];

/**
 * kustomize's content hash: the first ten hex digits of a SHA-256, with 0, 1, 3, a and e replaced so the suffix
 * never reads as a word or a number. Only this alphabet counts, so `web-config-production` keeps its name.
 */
const HASH_SUFFIX = /^(.+)-[24-9bcdfghkmt]{10}$/;

/** True for an object kustomize generated (its origin names the generator that made it). */
function generated(object: Record<string, unknown>): boolean {
  const origin = annotationsOf(object)?.["config.kubernetes.io/origin"];
  return typeof origin === "string" && /^\s*configured(?:In|By):/m.test(origin);
}

function annotationsOf(object: Record<string, unknown>): Record<string, unknown> | undefined {
  const metadata = object.metadata;
  if (!metadata || typeof metadata !== "object") return undefined;
  const annotations = (metadata as Record<string, unknown>).annotations;
  return annotations && typeof annotations === "object"
    ? (annotations as Record<string, unknown>)
    : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Replaces every string equal to a key of `names` (anywhere in the value) by its mapped name. */
function rename(value: unknown, names: Map<string, string>): unknown {
  if (typeof value === "string") return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => rename(item, names));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = rename(item, names);
    return out;
  }
  return value;
}

/** Keys sorted at every level, so two renders that differ only in order compare equal and print the same. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}

/**
 * Objects of one render (kustomize output, or plain manifests), normalised for comparison: generator hash suffixes
 * dropped from generated ConfigMap and Secret names and from every reference to them, bookkeeping annotations
 * removed (and `annotations` itself when nothing else is left), keys sorted, objects sorted by kind, namespace and
 * name. Documents that are not Kubernetes objects (no kind or name) are left out.
 */
export function normaliseObjects(documents: readonly unknown[]): RenderedObject[] {
  const objects = documents.filter(
    (doc): doc is Record<string, unknown> =>
      isRecord(doc) && typeof doc.kind === "string" && isRecord(doc.metadata),
  );
  const names = new Map<string, string>();
  for (const object of objects) {
    if (object.kind !== "ConfigMap" && object.kind !== "Secret") continue;
    const name = (object.metadata as Record<string, unknown>).name;
    const match = typeof name === "string" ? HASH_SUFFIX.exec(name) : null;
    if (match && generated(object)) names.set(name as string, match[1]!);
  }
  const out: RenderedObject[] = [];
  for (const raw of objects) {
    const object = (names.size ? rename(raw, names) : structuredClone(raw)) as Record<string, unknown>;
    const metadata = object.metadata as Record<string, unknown>;
    const annotations = annotationsOf(object);
    if (annotations) {
      for (const key of Object.keys(annotations)) {
        if (
          BOOKKEEPING_ANNOTATIONS.includes(key) ||
          BOOKKEEPING_PREFIXES.some((prefix) => key.startsWith(prefix))
        )
          delete annotations[key];
      }
      if (Object.keys(annotations).length === 0) delete metadata.annotations;
    }
    if (typeof metadata.name !== "string") continue;
    out.push({
      kind: object.kind as string,
      namespace: typeof metadata.namespace === "string" ? metadata.namespace : "",
      name: metadata.name,
      object: sortKeys(object) as Record<string, unknown>,
    });
  }
  return out.sort(
    (a, b) => compare(a.kind, b.kind) || compare(a.namespace, b.namespace) || compare(a.name, b.name),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Parses a multi-document YAML text (kustomize's output, a manifest file) and normalises its objects. */
export function parseRendered(text: string): RenderedObject[] {
  return normaliseObjects(
    loadDocuments(text).flatMap((doc) =>
      isRecord(doc) && doc.kind === "List" && Array.isArray(doc.items) ? doc.items : [doc],
    ),
  );
}
