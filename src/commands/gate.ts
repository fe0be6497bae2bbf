import { resolve } from "node:path";
import { evaluateLocalGate } from "../flows/local-gate.js";
import { GitCommitHistory } from "../git/commit-reader.js";
import type { CheckRun, CheckSuite, CommitStatus } from "../promote/checks.js";
import { changeLine } from "../update/index.js";
import { readPipelineConfig } from "./config.js";
import type { Command } from "./types.js";
import { parseCommandArgs, UsageError } from "./usage.js";

const USAGE =
  "gitops-pipeline gate --repo DIR --to ENV [--from ENV] [--config FILE] [--base REF] [--head REF] " +
  "[--approved-by USER...] [--member @ORG/TEAM=USER...] [--author USER] [--status CONTEXT=STATE...] " +
  "[--check NAME=STATE...] [--check-suite APP=STATE...] [--now ISO-8601] [--json]";

const OPTIONS = {
  repo: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  config: { type: "string" },
  base: { type: "string", default: "main" },
  head: { type: "string", default: "HEAD" },
  "approved-by": { type: "string", multiple: true },
  member: { type: "string", multiple: true },
  author: { type: "string" },
  status: { type: "string", multiple: true },
  check: { type: "string", multiple: true },
  "check-suite": { type: "string", multiple: true },
  now: { type: "string" },
  json: { type: "boolean" },
} as const;

const STATES = ["success", "pending", "failure", "error"];
// A check's state is its status until it completes, then its conclusion; both are accepted as GitHub shows them.
const CHECK_PENDING = ["queued", "in_progress", "waiting", "requested", "pending"];
const CHECK_CONCLUSIONS = [
  "success",
  "failure",
  "neutral",
  "cancelled",
  "skipped",
  "timed_out",
  "action_required",
  "stale",
  "startup_failure",
];
// A zone is required: a bare local time would make the window check depend on the machine it runs on.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

function usage(message: string): UsageError {
  return new UsageError(message, { hint: `usage: ${USAGE}` });
}

function pair(option: string, text: string, shape: string): [string, string] {
  const at = text.lastIndexOf("=");
  if (at <= 0 || at === text.length - 1) throw usage(`${option} ${JSON.stringify(text)} is not ${shape}`);
  return [text.slice(0, at), text.slice(at + 1)];
}

function statuses(texts: readonly string[]): CommitStatus[] {
  return texts.map((text) => {
    const [context, state] = pair("--status", text, "CONTEXT=STATE");
    if (!STATES.includes(state)) {
      throw usage(`--status ${JSON.stringify(text)}: state must be one of ${STATES.join(", ")}`);
    }
    return { context, state };
  });
}

/** `NAME=STATE` of a check run or suite, in the order given: a later one of the same name is its re-run. */
function checkStates(option: string, texts: readonly string[]) {
  return texts.map((text, index) => {
    const [name, state] = pair(option, text, "NAME=STATE");
    const pending = CHECK_PENDING.includes(state);
    if (!pending && !CHECK_CONCLUSIONS.includes(state)) {
      throw usage(
        `${option} ${JSON.stringify(text)}: state must be a check status (${CHECK_PENDING.join(", ")}) ` +
          `or conclusion (${CHECK_CONCLUSIONS.join(", ")})`,
      );
    }
    return { id: index + 1, name, status: pending ? state : "completed", conclusion: pending ? null : state };
  });
}

function checkRuns(texts: readonly string[]): CheckRun[] {
  return checkStates("--check", texts);
}

function checkSuites(texts: readonly string[]): CheckSuite[] {
  return checkStates("--check-suite", texts).map(({ id, name, status, conclusion }) => ({
    id,
    app: name,
    status,
    conclusion,
    runs: 1,
  }));
}

function members(texts: readonly string[]): Record<string, string[]> {
  const teams: Record<string, string[]> = {};
  for (const text of texts) {
    const [team, user] = pair("--member", text, "@ORG/TEAM=USER");
    if (!/^@[^/]+\/.+$/.test(team)) throw usage(`--member ${JSON.stringify(text)}: ${team} is not @org/team`);
    teams[team] = [...(teams[team] ?? []), user];
  }
  return teams;
}

function instant(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const date = new Date(text);
  if (!ISO_INSTANT.test(text) || Number.isNaN(date.getTime())) {
    throw usage(
      `--now ${JSON.stringify(text)} is not an ISO-8601 time with a zone (2026-11-23T10:30:00+01:00)`,
    );
  }
  return date;
}

/**
 * promote-env's gate for a promotion that exists as commits of a local repository: the same decision the action
 * takes on a pull request, with approvals and statuses given on the command line. Exit 0 open, 1 blocked.
 */
export const gateCommand: Command = {
  name: "gate",
  summary:
    "check whether a promotion commit may merge under promote-env's gate (approvals, window, statuses)",
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, OPTIONS, USAGE);
    if (!values.repo) throw usage("--repo is required");
    if (!values.to) throw usage("--to is required");
    const request = {
      now: instant(values.now),
      checks: {
        statuses: statuses(values.status ?? []),
        checkRuns: checkRuns(values.check ?? []),
        checkSuites: checkSuites(values["check-suite"] ?? []),
      },
      members: members(values.member ?? []),
    };
    const config = values.config ? await readPipelineConfig(io, values.repo, values.config) : undefined;
    const gate = await evaluateLocalGate({
      ...request,
      repository: new GitCommitHistory(resolve(io.cwd, values.repo)),
      to: values.to,
      from: values.from,
      config,
      base: values.base,
      head: values.head,
      approvedBy: values["approved-by"] ?? [],
      author: values.author,
    });
    for (const note of gate.notes) io.stderr(`gate: note: ${note}\n`);
    const { result } = gate;
    if (values.json) {
      const json = {
        gate: result.open ? "open" : "blocked",
        reasons: result.reasons,
        approvedBy: result.approvedBy,
        conditions: result.conditions,
      };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      const lines = [
        `${result.open ? "OPEN" : "BLOCKED"}: ${gate.from} → ${gate.to}, ${gate.head.slice(0, 7)} onto ${values.base} (${gate.base.slice(0, 7)})`,
        ...result.conditions.map((c) => `${c.met ? "✓" : "✗"} ${c.name}: ${c.detail}`),
        ...(result.changes.length > 0
          ? ["changes:", ...result.changes.map((c) => `  ${changeLine(c)}`)]
          : []),
      ];
      io.stdout(`${lines.join("\n")}\n`);
    }
    return result.open ? 0 : 1;
  },
};
