import { UserError } from "../errors.js";
import { type Identity, withSignoff, withUserBody } from "../texts/pull-request.js";
import { type DeliveryResult, gitBlobOid, type Operation } from "../update/delivery.js";
import type { UpdatePlan } from "../update/index.js";
import {
  deliverable,
  type GitHubDeliveryOptions,
  type RepositoryState,
  readState,
  rebaseIfUntouched,
} from "./branch-state.js";
import {
  closeAndDeleteHead,
  commitFiles,
  deleteHeadBranch,
  moveHeadBranch,
  restoreHeadBranch,
  tokenIdentity,
} from "./commit-writer.js";
import { isNoCommitsBetween, isReferenceExists, isStaleHead, onGitHub } from "./errors.js";
import { applyMetadata, openOrUpdatePullRequest, type PullRequestTarget } from "./pull-request-writer.js";
import { GitHubSnapshot } from "./snapshot.js";

export type { GitHubDeliveryOptions } from "./branch-state.js";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Jittered exponential back-off: concurrent runs that collided spread out instead of colliding again. It never
 * waits less than a second, the spacing GitHub asks between writes, so the re-read happens right before the
 * retried write may go and the window for the next collision stays short.
 */
function backoff(attempt: number, baseMs: number): number {
  return 1000 + Math.random() * Math.min(8000, baseMs * 2 ** (attempt - 1));
}

/**
 * Updates image references in a repository on GitHub without a clone: reads only what the paths need, writes
 * every changed file as one `createCommitOnBranch` guarded by `expectedHeadOid`. When the branch moved in
 * between, it reads again, plans again on the new head and retries after a jittered back-off, a bounded number
 * of times. A base branch is never force-moved; only the pull request's own head branch is.
 */
