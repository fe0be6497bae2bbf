import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// The properties every example and repository workflow must keep, checked on the parsed files. Each check returns
// the places that break it, so the same functions are also run on workflows written to break them.

const root = path.resolve(import.meta.dirname, "../..");

type Permissions = string | Record<string, string> | undefined;
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  permissions?: Permissions;
  concurrency?: unknown;
  environment?: unknown;
  "timeout-minutes"?: unknown;
  steps?: Step[];
}
interface Workflow {
  on?: unknown;
  permissions?: Permissions;
  concurrency?: unknown;
  jobs: Record<string, Job>;
}

/** Events whose run uses the workflow file as a pull request left it, with the pull request's ref. */
const PR_CONTROLLED = ["pull_request", "pull_request_review", "pull_request_review_comment"];
/** Events that run the base branch's copy of the workflow while a pull request's code is within reach. */
const BASE_WITH_PR_AT_HAND = ["pull_request_target", "workflow_run"];

function events(workflow: Workflow): string[] {
  const on = workflow.on;
  if (typeof on === "string") return [on];
  if (Array.isArray(on)) return on.map(String);
  return Object.keys((on as Record<string, unknown>) ?? {});
}

const appTokenSteps = (job: Job) =>
  (job.steps ?? []).filter((s) => s.uses?.startsWith("actions/create-github-app-token@"));

/** The scopes a job's GITHUB_TOKEN gets: its own `permissions`, or the workflow's. */
const effective = (workflow: Workflow, job: Job): Permissions => job.permissions ?? workflow.permissions;

function writes(workflow: Workflow, job: Job): boolean {
  const permissions = effective(workflow, job);
  if (permissions === "write-all") return true;
  if (typeof permissions === "object" && Object.values(permissions).includes("write")) return true;
  // An App token asked for without permission-* inputs gets everything the installation has.
  return appTokenSteps(job).some((step) => {
    const asked = Object.entries(step.with ?? {}).filter(([key]) => key.startsWith("permission-"));
    return asked.length === 0 || asked.some(([, level]) => level === "write");
  });
}

function secretNames(job: Job): string[] {
  const text = JSON.stringify(job);
  return [...text.matchAll(/secrets\.([A-Za-z0-9_]+)/g)]
    .map((m) => m[1]!)
    .filter((s) => s !== "GITHUB_TOKEN");
}

function missingTimeouts(workflow: Workflow): string[] {
  return Object.entries(workflow.jobs)
    .filter(([, job]) => typeof job["timeout-minutes"] !== "number" || job["timeout-minutes"] > 60)
    .map(([name]) => name);
}

function writersWithoutConcurrency(workflow: Workflow): string[] {
  return Object.entries(workflow.jobs)
    .filter(([, job]) => writes(workflow, job) && !job.concurrency && !workflow.concurrency)
    .map(([name]) => name);
}

/**
 * Jobs that hold a secret (other than GITHUB_TOKEN) where pull-request code could reach it: outside the `gitops`
 * environment (whose deployment-branch rule, main only, keeps refs/pull/N/merge and other branches out), or next
 * to a checkout or the pull request's head in a workflow that runs for pull requests from the base branch.
 */
function exposedSecrets(workflow: Workflow): string[] {
  const on = events(workflow);
  const problems: string[] = [];
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const secrets = secretNames(job);
    if (secrets.length === 0) continue;
    if (job.environment !== "gitops")
      problems.push(`${name}: ${secrets.join(", ")} outside the gitops environment`);
  }
  if (on.some((e) => BASE_WITH_PR_AT_HAND.includes(e))) {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      if ((job.steps ?? []).some((s) => s.uses?.startsWith("actions/checkout@")))
        problems.push(
          `${name}: checks out code on ${on.filter((e) => BASE_WITH_PR_AT_HAND.includes(e)).join(", ")}`,
        );
      const text = JSON.stringify(job.steps ?? []);
      if (/(pull_request\.head|workflow_run\.head_)/.test(text) && /"run"/.test(text))
        problems.push(`${name}: a run step near the pull request's head`);
    }
  }
  return problems;
}

