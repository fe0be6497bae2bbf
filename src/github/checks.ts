import { UserError } from "../errors.js";
import { type CheckRun, type CheckSuite, type Checks, reportsNeeded } from "../promote/checks.js";
import { gitHubMessage, httpStatus, onGitHub, translateGitHubError } from "./errors.js";
import { fullName, type GitHubRepository, paginateWrapped, shortSha } from "./repository.js";

/** A 403 on the checks API means the token cannot read checks: say which permission gives it. */
async function readChecks<T>(
  on: GitHubRepository,
  what: string,
  sha: string,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (httpStatus(error) === 403 && /resource not accessible/i.test(gitHubMessage(error))) {
      throw new UserError(
        `GitHub refused to read the ${what} of ${shortSha(sha)} in ${fullName(on)} (403 ${gitHubMessage(error)}); ` +
          "require-status names checks, so the gate must read them",
        {
          hint:
            "Give the token `checks: read`: in the workflow `permissions: { checks: read }` for GITHUB_TOKEN, or " +
            "`permission-checks: read` on actions/create-github-app-token (and the Checks permission on the App). " +
            "To require only a commit status, write it as status:CONTEXT in require-status.",
          cause: error,
        },
      );
    }
    throw translateGitHubError(error, {
      operation: `read the ${what} of ${shortSha(sha)}`,
      repository: fullName(on),
    });
  }
}

/**
 * The commit statuses of `sha`, and its check runs and check suites when a requirement can be answered by them
 * (a plain name is a status context or a check run name; `check-suite:` needs the suites).
 */
export async function checksOf(
  on: GitHubRepository,
  sha: string,
  requireStatus: readonly string[],
): Promise<Checks> {
  const { owner, repo } = on.repository;
  if (requireStatus.length === 0) return { statuses: [] };
  const needed = reportsNeeded(requireStatus);
  const { data: combined } = await onGitHub(
    { operation: `read the statuses of ${shortSha(sha)}`, repository: fullName(on) },
    () =>
      on.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}/status", {
        owner,
        repo,
        ref: sha,
        per_page: 100,
      }),
  );
  const checks: Checks = {
    statuses: combined.statuses.map((s) => ({ context: s.context, state: s.state })),
  };
  if (needed.checkRuns) {
    checks.checkRuns = await readChecks(on, "check runs", sha, () =>
      paginateWrapped(async (page) => {
        const { data } = await on.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
          owner,
          repo,
          ref: sha,
          filter: "latest",
          per_page: 100,
          page,
        });
        return {
          total: data.total_count,
          items: data.check_runs.map(
            (run): CheckRun => ({
              id: Number(run.id),
              name: run.name,
              status: run.status,
              conclusion: run.conclusion,
            }),
          ),
        };
      }),
    );
  }
  if (needed.checkSuites) {
    checks.checkSuites = await readChecks(on, "check suites", sha, () =>
      paginateWrapped(async (page) => {
        const { data } = await on.clients.read.request(
          "GET /repos/{owner}/{repo}/commits/{ref}/check-suites",
          {
            owner,
            repo,
            ref: sha,
            per_page: 100,
            page,
          },
        );
        return {
          total: data.total_count,
          items: data.check_suites.map(
            (suite): CheckSuite => ({
              id: Number(suite.id),
              app: suite.app?.slug ?? "",
              status: suite.status,
              conclusion: suite.conclusion,
              runs: suite.latest_check_runs_count,
            }),
          ),
        };
      }),
    );
  }
  return checks;
}

/** Sets one commit status, linked to the workflow run when there is one. */
export async function setStatus(
  on: GitHubRepository,
  sha: string,
  status: { context: string; state: "pending" | "success" | "failure"; description: string },
): Promise<void> {
  const { owner, repo } = on.repository;
  await onGitHub({ operation: `set the ${status.context} status`, repository: fullName(on) }, () =>
    on.clients.write.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
      owner,
      repo,
      sha,
      state: status.state,
      context: status.context,
      description: status.description,
      ...(on.runUrl ? { target_url: on.runUrl } : {}),
    }),
  );
}
