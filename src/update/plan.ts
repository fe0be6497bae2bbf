import { UserError } from "../errors.js";
import { formatImageRef, type ImageRef, imageName, normalizedName } from "../image/index.js";
import {
  type Change,
  type ChangeSet,
  explainMissing,
  type Unedited,
  type UpdateOptions,
  type UpdateWarning,
  updateFile,
} from "../manifests/index.js";
import { resolvePaths } from "./paths.js";
import type { RepoReader } from "./reader.js";

export interface UpdatePlan extends ChangeSet {
  /** Requested images referenced by none of the files. */
  missing: ImageRef[];
  /** Every file that was read, changed or not. */
  scanned: string[];
  /** Where files name a missing image in a place that is not edited, and why. */
  unedited?: Unedited[];
  /** Updates made (or already in place) only in part, such as a digest with nowhere to go. */
  warnings?: UpdateWarning[];
}

/** Enough reads in flight to hide latency (file system thread pool, or HTTP for remote readers). */
const READ_CONCURRENCY = 16;

/** Requested images must carry a version and name each image once, or the plan would be ambiguous. */
function checkImages(images: ImageRef[]): void {
  if (images.length === 0) throw new UserError("no image to update", { hint: "Pass --image name:tag." });
  const seen = new Map<string, ImageRef>();
  for (const image of images) {
    if (image.tag === undefined && image.digest === undefined) {
      throw new UserError(`image ${formatImageRef(image)} has no tag or digest to set`, {
        hint: "Write it as name:tag, name@sha256:<digest> or name:tag@sha256:<digest>.",
      });
    }
    const name = normalizedName(image);
    const other = seen.get(name);
    if (other && formatImageRef(other) !== formatImageRef(image)) {
      throw new UserError(`image ${name} is given twice with different versions`, {
        hint: `Pass one of ${formatImageRef(other)} and ${formatImageRef(image)}.`,
      });
    }
    seen.set(name, image);
  }
}

async function readAll(reader: RepoReader, paths: string[]): Promise<string[]> {
  const contents: string[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const index = next++;
      contents[index] = (await reader.read(paths[index]!)) ?? "";
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return contents;
}

/**
 * Plans an image update over the files the patterns name: pure apart from reading through `reader`, and
 * all-or-nothing (any error — malformed YAML, an alias, a path leaving the repository — throws before a caller
 * could write anything). Files already at the requested versions produce no change.
 */
export async function planUpdate(
  reader: RepoReader,
  patterns: string[],
  images: ImageRef[],
  options: UpdateOptions = {},
): Promise<UpdatePlan> {
  checkImages(images);
  // Files named explicitly are read whatever their extension; directory walks pick YAML files only.
  const paths = await resolvePaths(reader, patterns);
  const contents = await readAll(reader, paths);
  const found = new Set<ImageRef>();
  const changes: Change[] = [];
  const warnings: UpdateWarning[] = [];
  const files: ChangeSet["files"] = [];
  paths.forEach((path, index) => {
    const before = contents[index]!;
    const result = updateFile(path, before, images, options);
    for (const image of result.found) found.add(image);
    warnings.push(...result.warnings);
    if (result.changes.length === 0) return;
    changes.push(...result.changes);
    files.push({ path, before, after: result.content });
  });
  const missing = images.filter((image) => !found.has(image));
  // Only on the way to an error: where the missing images are named after all, and why no finder reached them.
  const unedited =
    missing.length === 0
      ? []
      : paths.flatMap((path, index) => explainMissing(path, contents[index]!, missing));
  return { changes, files, missing, scanned: paths, unedited, warnings };
}

/**
 * The error for images found nowhere: where each is named in a place that is not edited and why (file:line), or,
 * when no file names it, that it is not referenced under the paths.
 */
export function missingImagesError(plan: UpdatePlan, patterns: string[], hint: string): UserError {
  const names = plan.missing.map(formatImageRef).join(", ");
  const unedited = plan.unedited ?? [];
  if (unedited.length === 0)
    return new UserError(`not referenced under ${patterns.join(", ")}: ${names}`, { hint });
  const places = unedited.map(
    (place) => `\n  ${place.file}:${place.line}:${place.column}: ${imageName(place.image)} ${place.reason}`,
  );
  return new UserError(
    `not referenced where images are edited under ${patterns.join(", ")}: ${names}; named only here:${places.join("")}`,
    { hint },
  );
}
