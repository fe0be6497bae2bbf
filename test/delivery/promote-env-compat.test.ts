import { describe, expect, it } from "vitest";
import { type ActionRun, runBundledAction } from "../support/action.js";
import type { GitHubTestServer } from "../support/github/index.js";
import { expectNoToken, useGitHubServer } from "./helpers.js";

// promote-env speaks the same create-pull-request inputs and outputs as update-manifest-tag, through its bundle.
let server: GitHubTestServer;
useGitHubServer((started) => {
  server = started;
});

const overlay = (env: string) => `apps/web/overlays/${env}/kustomization.yaml`;
const kustomization = (tag: string) => `images:\n  - name: ghcr.io/acme/web\n    newTag: ${tag}\n`;

async function run(inputs: Record<string, string>): Promise<ActionRun> {
  const result = await runBundledAction("promote-env", {
    inputs: { token: server.token, to: "production", ...inputs },
    env: {
      GITHUB_API_URL: server.url,
      GITHUB_GRAPHQL_URL: server.graphqlUrl,
      GITHUB_SERVER_URL: server.webUrl,
      GITHUB_REPOSITORY: "acme/promo",
    },
  });
  expectNoToken(result, server.token);
  return result;
}

describe("promote-env with create-pull-request's inputs and outputs", () => {
  it("adds the body, signs off, reports the operation, head and branch, and closes with delete-branch", async () => {
    await server.addRepository("acme", "promo", {
      files: {
        "gitops-pipeline.yaml":
          "environments:\n  staging: { paths: [apps/*/overlays/staging], mode: commit }\n" +
          "  production: { paths: [apps/*/overlays/production], mode: pull-request }\n" +
          "promotion: [staging, production]\n",
        [overlay("staging")]: kustomization("2.0.0"),
        [overlay("production")]: kustomization("1.0.0"),
      },
    });
    const created = await run({
      body: "Promoted after the smoke tests.",
      signoff: "true",
      "maintainer-can-modify": "false",
    });
    expect(created.code, created.stdout).toBe(0);
    const pr = server.repo("acme", "promo").pulls[0]!;
    const head = await server.headOf("acme", "promo", pr.headRef);
    expect(created.outputs).toMatchObject({
      operation: "created",
      "pull-request-operation": "created",
      "pull-request-head-sha": head,
      "pull-request-branch": pr.headRef,
    });
    expect(pr.body).toContain("\n\nPromoted after the smoke tests.");
    expect(pr.maintainerCanModify).toBe(false);
    const bot = server.identity("gitops-bot");
    const commit = await server.repo("acme", "promo").git.readCommit(head!);
    expect(commit.message).toContain(`\n\nSigned-off-by: ${bot.name} <${bot.email}>`);

    // Production gets the version another way: nothing is left to promote.
    await server.commitFiles("acme", "promo", "main", { [overlay("production")]: kustomization("2.0.0") });
    const closed = await run({ "delete-branch": "true" });
    expect(closed.code, closed.stdout).toBe(0);
    expect(closed.outputs).toMatchObject({ operation: "closed", "pull-request-operation": "closed" });
    expect(server.repo("acme", "promo").pulls[0]!.state).toBe("closed");
    expect(await server.headOf("acme", "promo", pr.headRef)).toBeUndefined();
  });
});
