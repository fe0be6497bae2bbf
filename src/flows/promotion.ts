import { type Environment, findEnvironment, loadConfig, type PipelineConfig } from "../environments/index.js";
import { UserError } from "../errors.js";
import type { GitHub } from "../github/client.js";
import { type DeliveryResult, deliverThroughGitHub, type PullRequestExtras } from "../github/delivery.js";
import { gitHubMessage, httpStatus, onGitHub, translateGitHubError } from "../github/errors.js";
import { GitHubSnapshot } from "../github/snapshot.js";
import { formatImageRef } from "../image/index.js";
import type { Logger } from "../logger.js";
import { type CheckRun, type CheckSuite, type Checks, reportsNeeded } from "../promote/checks.js";
import type { PullRequestFile } from "../promote/diff.js";
import { promotionEdge, requiredApprovals } from "../promote/edges.js";
import { evaluateGate, type GateResult, gateDescription, imagesAfter } from "../promote/gate.js";
import {
  type EnvironmentImages,
  type PromotionPlan,
  planBetween,
  planPromotion,
  readEnvironment,
} from "../promote/plan.js";
import { isBot, type Review } from "../promote/reviews.js";
import {
  commitMessage,
  type PromotionMarker,
  parseMarker,
  promotionBody,
  promotionBranch,
  promotionTitle,
} from "../promote/texts.js";
import { resolvePaths, type UpdatePlan } from "../update/index.js";

/** Where promotions happen and how to reach it. */
export interface PromotionContext {
  clients: { read: GitHub; write: GitHub };
  repository: { owner: string; repo: string };
  /** Branch the environments live on; the default branch when empty. */
  base?: string;
  /** Path of the pipeline config in the repository. */
  config: string;
  serverUrl: string;
  runUrl?: string;
  logger: Logger;
}

export const GATE_CONTEXT = "gitops-pipeline/promotion";

const full = (ctx: PromotionContext) => `${ctx.repository.owner}/${ctx.repository.repo}`;
const short = (sha: string) => sha.slice(0, 7);

async function paginate<T>(fetchPage: (page: number) => Promise<{ data: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= 20; page++) {
    const { data } = await fetchPage(page);
    all.push(...data);
    if (data.length < 100) break;
  }
  return all;
}

/** The base branch's name and current commit. */
async function baseHead(ctx: PromotionContext, name?: string): Promise<{ name: string; oid: string }> {
  const { owner, repo } = ctx.repository;
  const context = { operation: "read the base branch", repository: full(ctx) };
  let branch = name ?? ctx.base;
  if (!branch) {
    const { data } = await onGitHub(context, () =>
      ctx.clients.read.request("GET /repos/{owner}/{repo}", { owner, repo }),
    );
    branch = data.default_branch;
  }
  try {
    const { data } = await ctx.clients.read.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      owner,
      repo,
      ref: `heads/${branch}`,
    });
    return { name: branch, oid: data.object.sha };
  } catch (error) {
    if (httpStatus(error) === 404) {
      throw new UserError(`branch ${branch} does not exist in ${full(ctx)}`, {
        hint: "Set `base` to the branch the environments live on.",
      });
    }
    throw translateGitHubError(error, context);
  }
}

function snapshotAt(ctx: PromotionContext, oid: string, patterns: string[] = []): GitHubSnapshot {
  const snapshot = new GitHubSnapshot(ctx.clients.read, ctx.repository, patterns);
  snapshot.commit = oid;
  return snapshot;
}

async function configAt(ctx: PromotionContext, oid: string): Promise<PipelineConfig> {
  const text = await snapshotAt(ctx, oid).read(ctx.config);
  if (text === undefined) {
    throw new UserError(`${ctx.config} is missing in ${full(ctx)} at ${short(oid)}`, {
      hint: "Create the config file at the repository root, or set `config` to where it is.",
    });
  }
  return loadConfig(text, ctx.config);
}

/** What an environment runs at one commit, read through GitHub without a clone. */
async function environmentAt(
  ctx: PromotionContext,
  oid: string,
  env: Environment,
  name = env.name,
): Promise<EnvironmentImages> {
  const snapshot = snapshotAt(ctx, oid, env.paths);
  const read = await onGitHub({ operation: `read ${env.name} at ${short(oid)}`, repository: full(ctx) }, () =>
    readEnvironment(snapshot, env),
  );
  return { ...read, name };
}

