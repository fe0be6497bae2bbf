import type { GitHub } from "./client.js";
import { onGitHub } from "./errors.js";

/** Pages a sweep reads at most (10,000 open pull requests); beyond that it refuses rather than guess. */
const MAX_PAGES = 100;

/** Numbers of the repository's open pull requests, every page of them. */
export async function openPullRequestNumbers(
  client: GitHub,
  repository: { owner: string; repo: string },
): Promise<Set<number>> {
  const { owner, repo } = repository;
  const numbers = new Set<number>();
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await onGitHub(
      { operation: "list the open pull requests", repository: `${owner}/${repo}`, pullRequests: true },
      () =>
        client.request("GET /repos/{owner}/{repo}/pulls", {
          owner,
          repo,
          state: "open",
          per_page: 100,
          page,
        }),
    );
    for (const pull of data) numbers.add(pull.number);
    if (data.length < 100) return numbers;
  }
  throw new Error(`${owner}/${repo} has more than ${MAX_PAGES * 100} open pull requests; refusing to sweep`);
}
