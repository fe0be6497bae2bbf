import { posix } from "node:path";
import type { Resource } from "./types.js";

/**
 * What is deployed together. A kustomize build is one unit: its output is what one Argo CD Application or Flux
 * Kustomization applies, and a base shared by several overlays is a different object in each. Plain manifests
 * outside any kustomization are applied a directory at a time (Argo CD directory sources, `kubectl apply -f dir`),
 * so their unit is their directory.
 */
export function renderUnit(resource: Resource): string {
  if (resource.renderedFrom !== undefined) return `kustomize:${resource.renderedFrom}`;
  return `dir:${posix.dirname(resource.file.replaceAll("\\", "/"))}`;
}

/**
 * Where a reference (Service selector, HPA target) may find its target. A rendered resource looks inside its own
 * build; a plain manifest may be completed by any plain manifest of the same environment (or, with no environments
 * configured, of the whole run), because teams split plain manifests by kind or component across directories.
 */
export function lookupScope(resource: Resource): string {
  return resource.renderedFrom !== undefined
    ? `kustomize:${resource.renderedFrom}`
    : `plain:${resource.environment ?? ""}`;
}

/** Resources grouped by lookup scope, so a reference searches its own scope only. */
export function byLookupScope<T>(
  resources: readonly Resource[],
  pick: (resource: Resource) => T | undefined,
): (from: Resource) => readonly T[] {
  const groups = new Map<string, T[]>();
  for (const resource of resources) {
    const value = pick(resource);
    if (value === undefined) continue;
    const key = lookupScope(resource);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return (from) => groups.get(lookupScope(from)) ?? [];
}

/**
 * An omitted namespace is filled in at apply time (Argo CD destination, `kubectl -n`), so it may equal any
 * namespace; two written namespaces must be equal.
 */
export function namespacesMayMatch(a: Resource, b: Resource): boolean {
  return a.id.namespace === undefined || b.id.namespace === undefined || a.id.namespace === b.id.namespace;
}

/** `file:line`, to name another resource in a message. */
export function whereIs(resource: Resource): string {
  return `${resource.file}:${resource.line}`;
}

/** Where a lookup searched, for messages; the engine itself names the build a rendered finding came from. */
export function describeScope(resource: Resource): string {
  if (resource.renderedFrom !== undefined) return "in the same kustomize build";
  return resource.environment !== undefined
    ? `in environment "${resource.environment}"`
    : "in the checked manifests";
}
