// What `require-status` asks of the source commit, and how commit statuses, check runs and check suites answer it.
// A smoke test that runs as a job of a workflow reports a check run, Argo CD's notifications a commit status, a
// scanning app a check suite; the gate reads all three with one meaning of success, pending and failure.
import { UserError } from "../errors.js";

/** `NAME` (a commit status or a check run), `status:NAME`, `check:NAME` or `check-suite:APP-SLUG`. */
export type RequirementKind = "any" | "status" | "check-run" | "check-suite";

export interface Requirement {
  /** As written in `require-status`. */
  text: string;
  kind: RequirementKind;
  name: string;
  /** `check:NAME@APP`: only check runs of the GitHub App with this slug answer it. */
  app?: string;
}

/** A GitHub App slug: lowercase letters, digits and '-' (`github-actions`, `codeql`). */
const APP_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

const PREFIXES: [string, RequirementKind][] = [
  ["status:", "status"],
  ["check:", "check-run"],
  ["check-suite:", "check-suite"],
];

/** Reads one `require-status` entry; a known prefix with nothing after it is a mistake. */
export function parseRequirement(text: string): Requirement {
  for (const [prefix, kind] of PREFIXES) {
    if (!text.startsWith(prefix)) continue;
    const name = text.slice(prefix.length).trim();
    if (name === "") {
      throw new UserError(`require-status entry ${JSON.stringify(text)} names nothing after '${prefix}'`, {
        hint:
          "Write NAME (a commit status context or a check run name), status:CONTEXT, check:CHECK-RUN-NAME " +
          "or check-suite:APP-SLUG.",
      });
    }
    if (kind === "check-run") {
      // A run name may hold '@' itself (`test (node@22)`): only a slug after the last one pins an app.
      const at = name.lastIndexOf("@");
      const app = at > 0 ? name.slice(at + 1).trim() : "";
      if (at > 0 && APP_SLUG.test(app)) return { text, kind, name: name.slice(0, at).trim(), app };
    }
    return { text, kind, name };
  }
  return { text, kind: "any", name: text };
}

/** A commit status as GitHub reports it for one context (latest per context). */
export interface CommitStatus {
  context: string;
  state: "success" | "pending" | "failure" | "error" | string;
}

/** A check run on the source commit (`GET /commits/{ref}/check-runs`). */
export interface CheckRun {
  /** GitHub's id; a later run (a re-run) has a larger one. */
  id: number;
  name: string;
  /** queued, in_progress, completed, waiting, requested, pending. */
  status: string;
  /** Set when completed: success, failure, neutral, cancelled, skipped, timed_out, action_required, stale… */
  conclusion: string | null;
  /** Slug of the GitHub App that reported it (`github-actions`); unknown for runs given on the CLI. */
  app?: string;
}

/** A check suite on the source commit (`GET /commits/{ref}/check-suites`): all runs of one app (or workflow run). */
export interface CheckSuite {
  id: number;
  /** The slug of the app that owns it (`github-actions`, a scanner's app). */
  app: string;
  status: string | null;
  conclusion: string | null;
  /** Check runs in it; GitHub leaves empty suites queued for apps that never ran, and those are not reports. */
  runs: number;
}

/** What the source commit's reports say about one requirement. */
export interface Checks {
  statuses: readonly CommitStatus[];
  checkRuns?: readonly CheckRun[];
  checkSuites?: readonly CheckSuite[];
  /**
   * Check run names whose listing was cut at `limit` runs: a run of that name may be among the ones not read, and the
   * reason must say so rather than "not reported".
   */
  truncated?: { names: readonly string[]; limit: number };
}

export type Verdict = "success" | "pending" | "failure";

/** One report that answers a requirement, with the state it shows and what that means for the gate. */
interface Observation {
  source: "commit status" | "check run" | "check suite";
  state: string;
  verdict: Verdict;
  note?: string;
}

const UNVERIFIED = new Set(["neutral", "skipped"]);
const UNVERIFIED_NOTE = "neutral and skipped verify nothing, so they do not count as success";

function statusObservation(status: CommitStatus): Observation {
  const verdict: Verdict =
    status.state === "success" ? "success" : status.state === "pending" ? "pending" : "failure";
  return { source: "commit status", state: status.state, verdict };
}

/**
 * A check run or suite: anything not completed is pending; once completed only `success` passes. `neutral` and
 * `skipped` (a job whose `if:` was false) say nothing about staging, so they block like a failure; any other
 * conclusion (failure, cancelled, timed_out, action_required, stale, startup_failure, or one GitHub adds later)
 * fails.
 */
function checkObservation(
  source: "check run" | "check suite",
  status: string | null,
  conclusion: string | null,
): Observation {
  if (status !== "completed") {
    const state = status ?? "queued";
    // An unknown in-flight status is still in flight: it blocks, and a later evaluation sees it finish.
    return { source, state, verdict: "pending" };
  }
  const state = conclusion ?? "completed";
  if (state === "success") return { source, state, verdict: "success" };
  if (UNVERIFIED.has(state)) return { source, state, verdict: "failure", note: UNVERIFIED_NOTE };
  return { source, state, verdict: "failure" };
}

