import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoToken, useGitHubServer } from "../delivery/helpers.js";
import { runBundledAction } from "../support/action.js";
import type { GitHubTestServer } from "../support/github/index.js";
import { CONFIG, HistoryRepo, kustomization, overlay, SHA, trailers } from "./history-support.js";

// promote-env's record mode on a push to the config repository: the checkout (with history) says which environments
// changed; the deployments go to the GitHub API test server, checked against GitHub's description.

let server: GitHubTestServer;
useGitHubServer((started) => {
  server = started;
});

let repo: HistoryRepo;
afterAll(() => rm(repo.dir, { recursive: true, force: true }));
let first: string;
let bump: string;
let promotion: string;

beforeAll(async () => {
  await server.addRepository("acme", "deploy", { files: { "README.md": "placeholder\n" } });
  repo = await HistoryRepo.create("record-");
  first = await repo.commit("2026-03-01T00:00:00Z", "environments", {
    "gitops-pipeline.yaml": CONFIG,
    [overlay("dev")]: kustomization("1.0.0"),
    [overlay("staging")]: kustomization("1.0.0"),
  });
  bump = await repo.commit("2026-03-02T10:00:00Z", `web 1.1.0${trailers(SHA.a, "2026-03-02T09:00:00Z")}`, {
    [overlay("dev")]: kustomization("1.1.0"),
  });
  await repo.commit("2026-03-02T11:00:00Z", "docs", { "README.md": "notes\n" });
  promotion = await repo.commit("2026-03-02T12:00:00Z", "promote", {
    [overlay("staging")]: kustomization("1.1.0"),
  });
  // The server's repository holds the same history, as after the push.
  // Fetched into the bare repository (a push would run the server's receive hook for its own pushes).
  repo.git(
    undefined,
    `--git-dir=${server.repo("acme", "deploy").git.path}`,
    "fetch",
    "-q",
    "--force",
    repo.dir,
    "+main:refs/heads/main",
  );
});

function record(inputs: Record<string, string> = { mode: "record" }) {
  return runBundledAction("promote-env", {
    inputs: { token: server.token, "working-directory": repo.dir, ...inputs },
    event: {
      name: "push",
      payload: { before: first, after: promotion },
      ref: "refs/heads/main",
      sha: promotion,
    },
    env: {
      GITHUB_API_URL: server.url,
      GITHUB_GRAPHQL_URL: server.graphqlUrl,
      GITHUB_SERVER_URL: server.webUrl,
      GITHUB_REPOSITORY: "acme/deploy",
    },
  });
}

describe("promote-env record mode (bundle)", () => {
  it("records one deployment per environment change of the push, once", async () => {
    const run = await record();
    expectNoToken(run, server.token);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const recorded = JSON.parse(run.outputs.deployments!);
    expect(
      recorded.map((r: { environment: string; sha: string; created: boolean }) => [
        r.environment,
        r.sha,
        r.created,
      ]),
    ).toEqual([
      ["dev", bump, true],
      ["staging", promotion, true],
    ]);
    const deployments = server.repo("acme", "deploy").deployments;
    expect(deployments).toHaveLength(2);
    const staging = deployments.find((d) => d.environment === "staging")!;
    expect(staging.sha).toBe(promotion);
    // The promotion carries no trailer; its image traces back to the bump's source commit.
    expect(staging.payload).toEqual({
      images: ["ghcr.io/acme/web:1.1.0"],
      sourceCommits: [{ repository: "acme/web", sha: SHA.a, time: "2026-03-02T09:00:00Z" }],
      configCommit: promotion,
    });
    expect(run.summary).toContain(`| staging | ${promotion.slice(0, 7)} |`);

    const again = await record();
    expect(again.code, again.stdout).toBe(0);
    expect(JSON.parse(again.outputs.deployments!).map((r: { created: boolean }) => r.created)).toEqual([
      false,
      false,
    ]);
    expect(again.outputs.operation).toBe("unchanged");
    expect(server.repo("acme", "deploy").deployments).toHaveLength(2);
  });

  it("reports health on the newest deployment of an environment", async () => {
    const run = await record({ mode: "report-health", to: "staging", health: "failure" });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const staging = server.repo("acme", "deploy").deployments.find((d) => d.environment === "staging")!;
    expect(staging.statuses.map((status) => status.state)).toEqual(["failure"]);
    const missing = await record({ mode: "report-health", to: "production", health: "success" });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("acme/deploy has no deployment of production to report on");
  });
});
