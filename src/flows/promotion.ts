import { type Environment, loadConfig, type PipelineConfig } from "../environments/index.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import { type EnvironmentImages, readEnvironment } from "../promote/plan.js";
import type { PromotionRepository } from "./ports.js";

/** Where promotions happen and how to reach it; what every promotion flow (propose, gate, rollback, record) is given. */
export interface PromotionContext {
  repo: PromotionRepository;
  /** Branch the environments live on; the default branch when empty. */
  base?: string;
  /** Path of the pipeline config in the repository. */
  config: string;
  serverUrl: string;
  runUrl?: string;
  logger: Logger;
}

/** The commit status the gate sets on a promotion's head commit. */
export const GATE_CONTEXT = "gitops-pipeline/promotion";

export const short = (sha: string) => sha.slice(0, 7);

/** The pipeline config as the repository had it at `oid`: a promotion cannot loosen its own gate. */
export async function configAt(ctx: PromotionContext, oid: string): Promise<PipelineConfig> {
  const text = await ctx.repo.snapshotAt(oid).read(ctx.config);
  if (text === undefined) {
    throw new UserError(`${ctx.config} is missing in ${ctx.repo.name} at ${short(oid)}`, {
      hint: "Create the config file at the repository root, or set `config` to where it is.",
    });
  }
  return loadConfig(text, ctx.config);
}

/** What an environment runs at one commit, read without a clone. */
export async function environmentAt(
  ctx: PromotionContext,
  oid: string,
  env: Environment,
  name = env.name,
): Promise<EnvironmentImages> {
  const snapshot = ctx.repo.snapshotAt(oid, env.paths, `read ${env.name} at ${short(oid)}`);
  const read = await readEnvironment(snapshot, env);
  return { ...read, name };
}
