import { isUserError } from "../errors.js";
import { type Change, findImages, updateFile } from "../manifests/index.js";
import { appOf, inPaths } from "./pairing.js";
import { versionProblem } from "./references.js";

/** A file a pull request changes, with its content on the base and head commits (undefined where absent). */
export interface PullRequestFile {
  path: string;
  /** GitHub's file status: `added`, `removed`, `modified`, `renamed`, `copied`, `changed`, `unchanged`. */
  status: string;
  previousPath?: string;
  base?: string;
  head?: string;
}

/** One image reference a pull request changes, and the app whose file holds it. */
export interface PromotedChange extends Change {
  app: string;
}

/**
 * Reads what a promotion pull request really changes. A file passes only when it lies in the target's paths and
 * its head content is exactly its base content with the head's image references applied: then the only bytes
 * that differ are image references. Anything else is listed as a problem.
 */
export function inspectPromotionDiff(
  files: readonly PullRequestFile[],
  target: { name: string; paths: readonly string[] },
): { changes: PromotedChange[]; problems: string[] } {
  const changes: PromotedChange[] = [];
  const problems: string[] = [];
  const outside = `outside ${target.name}'s paths (${target.paths.join(", ")})`;
  for (const file of files) {
    if (file.status === "unchanged") continue;
    if (!inPaths(file.path, target.paths)) {
      problems.push(`${file.path} is ${outside}`);
      continue;
    }
    if (file.previousPath !== undefined && !inPaths(file.previousPath, target.paths)) {
      problems.push(`${file.previousPath} is ${outside}`);
      continue;
    }
    if (
      file.status === "added" ||
      file.status === "removed" ||
      file.status === "renamed" ||
      file.status === "copied"
    ) {
      problems.push(`${file.path} is ${file.status}; a promotion only edits image references`);
      continue;
    }
    if (file.base === undefined || file.head === undefined) {
      problems.push(`${file.path} could not be read on both commits, so its change cannot be checked`);
      continue;
    }
    try {
      const images = findImages(file.path, file.head).map((located) => located.ref);
      const replayed = updateFile(file.path, file.base, images);
      if (replayed.content !== file.head) {
        problems.push(`${file.path} changes more than image references`);
        continue;
      }
      const invalid = replayed.changes.flatMap((change) => {
        const why = versionProblem(change.image, change.to);
        return why
          ? [`${file.path}:${change.line} sets ${change.image} to ${JSON.stringify(change.to)} (${why})`]
          : [];
      });
      if (invalid.length > 0) {
        problems.push(`${invalid.join("; ")}: not a valid image version`);
        continue;
      }
      const app = appOf(file.path, target.paths)!;
      for (const change of replayed.changes) changes.push({ ...change, app });
    } catch (error) {
      if (!isUserError(error)) throw error;
      problems.push(`${file.path} cannot be read as a manifest: ${error.message}`);
    }
  }
  return { changes, problems };
}
