import type { Environment } from "../environments/index.js";
import { UserError } from "../errors.js";
import { formatImageRef } from "../image/index.js";
import { type Deployment, knownGood } from "../metrics/index.js";
import type { EnvironmentImages } from "../promote/plan.js";
import { resolvePaths } from "../update/index.js";
import { environmentAt, type PromotionContext, short } from "./promotion.js";

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
async function previousRevision(
  ctx: PromotionContext,
  base: string,
  target: Environment,
): Promise<{ revision: string; reason: string }> {
  const current = await environmentAt(ctx, base, target);
  const files = await resolvePaths(ctx.repo.snapshotAt(base, target.paths), target.paths);
  const candidates = new Map<string, { date: string; parent?: string }>();
  for (const path of files) {
    for (const commit of await ctx.repo.commitsTouching(base, path, 10)) {
      candidates.set(commit.sha, { date: commit.date, parent: commit.parent });
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
      return {
        revision: parent,
        reason: `the references ${target.name} ran before its image references last changed in ${short(sha)}`,
      };
    }
  }
  throw new UserError(
    `found no earlier image references of ${target.name} in the recent history of its files`,
    {
      hint: "Give the commit to return to with the `revision` input.",
    },
  );
}

/** How many of an environment's newest GitHub deployments a rollback looks through for a known-good one. */
const DEPLOYMENTS_READ = 30;

/**
 * The commit of the last known-good deployment of `target` recorded on GitHub: the newest one before the current
 * (the newest recorded) whose newest status is `success`, chosen by the core's knownGood. Undefined when none is
 * known, or when its commit is not in `base`'s history (a deployment from another branch cannot be returned to).
 */
async function knownGoodRevision(
  ctx: PromotionContext,
  base: string,
  target: Environment,
): Promise<{ revision: string; reason: string; deployment: { id: number; sha: string } } | undefined> {
  const recorded = await ctx.repo.deploymentHistory(target.name, DEPLOYMENTS_READ);
  // Several deployments may record one commit (a re-run, a gate and a push); the newest one's status counts.
  const stateOf = new Map<string, string | undefined>();
  for (const deployment of recorded)
    if (!stateOf.has(deployment.sha)) stateOf.set(deployment.sha, deployment.state);
  const oldestFirst = [...recorded].reverse();
  const list: Deployment[] = oldestFirst.map((deployment) => ({
    environment: target.name,
    sha: deployment.sha,
    time: Date.parse(deployment.createdAt),
    changes: [],
    before: new Map(),
    after: new Map(),
    sources: [],
  }));
  const good = knownGood(list, (_environment, sha) => stateOf.get(sha));
  const chosen = good?.deployment ? oldestFirst[list.indexOf(good.deployment)] : undefined;
  if (!chosen) return undefined;
  if (!(await ctx.repo.inHistory(chosen.sha, base, `roll back ${target.name}`))) {
    ctx.logger.info(
      `deployment ${chosen.id} of ${target.name} records ${short(chosen.sha)}, which is not in the base branch's history; not returning to it`,
    );
    return undefined;
  }
  const newer = recorded
    .slice(0, recorded.indexOf(chosen))
    .map((deployment) => `${deployment.id} (${deployment.state ?? "no status"})`);
  const reason =
    `deployment ${chosen.id} of ${target.name} (config commit ${short(chosen.sha)}) is the last known-good one: ` +
    `the newest before the current deployment whose status is success` +
    (newer.length > 0 ? `; newer deployments: ${newer.join(", ")}` : "");
  ctx.logger.info(`rolling ${target.name} back to ${reason}`);
  return { revision: chosen.sha, reason, deployment: { id: chosen.id, sha: chosen.sha } };
}

/**
 * Where a rollback of `target` returns to, what the target ran there, and why: the given revision, else the last
 * known-good deployment GitHub records, else the state before the last change of its image references on `base`.
 */
export async function rollbackPoint(
  ctx: PromotionContext,
  base: string,
  target: Environment,
  revision?: string,
): Promise<{
  revision: string;
  images: EnvironmentImages;
  reason: string;
  deployment?: { id: number; sha: string };
}> {
  let point: { revision: string; reason: string; deployment?: { id: number; sha: string } };
  if (revision) {
    point = { revision: await ctx.repo.resolveCommit(revision), reason: "the revision given" };
  } else {
    const known = await knownGoodRevision(ctx, base, target);
    if (known) point = known;
    else {
      const previous = await previousRevision(ctx, base, target);
      point = {
        revision: previous.revision,
        reason: `no deployment of ${target.name} before the current one is known good (reported success), so ${previous.reason}`,
      };
    }
  }
  return {
    ...point,
    images: await environmentAt(ctx, point.revision, target, `${target.name} at ${short(point.revision)}`),
  };
}
