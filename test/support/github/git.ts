import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Plumbing over one bare repository. Every call is an argv array; nothing goes through a shell. */
export const ZERO_OID = "0000000000000000000000000000000000000000";

/** The committer GitHub writes on commits it creates and signs itself. */
export const GITHUB_COMMITTER = { name: "GitHub", email: "noreply@github.com" } as const;

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")} failed (${code}): ${stderr.trim()}`);
  }
}

export interface GitRunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  allowFailure?: boolean;
}

export interface GitResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export function runGit(gitDir: string, args: string[], options: GitRunOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", [`--git-dir=${gitDir}`, ...args], {
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_TERMINAL_PROMPT: "0",
        LC_ALL: "C",
        ...options.env,
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const result = { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") };
      if (code !== 0 && !options.allowFailure) reject(new GitError(args, code, result.stderr));
      else resolve(result);
    });
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
  });
}

export interface TreeEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  oid: string;
  size: number | undefined;
  path: string;
}

export interface CommitInfo {
  oid: string;
  tree: string;
  parents: string[];
  author: Signature;
  committer: Signature;
  message: string;
}

export interface Signature {
  name: string;
  email: string;
  date: string;
}

export interface Identity {
  name: string;
  email: string;
}

export interface FileChange {
  path: string;
  /** New content; `null` deletes the file. Ignored when `oid` names an existing blob. */
  content: Buffer | string | null;
  /** An existing blob (or, with mode 160000, a commit) to place instead of writing `content`. */
  oid?: string;
  /** Default 100644. */
  mode?: string;
}

interface Pending {
  resolve: (value: { oid: string; type: string; size: number; content?: Buffer } | undefined) => void;
  reject: (error: Error) => void;
  withContent: boolean;
}

/**
 * One long-lived `git cat-file --batch-command` per repository for object reads: a request costs a line on a pipe
 * instead of a process, which keeps the server fast when many clients read at once. Writes still go through
 * separate plumbing commands; the reader sees new objects because git re-scans packs on a miss.
 */
class ObjectReader {
  private child: ReturnType<typeof spawn> | undefined;
  private queue: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly gitDir: string) {}

  read(
    spec: string,
    withContent: boolean,
  ): Promise<{ oid: string; type: string; size: number; content?: Buffer } | undefined> {
    if (/[\n\r]/.test(spec)) return Promise.resolve(undefined);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.queue.push({ resolve, reject, withContent });
      child.stdin?.write(`${withContent ? "contents" : "info"} ${spec}\n`);
    });
  }

  close(): void {
    this.child?.stdin?.end();
    this.child?.kill();
    this.child = undefined;
  }

  private start(): ReturnType<typeof spawn> {
    if (this.child) return this.child;
    const child = spawn("git", [`--git-dir=${this.gitDir}`, "cat-file", "--batch-command"], {
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", LC_ALL: "C" },
      stdio: ["pipe", "pipe", "ignore"],
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    const fail = () => {
      if (this.child === child) this.child = undefined;
      const pending = this.queue;
      this.queue = [];
      this.buffer = Buffer.alloc(0);
      for (const p of pending) p.reject(new Error("git cat-file --batch-command ended"));
    };
    child.on("exit", fail);
    child.on("error", fail);
    child.stdin?.on("error", () => {});
    // An idle reader must not keep a test process alive; pending reads are awaited by whoever asked.
    child.unref();
    for (const stream of [child.stdin, child.stdout])
      (stream as unknown as { unref?: () => void } | null)?.unref?.();
    this.child = child;
    return child;
  }

  private drain(): void {
    while (this.queue.length > 0) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString("utf8");
      const pending = this.queue[0] as Pending;
      if (header.endsWith(" missing") || header.endsWith(" ambiguous")) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        pending.resolve(undefined);
        continue;
      }
      const [oid, type, sizeText] = header.split(" ");
      const size = Number(sizeText);
      if (!pending.withContent) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.queue.shift();
        pending.resolve({ oid: oid as string, type: type as string, size });
        continue;
      }
      if (this.buffer.length < newline + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size));
      this.buffer = this.buffer.subarray(newline + 1 + size + 1);
      this.queue.shift();
      pending.resolve({ oid: oid as string, type: type as string, size, content });
    }
  }
}

export class BareRepo {
  private readonly reader: ObjectReader;

  constructor(readonly path: string) {
    this.reader = new ObjectReader(path);
  }

  /** Stops the object reader process. */
  close(): void {
    this.reader.close();
  }

  async git(args: string[], options?: GitRunOptions): Promise<string> {
    return (await runGit(this.path, args, options)).stdout.toString("utf8");
  }

