import { UserError } from "../errors.js";
import type { Review } from "../promote/reviews.js";
import { httpStatus, onGitHub, translateGitHubError } from "./errors.js";
import { fullName, type GitHubRepository, paginate, shortSha } from "./repository.js";

/** Open pull requests, oldest first. */
export async function openPullRequests(
  on: GitHubRepository,
): Promise<{ number: number; body: string | null }[]> {
  const { owner, repo } = on.repository;
  const pulls = await onGitHub(
    { operation: "list open pull requests", repository: fullName(on), pullRequests: true },
    () =>
      paginate((page) =>
        on.clients.read.request("GET /repos/{owner}/{repo}/pulls", {
          owner,
          repo,
          state: "open",
          per_page: 100,
          page,
          direction: "asc",
        }),
      ),
  );
  return pulls.map((pr) => ({ number: pr.number, body: pr.body }));
}

export async function pullRequest(on: GitHubRepository, number: number) {
  const { owner, repo } = on.repository;
  const context = { operation: `read pull request #${number}`, repository: fullName(on), pullRequests: true };
  const { data: pr } = await onGitHub(context, () =>
    on.clients.read.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner,
      repo,
      pull_number: number,
    }),
  );
  return {
    number,
    url: pr.html_url,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseRef: pr.base.ref,
    author: pr.user?.login ?? "",
    body: pr.body ?? "",
    state: pr.state as "open" | "closed",
    merged: pr.merged,
    changedFiles: pr.changed_files,
  };
}

export async function reviews(on: GitHubRepository, number: number): Promise<Review[]> {
  const { owner, repo } = on.repository;
  const context = { operation: `read pull request #${number}`, repository: fullName(on), pullRequests: true };
  const all = await onGitHub(context, () =>
    paginate((page) =>
      on.clients.read.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
        owner,
        repo,
        pull_number: number,
        per_page: 100,
        page,
      }),
    ),
  );
  return all.map((review) => ({
    user: review.user?.login ?? "",
    userType: review.user?.type,
    state: review.state,
    commitId: review.commit_id ?? "",
  }));
}

/** Merges at the evaluated head only: a push between evaluation and merge makes GitHub refuse (409). */
export async function mergePullRequest(
  on: GitHubRepository,
  pullRequest: { number: number; headSha: string },
  method: "merge" | "squash" | "rebase",
): Promise<string> {
  const { owner, repo } = on.repository;
  try {
    const { data } = await on.clients.write.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
      owner,
      repo,
      pull_number: pullRequest.number,
      sha: pullRequest.headSha,
      merge_method: method,
    });
    on.logger.info(`Merged pull request #${pullRequest.number} (${method}) as ${shortSha(data.sha)}`);
    return data.sha;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 405 || status === 409) {
      throw new UserError(
        `GitHub refused to merge pull request #${pullRequest.number}: ${(error as Error).message}`,
        {
          hint:
            status === 409
              ? "The pull request changed while the gate was evaluated; the next event evaluates it again."
              : "Check the branch protection of the base branch (required reviews or checks this token cannot satisfy) and the allowed merge methods.",
        },
      );
    }
    throw translateGitHubError(error, {
      operation: `merge pull request #${pullRequest.number}`,
      repository: fullName(on),
      pullRequests: true,
    });
  }
}
