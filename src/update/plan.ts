import { UserError } from "../errors.js";
import { formatImageRef, type ImageRef, normalizedName } from "../image/index.js";
import { type Change, type ChangeSet, type UpdateOptions, updateFile } from "../manifests/index.js";
import { resolvePaths } from "./paths.js";
import type { RepoReader } from "./reader.js";

export interface UpdatePlan extends ChangeSet {
  /** Requested images referenced by none of the files. */
  missing: ImageRef[];
  /** Every file that was read, changed or not. */
  scanned: string[];
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
  const files: ChangeSet["files"] = [];
  paths.forEach((path, index) => {
    const before = contents[index]!;
    const result = updateFile(path, before, images, options);
    for (const image of result.found) found.add(image);
    if (result.changes.length === 0) return;
    changes.push(...result.changes);
    files.push({ path, before, after: result.content });
  });
  return { changes, files, missing: images.filter((image) => !found.has(image)), scanned: paths };
}
