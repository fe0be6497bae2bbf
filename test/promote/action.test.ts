import { Octokit } from "@octokit/rest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ActionRun, runBundledAction } from "../support/action.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";

// The bundle as the runner runs it, against the GitHub API test server.
let server: GitHubTestServer;
let octokit: Octokit;
let repoCount = 0;

const ALWAYS = "Mon-Sun 00:00-24:00 UTC";
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/** A window that is closed right now: a whole day, two days from today as counted in Kiritimati (UTC+14). */
function closedWindow(): string {
  const today = new Intl.DateTimeFormat("en-US", { timeZone: "Pacific/Kiritimati", weekday: "short" }).format(new Date());
  return `${DAYS[(DAYS.indexOf(today) + 2) % 7]} 00:00-24:00 Pacific/Kiritimati`;
}

const config = (window: string, reviewers = `[alice, "@acme/platform"]`) => `environments:
  staging:
    paths: [apps/*/overlays/staging]
    mode: commit
  production:
    paths: [apps/*/overlays/production]
    approvals: 2
    reviewers: ${reviewers}
    windows: ["${window}"]
    require-status: ["argocd/staging"]
    rollback-approvals: 1
promotion: [staging, production]
`;

const kustomization = (env: string, tag: string, replicas: number) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: web-${env}
resources:
  - ../../base
replicas:
  - name: web
    count: ${replicas}
images:
  - name: ghcr.io/acme/web
    newTag: ${tag}  # set by gitops-pipeline
`;
const deployment = (tag: string, cpu: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:${tag}
          resources:
            requests:
              cpu: ${cpu}
`;
const WEB = (env: string) => `apps/web/overlays/${env}/kustomization.yaml`;
const API = (env: string) => `apps/api/overlays/${env}/deployment.yaml`;

async function newRepo(window = ALWAYS, reviewers?: string): Promise<string> {
  const name = `config${++repoCount}`;
  await server.addRepository("acme", name, {
    files: {
      "gitops-pipeline.yaml": config(window, reviewers),
      "README.md": "# config\n",
      [WEB("staging")]: kustomization("staging", "sha-1a2b3c4", 1),
      [WEB("production")]: kustomization("production", "sha-0f0e0d0", 6),
      [API("staging")]: deployment("2.3.0", "100m"),
      [API("production")]: deployment("2.2.1", '"2"'),
    },
  });
  return name;
}

beforeAll(async () => {
  server = await startGitHubServer();
  for (const login of ["alice", "bob", "carol", "erin"]) server.addUser(login, { permission: "write" });
  server.setTeam("acme", "platform", ["carol", "erin"]);
  octokit = new Octokit({ baseUrl: server.url, auth: server.token });
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  expect(server.violations).toEqual([]);
});

async function run(
  repo: string,
  inputs: Record<string, string>,
  event?: { name: string; payload: Record<string, unknown> },
): Promise<ActionRun> {
  const result = await runBundledAction("promote-env", {
    inputs: { token: server.token, to: "production", ...inputs },
    event: event ? { ...event, ref: "refs/heads/main", sha: "" } : undefined,
    env: {
      GITHUB_API_URL: server.url,
      GITHUB_GRAPHQL_URL: server.graphqlUrl,
      GITHUB_SERVER_URL: server.webUrl,
      GITHUB_REPOSITORY: `acme/${repo}`,
      GITHUB_RUN_ID: "77",
    },
  });
  const visible = result.stdout.split("\n").filter((line) => !line.startsWith("::add-mask::")).join("\n");
  expect(visible + result.stderr + result.summary).not.toContain(server.token);
  return result;
}

/** A review event as GitHub sends it to the gate workflow. */
const reviewEvent = (number: number) => ({
  name: "pull_request_review",
  payload: { action: "submitted", review: { state: "approved" }, pull_request: { number } },
});

const pull = (repo: string, number: number) => server.repo("acme", repo).pulls.find((p) => p.number === number)!;

