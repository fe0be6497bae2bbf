import type { Rule } from "../types.js";

/** Reported by the engine itself (schema check), once per kind, not by a check over resources. */
export const unknownKind: Rule = {
  id: "unknown-kind",
  defaultSeverity: "warning",
  description:
    "No schema is known for this apiVersion and kind, so its fields are not checked (reported once per kind; an error with `strict: true`): add its CRD with `crds`, or list the kind under `validate.ignoreKinds`.",
};
