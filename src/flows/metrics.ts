import type { PipelineConfig } from "../environments/index.js";
import { findEnvironment } from "../environments/index.js";
import { GitBranchLog } from "../git/commit-reader.js";
import {
  type Deployment,
  findDeployments,
  type MetricsReport,
  metricsReport,
  replayHistory,
  type StatusOf,
  wantedBlobs,
} from "../metrics/index.js";
import type { Deployments } from "./ports.js";

/** The deployments of a local repository's checked-out branch, from its first-parent history alone. */
export interface LocalHistory {
  deployments: Map<string, Deployment[]>;
  /** What the history could not tell, for the report's notes. */
  notes: string[];
  head?: string;
}

export async function readLocalHistory(dir: string, config: PipelineConfig): Promise<LocalHistory> {
  const git = new GitBranchLog(dir);
  const log = await git.firstParentLog();
  const environments = config.environments.map(({ name, paths }) => ({ name, paths }));
  const blobs = await git.blobs(wantedBlobs(log, environments));
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
  /** GitHub's recorded deployments (API mode): a deployment whose newest status is `failure` counts as failed. */
  deployments?: Pick<Deployments, "deploymentHistory">;
}

/** How many deployments per environment metrics read statuses of: a year of several a day. */
const DEPLOYMENTS_READ = 1000;

/**
 * The state of each config commit's newest recorded deployment per environment, read from `since` on, as the
 * core's StatusOf; with the count of deployments read, for the notes.
 */
async function recordedStatuses(
  deployments: Pick<Deployments, "deploymentHistory">,
  environments: readonly string[],
  since: Date,
): Promise<{ statusOf: StatusOf; read: number; failures: number }> {
  const states = new Map<string, string | undefined>();
  let read = 0;
  let failures = 0;
  for (const environment of environments) {
    const recorded = await deployments.deploymentHistory(environment, DEPLOYMENTS_READ, since);
    read += recorded.length;
    for (const deployment of recorded) {
      const key = `${environment}\u0000${deployment.sha}`;
      // Newest first: a later deployment of the same commit (a re-run) has the say.
      if (states.has(key)) continue;
      states.set(key, deployment.state);
      if (deployment.state === "failure" || deployment.state === "error") failures++;
    }
  }
  return { statusOf: (environment, sha) => states.get(`${environment}\u0000${sha}`), read, failures };
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
  const notes = [...history.notes];
  let statusOf: StatusOf | undefined;
  if (request.deployments) {
    const recorded = await recordedStatuses(request.deployments, names, request.since);
    statusOf = recorded.statusOf;
    notes.push(
      `read the statuses of ${recorded.read} recorded deployment(s) on GitHub; ${recorded.failures} report failure or error`,
    );
  }
  const report = metricsReport(
    history.deployments,
    names,
    { since: request.since.getTime(), until: request.until.getTime() },
    statusOf,
  );
  return { report, notes };
}