async function gateStatus(repo: string, sha: string) {
  const { data } = await octokit.rest.repos.getCombinedStatusForRef({ owner: "acme", repo, ref: sha });
  return data.statuses.find((s) => s.context === "gitops-pipeline/promotion");
}

async function setArgoStatus(repo: string, sha: string, state: "success" | "failure") {
  await octokit.rest.repos.createCommitStatus({ owner: "acme", repo, sha, state, context: "argocd/staging" });
}

/** Proposes the promotion and returns its number, the commit it branched from and its head. */
async function proposed(repo: string) {
  const created = await run(repo, {});
  expect(created.code, created.stdout).toBe(0);
  const number = Number(created.outputs["pull-request-number"]);
  const pr = pull(repo, number);
  const head = (await server.headOf("acme", repo, pr.headRef))!;
  const source = (await server.repo("acme", repo).git.readCommit(head)).parents[0]!;
  return { created, number, head, source };
}

describe("promote-env propose", () => {
  it("opens one pull request per edge, leaves it on a re-run, and updates it in place on a new staging tag", async () => {
    const repo = await newRepo();
    const { created, number, head } = await proposed(repo);
    expect(created.outputs.operation).toBe("created");
    expect(JSON.parse(created.outputs.changes!)).toEqual([
      { file: API("production"), line: 10, image: "ghcr.io/acme/api", from: "2.2.1", to: "2.3.0" },
      { file: WEB("production"), line: 11, image: "ghcr.io/acme/web", from: "sha-0f0e0d0", to: "sha-1a2b3c4" },
    ]);
    const pr = pull(repo, number);
    expect(pr.headRef).toBe("promote/staging-to-production");
    expect(pr.title).toBe("Promote staging to production: 2 images in 2 apps");
    expect(pr.labels).toEqual(["promotion", "env:production"]);
    expect(pr.requestedReviewers).toEqual(["alice"]);
    expect(pr.requestedTeams).toEqual(["platform"]);
    expect(pr.body).toContain(
      `| web | \`ghcr.io/acme/web\` | [\`sha-0f0e0d0\`](${server.webUrl}/acme/web/commit/0f0e0d0) | [\`sha-1a2b3c4\`](${server.webUrl}/acme/web/commit/1a2b3c4) |`,
    );
    expect(pr.body).toContain("| api | `ghcr.io/acme/api` | `2.2.1` | `2.3.0` |");
    // Only the image bytes differ; replicas and resources stay production's.
    expect(await server.readFile("acme", repo, pr.headRef, WEB("production"))).toBe(
      kustomization("production", "sha-1a2b3c4", 6),
    );
    expect(await server.readFile("acme", repo, pr.headRef, API("production"))).toBe(deployment("2.3.0", '"2"'));
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

    await server.commitFiles("acme", repo, "main", { [WEB("staging")]: kustomization("staging", "sha-5e6f7a8", 1) });
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
  });
});

