import type { Rule } from "../types.js";

/** Reported by the engine itself (schema check), not by a check over resources. */
export const unknownField: Rule = {
  id: "unknown-field",
  defaultSeverity: "error",
  description:
    "A field the kind's schema does not define: usually a typo or a wrong indentation, ignored by the API server.",
};
