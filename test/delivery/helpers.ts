import { expect } from "vitest";
import { type ActionRun, runBundledAction } from "../support/action.js";
import type { GitHubTestServer } from "../support/github/index.js";

/** The runner prints `::add-mask::<secret>` for itself to consume; everything else a user sees must not hold it. */
export function expectNoToken(run: ActionRun, token: string): void {
  if (!token) return;
  const visible = run.stdout
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
  for (const text of [visible, run.stderr, JSON.stringify(run.outputs), run.summary]) {
    expect(text).not.toContain(token);
  }
}

/** Runs the update-manifest-tag bundle as the runner does, against the test server as if it were GHES. */
export async function runUpdateAction(
  server: GitHubTestServer,
  repo: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const token = inputs.token ?? server.token;
  const result = await runBundledAction("update-manifest-tag", {
    inputs: { token, ...inputs },
    env: {
      GITHUB_API_URL: server.url,
      GITHUB_GRAPHQL_URL: server.graphqlUrl,
      GITHUB_SERVER_URL: server.webUrl,
      GITHUB_REPOSITORY: `acme/${repo}`,
      GITHUB_RUN_ID: "4242",
      ...env,
    },
  });
  expectNoToken(result, token);
  return result;
}

export const OVERLAY = (service: string, env: string) => `apps/${service}/overlays/${env}/kustomization.yaml`;
