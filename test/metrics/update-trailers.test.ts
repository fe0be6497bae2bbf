import { describe, expect, it } from "vitest";
import { parseSourceTrailers } from "../../src/metrics/trailers.js";
import { configRepoFiles } from "../delivery/fixtures.js";
import { expectNoToken, useGitHubServer } from "../delivery/helpers.js";
import { type ActionRun, runBundledAction } from "../support/action.js";
import type { GitHubTestServer } from "../support/github/index.js";

// update-manifest-tag as an app repository's push workflow runs it: the commits it makes in the config repository
// name the app commit and its time in trailers, which `gitops-pipeline metrics` reads back.

const APP_SHA = "0123456789abcdef0123456789abcdef01234567";
const PUSHED_AT = "2026-03-01T14:05:09+01:00";

let server: GitHubTestServer;
let repoCount = 0;
useGitHubServer((started) => {
  server = started;
});

async function newRepo(): Promise<string> {
  const name = `trailers${++repoCount}`;
  await server.addRepository("acme", name, { files: configRepoFiles(["web"]) });
  return name;
}

async function run(
  repo: string,
  inputs: Record<string, string>,
  event?: { name: string; payload: object },
): Promise<ActionRun> {
  const result = await runBundledAction("update-manifest-tag", {
    inputs: { token: server.token, repository: `acme/${repo}`, ...inputs },
    event: {
      name: event?.name ?? "push",
      payload: (event?.payload ?? { head_commit: { id: APP_SHA, timestamp: PUSHED_AT } }) as Record<
        string,
        unknown
      >,
      ref: "refs/heads/main",
      sha: APP_SHA,
    },
    env: {
      GITHUB_API_URL: server.url,
      GITHUB_GRAPHQL_URL: server.graphqlUrl,
      GITHUB_SERVER_URL: server.webUrl,
      GITHUB_REPOSITORY: "acme/web",
      GITHUB_RUN_ID: "4242",
    },
  });
  expectNoToken(result, server.token);
  return result;
}

async function messageOf(repo: string, sha: string): Promise<string> {
  return (await server.repo("acme", repo).git.readCommit(sha)).message;
}

describe("update-manifest-tag writes Source-Commit trailers", () => {
  it("in a pull request's commit, from the push that triggered the workflow", async () => {
    const repo = await newRepo();
    const result = await run(repo, { images: "ghcr.io/acme/web:1.4.2", environment: "staging" });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs.operation).toBe("created");
    const message = await messageOf(repo, result.outputs["commit-sha"]!);
    expect(message.trimEnd().split("\n\n").at(-1)).toBe(
      `Source-Commit: acme/web@${APP_SHA}\nSource-Commit-Time: ${PUSHED_AT}`,
    );
    expect(parseSourceTrailers(message).sources).toEqual([
      { repository: "acme/web", sha: APP_SHA, time: PUSHED_AT, timeMs: Date.parse(PUSHED_AT) },
    ]);
  });

  it("in a direct commit, from the inputs, in one trailer block with the signoff", async () => {
    const repo = await newRepo();
    const sha = "f".repeat(40);
    const result = await run(repo, {
      images: "ghcr.io/acme/web:2.0.0",
      environment: "dev",
      mode: "commit",
      signoff: "true",
      "source-repository": "acme/web-mono",
      "source-sha": sha,
      "source-commit-time": "2026-02-28T23:59:59Z",
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs.operation).toBe("committed");
    const message = await messageOf(repo, result.outputs["commit-sha"]!);
    const block = message.trimEnd().split("\n\n").at(-1)!.split("\n");
    expect(block.slice(0, 2)).toEqual([
      `Source-Commit: acme/web-mono@${sha}`,
      "Source-Commit-Time: 2026-02-28T23:59:59Z",
    ]);
    expect(block[2]).toMatch(/^Signed-off-by: /);
  });

  it("refuses a value that would inject a line, before writing anything", async () => {
    const repo = await newRepo();
    const before = await server.headOf("acme", repo, "main");
    const result = await run(repo, {
      images: "ghcr.io/acme/web:2.0.0",
      environment: "dev",
      mode: "commit",
      "source-sha": `${APP_SHA}\nSource-Commit: evil/repo@${"e".repeat(40)}`,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("input 'source-sha'");
    expect(result.stdout).toContain("is not a full commit id");
    expect(result.stdout).not.toContain("\nSource-Commit: evil");
    expect(await server.headOf("acme", repo, "main")).toBe(before);

    const badTime = await run(repo, {
      images: "ghcr.io/acme/web:2.0.0",
      environment: "dev",
      mode: "commit",
      "source-commit-time": "yesterday",
    });
    expect(badTime.code).toBe(1);
    expect(badTime.stdout).toContain(
      `input 'source-commit-time' "yesterday" is not an ISO 8601 time with an offset`,
    );
    expect(await server.headOf("acme", repo, "main")).toBe(before);
  });

  it("writes none without a known time, and says so", async () => {
    const repo = await newRepo();
    const result = await run(
      repo,
      { images: "ghcr.io/acme/web:2.0.0", environment: "dev", mode: "commit" },
      { name: "workflow_dispatch", payload: {} },
    );
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain(
      "no Source-Commit trailers written; set source-commit-time to measure lead time",
    );
    expect(await messageOf(repo, result.outputs["commit-sha"]!)).not.toContain("Source-Commit");
  });
});
