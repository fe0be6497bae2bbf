import { Octokit } from "@octokit/rest";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { type ActionRun, runBundledAction } from "../support/action.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";

// Shared by the promote-env bundle tests (split in files so their waits between writes run side by side).
export let server: GitHubTestServer;
export let octokit: Octokit;
let repoCount = 0;

export const ALWAYS = "Mon-Sun 00:00-24:00 UTC";
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/** A window that is closed right now: a whole day, two days from today as counted in Kiritimati (UTC+14). */
export function closedWindow(): string {
  const today = new Intl.DateTimeFormat("en-US", { timeZone: "Pacific/Kiritimati", weekday: "short" }).format(
    new Date(),
  );
  return `${DAYS[(DAYS.indexOf(today) + 2) % 7]} 00:00-24:00 Pacific/Kiritimati`;
}

export const config = (window: string, reviewers = `[alice, "@acme/platform"]`) => `environments:
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

export const kustomization = (
  env: string,
  tag: string,
  replicas: number,
) => `apiVersion: kustomize.config.k8s.io/v1beta1
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
export const deployment = (tag: string, cpu: string) => `apiVersion: apps/v1
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
export const WEB = (env: string) => `apps/web/overlays/${env}/kustomization.yaml`;
export const API = (env: string) => `apps/api/overlays/${env}/deployment.yaml`;

export async function newRepo(window = ALWAYS, reviewers?: string): Promise<string> {
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

/** Starts one test server for the calling test file, with the people and team the tests use. */
export function useServer(): void {
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
}

export async function run(
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
  const visible = result.stdout
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
  expect(visible + result.stderr + result.summary).not.toContain(server.token);
  return result;
}

/** A review event as GitHub sends it to the gate workflow. */
export const reviewEvent = (number: number) => ({
  name: "pull_request_review",
  payload: { action: "submitted", review: { state: "approved" }, pull_request: { number } },
});

export const pull = (repo: string, number: number) =>
  server.repo("acme", repo).pulls.find((p) => p.number === number)!;

export async function gateStatus(repo: string, sha: string) {
  const { data } = await octokit.rest.repos.getCombinedStatusForRef({ owner: "acme", repo, ref: sha });
  return data.statuses.find((s) => s.context === "gitops-pipeline/promotion");
}

export async function setArgoStatus(repo: string, sha: string, state: "success" | "failure") {
  await octokit.rest.repos.createCommitStatus({ owner: "acme", repo, sha, state, context: "argocd/staging" });
}

/** Proposes the promotion and returns its number, the commit it branched from and its head. */
export async function proposed(repo: string) {
  const created = await run(repo, {});
  expect(created.code, created.stdout).toBe(0);
  const number = Number(created.outputs["pull-request-number"]);
  const pr = pull(repo, number);
  const head = (await server.headOf("acme", repo, pr.headRef))!;
  const source = (await server.repo("acme", repo).git.readCommit(head)).parents[0]!;
  return { created, number, head, source };
}
