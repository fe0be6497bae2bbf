import { describe, expect, it } from "vitest";
import {
  ALWAYS,
  API,
  config,
  deployment,
  gateStatus,
  kustomization,
  newRepo,
  octokit,
  proposed,
  pull,
  run,
  server,
  useServer,
  WEB,
} from "./action-support.js";

useServer();

describe.concurrent("promote-env propose", () => {
  it("opens one pull request per edge, leaves it on a re-run, and updates it in place on a new staging tag", async () => {
    const repo = await newRepo();
    const { created, number, head } = await proposed(repo);
    expect(created.outputs.operation).toBe("created");
    expect(JSON.parse(created.outputs.changes!)).toEqual([
      { file: API("production"), line: 10, image: "ghcr.io/acme/api", from: "2.2.1", to: "2.3.0" },
      {
        file: WEB("production"),
        line: 11,
        image: "ghcr.io/acme/web",
        from: "sha-0f0e0d0",
        to: "sha-1a2b3c4",
      },
    ]);
    const pr = pull(repo, number);
    expect(pr.headRef).toBe("promote/staging-to-production");
    expect(pr.title).toBe("Promote staging to production: 2 images in 2 apps");
    expect(pr.labels).toEqual(["promotion", "env:production"]);
    expect(pr.requestedReviewers).toEqual(["alice"]);
    expect(pr.requestedTeams).toEqual(["platform"]);
    expect(pr.body).toContain(
      `| web | \`ghcr.io/acme/web\` | [\`sha-0f0e0d0\`](${server.webUrl}/acme/web/commit/0f0e0d0) → [\`sha-1a2b3c4\`](${server.webUrl}/acme/web/commit/1a2b3c4) |`,
    );
    expect(pr.body).toContain("| api | `ghcr.io/acme/api` | `2.2.1` → `2.3.0` |");
    // Only the image bytes differ; replicas and resources stay production's.
    expect(await server.readFile("acme", repo, pr.headRef, WEB("production"))).toBe(
      kustomization("production", "sha-1a2b3c4", 6),
    );
    expect(await server.readFile("acme", repo, pr.headRef, API("production"))).toBe(
      deployment("2.3.0", '"2"'),
    );
    expect(created.outputs.gate).toBe("blocked");
    expect(JSON.parse(created.outputs["gate-reasons"]!)).toEqual([
      "0 of 2 approvals by alice, @acme/platform on the latest commit " + head.slice(0, 7),
      `required status argocd/staging not reported on staging commit ${(await server.repo("acme", repo).git.readCommit(head)).parents[0]!.slice(0, 7)}`,
    ]);
    expect(await gateStatus(repo, head)).toMatchObject({
      state: "pending",
      description: "blocked: approvals 0/2; status argocd/staging",
      target_url: `${server.webUrl}/acme/${repo}/actions/runs/77`,
    });
    expect(created.summary).toContain("### Promotion staging → production: created");

    const again = await run(repo, {});
    expect(again.outputs.operation).toBe("unchanged");
    expect(again.outputs["pull-request-number"]).toBe(String(number));
    expect(await server.headOf("acme", repo, pr.headRef)).toBe(head);

    await server.commitFiles("acme", repo, "main", {
      [WEB("staging")]: kustomization("staging", "sha-5e6f7a8", 1),
    });
    const updated = await run(repo, {});
    expect(updated.outputs.operation).toBe("updated");
    expect(updated.outputs["pull-request-number"]).toBe(String(number));
    expect(server.repo("acme", repo).pulls.filter((p) => p.state === "open")).toHaveLength(1);
    expect(await server.readFile("acme", repo, pr.headRef, WEB("production"))).toBe(
      kustomization("production", "sha-5e6f7a8", 6),
    );
    expect(pull(repo, number).body).toContain("[`sha-5e6f7a8`]");
  });

  it("promotes a subset with apps and images, and a dry run writes nothing", async () => {
    const repo = await newRepo();
    const dry = await run(repo, { apps: "api", "dry-run": "true" });
    expect(dry.code, dry.stdout).toBe(0);
    expect(JSON.parse(dry.outputs.changes!)).toEqual([
      { file: API("production"), line: 10, image: "ghcr.io/acme/api", from: "2.2.1", to: "2.3.0" },
    ]);
    expect(dry.stdout).toContain("+          image: ghcr.io/acme/api:2.3.0");
    expect(server.repo("acme", repo).pulls).toEqual([]);
    const bad = await run(repo, { images: "ghcr.io/acme/cart" });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('::error::image filter "ghcr.io/acme/cart" matches no image in staging');
    const unknown = await run(repo, { to: "qa" });
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(
      "::error::gitops-pipeline.yaml: environment 'qa' is not defined in gitops-pipeline.yaml",
    );
  });

  it("commits a promotion straight onto a commit-mode target and records it", async () => {
    const repo = await newRepo();
    await server.commitFiles("acme", repo, "main", {
      "gitops-pipeline.yaml": config(ALWAYS).replace("approvals: 2\n", "mode: commit\n    approvals: 2\n"),
    });
    const committed = await run(repo, { "record-deployment": "true" });
    expect(committed.code, committed.stdout).toBe(0);
    expect(committed.outputs.operation).toBe("committed");
    const main = (await server.headOf("acme", repo, "main"))!;
    expect(server.repo("acme", repo).verified.has(main)).toBe(true);
    const { data: deployments } = await octokit.rest.repos.listDeployments({ owner: "acme", repo });
    expect(deployments).toMatchObject([{ sha: main, environment: "production" }]);
  });

  it("merges at once when the gate is already open (no approvals, windows or statuses required)", async () => {
    const repo = await newRepo();
    await server.commitFiles("acme", repo, "main", {
      "gitops-pipeline.yaml": config(ALWAYS)
        .replace("approvals: 2", "approvals: 0")
        .replace('    require-status: ["argocd/staging"]\n', ""),
    });
    const merged = await run(repo, { merge: "true", "merge-method": "squash", "record-deployment": "true" });
    expect(merged.code, merged.stdout).toBe(0);
    expect(merged.outputs).toMatchObject({ operation: "merged", gate: "open", "approved-by": "[]" });
    const pr = pull(repo, Number(merged.outputs["pull-request-number"]));
    expect(pr.mergedAt).not.toBeNull();
    expect(await server.readFile("acme", repo, "main", API("production"))).toBe(deployment("2.3.0", '"2"'));
    const { data: deployments } = await octokit.rest.repos.listDeployments({ owner: "acme", repo });
    expect(deployments).toMatchObject([{ sha: pr.mergeCommitSha, environment: "production" }]);
  });
});
