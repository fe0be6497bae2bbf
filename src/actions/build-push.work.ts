/** What the build-push action loads once its inputs are checked: one chunk of the bundle, loaded at once. */
export { buildAndPush } from "../builder/build-push.js";
export { summaryMarkdown } from "../builder/summary.js";
