import { resolve } from "node:path";
import { localMetrics } from "../flows/metrics.js";
import { formatMetricsText, parseIsoTime } from "../metrics/index.js";
import { readPipelineConfig } from "./config.js";
import type { Command } from "./types.js";
import { parseCommandArgs, UsageError } from "./usage.js";

const SYNOPSIS =
  "gitops-pipeline metrics [--repo DIR] [--config FILE] [--env NAME...] [--since DATE] [--until DATE] [--json]";

const USAGE = `${SYNOPSIS}

  --repo DIR      the config repository (default: the current directory); its checked-out branch is read
  --config FILE   the configuration file (default DIR/gitops-pipeline.yaml)
  --env NAME      report this environment (repeatable; default: all, in promotion order)
  --since DATE    start of the window: YYYY-MM-DD (UTC midnight) or an ISO 8601 time with a zone
                  (default: 30 days before --until)
  --until DATE    end of the window, exclusive (default: now)
  --json          print the report as JSON

Deployment frequency, lead time (median, p90), change failure rate and time to restore per environment, from the
first-parent history alone (offline); see docs/metrics.md for the definitions. Exit status: 0 report printed,
1 a problem with the repository or configuration, 2 bad usage.
`;

const OPTIONS = {
  repo: { type: "string", default: "." },
  config: { type: "string" },
  env: { type: "string", multiple: true },
  since: { type: "string" },
  until: { type: "string" },
  json: { type: "boolean" },
} as const;

const DAY = 86_400_000;

/** A date on the command line: a calendar day (UTC) or an instant with its zone, never machine-local time. */
export function parseDateOption(option: string, text: string): Date {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.test(text) ? parseIsoTime(`${text}T00:00:00Z`) : undefined;
  const ms = day ?? parseIsoTime(text);
  if (ms === undefined) {
    throw new UsageError(`${option} ${JSON.stringify(text)} is not a date`, {
      hint: "Write YYYY-MM-DD (midnight UTC) or an ISO 8601 time with a zone, e.g. 2026-03-01T09:00:00+01:00.",
    });
  }
  return new Date(ms);
}

export const metricsCommand: Command = {
  name: "metrics",
  summary:
    "DORA metrics (deployments, lead time, failure rate, time to restore) from the config repo's history",
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, OPTIONS, SYNOPSIS);
    const until = values.until ? parseDateOption("--until", values.until) : new Date();
    const since = values.since
      ? parseDateOption("--since", values.since)
      : new Date(until.getTime() - 30 * DAY);
    if (since.getTime() >= until.getTime()) {
      throw new UsageError("--since must be before --until", { hint: `usage: ${SYNOPSIS}` });
    }
    const repo = values.repo ?? ".";
    const config = await readPipelineConfig(io, repo, values.config);
    const { report, notes } = await localMetrics({
      dir: resolve(io.cwd, repo),
      config,
      environments: values.env ?? [],
      since,
      until,
    });
    for (const note of notes) io.stderr(`metrics: note: ${note}\n`);
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatMetricsText(report));
    return 0;
  },
};
