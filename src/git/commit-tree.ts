import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { UserError } from "../errors.js";
import { gitEnv } from "../process/env.js";

/** A commit's files, extracted to a private directory; `remove` deletes them. */
export interface ExtractedCommit {
  oid: string;
  dir: string;
  remove(): Promise<void>;
}

function gitOutput(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("git", ["-C", cwd, ...args], { env: gitEnv(), maxBuffer: 16 << 20 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The commit `ref` names in the repository at `cwd`; a clear error when git does not know it. */
export async function resolveCommit(cwd: string, ref: string): Promise<string> {
  if (ref === "" || ref.startsWith("-") || /[\s\0]/.test(ref)) {
    throw new UserError(`${JSON.stringify(ref.slice(0, 80))} is not a git revision`, {
      hint: "Give a branch, tag or commit id, e.g. --diff-base origin/main.",
    });
  }
  const result = await gitOutput(cwd, [
    "rev-parse",
    "--verify",
    "--quiet",
    "--end-of-options",
    `${ref}^{commit}`,
  ]);
  if (result.code !== 0) {
    throw new UserError(`git does not know the commit ${JSON.stringify(ref)} in ${cwd}`, {
      hint: "Fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin main).",
    });
  }
  return result.stdout.trim();
}

/**
 * The files of a commit, as `git archive` writes them, unpacked by tar into a new private directory: the working
 * tree is never touched, and nothing is left behind in the repository (unlike a worktree).
 */
export async function extractCommit(cwd: string, oid: string): Promise<ExtractedCommit> {
  const dir = await mkdtemp(path.join(tmpdir(), "gitops-pipeline-base-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const archive = spawn("git", ["-C", cwd, "archive", "--format=tar", "--end-of-options", oid], {
        env: gitEnv(),
        stdio: ["ignore", "pipe", "pipe"],
      });
      const tar = spawn("tar", ["-x", "-f", "-", "-C", dir], { stdio: ["pipe", "ignore", "pipe"] });
      let errors = "";
      archive.stderr.on("data", (chunk) => {
        errors += chunk;
      });
      tar.stderr.on("data", (chunk) => {
        errors += chunk;
      });
      archive.stdout.pipe(tar.stdin);
      let pending = 2;
      let failed = false;
      const done = (what: string) => (code: number | null) => {
        if (code !== 0 && !failed) {
          failed = true;
          reject(new Error(`${what} exited with ${code}: ${errors.trim()}`));
        }
        if (--pending === 0 && !failed) resolve();
      };
      archive.on("error", reject);
      tar.on("error", reject);
      archive.on("close", done("git archive"));
      tar.on("close", done("tar"));
    });
  } catch (error) {
    await remove();
    throw new UserError(`cannot read the files of commit ${oid.slice(0, 12)}: ${(error as Error).message}`, {
      hint: "git and tar must be on PATH.",
    });
  }
  return { oid, dir, remove };
}

/**
 * Files that differ between a commit and the working tree (tracked changes, committed or not, and new files git
 * does not ignore), relative to the repository's top level.
 */
export async function changedSince(top: string, oid: string): Promise<string[]> {
  const tracked = await gitOutput(top, [
    "diff",
    "--name-only",
    "--no-renames",
    "--end-of-options",
    oid,
    "--",
  ]);
  if (tracked.code !== 0) {
    throw new UserError(
      `cannot compare the working tree with ${oid.slice(0, 12)}: ${tracked.stderr.trim()}`,
      {
        hint: "Run inside the git repository that holds the commit.",
      },
    );
  }
  const untracked = await gitOutput(top, ["ls-files", "--others", "--exclude-standard"]);
  return [
    ...new Set([...tracked.stdout.split("\n"), ...untracked.stdout.split("\n")].filter(Boolean)),
  ].sort();
}

/** The top level of the git work tree holding `cwd`. */
export async function workTreeTop(cwd: string): Promise<string> {
  const result = await gitOutput(cwd, ["rev-parse", "--show-toplevel"]);
  if (result.code !== 0) {
    throw new UserError(`${cwd} is not inside a git work tree`, {
      hint: "A rendered diff compares a commit with the working tree: run it in a clone of the config repository.",
    });
  }
  return result.stdout.trim();
}
