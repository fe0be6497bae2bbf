import { describe, expect, it } from "vitest";
import { addCheckRun, addCheckSuite, checkSuitesOn } from "../support/github/checks.js";
import {
  API,
  deployment,
  gateStatus,
  kustomization,
  proposed,
  pull,
  reviewEvent,
  run,
  server,
  useServer,
  WEB,
} from "./action-support.js";

// require-status read from commit statuses, check runs and check suites on the commit the promotion branched
// from, through the bundle's gate. No approvals or windows here: the required reports alone open or block it.
useServer();

const short = (sha: string) => sha.slice(0, 7);
let count = 0;

async function repoRequiring(requirements: string[]): Promise<string> {
  const name = `checks${++count}`;
  await server.addRepository("acme", name, {
    files: {
      "gitops-pipeline.yaml": `environments:
  staging:
    paths: [apps/*/overlays/staging]
    mode: commit
  production:
    paths: [apps/*/overlays/production]
    require-status: ${JSON.stringify(requirements)}
promotion: [staging, production]
`,
      [WEB("staging")]: kustomization("staging", "sha-1a2b3c4", 1),
      [WEB("production")]: kustomization("production", "sha-0f0e0d0", 6),
      [API("staging")]: deployment("2.3.0", "100m"),
      [API("production")]: deployment("2.2.1", '"2"'),
    },
  });
  return name;
}

/** One gate pass on a review event, as gate.yml runs it; it must not merge while blocked. */
async function gate(repo: string, number: number, token?: string) {
  const gated = await run(repo, { mode: "gate", ...(token ? { token } : {}) }, reviewEvent(number));
  expect(gated.code, gated.stdout).toBe(0);
  return { gate: gated.outputs.gate, reasons: JSON.parse(gated.outputs["gate-reasons"]!) as string[] };
}

