/** What the promote-env action loads once its inputs are checked: one chunk of the bundle, loaded at once. */
export { openPromotions, runGate } from "../flows/gate.js";
export { propose } from "../flows/propose.js";
export { recordDeployment } from "../flows/record.js";
export { createGitHubClients } from "../github/client.js";
export { GitHubConfigRepository } from "../github/config-repository.js";
export { imagesAfter } from "../promote/gate.js";
export { gateSummary, proposalSummary } from "../promote/texts.js";
export { pullRequestOutputs } from "../texts/update-summary.js";
export { changeLine, unifiedDiff } from "../update/index.js";
