import type { BareRepo } from "./git.js";

/** In-memory state that lives beside each bare repository: everything GitHub keeps outside Git. */
export type PermissionLevel = "admin" | "maintain" | "write" | "triage" | "read" | "none";
export type TokenPermission = "read" | "write";
export type TokenType = "user" | "app" | "github-actions";

export interface TokenInfo {
  login: string;
  type: TokenType;
  /** For app and github-actions tokens: `contents`, `pull-requests`, `issues`, `statuses`, `deployments`, `metadata`. */
  permissions?: Record<string, TokenPermission>;
  /** For github-actions tokens: the repository setting "Allow GitHub Actions to create and approve pull requests". */
  canCreatePullRequests?: boolean;
  /** Full names (`owner/name`) the token can see; undefined: all. */
  repositories?: string[];
}

export interface UserInfo {
  login: string;
  id: number;
  type: "User" | "Bot" | "Organization";
  name: string;
  email: string;
  /** Permission on repositories where none was set explicitly. */
  permission: PermissionLevel;
}

export interface BranchProtection {
  /** Reject non-fast-forward updates and deletion (GitHub's default for protected branches). */
  allowForcePushes: boolean;
  /** Changes only through pull requests: direct commits and ref updates are refused. */
  requirePullRequest: boolean;
  requiredApprovingReviewCount: number;
  requiredStatusChecks: string[];
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Review {
  id: number;
  login: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
  body: string;
  commitId: string;
  submittedAt: string;
}

export interface IssueComment {
  id: number;
  login: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface PullRequest {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  draft: boolean;
  headRef: string;
  /** Frozen when the pull request closes or its branch disappears; otherwise the branch's current oid. */
  headSha: string;
  baseRef: string;
  baseSha: string;
  login: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  mergedBy: string | null;
  labels: string[];
  requestedReviewers: string[];
  requestedTeams: string[];
  reviews: Review[];
  autoMerge: { method: "MERGE" | "SQUASH" | "REBASE"; enabledBy: string; enabledAt: string } | null;
  maintainerCanModify: boolean;
}

/** What a client gives to open a pull request. */
export interface NewPullRequest {
  headRef: string;
  baseRef: string;
  title: string;
  body: string | null;
  draft: boolean;
  maintainerCanModify: boolean;
}

export interface CommitStatus {
  id: number;
  state: "error" | "failure" | "pending" | "success";
  context: string;
  description: string | null;
  targetUrl: string | null;
  login: string;
  createdAt: string;
  updatedAt: string;
}

export interface DeploymentStatus {
  id: number;
  state: string;
  description: string;
  environment: string;
  targetUrl: string;
  logUrl: string;
  environmentUrl: string;
  login: string;
  createdAt: string;
}

export interface Deployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  payload: unknown;
  login: string;
  transient: boolean;
  production: boolean;
  createdAt: string;
  updatedAt: string;
  statuses: DeploymentStatus[];
}

export interface RepoSettings {
  private: boolean;
  allowAutoMerge: boolean;
  allowMergeCommit: boolean;
  allowSquashMerge: boolean;
  allowRebaseMerge: boolean;
  deleteBranchOnMerge: boolean;
  archived: boolean;
}

export interface RepoState {
  owner: string;
  name: string;
  id: number;
  defaultBranch: string;
  git: BareRepo;
  settings: RepoSettings;
  protection: Map<string, BranchProtection>;
  permissions: Map<string, PermissionLevel>;
  pulls: PullRequest[];
  /** Issue numbers and pull-request numbers share one sequence, as on GitHub. */
  nextNumber: number;
  labels: Map<string, Label>;
  comments: Map<number, IssueComment[]>;
  statuses: Map<string, CommitStatus[]>;
  deployments: Deployment[];
  /** Commits GitHub itself signed (createCommitOnBranch, merges through the API): shown as verified. */
  verified: Set<string>;
  createdAt: string;
  pushedAt: string;
}

export interface TeamMember {
  login: string;
  role: "member" | "maintainer";
  state: "active" | "pending";
}

export interface Team {
  org: string;
  slug: string;
  id: number;
  name: string;
  members: TeamMember[];
}