function imagesKey(images: EnvironmentImages): string {
  return [...images.apps]
    .map(([app, refs]) => `${app}=${[...new Set(refs.map((r) => formatImageRef(r.ref)))].sort().join(",")}`)
    .sort()
    .join("\n");
}

/**
 * The commit a rollback returns to: the parent of the newest commit that changed the target's image references
 * (found among the commits touching its files), so a later change of replicas or comments is not mistaken for it.
 */
async function previousRevision(ctx: PromotionContext, base: string, target: Environment): Promise<string> {
  const { owner, repo } = ctx.repository;
  const current = await environmentAt(ctx, base, target);
  const files = await resolvePaths(snapshotAt(ctx, base, target.paths), target.paths);
  const candidates = new Map<string, { date: string; parent?: string }>();
  for (const path of files) {
    const { data } = await onGitHub({ operation: `read the history of ${path}`, repository: full(ctx) }, () =>
      ctx.clients.read.request("GET /repos/{owner}/{repo}/commits", {
        owner,
        repo,
        sha: base,
        path,
        per_page: 10,
      }),
    );
    for (const commit of data) {
      candidates.set(commit.sha, {
        date: commit.commit.committer?.date ?? "",
        parent: commit.parents[0]?.sha,
      });
    }
  }
  const newestFirst = [...candidates].sort((a, b) => b[1].date.localeCompare(a[1].date));
  const wanted = imagesKey(current);
  for (const [sha, { parent }] of newestFirst.slice(0, 20)) {
    if (!parent) continue;
    const before = await environmentAt(ctx, parent, target).catch((error: unknown) => {
      if (error instanceof UserError) return undefined; // the environment did not exist yet
      throw error;
    });
    if (before && imagesKey(before) !== wanted) {
      ctx.logger.info(
        `${target.name}'s image references last changed in ${short(sha)}; rolling back to ${short(parent)}`,
      );
      return parent;
    }
  }
  throw new UserError(
    `found no earlier image references of ${target.name} in the recent history of its files`,
    {
      hint: "Give the commit to return to with the `revision` input.",
    },
  );
}

async function resolveRevision(ctx: PromotionContext, revision: string): Promise<string> {
  const { owner, repo } = ctx.repository;
  try {
    const { data } = await ctx.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}", {
      owner,
      repo,
      ref: revision,
    });
    return data.sha;
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus(error) === 422) {
      throw new UserError(
        `revision ${JSON.stringify(revision)} is not a commit, branch or tag of ${full(ctx)}`,
        {
          hint: "Give a commit SHA (or a tag) from the config repository's history.",
        },
      );
    }
    throw translateGitHubError(error, { operation: `resolve revision ${revision}`, repository: full(ctx) });
  }
}

export interface ProposeRequest {
  kind: "promotion" | "rollback";
  to: string;
  from?: string;
  revision?: string;
  apps: string[];
  images: string[];
  dryRun: boolean;
  /** create-pull-request's body, delete-branch, signoff and maintainer-can-modify, passed to the delivery. */
  extras?: PullRequestExtras;
}

export interface ProposeResult {
  delivery: DeliveryResult;
  plan: PromotionPlan;
  marker: PromotionMarker;
  target: Environment;
}

function reviewerRequests(
  target: Environment,
  owner: string,
): { reviewers: string[]; teamReviewers: string[] } {
  const reviewers: string[] = [];
  const teamReviewers: string[] = [];
  for (const entry of target.reviewers) {
    const team = /^@([^/]+)\/(.+)$/.exec(entry);
    if (!team) reviewers.push(entry);
    else if (team[1]!.toLowerCase() === owner.toLowerCase()) teamReviewers.push(team[2]!);
  }
  return { reviewers, teamReviewers };
}

/**
 * Opens or updates the one pull request of a promotion edge (or the rollback of an environment), through the
 * same delivery as update-manifest-tag: one verified commit on a fixed branch, the pull request updated in place.
 * A target whose mode is `commit` receives the change as a commit on the base branch instead.
 */
