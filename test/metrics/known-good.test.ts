import { rm } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { expectNoToken } from "../delivery/helpers.js";
import {
  API,
  deployment,
  newRepo,
  octokit,
  pull,
  run,
  server,
  useServer,
} from "../promote/action-support.js";
import { runBundledAction } from "../support/action.js";
import { CONFIG, HistoryRepo, kustomization, overlay } from "./history-support.js";

// promote-env in API mode reads the deployments GitHub recorded and their statuses: a rollback returns to the last
// deployment reported healthy, and metrics count a deployment reported as failed. All through the bundle, against
// the GitHub API test server (requests and responses checked against GitHub's description).

useServer();

/** A deployment as record mode leaves it, with the statuses a health report sets (oldest first). */
async function recorded(repo: string, environment: string, sha: string, states: ("success" | "failure")[]) {
  const { data } = await octokit.rest.repos.createDeployment({
    owner: "acme",
    repo,
    ref: sha,
    environment,
    auto_merge: false,
    required_contexts: [],
    payload: { images: [], sourceCommits: [], configCommit: sha },
  });
  if (!("id" in data)) throw new Error("deployment not created");
  for (const state of states) {
    await octokit.rest.repos.createDeploymentStatus({ owner: "acme", repo, deployment_id: data.id, state });
  }
  return data.id;
}

/** production's api goes 2.2.1 → 2.3.0 → 2.4.0 → 2.5.0, each change recorded as a deployment with these statuses. */
async function threeDeployments(
  states: [("success" | "failure")[], ("success" | "failure")[], ("success" | "failure")[]],
) {
  const repo = await newRepo();
  const commits: string[] = [];
  const ids: number[] = [];
  for (const [index, tag] of ["2.3.0", "2.4.0", "2.5.0"].entries()) {
    const sha = await server.commitFiles("acme", repo, "main", {
      [API("production")]: deployment(tag, '"2"'),
    });
    commits.push(sha);
    ids.push(await recorded(repo, "production", sha, states[index]!));
  }
  return { repo, commits, ids };
}

describe.concurrent("promote-env rollback to the last known-good deployment (bundle)", () => {
  it("returns to the last deployment reported success, past a failed one, and says which and why", async () => {
    const { repo, commits, ids } = await threeDeployments([["success"], ["success", "failure"], ["failure"]]);
    const result = await run(repo, { mode: "rollback" });
    expect(result.code, result.stdout).toBe(0);
    expect(JSON.parse(result.outputs.changes!)).toEqual([
      { file: API("production"), line: 10, image: "ghcr.io/acme/api", from: "2.5.0", to: "2.3.0" },
    ]);
    const pr = pull(repo, Number(result.outputs["pull-request-number"]));
    expect(await server.readFile("acme", repo, pr.headRef, API("production"))).toBe(
      deployment("2.3.0", '"2"'),
    );
    const why =
      `Why this point: deployment ${ids[0]} of production (config commit ${commits[0]!.slice(0, 7)}) is the last ` +
      "known-good one: the newest before the current deployment whose status is success; " +
      `newer deployments: ${ids[2]} (failure), ${ids[1]} (failure).`;
    expect(pr.body).toContain(why);
    expect(result.summary).toContain(why);
  });

  it("returns to the previous references when no deployment reports success", async () => {
    const { repo, commits } = await threeDeployments([[], [], []]);
    const result = await run(repo, { mode: "rollback", "dry-run": "true" });
    expect(result.code, result.stdout).toBe(0);
    expect(JSON.parse(result.outputs.changes!)).toEqual([
      { file: API("production"), line: 10, image: "ghcr.io/acme/api", from: "2.5.0", to: "2.4.0" },
    ]);
    expect(result.summary).toContain(
      "Why this point: no deployment of production before the current one is known good (reported success), so the " +
        `references production ran before its image references last changed in ${commits[2]!.slice(0, 7)}.`,
    );
  });
});

describe("promote-env metrics with GitHub's deployment statuses (bundle)", () => {
  let history: HistoryRepo;
  afterAll(() => rm(history.dir, { recursive: true, force: true }));

  it("counts a deployment reported as failure that git alone sees as fixed forward, not failed", async () => {
    await server.addRepository("acme", "history", { files: { "README.md": "placeholder\n" } });
    history = await HistoryRepo.create("known-good-");
    await history.commit("2026-03-01T00:00:00Z", "environments", {
      "gitops-pipeline.yaml": CONFIG,
      [overlay("staging")]: kustomization("1.0.0"),
    });
    const broken = await history.commit("2026-03-02T10:00:00Z", "web 1.1.0", {
      [overlay("staging")]: kustomization("1.1.0"),
    });
    const fixed = await history.commit("2026-03-02T13:00:00Z", "web 1.2.0", {
      [overlay("staging")]: kustomization("1.2.0"),
    });
    history.git(
      undefined,
      `--git-dir=${server.repo("acme", "history").git.path}`,
      "fetch",
      "-q",
      "--force",
      history.dir,
      "+main:refs/heads/main",
    );
    await recorded("history", "staging", broken, ["failure"]);
    await recorded("history", "staging", fixed, ["success"]);

    const metrics = (token: string) =>
      runBundledAction("promote-env", {
        inputs: {
          mode: "metrics",
          token,
          to: "staging",
          since: "2026-03-01",
          until: "2026-03-08",
          "working-directory": history.dir,
        },
        env: {
          GITHUB_API_URL: server.url,
          GITHUB_GRAPHQL_URL: server.graphqlUrl,
          GITHUB_SERVER_URL: server.webUrl,
          GITHUB_REPOSITORY: "acme/history",
        },
      });
    const offline = await metrics("");
    expect(offline.code, offline.stdout + offline.stderr).toBe(0);
    const fromGit = JSON.parse(offline.outputs.metrics!).environments[0];
    expect(fromGit).toMatchObject({ name: "staging", failedDeployments: 0 });

    const online = await metrics(server.token);
    expect(online.code, online.stdout + online.stderr).toBe(0);
    expectNoToken(online, server.token);
    const withStatuses = JSON.parse(online.outputs.metrics!).environments[0];
    expect(withStatuses).toMatchObject({
      name: "staging",
      deployments: fromGit.deployments,
      failedDeployments: 1,
      changeFailureRate: Number((1 / fromGit.deployments).toFixed(3)),
      timeToRestoreHours: { median: 3, samples: 1 },
    });
    expect(online.stdout).toContain(
      "read the statuses of 2 recorded deployment(s) on GitHub; 1 report failure or error",
    );
  });
});
