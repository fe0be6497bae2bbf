import type { KustomizationGraph } from "./kustomize.js";
import type { Position, PositionIndex } from "./positions.js";
import { valueAt } from "./render.js";
import type { ObjectPath, Resource } from "./types.js";

/** Where a value of a rendered resource was set by a kustomization rather than written in the resource's file. */

/** `registry/name:tag@digest` → the name without tag or digest. */
function imageName(image: string): string {
  const at = image.indexOf("@");
  const ref = at < 0 ? image : image.slice(0, at);
  const colon = ref.lastIndexOf(":");
  return colon > ref.lastIndexOf("/") ? ref.slice(0, colon) : ref;
}

/**
 * The `images:` entry of the build's kustomizations (the root's own first: the last one applied wins) that gave a
 * rendered container image its name, tag or digest; the position of the field that set what the finding is about.
 */
export function overlayImageSetting(
  graph: KustomizationGraph,
  resource: Resource,
  path: ObjectPath,
  positions: PositionIndex,
): ({ file: string } & Position) | undefined {
  if (!resource.renderedFrom || path[path.length - 1] !== "image") return undefined;
  const image = valueAt(resource.object, path);
  if (typeof image !== "string") return undefined;
  const name = imageName(image);
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    order.push(dir);
    for (const d of graph.get(dir)?.dirs ?? []) visit(d);
  };
  visit(resource.renderedFrom);
  for (const dir of order) {
    const k = graph.get(dir);
    for (const entry of k?.images ?? []) {
      if ((entry.newName ?? entry.name) !== name) continue;
      const field = entry.digest ? "digest" : entry.newTag ? "newTag" : entry.newName ? "newName" : undefined;
      if (!field || !k) continue;
      const at = positions.locate(k.file, 0, ["images", entry.index, field]);
      if (at) return { file: k.file, ...at };
    }
  }
  return undefined;
}
