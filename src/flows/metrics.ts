import type { PipelineConfig } from "../environments/index.js";
import { findEnvironment } from "../environments/index.js";
import { readBlobs, readFirstParentLog } from "../git/history.js";
import {
  type Deployment,
  findDeployments,
  type MetricsReport,
  metricsReport,
  replayHistory,
  type StatusOf,
  wantedBlobs,
} from "../metrics/index.js";

/** The deployments of a local repository's checked-out branch, from its first-parent history alone. */
export interface LocalHistory {
  deployments: Map<string, Deployment[]>;
  /** What the history could not tell, for the report's notes. */
  notes: string[];
  head?: string;
}

export async function readLocalHistory(dir: string, config: PipelineConfig): Promise<LocalHistory> {
  const log = await readFirstParentLog(dir);
  const environments = config.environments.map(({ name, paths }) => ({ name, paths }));
  const blobs = await readBlobs(dir, wantedBlobs(log, environments));
  const replay = replayHistory(log, environments, blobs);
  const notes: string[] = [];
  if (replay.rejectedTrailers > 0) {
    notes.push(
      `${replay.rejectedTrailers} Source-Commit trailer(s) were malformed or unpaired and are ignored`,
    );
  }
  if (replay.unreadable > 0) {
    notes.push(
      `${replay.unreadable} file version(s) could not be read as YAML; their images count as absent`,
    );
  }
  return { deployments: findDeployments(replay.commits), notes, head: log.at(-1)?.sha };
}

export interface MetricsRequest {
  dir: string;
  config: PipelineConfig;
  /** Environments to report, in this order; all of the config's (in promotion order) when empty. */
  environments: readonly string[];
  since: Date;
  until: Date;
  statusOf?: StatusOf;
}

export async function localMetrics(
  request: MetricsRequest,
): Promise<{ report: MetricsReport; notes: string[] }> {
  const names =
    request.environments.length > 0
      ? request.environments.map((name) => findEnvironment(request.config, name).name)
      : [
          ...request.config.promotion,
          ...request.config.environments
            .map((env) => env.name)
            .filter((name) => !request.config.promotion.includes(name)),
        ];
  const history = await readLocalHistory(request.dir, request.config);
  const report = metricsReport(
    history.deployments,
    names,
    { since: request.since.getTime(), until: request.until.getTime() },
    request.statusOf,
  );
  return { report, notes: history.notes };
}
