import { afterAll, beforeAll, expect, it } from "vitest";
import { updateThroughGitHub } from "../../src/delivery/run.js";
import { createGitHubClient } from "../../src/github/client.js";
import { parseImageRef } from "../../src/image/index.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";
import { configRepoFiles } from "./fixtures.js";
let server: GitHubTestServer;
beforeAll(async () => { server = await startGitHubServer(); });
afterAll(async () => { await server?.close(); });
it("5 concurrent PR in-process", async () => {
  await server.addRepository("acme", "c", { files: configRepoFiles(["web","worker"]) });
  const t0 = Date.now();
  const log: string[] = [];
  const ops = await Promise.all([1,2,3,4,5].map(async (s) => {
    const logger = { debug() {}, info: (m: string) => log.push(`${Date.now() - t0} ${s} ${m}`), warning: (m: string) => log.push(`${Date.now() - t0} ${s} W ${m}`) };
    const mk = (w: number) => createGitHubClient({ token: server.token, baseUrl: server.url, logger, writeSpacingMs: w, id: String(s) });
    try {
    const r = await updateThroughGitHub({ images: [parseImageRef(`ghcr.io/acme/worker:7.0.0`)], environment: "production", paths: [], repository: { owner: "acme", repo: "c" }, config: "gitops-pipeline.yaml", labels: [], reviewers: [], teamReviewers: [], draft: false, autoMerge: false, allowMissing: false, dryRun: false }, { read: mk(0), write: mk(1000) }, logger);
    log.push(`${Date.now() - t0} ${s} DONE ${r.operation}`);
    return r.operation; } catch (e) { log.push(`${Date.now()-t0} ${s} ERR ${e}`); return "err"; }
  }));
  console.log(log.join("\n"));
  console.log(server.requests.map((r: any) => `${r.method} ${r.path} ${r.graphqlFields} ${r.status} ${r.durationMs}`).join("\n"));
  console.log("total", Date.now() - t0, ops);
}, 300000);
