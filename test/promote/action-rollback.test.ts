import { describe, expect, it } from "vitest";
import {
  API,
  deployment,
  gateStatus,
  kustomization,
  newRepo,
  octokit,
  proposed,
  pull,
  reviewEvent,
  run,
  server,
  setArgoStatus,
  useServer,
  WEB,
} from "./action-support.js";

useServer();

describe.concurrent("promote-env gate, merge and rollback", () => {
  it("gates, merges and records a promotion, then rolls it back through the same path with rollback-approvals", async () => {
    const repo = await newRepo();
    const { number, head, source } = await proposed(repo);
    await setArgoStatus(repo, source, "success");
    await server.addReview("acme", repo, number, "alice", "APPROVED");
    await server.addReview("acme", repo, number, "bob", "APPROVED"); // not a listed reviewer nor in the team
    await server.addReview("acme", repo, number, "gitops-bot", "APPROVED"); // the author
    const blocked = await run(repo, { mode: "gate" }, reviewEvent(number));
    expect(blocked.code, blocked.stdout).toBe(0);
    expect(blocked.outputs.gate).toBe("blocked");
    expect(JSON.parse(blocked.outputs["gate-reasons"]!)).toEqual([
      `1 of 2 approvals by alice, @acme/platform on the latest commit ${head.slice(0, 7)} (alice); ` +
        "bob does not count (not an allowed reviewer); gitops-bot does not count (author of the pull request)",
    ]);
    expect(await gateStatus(repo, head)).toMatchObject({
      state: "failure",
      description: "blocked: approvals 1/2",
    });
    expect(blocked.summary).toContain("| ❌ | approvals |");

    await server.addReview("acme", repo, number, "carol", "APPROVED"); // a member of @acme/platform
    const open = await run(
      repo,
      { mode: "gate", merge: "true", "record-deployment": "true" },
      reviewEvent(number),
    );
    expect(open.code, open.stdout).toBe(0);
    expect(open.outputs).toMatchObject({ gate: "open", "gate-reasons": "[]", operation: "merged" });
    expect(JSON.parse(open.outputs["approved-by"]!)).toEqual(["alice", "carol"]);
    expect(await gateStatus(repo, head)).toMatchObject({
      state: "success",
      description: "open: approved by alice, carol",
    });
    const merged = pull(repo, number);
    expect(merged.mergedAt).not.toBeNull();
    expect(await server.readFile("acme", repo, "main", WEB("production"))).toBe(
      kustomization("production", "sha-1a2b3c4", 6),
    );
    const { data: deployments } = await octokit.rest.repos.listDeployments({
      owner: "acme",
      repo,
      environment: "production",
    });
    expect(deployments).toHaveLength(1);
    expect(deployments[0]).toMatchObject({
      sha: merged.mergeCommitSha,
      environment: "production",
      payload: { images: ["ghcr.io/acme/api:2.3.0", "ghcr.io/acme/web:sha-1a2b3c4"], pullRequest: number },
    });
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
      owner: "acme",
      repo,
      deployment_id: deployments[0]!.id,
    });
    expect(statuses.map((s) => s.state)).toEqual(["success"]);

    // A later change that is not an image change must not be taken for the last promotion.
    await server.commitFiles("acme", repo, "main", { [API("production")]: deployment("2.3.0", '"4"') });

    const proposedRollback = await run(repo, { mode: "rollback" });
    expect(proposedRollback.code, proposedRollback.stdout).toBe(0);
    expect(proposedRollback.outputs.operation).toBe("created");
    const rollbackNumber = Number(proposedRollback.outputs["pull-request-number"]);
    const pr = pull(repo, rollbackNumber);
    expect(pr.headRef).toBe("rollback/production");
    expect(pr.labels).toEqual(["rollback", "env:production"]);
    expect(pr.title).toBe(`Roll back production to ${source.slice(0, 7)}: 2 images in 2 apps`);
    expect(await server.readFile("acme", repo, pr.headRef, API("production"))).toBe(
      deployment("2.2.1", '"4"'),
    );
    expect(await server.readFile("acme", repo, pr.headRef, WEB("production"))).toBe(
      kustomization("production", "sha-0f0e0d0", 6),
    );

    await server.addReview("acme", repo, rollbackNumber, "alice", "APPROVED");
    const gated = await run(
      repo,
      { mode: "gate", merge: "true", "record-deployment": "true" },
      reviewEvent(rollbackNumber),
    );
    expect(gated.code, gated.stdout).toBe(0);
    expect(gated.outputs).toMatchObject({ gate: "open", operation: "merged" });
    expect(await server.readFile("acme", repo, "main", API("production"))).toBe(deployment("2.2.1", '"4"'));
    const { data: history } = await octokit.rest.repos.listDeployments({ owner: "acme", repo });
    expect(history.map((d) => d.payload)).toEqual([
      { images: ["ghcr.io/acme/api:2.2.1", "ghcr.io/acme/web:sha-0f0e0d0"], pullRequest: rollbackNumber },
      { images: ["ghcr.io/acme/api:2.3.0", "ghcr.io/acme/web:sha-1a2b3c4"], pullRequest: number },
    ]);
  });

  it("rolls back to a given revision, and says so when there is nothing to go back to", async () => {
    const repo = await newRepo();
    const first = (await server.headOf("acme", repo, "main"))!;
    const nothing = await run(repo, { mode: "rollback" });
    expect(nothing.code).toBe(1);
    expect(nothing.stdout).toContain(
      "::error::found no earlier image references of production in the recent history of its files",
    );
    await server.commitFiles("acme", repo, "main", { [API("production")]: deployment("2.4.0", '"2"') });
    const dry = await run(repo, { mode: "rollback", revision: first, "dry-run": "true" });
    expect(dry.code, dry.stdout).toBe(0);
    expect(JSON.parse(dry.outputs.changes!)).toEqual([
      { file: API("production"), line: 10, image: "ghcr.io/acme/api", from: "2.4.0", to: "2.2.1" },
    ]);
    expect(server.repo("acme", repo).pulls).toEqual([]);
    const unknown = await run(repo, { mode: "rollback", revision: "v9.9.9" });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(
      `::error::revision "v9.9.9" is not a commit, branch or tag of acme/${repo}`,
    );
  });
});