/** Jobs with write scopes that also run on pull requests, and jobs that push images without being only on push. */
function misplacedWriteScopes(workflow: Workflow): string[] {
  const problems: string[] = [];
  const onPullRequests = events(workflow).some((e) => PR_CONTROLLED.includes(e));
  for (const [name, job] of Object.entries(workflow.jobs)) {
    const permissions = effective(workflow, job);
    const scopes = typeof permissions === "object" ? permissions : {};
    const builds = (job.steps ?? []).filter((s) =>
      /\/actions\/build-push@|^\.\/actions\/build-push$/.test(s.uses ?? ""),
    );
    const pushOnly = /github\.event_name == 'push'/.test(job.if ?? "") && !/pull_request/.test(job.if ?? "");
    // A preview has to push the pull request's build; only this repository's pull requests may (a fork's token is
    // read-only anyway), and every environment pins images by digest, so a pr-<number> tag changes nothing else.
    const sameRepositoryPreview = /pull_request\.head\.repo\.full_name == github\.repository/.test(
      job.if ?? "",
    );
    if (scopes.packages === "write" || scopes["id-token"] === "write" || scopes.attestations === "write") {
      if (builds.length === 0) problems.push(`${name}: image write scopes without build-push`);
      if (onPullRequests && !pushOnly && !sameRepositoryPreview)
        problems.push(`${name}: image write scopes on pull requests`);
      if (builds.some((s) => String(s.with?.push) === "false"))
        problems.push(`${name}: write scopes, push: false`);
    }
  }
  return problems;
}

/** Jobs uploading SARIF without the scopes github/codeql-action/upload-sarif needs. */
function sarifWithoutScopes(workflow: Workflow): string[] {
  return Object.entries(workflow.jobs)
    .filter(([, job]) =>
      (job.steps ?? []).some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@")),
    )
    .filter(([, job]) => {
      const p = effective(workflow, job);
      return typeof p !== "object" || p["security-events"] !== "write" || !p.actions || !p.contents;
    })
    .map(([name]) => name);
}

const files = ["examples/workflows", ".github/workflows"].flatMap((dir) =>
  readdirSync(path.join(root, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name)),
);
const load = (file: string) => parse(readFileSync(path.join(root, file), "utf8")) as Workflow;

describe("every example and repository workflow", () => {
  it.each(files)("%s: every job has timeout-minutes (at most 60)", (file) => {
    expect(missingTimeouts(load(file))).toEqual([]);
  });

  it.each(files)("%s: every job that writes has a concurrency group", (file) => {
    expect(writersWithoutConcurrency(load(file))).toEqual([]);
  });

  it.each(
    files,
  )("%s: secrets only in gitops-environment jobs that pull-request code cannot reach", (file) => {
    expect(exposedSecrets(load(file))).toEqual([]);
  });

  it.each(files)("%s: image write scopes only on the job that pushes, never on pull requests", (file) => {
    expect(misplacedWriteScopes(load(file))).toEqual([]);
  });

  it.each(
    files,
  )("%s: SARIF uploads have security-events: write, actions: read and contents: read", (file) => {
    expect(sarifWithoutScopes(load(file))).toEqual([]);
  });

  it.each(files)("%s: every job's token scopes are written down (workflow or job permissions)", (file) => {
    const workflow = load(file);
    const implicit = Object.entries(workflow.jobs).filter(
      ([, job]) => effective(workflow, job) === undefined,
    );
    expect(implicit.map(([name]) => name)).toEqual([]);
  });
});

