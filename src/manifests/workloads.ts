import type { YAMLMap } from "yaml";
import { isSeq } from "yaml";
import { asMap, get, items, type Reached } from "../yaml/index.js";
import { type FinderContext, stringTarget, walkEntries } from "./context.js";
import type { Target } from "./types.js";

const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);

/**
 * Container images of any Kubernetes object: every `containers`, `initContainers` and `ephemeralContainers`
 * list of maps, wherever the pod template sits (Deployment, CronJob's jobTemplate, Argo Rollout, CRDs…).
 */
export function workloadFinder(ctx: FinderContext, root: Reached<YAMLMap>): Target[] {
  const targets: Target[] = [];
  walkEntries(ctx, root, (entry, path) => {
    if (!CONTAINER_LISTS.has(entry.key) || !isSeq(entry.value.node)) return false;
    items(ctx.file, ctx.document, entry.value).forEach((item, index) => {
      const container = asMap(item);
      if (!container) return;
      const image = get(ctx.file, ctx.document, container, "image");
      const flow = Boolean(container.node.flow);
      const found = stringTarget(ctx, image?.value, [...path, index, "image"], "workload", flow);
      if (found) targets.push(found);
    });
    return true;
  });
  return targets;
}
