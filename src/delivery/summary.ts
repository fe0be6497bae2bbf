import type { Change } from "../manifests/index.js";
import { type UpdatePlan, unifiedDiff } from "../update/index.js";
import { changeTable } from "./render.js";

/** What a delivery did, whichever way it went (API or git), for outputs and the job summary. */
export interface Outcome {
  operation: "created" | "updated" | "unchanged" | "committed";
  mode: "commit" | "pull-request";
  plan: UpdatePlan;
  /** Where the files live, for links (`https://github.com/acme/deploy`); absent for a non-GitHub remote. */
  repositoryUrl?: string;
  repository: string;
  base: string;
  commit?: { oid: string; url?: string };
  pullRequest?: { number: number; url: string };
  dryRun: boolean;
  warnings: string[];
  /** A sentence for what happened beyond the API (e.g. "pushed branch X to origin"). */
  note?: string;
}

/** The step outputs the action contract names, as strings. */
export function outputsOf(outcome: Outcome): Record<string, string> {
  const changes: Change[] = outcome.plan.changes.map(({ file, line, image, from, to }) => ({
    file,
    line,
    image,
    from,
    to,
  }));
  return {
    changed: String(changes.length > 0),
    changes: JSON.stringify(changes),
    "changed-files": JSON.stringify(outcome.plan.files.map((file) => file.path)),
    "commit-sha": outcome.commit?.oid ?? "",
    "pull-request-number": outcome.pullRequest ? String(outcome.pullRequest.number) : "",
    "pull-request-url": outcome.pullRequest?.url ?? "",
    operation: outcome.operation,
  };
}

/** The job summary: what happened, links to the pull request and commit, the change table. */
export function summaryOf(outcome: Outcome): string {
  const { plan } = outcome;
  const lines: string[] = [];
  const heading = outcome.dryRun
    ? "Dry run: nothing was written"
    : {
        created: "Pull request opened",
        updated: "Pull request updated",
        unchanged:
          plan.changes.length === 0 ? "Already at the requested versions" : "Pull request already up to date",
        committed: "Committed",
      }[outcome.operation];
  lines.push(`### update-manifest-tag: ${heading}`, "");
  const where = outcome.repositoryUrl
    ? `[${outcome.repository}](${outcome.repositoryUrl})`
    : outcome.repository;
  lines.push(`Repository ${where}, base \`${outcome.base}\`, mode \`${outcome.mode}\`.`);
  if (outcome.pullRequest)
    lines.push("", `Pull request: [#${outcome.pullRequest.number}](${outcome.pullRequest.url})`);
  if (outcome.commit) {
    const short = outcome.commit.oid.slice(0, 7);
    lines.push(
      "",
      `Commit: ${outcome.commit.url ? `[\`${short}\`](${outcome.commit.url})` : `\`${short}\``}`,
    );
  }
  if (outcome.note) lines.push("", outcome.note);
  lines.push("");
  if (plan.changes.length === 0) {
    lines.push(`No change: ${plan.scanned.length} file(s) already reference the requested versions.`);
  } else {
    const ref = outcome.commit?.oid ?? outcome.base;
    const link = outcome.repositoryUrl
      ? (file: string, line: number) =>
          `${outcome.repositoryUrl}/blob/${ref}/${file.split("/").map(encodeURIComponent).join("/")}#L${line}`
      : undefined;
    lines.push(changeTable(plan.changes, link));
    if (outcome.dryRun) lines.push("", "```diff", unifiedDiff(plan.files).trimEnd(), "```");
  }
  if (outcome.warnings.length > 0) {
    lines.push("", "**Warnings**", "", ...outcome.warnings.map((warning) => `- ${warning}`));
  }
  return `${lines.join("\n")}\n`;
}
