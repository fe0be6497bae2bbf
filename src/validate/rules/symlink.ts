import type { Rule } from "../types.js";

/** Reported by the engine itself (the workspace reader), not by a check over resources. */
export const symlink: Rule = {
  id: "symlink",
  defaultSeverity: "warning",
  description:
    "A symbolic link leads outside the workspace or into a loop; it is not followed, so what it points at is not checked.",
};
