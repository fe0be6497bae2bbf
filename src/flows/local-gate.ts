import { CONFIG_FILE, loadConfig, type PipelineConfig } from "../environments/index.js";
import { UserError } from "../errors.js";
import type { Checks } from "../promote/checks.js";
import { promotionEdge, targetPolicy } from "../promote/edges.js";
import { evaluateGate, type GateResult } from "../promote/gate.js";
import { readEnvironment } from "../promote/plan.js";
import type { Review } from "../promote/reviews.js";
import type { CommitHistory } from "./ports.js";

/** What a laptop or another CI system knows about a promotion that GitHub would otherwise report. */
export interface LocalGateRequest {
  /** The local repository holding both commits. */
  repository: CommitHistory;
  to: string;
  from?: string;
  /** Read from the base commit when not given, as the action does: a promotion cannot loosen its own gate. */
  config?: PipelineConfig;
  base: string;
  head: string;
  approvedBy: readonly string[];
  /** `@org/team` → logins the caller vouches are members (team membership cannot be read from Git). */
  members: Readonly<Record<string, readonly string[]>>;
  author?: string;
  /** Commit statuses, check runs and check suites the caller reports for the source commit. */
  checks: Checks;
  now: Date;
}

export interface LocalGateEvaluation {
  result: GateResult;
  from: string;
  to: string;
  base: string;
  head: string;
  /** Where head branched off base: the diff and the required statuses are read there. */
  sourceCommit: string;
  /** What could not be checked locally and how the reviewers policy was read instead. */
  notes: string[];
}

const short = (sha: string) => sha.slice(0, 7);

/**
 * Evaluates promote-env's gate for a promotion held as two commits of a local repository: `head` is the
 * promotion, `base` the branch it targets. The same inputs as the action, read from Git and the caller's flags.
 */
export async function evaluateLocalGate(request: LocalGateRequest): Promise<LocalGateEvaluation> {
  const { repository } = request;
  const [base, head] = await Promise.all([
    repository.resolveCommit(request.base, "--base"),
    repository.resolveCommit(request.head, "--head"),
  ]);
  const config = request.config ?? (await configAt(repository, base));
  const { source, target } = promotionEdge(config, request.to, request.from);
  const sourceCommit = await repository.mergeBase(base, head);
  const [files, sourceImages] = await Promise.all([
    repository.changedFiles(sourceCommit, head),
    readEnvironment(repository.snapshotAt(base), source),
  ]);

  const notes: string[] = [];
  const teams = target.reviewers.filter((entry) => /^@[^/]+\/.+$/.test(entry));
  const members: Record<string, readonly string[]> = {};
  for (const team of teams) {
    const given = Object.entries(request.members).find(([name]) => name.toLowerCase() === team.toLowerCase());
    members[team] = given?.[1] ?? [];
    if (!given) {
      notes.push(
        `team ${team} cannot be resolved from Git, so approvals count for it only with --member ${team}=USER`,
      );
    }
  }
  for (const team of Object.keys(request.members)) {
    if (!teams.some((t) => t.toLowerCase() === team.toLowerCase())) {
      throw new UserError(`--member ${team}: ${target.name}'s reviewers do not name that team`, {
        file: config.file,
        line: target.line,
        hint: `Its reviewers are: ${target.reviewers.join(", ") || "anyone with write access"}.`,
      });
    }
  }
  if (target.reviewers.length === 0 && request.approvedBy.length > 0) {
    notes.push(
      `${target.name} accepts anyone with write access, which Git does not record: every --approved-by counts`,
    );
  }
  if (request.author === undefined && request.approvedBy.length > 0) {
    notes.push("no --author given, so a self-approval is not recognised");
  }

  const reviews: Review[] = request.approvedBy.map((user) => ({ user, state: "APPROVED", commitId: head }));
  const result = evaluateGate({
    kind: "promotion",
    now: request.now,
    pullRequest: { number: 0, author: request.author ?? "", headSha: head, files },
    reviews,
    reviewers: {
      reviewers: target.reviewers,
      teamMembers: members,
      writers: target.reviewers.length === 0 ? [...request.approvedBy] : [],
    },
    ...targetPolicy(target, "promotion"),
    source: {
      name: source.name,
      commit: sourceCommit,
      images: Object.fromEntries(sourceImages.apps),
      ...request.checks,
    },
  });
  return { result, from: source.name, to: target.name, base, head, sourceCommit, notes };
}

async function configAt(repository: CommitHistory, commit: string): Promise<PipelineConfig> {
  const text = await repository.snapshotAt(commit).read(CONFIG_FILE);
  if (text === undefined) {
    throw new UserError(`${CONFIG_FILE} is missing at the base commit ${short(commit)}`, {
      hint: "Commit the config file at the repository root on the base branch, or pass --config FILE.",
    });
  }
  return loadConfig(text, CONFIG_FILE);
}
