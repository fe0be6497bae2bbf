import type { TextEncoding } from "./encoding.js";

/** One entry of a directory listing; `symlink` entries are reported as such and never followed when listing. */
export interface RepoEntry {
  name: string;
  type: "file" | "dir" | "symlink";
}

/**
 * Read access to a config repository, by paths relative to its root with `/` separators ("" is the root).
 * The local file system and the GitHub API (delivery) implement it; the update planner needs nothing else.
 * `read` returns undefined for a path that does not exist; both throw a UserError for a path that leaves the
 * repository.
 */
export interface RepoReader {
  list(dir: string): Promise<RepoEntry[]>;
  read(path: string): Promise<string | undefined>;
  /** How `read` held the file's bytes (see encoding.ts); "utf8" when not told otherwise. */
  encoding?(path: string): TextEncoding;
}
