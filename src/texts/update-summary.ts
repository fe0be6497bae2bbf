import type { Change } from "../manifests/index.js";
import type { Operation } from "../update/delivery.js";
import { type UpdatePlan, unifiedDiff } from "../update/index.js";
import { changeTable } from "./pull-request.js";

/** What a delivery did, whichever way it went (API or git), for outputs and the job summary. */
export interface Outcome {
  operation: Operation;
  mode: "commit" | "pull-request";
  /** The pull request's head branch (pull-request mode). */
  branch?: string;
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

/** Operations that wrote something (or, in a dry run, would). */
const WRITES: ReadonlySet<Operation> = new Set<Operation>([
  "created",
  "updated",
  "committed",
  "would-create",
  "would-update",
  "would-commit",
]);

/**
 * The outputs users of peter-evans/create-pull-request read, with their values: `pull-request-operation` is
 * created, updated, closed or none (none also for a commit, a dry run, or a pull request already up to date).
 */
export function pullRequestOutputs(outcome: {
  operation: Operation;
  mode: "commit" | "pull-request";
  branch?: string;
  commit?: { oid: string };
  pullRequest?: { number: number; url: string };
}): Record<string, string> {
  const { operation } = outcome;
  const done = operation === "created" || operation === "updated" || operation === "closed";
  const hasHead =
    outcome.mode === "pull-request" && operation !== "closed" && !operation.startsWith("would-");
  return {
    "pull-request-number": outcome.pullRequest ? String(outcome.pullRequest.number) : "",
    "pull-request-url": outcome.pullRequest?.url ?? "",
    "pull-request-operation": done ? operation : "none",
    "pull-request-head-sha": hasHead ? (outcome.commit?.oid ?? "") : "",
    "pull-request-branch": outcome.mode === "pull-request" ? (outcome.branch ?? "") : "",
  };
}

/**
 * The step outputs the action contract names, as strings. `changed` is true exactly when the run wrote image
 * references (a commit, or a pull request opened or updated with them) or, in a dry run, would.
 */
export function outputsOf(outcome: Outcome): Record<string, string> {
  const changes: Change[] = outcome.plan.changes.map(({ file, line, image, from, to }) => ({
    file,
    line,
    image,
    from,
    to,
  }));
  return {
    changed: String(WRITES.has(outcome.operation)),
    changes: JSON.stringify(changes),
    "changed-files": JSON.stringify(outcome.plan.files.map((file) => file.path)),
    "commit-sha": outcome.commit?.oid ?? "",
    operation: outcome.operation,
    ...pullRequestOutputs(outcome),
  };
}

/** The job summary: what happened, links to the pull request and commit, the change table. */
export function summaryOf(outcome: Outcome): string {
  const { plan } = outcome;
  const lines: string[] = [];
  const heading = {
    created: "Pull request opened",
    updated: "Pull request updated",
    closed: "Pull request closed, nothing left to change",
    unchanged:
      plan.changes.length === 0 ? "Already at the requested versions" : "Pull request already up to date",
    committed: "Committed",
    "would-create": "Dry run: would open a pull request",
    "would-update": "Dry run: would update the pull request",
    "would-close": "Dry run: would close the pull request, nothing left to change",
    "would-commit": "Dry run: would commit",
  }[outcome.operation];
  lines.push(`### update-manifest-tag: ${heading}`, "");
  if (outcome.dryRun) lines.push("Dry run: nothing was written.", "");
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
