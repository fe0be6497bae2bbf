import { spawn } from "node:child_process";
import { UserError } from "../errors.js";
import { gitEnv } from "../process/env.js";

// Reads a branch's first-parent history in one `git log` pass (times, trailers and the blob ids of every changed
// file), then only the blobs the caller asks for in one `git cat-file --batch`: ten thousand commits take two git
// processes, not ten thousand.

/** One first-parent commit as `git log --raw` reports it against its first parent. */
export interface LogCommit {
  sha: string;
  /** Committer time, milliseconds since the epoch. */
  time: number;
  /** The commit's `Source-Commit` and `Source-Commit-Time` trailer lines, unfolded. */
  trailers: string;
  /** Paths the commit changes, with the blob id they hold afterwards (undefined when deleted). */
  files: { path: string; blob?: string }[];
}

const RECORD = "\u001e";
const HEADER_END = "\u001d";
const NULL_ID = /^0+$/;

function run(dir: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd: dir, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        new UserError(`cannot run git in ${dir}: ${error.message}`, {
          hint:
            error.code === "ENOENT" ? "Install git." : "Check that --repo is a Git repository you can read.",
        }),
      ),
    );
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else {
        const message = Buffer.concat(err).toString("utf8").trim();
        reject(
          new UserError(`git ${args[0]} failed in ${dir}: ${message.split("\n")[0]}`, {
            hint: "Check that --repo is a Git repository with at least one commit on the checked-out branch.",
          }),
        );
      }
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input ?? "");
  });
}

function parseRecord(record: string): LogCommit | undefined {
  const end = record.indexOf(HEADER_END);
  if (end < 0) return undefined;
  const header = record.slice(0, end);
  const newline = header.indexOf("\n");
  const [sha, seconds] = (newline < 0 ? header : header.slice(0, newline)).split(" ");
  if (!sha || !seconds) return undefined;
  const trailers = newline < 0 ? "" : header.slice(newline + 1);
  const fields = record.slice(end + 1).split("\0");
  const files: LogCommit["files"] = [];
  for (let i = 0; i < fields.length; i++) {
    const meta = fields[i]!.replace(/^\n+/, "");
    if (!meta.startsWith(":")) continue;
    const path = fields[++i];
    if (path === undefined) break;
    // ":old-mode new-mode old-id new-id status"
    const parts = meta.split(" ");
    const blob = parts[3];
    const mode = parts[1];
    // Only regular files and symlinks hold text the finders read; a submodule's id is not a blob here.
    const isBlob = mode === "100644" || mode === "100755" || mode === "120000";
    files.push({ path, ...(blob && !NULL_ID.test(blob) && isBlob ? { blob } : {}) });
  }
  return { sha, time: Number(seconds) * 1000, trailers, files };
}

/** The first-parent history of `rev`, oldest first. */
export async function readFirstParentLog(dir: string, rev = "HEAD"): Promise<LogCommit[]> {
  if (rev.startsWith("-")) throw new UserError(`${JSON.stringify(rev)} is not a revision`);
  const out = await run(dir, [
    "-c",
    "core.quotePath=false",
    "log",
    "--first-parent",
    "--reverse",
    "-z",
    "--raw",
    "--no-abbrev",
    "--no-renames",
    "--diff-merges=first-parent",
    `--format=${RECORD}%H %ct%n%(trailers:key=Source-Commit,key=Source-Commit-Time,unfold)${HEADER_END}`,
    "--end-of-options",
    rev,
    "--",
  ]);
  const text = out.toString("utf8");
  // A record starts at the marker followed by a commit id, so a stray marker inside a trailer value cannot split one.
  return text
    .split(/\u001e(?=[0-9a-f]{40,64} \d+[\n\u001d])/)
    .map(parseRecord)
    .filter((commit): commit is LogCommit => commit !== undefined);
}

/** The contents of the given blobs (UTF-8), read by one `git cat-file --batch`. */
export async function readBlobs(dir: string, ids: readonly string[]): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (ids.length === 0) return blobs;
  const out = await run(dir, ["cat-file", "--batch"], `${ids.join("\n")}\n`);
  let at = 0;
  while (at < out.length) {
    const newline = out.indexOf(10, at);
    if (newline < 0) break;
    const [id, type, size] = out.subarray(at, newline).toString("utf8").split(" ");
    at = newline + 1;
    if (type === "missing" || size === undefined) continue;
    const length = Number(size);
    if (type === "blob") blobs.set(id!, out.subarray(at, at + length).toString("utf8"));
    at += length + 1;
  }
  return blobs;
}

/** First-parent commits after `from` up to `to` (all of `to`'s when `from` is undefined), as full ids. */
export async function firstParentRange(dir: string, from: string | undefined, to: string): Promise<string[]> {
  for (const rev of [from, to]) {
    if (rev !== undefined && !/^[0-9a-f]{40,64}$/.test(rev))
      throw new UserError(`${JSON.stringify(rev)} is not a commit id`);
  }
  const out = await run(dir, ["rev-list", "--first-parent", from ? `${from}..${to}` : to, "--"]);
  return out
    .toString("utf8")
    .split("\n")
    .filter((line) => line !== "");
}
