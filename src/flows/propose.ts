import { type Environment, findEnvironment } from "../environments/index.js";
import { promotionEdge } from "../promote/edges.js";
import { type PromotionPlan, planBetween, planPromotion, readEnvironment } from "../promote/plan.js";
import {
  commitMessage,
  type PromotionMarker,
  promotionBody,
  promotionBranch,
  promotionTitle,
} from "../promote/texts.js";
import type { DeliveryResult, PullRequestExtras } from "../update/delivery.js";
import type { RepoReader, UpdatePlan } from "../update/index.js";
import { configAt, type PromotionContext } from "./promotion.js";
import { rollbackPoint } from "./rollback.js";

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
  /** For a rollback: why it returns where it does (which deployment, or the previous references). */
  reason?: string;
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
  const base = await ctx.repo.branchHead(ctx.base);
  const config = await configAt(ctx, base.oid);
  let marker: PromotionMarker;
  let target: Environment;
  let patterns: string[];
  let planOn: (reader: RepoReader) => Promise<PromotionPlan>;
  let reason: string | undefined;
  const filters = { apps: request.apps, images: request.images };
  if (request.kind === "promotion") {
    const edge = promotionEdge(config, request.to, request.from);
    target = edge.target;
    marker = { kind: "promotion", from: edge.source.name, to: target.name };
    patterns = [...new Set([...edge.source.paths, ...target.paths])];
    planOn = (reader) => planPromotion(reader, edge.source, edge.target, filters);
  } else {
    target = findEnvironment(config, request.to);
    const rollback = await rollbackPoint(ctx, base.oid, target, request.revision);
    marker = { kind: "rollback", from: target.name, to: target.name, revision: rollback.revision };
    reason = rollback.reason;
    patterns = target.paths;
    const environment = target;
    planOn = async (reader) =>
      planBetween(rollback.images, await readEnvironment(reader, environment), filters);
  }

  let promotion: PromotionPlan | undefined;
  let plannedOn = base.oid;
  const delivery = await ctx.repo.deliver({
    base: base.name,
    mode: target.mode,
    target: { patterns },
    plan: async (reader, _patterns, commit): Promise<UpdatePlan> => {
      plannedOn = commit || plannedOn;
      promotion = await planOn(reader);
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
          reason,
        }),
      };
    },
    pullRequest: {
      labels: [marker.kind, `env:${target.name}`],
      ...reviewerRequests(target, ctx.repo.owner),
      draft: false,
      autoMerge: false,
    },
    dryRun: request.dryRun,
    ...request.extras,
  });
  return { delivery, plan: promotion!, marker, target, reason };
}
