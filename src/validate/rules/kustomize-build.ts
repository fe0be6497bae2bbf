import type { Rule } from "../types.js";

/** Reported by the engine itself (the renderer), not by a check over resources. */
export const kustomizeBuild: Rule = {
  id: "kustomize-build",
  defaultSeverity: "error",
  description: "A kustomization does not build; the message quotes kustomize's reason.",
};
