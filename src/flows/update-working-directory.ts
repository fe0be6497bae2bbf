import { UserError } from "../errors.js";
import { Checkout, gitHubRepositoryOf } from "../git/working-tree.js";
import type { GitHub } from "../github/client.js";
import { GitHubPullRequests } from "../github/pull-request-writer.js";
import type { Logger } from "../logger.js";
import { withUserBody } from "../texts/pull-request.js";
import type { Outcome } from "../texts/update-summary.js";
import type { PullRequestRef, Texts } from "../update/delivery.js";
import { localReader, type UpdatePlan } from "../update/index.js";
import type { PullRequestProposal, PullRequestWriter } from "./ports.js";
import {
  branchFor,
  planner,
  pullRequestOptions,
  targetFromConfig,
  textsFor,
  type UpdateRequest,
} from "./update.js";

export interface WorkingDirectoryOptions {
  logger: Logger;
  remote?: string;
  /** The GitHub server of the workflow (GITHUB_SERVER_URL): a remote there gets its pull request through the API. */
  serverUrl?: string;
  clients?: { read: GitHub; write: GitHub };
  /** Pushes retried after fetch + rebase when the remote moved. */
  attempts?: number;
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
  const attempts = options.attempts ?? 5;
  const { logger } = options;
  const checkout = await Checkout.open(directory, options.remote ?? "origin");
  const reader = localReader(checkout.cwd);

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
  const original = await checkout.currentBranch();
  const base = request.base || original;
  if (request.dryRun) {
    // A dry run only plans on the checkout: it works on any checkout, detached or without a remote.
    const planned = await plan(reader, patterns);
    return {
      operation: planned.changes.length === 0 ? "unchanged" : await checkout.dryRunOperation(branch, planned),
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
  const remoteUrl = await checkout.remoteUrl();
  const github = options.serverUrl ? gitHubRepositoryOf(remoteUrl, options.serverUrl) : undefined;
  const repositoryName = github ? `${github.owner}/${github.repo}` : remoteUrl.replace(/\/\/[^@/]*@/, "//");
  const pullRequests: PullRequestWriter | undefined =
    github && options.clients
      ? new GitHubPullRequests({ clients: options.clients, repository: github, logger })
      : undefined;
  const texts = (planned: UpdatePlan, baseName: string) => {
    const made = textsFor(request)(planned, baseName);
    return { ...made, pullRequestBody: withUserBody(made.pullRequestBody, request.body) };
  };
  await checkout.useIdentity(request);

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
    const dirty = await checkout.status(paths);
    if (dirty) {
      throw new UserError(`files to update have uncommitted changes in ${directory}:\n${dirty}`, {
        hint: "Commit or discard them before this step, so the update commit contains only the version bump.",
      });
    }
    const { headline, body } = texts(planned, base);
    touched = true;
    await reader.writeAll(planned.files.map((file) => ({ path: file.path, content: file.after })));
    await checkout.commit(paths, headline, body);
    return { planned, committed: true };
  };

  const saved = await checkout.save(branch);
  // Set before the first change to the checkout: a failure before it has nothing to put back.
  let touched = false;
  try {
    if (mode === "commit") return await commitAndPush();
    try {
      return await pullRequestBranch(branch!);
    } finally {
      if (original && original !== branch) await checkout.checkout(original);
    }
  } catch (error) {
    if (touched) await checkout.restore(saved, logger);
    throw error;
  }

  async function commitAndPush(): Promise<Outcome> {
    let { planned, committed } = await commitEdits();
    if (!committed) return outcome({ operation: "unchanged", plan: planned });
    for (let attempt = 1; ; attempt++) {
      const pushed = await checkout.push(base);
      if (pushed.ok) break;
      if (!pushed.stale || attempt >= attempts) {
        throw new UserError(`git push to ${base} failed: ${pushed.output}`, {
          hint:
            (pushed.stale
              ? "The branch kept moving; re-run the job."
              : "Check that the checkout's credentials may push to the branch (actions/checkout persists them) and that no protection rule refuses it.") +
            " The checkout was put back as it was.",
        });
      }
      logger.info(
        `${base} moved on the remote; rebasing and pushing again (attempt ${attempt + 1} of ${attempts})`,
      );
      if (!(await checkout.rebaseOnRemote(base))) {
        // The same lines changed remotely: our commit was dropped, so the edit is planned again on what is there now.
        ({ planned, committed } = await commitEdits());
        if (!committed) return outcome({ operation: "unchanged", plan: planned });
      }
    }
    const oid = await checkout.head();
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
    const baseOid = await checkout.fetchBranch(base);
    touched = true;
    await checkout.resetBranch(branch, baseOid);
    const { planned, committed } = await commitEdits();
    const proposal = (made: Texts): PullRequestProposal => ({
      branch,
      base,
      texts: made,
      pullRequest: pullRequestOptions(request),
    });
    const remoteHead = await checkout.remoteHead(branch);
    if (!committed) {
      if (!request.deleteBranch || !remoteHead) return outcome({ operation: "unchanged", plan: planned });
      // delete-branch: nothing left to change, so the pull request is closed and its branch deleted.
      const open = pullRequests ? await pullRequests.find(branch, base) : undefined;
      if (pullRequests && open) await pullRequests.close(open);
      await checkout.deleteRemoteBranch(branch);
      logger.info(`Deleted branch ${branch} on ${repositoryName}: nothing is left to change`);
      return outcome({ operation: open ? "closed" : "unchanged", plan: planned, pullRequest: open });
    }
    const same = remoteHead ? await checkout.sameTreeAsRemote(branch) : false;
    if (!same) await checkout.forcePush(branch);
    const oid = same ? remoteHead! : await checkout.head();
    if (!pullRequests) {
      return outcome({
        operation: same ? "unchanged" : remoteHead ? "updated" : "created",
        plan: planned,
        commit: { oid },
        note: `Pushed branch \`${branch}\` to ${repositoryName}; the remote is not on this GitHub server, so open the pull request there.`,
      });
    }
    const existing: PullRequestRef | undefined = await pullRequests.find(branch, base);
    if (existing && same)
      return outcome({ operation: "unchanged", plan: planned, pullRequest: existing, commit: { oid } });
    const { pullRequest, created, warnings } = await pullRequests.openOrUpdate(
      proposal(texts(planned, base)),
      existing,
    );
    return outcome({
      operation: created ? "created" : "updated",
      plan: planned,
      pullRequest,
      commit: { oid },
      warnings,
    });
  }
}
