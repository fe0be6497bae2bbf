import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import type { Change, ChangeSet } from "../manifests/index.js";

/** One change as the CLI and the action logs print it: `file:line: image from -> to`. */
export function changeLine(change: Change): string {
  return `${change.file}:${change.line}: ${change.image} ${change.from || "(none)"} -> ${change.to}`;
}

/** A commit message body: one line per change, the record `git log` shows of what a bump did. */
export function commitBody(changes: readonly Change[]): string {
  return changes.map((c) => `${c.file}:${c.line} ${c.image} ${c.from || "(none)"} -> ${c.to}`).join("\n");
}

/** A git-style unified diff (`a/path`, `b/path`) of every changed file, in path order. */
export function unifiedDiff(files: ChangeSet["files"]): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) =>
      createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.after, undefined, undefined, {
        headerOptions: FILE_HEADERS_ONLY,
      }),
    )
    .join("");
}
