import { existingPath, getAt } from "../object.js";
import type { Rule } from "../types.js";
import { describeContainer, eachContainer } from "../workloads.js";

/**
 * Only the memory limit is required: a container without one can take a node's memory and get its neighbours
 * OOM-killed. A CPU limit is left to the team, since it throttles even when the node is idle.
 */
export const missingLimits: Rule = {
  id: "missing-limits",
  defaultSeverity: "warning",
  description: "Containers must set a memory limit.",
  checkResource: eachContainer((location) => {
    if (getAt(location.container, ["resources", "limits", "memory"]) != null) return undefined;
    return {
      message: `${describeContainer(location)} has no memory limit; set resources.limits.memory`,
      path: [...location.path, ...existingPath(location.container, ["resources", "limits"])],
    };
  }),
};
