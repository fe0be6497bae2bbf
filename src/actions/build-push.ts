import { UserError } from "../errors.js";
import { runAction } from "./runtime.js";

await runAction(async () => {
  throw new UserError("the build-push action is not available in this version of gitops-pipeline", {
    hint: "Pin a release whose README lists build-push as available.",
  });
});
