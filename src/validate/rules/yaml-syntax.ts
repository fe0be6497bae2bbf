import type { Rule } from "../types.js";

/** Reported by the engine itself (the loader), not by a check over resources. */
export const yamlSyntax: Rule = {
  id: "yaml-syntax",
  defaultSeverity: "error",
  description: "A file is not valid YAML; the message says where and what the parser expected.",
};
