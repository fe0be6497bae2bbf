import { execFile } from "node:child_process";
import { UserError } from "../errors.js";
import type { BranchLog, CommitHistory } from "../flows/ports.js";
import { gitEnv } from "../process/env.js";
import type { PullRequestFile } from "../promote/diff.js";
import type { RepoEntry, RepoReader } from "../update/index.js";
import { repoPath } from "../update/index.js";
import { firstParentRange, readBlobs, readFirstParentLog } from "./history.js";

// Reads commits of a local repository without checking anything out, so a gate can be evaluated on a laptop or
// another CI system against exactly what the two commits hold, whatever the working tree looks like.

/** Runs git with an argv array; stdout is decoded as a whole so a multi-byte character never splits. */
function gitOutput(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      {
        cwd: dir,
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
        env: gitEnv(),
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(
            new UserError(`cannot run git in ${dir}: ${error.message}`, {
              hint:
                error.code === "ENOENT"
                  ? "Install git, and pass an existing directory with --repo."
                  : "Check that --repo is a Git repository you can read.",
              cause: error,
            }),
          );
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

// Reads of many files at once would otherwise start one git process per file all at the same time.
const MAX_PROCESSES = 8;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PROCESSES) await new Promise<void>((go) => waiting.push(go));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function mustGit(dir: string, args: string[], what: string, hint: string): Promise<string> {
  const result = await limited(() => gitOutput(dir, args));
  if (result.code !== 0) {
    throw new UserError(`git could not ${what}: ${result.stderr.trim() || result.stdout.trim()}`, { hint });
  }
  return result.stdout;
}

/** The full commit id `ref` names in the repository at `dir`. */
export async function resolveCommit(dir: string, ref: string, option: string): Promise<string> {
  if (ref.startsWith("-")) {
    throw new UserError(`${option} ${JSON.stringify(ref)} is not a revision`, {
      hint: `Give a branch, tag or commit id to ${option}.`,
    });
  }
  const out = await mustGit(
    dir,
    ["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`],
    `find commit ${JSON.stringify(ref)} (${option}) in ${dir}`,
    `Give ${option} a branch, tag or commit id that exists in the repository (see \`git log --oneline --all\`).`,
  );
  return out.trim();
}

/** Where `head` branched off `base`: the commit a pull request's diff and its required statuses are read on. */
export async function mergeBase(dir: string, base: string, head: string): Promise<string> {
  const out = await mustGit(
    dir,
    ["merge-base", base, head],
    `find where ${head.slice(0, 7)} branched off ${base.slice(0, 7)}`,
    "Give --base and --head commits that share history.",
  );
  return out.trim();
}

/**
 * A RepoReader over one commit's tree (`git ls-tree` once, `git cat-file` per file read). Submodules are left
 * out: their files are not in this repository.
 */
export function gitTreeReader(dir: string, commit: string): RepoReader {
  let tree: Promise<{ dirs: Map<string, RepoEntry[]>; files: Set<string> }> | undefined;
  const load = () => {
    tree ??= mustGit(
      dir,
      ["ls-tree", "-r", "-t", "-z", "--full-tree", commit],
      `list the files of commit ${commit.slice(0, 7)}`,
      "Check that the commit exists in the repository.",
    ).then((out) => {
      const dirs = new Map<string, RepoEntry[]>([["", []]]);
      const files = new Set<string>();
      for (const record of out.split("\0")) {
        const tab = record.indexOf("\t");
        if (tab < 0) continue;
        const [mode, kind] = record.slice(0, tab).split(" ");
        const path = record.slice(tab + 1);
        const type: RepoEntry["type"] | undefined =
          kind === "tree" ? "dir" : kind !== "blob" ? undefined : mode === "120000" ? "symlink" : "file";
        if (!type) continue;
        if (type === "dir") dirs.set(path, dirs.get(path) ?? []);
        if (type === "file") files.add(path);
        const slash = path.lastIndexOf("/");
        const parent = slash < 0 ? "" : path.slice(0, slash);
        const entries = dirs.get(parent) ?? [];
        entries.push({ name: path.slice(slash + 1), type });
        dirs.set(parent, entries);
      }
      return { dirs, files };
    });
    return tree;
  };
  return {
    async list(path) {
      const { dirs } = await load();
      return [...(dirs.get(repoPath(path)) ?? [])].sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
    },
    async read(path) {
      const normal = repoPath(path);
      const { files } = await load();
      if (!files.has(normal)) return undefined;
      return mustGit(
        dir,
        ["cat-file", "blob", `${commit}:${normal}`],
        `read ${normal} at ${commit.slice(0, 7)}`,
        "Check that the repository is not damaged (`git fsck`).",
      );
    },
  };
}

const STATUS: Record<string, string> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
};

/**
 * The files `head` changes since `from`, the commit it branched off (`git diff base...head`, renames detected),
 * with their contents on both sides, in the shape GitHub's comparison gives the gate.
 */
export async function changedFiles(dir: string, from: string, head: string): Promise<PullRequestFile[]> {
  const out = await mustGit(
    dir,
    ["diff", "--name-status", "-z", "-M", "--no-ext-diff", from, head, "--"],
    `compare ${from.slice(0, 7)} with ${head.slice(0, 7)}`,
    "Check that both commits exist in the repository.",
  );
  const fields = out.split("\0");
  const listed: { path: string; status: string; previousPath?: string }[] = [];
  for (let i = 0; i < fields.length && fields[i] !== ""; ) {
    const code = fields[i++]!;
    const letter = code[0]!;
    if (letter === "R" || letter === "C") {
      const previousPath = fields[i++]!;
      listed.push({ path: fields[i++]!, status: STATUS[letter]!, previousPath });
    } else {
      listed.push({ path: fields[i++]!, status: STATUS[letter] ?? "changed" });
    }
  }
  const before = gitTreeReader(dir, from);
  const after = gitTreeReader(dir, head);
  return Promise.all(
    listed.map(async (file) => ({
      ...file,
      base: await before.read(file.previousPath ?? file.path),
      head: await after.read(file.path),
    })),
  );
}

/** The repository at `dir` as the flows read commits: the CLI's gate works on it where the action reads GitHub. */
export class GitCommitHistory implements CommitHistory {
  constructor(readonly dir: string) {}

  resolveCommit(revision: string, option: string): Promise<string> {
    return resolveCommit(this.dir, revision, option);
  }
  mergeBase(base: string, head: string): Promise<string> {
    return mergeBase(this.dir, base, head);
  }
  changedFiles(from: string, head: string): Promise<PullRequestFile[]> {
    return changedFiles(this.dir, from, head);
  }
  snapshotAt(oid: string): RepoReader {
    return gitTreeReader(this.dir, oid);
  }
}

/** The first-parent history of the repository in `dir`, read with two git processes however long it is. */
export class GitBranchLog implements BranchLog {
  constructor(private readonly dir: string) {}
  firstParentLog() {
    return readFirstParentLog(this.dir);
  }
  blobs(ids: readonly string[]) {
    return readBlobs(this.dir, ids);
  }
  firstParentRange(from: string | undefined, to: string) {
    return firstParentRange(this.dir, from, to);
  }
}
