import { afterAll, beforeAll, expect, it } from "vitest";
import { updateThroughGitHub } from "../../src/delivery/run.js";
import { createGitHubClient } from "../../src/github/client.js";
import { parseImageRef } from "../../src/image/index.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";
import { configRepoFiles } from "./fixtures.js";
let server: GitHubTestServer;
beforeAll(async () => { server = await startGitHubServer(); });
afterAll(async () => { await server?.close(); });
it("20 concurrent in-process", async () => {
  const services = Array.from({ length: 20 }, (_, i) => `svc${i}`);
  await server.addRepository("acme", "c", { files: configRepoFiles(services) });
  const t0 = Date.now();
  const log: string[] = [];
  await Promise.all(services.map(async (s) => {
    const logger = { debug() {}, info: (m: string) => log.push(`${Date.now() - t0} ${s} ${m}`), warning: (m: string) => log.push(`${Date.now() - t0} ${s} W ${m}`) };
    const mk = (w: number) => createGitHubClient({ token: server.token, baseUrl: server.url, logger, writeSpacingMs: w, id: s });
    await updateThroughGitHub({ images: [parseImageRef(`ghcr.io/acme/${s}:3.0.0`)], environment: "dev", paths: [], repository: { owner: "acme", repo: "c" }, config: "gitops-pipeline.yaml", labels: [], reviewers: [], teamReviewers: [], draft: false, autoMerge: false, allowMissing: false, dryRun: false }, { read: mk(0), write: mk(1000) }, logger);
  }));
  console.log(log.join("\n"));
  const durations = server.requests.map((r: any) => r.durationMs);
  console.log("requests", server.requests.length, "avg ms", durations.reduce((a: number, b: number) => a + b, 0) / durations.length, "max", Math.max(...durations));
  console.log("total", Date.now() - t0);
}, 300000);
