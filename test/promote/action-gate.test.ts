import { describe, expect, it } from "vitest";
import {
  ALWAYS,
  API,
  closedWindow,
  deployment,
  gateStatus,
  newRepo,
  octokit,
  proposed,
  pull,
  reviewEvent,
  run,
  server,
  setArgoStatus,
  useServer,
} from "./action-support.js";

useServer();

describe.concurrent("promote-env gate", () => {
  it("blocks on each unmet condition and names it", async () => {
    const repo = await newRepo(closedWindow());
    const { number, head, source } = await proposed(repo);
    await setArgoStatus(repo, source, "failure");
    await server.addReview("acme", repo, number, "alice", "APPROVED", { commitId: source }); // stale: before the push
    await server.addReview("acme", repo, number, "carol", "APPROVED");
    await server.addReview("acme", repo, number, "erin", "CHANGES_REQUESTED");
    // Someone edits the promotion to touch another file, and staging is rolled back meanwhile.
    await server.commitFiles("acme", repo, "promote/staging-to-production", {
      "README.md": "# config (edited)\n",
    });
    await server.commitFiles("acme", repo, "main", { [API("staging")]: deployment("2.2.9", "100m") });
    const newHead = (await server.headOf("acme", repo, "promote/staging-to-production"))!;
    const run1 = await run(repo, { mode: "gate", merge: "true" }, reviewEvent(number));
    expect(run1.code, run1.stdout).toBe(0);
    const reasons = JSON.parse(run1.outputs["gate-reasons"]!) as string[];
    expect(reasons).toHaveLength(6);
    expect(reasons[0]).toBe(
      `0 of 2 approvals by alice, @acme/platform on the latest commit ${newHead.slice(0, 7)}; ` +
        `alice approved an older commit ${source.slice(0, 7)}; carol approved an older commit ${head.slice(0, 7)}`,
    );
    expect(reasons[1]).toBe("erin requested changes");
    expect(reasons[2]).toMatch(
      /^outside the deployment window \w{3} 00:00-24:00 Pacific\/Kiritimati \(now \w{3} \d\d:\d\d Pacific\/Kiritimati\)$/,
    );
    expect(reasons[3]).toBe(
      `required status argocd/staging is failure on staging commit ${source.slice(0, 7)}`,
    );
    expect(reasons[4]).toBe("README.md is outside production's paths (apps/*/overlays/production)");
    expect(reasons[5]).toBe(
      `staging does not run ghcr.io/acme/api:2.3.0 (${API("production")}:10); app api runs 2.2.9 there now`,
    );
    expect(run1.outputs.operation).toBe("unchanged");
    expect(pull(repo, number).state).toBe("open");
    expect(await gateStatus(repo, newHead)).toMatchObject({
      state: "failure",
      description:
        "blocked: approvals 0/2; changes requested; outside window; status argocd/staging; unexpected changes; source moved",
    });
  });

  it("on schedule evaluates every open promotion to the environment, with reviewers from write access", async () => {
    const repo = await newRepo(ALWAYS, "[]");
    const { number, source } = await proposed(repo);
    await setArgoStatus(repo, source, "success");
    server.setPermission("acme", repo, "bob", "read");
    await server.addReview("acme", repo, number, "bob", "APPROVED");
    await server.addReview("acme", repo, number, "alice", "APPROVED");
    await server.addReview("acme", repo, number, "erin", "APPROVED");
    const scheduled = await run(
      repo,
      { mode: "gate" },
      { name: "schedule", payload: { schedule: "*/15 * * * *" } },
    );
    expect(scheduled.code, scheduled.stdout).toBe(0);
    expect(scheduled.outputs).toMatchObject({ gate: "open", "pull-request-number": String(number) });
    expect(JSON.parse(scheduled.outputs["approved-by"]!)).toEqual(["alice", "erin"]);
  });

  it("leaves pull requests it did not open alone", async () => {
    const repo = await newRepo();
    const main = (await server.headOf("acme", repo, "main"))!;
    await octokit.rest.git.createRef({ owner: "acme", repo, ref: "refs/heads/docs", sha: main });
    await server.commitFiles("acme", repo, "docs", { "README.md": "# docs\n" });
    const { data: pr } = await octokit.rest.pulls.create({
      owner: "acme",
      repo,
      head: "docs",
      base: "main",
      title: "Docs",
    });
    const other = await run(
      repo,
      { mode: "gate" },
      { name: "pull_request", payload: { action: "opened", pull_request: { number: pr.number } } },
    );
    expect(other.code, other.stdout).toBe(0);
    expect(other.outputs).toMatchObject({ gate: "", "pull-request-number": "" });
    expect(other.stdout).toContain(
      `pull request #${pr.number} is not an open promotion to production; nothing to gate`,
    );
    expect(await gateStatus(repo, pr.head.sha)).toBeUndefined();
    const named = await run(repo, { mode: "gate", "pull-request": String(pr.number) });
    expect(named.code, named.stdout).toBe(0);
    expect(named.stdout).toContain(`pull request #${pr.number} is not an open promotion to production`);
    const bad = await run(repo, { mode: "gate", "pull-request": "#12" });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`::error::input 'pull-request' must be a number, got "#12"`);
    expect(bad.stdout).toContain("Give the pull request's number (42)");
  });

  it("refuses a promotion dressed up as a rollback of its own head", async () => {
    const repo = await newRepo();
    const { number, head } = await proposed(repo);
    const disguised = `<!-- gitops-pipeline:promote-env {"kind":"rollback","from":"production","to":"production","revision":"${head}"} -->`;
    await octokit.rest.pulls.update({ owner: "acme", repo, pull_number: number, body: disguised });
    await server.addReview("acme", repo, number, "alice", "APPROVED");
    const gated = await run(repo, { mode: "gate", merge: "true" }, reviewEvent(number));
    expect(gated.code, gated.stdout).toBe(0);
    expect(JSON.parse(gated.outputs["gate-reasons"]!)).toEqual([
      "the rollback of production must come from branch rollback/production, not promote/staging-to-production",
      `rollback revision ${head.slice(0, 7)} is not in the history of main`,
    ]);
    expect(gated.outputs.operation).toBe("unchanged");
    expect(await gateStatus(repo, head)).toMatchObject({
      state: "failure",
      description: "blocked: not a valid promotion",
    });
  });

  it("as gate.yml runs it: pull_request_target evaluates that PR, and a finished gate-review run sweeps in the reviews", async () => {
    const repo = await newRepo(ALWAYS, "[]");
    const { number, head, source } = await proposed(repo);
    await setArgoStatus(repo, source, "success");
    const target = await run(
      repo,
      { mode: "gate" },
      {
        name: "pull_request_target",
        payload: {
          action: "synchronize",
          pull_request: { number, head: { ref: "promote/staging-to-production" } },
        },
      },
    );
    expect(target.code, target.stdout).toBe(0);
    expect(target.outputs).toMatchObject({ gate: "blocked", "pull-request-number": String(number) });
    expect(JSON.parse(target.outputs["gate-reasons"]!)[0]).toMatch(/^0 of 2 approvals/);
    expect(await gateStatus(repo, head)).toMatchObject({ state: "failure" });

    await server.addReview("acme", repo, number, "alice", "APPROVED");
    await server.addReview("acme", repo, number, "erin", "APPROVED");
    // gate-review.yml completed: the payload names the workflow run, not a pull request, so the gate sweeps.
    const swept = await run(
      repo,
      { mode: "gate" },
      {
        name: "workflow_run",
        payload: {
          action: "completed",
          workflow_run: { name: "gate-review", event: "pull_request_review", conclusion: "success" },
        },
      },
    );
    expect(swept.code, swept.stdout).toBe(0);
    expect(swept.outputs).toMatchObject({ gate: "open", "pull-request-number": String(number) });
    expect(await gateStatus(repo, head)).toMatchObject({ state: "success" });
  });
});
