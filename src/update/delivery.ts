import { createHash } from "node:crypto";
import type { Identity } from "../texts/pull-request.js";
import { encodeText, type TextEncoding } from "./encoding.js";
import type { UpdatePlan } from "./plan.js";

/** What happens to a change set: one commit on the base branch, or one commit on a pull request's own branch. */
export type DeliveryMode = "commit" | "pull-request";
/**
 * What a delivery did: a pull request `created`, `updated` (its branch got a new commit), `closed` (delete-branch,
 * nothing left to change), `committed` to the base, or `unchanged`. A dry run says what it would have done
 * (`would-…`), or `unchanged` when a real run would write nothing either.
 */
export type Operation =
  | "created"
  | "updated"
  | "closed"
  | "unchanged"
  | "committed"
  | "would-create"
  | "would-update"
  | "would-close"
  | "would-commit";
export type AutoMerge = false | "merge" | "squash" | "rebase";

export interface PullRequestOptions {
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
  autoMerge: AutoMerge;
  /** Sent when set; GitHub's default otherwise. */
  maintainerCanModify?: boolean;
}

/** What users of create-pull-request also set; shared by update-manifest-tag and promote-env. */
export interface PullRequestExtras {
  /** Markdown added under the generated pull request body. */
  body?: string;
  /** When nothing is left to change: close the open pull request and delete its head branch. */
  deleteBranch?: boolean;
  /** Adds a Signed-off-by trailer to the commit: this identity, or the token's own with "token". */
  signoff?: Identity | "token";
  /** Whether maintainers may push to the head branch; GitHub's default when undefined. */
  maintainerCanModify?: boolean;
}

/** The words of a delivery: commit headline and body, pull request title and body. */
export interface Texts {
  headline: string;
  body: string;
  title: string;
  pullRequestBody: string;
}

/** What a config file turns into: the paths to update and, when it says so, the delivery mode. */
export interface Target {
  patterns: string[];
  mode?: DeliveryMode;
}

export interface PullRequestRef {
  number: number;
  url: string;
  id: string;
}

export interface DeliveryResult {
  operation: Operation;
  mode: DeliveryMode;
  plan: UpdatePlan;
  base: string;
  baseOid: string;
  /** `owner/name` as GitHub spells it. */
  repository: string;
  repositoryUrl: string;
  commit?: { oid: string; url: string };
  pullRequest?: PullRequestRef;
  /** The pull request's head branch (pull-request mode). */
  branch?: string;
  /** Requests this delivery sent (reads, writes, retries not included). */
  requests: number;
  warnings: string[];
}

/** Git's object id for a blob with this content: compares a branch's file to ours without fetching it. */
export function gitBlobOid(content: string, encoding: TextEncoding = "utf8"): string {
  const bytes = encodeText(content, encoding);
  return createHash("sha1")
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest("hex");
}
