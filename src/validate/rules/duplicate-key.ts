import type { Rule } from "../types.js";

/** Reported by the engine itself (the loader), not by a check over resources. */
export const duplicateKey: Rule = {
  id: "duplicate-key",
  defaultSeverity: "error",
  description:
    "A mapping has the same key twice; YAML keeps only one of them, so the other is silently lost.",
};
