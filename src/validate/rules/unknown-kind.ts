import type { Rule } from "../types.js";

/** Reported by the engine itself (schema check), not by a check over resources. */
export const unknownKind: Rule = {
  id: "unknown-kind",
  defaultSeverity: "error",
  description:
    "No schema is known for this apiVersion and kind: add its CRD with `crds`, or list the kind under `validate.ignoreKinds`.",
};
