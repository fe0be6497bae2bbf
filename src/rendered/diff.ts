import { objectKey, type RenderedObject } from "./objects.js";

/** One field that differs; `before`/`after` absent means the field is absent on that side. */
export interface FieldChange {
  /** Readable path: `spec.replicas`, `spec.template.spec.containers[web].env[LOG_LEVEL].value`. */
  path: string;
  before?: unknown;
  after?: unknown;
  /** A Secret value: only the fact of the change is reported, never the value. */
  hidden?: true;
}

export interface ObjectDiff {
  kind: string;
  namespace: string;
  name: string;
  /** added: only on the right (head, second environment); removed: only on the left. */
  change: "added" | "removed" | "changed";
  fields: FieldChange[];
  /** For a cross-environment diff where the object lives in another namespace on the left. */
  previousNamespace?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Lists Kubernetes merges by name (containers, env, volumes, ports…): compared item by item under that name. */
function namedItems(list: unknown[]): Map<string, unknown> | undefined {
  const out = new Map<string, unknown>();
  for (const item of list) {
    const name = isRecord(item) ? (item.name ?? item.key ?? item.containerPort) : undefined;
    if ((typeof name !== "string" && typeof name !== "number") || out.has(String(name))) return undefined;
    out.set(String(name), item);
  }
  return out;
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function fieldName(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
}

/** Every leaf that differs between two values; objects and named lists are walked, other lists compared whole. */
function walk(before: unknown, after: unknown, at: string, out: FieldChange[]): void {
  if (equal(before, after)) return;
  const join = (key: string) => (at ? `${at}.${fieldName(key)}` : fieldName(key));
  if (isRecord(before) && isRecord(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort())
      walk(before[key], after[key], join(key), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const left = namedItems(before);
    const right = namedItems(after);
    if (left && right) {
      for (const name of [...new Set([...left.keys(), ...right.keys()])])
        walk(left.get(name), right.get(name), `${at}[${name}]`, out);
      return;
    }
    if (before.length === after.length) {
      for (let index = 0; index < before.length; index++)
        walk(before[index], after[index], `${at}[${index}]`, out);
      return;
    }
  }
  // An added or removed subtree is listed leaf by leaf, so `resources.limits.memory` reads as such.
  if (before === undefined && isRecord(after) && Object.keys(after).length) {
    walk({}, after, at, out);
    return;
  }
  if (after === undefined && isRecord(before) && Object.keys(before).length) {
    walk(before, {}, at, out);
    return;
  }
  const change: FieldChange = { path: at };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  out.push(change);
}

/** Field differences of one object; Secret `data`/`stringData` values are reduced to "this key changed". */
export function fieldChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  kind: string,
): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, "", out);
  if (kind !== "Secret") return out;
  return out.map((change) => {
    if (!/^(?:data|stringData)(?:\.|$)/.test(change.path)) return change;
    const masked: FieldChange = { path: change.path, hidden: true };
    if (change.before !== undefined) masked.before = "(hidden)";
    if (change.after !== undefined) masked.after = "(hidden)";
    return masked;
  });
}

/** The fields of an object that exists on one side only, Secret values masked. */
function wholeObject(object: RenderedObject, side: "before" | "after"): FieldChange[] {
  const changes =
    side === "after"
      ? fieldChanges({}, object.object, object.kind)
      : fieldChanges(object.object, {}, object.kind);
  return changes;
}

export interface DiffOptions {
  /**
   * Pair an object missing on one side with the object of the same kind and name in another namespace (environments
   * usually live in namespaces of their own). Off for a base/head diff, where a namespace move is a new object.
   */
  acrossNamespaces?: boolean;
  /** Also list every field of objects on one side only (off: they are named, not spelled out). */
  spellOutWholeObjects?: boolean;
}

/** Every difference between two normalised renders, per object, in kind/namespace/name order. */
export function diffObjects(
  left: readonly RenderedObject[],
  right: readonly RenderedObject[],
  options: DiffOptions = {},
): ObjectDiff[] {
  const byKey = (list: readonly RenderedObject[]) => new Map(list.map((o) => [objectKey(o), o]));
  const l = byKey(left);
  const r = byKey(right);
  const onlyLeft = [...l.values()].filter((o) => !r.has(objectKey(o)));
  const onlyRight = [...r.values()].filter((o) => !l.has(objectKey(o)));
  const pairs: [RenderedObject, RenderedObject][] = [];
  for (const [key, before] of l) {
    const after = r.get(key);
    if (after) pairs.push([before, after]);
  }
  if (options.acrossNamespaces) {
    const unique = (list: RenderedObject[]) => {
      const counts = new Map<string, number>();
      for (const o of list) counts.set(`${o.kind}/${o.name}`, (counts.get(`${o.kind}/${o.name}`) ?? 0) + 1);
      return new Map(
        list.filter((o) => counts.get(`${o.kind}/${o.name}`) === 1).map((o) => [`${o.kind}/${o.name}`, o]),
      );
    };
    const ul = unique(onlyLeft);
    const ur = unique(onlyRight);
    for (const [id, before] of ul) {
      const after = ur.get(id);
      if (!after) continue;
      pairs.push([before, after]);
      onlyLeft.splice(onlyLeft.indexOf(before), 1);
      onlyRight.splice(onlyRight.indexOf(after), 1);
    }
  }
  const out: ObjectDiff[] = [];
  for (const [before, after] of pairs) {
    // A namespace move is said once, on the object, not again as a field.
    const fields = fieldChanges(before.object, after.object, after.kind).filter(
      (f) => f.path !== "metadata.namespace",
    );
    if (fields.length === 0) continue;
    const diff: ObjectDiff = {
      kind: after.kind,
      namespace: after.namespace,
      name: after.name,
      change: "changed",
      fields,
    };
    if (before.namespace !== after.namespace) diff.previousNamespace = before.namespace;
    out.push(diff);
  }
  for (const o of onlyLeft)
    out.push({
      kind: o.kind,
      namespace: o.namespace,
      name: o.name,
      change: "removed",
      fields: options.spellOutWholeObjects ? wholeObject(o, "before") : [],
    });
  for (const o of onlyRight)
    out.push({
      kind: o.kind,
      namespace: o.namespace,
      name: o.name,
      change: "added",
      fields: options.spellOutWholeObjects ? wholeObject(o, "after") : [],
    });
  const order = (d: ObjectDiff) => `${d.kind}\u0000${d.namespace}\u0000${d.name}`;
  return out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
