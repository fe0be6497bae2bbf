import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { UserError } from "../errors.js";
import type { GitHub } from "../github/client.js";
import type { Logger } from "../logger.js";
import { gitEnv } from "../process/env.js";
import { localReader } from "../update/index.js";
import { applyMetadata, findPullRequest, openOrUpdatePullRequest, type PullRequestRef } from "./github.js";
import {
  branchFor,
  planner,
  pullRequestOptions,
  targetFromConfig,
  textsFor,
  type UpdateRequest,
} from "./run.js";
import type { Outcome } from "./summary.js";

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

const BOT = [
  "-c",
  "user.name=github-actions[bot]",
  "-c",
  "user.email=41898282+github-actions[bot]@users.noreply.github.com",
];

/**
 * Working-directory mode, for any git host: edit the checkout with the core, commit, push. A push the remote
 * refuses because it moved is retried after a fetch and rebase; when the rebase conflicts (someone changed the
 * same lines), our commit is dropped and the edit planned again on the new tree. Pull-request mode pushes the
 * head branch (force: it is ours alone) and opens or updates the pull request when the remote is on GitHub.
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
  const plan = planner(request, logger);
  const original = (await git(cwd, ["symbolic-ref", "--quiet", "--short", "HEAD"])).stdout.trim();
  const base = request.base || original;
  if (request.dryRun) {
    // A dry run only plans: it works on any checkout, detached or without a remote.
    return {
      operation: "unchanged",
      mode,
      plan: await plan(reader, patterns),
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
  const texts = textsFor(request);
  const identity = (await git(cwd, ["config", "user.email"])).stdout.trim() ? [] : BOT;

  const outcome = (extra: Partial<Outcome> & Pick<Outcome, "operation" | "plan">): Outcome => ({
    mode,
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
    if (planned.changes.length === 0 || request.dryRun) return { planned, committed: false };
    const paths = planned.files.map((file) => file.path);
    const dirty = (await must(cwd, ["status", "--porcelain", "--", ...paths], "read the status")).trim();
    if (dirty) {
      throw new UserError(`files to update have uncommitted changes in ${directory}:\n${dirty}`, {
        hint: "Commit or discard them before this step, so the update commit contains only the version bump.",
      });
    }
    await reader.writeAll(planned.files.map((file) => ({ path: file.path, content: file.after })));
    const { headline, body } = texts(planned, base);
    await must(cwd, ["add", "--", ...paths], "stage the updated files");
    await must(
      cwd,
      [...identity, "commit", "--quiet", "-m", headline, ...(body ? ["-m", body] : []), "--", ...paths],
      "commit",
    );
    return { planned, committed: true };
  };

  if (mode === "commit") {
    let { planned, committed } = await commitEdits();
    if (!committed) return outcome({ operation: "unchanged", plan: planned });
    for (let attempt = 1; ; attempt++) {
      const pushed = await git(cwd, ["push", "--porcelain", remote, `HEAD:refs/heads/${base}`]);
      if (pushed.code === 0) break;
      if (!isRejectedAsStale(pushed) || attempt >= attempts) {
        throw new UserError(`git push to ${base} failed: ${`${pushed.stdout}\n${pushed.stderr}`.trim()}`, {
          hint: isRejectedAsStale(pushed)
            ? "The branch kept moving; re-run the job."
            : "Check that the checkout's credentials may push to the branch (actions/checkout persists them) and that no protection rule refuses it.",
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
    const plannedNow = planned;
    return outcome({
      operation: "committed",
      plan: plannedNow,
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
  const branch = branchFor(request);
  if (branch === base) throw new UserError(`the pull request branch ${branch} is the base branch itself`);
  await must(cwd, ["fetch", "--quiet", remote, `refs/heads/${base}`], `fetch ${base}`);
  const baseOid = await must(cwd, ["rev-parse", "FETCH_HEAD"], "read the fetched base");
  await must(cwd, ["checkout", "--quiet", "-B", branch, baseOid], `create branch ${branch}`);
  try {
    const { planned, committed } = await commitEdits();
    if (!committed) return outcome({ operation: "unchanged", plan: planned });
    const remoteHead = (
      await must(cwd, ["ls-remote", remote, `refs/heads/${branch}`], "list the remote branch")
    ).split(/\s/)[0];
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
    if (!github || !options.clients) {
      return outcome({
        operation: same ? "unchanged" : remoteHead ? "updated" : "created",
        plan: planned,
        commit: { oid },
        note: `Pushed branch \`${branch}\` to ${repositoryName}; the remote is not on this GitHub server, so open the pull request there.`,
      });
    }
    const target = {
      clients: options.clients,
      repository: github,
      branch,
      base,
      texts: texts(planned, base),
      pullRequest: pullRequestOptions(request),
      logger,
    };
    const existing: PullRequestRef | undefined = await findPullRequest(target);
    if (existing && same)
      return outcome({ operation: "unchanged", plan: planned, pullRequest: existing, commit: { oid } });
    const { pullRequest, created } = await openOrUpdatePullRequest(target, existing);
    const warnings = await applyMetadata(target, pullRequest);
    return outcome({
      operation: created ? "created" : "updated",
      plan: planned,
      pullRequest,
      commit: { oid },
      warnings,
    });
  } finally {
    if (original && original !== branch) await git(cwd, ["checkout", "--quiet", original]);
  }
}
