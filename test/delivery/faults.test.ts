import { describe, expect, it } from "vitest";
import type { ActionRun } from "../support/action.js";
import type { GitHubTestServer } from "../support/github/index.js";
import { configRepoFiles, kustomization } from "./fixtures.js";
import { OVERLAY, runUpdateAction, useGitHubServer } from "./helpers.js";

// Every failure GitHub really produces, through the bundle: the change lands, or the run fails with a message that
// says how to fix it and the repository is exactly as before.
let server: GitHubTestServer;
let repoCount = 0;

useGitHubServer((started) => {
  server = started;
});

async function newRepo(): Promise<string> {
  const name = `faults${++repoCount}`;
  await server.addRepository("acme", name, { files: configRepoFiles(["web", "api"]) });
  return name;
}

const bump = { images: "ghcr.io/acme/web:1.4.2", environment: "dev" };

async function branches(repo: string): Promise<Map<string, string>> {
  return server.repo("acme", repo).git.listRefs();
}

function expectFailure(result: ActionRun, ...phrases: string[]): void {
  expect(result.code, result.stdout).toBe(1);
  const error = result.stdout.split("\n").find((line) => line.startsWith("::error::")) ?? "";
  for (const phrase of phrases) expect(error).toContain(phrase);
}

describe("faults end in a landed change", () => {
  it("waits out a secondary rate limit (retry-after) on the commit", async () => {
    const repo = await newRepo();
    const fault = server.faults.inject(
      { operation: "graphql:createCommitOnBranch" },
      { kind: "secondary-rate-limit", retryAfter: 1 },
    );
    const result = await runUpdateAction(server, repo, bump);
    expect(result.code, result.stdout).toBe(0);
    expect(fault.fired).toBe(1);
    expect(result.outputs.operation).toBe("committed");
    expect(await server.readFile("acme", repo, "main", OVERLAY("web", "dev"))).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );
  });

  it("waits for the primary rate limit to reset and retries a 502", async () => {
    const repo = await newRepo();
    const limit = server.faults.inject({ operation: "graphql" }, { kind: "rate-limit", resetIn: 1 });
    const gateway = server.faults.inject(
      { operation: "graphql:createCommitOnBranch" },
      { kind: "server-error", status: 502 },
    );
    const result = await runUpdateAction(server, repo, bump);
    expect(result.code, result.stdout).toBe(0);
    expect([limit.fired, gateway.fired]).toEqual([1, 1]);
    expect(await server.readFile("acme", repo, "main", OVERLAY("web", "dev"))).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );
  });

  it("re-applies the edit when the branch moves between read and write, keeping the other change", async () => {
    const repo = await newRepo();
    const moved = server.faults.inject(
      { operation: "graphql:createCommitOnBranch" },
      { kind: "branch-moves", owner: "acme", repo, files: { "docs/other.md": "someone else\n" } },
    );
    const result = await runUpdateAction(server, repo, bump);
    expect(result.code, result.stdout).toBe(0);
    expect(moved.fired).toBe(1);
    expect(await server.readFile("acme", repo, "main", "docs/other.md")).toBe("someone else\n");
    expect(await server.readFile("acme", repo, "main", OVERLAY("web", "dev"))).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );
  });

  it("plans again when the concurrent change touched the same file", async () => {
    const repo = await newRepo();
    const edited = kustomization("ghcr.io/acme/web", "1.3.0").replace(
      "# deployed by the pipeline",
      "# edited meanwhile",
    );
    server.faults.inject(
      { operation: "graphql:createCommitOnBranch" },
      { kind: "branch-moves", owner: "acme", repo, files: { [OVERLAY("web", "dev")]: edited } },
    );
    const result = await runUpdateAction(server, repo, bump);
    expect(result.code, result.stdout).toBe(0);
    expect(JSON.parse(result.outputs.changes!)[0]).toMatchObject({ from: "1.3.0", to: "1.4.2" });
    expect(await server.readFile("acme", repo, "main", OVERLAY("web", "dev"))).toBe(
      edited.replace('"1.3.0"', '"1.4.2"'),
    );
  });
});

