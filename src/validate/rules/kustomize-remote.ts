import type { Rule } from "../types.js";

/** Reported by the engine when it leaves a build out, not by a check over resources. */
export const kustomizeRemote: Rule = {
  id: "kustomize-remote",
  defaultSeverity: "warning",
  description:
    "A kustomization builds on a remote base, component or resource (URL, `github.com/…`, `git@…`, `?ref=`): validation works offline, so that overlay is not rendered and its local files are checked as they are.",
};
