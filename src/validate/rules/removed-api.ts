import type { Rule } from "../types.js";

/** Reported by the engine itself (API version table), not by a check over resources. */
export const removedApi: Rule = {
  id: "removed-api",
  defaultSeverity: "error",
  description:
    "The apiVersion is not served by the target Kubernetes version (removed already, or newer than it); the cluster rejects it.",
};
