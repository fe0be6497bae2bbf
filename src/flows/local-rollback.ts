import type { PipelineConfig } from "../environments/index.js";
import { findEnvironment } from "../environments/index.js";
import { UserError } from "../errors.js";
import { parseImageRef } from "../image/index.js";
import type { ChangeSet } from "../manifests/index.js";
import { knownGood, rollbackSteps } from "../metrics/index.js";
import { appOf } from "../promote/pairing.js";
import { type LocalRepo, planUpdate, resolvePaths } from "../update/index.js";
import { readLocalHistory } from "./metrics.js";

export interface LocalRollback {
  plan: ChangeSet;
  /** Why the references returned to were chosen. */
  reason: string;
  /** Differences a reference edit cannot undo. */
  skipped: string[];
}

/**
 * Plans putting an environment of a local checkout back on its last known-good references, read from the
 * first-parent history of the checked-out branch (see knownGood). Nothing is written here.
 */
export async function planLocalRollback(
  repo: LocalRepo,
  config: PipelineConfig,
  environment: string,
): Promise<LocalRollback> {
  const env = findEnvironment(config, environment);
  const history = await readLocalHistory(repo.root, config);
  const list = history.deployments.get(env.name) ?? [];
  const current = list.at(-1);
  const good = knownGood(list);
  if (!current || !good) {
    throw new UserError(`${env.name} has no earlier image references in the history to roll back to`, {
      file: config.file,
      line: env.line,
      hint: "A rollback needs at least two commits that changed the environment's image references.",
    });
  }
  const { steps, skipped } = rollbackSteps(current.after, good.state);
  const files = await resolvePaths(repo, env.paths);
  const plan: ChangeSet = { changes: [], files: [] };
  const apps = [...new Set(steps.map((step) => step.app))];
  for (const app of apps) {
    const appFiles = files.filter((file) => appOf(file, env.paths) === app);
    const images = steps.filter((step) => step.app === app).map((step) => parseImageRef(step.to));
    const part = await planUpdate(repo, appFiles, images);
    plan.changes.push(...part.changes);
    plan.files.push(...part.files);
  }
  return { plan, reason: good.reason, skipped };
}
