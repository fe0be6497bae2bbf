/** What the validate-manifests action loads once its inputs are checked: one chunk of the bundle, loaded at once. */
export { annotated, formatReport, resourceName, toJson, toMarkdown } from "../report/index.js";
export { changedFilesFromGit, writeInsideWorkspace } from "../validate/local.js";
export { failed, productionNote, runValidation } from "../validate/run.js";
