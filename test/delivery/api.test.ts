import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { updateThroughGitHub, type UpdateRequest } from "../../src/delivery/run.js";
import { createGitHubClient } from "../../src/github/client.js";
import { parseImageRef } from "../../src/image/index.js";
import type { Logger } from "../../src/logger.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";
import { configRepoFiles, kustomization } from "./fixtures.js";

let server: GitHubTestServer;
const messages: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: (m) => {
    messages.push(m);
    console.log(Date.now() % 100000, m);
  },
  warning: (m) => messages.push(`warning: ${m}`),
};

function clients() {
  const make = (writeSpacingMs: number) =>
    createGitHubClient({ token: server.token, baseUrl: server.url, logger, writeSpacingMs });
  return { read: make(0), write: make(0) };
}

let repoCount = 0;
async function newRepo(files = configRepoFiles(["web", "api", "worker"])): Promise<string> {
  const name = `deploy${++repoCount}`;
  await server.addRepository("acme", name, { files });
  return name;
}

function request(repo: string, overrides: Partial<UpdateRequest> = {}): UpdateRequest {
  return {
    images: [parseImageRef("ghcr.io/acme/web:1.4.2")],
    environment: "dev",
    paths: [],
    repository: { owner: "acme", repo },
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

beforeAll(async () => {
  server = await startGitHubServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  expect(server.violations).toEqual([]);
  server.faults.clear();
});

describe("API delivery, in process", () => {
  it("commits one verified commit in commit mode, with few requests", async () => {
    const repo = await newRepo();
    server.resetCounters();
    const result = await updateThroughGitHub(request(repo), clients(), logger);
    expect(result.operation).toBe("committed");
    expect(result.plan.changes).toEqual([
      { file: "apps/web/overlays/dev/kustomization.yaml", line: 8, image: "ghcr.io/acme/web", from: "1.0.0", to: "1.4.2" },
    ]);
    expect(await server.readFile("acme", repo, "main", "apps/web/overlays/dev/kustomization.yaml")).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );
    console.log(server.requests.map((r) => `${r.method} ${r.path} ${r.graphqlFields.join(",")} ${r.responseBytes}`));
    expect(server.count()).toBeLessThanOrEqual(4);
  });

  it("opens a pull request, then is unchanged, then updates it", async () => {
    const repo = await newRepo();
    const first = await updateThroughGitHub(request(repo, { environment: "staging" }), clients(), logger);
    expect(first.operation).toBe("created");
    expect(first.pullRequest?.number).toBeGreaterThan(0);
    const again = await updateThroughGitHub(request(repo, { environment: "staging" }), clients(), logger);
    expect(again.operation).toBe("unchanged");
    expect(again.pullRequest?.number).toBe(first.pullRequest?.number);
    const next = await updateThroughGitHub(
      request(repo, { environment: "staging", images: [parseImageRef("ghcr.io/acme/web:1.5.0")] }),
      clients(),
      logger,
    );
    expect(next.operation).toBe("updated");
    expect(next.pullRequest?.number).toBe(first.pullRequest?.number);
    expect(await server.readFile("acme", repo, "gitops/staging/acme-web", "apps/web/overlays/staging/kustomization.yaml")).toBe(
      kustomization("ghcr.io/acme/web", "1.5.0"),
    );
    expect(server.repo("acme", repo).pulls.filter((p) => p.state === "open")).toHaveLength(1);
  });
});
