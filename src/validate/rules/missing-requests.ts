import { existingPath, getAt } from "../object.js";
import type { Rule } from "../types.js";
import { describeContainer, eachContainer } from "../workloads.js";

/** Without requests the scheduler packs pods blind and the pod is first to be evicted under pressure. */
export const missingRequests: Rule = {
  id: "missing-requests",
  defaultSeverity: "warning",
  description: "Containers must request CPU and memory.",
  checkResource: eachContainer((location) => {
    const missing = ["cpu", "memory"].filter(
      (name) => getAt(location.container, ["resources", "requests", name]) == null,
    );
    if (missing.length === 0) return undefined;
    return {
      message: `${describeContainer(location)} has no ${missing.join(" or ")} request; set resources.requests.${missing.join(" and resources.requests.")}`,
      path: [...location.path, ...existingPath(location.container, ["resources", "requests"])],
    };
  }),
};
