import { afterAll, beforeAll, expect, it } from "vitest";
import { runBundledAction } from "../support/action.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";
import { configRepoFiles } from "./fixtures.js";
let server: GitHubTestServer;
beforeAll(async () => { server = await startGitHubServer(); });
afterAll(async () => { await server?.close(); });
it("5 concurrent PR bundle", async () => {
  await server.addRepository("acme", "c", { files: configRepoFiles(["web","worker"]) });
  const t0 = Date.now();
  const runs = await Promise.all([1,2,3,4,5].map(async (s) => {
    const r = await runBundledAction("update-manifest-tag", { inputs: { token: server.token, images: "ghcr.io/acme/worker:7.0.0", environment: "production" }, env: { GITHUB_API_URL: server.url, GITHUB_GRAPHQL_URL: server.graphqlUrl, GITHUB_SERVER_URL: server.webUrl, GITHUB_REPOSITORY: "acme/c" } });
    console.log(Date.now() - t0, s, r.code, r.outputs.operation, r.stdout.slice(-1500), r.stderr.slice(-500));
    return r;
  }));
  console.log(server.requests.map((r: any) => `${r.method} ${r.path} ${r.graphqlFields} ${r.status} ${r.durationMs}`).join("\n"));
  console.log("total", Date.now() - t0);
}, 300000);
