import { findEnvironment, loadConfig } from "../environments/index.js";
import { UserError } from "../errors.js";
import type { GitHub } from "../github/client.js";
import { GitHubConfigRepository } from "../github/config-repository.js";
import { formatImageRef, type ImageRef } from "../image/index.js";
import type { Logger } from "../logger.js";
import { defaultTitle, headBranchName, type Identity, pullRequestBody } from "../texts/pull-request.js";
import type {
  AutoMerge,
  DeliveryMode,
  DeliveryResult,
  PullRequestOptions,
  Texts,
} from "../update/delivery.js";
import {
  commitBody,
  missingImagesError,
  planUpdate,
  type RepoReader,
  type UpdatePlan,
} from "../update/index.js";
import type { ChangeDelivery } from "./ports.js";

/** What update-manifest-tag was asked to do, already parsed and checked by the entry. */
export interface UpdateRequest {
  images: ImageRef[];
  environment?: string;
  paths: string[];
  /** `owner/name` of the config repository (working-directory mode takes it from the remote instead). */
  repository?: { owner: string; repo: string };
  base?: string;
  config: string;
  /** Undefined: the environment's mode, else pull-request. */
  mode?: DeliveryMode;
  branch?: string;
  title?: string;
  commitMessage?: string;
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
  autoMerge: AutoMerge;
  allowMissing: boolean;
  dryRun: boolean;
  helmPaths?: string[];
  /** A link to the workflow run, for the pull request body. */
  runUrl?: string;
  /** Markdown added under the generated pull request body. */
  body?: string;
  /** When nothing is left to change, close the open pull request and delete its head branch. */
  deleteBranch?: boolean;
  /** Add a Signed-off-by trailer (the committer's; in API mode the token's unless `committer`/`author` is set). */
  signoff?: boolean;
  /** Working-directory mode: who the commit is by; in API mode only the Signed-off-by trailer uses them. */
  author?: Identity;
  committer?: Identity;
  maintainerCanModify?: boolean;
}

/** The planner bound to the request: the core's planUpdate plus the missing-image rule. */
export function planner(request: UpdateRequest, logger: Logger) {
  return async (reader: RepoReader, patterns: string[]): Promise<UpdatePlan> => {
    const plan = await planUpdate(reader, patterns, request.images, { helmPaths: request.helmPaths });
    if (plan.missing.length > 0) {
      const names = plan.missing.map(formatImageRef).join(", ");
      if (!request.allowMissing) {
        throw missingImagesError(
          plan,
          patterns,
          "Check the image names and the paths (or the environment), or set allow-missing: true to update the others.",
        );
      }
      logger.warning(`not referenced under ${patterns.join(", ")} (allowed): ${names}`);
    }
    for (const warning of plan.warnings ?? [])
      logger.warning(`${warning.file}:${warning.line}: ${warning.message}`);
    return plan;
  };
}

/** Paths and mode of the request's environment, from the config file's text. */
export function targetFromConfig(request: UpdateRequest, text: string | undefined) {
  if (text === undefined) {
    throw new UserError(
      `environment ${request.environment} needs ${request.config} in the config repository, and there is none`,
      {
        hint: "Create the config file at the repository root, set `config` to where it is, or give `paths` instead.",
      },
    );
  }
  const environment = findEnvironment(loadConfig(text, request.config), request.environment!);
  return { patterns: environment.paths, mode: environment.mode };
}

/** Commit message, pull request title and body, from the inputs or from the changes. */
export function textsFor(request: UpdateRequest) {
  return (plan: UpdatePlan, base: string): Texts => {
    const title = request.title || defaultTitle(request.images, request);
    const [headline, ...rest] = (request.commitMessage || title).split(/\r?\n/);
    const body = request.commitMessage ? rest.join("\n").trim() : commitBody(plan.changes);
    return {
      headline: headline!.trim() || title,
      body,
      title,
      pullRequestBody: pullRequestBody(plan.changes, {
        environment: request.environment,
        base,
        run: request.runUrl,
      }),
    };
  };
}

export function pullRequestOptions(request: UpdateRequest): PullRequestOptions {
  const { labels, reviewers, teamReviewers, draft, autoMerge, maintainerCanModify } = request;
  return { labels, reviewers, teamReviewers, draft, autoMerge, maintainerCanModify };
}

export function branchFor(request: UpdateRequest): string {
  return (
    request.branch ||
    headBranchName({ environment: request.environment, paths: request.paths }, request.images)
  );
}

/** One commit, at most one pull request, through whatever delivers change sets (the GitHub API without a clone). */
export function updateThrough(
  request: UpdateRequest,
  delivery: ChangeDelivery,
  logger: Logger,
): Promise<DeliveryResult> {
  return delivery.deliver({
    base: request.base,
    mode: request.mode,
    target: request.environment
      ? { config: request.config, resolve: (text) => targetFromConfig(request, text) }
      : { patterns: request.paths },
    plan: planner(request, logger),
    branch: branchFor(request),
    texts: textsFor(request),
    pullRequest: pullRequestOptions(request),
    body: request.body,
    deleteBranch: request.deleteBranch,
    // createCommitOnBranch commits as the token: the trailer names it unless the workflow names someone.
    signoff: request.signoff ? (request.committer ?? request.author ?? "token") : undefined,
    dryRun: request.dryRun,
  });
}

/** API mode: no clone, one commit, at most one pull request. */
export function updateThroughGitHub(
  request: UpdateRequest,
  clients: { read: GitHub; write: GitHub },
  logger: Logger,
): Promise<DeliveryResult> {
  return updateThrough(request, GitHubConfigRepository.of(clients, request.repository, logger), logger);
}