describe("gate.yml, which can open production", () => {
  const gate = load("examples/workflows/gate.yml");

  it("runs only on events that use main's copy of the workflow, and holds the key in an environment", () => {
    expect(events(gate).sort()).toEqual([
      "pull_request_target",
      "schedule",
      "workflow_dispatch",
      "workflow_run",
    ]);
    expect(events(gate).filter((e) => PR_CONTROLLED.includes(e))).toEqual([]);
    const holders = Object.entries(gate.jobs).filter(([, job]) => secretNames(job).length > 0);
    expect(holders.map(([name]) => name)).toEqual(["gate"]);
    expect(gate.jobs.gate?.environment).toBe("gitops");
    expect(JSON.stringify(gate.jobs)).not.toContain("actions/checkout");
  });

  it("hears about reviews from a workflow that holds nothing", () => {
    const review = load("examples/workflows/gate-review.yml");
    expect(events(review)).toEqual(["pull_request_review"]);
    expect(review.permissions).toEqual({});
    expect(Object.values(review.jobs).flatMap(secretNames)).toEqual([]);
    const on = gate.on as { workflow_run: { workflows: string[] } };
    expect(on.workflow_run.workflows).toContain(
      parse(readFileSync(path.join(root, "examples/workflows/gate-review.yml"), "utf8")).name,
    );
  });

  it("every workflow that mints the App token does so in the gitops environment", () => {
    const minting = files.flatMap((file) =>
      Object.entries(load(file).jobs)
        .filter(([, job]) => appTokenSteps(job).length > 0)
        .map(([name, job]) => `${file}#${name}=${String(job.environment)}`),
    );
    expect(minting.length).toBeGreaterThanOrEqual(5);
    expect(minting.filter((entry) => !entry.endsWith("=gitops"))).toEqual([]);
  });
});

describe("the checks catch the mistakes they are for", () => {
  const unsafe: Workflow = parse(`
on:
  pull_request:
  pull_request_target:
permissions:
  contents: write
  packages: write
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
        with: { ref: "\${{ github.event.pull_request.head.sha }}" }
      - uses: actions/create-github-app-token@v3
        with: { client-id: x, private-key: "\${{ secrets.GITOPS_APP_PRIVATE_KEY }}" }
      - run: echo "\${{ github.event.pull_request.head.ref }}"
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 90
    steps:
      - uses: gitops-pipeline/gitops-pipeline/actions/build-push@v1
        with: { image: x, push: false }
  scan:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions: { security-events: write }
    steps:
      - uses: github/codeql-action/upload-sarif@v4
`);

  it("a job without a timeout, or with more than an hour", () => {
    expect(missingTimeouts(unsafe)).toEqual(["gate", "build"]);
  });

  it("writing jobs without concurrency, an App token with every permission counting as writing", () => {
    expect(writersWithoutConcurrency(unsafe)).toEqual(["gate", "build", "scan"]);
    const appOnly: Workflow = {
      permissions: {},
      jobs: {
        a: { steps: [{ uses: "actions/create-github-app-token@v3", with: { "permission-checks": "read" } }] },
      },
    };
    expect(writersWithoutConcurrency(appOnly)).toEqual([]);
    appOnly.jobs.a!.steps![0]!.with = {};
    expect(writersWithoutConcurrency(appOnly)).toEqual(["a"]);
  });

  it("a key outside the environment, and next to a checkout on pull_request_target", () => {
    expect(exposedSecrets(unsafe)).toEqual([
      "gate: GITOPS_APP_PRIVATE_KEY outside the gitops environment",
      "gate: checks out code on pull_request_target",
      "gate: a run step near the pull request's head",
    ]);
  });

  it("image write scopes on pull requests, away from build-push, or with push: false", () => {
    expect(misplacedWriteScopes(unsafe)).toEqual([
      "gate: image write scopes without build-push",
      "gate: image write scopes on pull requests",
      "build: image write scopes on pull requests",
      "build: write scopes, push: false",
    ]);
    // Only this repository's pull requests may push a preview build; without the guard a fork's would be asked to.
    const preview = (guard: string): Workflow => ({
      on: { pull_request: null },
      permissions: {},
      jobs: {
        build: {
          if: guard,
          permissions: { packages: "write" },
          steps: [{ uses: "gitops-pipeline/gitops-pipeline/actions/build-push@v1", with: { push: true } }],
        },
      },
    });
    expect(
      misplacedWriteScopes(preview("github.event.pull_request.head.repo.full_name == github.repository")),
    ).toEqual([]);
    expect(misplacedWriteScopes(preview("github.event.action != 'closed'"))).toEqual([
      "build: image write scopes on pull requests",
    ]);
  });

  it("an upload-sarif job without actions: read", () => {
    expect(sarifWithoutScopes(unsafe)).toEqual(["scan"]);
  });
});
