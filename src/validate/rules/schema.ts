import type { Rule } from "../types.js";

/** Reported by the engine itself (schema check), not by a check over resources. */
export const schema: Rule = {
  id: "schema",
  defaultSeverity: "error",
  description: "A field has the wrong type, a value outside its allowed set, or a required field is missing.",
};
