import type { Rule } from "../types.js";
import { describeContainer, eachContainer } from "../workloads.js";

/**
 * A long-running container without a readiness probe gets traffic before it can serve it; without a liveness
 * probe a hung process is never restarted. Jobs, CronJobs and plain init containers exit by design.
 */
export const missingProbes: Rule = {
  id: "missing-probes",
  defaultSeverity: "warning",
  description: "Containers of long-running workloads must have readiness and liveness probes.",
  checkResource: eachContainer((location) => {
    if (location.role === "init" || !location.pod.longRunning) return undefined;
    const missing = ["readinessProbe", "livenessProbe"].filter((probe) => location.container[probe] == null);
    if (missing.length === 0) return undefined;
    return { message: `${describeContainer(location)} has no ${missing.join(" or ")}`, path: location.path };
  }),
};
