import path from "node:path";
import type { RawFinding } from "./schema-check.js";
import type { Resource, Rule, RuleContext } from "./types.js";

/** The rules stage: each rule over each resource, and cross-resource rules over each deployment unit. */

export function runResourceRules(
  resources: readonly Resource[],
  rules: readonly Rule[],
  context: RuleContext,
  out: RawFinding[],
): void {
  const perResource = rules.filter((rule) => rule.checkResource);
  for (const resource of resources) {
    for (const rule of perResource) {
      for (const v of rule.checkResource!(resource, context)) {
        out.push({ rule: rule.id, resource: v.resource ?? resource, path: v.path, message: v.message });
      }
    }
  }
}

export function runUnitRules(
  resources: readonly Resource[],
  rules: readonly Rule[],
  context: RuleContext,
  out: RawFinding[],
): void {
  for (const group of deploymentUnits(resources)) {
    for (const rule of rules) {
      if (!rule.checkAll) continue;
      for (const v of rule.checkAll(group, context)) {
        const at = v.resource ?? group[0];
        if (at) out.push({ rule: rule.id, resource: at, path: v.path, message: v.message });
      }
    }
  }
}

/**
 * Resources that are applied together — one kustomize build, or one directory of plain manifests — are what
 * cross-resource rules (duplicates, selectors, services) compare; two overlays legitimately define the same names.
 */
function deploymentUnits(resources: readonly Resource[]): Resource[][] {
  const groups = new Map<string, Resource[]>();
  for (const resource of resources) {
    const key = resource.renderedFrom
      ? `build:${resource.renderedFrom}`
      : `dir:${path.posix.dirname(resource.file)}`;
    const group = groups.get(key);
    if (group) group.push(resource);
    else groups.set(key, [resource]);
  }
  return [...groups.values()];
}
