import picomatch from "picomatch";
import { UserError } from "../errors.js";
import { decodeText, type RepoEntry, type RepoReader, repoPath, type TextEncoding } from "../update/index.js";
import type { GitHub } from "./client.js";
import {
  asEntry,
  buildPathQuery,
  kindOf,
  MAX_PATHS_PER_QUERY,
  RANK,
  type RawBlob,
  SYMLINK_MODE,
  type Want,
} from "./snapshot-query.js";

export type { Want } from "./snapshot-query.js";

const FILE_MODE = 0o100644;
const EXECUTABLE_MODE = 0o100755;
const GLOB_CHARS = /[*?[\]{}()!+@]/;

function join(dir: string, name: string): string {
  return dir === "" ? name : `${dir}/${name}`;
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** A pattern split into per-segment matchers; `open` is the first segment from which anything may match. */
interface Scope {
  segments: string[];
  matchers: ((name: string) => boolean)[];
  /** Index of the first glob segment, or `segments.length` for a plain path. */
  glob: number;
  open: number;
}

function scopeOf(pattern: string): Scope {
  const scan = picomatch.scan(pattern.replace(/\\/g, "/"));
  const base = repoPath(scan.isGlob ? scan.base : pattern);
  const baseSegments = base === "" ? [] : base.split("/");
  const globSegments = scan.isGlob ? scan.glob.split("/").filter(Boolean) : [];
  const segments = [...baseSegments, ...globSegments];
  let open = segments.length;
  // `**` crosses directories and a brace may hide a `/`: from there on, resolution cannot be pruned.
  const unsplittable = globSegments.findIndex((s) => s.includes("**"));
  if (unsplittable >= 0 || /\{[^}]*\/[^}]*\}/.test(scan.glob)) {
    open = baseSegments.length + (unsplittable >= 0 ? unsplittable : 0);
  }
  return {
    segments,
    matchers: segments.map((segment) => picomatch(segment, { dot: false })),
    glob: scan.isGlob ? baseSegments.length : segments.length,
    open,
  };
}

/**
 * A read-only view of one commit through GraphQL that fetches only what the patterns need. Each round asks for
 * every directory and file known to be needed in one aliased query, so the number of requests follows the depth
 * of the patterns and the bytes follow the directories they select, never the size of the repository.
 *
 * Listings are the patterns' view: an entry that cannot lead to a match is left out, so a resolver that walks
 * everything below a glob's base (as the core's does) only walks what can match.
 */
export class GitHubSnapshot implements RepoReader {
  private readonly dirs = new Map<string, RepoEntry[] | null>();
  private readonly texts = new Map<string, string | null>();
  private readonly oids = new Map<string, string | null>();
  private readonly readDone = new Set<string>();
  /** Paths whose existence is known (looked up, or seen in a listing), and the type of those that exist. */
  private readonly known = new Set<string>();
  private readonly types = new Map<string, RepoEntry["type"]>();
  /** Symlink targets (a symlink's blob is the path it points to). */
  private readonly links = new Map<string, string>();
  /** Git modes of the paths seen (100644 file, 100755 executable, 120000 symlink, 40000 directory). */
  private readonly modes = new Map<string, number>();
  /** Files that are not UTF-8, held one character per byte (see update/encoding.ts). */
  private readonly encodings = new Map<string, TextEncoding>();
  private scopes: Scope[];
  private queue = new Map<string, Want>();
  private flushing?: Promise<void>;
  /** The commit read; set once the first query has answered. */
  commit = "";
  /** Requests this snapshot made itself, for the caller's accounting. */
  requests = 0;

  constructor(
    private readonly github: GitHub,
    private readonly repository: { owner: string; repo: string },
    patterns: string[],
  ) {
    this.scopes = patterns.map(scopeOf);
  }

  /** The patterns path resolution will follow; known only after the config file has been read. */
  setPatterns(patterns: string[]): void {
    this.scopes = patterns.map(scopeOf);
  }