export async function deliverThroughGitHub(options: GitHubDeliveryOptions): Promise<DeliveryResult> {
  const attempts = options.attempts ?? 10;
  const full = `${options.repository.owner}/${options.repository.repo}`;
  let requests = 0;
  const count = <T>(promise: Promise<T>) => {
    requests++;
    return promise;
  };
  const warnings: string[] = [];
  let signer: Identity | undefined = options.signoff === "token" ? undefined : options.signoff;

  // Kept across a lost compare-and-swap when the files we change did not change: no need to read them again.
  let kept: { state: RepositoryState; plan: UpdatePlan } | undefined;
  for (let attempt = 1; ; attempt++) {
    let state: RepositoryState;
    let plan: UpdatePlan;
    if (kept) ({ state, plan } = kept);
    else {
      state = await readState(options);
      requests += 1 + state.snapshot.requests;
      const before = state.snapshot.requests;
      const snapshot = state.snapshot;
      plan = await onGitHub({ operation: "read the files", repository: full }, async () =>
        deliverable(await options.plan(snapshot, state.patterns, snapshot.commit), snapshot),
      );
      requests += state.snapshot.requests - before;
    }
    const mode = state.mode;
    const pullRequestMode = mode === "pull-request";
    const result = (operation: Operation, extra: Partial<DeliveryResult> = {}): DeliveryResult => ({
      operation,
      mode,
      plan,
      base: state.base.name,
      baseOid: state.base.oid,
      repository: state.nameWithOwner,
      repositoryUrl: state.url,
      branch: pullRequestMode ? options.branch : undefined,
      requests,
      warnings,
      ...extra,
    });
    if (pullRequestMode && state.base.name === options.branch) {
      throw new UserError(`the pull request branch ${options.branch} is the base branch itself`, {
        hint: "Choose a `branch` different from `base`: the head branch is rewritten on every update.",
      });
    }
    if (plan.changes.length === 0) {
      // The base already runs these versions: an open pull request for them has nothing left to deliver.
      const stale = pullRequestMode && options.deleteBranch ? state.head : undefined;
      const ours = stale?.pullRequest?.baseRefName === state.base.name ? stale.pullRequest : undefined;
      // A head branch whose open pull request targets another base is that pull request's: left alone.
      if (!stale || (stale.pullRequest && !ours)) return result("unchanged");
      if (options.dryRun) return result(ours ? "would-close" : "unchanged", { pullRequest: ours });
      const closed = await closeAndDeleteHead(options, state, ours, () => requests++);
      return result(ours ? "closed" : "unchanged", { pullRequest: closed });
    }
    let texts = options.texts(plan, state.base.name);
    texts = { ...texts, pullRequestBody: withUserBody(texts.pullRequestBody, options.body) };
    const headCommit = state.head && { oid: state.head.oid, url: `${state.url}/commit/${state.head.oid}` };

    try {
      if (mode === "commit") {
        if (options.dryRun) return result("would-commit");
        if (options.signoff === "token") signer ??= await count(tokenIdentity(options, state));
        if (signer) texts = { ...texts, body: withSignoff(texts.body, signer) };
        const commit = await count(commitFiles(options, state, state.base.name, state.base.oid, plan, texts));
        return result("committed", { commit });
      }

      // Pull-request mode: is the head branch already exactly base + these edits?
      let headMatches = false;
      if (state.head) {
        const headSnapshot = new GitHubSnapshot(options.clients.read, options.repository, []);
        headSnapshot.commit = state.head.oid;
        const oids = await headSnapshot.blobOids(plan.files.map((file) => file.path));
        requests += headSnapshot.requests;
        headMatches = plan.files.every(
          (file) => oids.get(file.path) === gitBlobOid(file.after, state.snapshot.encoding(file.path)),
        );
      }
      const existing =
        state.head?.pullRequest?.baseRefName === state.base.name ? state.head.pullRequest : undefined;
      // Already delivered: the outputs point at the pull request and the head commit that carries the change.
      if (existing && headMatches) return result("unchanged", { pullRequest: existing, commit: headCommit });
      if (options.dryRun) {
        return result(existing ? "would-update" : "would-create", { pullRequest: existing });
      }
      let commit: DeliveryResult["commit"];
      if (!headMatches) {
        if (options.signoff === "token") signer ??= await count(tokenIdentity(options, state));
        if (signer) texts = { ...texts, body: withSignoff(texts.body, signer) };
        await count(moveHeadBranch(options, state));
        commit = await count(commitFiles(options, state, options.branch, state.base.oid, plan, texts)).catch(
          async (error: unknown) => {
            // Refused (not raced): put the open pull request's branch back where it was rather than leave it empty.
            if (state.head && !isStaleHead(error))
              await restoreHeadBranch(options, state.head.oid).catch(() => {});
            throw error;
          },
        );
      }
      const target: PullRequestTarget = {
        ...options,
        base: state.base.name,
        texts,
        pullRequest: {
          ...options.pullRequest,
          maintainerCanModify: options.pullRequest.maintainerCanModify ?? options.maintainerCanModify,
        },
      };
      const { pullRequest, created } = await openOrUpdatePullRequest(
        target,
        existing,
        () => requests++,
      ).catch(async (error: unknown) => {
        // A branch this run created for a pull request that could not be opened is removed again: a refused
        // run leaves the repository as it found it.
        if (!state.head && commit && !isNoCommitsBetween(error))
          await deleteHeadBranch(options).catch(() => {});
        throw error;
      });
      if (!created && !commit) return result("unchanged", { pullRequest, commit: headCommit });
      warnings.push(...(await applyMetadata(target, pullRequest, () => requests++)));
      return result(created ? "created" : "updated", { commit: commit ?? headCommit, pullRequest });
    } catch (error) {
      // Lost races: the branch moved, another run created the head branch, or reset it just as we opened the PR.
      if (!isStaleHead(error) && !isReferenceExists(error) && !isNoCommitsBetween(error)) throw error;
      if (attempt >= attempts) {
        throw new UserError(
          `${mode === "commit" ? state.base.name : options.branch} in ${full} kept moving while updating it; ` +
            `gave up after ${attempts} attempts and wrote nothing`,
          {
            hint: "Other jobs are committing to the same branch at a high rate; re-run the job.",
            cause: error,
          },
        );
      }
      const wait = backoff(attempt, options.backoffMs ?? 500);
      options.logger.info(
        `${mode === "commit" ? state.base.name : options.branch} moved since it was read; reading it again in ${Math.round(wait)} ms (attempt ${attempt + 1} of ${attempts})`,
      );
      await sleep(wait);
      const moved =
        mode === "commit" && isStaleHead(error) ? await rebaseIfUntouched(options, state, plan) : undefined;
      requests += moved ? 1 : 0;
      kept = moved ? { state: moved, plan } : undefined;
    }
  }
}
