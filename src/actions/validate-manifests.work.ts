/** What the validate-manifests action loads once its inputs are checked: one chunk of the bundle, loaded at once. */

export { renderedDiffAgainst } from "../flows/rendered-diff.js";
export { createGitHubClient, parseRepository } from "../github/client.js";
export { upsertMarkedComment } from "../github/comments.js";
export { RENDERED_DIFF_MARKER, renderedDiffMarkdown } from "../rendered/markdown.js";
export { annotated, formatReport, resourceName, toJson, toMarkdown } from "../report/index.js";
export { changedFilesFromGit, writeInsideWorkspace } from "../validate/local.js";
export { failed, productionNote, runValidation } from "../validate/run.js";
export { requestTimeoutMs } from "./pull-request-inputs.js";
