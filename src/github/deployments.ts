import { UserError } from "../errors.js";
import { onGitHub } from "./errors.js";
import { fullName, type GitHubRepository, shortSha } from "./repository.js";

/**
 * A GitHub Deployment with a success status for a change that landed in an environment, so deployment frequency
 * and lead time can be read from GitHub. The images go in the payload.
 */
export async function recordDeployment(
  on: GitHubRepository,
  deployment: {
    sha: string;
    environment: string;
    images: string[];
    description: string;
    pullRequest?: number;
  },
): Promise<{ id: number; url: string }> {
  const { owner, repo } = on.repository;
  const context = { operation: `record a deployment to ${deployment.environment}`, repository: fullName(on) };
  const { data } = await onGitHub(context, () =>
    on.clients.write.request("POST /repos/{owner}/{repo}/deployments", {
      owner,
      repo,
      ref: deployment.sha,
      environment: deployment.environment,
      description: deployment.description.slice(0, 140),
      auto_merge: false,
      required_contexts: [],
      payload: {
        images: deployment.images,
        ...(deployment.pullRequest ? { pullRequest: deployment.pullRequest } : {}),
      },
    }),
  );
  if (!("id" in data))
    throw new UserError(`GitHub did not create the deployment: ${data.message ?? "no reason given"}`);
  await onGitHub(context, () =>
    on.clients.write.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner,
      repo,
      deployment_id: Number(data.id),
      state: "success",
      description: "Recorded by gitops-pipeline promote-env",
      ...(on.runUrl ? { log_url: on.runUrl } : {}),
    }),
  );
  on.logger.info(
    `Recorded deployment ${data.id} to ${deployment.environment} at ${shortSha(deployment.sha)}`,
  );
  return { id: Number(data.id), url: data.url };
}
