import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as core from "@actions/core";
import { CONFIG_FILE, loadConfig } from "../environments/index.js";
import { UserError } from "../errors.js";
import { localMetrics } from "../flows/metrics.js";
import { pushedChanges } from "../flows/record-changes.js";
import {
  deploymentHistory,
  type Health,
  recordEnvironmentChange,
  reportHealth,
} from "../github/deployment-records.js";
import type { GitHubRepository } from "../github/repository.js";
import { parseIsoTime } from "../metrics/index.js";
import { metricsSummary } from "../texts/metrics-summary.js";
import { getList, getString, logInfo, writeSummary } from "./runtime.js";

const DAY = 86_400_000;

function dateInput(name: string, text: string): Date {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseIsoTime(`${text}T00:00:00Z`) : parseIsoTime(text);
  if (ms === undefined) {
    throw new UserError(`input '${name}' ${JSON.stringify(text.slice(0, 40))} is not a date`, {
      hint: "Write YYYY-MM-DD (midnight UTC) or an ISO 8601 time with a zone.",
    });
  }
  return new Date(ms);
}

/**
 * promote-env's `metrics` mode: the DORA report of a checked-out config repository (actions/checkout with
 * fetch-depth: 0), as the `metrics` output (JSON) and a job summary with a table and a chart. With a connection
 * (a token), deployments GitHub reports as `failure` count as failed too; without, git alone decides.
 */
export async function runMetrics(env: NodeJS.ProcessEnv, connect?: () => GitHubRepository): Promise<void> {
  const directory = resolve(env.GITHUB_WORKSPACE ?? ".", getString("working-directory").trim() || ".");
  const until = getString("until").trim() ? dateInput("until", getString("until").trim()) : new Date();
  const since = getString("since").trim()
    ? dateInput("since", getString("since").trim())
    : new Date(until.getTime() - 30 * DAY);
  if (since >= until) throw new UserError("input 'since' must be before 'until'");
  const configPath = getString("config").trim() || CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(resolve(directory, configPath), "utf8");
  } catch (error) {
    throw new UserError(
      `cannot read ${configPath} in ${directory} (${(error as NodeJS.ErrnoException).code})`,
      {
        hint: "Check out the config repository with its history first (actions/checkout with fetch-depth: 0).",
      },
    );
  }
  const config = loadConfig(text, configPath);
  const on = connect?.();
  const { report, notes } = await localMetrics({
    dir: directory,
    config,
    environments: getList("to"),
    since,
    until,
    ...(on
      ? {
          deployments: {
            deploymentHistory: (environment: string, limit: number, from?: Date) =>
              deploymentHistory(on, environment, limit, from),
          },
        }
      : {}),
  });
  for (const note of notes) logInfo(`note: ${note}`);
  for (const item of report.environments) {
    logInfo(
      `${item.name}: ${item.deployments} deployment(s), lead time median ${item.leadTimeHours.median ?? "unknown"} h, ` +
        `change failure rate ${item.changeFailureRate ?? "unknown"}, time to restore median ${item.timeToRestoreHours.median ?? "unknown"} h`,
    );
  }
  core.setOutput("metrics", JSON.stringify(report));
  core.setOutput("operation", "measured");
  await writeSummary(metricsSummary(report));
}

const COMMIT_ID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** before/after of the push event; only `after` (GITHUB_SHA) for other events. Unchecked values are dropped. */
async function pushedRange(env: NodeJS.ProcessEnv): Promise<{ before?: string; after: string }> {
  let payload: { before?: unknown; after?: unknown } = {};
  if (env.GITHUB_EVENT_PATH) {
    payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8").catch(() => "{}")) as typeof payload;
  }
  const after =
    typeof payload.after === "string" && COMMIT_ID.test(payload.after) ? payload.after : env.GITHUB_SHA;
  if (!after || !COMMIT_ID.test(after)) {
    throw new UserError("record mode needs the pushed commit (a push event, or GITHUB_SHA)", {
      hint: "Run it on: push to the default branch.",
    });
  }
  const before =
    typeof payload.before === "string" && COMMIT_ID.test(payload.before) && !/^0+$/.test(payload.before)
      ? payload.before
      : undefined;
  return { before, after };
}

/**
 * promote-env's `record` mode, on push to the config repository's default branch: one GitHub deployment per
 * environment whose image references the pushed commits changed, with {images, sourceCommits, configCommit}.
 */
export async function runRecord(
  env: NodeJS.ProcessEnv,
  token: string,
  connect: (token: string) => GitHubRepository,
): Promise<void> {
  const directory = resolve(env.GITHUB_WORKSPACE ?? ".", getString("working-directory").trim() || ".");
  const configPath = getString("config").trim() || CONFIG_FILE;
  const text = await readFile(resolve(directory, configPath), "utf8").catch(
    (error: NodeJS.ErrnoException) => {
      throw new UserError(`cannot read ${configPath} in ${directory} (${error.code})`, {
        hint: "Check out the config repository with its history first (actions/checkout with fetch-depth: 0).",
      });
    },
  );
  const config = loadConfig(text, configPath);
  const { before, after } = await pushedRange(env);
  const changes = await pushedChanges(directory, config, before, after);
  const on = connect(token);
  const recorded: { environment: string; sha: string; id: number; created: boolean }[] = [];
  for (const change of changes) {
    const result = await recordEnvironmentChange(on, change);
    recorded.push({ environment: change.environment, sha: change.sha, ...result });
  }
  if (changes.length === 0) logInfo("the pushed commits change no environment's image references");
  core.setOutput("deployments", JSON.stringify(recorded));
  core.setOutput("operation", recorded.some((r) => r.created) ? "recorded" : "unchanged");
  await writeSummary(
    recorded.length === 0
      ? ""
      : [
          "### Deployments recorded",
          "",
          "| Environment | Config commit | Deployment |",
          "| --- | --- | --- |",
          ...recorded.map(
            (r) =>
              `| ${r.environment} | ${r.sha.slice(0, 7)} | ${r.id}${r.created ? "" : " (already recorded)"} |`,
          ),
          "",
        ].join("\n"),
  );
}

/** promote-env's `report-health` mode: the newest deployment of `to` becomes in_progress, success or failure. */
export async function runReportHealth(
  environment: string,
  health: Health,
  token: string,
  connect: (token: string) => GitHubRepository,
): Promise<void> {
  const result = await reportHealth(
    connect(token),
    environment,
    health,
    `gitops-pipeline: reported ${health}`,
  );
  core.setOutput(
    "deployments",
    JSON.stringify([{ environment, sha: result.sha, id: result.id, created: false }]),
  );
  core.setOutput("operation", "reported");
}
