import { getAt } from "../object.js";
import { byLookupScope, describeScope, namespacesMayMatch } from "../scope.js";
import type { Rule, Violation } from "../types.js";
import { mapSelects, podOf, stringMap } from "../workloads.js";

/**
 * A Service whose selector matches no pod has no endpoints: traffic to it fails while everything looks synced.
 * Often a label typo or a label changed on one side only. ExternalName and selector-less Services (manual
 * Endpoints) select nothing by design.
 */
export const danglingService: Rule = {
  id: "dangling-service",
  defaultSeverity: "warning",
  description: "A Service's selector must match the pod template of some workload deployed with it.",
  checkAll(resources) {
    const podsFor = byLookupScope(resources, (resource) => {
      const pod = podOf(resource);
      return pod && { resource, labels: pod.labels };
    });
    const violations: Violation[] = [];
    for (const service of resources) {
      if (service.id.kind !== "Service" || service.id.apiVersion !== "v1") continue;
      if (getAt(service.object, ["spec", "type"]) === "ExternalName") continue;
      const selector = stringMap(getAt(service.object, ["spec", "selector"]));
      if (Object.keys(selector).length === 0) continue;
      const pods = podsFor(service);
      // Plain manifests in view with no workload at all: the pods come from elsewhere (another directory or app,
      // an operator), so there is nothing to judge against. A kustomize build is complete by itself.
      if (pods.length === 0 && service.renderedFrom === undefined) continue;
      const matched = pods.some(
        ({ resource, labels }) => namespacesMayMatch(service, resource) && mapSelects(selector, labels),
      );
      if (matched) continue;
      violations.push({
        message: `Service "${service.id.name}" selects ${Object.entries(selector)
          .map(([key, value]) => `${key}=${value}`)
          .join(
            ", ",
          )} but no pod template ${describeScope(service)} has those labels; it will have no endpoints`,
        path: ["spec", "selector"],
        resource: service,
      });
    }
    return violations;
  },
};
