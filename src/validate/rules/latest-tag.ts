import type { Rule, Violation } from "../types.js";
import { imagesOf } from "../workloads.js";

/** An image without a tag or with `latest` changes under the same manifest: Git no longer says what runs. */
export const latestTag: Rule = {
  id: "latest-tag",
  defaultSeverity: "error",
  description: "Container images must name a tag other than `latest`, or a digest.",
  checkResource(resource, context) {
    const violations: Violation[] = [];
    for (const { owner, image, ref, path } of imagesOf(resource)) {
      if (ref.digest !== undefined) continue;
      // Skaffold writes the tag it built into `image: frontend` when it deploys.
      if (ref.tag === undefined && context.builtImages?.has(image)) continue;
      if (ref.tag === undefined) {
        violations.push({
          message: `${owner} uses image "${image}" without a tag, which means latest; pin a version tag or a digest`,
          path,
        });
      } else if (ref.tag === "latest") {
        violations.push({
          message: `${owner} uses image "${image}"; pin a version tag or a digest instead of latest`,
          path,
        });
      }
    }
    return violations;
  },
};
