// Check suites and check runs: what GitHub Apps (GitHub Actions among them) report on a commit. Kept beside each
// repository's state in a map of their own, with their response builders and the two list endpoints, so they stay
// apart from the rest of the server.
import { HttpError } from "./errors.js";
import { minimalRepository, simpleUser } from "./fixtures.js";
import { nodeId, timestamp } from "./ids.js";
import type { RepoState, TokenPermission } from "./model.js";
import { paginate } from "./pages.js";
import type { RestContext } from "./rest.js";
import type { GitHubTestServer, Reply } from "./server.js";

/** A GitHub App that reports checks. GitHub Actions is the app `github-actions`. */
export interface CheckApp {
  id: number;
  slug: string;
  name: string;
}

export type CheckStatus = "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
export type CheckConclusion =
  | "success"
  | "failure"
  | "neutral"
  | "cancelled"
  | "skipped"
  | "timed_out"
  | "action_required";
/** Suites can also end stale (GitHub gave up waiting) or startup_failure (a workflow that could not start). */
export type SuiteConclusion = CheckConclusion | "stale" | "startup_failure";

export interface CheckRunState {
  id: number;
  suiteId: number;
  name: string;
  headSha: string;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  startedAt: string;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string;
  output: { title: string | null; summary: string | null; text: string | null };
}

export interface CheckSuiteState {
  id: number;
  app: CheckApp;
  headSha: string;
  headBranch: string | null;
  /** Set to override what the runs say (an empty suite GitHub left queued, a stale one). */
  status?: CheckStatus;
  conclusion?: SuiteConclusion | null;
  createdAt: string;
  updatedAt: string;
  runs: CheckRunState[];
}

const suitesByRepo = new WeakMap<RepoState, CheckSuiteState[]>();
const apps = new Map<string, CheckApp>();

function suitesOf(repo: RepoState): CheckSuiteState[] {
  let suites = suitesByRepo.get(repo);
  if (!suites) {
    suites = [];
    suitesByRepo.set(repo, suites);
  }
  return suites;
}

function appOf(slug: string): CheckApp {
  let app = apps.get(slug);
  if (!app) {
    app = {
      // GitHub Actions' real app id; other apps get stable ids of their own.
      id: slug === "github-actions" ? 15368 : 900000 + apps.size,
      slug,
      name: slug === "github-actions" ? "GitHub Actions" : slug,
    };
    apps.set(slug, app);
  }
  return app;
}

async function commitOf(server: GitHubTestServer, owner: string, name: string, sha: string) {
  const repo = server.repo(owner, name);
  if ((await repo.git.objectType(sha)) !== "commit")
    throw new Error(`${sha} is not a commit of ${owner}/${name}`);
  return repo;
}

/**
 * Adds a check suite on `sha`, as an app would when a commit is pushed: with `runs: 0` GitHub leaves such a suite
 * queued for good when the app never reports a run.
 */
export async function addCheckSuite(
  server: GitHubTestServer,
  owner: string,
  name: string,
  sha: string,
  options: {
    app?: string;
    status?: CheckStatus;
    conclusion?: SuiteConclusion | null;
    headBranch?: string;
  } = {},
): Promise<CheckSuiteState> {
  const repo = await commitOf(server, owner, name, sha);
  const now = timestamp();
  const suite: CheckSuiteState = {
    id: server.id(),
    app: appOf(options.app ?? "github-actions"),
    headSha: sha,
    headBranch: options.headBranch ?? repo.defaultBranch,
    ...(options.status ? { status: options.status } : {}),
    ...(options.conclusion !== undefined ? { conclusion: options.conclusion } : {}),
    createdAt: now,
    updatedAt: now,
    runs: [],
  };
  suitesOf(repo).push(suite);
  return suite;
}

/**
 * Reports a check run on `sha` as a job of a workflow (app `github-actions`) or another app would. It joins the
 * app's latest suite on that commit, or `suite` (an id, or "new" for a new workflow run).
 */
