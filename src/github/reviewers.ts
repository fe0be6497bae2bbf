import { httpStatus, onGitHub, translateGitHubError } from "./errors.js";
import { fullName, type GitHubRepository } from "./repository.js";

/** Who of `logins` belongs to each `@org/team` the environment names (one request per candidate and team). */
export async function teamMembers(
  on: GitHubRepository,
  reviewers: readonly string[],
  logins: readonly string[],
): Promise<Record<string, string[]>> {
  const members: Record<string, string[]> = {};
  for (const entry of reviewers) {
    const team = /^@([^/]+)\/(.+)$/.exec(entry);
    if (!team) continue;
    members[entry] = [];
    for (const username of logins) {
      try {
        const { data } = await on.clients.read.request(
          "GET /orgs/{org}/teams/{team_slug}/memberships/{username}",
          {
            org: team[1]!,
            team_slug: team[2]!,
            username,
          },
        );
        if (data.state === "active") members[entry].push(username);
      } catch (error) {
        if (httpStatus(error) === 404) continue;
        if (httpStatus(error) === 403) {
          on.logger.warning(
            `cannot read the members of ${entry} (403): approvals by its members do not count. ` +
              "Team membership needs a token with `members: read` on the organisation (a GitHub App or PAT; GITHUB_TOKEN cannot).",
          );
          break;
        }
        throw translateGitHubError(error, {
          operation: `read the membership of ${entry}`,
          repository: fullName(on),
        });
      }
    }
  }
  return members;
}

/** Who of `logins` may write to the repository (write, maintain or admin). */
export async function writers(on: GitHubRepository, logins: readonly string[]): Promise<string[]> {
  const { owner, repo } = on.repository;
  const found: string[] = [];
  for (const username of logins) {
    const { data } = await onGitHub(
      { operation: `read the permission of ${username}`, repository: fullName(on) },
      () =>
        on.clients.read.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
          owner,
          repo,
          username,
        }),
    );
    if (data.permission === "admin" || data.permission === "write" || data.role_name === "maintain") {
      found.push(username);
    }
  }
  return found;
}
