import type { Environment } from "../environments/index.js";
import { UserError } from "../errors.js";
import { formatImageRef } from "../image/index.js";
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
async function previousRevision(ctx: PromotionContext, base: string, target: Environment): Promise<string> {
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

/**
 * Where a rollback of `target` returns to, and what the target ran there: the given revision, or the state before
 * the last change of its image references on `base`.
 */
export async function rollbackPoint(
  ctx: PromotionContext,
  base: string,
  target: Environment,
  revision?: string,
): Promise<{ revision: string; images: EnvironmentImages }> {
  const commit = revision
    ? await ctx.repo.resolveCommit(revision)
    : await previousRevision(ctx, base, target);
  return {
    revision: commit,
    images: await environmentAt(ctx, commit, target, `${target.name} at ${short(commit)}`),
  };
}
