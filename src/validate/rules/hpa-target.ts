import { apiGroup, getAt, objAt } from "../object.js";
import { byLookupScope, describeScope, namespacesMayMatch } from "../scope.js";
import type { Rule, Violation } from "../types.js";
import { podOf } from "../workloads.js";

/**
 * An autoscaler whose target is not deployed with it scales nothing, and one with minReplicas above maxReplicas
 * is refused by the API server.
 */
export const hpaTarget: Rule = {
  id: "hpa-target",
  defaultSeverity: "error",
  description:
    "A HorizontalPodAutoscaler must target a workload deployed with it and have minReplicas ≤ maxReplicas.",
  checkAll(resources, context) {
    const violations: Violation[] = [];
    const candidatesFor = byLookupScope(resources, (resource) => resource);
    const workloadsFor = byLookupScope(resources, (resource) => podOf(resource));
    for (const hpa of resources) {
      if (hpa.id.kind !== "HorizontalPodAutoscaler" || apiGroup(hpa.id.apiVersion) !== "autoscaling")
        continue;
      const min = getAt(hpa.object, ["spec", "minReplicas"]);
      const max = getAt(hpa.object, ["spec", "maxReplicas"]);
      if (typeof min === "number" && typeof max === "number" && min > max) {
        violations.push({
          message: `minReplicas (${min}) is greater than maxReplicas (${max})`,
          path: ["spec", "minReplicas"],
          resource: hpa,
        });
      }
      const target = objAt(hpa.object, ["spec", "scaleTargetRef"]);
      const kind = target?.["kind"];
      const name = target?.["name"];
      if (typeof kind !== "string" || typeof name !== "string") continue;
      const group = typeof target?.["apiVersion"] === "string" ? apiGroup(target["apiVersion"]) : undefined;
      // As for Services: plain manifests with no workload in view say nothing about where the target lives.
      if (hpa.renderedFrom === undefined && workloadsFor(hpa).length === 0) continue;
      // An app's directory often keeps its autoscaler a level below its workload: look up the tree too.
      const found = [...candidatesFor(hpa), ...(context?.enclosing?.(hpa) ?? [])].some(
        (candidate) =>
          candidate.id.kind === kind &&
          candidate.id.name === name &&
          (group === undefined || apiGroup(candidate.id.apiVersion) === group) &&
          namespacesMayMatch(hpa, candidate),
      );
      if (found) continue;
      violations.push({
        message: `scaleTargetRef ${kind} "${name}" is not defined ${describeScope(hpa)}; the autoscaler would scale nothing`,
        path: ["spec", "scaleTargetRef", "name"],
        resource: hpa,
      });
    }
    return violations;
  },
};