export async function propose(ctx: PromotionContext, request: ProposeRequest): Promise<ProposeResult> {
  const base = await baseHead(ctx);
  const config = await configAt(ctx, base.oid);
  let marker: PromotionMarker;
  let target: Environment;
  let patterns: string[];
  let planOn: (reader: GitHubSnapshot) => Promise<PromotionPlan>;
  const filters = { apps: request.apps, images: request.images };
  if (request.kind === "promotion") {
    const edge = promotionEdge(config, request.to, request.from);
    target = edge.target;
    marker = { kind: "promotion", from: edge.source.name, to: target.name };
    patterns = [...new Set([...edge.source.paths, ...target.paths])];
    planOn = (reader) => planPromotion(reader, edge.source, edge.target, filters);
  } else {
    target = findEnvironment(config, request.to);
    const revision = request.revision
      ? await resolveRevision(ctx, request.revision)
      : await previousRevision(ctx, base.oid, target);
    marker = { kind: "rollback", from: target.name, to: target.name, revision };
    patterns = target.paths;
    const earlier = await environmentAt(ctx, revision, target, `${target.name} at ${short(revision)}`);
    planOn = async (reader) => planBetween(earlier, await readEnvironment(reader, target), filters);
  }

  let promotion: PromotionPlan | undefined;
  let plannedOn = base.oid;
  const delivery = await deliverThroughGitHub({
    clients: ctx.clients,
    repository: ctx.repository,
    base: base.name,
    mode: target.mode,
    target: { patterns },
    plan: async (reader): Promise<UpdatePlan> => {
      plannedOn = (reader as GitHubSnapshot).commit || plannedOn;
      promotion = await planOn(reader as GitHubSnapshot);
      return { ...promotion, missing: [], scanned: [] };
    },
    branch: promotionBranch(marker),
    texts: (_plan, baseName) => {
      const message = commitMessage(promotion!, marker);
      return {
        ...message,
        title: promotionTitle(promotion!, marker),
        pullRequestBody: promotionBody(promotion!, marker, {
          base: baseName,
          baseOid: plannedOn,
          serverUrl: ctx.serverUrl,
          run: ctx.runUrl,
        }),
      };
    },
    pullRequest: {
      labels: [marker.kind, `env:${target.name}`],
      ...reviewerRequests(target, ctx.repository.owner),
      draft: false,
      autoMerge: false,
    },
    dryRun: request.dryRun,
    logger: ctx.logger,
    ...request.extras,
  });
  return { delivery, plan: promotion!, marker, target };
}

export interface PullRequestInfo {
  number: number;
  url: string;
  headSha: string;
  headRef: string;
  baseRef: string;
  author: string;
  body: string;
}

export interface GateEvaluation {
  pullRequest: PullRequestInfo;
  marker: PromotionMarker;
  target: Environment;
  result: GateResult;
  /** The commit whose statuses were read: where the promotion branched off the base. */
  sourceCommit: string;
}

/** Open pull requests this action opened for `to` (promotion and rollback), oldest first. */
export async function openPromotions(ctx: PromotionContext, to: string): Promise<number[]> {
  const { owner, repo } = ctx.repository;
  const pulls = await onGitHub(
    { operation: "list open pull requests", repository: full(ctx), pullRequests: true },
    () =>
      paginate((page) =>
        ctx.clients.read.request("GET /repos/{owner}/{repo}/pulls", {
          owner,
          repo,
          state: "open",
          per_page: 100,
          page,
          direction: "asc",
        }),
      ),
  );
  return pulls.filter((pr) => parseMarker(pr.body)?.to === to).map((pr) => pr.number);
}

/** Files per GraphQL document: two blobs each, well inside GitHub's query limits. */
const FILES_PER_QUERY = 50;

async function fileContents(
  ctx: PromotionContext,
  files: { path: string; previousPath?: string; status: string }[],
  baseOid: string,
  headOid: string,
): Promise<PullRequestFile[]> {
  const read: PullRequestFile[] = [];
  for (let start = 0; start < files.length; start += FILES_PER_QUERY) {
    read.push(
      ...(await fileContentsBatch(ctx, files.slice(start, start + FILES_PER_QUERY), baseOid, headOid)),
    );
  }
  return read;
}

