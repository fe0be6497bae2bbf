import { getAt } from "../object.js";
import type { Rule } from "../types.js";
import { describeContainer, eachContainer } from "../workloads.js";

/** A privileged container has every capability and the host's devices: it is root on the node. */
export const privileged: Rule = {
  id: "privileged",
  defaultSeverity: "error",
  description: "Containers must not run privileged.",
  checkResource: eachContainer((location) => {
    if (getAt(location.container, ["securityContext", "privileged"]) !== true) return undefined;
    return {
      message: `${describeContainer(location)} runs privileged; grant the specific capabilities it needs instead`,
      path: [...location.path, "securityContext", "privileged"],
    };
  }),
};
