import { getAt } from "../object.js";
import type { ObjectPath, Rule } from "../types.js";
import { describeContainer, eachContainer } from "../workloads.js";

/**
 * A container may run as root unless `runAsNonRoot: true` or a non-zero `runAsUser` holds for it; a container's
 * securityContext overrides the pod's, so each container is judged on the effective value.
 */
export const runAsRoot: Rule = {
  id: "run-as-root",
  defaultSeverity: "warning",
  description:
    "Containers must not run as root: set runAsNonRoot: true (pod or container) and no runAsUser: 0.",
  checkResource: eachContainer((location, resource) => {
    const podContext = [...location.pod.specPath, "securityContext"];
    const containerContext = [...location.path, "securityContext"];
    const effective = (field: string): { value: unknown; path?: ObjectPath } => {
      for (const base of [containerContext, podContext]) {
        const value = getAt(resource.object, [...base, field]);
        if (value != null) return { value, path: [...base, field] };
      }
      return { value: undefined };
    };
    const user = effective("runAsUser");
    if (user.value === 0) {
      return { message: `${describeContainer(location)} runs as root (runAsUser: 0)`, path: user.path };
    }
    if (typeof user.value === "number" && user.value > 0) return undefined;
    const nonRoot = effective("runAsNonRoot");
    if (nonRoot.value === true) return undefined;
    return {
      message: `${describeContainer(location)} may run as root: ${
        nonRoot.value === false ? "runAsNonRoot is false" : "runAsNonRoot is not set"
      }; set securityContext.runAsNonRoot: true or a non-zero runAsUser`,
      path: nonRoot.path ?? location.path,
    };
  }),
};