describe("faults end in a clear error with nothing written", () => {
  it("401: names the token", async () => {
    const repo = await newRepo();
    const before = await branches(repo);
    const result = await runUpdateAction(server, repo, {
      ...bump,
      token: "ghs_revoked0000000000000000000000000000",
    });
    expectFailure(result, "token was not accepted", "not expired and not revoked");
    expect(await branches(repo)).toEqual(before);
  });

  it("403 Resource not accessible by integration: names the permissions block", async () => {
    const repo = await newRepo();
    const before = await branches(repo);
    server.faults.inject({ operation: "graphql:createCommitOnBranch" }, { kind: "not-accessible" });
    const result = await runUpdateAction(server, repo, bump);
    expectFailure(result, "lacks a permission", "permissions: { contents: write }");
    expect(await branches(repo)).toEqual(before);
  });

  it("403 GitHub Actions is not permitted to create pull requests: names the setting and removes its branch", async () => {
    const repo = await newRepo();
    const before = await branches(repo);
    server.faults.inject({ operation: "pulls/create" }, { kind: "actions-cannot-create-pr" });
    const result = await runUpdateAction(server, repo, { ...bump, environment: "staging" });
    expectFailure(result, "Allow GitHub Actions to create and approve pull requests");
    expect(await branches(repo)).toEqual(before);
    expect(server.repo("acme", repo).pulls).toEqual([]);
  });

  it("a refused commit leaves an open pull request's branch where it was", async () => {
    const repo = await newRepo();
    const opened = await runUpdateAction(server, repo, { ...bump, environment: "staging" });
    expect(opened.outputs.operation).toBe("created");
    const before = await branches(repo);
    server.faults.inject({ operation: "graphql:createCommitOnBranch" }, { kind: "not-accessible" });
    const refused = await runUpdateAction(server, repo, {
      images: "ghcr.io/acme/web:1.5.0",
      environment: "staging",
    });
    expectFailure(refused, "pull-requests: write");
    expect(await branches(repo)).toEqual(before);
  });

  it("404: the repository is missing or the token cannot see it", async () => {
    const result = await runUpdateAction(server, "nowhere", { ...bump, repository: "acme/nowhere" });
    expectFailure(result, "acme/nowhere", "not found", "GitHub App installation token");
  });

  it("422 from branch protection: suggests pull-request mode", async () => {
    const repo = await newRepo();
    server.protectBranch(server.repo("acme", repo), "main", { requirePullRequest: true });
    const before = await branches(repo);
    const result = await runUpdateAction(server, repo, bump);
    expectFailure(result, "branch protection refused", "mode: pull-request");
    expect(await branches(repo)).toEqual(before);
  });

  it("5xx that does not go away: fails after bounded retries", async () => {
    const repo = await newRepo();
    const before = await branches(repo);
    const gateway = server.faults.inject(
      { operation: "graphql:createCommitOnBranch" },
      { kind: "server-error", status: 502 },
      { times: 100 },
    );
    const result = await runUpdateAction(server, repo, bump);
    expectFailure(result, "GitHub kept failing (502");
    expect(gateway.fired).toBe(3);
    expect(await branches(repo)).toEqual(before);
  });
});

describe("pull request extras", () => {
  it("turns refused reviewers and auto-merge into warnings naming the setting, not a lost update", async () => {
    const repo = await newRepo();
    const result = await runUpdateAction(server, repo, {
      ...bump,
      environment: "production",
      reviewers: "nobody-here",
      "auto-merge": "squash",
      draft: "true",
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.operation).toBe("created");
    const warnings = result.stdout.split("\n").filter((line) => line.startsWith("::warning::"));
    expect(warnings.some((w) => w.includes("could not request reviewers"))).toBe(true);
    expect(
      warnings.some((w) => w.includes("could not enable auto-merge") && w.includes("Allow auto-merge")),
    ).toBe(true);
    expect(result.summary).toContain("**Warnings**");
    expect(server.repo("acme", repo).pulls[0]!.draft).toBe(true);
  });

  it("enables auto-merge when the base branch requires a check", async () => {
    const repo = await newRepo();
    server.protectBranch(server.repo("acme", repo), "main", { requiredStatusChecks: ["ci"] });
    const result = await runUpdateAction(server, repo, {
      ...bump,
      environment: "staging",
      "auto-merge": "rebase",
    });
    expect(result.code, result.stdout).toBe(0);
    expect(server.repo("acme", repo).pulls[0]!.autoMerge?.method).toBe("REBASE");
  });
});

describe("bad input fails before anything is written", () => {
  it("refuses an image referenced nowhere unless allow-missing, and unusable inputs", async () => {
    const repo = await newRepo();
    const before = await branches(repo);
    const missing = await runUpdateAction(server, repo, {
      images: "ghcr.io/acme/nothere:1.0.0",
      environment: "dev",
    });
    expectFailure(
      missing,
      "not referenced under apps/*/overlays/dev: ghcr.io/acme/nothere:1.0.0",
      "allow-missing",
    );
    const both = await runUpdateAction(server, repo, { ...bump, paths: "apps/web" });
    expectFailure(both, "exactly one of the inputs 'environment' and 'paths'");
    const badRef = await runUpdateAction(server, repo, {
      images: "ghcr.io/Acme/web:1.0",
      environment: "dev",
    });
    expectFailure(badRef, "must be lowercase");
    const unknown = await runUpdateAction(server, repo, {
      images: "ghcr.io/acme/web:1.4.2",
      environment: "qa",
    });
    expectFailure(unknown, "qa");
    expect(await branches(repo)).toEqual(before);

    const allowed = await runUpdateAction(server, repo, {
      images: "ghcr.io/acme/nothere:1.0.0\nghcr.io/acme/web:1.4.2",
      environment: "dev",
      "allow-missing": "true",
    });
    expect(allowed.code, allowed.stdout).toBe(0);
    expect(allowed.outputs.operation).toBe("committed");
    expect(allowed.stdout).toContain(
      "::warning::not referenced under apps/*/overlays/dev (allowed): ghcr.io/acme/nothere:1.0.0",
    );
  });
});
