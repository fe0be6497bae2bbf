import { isUserError } from "../errors.js";
import {
  formatImageRef,
  type ImageRef,
  imageName,
  normalizedName,
  parseImageRef,
  versionOf,
  withVersionText,
} from "../image/index.js";
import {
  type CheckRun,
  type CheckSuite,
  type Checks,
  type CommitStatus,
  evaluateRequirement,
  parseRequirement,
} from "./checks.js";
import { inspectPromotionDiff, type PromotedChange, type PullRequestFile } from "./diff.js";
import { activeFreezes, describeFreeze, type Freeze } from "./freeze.js";
import { type AppPair, pairApps } from "./pairing.js";
import { describeProblem, type ReadReference, referenceProblem } from "./references.js";
import { describeReviewers, evaluateReviews, type Review, type ReviewerPolicy } from "./reviews.js";
import { anyWindowOpen, parseWindow, wallClock } from "./window.js";

export type GateKind = "promotion" | "rollback";

export type { CheckRun, CheckSuite, CommitStatus } from "./checks.js";

/** Everything the gate decides on, fetched by an adapter; the gate itself reads nothing. */
export interface GateInput {
  kind: GateKind;
  now: Date;
  pullRequest: { number: number; author: string; headSha: string; files: readonly PullRequestFile[] };
  reviews: readonly Review[];
  reviewers: ReviewerPolicy;
  /** Distinct allowed approvals needed on the head commit: the environment's `approvals` or `rollback-approvals`. */
  approvals: number;
  windows: readonly string[];
  /** The target environment's date-range freezes (config `freezes:`). */
  freezes?: readonly Freeze[];
  /** `require-status` entries: status contexts, check run names, `check:`/`status:`/`check-suite:` forms. */
  requireStatus: readonly string[];
  target: { name: string; paths: readonly string[] };
  /**
   * What the PR must match: for a promotion the source environment as it is now on the base branch, for a
   * rollback the target environment at the revision it returns to. Images are keyed by app, each with the file
   * and line it was read from. The reports are those on `commit`; the adapter fetches check runs and suites only
   * when a requirement can be answered by them (undefined otherwise).
   */
  source: {
    name: string;
    commit: string;
    images: Readonly<Record<string, readonly ReadReference[]>>;
    statuses: readonly CommitStatus[];
    checkRuns?: readonly CheckRun[];
    checkSuites?: readonly CheckSuite[];
    truncated?: Checks["truncated"];
  };
  /**
   * What the adapter found wrong with where the pull request comes from: a head branch that is not the one its
   * marker names, a rollback revision outside the base branch's history. Each blocks the gate.
   */
  origin?: readonly string[];
}

export type GateConditionName =
  | "origin"
  | "approvals"
  | "changes-requested"
  | "window"
  | "freeze"
  | "status"
  | "source"
  | "files";

export interface GateCondition {
  name: GateConditionName;
  met: boolean;
  /** Human-readable; for an unmet condition it says what is missing. */
  detail: string;
  /** A few words for the 140-character commit status description. */
  label: string;
}

export interface GateResult {
  open: boolean;
  /** One per unmet condition, human-readable. */
  reasons: string[];
  approvedBy: string[];
  conditions: GateCondition[];
  /** What the PR changes, as read from its files. */
  changes: PromotedChange[];
}

const short = (sha: string) => sha.slice(0, 7);

function approvalConditions(input: GateInput): { conditions: GateCondition[]; approvedBy: string[] } {
  const verdict = evaluateReviews(input.reviews, {
    author: input.pullRequest.author,
    headSha: input.pullRequest.headSha,
    policy: input.reviewers,
  });
  const conditions: GateCondition[] = [];
  const have = verdict.approvedBy.length;
  const notes = [
    ...verdict.staleApprovals.map((s) => `${s.user} approved an older commit ${short(s.commitId)}`),
    ...verdict.ignored.map((i) => `${i.user} does not count (${i.why})`),
  ];
  const detail =
    `${have} of ${input.approvals} approval${input.approvals === 1 ? "" : "s"} by ${describeReviewers(input.reviewers)} ` +
    `on the latest commit ${short(input.pullRequest.headSha)}` +
    (have > 0 ? ` (${verdict.approvedBy.join(", ")})` : "") +
    (notes.length > 0 ? `; ${notes.join("; ")}` : "");
  conditions.push({
    name: "approvals",
    met: have >= input.approvals,
    detail,
    label: `approvals ${have}/${input.approvals}`,
  });
  for (const user of verdict.changesRequestedBy) {
    conditions.push({
      name: "changes-requested",
      met: false,
      detail: `${user} requested changes`,
      label: "changes requested",
    });
  }
  return { conditions, approvedBy: verdict.approvedBy };
}

function windowCondition(input: GateInput): GateCondition | undefined {
  if (input.windows.length === 0) return undefined;
  // Rollbacks return to a state that already ran, and are needed most outside business hours.
  if (input.kind === "rollback") return undefined;
  const windows = input.windows.map((text) => parseWindow(text));
  const open = anyWindowOpen(windows, input.now);
  const now = windows.map((w) => wallClock(input.now, w.zone).label);
  const zonesNow = [...new Set(now)].join(", ");
  return {
    name: "window",
    label: "outside window",
    met: open,
    detail: open
      ? `inside the deployment window (${input.windows.join(" or ")})`
      : `outside the deployment window ${input.windows.join(" or ")} (now ${zonesNow})`,
  };
}

