import type { Deployment } from "./history.js";

/**
 * DORA performance bands. The thresholds follow the clusters of the Accelerate State of DevOps Report 2023 (DORA,
 * Google Cloud): see docs/metrics.md for the table and how its wording is read as numbers here.
 */
export const BANDS_SOURCE = "Accelerate State of DevOps Report 2023 (DORA)";

export type Band = "elite" | "high" | "medium" | "low";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface MetricsWindow {
  /** Milliseconds since the epoch; deployments at or after `since` and before `until` count. */
  since: number;
  until: number;
}

/** API mode: the latest status GitHub holds for the deployment of `environment` at config commit `sha`. */
export type StatusOf = (environment: string, sha: string) => string | undefined;

export interface EnvironmentMetrics {
  name: string;
  deployments: number;
  deploymentsPerDay: number | null;
  deploymentsPerWeek: number | null;
  leadTimeHours: { median: number | null; p90: number | null; samples: number };
  failedDeployments: number;
  changeFailureRate: number | null;
  timeToRestoreHours: { median: number | null; samples: number };
  /** Failed deployments with no restoring deployment yet. */
  unrestored: number;
  bands: {
    deploymentFrequency: Band | null;
    leadTime: Band | null;
    changeFailureRate: Band | null;
    timeToRestore: Band | null;
  };
  /** What could not be computed, and why. */
  missing: string[];
  /** Deployments in each 7-day span from `since` (the last span may be shorter), for charts. */
  weekly: { start: string; deployments: number }[];
}

export interface MetricsReport {
  since: string;
  until: string;
  bandsSource: string;
  environments: EnvironmentMetrics[];
}

const round = (value: number, places: number) => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

/** The q-quantile by linear interpolation between closest ranks; undefined for no samples. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

export function frequencyBand(perDay: number): Band {
  if (perDay >= 1) return "elite";
  if (perDay >= 1 / 7) return "high";
  if (perDay >= 1 / 30) return "medium";
  return "low";
}

export function leadTimeBand(hours: number): Band {
  if (hours < 24) return "elite";
  if (hours < 24 * 7) return "high";
  if (hours < 24 * 30) return "medium";
  return "low";
}

export function failureRateBand(rate: number): Band {
  if (rate <= 0.05) return "elite";
  if (rate <= 0.1) return "high";
  if (rate <= 0.15) return "medium";
  return "low";
}

export function restoreBand(hours: number): Band {
  if (hours < 1) return "elite";
  if (hours < 24) return "high";
  if (hours < 24 * 7) return "medium";
  return "low";
}

const FAILED_STATUSES = new Set(["failure", "error"]);

/** Whether a deployment failed, and the deployment that restored it (by list index) when there is one. */
function failure(
  list: readonly Deployment[],
  index: number,
  statusOf: StatusOf | undefined,
): { failed: boolean; restoredAt?: number } {
  const deployment = list[index]!;
  if (deployment.restoredBy !== undefined) {
    return { failed: true, restoredAt: list[deployment.restoredBy]!.time };
  }
  const status = statusOf?.(deployment.environment, deployment.sha);
  if (status === undefined || !FAILED_STATUSES.has(status)) return { failed: false };
  // Fixed forward: the next deployment GitHub does not report as failed restores service.
  for (let next = index + 1; next < list.length; next++) {
    const later = statusOf?.(list[next]!.environment, list[next]!.sha);
    if (later === undefined || !FAILED_STATUSES.has(later))
      return { failed: true, restoredAt: list[next]!.time };
  }
  return { failed: true };
}