  /** Records the answer to a `pathField` query, whichever request carried it. */
  seed(path: string, answer: unknown, want: Want): void {
    const key = repoPath(path);
    const raw = asEntry(key, answer);
    this.known.add(key);
    const kind = raw ? kindOf(raw) : undefined;
    if (raw && typeof raw.mode === "number") this.modes.set(key, raw.mode);
    if (kind) {
      this.types.set(key, kind);
      for (let parent = parentOf(key); parent !== "" && !this.types.has(parent); parent = parentOf(parent)) {
        this.known.add(parent);
        this.types.set(parent, "dir");
      }
    }
    if (want === "oid") {
      this.oids.set(key, raw?.oid ?? null);
      return;
    }
    if (!raw) {
      this.oids.set(key, null);
      this.dirs.set(key, null);
      this.texts.set(key, null);
      this.readDone.add(key);
      return;
    }
    if (raw.oid) this.oids.set(key, raw.oid);
    if (kind === "dir") {
      this.texts.set(key, null);
      const entries: RepoEntry[] = [];
      for (const child of raw.object?.entries ?? []) {
        const childKind = kindOf(child);
        if (!childKind || child.name === undefined) continue;
        entries.push({ name: child.name, type: childKind });
        const childPath = join(key, child.name);
        if (typeof child.mode === "number") this.modes.set(childPath, child.mode);
        this.known.add(childPath);
        this.types.set(childPath, childKind);
        if (child.oid) this.oids.set(childPath, child.oid);
        if (childKind !== "dir") this.dirs.set(childPath, null);
        if (childKind !== "dir" && want === "read" && child.object)
          this.seedBlob(childPath, child.object, childKind);
        // A read also brings the level below (an overlay's patches/): seed it as its own read.
        if (childKind === "dir" && want === "read" && child.object?.entries)
          this.seed(childPath, child, "read");
      }
      this.dirs.set(key, entries);
    } else {
      this.dirs.set(key, null);
      if (kind !== undefined && want === "read" && raw.object) this.seedBlob(key, raw.object, kind);
    }
    if (want === "read") this.readDone.add(key);
  }

  private seedBlob(path: string, blob: RawBlob, kind: RepoEntry["type"]): void {
    this.readDone.add(path);
    if (kind === "symlink" && typeof blob.text === "string") {
      this.links.set(path, blob.text);
      return;
    }
    if (blob.oid && !this.oids.has(path)) this.oids.set(path, blob.oid);
    // A truncated blob stays unknown: `read` fetches it whole through REST if the core asks for it. So does one
    // whose text is not its bytes: GraphQL decodes blobs as UTF-8, replacing what is not (a Latin-1 comment) with
    // U+FFFD, which a commit would then write for good; and what GitHub calls binary is judged on the bytes.
    if (blob.isBinary || blob.isTruncated || typeof blob.text !== "string" || !isExactText(blob)) return;
    this.texts.set(path, blob.text);
  }

  /** How `read` held a file's bytes: "latin1" (one character per byte) for a file that is not UTF-8. */
  encoding(path: string): TextEncoding {
    return this.encodings.get(repoPath(path)) ?? "utf8";
  }

  /** Whether `path` can lead to (or lies below) a match of any pattern. */
  private visible(path: string): boolean {
    const parts = path.split("/");
    return this.scopes.some((scope) => {
      for (let index = 0; index < parts.length; index++) {
        if (index >= scope.open || index >= scope.segments.length) return true;
        if (!scope.matchers[index]!(parts[index]!)) return false;
      }
      return true;
    });
  }

  async list(dir: string): Promise<RepoEntry[]> {
    const key = repoPath(dir);
    if (!this.dirs.has(key)) {
      const partial = this.partialListing(key);
      if (partial) return partial;
      await this.fetch(new Map([[key, "list"]]));
    }
    return (this.dirs.get(key) ?? []).filter((entry) => this.visible(join(key, entry.name)));
  }

  /**
   * The patterns' view of a directory that was never listed, when every pattern reaching it names one plain
   * entry there and each of those was looked up: those entries are all the view can hold, so no listing is
   * needed. Undefined when a glob (or a match ending above) could make any entry visible.
   */
  private partialListing(dir: string): RepoEntry[] | undefined {
    const parts = dir === "" ? [] : dir.split("/");
    const depth = parts.length;
    const names = new Set<string>();
    for (const scope of this.scopes) {
      const reaches = parts.every(
        (part, index) =>
          index >= scope.open || index >= scope.segments.length || scope.matchers[index]!(part),
      );
      if (!reaches) continue;
      if (depth >= scope.open || depth >= scope.segments.length) return undefined;
      const segment = scope.segments[depth]!;
      if (GLOB_CHARS.test(segment)) return undefined;
      names.add(segment);
    }
    const entries: RepoEntry[] = [];
    for (const name of [...names].sort()) {
      const path = join(dir, name);
      if (!this.known.has(path)) return undefined;
      const type = this.types.get(path);
      if (type) entries.push({ name, type });
    }
    return entries;
  }

