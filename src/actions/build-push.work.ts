/** What the build-push action loads once its inputs are checked: one chunk of the bundle, loaded at once. */
export { buildAndPush } from "../build/build-push.js";
export { summaryMarkdown } from "../build/summary.js";
