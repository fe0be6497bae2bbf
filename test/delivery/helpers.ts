import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { UpdateRequest } from "../../src/flows/update.js";
import { parseImageRef } from "../../src/image/index.js";
import { type ActionRun, runBundledAction } from "../support/action.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";

/**
 * One GitHub API test server per test file, handed to `use` once started; every test ends by asserting that
 * nothing it sent or received broke GitHub's published schemas.
 */
export function useGitHubServer(use: (server: GitHubTestServer) => void): void {
  let server: GitHubTestServer | undefined;
  beforeAll(async () => {
    server = await startGitHubServer();
    use(server);
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    if (server) expectCleanEnd(server);
  });
}

/**
 * The end of a test against the server: faults and tampering are removed and the violations taken first, so the
 * next test starts clean even when this check fails; then the violations this test caused are asserted empty.
 */
export function expectCleanEnd(server: GitHubTestServer): void {
  const violations = server.endTest();
  expect(violations, "requests or responses GitHub's descriptions do not allow").toEqual([]);
}

/** An update of ghcr.io/acme/web to 1.4.2 in dev, as the entry would build it, with `overrides`. */
export function updateRequest(overrides: Partial<UpdateRequest> = {}): UpdateRequest {
  return {
    images: [parseImageRef("ghcr.io/acme/web:1.4.2")],
    environment: "dev",
    paths: [],
    repository: { owner: "acme", repo: "deploy" },
    config: "gitops-pipeline.yaml",
    labels: [],
    reviewers: [],
    teamReviewers: [],
    draft: false,
    autoMerge: false,
    allowMissing: false,
    dryRun: false,
    ...overrides,
  };
}

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