  async read(path: string, hops = 0): Promise<string | undefined> {
    const key = repoPath(path);
    if (this.dirs.get(key)) return undefined;
    if (!this.texts.has(key) && !this.readDone.has(key)) await this.fetch(new Map([[key, "read"]]));
    const link = this.links.get(key);
    if (link !== undefined) {
      // Followed like the file system would, and refused the same way when it leads outside the repository.
      if (hops >= 8 || link.startsWith("/")) {
        throw new UserError(`path ${JSON.stringify(key)} is a symlink that leaves the repository or loops`, {
          hint: "Replace the symlink with the file, or point it inside the repository.",
        });
      }
      return this.read(join(parentOf(key), link), hops + 1);
    }
    const oid = this.oids.get(key);
    if (!this.texts.has(key) && oid) await this.readBlob(key, oid);
    return this.texts.get(key) ?? undefined;
  }

  /**
   * The path a commit through the API writes to change `path`'s content: the path itself for a regular file, the
   * target for a symlink to a regular file inside the repository (what an edit through a checkout changes).
   * createCommitOnBranch writes every file as a regular 100644 blob, so whatever it would turn into something
   * else is refused: an executable file, a symlink leading outside the repository or to another symlink.
   */
  async commitPath(path: string): Promise<string> {
    const key = repoPath(path);
    const mode = await this.modeOf(key);
    if (mode !== SYMLINK_MODE) {
      this.checkRegular(key, key, mode);
      return key;
    }
    if (!this.links.has(key)) await this.fetch(new Map([[key, "read"]]));
    const link = this.links.get(key) ?? "";
    let target: string | undefined;
    try {
      target = link === "" || link.startsWith("/") ? undefined : repoPath(join(parentOf(key), link));
    } catch {
      target = undefined;
    }
    if (target === undefined) {
      throw refusedLink(key, `points to ${JSON.stringify(link)}, outside the repository`);
    }
    const targetMode = await this.modeOf(target);
    if (targetMode === SYMLINK_MODE) {
      throw refusedLink(key, `points to ${target}, which is itself a symlink`);
    }
    this.checkRegular(key, target, targetMode);
    return target;
  }

  private async modeOf(key: string): Promise<number | undefined> {
    if (!this.modes.has(key) && !(this.known.has(key) && !this.types.has(key)))
      await this.fetch(new Map([[key, "oid"]]));
    return this.modes.get(key);
  }

  private checkRegular(asked: string, path: string, mode: number | undefined): void {
    if (mode === FILE_MODE) return;
    const via = asked === path ? "" : ` (the target of the symlink ${asked})`;
    if (mode === EXECUTABLE_MODE) {
      throw new UserError(
        `${path}${via} is executable (mode 100755); a commit through the GitHub API would turn it into a regular file`,
        {
          file: path,
          hint: "Remove the executable bit from the file in the repository, or use `working-directory` mode (git keeps modes); nothing was written.",
        },
      );
    }
    throw new UserError(
      `${path}${via} is not a regular file in the repository (${mode === undefined ? "missing" : `mode ${mode.toString(8)}`}), so a commit through the GitHub API cannot update it`,
      { file: path, hint: "Point the paths at regular files; nothing was written." },
    );
  }

  /** Git blob ids of paths in this commit (undefined when absent), one request for all unknown ones. */
  async blobOids(paths: string[]): Promise<Map<string, string | undefined>> {
    const keys = paths.map(repoPath);
    const unknown = keys.filter((key) => !this.oids.has(key));
    if (unknown.length > 0) await this.fetch(new Map(unknown.map((key): [string, Want] => [key, "oid"])));
    return new Map(keys.map((key) => [key, this.oids.get(key) ?? undefined]));
  }

