import { UserError } from "../errors.js";
import type { EnvironmentChange, RecordedDeployment } from "../flows/ports.js";

export type { EnvironmentChange };

import { onGitHub } from "./errors.js";
import { fullName, type GitHubRepository, shortSha } from "./repository.js";

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

export type Health = "in_progress" | "success" | "failure";

/** Sets the state of the newest deployment of an environment: what a smoke test or the cluster reports back. */
export async function reportHealth(
  on: GitHubRepository,
  environment: string,
  state: Health,
  description: string,
): Promise<{ id: number; sha: string }> {
  const { owner, repo } = on.repository;
  const context = { operation: `report ${state} for ${environment}`, repository: fullName(on) };
  const { data } = await onGitHub(context, () =>
    on.clients.read.request("GET /repos/{owner}/{repo}/deployments", {
      owner,
      repo,
      environment,
      per_page: 1,
    }),
  );
  const latest = data[0];
  if (!latest) {
    throw new UserError(`${fullName(on)} has no deployment of ${environment} to report on`, {
      hint: "Record deployments first: promote-env with mode: record on push to the default branch.",
    });
  }
  await onGitHub(context, () =>
    on.clients.write.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner,
      repo,
      deployment_id: Number(latest.id),
      state,
      description: description.slice(0, 140),
      ...(on.runUrl ? { log_url: on.runUrl } : {}),
    }),
  );
  on.logger.info(`Deployment ${latest.id} of ${environment} (${shortSha(latest.sha)}) is now ${state}`);
  return { id: Number(latest.id), sha: latest.sha };
}

const CONFIG_COMMIT = /^[0-9a-f]{40}$/;

/**
 * The newest deployments of an environment (at most `limit`, newest first, none created before `since`) with the
 * state of each one's newest status. The payload is untrusted: a `configCommit` that is not a full SHA is ignored.
 */
export async function deploymentHistory(
  on: GitHubRepository,
  environment: string,
  limit: number,
  since?: Date,
): Promise<RecordedDeployment[]> {
  const { owner, repo } = on.repository;
  const context = { operation: `read the deployments of ${environment}`, repository: fullName(on) };
  const result: RecordedDeployment[] = [];
  for (let page = 1; result.length < limit; page++) {
    const perPage = Math.min(100, limit - result.length);
    const { data } = await onGitHub(context, () =>
      on.clients.read.request("GET /repos/{owner}/{repo}/deployments", {
        owner,
        repo,
        environment,
        per_page: perPage,
        page,
      }),
    );
    for (const deployment of data) {
      if (since && Date.parse(deployment.created_at) < since.getTime()) return result;
      const { data: statuses } = await onGitHub(context, () =>
        on.clients.read.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
          owner,
          repo,
          deployment_id: Number(deployment.id),
          per_page: 1,
        }),
      );
      const payload = deployment.payload as { configCommit?: unknown } | string;
      const configCommit = typeof payload === "object" && payload ? payload.configCommit : undefined;
      result.push({
        id: Number(deployment.id),
        sha:
          typeof configCommit === "string" && CONFIG_COMMIT.test(configCommit)
            ? configCommit
            : deployment.sha,
        createdAt: deployment.created_at,
        state: statuses[0]?.state,
      });
    }
    if (data.length < perPage) break;
  }
  return result;
}
