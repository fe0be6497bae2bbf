import type { Rule, Violation } from "../types.js";
import { podOf } from "../workloads.js";

const NAMESPACES = { hostNetwork: "network", hostPID: "process", hostIPC: "IPC" } as const;

/** Sharing the node's network, process or IPC namespace lets a pod see and reach everything on the node. */
export const hostNamespace: Rule = {
  id: "host-namespace",
  defaultSeverity: "error",
  description: "Pods must not share the host's network, PID or IPC namespace.",
  checkResource(resource) {
    const pod = podOf(resource);
    if (!pod) return [];
    const violations: Violation[] = [];
    for (const [field, what] of Object.entries(NAMESPACES)) {
      if (pod.spec[field] !== true) continue;
      violations.push({
        message: `the pod shares the host's ${what} namespace (${field}: true)`,
        path: [...pod.specPath, field],
      });
    }
    return violations;
  },
};