/** The latest check run of each name: a re-run replaces what it re-runs. */
export function latestCheckRuns(runs: readonly CheckRun[]): Map<string, CheckRun> {
  const latest = new Map<string, CheckRun>();
  for (const run of runs) {
    const seen = latest.get(run.name);
    if (!seen || run.id > seen.id) latest.set(run.name, run);
  }
  return latest;
}

/**
 * The check runs that answer a requirement: the latest run of the name for each app, or only the pinned app's. A
 * re-run replaces a run of the same app; another app's run never does, so an app reporting success cannot hide the
 * failure of another (an unpinned name needs every app's latest run to pass).
 */
function answeringRuns(requirement: Requirement, runs: readonly CheckRun[]): CheckRun[] {
  const latest = new Map<string, CheckRun>();
  for (const run of runs) {
    if (run.name !== requirement.name) continue;
    if (requirement.app !== undefined && run.app !== requirement.app) continue;
    const key = run.app ?? "";
    const seen = latest.get(key);
    if (!seen || run.id > seen.id) latest.set(key, run);
  }
  return [...latest.values()];
}

function observe(requirement: Requirement, checks: Checks): Observation[] {
  const found: Observation[] = [];
  const { kind, name } = requirement;
  if (kind === "any" || kind === "status") {
    const status = checks.statuses.find((s) => s.context === name);
    if (status) found.push(statusObservation(status));
  }
  if (kind === "any" || kind === "check-run") {
    for (const run of answeringRuns(requirement, checks.checkRuns ?? [])) {
      found.push(checkObservation("check run", run.status, run.conclusion));
    }
  }
  if (kind === "check-suite") {
    for (const suite of checks.checkSuites ?? []) {
      if (suite.app === name && suite.runs > 0) {
        found.push(checkObservation("check suite", suite.status, suite.conclusion));
      }
    }
  }
  return found;
}

const NOUN: Record<RequirementKind, string> = {
  any: "status",
  status: "status",
  "check-run": "check run",
  "check-suite": "check suite",
};

export interface RequirementResult {
  requirement: Requirement;
  /** Undefined when nothing on the commit reports it. */
  verdict: Verdict | undefined;
  /** `required status X is failure on staging commit abc1234 (check run)` */
  detail: string;
}

/**
 * Evaluates one requirement against the source commit's reports. Every report that answers it must pass: a
 * commit status and a check run of the same name both count, and several suites of one app all must succeed.
 */
export function evaluateRequirement(
  requirement: Requirement,
  checks: Checks,
  where: string,
): RequirementResult {
  const noun = NOUN[requirement.kind];
  const observations = observe(requirement, checks);
  const shownName = requirement.app ? `${requirement.name} (app ${requirement.app})` : requirement.name;
  const cut =
    requirement.kind !== "status" &&
    requirement.kind !== "check-suite" &&
    checks.truncated?.names.includes(requirement.name)
      ? `; only the first ${checks.truncated.limit} check runs of this name were read, GitHub lists more`
      : "";
  if (observations.length === 0) {
    return {
      requirement,
      verdict: undefined,
      detail: `required ${noun} ${shownName} not reported ${where}${cut}`,
    };
  }
  const deciding =
    observations.find((o) => o.verdict === "failure") ??
    observations.find((o) => o.verdict === "pending") ??
    observations[0]!;
  const sources = [...new Set(observations.map((o) => o.source))];
  const shown =
    requirement.kind === "any" && sources.length === 1 && sources[0] === "commit status"
      ? ""
      : sources.length === 1
        ? ` (${observations.length > 1 ? `${observations.length} ${sources[0]}s` : sources[0]})`
        : ` (${observations.map((o) => `${o.source} ${o.state}`).join(", ")})`;
  return {
    requirement,
    verdict: deciding.verdict,
    detail:
      `required ${noun} ${shownName} is ${deciding.state} ${where}${shown}` +
      (deciding.note ? `; ${deciding.note}` : "") +
      cut,
  };
}

/**
 * Which kinds of report the requirements can be answered by, so an adapter fetches only those, and the check run
 * names to list (GitHub filters a commit's check runs by `check_name`).
 */
export function reportsNeeded(requirements: readonly string[]): {
  checkRuns: boolean;
  checkSuites: boolean;
  checkRunNames: string[];
} {
  const parsed = requirements.map(parseRequirement);
  const runNames = parsed.filter((r) => r.kind === "any" || r.kind === "check-run").map((r) => r.name);
  return {
    checkRuns: runNames.length > 0,
    checkSuites: parsed.some((r) => r.kind === "check-suite"),
    checkRunNames: [...new Set(runNames)],
  };
}
