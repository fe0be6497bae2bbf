import type { ChangedCommit } from "../metrics/index.js";
import type { Checks } from "../promote/checks.js";
import type { PullRequestFile } from "../promote/diff.js";
import type { Review } from "../promote/reviews.js";
import type {
  DeliveryMode,
  DeliveryResult,
  PullRequestExtras,
  PullRequestOptions,
  PullRequestRef,
  Target,
  Texts,
} from "../update/delivery.js";
import type { RepoReader, UpdatePlan } from "../update/index.js";

/**
 * The small interfaces the flows are written against: what a config repository can do, whether it is a local
 * checkout or a repository on GitHub. Transports (src/github, src/git) implement them; flows never reach past them.
 */

/** A branch by name and the commit it points at. */
export interface BranchHead {
  name: string;
  oid: string;
}

/** Read access to the repository as it was at one commit. */
export interface Snapshots {
  /** `owner/name`, for messages. */
  readonly name: string;
  /**
   * The files at `oid`; `patterns` says what will be read, so a remote reader can fetch it in few requests.
   * With `operation`, a transport failure while reading is reported as failing to do that.
   */
  snapshotAt(oid: string, patterns?: string[], operation?: string): RepoReader;
  /** The commit a revision (SHA, branch, tag) names; a UserError when there is none. */
  resolveCommit(revision: string): Promise<string>;
}

/** A file a comparison lists, before its contents are read. */
export interface ListedFile {
  path: string;
  status: string;
  previousPath?: string;
}

/** The history of a config repository: branches, commits, comparisons. */
export interface History {
  /** The branch (the default branch when undefined) and its current commit; a UserError when it does not exist. */
  branchHead(name?: string): Promise<BranchHead>;
  /** Recent commits reachable from `from` that changed `path`, with their committer date and first parent. */
  commitsTouching(
    from: string,
    path: string,
    limit: number,
  ): Promise<{ sha: string; date: string; parent?: string }[]>;
  /**
   * Where `head` branched off `base`, and the files that differ between that point and `head` (a remote may list
   * only some: compare the count with what the pull request reports). `operation` names the caller's work in errors.
   */
  compare(
    base: string,
    head: string,
    operation?: string,
  ): Promise<{ mergeBase: string; files: ListedFile[] }>;
  /** The files' contents on both sides: `base` (at their previous path) and `head`. */
  contents(files: ListedFile[], base: string, head: string): Promise<PullRequestFile[]>;
  /** Whether `ancestor` is `descendant` or in its history (false when `ancestor` does not exist). */
  inHistory(ancestor: string, descendant: string, operation?: string): Promise<boolean>;
}

/** A pull request as the gate sees it. */
export interface PullRequestInfo {
  number: number;
  url: string;
  headSha: string;
  headRef: string;
  baseRef: string;
  author: string;
  body: string;
}

export interface PullRequestState extends PullRequestInfo {
  state: "open" | "closed";
  merged: boolean;
  changedFiles: number;
}

/** Reading and merging pull requests. */
export interface PullRequests {
  /** Open pull requests, oldest first, with their bodies. */
  openPullRequests(): Promise<{ number: number; body: string | null }[]>;
  pullRequest(number: number): Promise<PullRequestState>;
  reviews(number: number): Promise<Review[]>;
  /** Merges at `pullRequest.headSha` only; returns the merge commit. */
  merge(pullRequest: PullRequestInfo, method: "merge" | "squash" | "rebase"): Promise<string>;
}

/** Who may approve: team members and writers of the repository. */
export interface Reviewers {
  /** Who of `logins` belongs to each `@org/team` in `reviewers`. */
  teamMembers(reviewers: readonly string[], logins: readonly string[]): Promise<Record<string, string[]>>;
  /** Who of `logins` may write to the repository. */
  writers(logins: readonly string[]): Promise<string[]>;
}

/** Commit statuses and checks: read the ones a gate requires, set the gate's own. */
export interface Reports {
  reportsOn(sha: string, requireStatus: readonly string[]): Promise<Checks>;
  setStatus(
    sha: string,
    status: { context: string; state: "pending" | "success" | "failure"; description: string },
  ): Promise<void>;
}