  static async init(path: string, defaultBranch: string): Promise<BareRepo> {
    await mkdir(path, { recursive: true });
    await runGit(path, ["init", "--bare", "--quiet", `--initial-branch=${defaultBranch}`]);
    const repo = new BareRepo(path);
    await repo.git(["config", "http.receivepack", "true"]);
    await repo.git(["config", "uploadpack.allowAnySHA1InWant", "true"]);
    return repo;
  }

  /** Commit oid a ref name (`main`, `refs/heads/main`, `heads/main`) or an oid resolves to; undefined if none. */
  async resolveCommit(rev: string): Promise<string | undefined> {
    const candidates = /^[0-9a-f]{40}$/.test(rev)
      ? [rev]
      : rev.startsWith("refs/")
        ? [rev]
        : rev.startsWith("heads/") || rev.startsWith("tags/")
          ? [`refs/${rev}`]
          : [`refs/heads/${rev}`, `refs/tags/${rev}`, rev];
    for (const candidate of candidates) {
      if (candidate.startsWith("-")) continue;
      const found = await this.reader.read(`${candidate}^{commit}`, false);
      if (found) return found.oid;
    }
    return undefined;
  }

  async objectType(oid: string): Promise<string | undefined> {
    if (oid.startsWith("-")) return undefined;
    return (await this.reader.read(oid, false))?.type;
  }

  async readRef(ref: string): Promise<string | undefined> {
    if (ref.startsWith("-")) return undefined;
    return (await this.reader.read(ref, false))?.oid;
  }

  /** All refs as `refs/...` → oid. */
  async listRefs(): Promise<Map<string, string>> {
    const out = await this.git(["for-each-ref", "--format=%(objectname) %(refname)"]);
    const refs = new Map<string, string>();
    for (const line of out.split("\n")) {
      if (!line) continue;
      const space = line.indexOf(" ");
      refs.set(line.slice(space + 1), line.slice(0, space));
    }
    return refs;
  }

  /** Compare-and-swap: moves `ref` to `next` only if it still points at `expected` (ZERO_OID: must not exist). */
  async casRef(ref: string, next: string, expected: string): Promise<boolean> {
    const result = await runGit(this.path, ["update-ref", ref, next, expected], { allowFailure: true });
    return result.code === 0;
  }

  async deleteRef(ref: string, expected: string): Promise<boolean> {
    const result = await runGit(this.path, ["update-ref", "-d", ref, expected], { allowFailure: true });
    return result.code === 0;
  }

  async readCommit(oid: string): Promise<CommitInfo> {
    const object = await this.reader.read(oid, true);
    if (object?.type !== "commit" || !object.content) throw new Error(`${oid} is not a commit`);
    const raw = object.content.toString("utf8");
    const split = raw.indexOf("\n\n");
    const header = raw.slice(0, split);
    const info: CommitInfo = {
      oid,
      tree: "",
      parents: [],
      author: { name: "", email: "", date: "" },
      committer: { name: "", email: "", date: "" },
      message: split >= 0 ? raw.slice(split + 2) : "",
    };
    for (const line of header.split("\n")) {
      const [key, ...rest] = line.split(" ");
      const value = rest.join(" ");
      if (key === "tree") info.tree = value;
      else if (key === "parent") info.parents.push(value);
      else if (key === "author") info.author = parseSignature(value);
      else if (key === "committer") info.committer = parseSignature(value);
    }
    return info;
  }

  /**
   * Entries of a tree-ish (`<commit>`, `<commit>:<dir>`, `<tree>`) with blob sizes, like `git ls-tree -l`;
   * recursive lists blobs and trees below it (one `ls-tree` process).
   */
  async lsTree(treeish: string, recursive = false): Promise<TreeEntry[] | undefined> {
    if (recursive) {
      const result = await runGit(this.path, ["ls-tree", "-l", "-z", "--full-tree", "-r", "-t", treeish], {
        allowFailure: true,
      });
      if (result.code !== 0) return undefined;
      return parseLsTree(result.stdout.toString("utf8"));
    }
    if (treeish.startsWith("-")) return undefined;
    // After `<rev>:<path>` a `^{tree}` suffix would be read as part of the path.
    const tree = await this.reader.read(treeish.includes(":") ? treeish : `${treeish}^{tree}`, true);
    if (tree?.type !== "tree" || !tree.content) return undefined;
    const entries = parseTreeObject(tree.content);
    const sizes = await Promise.all(
      entries.map((e) => (e.type === "blob" ? this.reader.read(e.oid, false) : undefined)),
    );
    entries.forEach((entry, index) => {
      entry.size = sizes[index]?.size;
    });
    return entries;
  }