async function fileContentsBatch(
  ctx: PromotionContext,
  files: { path: string; previousPath?: string; status: string }[],
  baseOid: string,
  headOid: string,
): Promise<PullRequestFile[]> {
  const declarations: string[] = ["$owner: String!", "$name: String!"];
  const variables: Record<string, string> = { owner: ctx.repository.owner, name: ctx.repository.repo };
  const fields: string[] = [];
  files.forEach((file, index) => {
    for (const [side, oid, path] of [
      ["b", baseOid, file.previousPath ?? file.path],
      ["h", headOid, file.path],
    ] as const) {
      declarations.push(`$${side}${index}: String!`);
      variables[`${side}${index}`] = `${oid}:${path}`;
      fields.push(
        `${side}${index}: object(expression: $${side}${index}) { ... on Blob { text isBinary isTruncated } }`,
      );
    }
  });
  type Blob = { text: string | null; isBinary: boolean | null; isTruncated: boolean } | null;
  const data = await onGitHub({ operation: "read the pull request's files", repository: full(ctx) }, () =>
    ctx.clients.read.graphql<{ repository: Record<string, Blob> | null }>(
      `query(${declarations.join(", ")}) { repository(owner: $owner, name: $name) { ${fields.join(" ")} } }`,
      variables,
    ),
  );
  const text = (blob: Blob | undefined) =>
    blob && !blob.isBinary && !blob.isTruncated && typeof blob.text === "string" ? blob.text : undefined;
  return files.map((file, index) => ({
    ...file,
    base: text(data.repository?.[`b${index}`]),
    head: text(data.repository?.[`h${index}`]),
  }));
}

/** Who of `logins` belongs to each `@org/team` the environment names (one request per candidate and team). */
async function teamMembers(
  ctx: PromotionContext,
  reviewers: readonly string[],
  logins: readonly string[],
): Promise<Record<string, string[]>> {
  const members: Record<string, string[]> = {};
  for (const entry of reviewers) {
    const team = /^@([^/]+)\/(.+)$/.exec(entry);
    if (!team) continue;
    members[entry] = [];
    for (const username of logins) {
      try {
        const { data } = await ctx.clients.read.request(
          "GET /orgs/{org}/teams/{team_slug}/memberships/{username}",
          {
            org: team[1]!,
            team_slug: team[2]!,
            username,
          },
        );
        if (data.state === "active") members[entry].push(username);
      } catch (error) {
        if (httpStatus(error) === 404) continue;
        if (httpStatus(error) === 403) {
          ctx.logger.warning(
            `cannot read the members of ${entry} (403): approvals by its members do not count. ` +
              "Team membership needs a token with `members: read` on the organisation (a GitHub App or PAT; GITHUB_TOKEN cannot).",
          );
          break;
        }
        throw translateGitHubError(error, {
          operation: `read the membership of ${entry}`,
          repository: full(ctx),
        });
      }
    }
  }
  return members;
}

async function writers(ctx: PromotionContext, logins: readonly string[]): Promise<string[]> {
  const { owner, repo } = ctx.repository;
  const found: string[] = [];
  for (const username of logins) {
    const { data } = await onGitHub(
      { operation: `read the permission of ${username}`, repository: full(ctx) },
      () =>
        ctx.clients.read.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
          owner,
          repo,
          username,
        }),
    );
    if (data.permission === "admin" || data.permission === "write" || data.role_name === "maintain") {
      found.push(username);
    }
  }
  return found;
}

/** Reads every page of a list endpoint that wraps its items (`{ total_count, check_runs }`). */
async function paginateWrapped<T>(
  fetchPage: (page: number) => Promise<{ total: number; items: T[] }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= 20; page++) {
    const { total, items } = await fetchPage(page);
    all.push(...items);
    if (items.length < 100 || all.length >= total) break;
  }
  return all;
}

/** A 403 on the checks API means the token cannot read checks: say which permission gives it. */
async function readChecks<T>(
  ctx: PromotionContext,
  what: string,
  sha: string,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (httpStatus(error) === 403 && /resource not accessible/i.test(gitHubMessage(error))) {
      throw new UserError(
        `GitHub refused to read the ${what} of ${short(sha)} in ${full(ctx)} (403 ${gitHubMessage(error)}); ` +
          "require-status names checks, so the gate must read them",
        {
          hint:
            "Give the token `checks: read`: in the workflow `permissions: { checks: read }` for GITHUB_TOKEN, or " +
            "`permission-checks: read` on actions/create-github-app-token (and the Checks permission on the App). " +
            "To require only a commit status, write it as status:CONTEXT in require-status.",
          cause: error,
        },
      );
    }
    throw translateGitHubError(error, {
      operation: `read the ${what} of ${short(sha)}`,
      repository: full(ctx),
    });
  }
}