export interface DeploymentRecord {
  sha: string;
  environment: string;
  images: string[];
  description: string;
  pullRequest?: number;
}

/** A recorded deployment of an environment and the state of its newest status (undefined: none set). */
export interface RecordedDeployment {
  id: number;
  /** The config commit it records. */
  sha: string;
  createdAt: string;
  state?: string;
}

/** Records of what landed in an environment. */
export interface Deployments {
  recordDeployment(deployment: DeploymentRecord): Promise<{ id: number; url: string }>;
  /** The newest `limit` deployments of `environment` (none created before `since`), newest first, with states. */
  deploymentHistory(environment: string, limit: number, since?: Date): Promise<RecordedDeployment[]>;
}

/** What to deliver and how: the planner runs on what the transport read, right before it writes. */
export interface DeliveryRequest extends PullRequestExtras {
  /** Branch to change or to open the pull request against; the default branch when empty. */
  base?: string;
  /** Undefined: the environment's mode from the config file. */
  mode?: DeliveryMode;
  /** What to update: paths, or a config file (read first) that turns into paths and a mode. */
  target: { patterns: string[] } | { config: string; resolve: (text: string | undefined) => Target };
  /** The core's planner over a reader; `commit` is the commit the reader shows. */
  plan: (reader: RepoReader, patterns: string[], commit: string) => Promise<UpdatePlan>;
  /** Head branch in pull-request mode. */
  branch: string;
  texts: (plan: UpdatePlan, base: string) => Texts;
  pullRequest: PullRequestOptions;
  dryRun: boolean;
}

/** Writes a change set as one commit on the base branch, or as a pull request. */
export interface ChangeDelivery {
  deliver(request: DeliveryRequest): Promise<DeliveryResult>;
}

/** Everything the promotion flows (propose, gate, rollback, record) need of the config repository. */
export interface PromotionRepository
  extends Snapshots,
    History,
    PullRequests,
    Reviewers,
    Reports,
    Deployments,
    ChangeDelivery {
  readonly owner: string;
}

/** Where a pull request goes and what it says. */
export interface PullRequestProposal {
  /** Head branch. */
  branch: string;
  base: string;
  texts: Texts;
  pullRequest: PullRequestOptions;
}

/** Opens, updates and closes pull requests for branches pushed by other means (a checkout's `git push`). */
export interface PullRequestWriter {
  /** The open pull request from `branch` into `base`, if any. */
  find(branch: string, base: string): Promise<PullRequestRef | undefined>;
  close(pullRequest: PullRequestRef): Promise<void>;
  /**
   * Opens the pull request or updates `existing` in place, then sets labels, reviewers and auto-merge; a refusal
   * of those is a warning, returned, never a failure.
   */
  openOrUpdate(
    proposal: PullRequestProposal,
    existing: PullRequestRef | undefined,
  ): Promise<{ pullRequest: PullRequestRef; created: boolean; warnings: string[] }>;
}

/** A repository's commits as git keeps them: what the CLI's gate reads where the action reads a pull request. */
export interface CommitHistory {
  /** The commit `revision` names; `option` says where it was given, for the message when there is none. */
  resolveCommit(revision: string, option: string): Promise<string>;
  /** Where `head` branched off `base`. */
  mergeBase(base: string, head: string): Promise<string>;
  /** The files `head` changes since `from`, with their contents on both sides. */
  changedFiles(from: string, head: string): Promise<PullRequestFile[]>;
  snapshotAt(oid: string): RepoReader;
}

/** A local repository's first-parent history, read in bulk: what metrics, record and the CLI's rollback replay. */
export interface BranchLog {
  /** Every first-parent commit of the checked-out branch, oldest first. */
  firstParentLog(): Promise<ChangedCommit[]>;
  /** The contents of these blobs, by id. */
  blobs(ids: readonly string[]): Promise<Map<string, string>>;
  /** The first-parent commits after `from` (from the root when undefined) up to `to`. */
  firstParentRange(from: string | undefined, to: string): Promise<string[]>;
}

/** What landed in an environment at one config commit, as a GitHub deployment's payload holds it. */
export interface EnvironmentChange {
  environment: string;
  sha: string;
  images: string[];
  sourceCommits: { repository: string; sha: string; time: string }[];
}