describe.concurrent("promote-env gate: required statuses and checks", () => {
  it("opens on a success commit status only; pending, error and failure block, and a missing one is named", async () => {
    const repo = await repoRequiring(["argocd/staging"]);
    const { created, number, head, source } = await proposed(repo);
    const on = `on staging commit ${short(source)}`;
    expect(JSON.parse(created.outputs["gate-reasons"]!)).toEqual([
      `required status argocd/staging not reported ${on}`,
    ]);
    for (const state of ["pending", "error", "failure"] as const) {
      await server.setStatus("acme", repo, source, "argocd/staging", state);
      expect(await gate(repo, number)).toEqual({
        gate: "blocked",
        reasons: [`required status argocd/staging is ${state} ${on}`],
      });
      expect(await gateStatus(repo, head)).toMatchObject({
        state: "failure",
        description: "blocked: status argocd/staging",
      });
    }
    await server.setStatus("acme", repo, source, "argocd/staging", "success");
    expect(await gate(repo, number)).toEqual({ gate: "open", reasons: [] });
    expect(await gateStatus(repo, head)).toMatchObject({ state: "success" });
    expect(pull(repo, number).state).toBe("open");
  });

  it("reads a check run by its name: the latest run counts, and only success opens", async () => {
    const repo = await repoRequiring(["smoke-test"]);
    const { number, source } = await proposed(repo);
    const on = `on staging commit ${short(source)}`;
    const smoke = (run: Parameters<typeof addCheckRun>[4]) => addCheckRun(server, "acme", repo, source, run);
    await smoke({ name: "smoke-test", status: "queued" });
    expect(await gate(repo, number)).toEqual({
      gate: "blocked",
      reasons: [`required status smoke-test is queued ${on} (check run)`],
    });
    for (const conclusion of ["failure", "timed_out", "neutral", "skipped"] as const) {
      await smoke({ name: "smoke-test", conclusion });
      const note = ["neutral", "skipped"].includes(conclusion)
        ? "; neutral and skipped verify nothing, so they do not count as success"
        : "";
      expect(await gate(repo, number)).toEqual({
        gate: "blocked",
        reasons: [`required status smoke-test is ${conclusion} ${on} (check run)${note}`],
      });
    }
    await smoke({ name: "smoke-test", conclusion: "success" });
    expect(await gate(repo, number)).toEqual({ gate: "open", reasons: [] });
    // A later workflow run of the same job fails: it replaces the green one.
    await smoke({ name: "smoke-test", conclusion: "failure", suite: "new" });
    expect(await gate(repo, number)).toEqual({
      gate: "blocked",
      reasons: [`required status smoke-test is failure ${on} (check run)`],
    });
  });

  it("reads only its kind with status: and check:, and a status and a check run of one name must both pass", async () => {
    const repo = await repoRequiring(["check:smoke-test", "status:argocd/staging", "image-scan"]);
    const { number, source } = await proposed(repo);
    const on = `on staging commit ${short(source)}`;
    // Reports of the right names but the other kind.
    await server.setStatus("acme", repo, source, "smoke-test", "success");
    await addCheckRun(server, "acme", repo, source, { name: "argocd/staging", conclusion: "success" });
    await server.setStatus("acme", repo, source, "image-scan", "success");
    await addCheckRun(server, "acme", repo, source, { name: "image-scan", conclusion: "failure" });
    expect(await gate(repo, number)).toEqual({
      gate: "blocked",
      reasons: [
        `required check run smoke-test not reported ${on}`,
        `required status argocd/staging not reported ${on}`,
        `required status image-scan is failure ${on} (commit status success, check run failure)`,
      ],
    });
    await addCheckRun(server, "acme", repo, source, { name: "smoke-test", conclusion: "success" });
    await server.setStatus("acme", repo, source, "argocd/staging", "success");
    await addCheckRun(server, "acme", repo, source, { name: "image-scan", conclusion: "success" });
    expect(await gate(repo, number)).toEqual({ gate: "open", reasons: [] });
  });

  it("pins a check run to its app: another app's later success overrides no failure, read past page 1", async () => {
    const repo = await repoRequiring(["check:smoke-test@scanner", "smoke-test"]);
    const { number, source } = await proposed(repo);
    const on = `on staging commit ${short(source)}`;
    // The pinned app's run fails first; then 120 newer workflow runs of another app report success under the same
    // name, so GitHub lists the failure (newest first) on the second page.
    await addCheckRun(server, "acme", repo, source, {
      name: "smoke-test",
      app: "scanner",
      conclusion: "failure",
    });
    for (let i = 0; i < 120; i++) {
      await addCheckRun(server, "acme", repo, source, {
        name: "smoke-test",
        conclusion: "success",
        suite: "new",
      });
    }
    expect(await gate(repo, number)).toEqual({
      gate: "blocked",
      reasons: [
        `required check run smoke-test (app scanner) is failure ${on} (check run)`,
        `required status smoke-test is failure ${on} (2 check runs)`,
      ],
    });
    // A success from an app that is not the pinned one (an imposter) changes nothing; the pinned app's re-run does.
    await addCheckRun(server, "acme", repo, source, {
      name: "smoke-test",
      app: "imposter",
      conclusion: "success",
    });
    expect((await gate(repo, number)).reasons[0]).toBe(
      `required check run smoke-test (app scanner) is failure ${on} (check run)`,
    );
    await addCheckRun(server, "acme", repo, source, {
      name: "smoke-test",
      app: "scanner",
      conclusion: "success",
    });
    expect(await gate(repo, number)).toEqual({ gate: "open", reasons: [] });
  });

  it("reads check suites by app slug, ignoring a suite the app never ran", async () => {
    const repo = await repoRequiring(["check-suite:trivy"]);
    const { number, source } = await proposed(repo);
    const on = `on staging commit ${short(source)}`;
    await addCheckSuite(server, "acme", repo, source, { app: "trivy" });
    expect(await gate(repo, number)).toEqual({
      gate: "blocked",
      reasons: [`required check suite trivy not reported ${on}`],
    });
    const scan = await addCheckRun(server, "acme", repo, source, {
      app: "trivy",
      suite: "new",
      name: "scan ghcr.io/acme/web",
      status: "in_progress",
    });
    expect(await gate(repo, number)).toEqual({
      gate: "blocked",
      reasons: [`required check suite trivy is in_progress ${on} (check suite)`],
    });
    await addCheckRun(server, "acme", repo, source, {
      app: "trivy",
      suite: scan.suiteId,
      name: "scan ghcr.io/acme/web",
      conclusion: "success",
    });
    expect(await gate(repo, number)).toEqual({ gate: "open", reasons: [] });
    // Another suite of the app that GitHub marked stale: every suite of the app must have succeeded.
    await addCheckRun(server, "acme", repo, source, {
      app: "trivy",
      suite: "new",
      name: "scan ghcr.io/acme/api",
    });
    const [stale] = checkSuitesOn(server, "acme", repo, source).slice(-1);
    stale!.status = "completed";
    stale!.conclusion = "stale";
    expect(await gate(repo, number)).toEqual({
      gate: "blocked",
      reasons: [`required check suite trivy is stale ${on} (2 check suites)`],
    });
  });

  it("tells a token without checks: read which permission to add, and status: needs none", async () => {
    const repo = await repoRequiring(["argocd/staging"]);
    const { number, source } = await proposed(repo);
    await server.setStatus("acme", repo, source, "argocd/staging", "success");
    const token = `ghs_nochecks${repo.padEnd(28, "0")}`;
    server.setToken(token, { login: "gitops-app", type: "app" });
    const refused = await run(repo, { mode: "gate", token }, reviewEvent(number));
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `::error::GitHub refused to read the check runs of ${short(source)} in acme/${repo} (403 Resource not accessible by integration)`,
    );
    expect(refused.stdout).toContain("Give the token `checks: read`");
    expect(refused.stdout).toContain("permission-checks: read");
    await server.commitFiles("acme", repo, "main", {
      "gitops-pipeline.yaml": (await server.readFile("acme", repo, "main", "gitops-pipeline.yaml"))!.replace(
        '["argocd/staging"]',
        '["status:argocd/staging"]',
      ),
    });
    // The promotion branched before the config changed: the gate reads the policy on the base branch now.
    expect(await gate(repo, number, token)).toEqual({ gate: "open", reasons: [] });
  });
});
