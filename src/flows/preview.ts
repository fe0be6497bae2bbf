import { posix } from "node:path";
import { loadConfig, type PreviewConfig } from "../environments/index.js";
import { findPreview } from "../environments/previews.js";
import { UserError } from "../errors.js";
import type { GitHub } from "../github/client.js";
import { GitHubConfigRepository } from "../github/config-repository.js";
import type { ImageRef } from "../image/index.js";
import type { Logger } from "../logger.js";
import { type PreviewPlan, planPreviewDelete, planPreviewUpdate, planSweep } from "../previews/plan.js";
import { previewCommitTexts, previewLines } from "../previews/texts.js";
import type { AutoMerge, DeliveryMode, DeliveryResult } from "../update/delivery.js";

export type PreviewAction = "update" | "delete" | "sweep";

/** What update-manifest-tag was asked to do with a preview, already parsed and checked by the entry. */
export interface PreviewRequest {
  action: PreviewAction;
  /** The `previews:` entry; the only one when undefined. */
  name?: string;
  /** The pull request (update and delete). */
  number?: number;
  images: ImageRef[];
  repository: { owner: string; repo: string };
  base?: string;
  config: string;
  /** Undefined: the preview entry's mode (commit unless set). */
  mode?: DeliveryMode;
  branch?: string;
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
  autoMerge: AutoMerge;
  dryRun: boolean;
  body?: string;
  runUrl?: string;
  now: Date;
}

/** Where a sweep learns which pull requests are still open (the app repository's, through the API). */
export type OpenPullRequests = () => Promise<ReadonlySet<number>>;

export interface PreviewResult extends DeliveryResult {
  plan: PreviewPlan;
  preview: string;
}

function headBranch(request: PreviewRequest): string {
  if (request.branch) return request.branch;
  const who = request.name ?? "preview";
  return request.action === "sweep"
    ? `gitops/preview/${who}/sweep`
    : `gitops/preview/${who}/pr-${request.number}`;
}

/**
 * Creates, updates or removes a preview, or sweeps them, as one commit (or one pull request) through the same
 * delivery as an image update: read what the config and the preview folder need, plan in the core, write once.
 */
export async function previewThroughGitHub(
  request: PreviewRequest,
  clients: { read: GitHub; write: GitHub },
  openPullRequests: OpenPullRequests | undefined,
  logger: Logger,
): Promise<PreviewResult> {
  // Known before anything is read, so a sweep that cannot learn what is open changes nothing.
  const open = request.action === "sweep" && openPullRequests ? await openPullRequests() : undefined;
  let preview: PreviewConfig | undefined;
  const result = await GitHubConfigRepository.of(clients, request.repository, logger).deliver({
    base: request.base,
    mode: request.mode,
    target: {
      config: request.config,
      resolve: (text) => {
        if (text === undefined) {
          throw new UserError(`previews need ${request.config} in the config repository, and there is none`, {
            hint: "Create the config file with a previews: section at the repository root, or set `config` to where it is.",
          });
        }
        preview = findPreview(loadConfig(text, request.config), request.name);
        const root = posix.dirname(preview.path);
        return { patterns: [root === "." ? "" : root, preview.template], mode: request.mode ?? preview.mode };
      },
    },
    plan: async (reader) => {
      const entry = preview!;
      if (request.action === "update") {
        return planPreviewUpdate(reader, entry, {
          number: request.number!,
          images: request.images,
          now: request.now,
          configFile: request.config,
        });
      }
      if (request.action === "delete") return planPreviewDelete(reader, entry, request.number!);
      return planSweep(reader, entry, { now: request.now, open });
    },
    branch: headBranch(request),
    texts: (plan) => {
      const texts = previewCommitTexts(preview!.name, request.action, plan as PreviewPlan);
      const lines = previewLines((plan as PreviewPlan).previews, false).map((line) => `- ${line}`);
      return {
        ...texts,
        pullRequestBody: [
          `Preview environments of **${preview!.name}**, as \`${request.action}\` left them:`,
          "",
          ...lines,
          ...(request.runUrl ? ["", `Run: ${request.runUrl}`] : []),
        ].join("\n"),
      };
    },
    pullRequest: {
      labels: request.labels,
      reviewers: request.reviewers,
      teamReviewers: request.teamReviewers,
      draft: request.draft,
      autoMerge: request.autoMerge,
    },
    body: request.body,
    dryRun: request.dryRun,
  });
  return { ...result, plan: result.plan as PreviewPlan, preview: preview?.name ?? request.name ?? "" };
}