/** The four keys for one environment over a window; a figure that has no data is null and named in `missing`. */
export function environmentMetrics(
  name: string,
  list: readonly Deployment[],
  window: MetricsWindow,
  statusOf?: StatusOf,
): EnvironmentMetrics {
  const missing: string[] = [];
  const inWindow: number[] = [];
  list.forEach((deployment, index) => {
    if (deployment.time >= window.since && deployment.time < window.until) inWindow.push(index);
  });
  const days = (window.until - window.since) / DAY;
  const count = inWindow.length;
  const perDay = days > 0 ? count / days : null;
  if (days <= 0) missing.push("the window is empty (until is not after since): no deployment frequency");
  if (count === 0) missing.push("no deployment in the window");

  const leadTimes: number[] = [];
  for (const index of inWindow) {
    const deployment = list[index]!;
    for (const source of deployment.sources) leadTimes.push((deployment.time - source.timeMs) / HOUR);
  }
  if (count > 0 && leadTimes.length === 0) {
    missing.push(
      "no deployment in the window traces back to a Source-Commit-Time trailer: lead time unknown " +
        "(update-manifest-tag writes the trailers)",
    );
  }

  let failed = 0;
  let unrestored = 0;
  const restores: number[] = [];
  for (const index of inWindow) {
    const verdict = failure(list, index, statusOf);
    if (!verdict.failed) continue;
    failed++;
    if (verdict.restoredAt === undefined) unrestored++;
    else restores.push((verdict.restoredAt - list[index]!.time) / HOUR);
  }
  if (count > 0 && failed === 0) missing.push("no failed deployment in the window: time to restore unknown");
  if (unrestored > 0)
    missing.push(`${unrestored} failed deployment(s) not restored yet: left out of time to restore`);

  const median = quantile(leadTimes, 0.5);
  const p90 = quantile(leadTimes, 0.9);
  const restore = quantile(restores, 0.5);
  const rate = count > 0 ? failed / count : null;
  return {
    name,
    deployments: count,
    deploymentsPerDay: perDay === null ? null : round(perDay, 3),
    deploymentsPerWeek: perDay === null ? null : round(perDay * 7, 3),
    leadTimeHours: {
      median: median === undefined ? null : round(median, 2),
      p90: p90 === undefined ? null : round(p90, 2),
      samples: leadTimes.length,
    },
    failedDeployments: failed,
    changeFailureRate: rate === null ? null : round(rate, 3),
    timeToRestoreHours: {
      median: restore === undefined ? null : round(restore, 2),
      samples: restores.length,
    },
    unrestored,
    bands: {
      deploymentFrequency: perDay === null ? null : frequencyBand(perDay),
      leadTime: median === undefined ? null : leadTimeBand(median),
      changeFailureRate: rate === null ? null : failureRateBand(rate),
      timeToRestore: restore === undefined ? null : restoreBand(restore),
    },
    missing,
    weekly: weeklyCounts(
      inWindow.map((index) => list[index]!.time),
      window,
    ),
  };
}

function weeklyCounts(
  times: readonly number[],
  window: MetricsWindow,
): { start: string; deployments: number }[] {
  const weeks: { start: string; deployments: number }[] = [];
  for (let start = window.since; start < window.until && weeks.length < 520; start += 7 * DAY) {
    const end = Math.min(start + 7 * DAY, window.until);
    weeks.push({
      start: new Date(start).toISOString().slice(0, 10),
      deployments: times.filter((time) => time >= start && time < end).length,
    });
  }
  return weeks;
}

export function metricsReport(
  deployments: ReadonlyMap<string, readonly Deployment[]>,
  environments: readonly string[],
  window: MetricsWindow,
  statusOf?: StatusOf,
): MetricsReport {
  return {
    since: new Date(window.since).toISOString(),
    until: new Date(window.until).toISOString(),
    bandsSource: BANDS_SOURCE,
    environments: environments.map((name) =>
      environmentMetrics(name, deployments.get(name) ?? [], window, statusOf),
    ),
  };
}

const show = (value: number | null, unit = "") => (value === null ? "—" : `${value}${unit}`);

/** The report as a plain-text table for a terminal, followed by what is missing per environment. */
export function formatMetricsText(report: MetricsReport): string {
  const lines = [`Delivery metrics ${report.since} … ${report.until}`, ""];
  for (const env of report.environments) {
    const band = (value: Band | null) => (value === null ? "" : ` [${value}]`);
    lines.push(
      `${env.name}`,
      `  deployments          ${env.deployments} (${show(env.deploymentsPerDay)}/day, ${show(env.deploymentsPerWeek)}/week)${band(env.bands.deploymentFrequency)}`,
      `  lead time            median ${show(env.leadTimeHours.median, " h")}, p90 ${show(env.leadTimeHours.p90, " h")} (${env.leadTimeHours.samples} samples)${band(env.bands.leadTime)}`,
      `  change failure rate  ${env.changeFailureRate === null ? "—" : `${round(env.changeFailureRate * 100, 1)}%`} (${env.failedDeployments} failed)${band(env.bands.changeFailureRate)}`,
      `  time to restore      median ${show(env.timeToRestoreHours.median, " h")} (${env.timeToRestoreHours.samples} samples)${band(env.bands.timeToRestore)}`,
      ...env.missing.map((note) => `  missing: ${note}`),
      "",
    );
  }
  lines.push(`Bands: ${report.bandsSource}.`);
  return `${lines.join("\n")}\n`;
}
