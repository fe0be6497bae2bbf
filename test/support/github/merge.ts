import { HttpError } from "./errors.js";
import { GITHUB_COMMITTER } from "./git.js";
import { timestamp } from "./ids.js";
import type { PullRequest, RepoState } from "./model.js";
import type { GitHubTestServer } from "./server.js";

/** The newest status per context on a commit. */
export function latestStatuses(repo: RepoState, sha: string) {
  const all = repo.statuses.get(sha) ?? [];
  const latest = new Map<string, (typeof all)[number]>();
  for (const item of all) latest.set(item.context, item);
  return [...latest.values()];
}

/**
 * Merges a pull request into its base as GitHub does for merge, squash and rebase: real commits, committed by
 * GitHub (so shown verified), the base moved by compare-and-swap and retried if someone else moved it meanwhile.
 */
export async function mergePull(
  server: GitHubTestServer,
  repo: RepoState,
  pr: PullRequest,
  login: string,
  method: string,
  title: string,
  message: string,
): Promise<string> {
  const git = repo.git;
  const committer = GITHUB_COMMITTER;
  const author = server.identity(login);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const base = await git.readRef(`refs/heads/${pr.baseRef}`);
    if (!base) throw new HttpError(422, "Base branch was modified. Review and try the merge again.");
    let result: string;
    if (method === "rebase") {
      let tip = base;
      for (const commit of await git.commitsBetween(base, pr.headSha)) {
        const info = await git.readCommit(commit);
        const tree = await git.pickTree(commit, tip);
        if (!tree) throw new HttpError(405, "This branch can't be rebased");
        tip = await git.commitTree(
          tree,
          [tip],
          info.message,
          { name: info.author.name, email: info.author.email },
          committer,
        );
        repo.verified.add(tip);
      }
      result = tip;
    } else {
      const tree = await git.mergeTrees(base, pr.headSha);
      if (!tree) throw new HttpError(405, "Pull Request is not mergeable");
      const parents = method === "squash" ? [base] : [base, pr.headSha];
      result = await git.commitTree(
        tree,
        parents,
        `${title}\n\n${message}`.trimEnd() + "\n",
        author,
        committer,
      );
      repo.verified.add(result);
    }
    if (await git.casRef(`refs/heads/${pr.baseRef}`, result, base)) {
      const now = timestamp();
      pr.state = "closed";
      pr.mergedAt = now;
      pr.closedAt = now;
      pr.updatedAt = now;
      pr.mergeCommitSha = result;
      pr.mergedBy = login;
      pr.baseSha = base;
      repo.pushedAt = now;
      if (repo.settings.deleteBranchOnMerge) await git.deleteRef(`refs/heads/${pr.headRef}`, pr.headSha);
      return result;
    }
  }
  throw new HttpError(409, "Base branch was modified. Review and try the merge again.");
}

/** Reviews and status checks a protected base requires before GitHub lets a merge through. */
export function protectionBlocks(repo: RepoState, pr: PullRequest): string | undefined {
  const rule = repo.protection.get(pr.baseRef);
  if (!rule) return undefined;
  if (rule.requiredApprovingReviewCount > 0) {
    const latest = new Map<string, string>();
    for (const review of pr.reviews) if (review.state !== "COMMENTED") latest.set(review.login, review.state);
    const approvals = [...latest.values()].filter((s) => s === "APPROVED").length;
    if (approvals < rule.requiredApprovingReviewCount || [...latest.values()].includes("CHANGES_REQUESTED")) {
      return `At least ${rule.requiredApprovingReviewCount} approving review is required by reviewers with write access.`;
    }
  }
  for (const context of rule.requiredStatusChecks) {
    const found = latestStatuses(repo, pr.headSha).find((s) => s.context === context);
    if (found?.state !== "success") return `Required status check "${context}" is expected.`;
  }
  return undefined;
}

/**
 * Pull requests with auto-merge enabled whose base rules are now met get merged, as GitHub does when the last
 * required check or review arrives. Runs after anything that can satisfy a rule (a status, a review).
 */
export async function runAutoMerges(server: GitHubTestServer, repo: RepoState): Promise<void> {
  await server.refreshPulls(repo);
  for (const pr of repo.pulls) {
    if (pr.state !== "open" || !pr.autoMerge || pr.draft) continue;
    if (protectionBlocks(repo, pr)) continue;
    const method = pr.autoMerge.method.toLowerCase();
    const title =
      method === "squash"
        ? `${pr.title} (#${pr.number})`
        : `Merge pull request #${pr.number} from ${repo.owner}/${pr.headRef}`;
    try {
      await mergePull(
        server,
        repo,
        pr,
        pr.autoMerge.enabledBy,
        method,
        title,
        method === "squash" ? "" : pr.title,
      );
    } catch (error) {
      // A conflicting pull request stays open with auto-merge on, as on GitHub.
      if (!(error instanceof HttpError)) throw error;
    }
  }
}

/**
 * Why a protected branch refuses a new commit pushed straight onto it (createCommitOnBranch, a ref update), or
 * undefined. A commit that was never on another branch can have no reviews or statuses yet, so any rule that needs
 * them refuses it, as GitHub does with "Protected branch update failed".
 */
export function directUpdateBlocked(repo: RepoState, branch: string): string | undefined {
  const rule = repo.protection.get(branch);
  if (!rule) return undefined;
  const refused = `Protected branch update failed for refs/heads/${branch}`;
  if (rule.requirePullRequest || rule.requiredApprovingReviewCount > 0) {
    return `${refused}: Changes must be made through a pull request.`;
  }
  const check = rule.requiredStatusChecks[0];
  if (check !== undefined) return `${refused}: Required status check "${check}" is expected.`;
  return undefined;
}

/** GitHub's merge state of an open pull request: dirty (conflicts), draft, blocked (base rules unmet) or clean. */
export async function mergeState(
  repo: RepoState,
  pr: PullRequest,
): Promise<"dirty" | "draft" | "blocked" | "clean" | "unknown"> {
  if (pr.state !== "open") return "unknown";
  if (!(await repo.git.mergeTrees(pr.baseSha, pr.headSha))) return "dirty";
  if (pr.draft) return "draft";
  return protectionBlocks(repo, pr) ? "blocked" : "clean";
}
