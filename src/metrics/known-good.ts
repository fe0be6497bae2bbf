import { type Deployment, type EnvironmentState, slotParts } from "./history.js";
import type { StatusOf } from "./report.js";

export interface KnownGood {
  /** What the environment should run again. */
  state: EnvironmentState;
  /** The deployment that left that state, when one is known good; undefined when falling back to the previous refs. */
  deployment?: Deployment;
  /** Why this state was chosen, for the user. */
  reason: string;
}

const short = (sha: string) => sha.slice(0, 7);

/**
 * Where a rollback of an environment returns to: the last deployment before the current one that is known good —
 * with GitHub's statuses the last one reported `success`, from git alone the last one no later deployment rolled
 * back — else the references that ran before the current deployment. Undefined when there is nothing to return to.
 */
export function knownGood(list: readonly Deployment[], statusOf?: StatusOf): KnownGood | undefined {
  const current = list.at(-1);
  if (!current) return undefined;
  for (let index = list.length - 2; index >= 0; index--) {
    const candidate = list[index]!;
    const good = statusOf
      ? statusOf(candidate.environment, candidate.sha) === "success"
      : candidate.restoredBy === undefined;
    if (good) {
      return {
        state: candidate.after,
        deployment: candidate,
        reason: statusOf
          ? `the last deployment reported success, ${short(candidate.sha)}`
          : `the last deployment no later change rolled back, ${short(candidate.sha)}`,
      };
    }
  }
  if (current.before.size === 0) return undefined;
  return {
    state: current.before,
    reason: `the references before the current deployment ${short(current.sha)}`,
  };
}

export interface RollbackStep {
  app: string;
  image: string;
  from: string;
  to: string;
}

/** The per-app image changes that take `current` back to `target`, and the differences a reference edit cannot undo. */
export function rollbackSteps(
  current: EnvironmentState,
  target: EnvironmentState,
): { steps: RollbackStep[]; skipped: string[] } {
  const steps: RollbackStep[] = [];
  const skipped: string[] = [];
  const slots = new Set([...current.keys(), ...target.keys()]);
  for (const slot of [...slots].sort()) {
    const from = current.get(slot);
    const to = target.get(slot);
    if (from === to) continue;
    const { app, image } = slotParts(slot);
    if (from === undefined || to === undefined) {
      skipped.push(
        `${image} in app ${app} ${from === undefined ? "was removed since" : "was added since"}: edit it by hand`,
      );
    } else if (to.includes(" ") || from.includes(" ")) {
      skipped.push(`${image} in app ${app} is held at several versions (${to}): edit it by hand`);
    } else {
      steps.push({ app, image, from, to });
    }
  }
  return { steps, skipped };
}
