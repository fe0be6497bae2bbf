import type { DeploymentRecord } from "./ports.js";
import type { PromotionContext } from "./promotion.js";

/**
 * Records a change that landed in an environment (a deployment with a success status, the images in its payload),
 * so deployment frequency and lead time can be read from the repository's host.
 */
export function recordDeployment(
  ctx: PromotionContext,
  deployment: DeploymentRecord,
): Promise<{ id: number; url: string }> {
  return ctx.repo.recordDeployment(deployment);
}
