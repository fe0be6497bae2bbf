import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { CONFIG_FILE, loadConfig } from "../environments/index.js";
import { UserError } from "../errors.js";
import { localMetrics } from "../flows/metrics.js";
import { parseIsoTime } from "../metrics/index.js";
import { metricsSummary } from "../texts/metrics-summary.js";
import { getList, getString, logInfo, writeSummary } from "./runtime.js";
import * as core from "./workflow.js";

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
 * fetch-depth: 0), as the `metrics` output (JSON) and a job summary with a table and a chart.
 */
export async function runMetrics(env: NodeJS.ProcessEnv): Promise<void> {
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
  const { report, notes } = await localMetrics({
    dir: directory,
    config,
    environments: getList("to"),
    since,
    until,
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