  /**
   * What the patterns need next, given what is known: for a plain path its parent's listing and its content;
   * for a glob the listings along every directory that can still match, one level per round. Empty when path
   * resolution can run from what is cached.
   */
  plan(): Map<string, Want> {
    const wants = new Map<string, Want>();
    const need = (path: string, want: Want) => {
      const satisfied =
        want === "read"
          ? this.readDone.has(path)
          : want === "list"
            ? this.dirs.has(path)
            : this.known.has(path);
      if (satisfied) return;
      const queued = wants.get(path);
      if (queued === undefined || RANK[want] > RANK[queued]) wants.set(path, want);
    };
    const missing = (path: string) => this.known.has(path) && !this.types.has(path);
    // Symlinks met so far are followed in the next round rather than one by one when the core reads them.
    for (const [link, target] of this.links) {
      if (target.startsWith("/")) continue;
      try {
        need(repoPath(join(parentOf(link), target)), "read");
      } catch {
        // Leaves the repository: `read` refuses it with the reason when the core asks.
      }
    }
    for (const scope of this.scopes) {
      const base = scope.segments.slice(0, scope.glob).join("/");
      if (scope.glob === scope.segments.length) {
        need(base, "read");
        continue;
      }
      const descend = (dir: string, index: number): void => {
        if (index >= scope.open || missing(dir)) return; // past `**`: resolved on demand by the core's own walk
        const segment = scope.segments[index]!;
        if (!GLOB_CHARS.test(segment)) {
          // A run of plain names needs no listing to be addressed: ask for its end in the same round as the level
          // above. Its existence implies its ancestors', which answers the walk's listings of the directories in
          // between (see partialListing); only when it is missing are those looked up, in the next round.
          let end = index;
          while (end < scope.segments.length && end < scope.open && !GLOB_CHARS.test(scope.segments[end]!))
            end++;
          const chain = scope.segments.slice(index, end);
          const target = join(dir, chain.join("/"));
          const toEnd = end === scope.segments.length;
          need(target, toEnd ? "read" : "list");
          if (missing(target)) {
            let between = dir;
            for (const name of chain.slice(0, -1)) {
              between = join(between, name);
              need(between, "oid");
            }
          } else if (!toEnd) descend(target, end);
          return;
        }
        if (!this.dirs.has(dir)) {
          need(dir, "list");
          return;
        }
        for (const entry of this.dirs.get(dir) ?? []) {
          if (!scope.matchers[index]!(entry.name)) continue;
          const child = join(dir, entry.name);
          if (index === scope.segments.length - 1) {
            if (entry.type !== "symlink") need(child, "read");
          } else if (entry.type === "dir") {
            descend(child, index + 1);
          }
        }
      };
      need(base, "list");
      descend(base, scope.glob);
    }
    return wants;
  }

  /** Runs `plan` rounds until path resolution needs nothing more (bounded: a round per glob level). */
  async prefetch(rounds = 6): Promise<void> {
    for (let round = 0; round < rounds; round++) {
      const wants = this.plan();
      if (wants.size === 0) return;
      await this.fetch(wants);
    }
  }

  /** Queues paths for the next aliased query; callers in the same turn of the event loop share it. */
  private async fetch(wants: Map<string, Want>): Promise<void> {
    for (const [path, want] of wants) {
      const queued = this.queue.get(path);
      if (queued === undefined || RANK[want] > RANK[queued]) this.queue.set(path, want);
    }
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
    await this.flushing;
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = new Map();
    this.flushing = undefined;
    // GitHub bounds the work of one query (nodes, time): very wide rounds go out as several queries.
    const entries = [...batch];
    const chunks: Map<string, Want>[] = [];
    for (let start = 0; start < entries.length; start += MAX_PATHS_PER_QUERY) {
      chunks.push(new Map(entries.slice(start, start + MAX_PATHS_PER_QUERY)));
    }
    await Promise.all(
      chunks.map(async (chunk) => {
        const { query, variables, paths } = buildPathQuery(chunk, {
          owner: this.repository.owner,
          name: this.repository.repo,
          oid: this.commit,
        });
        this.requests++;
        const data = await this.github.graphql<{
          repository: { object: Record<string, unknown> | null } | null;
        }>(query, variables);
        const commit = data.repository?.object;
        paths.forEach((path, index) => {
          this.seed(path, commit?.[`f${index}`], chunk.get(path)!);
        });
      }),
    );
  }

  /** Blobs GraphQL gives no text for (truncated): fetched whole, once. */
  private async readBlob(path: string, oid: string): Promise<void> {
    this.requests++;
    const { data } = await this.github.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", {
      owner: this.repository.owner,
      repo: this.repository.repo,
      file_sha: oid,
    });
    const bytes = Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
    if (bytes.includes(0)) {
      this.texts.set(path, null);
      return;
    }
    const { text, encoding } = decodeText(bytes);
    this.texts.set(path, text);
    if (encoding !== "utf8") this.encodings.set(path, encoding);
  }
}

function refusedLink(path: string, what: string): UserError {
  return new UserError(
    `${path} is a symlink that ${what}; refusing to replace the link with a regular file`,
    {
      file: path,
      hint: "An edit lands on a symlink's target when it is a regular file inside the repository: point the link straight at the file, or list the file's own path; nothing was written.",
    },
  );
}

/** True when a blob's GraphQL text is its bytes: same UTF-8 length, no replacement character. */
function isExactText(blob: RawBlob): boolean {
  const text = blob.text as string;
  return (
    !text.includes("\uFFFD") && (blob.byteSize === undefined || Buffer.byteLength(text) === blob.byteSize)
  );
}
