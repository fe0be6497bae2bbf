import type { YAMLMap } from "yaml";
import { isMap, isSeq } from "yaml";
import { aliasWalkGuard, asMap, entries, get, items, type Reached } from "../yaml/index.js";
import { type FinderContext, type Path, stringTarget } from "./context.js";
import type { Target } from "./types.js";

const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);
const MAX_DEPTH = 64;

/**
 * Container images of any Kubernetes object: every `containers`, `initContainers` and `ephemeralContainers`
 * list of maps, wherever the pod template sits (Deployment, CronJob's jobTemplate, Argo Rollout, CRDs…).
 */
export function workloadFinder(ctx: FinderContext, root: Reached<YAMLMap>): Target[] {
  const targets: Target[] = [];
  const guard = aliasWalkGuard(ctx.file);
  const visit = (reached: Reached, at: Path, depth: number) => {
    if (depth > MAX_DEPTH || !guard.enter(reached.node)) return;
    if (isMap(reached.node)) {
      for (const entry of entries(ctx.file, ctx.document, reached as Reached<YAMLMap>)) {
        if (!entry.value) continue;
        if (CONTAINER_LISTS.has(entry.key) && isSeq(entry.value.node)) {
          items(ctx.file, ctx.document, entry.value).forEach((item, index) => {
            const container = asMap(item);
            if (!container) return;
            const image = get(ctx.file, ctx.document, container, "image");
            const flow = Boolean(container.node.flow);
            const found = stringTarget(
              ctx,
              image?.value,
              [...at, entry.key, index, "image"],
              "workload",
              flow,
            );
            if (found) targets.push(found);
          });
          continue;
        }
        visit(entry.value, [...at, entry.key], depth + 1);
      }
    } else if (isSeq(reached.node)) {
      items(ctx.file, ctx.document, reached).forEach((item, index) => {
        visit(item, [...at, index], depth + 1);
      });
    }
    guard.leave(reached.node);
  };
  visit(root, [], 0);
  return targets;
}
