import * as core from "@actions/core";
import { run } from "../actions/build-push.js";
import { cleanUpOnCancel, postCleanup } from "../actions/build-push-cancel.js";

// One bundle for both steps: the runner runs it again as the post step, with the state the main step saved.
if (core.getState("isPost") === "true") {
  await postCleanup();
} else {
  if (process.env.GITHUB_STATE) core.saveState("isPost", "true");
  cleanUpOnCancel();
  await run();
}
