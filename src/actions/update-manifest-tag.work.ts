/** What the update-manifest-tag action loads once its inputs are checked: one chunk of the bundle, loaded at once. */
export { updateInWorkingDirectory } from "../delivery/git.js";
export { updateThroughGitHub } from "../delivery/run.js";
export { outputsOf, summaryOf } from "../delivery/summary.js";
export { createGitHubClients } from "../github/client.js";
export { changeLine, unifiedDiff } from "../update/index.js";