export async function addCheckRun(
  server: GitHubTestServer,
  owner: string,
  name: string,
  sha: string,
  run: {
    name: string;
    status?: CheckStatus;
    conclusion?: CheckConclusion;
    app?: string;
    suite?: number | "new";
    startedAt?: string;
    summary?: string;
  },
): Promise<CheckRunState> {
  const repo = await commitOf(server, owner, name, sha);
  const slug = run.app ?? "github-actions";
  const suites = suitesOf(repo).filter((s) => s.headSha === sha && s.app.slug === slug);
  let suite =
    typeof run.suite === "number"
      ? suites.find((s) => s.id === run.suite)
      : run.suite === "new"
        ? undefined
        : suites.at(-1);
  if (typeof run.suite === "number" && !suite) throw new Error(`no check suite ${run.suite} on ${sha}`);
  suite ??= await addCheckSuite(server, owner, name, sha, { app: slug });
  const status = run.status ?? (run.conclusion ? "completed" : "queued");
  if (status === "completed" && !run.conclusion) throw new Error("a completed check run needs a conclusion");
  if (status !== "completed" && run.conclusion)
    throw new Error("only a completed check run has a conclusion");
  const now = timestamp();
  const item: CheckRunState = {
    id: server.id(),
    suiteId: suite.id,
    name: run.name,
    headSha: sha,
    status,
    conclusion: run.conclusion ?? null,
    startedAt: run.startedAt ?? now,
    completedAt: status === "completed" ? now : null,
    detailsUrl: `${server.webUrl}/${repo.owner}/${repo.name}/actions/runs/${suite.id}/job/${server.id()}`,
    externalId: "",
    output: { title: null, summary: run.summary ?? null, text: null },
  };
  suite.runs.push(item);
  suite.updatedAt = now;
  return item;
}

/** What GitHub derives for a suite from its runs: in progress until all complete, then the worst conclusion. */
function suiteState(suite: CheckSuiteState): { status: CheckStatus; conclusion: SuiteConclusion | null } {
  if (suite.status !== undefined) return { status: suite.status, conclusion: suite.conclusion ?? null };
  const runs = latestRuns(suite.runs);
  if (runs.length === 0) return { status: "queued", conclusion: null };
  if (runs.some((r) => r.status !== "completed")) {
    return {
      status: runs.some((r) => r.status === "in_progress") ? "in_progress" : "queued",
      conclusion: null,
    };
  }
  const order: CheckConclusion[] = [
    "action_required",
    "cancelled",
    "timed_out",
    "failure",
    "neutral",
    "success",
    "skipped",
  ];
  const conclusions = runs.map((r) => r.conclusion as CheckConclusion);
  const worst = order.find((c) => conclusions.includes(c)) ?? "success";
  // A suite whose runs all succeeded or were skipped succeeded; one of skipped runs only was skipped.
  return {
    status: "completed",
    conclusion: worst === "skipped" && conclusions.some((c) => c !== "skipped") ? "success" : worst,
  };
}

type Json = Record<string, unknown>;

function app(ctx: RestContext, item: CheckApp): Json {
  const owner =
    item.slug === "github-actions"
      ? (ctx.server.users.get("github") ?? ctx.server.addUser("github", { type: "Organization" }))
      : ctx.server.user(ctx.repo.owner);
  const created = timestamp(new Date(Date.UTC(2018, 6, 30, 9, 30, 17)));
  return {
    id: item.id,
    slug: item.slug,
    node_id: nodeId("App", item.slug),
    owner: simpleUser(ctx.server.urls, owner),
    name: item.name,
    description: item.slug === "github-actions" ? "Automate your workflow from idea to production" : "",
    external_url: `${ctx.server.webUrl}/apps/${item.slug}`,
    html_url: `${ctx.server.webUrl}/apps/${item.slug}`,
    created_at: created,
    updated_at: created,
    permissions: { checks: "write", contents: "read", metadata: "read" },
    events: ["check_run", "check_suite", "push"],
  };
}