/**
 * The commit statuses of `sha`, and its check runs and check suites when a requirement can be answered by them
 * (a plain name is a status context or a check run name; `check-suite:` needs the suites).
 */
async function reportsOn(
  ctx: PromotionContext,
  sha: string,
  requireStatus: readonly string[],
): Promise<Checks> {
  const { owner, repo } = ctx.repository;
  if (requireStatus.length === 0) return { statuses: [] };
  const needed = reportsNeeded(requireStatus);
  const { data: combined } = await onGitHub(
    { operation: `read the statuses of ${short(sha)}`, repository: full(ctx) },
    () =>
      ctx.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}/status", {
        owner,
        repo,
        ref: sha,
        per_page: 100,
      }),
  );
  const checks: Checks = {
    statuses: combined.statuses.map((s) => ({ context: s.context, state: s.state })),
  };
  if (needed.checkRuns) {
    checks.checkRuns = await readChecks(ctx, "check runs", sha, () =>
      paginateWrapped(async (page) => {
        const { data } = await ctx.clients.read.request(
          "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
          {
            owner,
            repo,
            ref: sha,
            filter: "latest",
            per_page: 100,
            page,
          },
        );
        return {
          total: data.total_count,
          items: data.check_runs.map(
            (run): CheckRun => ({
              id: Number(run.id),
              name: run.name,
              status: run.status,
              conclusion: run.conclusion,
            }),
          ),
        };
      }),
    );
  }
  if (needed.checkSuites) {
    checks.checkSuites = await readChecks(ctx, "check suites", sha, () =>
      paginateWrapped(async (page) => {
        const { data } = await ctx.clients.read.request(
          "GET /repos/{owner}/{repo}/commits/{ref}/check-suites",
          {
            owner,
            repo,
            ref: sha,
            per_page: 100,
            page,
          },
        );
        return {
          total: data.total_count,
          items: data.check_suites.map(
            (suite): CheckSuite => ({
              id: Number(suite.id),
              app: suite.app?.slug ?? "",
              status: suite.status,
              conclusion: suite.conclusion,
              runs: suite.latest_check_runs_count,
            }),
          ),
        };
      }),
    );
  }
  return checks;
}

/**
 * Fetches everything the gate decides on for one pull request and evaluates it. Returns undefined for a pull
 * request this action did not open, or one for another target environment.
 */
