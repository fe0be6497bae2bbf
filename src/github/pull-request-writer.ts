import { UserError } from "../errors.js";
import type { PullRequestProposal, PullRequestWriter } from "../flows/ports.js";
import type { Logger } from "../logger.js";
import type { PullRequestOptions, PullRequestRef, Texts } from "../update/delivery.js";
import type { GitHub } from "./client.js";
import {
  gitHubMessage,
  isNoCommitsBetween,
  isPullRequestExists,
  onGitHub,
  translateGitHubError,
} from "./errors.js";

/** Where a pull request goes and what it says; shared by API mode and working-directory mode. */
export interface PullRequestTarget {
  clients: { read: GitHub; write: GitHub };
  repository: { owner: string; repo: string };
  branch: string;
  base: string;
  texts: Texts;
  pullRequest: PullRequestOptions;
  logger: Logger;
}

/** Closes a pull request whose branch has nothing left to deliver (delete-branch). */
export async function closePullRequest(
  target: Pick<PullRequestTarget, "clients" | "repository" | "logger">,
  pullRequest: PullRequestRef,
): Promise<void> {
  const { owner, repo } = target.repository;
  await onGitHub(
    {
      operation: `close pull request #${pullRequest.number}`,
      repository: `${owner}/${repo}`,
      pullRequests: true,
    },
    () =>
      target.clients.write.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
        owner,
        repo,
        pull_number: pullRequest.number,
        state: "closed",
      }),
  );
  target.logger.info(`Closed pull request #${pullRequest.number}: the base already has these versions`);
}

/** The open pull request from `branch` into `base`, if any (REST, for callers that did not read it by GraphQL). */
export async function findPullRequest(
  target: Pick<PullRequestTarget, "clients" | "repository" | "branch" | "base">,
): Promise<PullRequestRef | undefined> {
  const { owner, repo } = target.repository;
  const { data: open } = await onGitHub(
    { operation: "find the open pull request", repository: `${owner}/${repo}`, pullRequests: true },
    () =>
      target.clients.read.request("GET /repos/{owner}/{repo}/pulls", {
        owner,
        repo,
        head: `${owner}:${target.branch}`,
        state: "open",
      }),
  );
  const found = open.find((pr) => pr.base.ref === target.base);
  return found ? { number: found.number, url: found.html_url, id: found.node_id } : undefined;
}

/**
 * Opens the pull request, or updates the open one in place (title, body), so there is exactly one per head
 * branch even when runs race: a 422 "already exists" means another run won, and its pull request is updated.
 */
export async function openOrUpdatePullRequest(
  target: PullRequestTarget,
  existing: PullRequestRef | undefined,
  counted: () => void = () => {},
): Promise<{ pullRequest: PullRequestRef; created: boolean }> {
  const { owner, repo } = target.repository;
  const context = { operation: "open the pull request", repository: `${owner}/${repo}`, pullRequests: true };
  const { maintainerCanModify } = target.pullRequest;
  const canModify = maintainerCanModify === undefined ? {} : { maintainer_can_modify: maintainerCanModify };
  const update = async (number: number) => {
    counted();
    const { data } = await onGitHub({ ...context, operation: `update pull request #${number}` }, () =>
      target.clients.write.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
        owner,
        repo,
        pull_number: number,
        title: target.texts.title,
        body: target.texts.pullRequestBody,
        ...canModify,
      }),
    );
    target.logger.info(`Updated pull request #${data.number}: ${data.html_url}`);
    return { number: data.number, url: data.html_url, id: data.node_id };
  };
  if (existing) return { pullRequest: await update(existing.number), created: false };
  try {
    counted();
    const { data } = await target.clients.write.request("POST /repos/{owner}/{repo}/pulls", {
      owner,
      repo,
      title: target.texts.title,
      head: target.branch,
      base: target.base,
      body: target.texts.pullRequestBody,
      draft: target.pullRequest.draft,
      ...canModify,
    });
    target.logger.info(`Opened pull request #${data.number}: ${data.html_url}`);
    return { pullRequest: { number: data.number, url: data.html_url, id: data.node_id }, created: true };
  } catch (error) {
    if (isNoCommitsBetween(error)) throw error;
    if (!isPullRequestExists(error)) throw translateGitHubError(error, context);
  }
  counted();
  const found = await findPullRequest(target);
  if (!found)
    throw new UserError(`GitHub says a pull request from ${target.branch} exists but lists none open`);
  return { pullRequest: await update(found.number), created: false };
}

/**
 * Labels, reviewers and auto-merge: the update itself has landed by now, so a refusal here is a warning that
 * names the permission or setting, never a failed run.
 */
export async function applyMetadata(
  options: PullRequestTarget,
  pullRequest: PullRequestRef,
  counted: () => void = () => {},
): Promise<string[]> {
  const { owner, repo } = options.repository;
  const { labels, reviewers, teamReviewers, autoMerge } = options.pullRequest;
  const warnings: string[] = [];
  const attempt = async (what: string, hint: string, call: () => Promise<unknown>) => {
    counted();
    try {
      await call();
    } catch (error) {
      const message = `could not ${what} on pull request #${pullRequest.number}: ${gitHubMessage(error)}. ${hint}`;
      options.logger.warning(message);
      warnings.push(message);
    }
  };
  if (labels.length > 0) {
    await attempt("add labels", "The token needs `issues: write` or `pull-requests: write`.", () =>
      options.clients.write.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
        owner,
        repo,
        issue_number: pullRequest.number,
        labels,
      }),
    );
  }
  if (reviewers.length > 0 || teamReviewers.length > 0) {
    await attempt(
      "request reviewers",
      "Reviewers must be collaborators other than the token's user; team reviewers need a token that can read the organisation's teams (a GitHub App or PAT, not GITHUB_TOKEN).",
      () =>
        options.clients.write.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
          owner,
          repo,
          pull_number: pullRequest.number,
          reviewers,
          team_reviewers: teamReviewers,
        }),
    );
  }
  if (autoMerge) {
    await attempt(
      "enable auto-merge",
      "Enable Settings → General → 'Allow auto-merge' and protect the base branch with a required check or review; the token needs `pull-requests: write` and `contents: write`.",
      () =>
        options.clients.write.graphql(
          "mutation($input: EnablePullRequestAutoMergeInput!) { enablePullRequestAutoMerge(input: $input) { pullRequest { number } } }",
          { input: { pullRequestId: pullRequest.id, mergeMethod: autoMerge.toUpperCase() } },
        ),
    );
  }
  return warnings;
}

/** Pull requests of one repository on GitHub, for branches a checkout pushed. */
export class GitHubPullRequests implements PullRequestWriter {
  constructor(private readonly on: Pick<PullRequestTarget, "clients" | "repository" | "logger">) {}

  private target(proposal: PullRequestProposal): PullRequestTarget {
    return { ...this.on, ...proposal };
  }

  find(branch: string, base: string): Promise<PullRequestRef | undefined> {
    return findPullRequest({ ...this.on, branch, base });
  }

  close(pullRequest: PullRequestRef): Promise<void> {
    return closePullRequest(this.on, pullRequest);
  }

  async openOrUpdate(proposal: PullRequestProposal, existing: PullRequestRef | undefined) {
    const target = this.target(proposal);
    const { pullRequest, created } = await openOrUpdatePullRequest(target, existing);
    const warnings = await applyMetadata(target, pullRequest);
    return { pullRequest, created, warnings };
  }
}