  /** The entry at `path` in `commit`, or the root tree entry when path is empty. */
  async entryAt(commit: string, path: string): Promise<TreeEntry | undefined> {
    const clean = path.replace(/^\/+|\/+$/g, "");
    if (clean === "") {
      const tree = (await this.readCommit(commit)).tree;
      return { mode: "040000", type: "tree", oid: tree, size: undefined, path: "" };
    }
    const slash = clean.lastIndexOf("/");
    const parent = await this.lsTree(slash < 0 ? commit : `${commit}:${clean.slice(0, slash)}`);
    const found = parent?.find((e) => e.path === clean.slice(slash + 1));
    return found ? { ...found, path: clean } : undefined;
  }

  async readBlob(oid: string): Promise<Buffer> {
    const object = await this.reader.read(oid, true);
    if (object?.type !== "blob" || !object.content) throw new Error(`${oid} is not a blob`);
    return object.content;
  }

  async hashBlob(content: Buffer | string): Promise<string> {
    return (await this.git(["hash-object", "-w", "--stdin"], { input: content })).trim();
  }

  /**
   * A new tree: `base` with `changes` applied, built in a private index file so concurrent writers never share
   * state. Deleting a path that is absent is reported, as GitHub does for createCommitOnBranch.
   */
  async applyChanges(baseTree: string | undefined, changes: FileChange[]): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "gh-index-"));
    const env = { GIT_INDEX_FILE: join(dir, "index") };
    try {
      if (baseTree) await this.git(["read-tree", baseTree], { env });
      else await this.git(["read-tree", "--empty"], { env });
      const lines: string[] = [];
      for (const change of changes) {
        if (change.oid) {
          lines.push(`${change.mode ?? "100644"} ${change.oid}\t${change.path}`);
        } else if (change.content === null) {
          lines.push(`0 ${ZERO_OID}\t${change.path}`);
        } else {
          const oid = await this.hashBlob(change.content);
          lines.push(`${change.mode ?? "100644"} ${oid}\t${change.path}`);
        }
      }
      if (lines.length > 0)
        await this.git(["update-index", "--index-info"], { env, input: `${lines.join("\n")}\n` });
      return (await this.git(["write-tree"], { env })).trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** A tree holding exactly the files of a directory, or of a map. */
  async treeFromFiles(files: Record<string, string | Buffer> | undefined, fromDir?: string): Promise<string> {
    if (!fromDir) return this.treeFromMap(files ?? {});
    const scratch = await mkdtemp(join(tmpdir(), "gh-tree-"));
    try {
      const env = { GIT_INDEX_FILE: join(scratch, "index") };
      await this.git(["--work-tree", fromDir, "add", "-A", "--", "."], { env });
      return (await this.git(["write-tree"], { env })).trim();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  }

  /**
   * One `git fast-import` stream for the whole map (10,000 files take well under a second, where writing them out
   * and `git add` took seconds). It needs a commit to build the tree, made on a scratch ref that is dropped after.
   */
  private async treeFromMap(files: Record<string, string | Buffer>): Promise<string> {
    const scratchRef = `refs/gh-test-scratch/${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const chunks: Buffer[] = [
      Buffer.from(`commit ${scratchRef}\ncommitter Test <test@example.test> now\ndata 0\n`),
    ];
    for (const [path, content] of Object.entries(files)) {
      if (/[\n"]/.test(path) || path.startsWith("/"))
        throw new Error(`unsupported path in a seed: ${JSON.stringify(path)}`);
      const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
      chunks.push(Buffer.from(`M 100644 inline ${path}\ndata ${data.length}\n`), data, Buffer.from("\n"));
    }
    chunks.push(Buffer.from("done\n"));
    await this.git(["fast-import", "--quiet", "--date-format=now", "--done"], {
      input: Buffer.concat(chunks),
    });
    const tree = await this.reader.read(`${scratchRef}^{tree}`, false);
    await this.git(["update-ref", "-d", scratchRef]);
    if (!tree) throw new Error("fast-import produced no tree");
    return tree.oid;
  }

  async commitTree(
    tree: string,
    parents: string[],
    message: string,
    author: Identity,
    committer: Identity,
    date?: Date,
  ): Promise<string> {
    const when = `${Math.floor((date ?? new Date()).getTime() / 1000)} +0000`;
    const args = ["commit-tree", tree];
    for (const parent of parents) args.push("-p", parent);
    const out = await this.git(args, {
      input: message,
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email,
        GIT_COMMITTER_DATE: when,
      },
    });
    return out.trim();
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const result = await runGit(this.path, ["merge-base", a, b], { allowFailure: true });
    return result.code === 0 ? result.stdout.toString("utf8").trim() : undefined;
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const result = await runGit(this.path, ["merge-base", "--is-ancestor", ancestor, descendant], {
      allowFailure: true,
    });
    return result.code === 0;
  }

  /** Commits reachable from `head` but not from `base`, oldest first. */
  async commitsBetween(base: string, head: string): Promise<string[]> {
    const out = await this.git(["rev-list", "--reverse", head, `^${base}`]);
    return out.split("\n").filter(Boolean);
  }

  /** The tree of merging two commits (from their merge base); undefined on conflict. */
  async mergeTrees(ours: string, theirs: string): Promise<string | undefined> {
    const result = await runGit(this.path, ["merge-tree", "--write-tree", "--no-messages", ours, theirs], {
      allowFailure: true,
    });
    if (result.code !== 0) return undefined;
    return result.stdout.toString("utf8").split("\n")[0]?.trim();
  }

  /**
   * The tree of `commit` replayed onto `onto`. git 2.39's merge-tree has no --merge-base, so this merges from the
   * fork point; for the linear branches a rebase merge replays, each step adds exactly that commit's change.
   */
  async pickTree(commit: string, onto: string): Promise<string | undefined> {
    return this.mergeTrees(onto, commit);
  }

  /** Changed files between two commits with GitHub's status words, line counts and a unified patch. */
  async diff(base: string, head: string): Promise<DiffFile[]> {
    const raw = await this.git([
      "diff-tree",
      "-r",
      "-z",
      "--no-commit-id",
      "--no-renames",
      "--raw",
      base,
      head,
    ]);
    const numstat = await this.git([
      "diff-tree",
      "-r",
      "-z",
      "--no-commit-id",
      "--no-renames",
      "--numstat",
      base,
      head,
    ]);
    const patchText = await this.git([
      "diff-tree",
      "-r",
      "-p",
      "--no-color",
      "--no-renames",
      "--full-index",
      base,
      head,
    ]);
    const files: DiffFile[] = [];
    const rawParts = raw.split("\0");
    for (let i = 0; i + 1 < rawParts.length; i += 2) {
      const meta = rawParts[i] as string;
      const path = rawParts[i + 1] as string;
      if (!meta.startsWith(":")) continue;
      const [, , oldOid, newOid, letter] = meta.slice(1).split(" ");
      const status = letter === "A" ? "added" : letter === "D" ? "removed" : "modified";
      files.push({
        path,
        status,
        oid: status === "removed" ? (oldOid as string) : (newOid as string),
        additions: 0,
        deletions: 0,
        patch: undefined,
      });
    }
    const numParts = numstat.split("\0");
    for (const part of numParts) {
      const match = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(part);
      if (!match) continue;
      const file = files.find((f) => f.path === match[3]);
      if (file) {
        file.additions = match[1] === "-" ? 0 : Number(match[1]);
        file.deletions = match[2] === "-" ? 0 : Number(match[2]);
      }
    }
    const chunks = patchText.split(/^diff --git /m).slice(1);
    for (const chunk of chunks) {
      const hunk = chunk.indexOf("\n@@");
      const nameLine = chunk.slice(0, chunk.indexOf("\n"));
      const file = files.find((f) => nameLine.endsWith(` b/${f.path}`));
      if (file && hunk >= 0) file.patch = chunk.slice(hunk + 1).replace(/\n$/, "");
    }
    return files;
  }
}

export interface DiffFile {
  path: string;
  status: "added" | "removed" | "modified";
  oid: string;
  additions: number;
  deletions: number;
  patch: string | undefined;
}

function parseSignature(value: string): Signature {
  const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(value);
  if (!match) return { name: value, email: "", date: new Date(0).toISOString() };
  return {
    name: match[1] as string,
    email: match[2] as string,
    date: new Date(Number(match[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
  };
}

/** A raw tree object: `<mode> <name>\0<20-byte oid>` repeated. */
function parseTreeObject(raw: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let offset = 0;
  while (offset < raw.length) {
    const space = raw.indexOf(32, offset);
    const nul = raw.indexOf(0, space);
    const mode = raw.subarray(offset, space).toString("latin1").padStart(6, "0");
    const name = raw.subarray(space + 1, nul).toString("utf8");
    const oid = raw.subarray(nul + 1, nul + 21).toString("hex");
    offset = nul + 21;
    const type = mode === "040000" ? "tree" : mode === "160000" ? "commit" : "blob";
    entries.push({ mode, type, oid, size: undefined, path: name });
  }
  return entries;
}

function parseLsTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of out.split("\0")) {
    if (!record) continue;
    const tab = record.indexOf("\t");
    const [mode, type, oid, size] = record.slice(0, tab).split(/\s+/);
    entries.push({
      mode: mode as string,
      type: type as TreeEntry["type"],
      oid: oid as string,
      size: size === "-" || size === undefined ? undefined : Number(size),
      path: record.slice(tab + 1),
    });
  }
  return entries;
}