function checkRun(ctx: RestContext, suite: CheckSuiteState, run: CheckRunState): Json {
  const api = `${ctx.server.url}/repos/${ctx.repo.owner}/${ctx.repo.name}`;
  return {
    id: run.id,
    head_sha: run.headSha,
    node_id: nodeId("CheckRun", String(run.id)),
    external_id: run.externalId,
    url: `${api}/check-runs/${run.id}`,
    html_url: `${ctx.server.webUrl}/${ctx.repo.owner}/${ctx.repo.name}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      ...run.output,
      annotations_count: 0,
      annotations_url: `${api}/check-runs/${run.id}/annotations`,
    },
    name: run.name,
    check_suite: { id: suite.id },
    app: app(ctx, suite.app),
    pull_requests: [],
  };
}

async function checkSuite(ctx: RestContext, suite: CheckSuiteState): Promise<Json> {
  const api = `${ctx.server.url}/repos/${ctx.repo.owner}/${ctx.repo.name}`;
  const commit = await ctx.repo.git.readCommit(suite.headSha);
  const { status, conclusion } = suiteState(suite);
  return {
    id: suite.id,
    node_id: nodeId("CheckSuite", String(suite.id)),
    head_branch: suite.headBranch,
    head_sha: suite.headSha,
    status,
    conclusion,
    url: `${api}/check-suites/${suite.id}`,
    before: commit.parents[0] ?? "0000000000000000000000000000000000000000",
    after: suite.headSha,
    pull_requests: [],
    app: app(ctx, suite.app),
    repository: minimalRepository(ctx.server.urls, ctx.repo, ctx.server.user(ctx.repo.owner)),
    created_at: suite.createdAt,
    updated_at: suite.updatedAt,
    head_commit: {
      id: commit.oid,
      tree_id: commit.tree,
      message: commit.message.replace(/\n$/, ""),
      timestamp: commit.committer.date,
      author: { name: commit.author.name, email: commit.author.email },
      committer: { name: commit.committer.name, email: commit.committer.email },
    },
    latest_check_runs_count: latestRuns(suite.runs).length,
    check_runs_url: `${api}/check-suites/${suite.id}/check-runs`,
    rerequestable: true,
    runs_rerequestable: true,
  };
}

/** `filter=latest`: a re-run replaces the run of the same name in the same suite. */
function latestRuns(runs: CheckRunState[]): CheckRunState[] {
  const latest = new Map<string, CheckRunState>();
  for (const run of runs) {
    const seen = latest.get(run.name);
    if (!seen || run.id > seen.id) latest.set(run.name, run);
  }
  return [...latest.values()];
}

async function commitOfRef(ctx: RestContext): Promise<string> {
  const sha = await ctx.repo.git.resolveCommit(ctx.params.ref as string);
  if (!sha) throw new HttpError(422, `No commit found for SHA: ${ctx.params.ref}`);
  return sha;
}

export const CHECK_PERMISSIONS: Record<string, [string, TokenPermission]> = {
  "checks/list-for-ref": ["checks", "read"],
  "checks/list-suites-for-ref": ["checks", "read"],
};

export const CHECK_HANDLERS: Record<string, (ctx: RestContext) => Promise<Reply>> = {
  "checks/list-for-ref": async (ctx) => {
    const sha = await commitOfRef(ctx);
    const name = ctx.query.get("check_name");
    const status = ctx.query.get("status");
    const appId = ctx.query.get("app_id");
    const latest = (ctx.query.get("filter") ?? "latest") === "latest";
    const found: [CheckSuiteState, CheckRunState][] = [];
    for (const suite of suitesOf(ctx.repo)) {
      if (suite.headSha !== sha || (appId !== null && String(suite.app.id) !== appId)) continue;
      for (const run of latest ? latestRuns(suite.runs) : suite.runs) {
        if ((name === null || run.name === name) && (status === null || run.status === status)) {
          found.push([suite, run]);
        }
      }
    }
    // Newest first, as GitHub lists them.
    found.sort((a, b) => b[1].id - a[1].id);
    const { page, headers } = paginate(ctx, found);
    return {
      status: 200,
      body: { total_count: found.length, check_runs: page.map(([suite, run]) => checkRun(ctx, suite, run)) },
      headers,
    };
  },

  "checks/list-suites-for-ref": async (ctx) => {
    const sha = await commitOfRef(ctx);
    const name = ctx.query.get("check_name");
    const appId = ctx.query.get("app_id");
    const found = suitesOf(ctx.repo).filter(
      (suite) =>
        suite.headSha === sha &&
        (appId === null || String(suite.app.id) === appId) &&
        (name === null || suite.runs.some((run) => run.name === name)),
    );
    const { page, headers } = paginate(ctx, found);
    return {
      status: 200,
      body: {
        total_count: found.length,
        check_suites: await Promise.all(page.map((s) => checkSuite(ctx, s))),
      },
      headers,
    };
  },
};

/** Every suite on a commit (for assertions). */
export function checkSuitesOn(
  server: GitHubTestServer,
  owner: string,
  name: string,
  sha: string,
): CheckSuiteState[] {
  return suitesOf(server.repo(owner, name)).filter((suite) => suite.headSha === sha);
}
