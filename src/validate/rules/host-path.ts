import { isObj, listAt } from "../object.js";
import type { Rule, Violation } from "../types.js";
import { podOf } from "../workloads.js";

/**
 * A hostPath volume reaches the node's file system; node agents need it, applications should not. A warning
 * because log shippers and CSI drivers legitimately use it.
 */
export const hostPath: Rule = {
  id: "host-path",
  defaultSeverity: "warning",
  description: "Pods should not mount hostPath volumes.",
  checkResource(resource) {
    const pod = podOf(resource);
    if (!pod) return [];
    const violations: Violation[] = [];
    listAt(pod.spec, ["volumes"]).forEach((volume, index) => {
      if (!isObj(volume) || !isObj(volume["hostPath"])) return;
      const path = volume["hostPath"]["path"];
      violations.push({
        message: `volume "${String(volume["name"] ?? index)}" mounts host path ${
          typeof path === "string" ? `"${path}"` : "(unset)"
        } from the node`,
        path: [...pod.specPath, "volumes", index, "hostPath"],
      });
    });
    return violations;
  },
};
