import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import { gitEnv } from "../process/env.js";
import { formatIdentity, type Identity } from "../texts/pull-request.js";
import { gitBlobOid, type Operation } from "../update/delivery.js";
import type { UpdatePlan } from "../update/index.js";

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs git with an argv array (never a shell) in `cwd`; prompts are off so a missing credential fails fast. */
export function git(cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("git", args, {
      cwd,
      env: gitEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", (error) =>
      reject(
        new UserError(`cannot run git: ${error.message}`, {
          hint: "Install git on the runner.",
          cause: error,
        }),
      ),
    );
    child.on("close", (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

async function must(cwd: string, args: string[], what: string): Promise<string> {
  const result = await git(cwd, args);
  if (result.code !== 0) {
    throw new UserError(`git could not ${what}: ${result.stderr.trim() || result.stdout.trim()}`, {
      hint: `The command was: git ${args.join(" ")} (in ${cwd})`,
    });
  }
  return result.stdout.trim();
}

/** The remote refused a push because it moved on (not a permission or hook refusal). */
function isRejectedAsStale(result: GitResult): boolean {
  // With --porcelain the per-ref verdict ("[rejected] (fetch first)") is on stdout.
  return /\[rejected\]|non-fast-forward|fetch first|failed to update ref|cannot lock ref|stale info/i.test(
    `${result.stdout}\n${result.stderr}`,
  );
}

/** `owner/name` when the remote URL is on the GitHub server the workflow runs on, else undefined. */
export function gitHubRepositoryOf(
  remoteUrl: string,
  serverUrl: string,
): { owner: string; repo: string } | undefined {
  let host: string;
  try {
    host = new URL(serverUrl).host.toLowerCase();
  } catch {
    return undefined;
  }
  const scp = /^(?:[^@/]+@)?([^:/]+):([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(remoteUrl);
  if (scp && !remoteUrl.includes("://")) {
    return scp[1]!.toLowerCase() === host.replace(/:\d+$/, "")
      ? { owner: scp[2]!, repo: scp[3]! }
      : undefined;
  }
  try {
    const url = new URL(remoteUrl);
    if (url.host.toLowerCase() !== host) return undefined;
    const parts = url.pathname
      .replace(/^\/+|\/+$/g, "")
      .replace(/\.git$/, "")
      .split("/");
    return parts.length === 2 ? { owner: parts[0]!, repo: parts[1]! } : undefined;
  } catch {
    return undefined;
  }
}

const BOT: Identity = {
  name: "github-actions[bot]",
  email: "41898282+github-actions[bot]@users.noreply.github.com",
};

const asConfig = (identity: Identity) => [
  "-c",
  `user.name=${identity.name}`,
  "-c",
  `user.email=${identity.email}`,
];

/** How the checkout was before this run touched it, to put it back exactly when the run fails. */
export interface SavedCheckout {
  /** The checked-out branch, or undefined on a detached HEAD. */
  branch?: string;
  head: string;
  /** `git stash create`: index and working-tree changes as a commit, or "" when there were none. */
  stash: string;
  /** The pull request's local branch before `checkout -B` reset it (undefined: it did not exist). */
  headBranch?: { name: string; oid?: string };
}

/** What a push to a branch answered: done, refused because the remote moved, or refused for another reason. */
export type PushResult = { ok: true } | { ok: false; stale: boolean; output: string };

/**
 * A local checkout and its remote, as the working-directory update needs them: every git command behind a
 * method, so the update flow reads as what it does. Commits carry the configured identity (the workflow's
 * committer, the checkout's own, or the Actions bot when there is none).
 */
export class Checkout {
  private identity: string[] = [];
  private commitFlags: string[] = [];

  private constructor(
    readonly cwd: string,
    readonly remote: string,
  ) {}

  /** The repository in `directory`; a UserError when there is none. */
  static async open(directory: string, remote = "origin"): Promise<Checkout> {
    const cwd = resolve(directory);
    await must(cwd, ["rev-parse", "--git-dir"], `find a repository in ${directory}`);
    return new Checkout(cwd, remote);
  }

  /** Who commits: the committer when given, else git's configured identity, else the Actions bot. */
  async useIdentity(options: { committer?: Identity; author?: Identity; signoff?: boolean }): Promise<void> {
    const configured = (await git(this.cwd, ["config", "user.email"])).stdout.trim();
    this.identity = options.committer ? asConfig(options.committer) : configured ? [] : asConfig(BOT);
    this.commitFlags = [
      ...(options.author ? [`--author=${formatIdentity(options.author)}`] : []),
      ...(options.signoff ? ["--signoff"] : []),
    ];
  }

  /** The checked-out branch; "" on a detached HEAD. */
  async currentBranch(): Promise<string> {
    return (await git(this.cwd, ["symbolic-ref", "--quiet", "--short", "HEAD"])).stdout.trim();
  }

  remoteUrl(): Promise<string> {
    return must(this.cwd, ["remote", "get-url", this.remote], `find the remote ${this.remote}`);
  }

  /** `git status --porcelain` of these paths: "" when they have no uncommitted changes. */
  async status(paths: string[]): Promise<string> {
    return (await must(this.cwd, ["status", "--porcelain", "--", ...paths], "read the status")).trim();
  }

  /** Stages and commits exactly these paths. */
  async commit(paths: string[], headline: string, body: string): Promise<void> {
    await must(this.cwd, ["add", "--", ...paths], "stage the updated files");
    await must(
      this.cwd,
      [
        ...this.identity,
        "commit",
        "--quiet",
        ...this.commitFlags,
        "-m",
        headline,
        ...(body ? ["-m", body] : []),
        "--",
        ...paths,
      ],
      "commit",
    );
  }

  head(): Promise<string> {
    return must(this.cwd, ["rev-parse", "HEAD"], "read the new commit");
  }

  async save(branch?: string): Promise<SavedCheckout> {
    const { cwd } = this;
    const head = await must(cwd, ["rev-parse", "--verify", "HEAD"], "read HEAD");
    const current = await this.currentBranch();
    const stash = await must(cwd, [...this.identity, "stash", "create"], "record the uncommitted changes");
    let headBranch: SavedCheckout["headBranch"];
    if (branch) {
      const found = await git(cwd, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`]);
      headBranch = { name: branch, oid: found.code === 0 ? found.stdout.trim() : undefined };
    }
    return { branch: current || undefined, head, stash, headBranch };
  }

  /**
   * Puts the checkout back as it was: the branch (or detached HEAD) at its commit, index and working tree with
   * their uncommitted changes, the pull request's local branch where it was. Used when a run fails after it began
   * editing, so a failed push leaves no local commit or edit behind.
   */
  async restore(saved: SavedCheckout, logger: Logger): Promise<void> {
    const { cwd } = this;
    await git(cwd, ["rebase", "--abort"]);
    if (saved.branch) {
      await git(cwd, ["checkout", "--quiet", "--force", saved.branch]);
      await git(cwd, ["reset", "--quiet", "--hard", saved.head]);
    } else {
      await git(cwd, ["checkout", "--quiet", "--force", "--detach", saved.head]);
    }
    const local = saved.headBranch;
    if (local && local.name !== saved.branch) {
      if (local.oid) await git(cwd, ["update-ref", `refs/heads/${local.name}`, local.oid]);
      else await git(cwd, ["branch", "--quiet", "-D", "--end-of-options", local.name]);
    }
    if (saved.stash) {
      const applied = await git(cwd, ["stash", "apply", "--index", "--quiet", saved.stash]);
      if (applied.code !== 0) {
        logger.warning(
          `could not restore the uncommitted changes of the checkout; they are kept in commit ${saved.stash} (git stash apply ${saved.stash})`,
        );
      }
    }
  }

  async checkout(branch: string): Promise<void> {
    await git(this.cwd, ["checkout", "--quiet", branch]);
  }

  /** Pushes HEAD to the remote branch, never forced. */
  async push(branch: string): Promise<PushResult> {
    const pushed = await git(this.cwd, ["push", "--porcelain", this.remote, `HEAD:refs/heads/${branch}`]);
    if (pushed.code === 0) return { ok: true };
    return {
      ok: false,
      stale: isRejectedAsStale(pushed),
      output: `${pushed.stdout}\n${pushed.stderr}`.trim(),
    };
  }

  /**
   * Fetches the remote branch and rebases our commit onto it. When the rebase conflicts (the same lines changed
   * remotely), our commit is dropped and the checkout caught up; false then, so the edit is planned again.
   */
  async rebaseOnRemote(branch: string): Promise<boolean> {
    const { cwd } = this;
    await must(cwd, ["fetch", "--quiet", this.remote, branch], `fetch ${branch}`);
    const rebased = await git(cwd, [...this.identity, "rebase", "--quiet", "--autostash", "FETCH_HEAD"]);
    if (rebased.code === 0) return true;
    await git(cwd, ["rebase", "--abort"]);
    await must(cwd, ["reset", "--quiet", "--keep", "HEAD~1"], "drop the conflicting update commit");
    await must(
      cwd,
      [...this.identity, "rebase", "--quiet", "--autostash", "FETCH_HEAD"],
      "rebase onto the remote branch",
    );
    return false;
  }

  /** The remote branch's commit, fetched. */
  async fetchBranch(branch: string): Promise<string> {
    await must(this.cwd, ["fetch", "--quiet", this.remote, `refs/heads/${branch}`], `fetch ${branch}`);
    return must(this.cwd, ["rev-parse", "FETCH_HEAD"], "read the fetched base");
  }

  /** Checks out `branch` reset to `oid` (created when missing). */
  async resetBranch(branch: string, oid: string): Promise<void> {
    await must(this.cwd, ["checkout", "--quiet", "-B", branch, oid], `create branch ${branch}`);
  }

  /** The remote branch's commit as the remote lists it; undefined when it has no such branch. */
  async remoteHead(branch: string): Promise<string | undefined> {
    const listed = await must(
      this.cwd,
      ["ls-remote", this.remote, `refs/heads/${branch}`],
      "list the remote branch",
    );
    return listed.split(/\s/)[0] || undefined;
  }

  /** Whether HEAD holds exactly the files of the remote branch. */
  async sameTreeAsRemote(branch: string): Promise<boolean> {
    const { cwd } = this;
    await must(cwd, ["fetch", "--quiet", this.remote, `refs/heads/${branch}`], `fetch ${branch}`);
    const [ours, theirs] = await Promise.all([
      must(cwd, ["rev-parse", "HEAD^{tree}"], "read the tree"),
      must(cwd, ["rev-parse", "FETCH_HEAD^{tree}"], "read the remote tree"),
    ]);
    return ours === theirs;
  }

  /** Force only ever lands on the pull request's own head branch, never on a base. */
  async forcePush(branch: string): Promise<void> {
    await must(
      this.cwd,
      ["push", "--quiet", "--force", this.remote, `HEAD:refs/heads/${branch}`],
      `push ${branch}`,
    );
  }

  async deleteRemoteBranch(branch: string): Promise<void> {
    await must(
      this.cwd,
      ["push", "--quiet", this.remote, "--delete", `refs/heads/${branch}`],
      `delete ${branch}`,
    );
  }

  /**
   * What a real run would do, for a dry run: commit mode commits; pull-request mode creates the head branch when
   * the remote has none (or no remote can be asked), and updates it unless it already holds these exact files.
   * Reads only: `ls-remote` and a fetch of the head branch, never the checkout.
   */
  async dryRunOperation(branch: string | undefined, planned: UpdatePlan): Promise<Operation> {
    const { cwd, remote } = this;
    if (!branch) return "would-commit";
    const listed = await git(cwd, ["ls-remote", remote, `refs/heads/${branch}`]);
    if (listed.code !== 0 || listed.stdout.trim() === "") return "would-create";
    const fetched = await git(cwd, ["fetch", "--quiet", remote, `refs/heads/${branch}`]);
    if (fetched.code !== 0) return "would-update";
    const oids = await blobOidsAt(
      cwd,
      "FETCH_HEAD",
      planned.files.map((file) => file.path),
    );
    return planned.files.every((file) => oids.get(file.path) === gitBlobOid(file.after))
      ? "unchanged"
      : "would-update";
  }
}

/** Object ids of `paths` in `commit` (absent paths missing from the map). */
async function blobOidsAt(cwd: string, commit: string, paths: string[]): Promise<Map<string, string>> {
  const out = await must(cwd, ["ls-tree", "-z", commit, "--", ...paths], "list the remote branch");
  const oids = new Map<string, string>();
  for (const record of out.split("\0")) {
    const tab = record.indexOf("\t");
    if (tab > 0) oids.set(record.slice(tab + 1), record.slice(0, tab).split(" ")[2]!);
  }
  return oids;
}
