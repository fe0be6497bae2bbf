import { existingPath, getAt } from "../object.js";
import type { Rule } from "../types.js";
import { describeContainer, eachContainer } from "../workloads.js";

/**
 * Kubernetes allows privilege escalation (setuid binaries, file capabilities) unless told otherwise, so only an
 * explicit `false` passes. A warning: most images never use it, but it is one line to close.
 */
export const privilegeEscalation: Rule = {
  id: "privilege-escalation",
  defaultSeverity: "warning",
  description: "Containers must set securityContext.allowPrivilegeEscalation: false.",
  checkResource: eachContainer((location) => {
    const field = ["securityContext", "allowPrivilegeEscalation"];
    const value = getAt(location.container, field);
    if (value === false) return undefined;
    return {
      message: `${describeContainer(location)} ${
        value === true ? "allows privilege escalation" : "does not set allowPrivilegeEscalation: false"
      }`,
      path: [...location.path, ...existingPath(location.container, field)],
    };
  }),
};
