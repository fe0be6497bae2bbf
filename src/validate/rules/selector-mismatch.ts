import { getAt, isObj, listAt } from "../object.js";
import type { Rule, Violation } from "../types.js";
import { podOf, stringMap } from "../workloads.js";

function requirementHolds(operator: unknown, key: string, values: string[], labels: Record<string, string>) {
  const has = Object.hasOwn(labels, key);
  switch (operator) {
    case "In":
      return has && values.includes(labels[key]!);
    case "NotIn":
      return !has || !values.includes(labels[key]!);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
    default:
      // An unknown operator is the schema rule's finding, not a mismatch.
      return true;
  }
}

/**
 * A controller whose selector does not match its own pod template is rejected by the API server (apps/v1) or,
 * for older kinds, adopts or orphans the wrong pods. Each selector term that fails is reported where it is.
 */
export const selectorMismatch: Rule = {
  id: "selector-mismatch",
  defaultSeverity: "error",
  description: "A workload's selector must match the labels of its own pod template.",
  checkResource(resource) {
    const pod = podOf(resource);
    const selectorPath = pod?.selectorPath;
    if (!pod || !selectorPath) return [];
    const selector = getAt(resource.object, selectorPath);
    if (!isObj(selector)) return [];
    const labels = pod.labels;
    const labelsPath = [...pod.templatePath, "metadata", "labels"];
    const violations: Violation[] = [];
    const mismatch = (term: string, path: (string | number)[]) =>
      violations.push({
        message: `selector ${term} does not match the pod template's labels (${
          Object.entries(labels)
            .map(([key, value]) => `${key}=${value}`)
            .join(", ") || "none"
        }); the controller would not own its own pods — make ${labelsPath.join(".")} carry it`,
        path,
      });

    const plain = pod.plainSelector ? stringMap(selector) : stringMap(selector["matchLabels"]);
    const plainBase = pod.plainSelector ? selectorPath : [...selectorPath, "matchLabels"];
    for (const [key, value] of Object.entries(plain)) {
      if (labels[key] !== value) mismatch(`${key}=${value}`, [...plainBase, key]);
    }
    if (!pod.plainSelector) {
      listAt(selector, ["matchExpressions"]).forEach((expression, index) => {
        if (!isObj(expression) || typeof expression["key"] !== "string") return;
        const values = listAt(expression, ["values"]).map(String);
        if (requirementHolds(expression["operator"], expression["key"], values, labels)) return;
        mismatch(
          `"${expression["key"]} ${String(expression["operator"])}${values.length ? ` (${values.join(", ")})` : ""}"`,
          [...selectorPath, "matchExpressions", index],
        );
      });
    }
    return violations;
  },
};
