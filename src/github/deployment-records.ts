import { UserError } from "../errors.js";
import { onGitHub } from "./errors.js";
import { fullName, type GitHubRepository, shortSha } from "./repository.js";

/** What landed in an environment at one config commit, as a GitHub deployment's payload holds it. */
export interface EnvironmentChange {
  environment: string;
  sha: string;
  images: string[];
  sourceCommits: { repository: string; sha: string; time: string }[];
}

/**
 * Records a GitHub deployment for the change unless one exists for that commit and environment, so a re-run of the
 * push workflow records nothing twice. No status is set: health reports (smoke tests, Argo CD, Flux) set it.
 */
export async function recordEnvironmentChange(
  on: GitHubRepository,
  change: EnvironmentChange,
): Promise<{ id: number; created: boolean }> {
  const { owner, repo } = on.repository;
  const context = { operation: `record a deployment to ${change.environment}`, repository: fullName(on) };
  const existing = await onGitHub(context, () =>
    on.clients.read.request("GET /repos/{owner}/{repo}/deployments", {
      owner,
      repo,
      sha: change.sha,
      environment: change.environment,
      per_page: 1,
    }),
  );
  const found = existing.data[0];
  if (found) return { id: Number(found.id), created: false };
  const { data } = await onGitHub(context, () =>
    on.clients.write.request("POST /repos/{owner}/{repo}/deployments", {
      owner,
      repo,
      ref: change.sha,
      environment: change.environment,
      description: `gitops-pipeline: ${change.environment} at ${shortSha(change.sha)}`,
      auto_merge: false,
      required_contexts: [],
      payload: { images: change.images, sourceCommits: change.sourceCommits, configCommit: change.sha },
    }),
  );
  if (!("id" in data))
    throw new UserError(`GitHub did not create the deployment: ${data.message ?? "no reason given"}`);
  on.logger.info(`Recorded deployment ${data.id} to ${change.environment} at ${shortSha(change.sha)}`);
  return { id: Number(data.id), created: true };
}
