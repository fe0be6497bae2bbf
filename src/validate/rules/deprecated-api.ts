import type { Rule } from "../types.js";

/** Reported by the engine itself (API version table), not by a check over resources. */
export const deprecatedApi: Rule = {
  id: "deprecated-api",
  defaultSeverity: "warning",
  description:
    "The apiVersion is deprecated in the target Kubernetes version and will be removed; move to its replacement.",
};