describe("promote-env gate", () => {
  it("opens with two allowed approvals on the head and green source statuses, merges, and records the deployment", async () => {
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
    expect(await gateStatus(repo, head)).toMatchObject({ state: "failure", description: "blocked: approvals 1/2" });
    expect(blocked.summary).toContain("| ❌ | approvals |");

    await server.addReview("acme", repo, number, "carol", "APPROVED"); // a member of @acme/platform
    const open = await run(repo, { mode: "gate", merge: "true", "record-deployment": "true" }, reviewEvent(number));
    expect(open.code, open.stdout).toBe(0);
    expect(open.outputs).toMatchObject({ gate: "open", "gate-reasons": "[]", operation: "merged" });
    expect(JSON.parse(open.outputs["approved-by"]!)).toEqual(["alice", "carol"]);
    expect(await gateStatus(repo, head)).toMatchObject({ state: "success", description: "open: approved by alice, carol" });
    const merged = pull(repo, number);
    expect(merged.mergedAt).not.toBeNull();
    expect(await server.readFile("acme", repo, "main", WEB("production"))).toBe(
      kustomization("production", "sha-1a2b3c4", 6),
    );
    const { data: deployments } = await octokit.rest.repos.listDeployments({ owner: "acme", repo, environment: "production" });
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
  });

  it("blocks on each unmet condition and names it", async () => {
    const repo = await newRepo(closedWindow());
    const { number, head, source } = await proposed(repo);
    await setArgoStatus(repo, source, "failure");
    await server.addReview("acme", repo, number, "alice", "APPROVED", { commitId: source }); // stale: before the push
    await server.addReview("acme", repo, number, "carol", "APPROVED");
    await server.addReview("acme", repo, number, "erin", "CHANGES_REQUESTED");
    // Someone edits the promotion to touch another file, and staging is rolled back meanwhile.
    await server.commitFiles("acme", repo, "promote/staging-to-production", { "README.md": "# config (edited)\n" });
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
    expect(reasons[2]).toMatch(/^outside the deployment window \w{3} 00:00-24:00 Pacific\/Kiritimati \(now \w{3} \d\d:\d\d Pacific\/Kiritimati\)$/);
    expect(reasons[3]).toBe(`required status argocd/staging is failure on staging commit ${source.slice(0, 7)}`);
    expect(reasons[4]).toBe("README.md is outside production's paths (apps/*/overlays/production)");
    expect(reasons[5]).toBe(
      `staging does not run ghcr.io/acme/api:2.3.0 (${API("production")}:10); app api runs 2.2.9 there now`,
    );
    expect(run1.outputs.operation).toBe("unchanged");
    expect(pull(repo, number).state).toBe("open");
    expect(await gateStatus(repo, newHead)).toMatchObject({
      state: "failure",
      description: "blocked: approvals 0/2; changes requested; outside window; status argocd/staging; unexpected changes; source moved",
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
    const scheduled = await run(repo, { mode: "gate" }, { name: "schedule", payload: { schedule: "*/15 * * * *" } });
    expect(scheduled.code, scheduled.stdout).toBe(0);
    expect(scheduled.outputs).toMatchObject({ gate: "open", "pull-request-number": String(number) });
    expect(JSON.parse(scheduled.outputs["approved-by"]!)).toEqual(["alice", "erin"]);
  });
});

describe("promote-env rollback", () => {
  it("proposes the target's previous references through the same path, with rollback-approvals and no window", async () => {
    const repo = await newRepo();
    const { number, source } = await proposed(repo);
    await setArgoStatus(repo, source, "success");
    await server.addReview("acme", repo, number, "alice", "APPROVED");
    await server.addReview("acme", repo, number, "carol", "APPROVED");
    const merged = await run(repo, { mode: "gate", merge: "true" }, reviewEvent(number));
    expect(merged.outputs.operation, merged.stdout).toBe("merged");
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
    expect(await server.readFile("acme", repo, pr.headRef, API("production"))).toBe(deployment("2.2.1", '"4"'));
    expect(await server.readFile("acme", repo, pr.headRef, WEB("production"))).toBe(
      kustomization("production", "sha-0f0e0d0", 6),
    );

    await server.addReview("acme", repo, rollbackNumber, "alice", "APPROVED");
    const gated = await run(repo, { mode: "gate", merge: "true", "record-deployment": "true" }, reviewEvent(rollbackNumber));
    expect(gated.code, gated.stdout).toBe(0);
    expect(gated.outputs).toMatchObject({ gate: "open", operation: "merged" });
    expect(await server.readFile("acme", repo, "main", API("production"))).toBe(deployment("2.2.1", '"4"'));
    const { data: deployments } = await octokit.rest.repos.listDeployments({ owner: "acme", repo });
    expect(deployments.map((d) => d.payload)).toEqual([
      { images: ["ghcr.io/acme/api:2.2.1", "ghcr.io/acme/web:sha-0f0e0d0"], pullRequest: rollbackNumber },
    ]);
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
});
