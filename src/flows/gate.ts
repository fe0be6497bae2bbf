import { type Environment, findEnvironment } from "../environments/index.js";
import { UserError } from "../errors.js";
import type { Checks } from "../promote/checks.js";
import { targetPolicy } from "../promote/edges.js";
import { evaluateGate, type GateResult, gateDescription, imagesAfter } from "../promote/gate.js";
import type { EnvironmentImages } from "../promote/plan.js";
import { isBot } from "../promote/reviews.js";
import { type PromotionMarker, parseMarker, promotionBranch } from "../promote/texts.js";
import type { PullRequestInfo } from "./ports.js";
import { configAt, environmentAt, GATE_CONTEXT, type PromotionContext, short } from "./promotion.js";
import { recordDeployment } from "./record.js";

export type { PullRequestInfo } from "./ports.js";

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
  const pulls = await ctx.repo.openPullRequests();
  return pulls.filter((pr) => parseMarker(pr.body)?.to === to).map((pr) => pr.number);
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
  const operation = `read pull request #${number}`;
  const pr = await ctx.repo.pullRequest(number);
  const marker = parseMarker(pr.body);
  if (!marker || marker.to !== options.to) return undefined;
  if (pr.state !== "open") {
    ctx.logger.info(`pull request #${number} is ${pr.merged ? "merged" : "closed"}; nothing to gate`);
    return undefined;
  }
  const info: PullRequestInfo = {
    number,
    url: pr.url,
    headSha: pr.headSha,
    headRef: pr.headRef,
    baseRef: pr.baseRef,
    author: pr.author,
    body: pr.body,
  };
  const base = await ctx.repo.branchHead(pr.baseRef);
  const config = await configAt(ctx, base.oid);
  const target = findEnvironment(config, marker.to);

  const compared = await ctx.repo.compare(base.oid, info.headSha, operation);
  const sourceCommit = compared.mergeBase;
  const listed = compared.files.length;
  if (listed < pr.changedFiles) {
    // GitHub lists at most 300 files per comparison; an unchecked file could hide any change.
    throw new UserError(
      `pull request #${number} changes ${pr.changedFiles} files and GitHub listed only ${listed}, so the gate cannot check them all`,
      { hint: "Promote fewer apps at once (the `apps` input) so each promotion stays reviewable." },
    );
  }
  const files = await ctx.repo.contents(compared.files, sourceCommit, info.headSha);

  const reviews = await ctx.repo.reviews(number);
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
    if (!(await ctx.repo.inHistory(revision, base.oid, operation))) {
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
      checks: await ctx.repo.reportsOn(sourceCommit, target.requireStatus),
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
      teamMembers: await ctx.repo.teamMembers(target.reviewers, candidates),
      writers: target.reviewers.length === 0 ? await ctx.repo.writers(candidates) : [],
    },
    ...targetPolicy(target, marker.kind),
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

export function setGateStatus(
  ctx: PromotionContext,
  sha: string,
  state: "pending" | "success" | "failure",
  description: string,
): Promise<void> {
  return ctx.repo.setStatus(sha, { context: GATE_CONTEXT, state, description });
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
  const merged = await ctx.repo.merge(pullRequest, options.merge);
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
