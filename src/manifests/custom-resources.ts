import type { YAMLMap } from "yaml";
import { isMap, isScalar } from "yaml";
import { entries, type Reached } from "../yaml/index.js";
import { type FinderContext, stringTarget, walkEntries } from "./context.js";
import { imageMapTarget } from "./helm-values.js";
import type { Target } from "./types.js";

/**
 * Fields that hold an image in custom resources: `image` (Tekton steps, Argo Workflows templates, Prometheus,
 * Rook, Strimzi, CloudNativePG image catalogs…), `imageName` (CloudNativePG clusters) and `…Image` (`initImage`,
 * `sidecarImage`), the same names Helm values use.
 */
const IMAGE_FIELD = /^(?:image|imageName|[a-zA-Z0-9_]+Image)$/;
const VERSION_KEYS = ["tag", "version", "digest"];

/**
 * Image fields of any object, wherever they sit: a string holding a reference with a tag or a digest, or an image map
 * (`{repository, tag | version | digest}`). A name without a version is not counted: custom resources use it for
 * repositories to watch or mirror (Flux's ImageRepository), not for what runs. Container lists are the workload
 * finder's, which also reads untagged images there; `metadata` (labels, annotations) is not read.
 */
export function customResourceFinder(ctx: FinderContext, root: Reached<YAMLMap>): Target[] {
  const targets: Target[] = [];
  walkEntries(ctx, root, (entry, path, map) => {
    // Labels and annotations describe an object; an `image` annotation is a note, not what runs.
    if (entry.key === "metadata") return true;
    if (!IMAGE_FIELD.test(entry.key)) return false;
    if (isScalar(entry.value.node)) {
      const found = stringTarget(ctx, entry.value, path, "custom-resource", Boolean(map.node.flow));
      if (found && (found.image.ref.tag !== undefined || found.image.ref.digest !== undefined)) {
        targets.push(found);
      }
      return true;
    }
    if (!isMap(entry.value.node)) return false;
    const value = entry.value as Reached<YAMLMap>;
    const keys = entries(ctx.file, ctx.document, value).map((field) => field.key);
    const found = keys.some((key) => VERSION_KEYS.includes(key))
      ? imageMapTarget(ctx, value, path, "custom-resource", true)
      : undefined;
    if (found) targets.push(found);
    return Boolean(found);
  });
  return targets;
}
