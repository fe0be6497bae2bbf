import type { EnvironmentMetrics, MetricsReport } from "../metrics/index.js";

// The job summary of a metrics run: a table GitHub renders as is, and a Mermaid chart of deployments per week.

const cell = (value: number | null, unit = "") => (value === null ? "—" : `${value}${unit}`);
const band = (value: string | null) => (value === null ? "" : ` (${value})`);
/** Environment names are checked by the config parser; Markdown and Mermaid syntax characters are kept out anyway. */
const safe = (text: string) => text.replace(/[^A-Za-z0-9._ -]/g, "");

function row(env: EnvironmentMetrics): string {
  const rate = env.changeFailureRate === null ? "—" : `${Math.round(env.changeFailureRate * 1000) / 10}%`;
  return [
    safe(env.name),
    `${env.deployments} (${cell(env.deploymentsPerWeek)}/week)${band(env.bands.deploymentFrequency)}`,
    `${cell(env.leadTimeHours.median, " h")} / ${cell(env.leadTimeHours.p90, " h")} (${env.leadTimeHours.samples})${band(env.bands.leadTime)}`,
    `${rate} (${env.failedDeployments} failed)${band(env.bands.changeFailureRate)}`,
    `${cell(env.timeToRestoreHours.median, " h")} (${env.timeToRestoreHours.samples})${band(env.bands.timeToRestore)}`,
  ].join(" | ");
}

export function metricsSummary(report: MetricsReport): string {
  const lines = [
    `### Delivery metrics, ${report.since.slice(0, 10)} to ${report.until.slice(0, 10)}`,
    "",
    "| Environment | Deployments | Lead time median / p90 (samples) | Change failure rate | Time to restore median (samples) |",
    "| --- | --- | --- | --- | --- |",
    ...report.environments.map((env) => `| ${row(env)} |`),
    "",
  ];
  const weeks = report.environments[0]?.weekly ?? [];
  if (weeks.length > 0) {
    lines.push(
      "```mermaid",
      "xychart-beta",
      '  title "Deployments per week"',
      `  x-axis [${weeks.map((week) => `"${week.start.slice(5)}"`).join(", ")}]`,
      '  y-axis "Deployments"',
      ...report.environments.map(
        (env) => `  line [${env.weekly.map((week) => week.deployments).join(", ")}]`,
      ),
      "```",
      "",
      `Lines in order: ${report.environments.map((env) => safe(env.name)).join(", ")}.`,
      "",
    );
  }
  const missing = report.environments.flatMap((env) =>
    env.missing.map((note) => `- ${safe(env.name)}: ${note}`),
  );
  if (missing.length > 0) lines.push("Not computed:", "", ...missing, "");
  lines.push(`Bands: ${report.bandsSource}; definitions in docs/metrics.md.`, "");
  return lines.join("\n");
}
