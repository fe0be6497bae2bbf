import { UserError } from "../errors.js";
import { runAction } from "./runtime.js";

await runAction(async () => {
  throw new UserError("the validate-manifests action is not available in this version of gitops-pipeline", {
    hint: "Pin a release whose README lists validate-manifests as available.",
  });
});
