import type { Environment, PipelineConfig } from "../environments/index.js";
import { findEnvironment } from "../environments/index.js";
import { UserError } from "../errors.js";

/**
 * The source and target of one promotion. Without an explicit source the target receives from the environment
 * before it in `promotion`.
 */
export function promotionEdge(
  config: PipelineConfig,
  to: string,
  from?: string,
): { source: Environment; target: Environment } {
  const target = findEnvironment(config, to);
  if (from) {
    if (from === to) {
      throw new UserError(`cannot promote ${to} to itself`, { hint: "Give two different environments." });
    }
    return { source: findEnvironment(config, from), target };
  }
  const index = config.promotion.indexOf(to);
  if (index <= 0) {
    throw new UserError(
      index < 0
        ? `environment '${to}' is not in the promotion order, so the environment it receives from is unknown`
        : `environment '${to}' is the first in the promotion order, so nothing is promoted to it`,
      {
        file: config.file,
        hint: `Name the source explicitly, or list it before '${to}' in promotion: [...].`,
      },
    );
  }
  return { source: findEnvironment(config, config.promotion[index - 1]!), target };
}

/** Approvals a pull request needs: `rollback-approvals` for a rollback (falling back to `approvals`). */
export function requiredApprovals(target: Environment, kind: "promotion" | "rollback"): number {
  return kind === "rollback" ? (target.rollbackApprovals ?? target.approvals) : target.approvals;
}

/**
 * What the target environment's config asks of a promotion or rollback into it, as the gate takes it: one place, so
 * a new environment setting reaches the gate on GitHub and on a laptop alike.
 */
export function targetPolicy(target: Environment, kind: "promotion" | "rollback") {
  return {
    approvals: requiredApprovals(target, kind),
    windows: target.windows,
    freezes: target.freezes,
    requireStatus: target.requireStatus,
    target: { name: target.name, paths: target.paths },
  };
}
