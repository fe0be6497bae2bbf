import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { UserError } from "../errors.js";
import {
  branchFor,
  planner,
  pullRequestOptions,
  targetFromConfig,
  textsFor,
  type UpdateRequest,
} from "../flows/update.js";
import type { GitHub } from "../github/client.js";
import {
  applyMetadata,
  closePullRequest,
  findPullRequest,
  gitBlobOid,
  openOrUpdatePullRequest,
  type PullRequestRef,
  type Texts,
} from "../github/delivery.js";
import type { Logger } from "../logger.js";
import { gitEnv } from "../process/env.js";
import { formatIdentity, type Identity, withUserBody } from "../texts/pull-request.js";
import type { Outcome } from "../texts/update-summary.js";
import type { UpdatePlan } from "../update/index.js";
import { localReader } from "../update/index.js";

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

export interface WorkingDirectoryOptions {
  logger: Logger;
  remote?: string;
  /** The GitHub server of the workflow (GITHUB_SERVER_URL): a remote there gets its pull request through the API. */
  serverUrl?: string;
  clients?: { read: GitHub; write: GitHub };
  /** Pushes retried after fetch + rebase when the remote moved. */
  attempts?: number;
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
interface SavedCheckout {
  /** The checked-out branch, or undefined on a detached HEAD. */
  branch?: string;
  head: string;
  /** `git stash create`: index and working-tree changes as a commit, or "" when there were none. */
  stash: string;
  /** The pull request's local branch before `checkout -B` reset it (undefined: it did not exist). */
  headBranch?: { name: string; oid?: string };
}

async function saveCheckout(cwd: string, identity: string[], branch?: string): Promise<SavedCheckout> {
  const head = await must(cwd, ["rev-parse", "--verify", "HEAD"], "read HEAD");
  const current = (await git(cwd, ["symbolic-ref", "--quiet", "--short", "HEAD"])).stdout.trim();
  const stash = await must(cwd, [...identity, "stash", "create"], "record the uncommitted changes");
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
async function restoreCheckout(cwd: string, saved: SavedCheckout, logger: Logger): Promise<void> {
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

/**
 * Working-directory mode, for any git host: edit the checkout with the core, commit, push. A push the remote
 * refuses because it moved is retried after a fetch and rebase; when the rebase conflicts (someone changed the
 * same lines), our commit is dropped and the edit planned again on the new tree. Pull-request mode pushes the
 * head branch (force: it is ours alone) and opens or updates the pull request when the remote is on GitHub.
 * Whatever fails after the edit began, the checkout is put back as it was.
 */
export async function updateInWorkingDirectory(
  request: UpdateRequest,
  directory: string,
  options: WorkingDirectoryOptions,
): Promise<Outcome> {
  const cwd = resolve(directory);
  const remote = options.remote ?? "origin";
  const attempts = options.attempts ?? 5;
  const { logger } = options;
  await must(cwd, ["rev-parse", "--git-dir"], `find a repository in ${directory}`);
  const reader = localReader(cwd);

  let patterns = request.paths;
  let configMode: UpdateRequest["mode"];
  if (request.environment) {
    const target = targetFromConfig(request, await reader.read(request.config));
    patterns = target.patterns;
    configMode = target.mode;
  }
  const mode = request.mode ?? configMode ?? "pull-request";
  const branch = mode === "pull-request" ? branchFor(request) : undefined;
  const plan = planner(request, logger);
  const original = (await git(cwd, ["symbolic-ref", "--quiet", "--short", "HEAD"])).stdout.trim();
  const base = request.base || original;
  if (request.dryRun) {
    // A dry run only plans on the checkout: it works on any checkout, detached or without a remote.
    const planned = await plan(reader, patterns);
    return {
      operation:
        planned.changes.length === 0 ? "unchanged" : await dryRunOperation(cwd, remote, branch, planned),
      mode,
      branch,
      plan: planned,
      repository: directory,
      base: base || "HEAD",
      dryRun: true,
      warnings: [],
    };
  }
  if (!base) {
    throw new UserError(`the checkout in ${directory} is on a detached HEAD and no base branch was given`, {
      hint: "Set `base` to the branch to update, or check out a branch (actions/checkout with `ref:`).",
    });
  }
  const remoteUrl = await must(cwd, ["remote", "get-url", remote], `find the remote ${remote}`);
  const github = options.serverUrl ? gitHubRepositoryOf(remoteUrl, options.serverUrl) : undefined;
  const repositoryName = github ? `${github.owner}/${github.repo}` : remoteUrl.replace(/\/\/[^@/]*@/, "//");
  const texts = (planned: UpdatePlan, baseName: string) => {
    const made = textsFor(request)(planned, baseName);
    return { ...made, pullRequestBody: withUserBody(made.pullRequestBody, request.body) };
  };
  const configured = (await git(cwd, ["config", "user.email"])).stdout.trim();
  const identity = request.committer ? asConfig(request.committer) : configured ? [] : asConfig(BOT);
  const commitFlags = [
    ...(request.author ? [`--author=${formatIdentity(request.author)}`] : []),
    ...(request.signoff ? ["--signoff"] : []),
  ];

  const outcome = (extra: Partial<Outcome> & Pick<Outcome, "operation" | "plan">): Outcome => ({
    mode,
    branch,
    repository: repositoryName,
    repositoryUrl:
      github && options.serverUrl ? `${options.serverUrl.replace(/\/+$/, "")}/${repositoryName}` : undefined,
    base,
    dryRun: request.dryRun,
    warnings: [],
    ...extra,
  });

  /** Plans on the working tree, writes, commits; undefined when there is nothing to change. */
  const commitEdits = async () => {
    const planned = await plan(reader, patterns);
    if (planned.changes.length === 0) return { planned, committed: false };
    const paths = planned.files.map((file) => file.path);
    const dirty = (await must(cwd, ["status", "--porcelain", "--", ...paths], "read the status")).trim();
    if (dirty) {
      throw new UserError(`files to update have uncommitted changes in ${directory}:\n${dirty}`, {
        hint: "Commit or discard them before this step, so the update commit contains only the version bump.",
      });
    }
    const { headline, body } = texts(planned, base);
    touched = true;
    await reader.writeAll(planned.files.map((file) => ({ path: file.path, content: file.after })));
    await must(cwd, ["add", "--", ...paths], "stage the updated files");
    await must(
      cwd,
      [
        ...identity,
        "commit",
        "--quiet",
        ...commitFlags,
        "-m",
        headline,
        ...(body ? ["-m", body] : []),
        "--",
        ...paths,
      ],
      "commit",
    );
    return { planned, committed: true };
  };

  const saved = await saveCheckout(cwd, identity, branch);
  // Set before the first change to the checkout: a failure before it has nothing to put back.
  let touched = false;
  try {
    if (mode === "commit") return await commitAndPush();
    try {
      return await pullRequestBranch(branch!);
    } finally {
      if (original && original !== branch) await git(cwd, ["checkout", "--quiet", original]);
    }
  } catch (error) {
    if (touched) await restoreCheckout(cwd, saved, logger);
    throw error;
  }

  async function commitAndPush(): Promise<Outcome> {
    let { planned, committed } = await commitEdits();
    if (!committed) return outcome({ operation: "unchanged", plan: planned });
    for (let attempt = 1; ; attempt++) {
      const pushed = await git(cwd, ["push", "--porcelain", remote, `HEAD:refs/heads/${base}`]);
      if (pushed.code === 0) break;
      if (!isRejectedAsStale(pushed) || attempt >= attempts) {
        throw new UserError(`git push to ${base} failed: ${`${pushed.stdout}\n${pushed.stderr}`.trim()}`, {
          hint:
            (isRejectedAsStale(pushed)
              ? "The branch kept moving; re-run the job."
              : "Check that the checkout's credentials may push to the branch (actions/checkout persists them) and that no protection rule refuses it.") +
            " The checkout was put back as it was.",
        });
      }
      logger.info(
        `${base} moved on the remote; rebasing and pushing again (attempt ${attempt + 1} of ${attempts})`,
      );
      await must(cwd, ["fetch", "--quiet", remote, base], `fetch ${base}`);
      const rebased = await git(cwd, [...identity, "rebase", "--quiet", "--autostash", "FETCH_HEAD"]);
      if (rebased.code !== 0) {
        // The same lines changed remotely: drop our commit, catch up, and plan the edit again on what is there now.
        await git(cwd, ["rebase", "--abort"]);
        await must(cwd, ["reset", "--quiet", "--keep", "HEAD~1"], "drop the conflicting update commit");
        await must(
          cwd,
          [...identity, "rebase", "--quiet", "--autostash", "FETCH_HEAD"],
          "rebase onto the remote branch",
        );
        ({ planned, committed } = await commitEdits());
        if (!committed) return outcome({ operation: "unchanged", plan: planned });
      }
    }
    const oid = await must(cwd, ["rev-parse", "HEAD"], "read the new commit");
    return outcome({
      operation: "committed",
      plan: planned,
      commit: {
        oid,
        url:
          github && options.serverUrl
            ? `${options.serverUrl.replace(/\/+$/, "")}/${repositoryName}/commit/${oid}`
            : undefined,
      },
    });
  }

  // Pull-request mode: the head branch is base + this one commit, rebuilt from the remote base every time.
  async function pullRequestBranch(branch: string): Promise<Outcome> {
    if (branch === base) throw new UserError(`the pull request branch ${branch} is the base branch itself`);
    await must(cwd, ["fetch", "--quiet", remote, `refs/heads/${base}`], `fetch ${base}`);
    const baseOid = await must(cwd, ["rev-parse", "FETCH_HEAD"], "read the fetched base");
    touched = true;
    await must(cwd, ["checkout", "--quiet", "-B", branch, baseOid], `create branch ${branch}`);
    const { planned, committed } = await commitEdits();
    const target = (made: Texts) =>
      github && options.clients
        ? {
            clients: options.clients,
            repository: github,
            branch,
            base,
            texts: made,
            pullRequest: pullRequestOptions(request),
            logger,
          }
        : undefined;
    const remoteHead = (
      await must(cwd, ["ls-remote", remote, `refs/heads/${branch}`], "list the remote branch")
    ).split(/\s/)[0];
    if (!committed) {
      if (!request.deleteBranch || !remoteHead) return outcome({ operation: "unchanged", plan: planned });
      // delete-branch: nothing left to change, so the pull request is closed and its branch deleted.
      const pr = target(texts(planned, base));
      const open = pr ? await findPullRequest(pr) : undefined;
      if (pr && open) await closePullRequest(pr, open);
      await must(cwd, ["push", "--quiet", remote, "--delete", `refs/heads/${branch}`], `delete ${branch}`);
      logger.info(`Deleted branch ${branch} on ${repositoryName}: nothing is left to change`);
      return outcome({ operation: open ? "closed" : "unchanged", plan: planned, pullRequest: open });
    }
    let same = false;
    if (remoteHead) {
      await must(cwd, ["fetch", "--quiet", remote, `refs/heads/${branch}`], `fetch ${branch}`);
      const [ours, theirs] = await Promise.all([
        must(cwd, ["rev-parse", "HEAD^{tree}"], "read the tree"),
        must(cwd, ["rev-parse", "FETCH_HEAD^{tree}"], "read the remote tree"),
      ]);
      same = ours === theirs;
    }
    if (!same) {
      // Force only ever lands on our own head branch; the base branch is never pushed in this mode.
      await must(cwd, ["push", "--quiet", "--force", remote, `HEAD:refs/heads/${branch}`], `push ${branch}`);
    }
    const oid = same ? remoteHead! : await must(cwd, ["rev-parse", "HEAD"], "read the new commit");
    const pr = target(texts(planned, base));
    if (!pr) {
      return outcome({
        operation: same ? "unchanged" : remoteHead ? "updated" : "created",
        plan: planned,
        commit: { oid },
        note: `Pushed branch \`${branch}\` to ${repositoryName}; the remote is not on this GitHub server, so open the pull request there.`,
      });
    }
    const existing: PullRequestRef | undefined = await findPullRequest(pr);
    if (existing && same)
      return outcome({ operation: "unchanged", plan: planned, pullRequest: existing, commit: { oid } });
    const { pullRequest, created } = await openOrUpdatePullRequest(pr, existing);
    const warnings = await applyMetadata(pr, pullRequest);
    return outcome({
      operation: created ? "created" : "updated",
      plan: planned,
      pullRequest,
      commit: { oid },
      warnings,
    });
  }
}

/**
 * What a real run would do, for a dry run: commit mode commits; pull-request mode creates the head branch when the
 * remote has none (or no remote can be asked), and updates it unless it already holds these exact files. Reads
 * only: `ls-remote` and a fetch of the head branch, never the checkout.
 */
async function dryRunOperation(
  cwd: string,
  remote: string,
  branch: string | undefined,
  planned: UpdatePlan,
): Promise<Outcome["operation"]> {
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