export async function evaluatePullRequest(
  ctx: PromotionContext,
  number: number,
  options: { now: Date; to: string },
): Promise<GateEvaluation | undefined> {
  const { owner, repo } = ctx.repository;
  const context = { operation: `read pull request #${number}`, repository: full(ctx), pullRequests: true };
  const { data: pr } = await onGitHub(context, () =>
    ctx.clients.read.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner,
      repo,
      pull_number: number,
    }),
  );
  const marker = parseMarker(pr.body);
  if (!marker || marker.to !== options.to) return undefined;
  if (pr.state !== "open") {
    ctx.logger.info(`pull request #${number} is ${pr.merged ? "merged" : "closed"}; nothing to gate`);
    return undefined;
  }
  const info: PullRequestInfo = {
    number,
    url: pr.html_url,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseRef: pr.base.ref,
    author: pr.user?.login ?? "",
    body: pr.body ?? "",
  };
  const base = await baseHead(ctx, pr.base.ref);
  const config = await configAt(ctx, base.oid);
  const target = findEnvironment(config, marker.to);

  const { data: compare } = await onGitHub(context, () =>
    ctx.clients.read.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      owner,
      repo,
      basehead: `${base.oid}...${info.headSha}`,
    }),
  );
  const sourceCommit = compare.merge_base_commit.sha;
  const listed = compare.files?.length ?? 0;
  if (listed < pr.changed_files) {
    // GitHub lists at most 300 files per comparison; an unchecked file could hide any change.
    throw new UserError(
      `pull request #${number} changes ${pr.changed_files} files and GitHub listed only ${listed}, so the gate cannot check them all`,
      { hint: "Promote fewer apps at once (the `apps` input) so each promotion stays reviewable." },
    );
  }
  const files = await fileContents(
    ctx,
    (compare.files ?? []).map((file) => ({
      path: file.filename,
      status: file.status,
      ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
    })),
    sourceCommit,
    info.headSha,
  );

  const reviews: Review[] = (
    await onGitHub(context, () =>
      paginate((page) =>
        ctx.clients.read.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
          owner,
          repo,
          pull_number: number,
          per_page: 100,
          page,
        }),
      ),
    )
  ).map((review) => ({
    user: review.user?.login ?? "",
    userType: review.user?.type,
    state: review.state,
    commitId: review.commit_id ?? "",
  }));
  const candidates = [
    ...new Set(
      reviews
        .filter(
          (r) => r.user && r.user.toLowerCase() !== info.author.toLowerCase() && !isBot(r.user, r.userType),
        )
        .map((r) => r.user),
    ),
  ];

  const origin: string[] = [];
  if (info.headRef !== promotionBranch(marker)) {
    origin.push(
      `the ${marker.kind} of ${marker.to} must come from branch ${promotionBranch(marker)}, not ${info.headRef}`,
    );
  }
  if (marker.kind === "rollback" && marker.revision) {
    // Only a state the base branch really had is a rollback: any other commit could carry anything.
    const revision = marker.revision;
    const status = await ctx.clients.read
      .request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        owner,
        repo,
        basehead: `${revision}...${base.oid}`,
        per_page: 1,
      })
      .then(
        ({ data }) => data.status,
        (error: unknown) => {
          if (httpStatus(error) === 404) return "missing";
          throw translateGitHubError(error, context);
        },
      );
    if (status !== "ahead" && status !== "identical") {
      origin.push(`rollback revision ${short(revision)} is not in the history of ${base.name}`);
    }
  }

  let source: { name: string; commit: string; images: EnvironmentImages; checks: Checks };
  if (marker.kind === "promotion") {
    const from = findEnvironment(config, marker.from);
    source = {
      name: from.name,
      commit: sourceCommit,
      images: await environmentAt(ctx, base.oid, from),
      checks: await reportsOn(ctx, sourceCommit, target.requireStatus),
    };
  } else {
    const revision = marker.revision ?? sourceCommit;
    source = {
      name: `${target.name} at ${short(revision)}`,
      commit: revision,
      images: await environmentAt(ctx, revision, target),
      checks: { statuses: [] },
    };
  }

  const result = evaluateGate({
    kind: marker.kind,
    now: options.now,
    pullRequest: { number, author: info.author, headSha: info.headSha, files },
    reviews,
    reviewers: {
      reviewers: target.reviewers,
      teamMembers: await teamMembers(ctx, target.reviewers, candidates),
      writers: target.reviewers.length === 0 ? await writers(ctx, candidates) : [],
    },
    approvals: requiredApprovals(target, marker.kind),
    windows: target.windows,
    freezes: target.freezes,
    requireStatus: target.requireStatus,
    target: { name: target.name, paths: target.paths },
    source: {
      name: source.name,
      commit: source.commit,
      images: Object.fromEntries(source.images.apps),
      ...source.checks,
    },
    origin,
  });
  return { pullRequest: info, marker, target, result, sourceCommit };
}

export async function setGateStatus(
  ctx: PromotionContext,
  sha: string,
  state: "pending" | "success" | "failure",
  description: string,
): Promise<void> {
  const { owner, repo } = ctx.repository;
  await onGitHub({ operation: `set the ${GATE_CONTEXT} status`, repository: full(ctx) }, () =>
    ctx.clients.write.request("POST /repos/{owner}/{repo}/statuses/{sha}", {
      owner,
      repo,
      sha,
      state,
      context: GATE_CONTEXT,
      description,
      ...(ctx.runUrl ? { target_url: ctx.runUrl } : {}),
    }),
  );
}

