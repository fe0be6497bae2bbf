/** What the promote-env action loads once its inputs are checked: one chunk of the bundle, loaded at once. */
export { openPromotions, propose, recordDeployment, runGate } from "../flows/promotion.js";
export { createGitHubClients } from "../github/client.js";
export { imagesAfter } from "../promote/gate.js";
export { gateSummary, proposalSummary } from "../promote/texts.js";
export { pullRequestOutputs } from "../texts/update-summary.js";
export { changeLine, unifiedDiff } from "../update/index.js";
