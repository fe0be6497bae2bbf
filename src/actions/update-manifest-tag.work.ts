/** What the update-manifest-tag action loads once its inputs are checked: one chunk of the bundle, loaded at once. */

export { updateThroughGitHub } from "../flows/update.js";
export { updateInWorkingDirectory } from "../flows/update-working-directory.js";
export { createGitHubClients } from "../github/client.js";
export { outputsOf, summaryOf } from "../texts/update-summary.js";
export { changeLine, unifiedDiff } from "../update/index.js";