/** Merges at the evaluated head only: a push between evaluation and merge makes GitHub refuse (409). */
export async function mergePullRequest(
  ctx: PromotionContext,
  pullRequest: PullRequestInfo,
  method: "merge" | "squash" | "rebase",
): Promise<string> {
  const { owner, repo } = ctx.repository;
  try {
    const { data } = await ctx.clients.write.request("PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge", {
      owner,
      repo,
      pull_number: pullRequest.number,
      sha: pullRequest.headSha,
      merge_method: method,
    });
    ctx.logger.info(`Merged pull request #${pullRequest.number} (${method}) as ${short(data.sha)}`);
    return data.sha;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 405 || status === 409) {
      throw new UserError(
        `GitHub refused to merge pull request #${pullRequest.number}: ${(error as Error).message}`,
        {
          hint:
            status === 409
              ? "The pull request changed while the gate was evaluated; the next event evaluates it again."
              : "Check the branch protection of the base branch (required reviews or checks this token cannot satisfy) and the allowed merge methods.",
        },
      );
    }
    throw translateGitHubError(error, {
      operation: `merge pull request #${pullRequest.number}`,
      repository: full(ctx),
      pullRequests: true,
    });
  }
}

/**
 * Records a change that landed in an environment as a GitHub Deployment with a success status, so deployment
 * frequency and lead time can be read from GitHub. The images go in the payload.
 */
export async function recordDeployment(
  ctx: PromotionContext,
  deployment: {
    sha: string;
    environment: string;
    images: string[];
    description: string;
    pullRequest?: number;
  },
): Promise<{ id: number; url: string }> {
  const { owner, repo } = ctx.repository;
  const context = { operation: `record a deployment to ${deployment.environment}`, repository: full(ctx) };
  const { data } = await onGitHub(context, () =>
    ctx.clients.write.request("POST /repos/{owner}/{repo}/deployments", {
      owner,
      repo,
      ref: deployment.sha,
      environment: deployment.environment,
      description: deployment.description.slice(0, 140),
      auto_merge: false,
      required_contexts: [],
      payload: {
        images: deployment.images,
        ...(deployment.pullRequest ? { pullRequest: deployment.pullRequest } : {}),
      },
    }),
  );
  if (!("id" in data))
    throw new UserError(`GitHub did not create the deployment: ${data.message ?? "no reason given"}`);
  await onGitHub(context, () =>
    ctx.clients.write.request("POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner,
      repo,
      deployment_id: Number(data.id),
      state: "success",
      description: "Recorded by gitops-pipeline promote-env",
      ...(ctx.runUrl ? { log_url: ctx.runUrl } : {}),
    }),
  );
  ctx.logger.info(`Recorded deployment ${data.id} to ${deployment.environment} at ${short(deployment.sha)}`);
  return { id: Number(data.id), url: data.url };
}

export interface GateRun {
  evaluation: GateEvaluation;
  /** The merge commit, when the gate was open and merging was asked for. */
  merged?: string;
}

/**
 * One pass of the gate over one pull request: evaluate, set the status (pending while a fresh proposal waits,
 * failure once a gate event found it blocked), merge when open and asked, and record the deployment. Undefined for
 * a pull request that is not an open promotion to `to`.
 */
export async function runGate(
  ctx: PromotionContext,
  number: number,
  options: {
    to: string;
    now: Date;
    /** A gate event decided (failure when blocked); otherwise the proposal is waiting (pending). */
    final: boolean;
    merge: false | "merge" | "squash" | "rebase";
    recordDeployment: boolean;
    dryRun: boolean;
  },
): Promise<GateRun | undefined> {
  const evaluation = await evaluatePullRequest(ctx, number, options);
  if (!evaluation) return undefined;
  const { result, pullRequest, target, marker } = evaluation;
  for (const reason of result.reasons) ctx.logger.info(`#${number} blocked: ${reason}`);
  if (options.dryRun) return { evaluation };
  const state = result.open ? "success" : options.final ? "failure" : "pending";
  await setGateStatus(ctx, pullRequest.headSha, state, gateDescription(result));
  if (!result.open || !options.merge) return { evaluation };
  const merged = await mergePullRequest(ctx, pullRequest, options.merge);
  if (options.recordDeployment) {
    await recordDeployment(ctx, {
      sha: merged,
      environment: target.name,
      images: imagesAfter(result.changes),
      description: `${marker.kind} #${number}`,
      pullRequest: number,
    });
  }
  return { evaluation, merged };
}