function freezeConditions(input: GateInput): GateCondition[] {
  const active = activeFreezes(input.freezes ?? [], input.now);
  return active.map((freeze) => {
    const allowed = input.kind === "rollback" && freeze.allowRollbacks;
    return {
      name: "freeze",
      label: "frozen",
      met: allowed,
      detail: allowed
        ? `${input.target.name} is ${describeFreeze(freeze)}; rollbacks are allowed`
        : `${input.target.name} is ${describeFreeze(freeze)}`,
    };
  });
}

function statusConditions(input: GateInput): GateCondition[] {
  // A rollback must get through while the statuses that prompted it are red.
  if (input.kind === "rollback") return [];
  const where = `on ${input.source.name} commit ${short(input.source.commit)}`;
  return input.requireStatus.map((text) => {
    const result = evaluateRequirement(parseRequirement(text), input.source, where);
    return {
      name: "status",
      label: `status ${text}`,
      met: result.verdict === "success",
      detail: result.detail,
    };
  });
}

/**
 * A target reference runs what the source runs when it carries the source's digest (if the source pins one) and
 * its tag (if the source has one); a digest-only source leaves the target's tag alone.
 */
export function runsSameVersion(source: ImageRef, target: ImageRef): boolean {
  if (source.digest !== undefined && source.digest !== target.digest) return false;
  if (source.tag !== undefined && source.tag !== target.tag) return false;
  return source.digest !== undefined || source.tag !== undefined;
}

/** The reference a change leaves behind, from the name as written and the new version. */
export function changedRef(change: { image: string; to: string }): ImageRef {
  return parseImageRef(withVersionText(change.image, change.to));
}

/** The references a set of changes leaves behind, each once (for deployment records). */
export function imagesAfter(changes: readonly { image: string; to: string }[]): string[] {
  return [...new Set(changes.map((change) => formatImageRef(changedRef(change))))];
}

function sourceConditions(input: GateInput, changes: readonly PromotedChange[]): GateCondition[] {
  const conditions: GateCondition[] = [];
  const blocked = (detail: string): GateCondition => ({
    name: "source",
    label: "source moved",
    met: false,
    detail,
  });
  // Pairing as the plan paired: a fleet's cluster apps take their versions from the one source app.
  let pairs: AppPair[] = [];
  try {
    const targets = [...new Set(changes.map((change) => change.app))];
    pairs = pairApps(Object.keys(input.source.images), targets, {
      from: input.source.name,
      to: input.target.name,
    });
  } catch (error) {
    if (!isUserError(error)) throw error;
  }
  const sourceApp = (app: string) => pairs.find((pair) => pair.target === app)?.source ?? app;
  for (const change of changes) {
    const to = changedRef(change);
    const name = normalizedName(to);
    const running = (input.source.images[sourceApp(change.app)] ?? []).filter(
      (image) => normalizedName(image.ref) === name,
    );
    // A version read from the source is compared only once it is a valid one: the PR must not be matched to text.
    const invalid = running.flatMap((image) => {
      const problem = referenceProblem(image.ref);
      return problem ? [describeProblem(image, problem)] : [];
    });
    if (invalid.length > 0) {
      conditions.push(
        blocked(
          `${input.source.name} holds an invalid reference to ${imageName(to)}, so what it runs is unknown: ` +
            `${invalid.join("; ")}. Correct it in ${input.source.name}, then evaluate again`,
        ),
      );
      continue;
    }
    if (running.some((image) => runsSameVersion(image.ref, to))) continue;
    const now =
      running.length > 0
        ? `app ${change.app} runs ${[...new Set(running.map((image) => versionOf(image.ref)))].join(", ")} there now`
        : `app ${change.app} does not reference that image there`;
    conditions.push(
      blocked(
        `${input.source.name} does not run ${formatImageRef(to)} (${change.file}:${change.line}); ${now}`,
      ),
    );
  }
  return conditions;
}

/**
 * Decides whether a promotion (or rollback) pull request may merge. Every condition is evaluated, so the result
 * names everything that is missing at once rather than the first thing.
 */
export function evaluateGate(input: GateInput): GateResult {
  const { conditions, approvedBy } = approvalConditions(input);
  conditions.unshift(
    ...(input.origin ?? []).map(
      (problem): GateCondition => ({
        name: "origin",
        label: "not a valid promotion",
        met: false,
        detail: problem,
      }),
    ),
  );
  const window = windowCondition(input);
  if (window) conditions.push(window);
  conditions.push(...freezeConditions(input));
  conditions.push(...statusConditions(input));

  const inspection = inspectPromotionDiff(input.pullRequest.files, input.target);
  for (const problem of inspection.problems) {
    conditions.push({ name: "files", label: "unexpected changes", met: false, detail: problem });
  }
  if (inspection.changes.length === 0 && inspection.problems.length === 0) {
    conditions.push({
      name: "files",
      label: "no image change",
      met: false,
      detail: "the pull request changes no image reference",
    });
  }
  conditions.push(...sourceConditions(input, inspection.changes));

  const reasons = conditions.filter((c) => !c.met).map((c) => c.detail);
  return { open: reasons.length === 0, reasons, approvedBy, conditions, changes: inspection.changes };
}

/** A commit-status description (GitHub keeps 140 characters) naming each unmet kind of condition. */
export function gateDescription(result: GateResult, limit = 140): string {
  if (result.open) {
    const text = `open: approved by ${result.approvedBy.join(", ") || "nobody needed"}`;
    return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
  }
  const parts: string[] = [];
  for (const condition of result.conditions) {
    if (!condition.met && !parts.includes(condition.label)) parts.push(condition.label);
  }
  const text = `blocked: ${parts.join("; ")}`;
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
