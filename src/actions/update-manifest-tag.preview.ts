import * as core from "@actions/core";
import { UserError } from "../errors.js";
import { checkBranchName } from "../github/refs.js";
import { parseRepository } from "../github/settings.js";
import { parseImageRef } from "../image/index.js";
import { parsePullRequestNumber } from "../previews/number.js";
import type { AutoMerge, DeliveryMode } from "../update/delivery.js";
import { requestTimeoutMs } from "./pull-request-inputs.js";
import {
  actionsLogger,
  getBoolean,
  getChoice,
  getList,
  getString,
  logInfo,
  writeSummary,
} from "./runtime.js";

const ACTIONS = ["update", "delete", "sweep"] as const;

/** Whether the step asks for a preview rather than an image update. */
export function wantsPreview(): boolean {
  return Boolean(getString("preview").trim() || getString("preview-action").trim());
}

/**
 * update-manifest-tag with `preview`/`preview-action`: a pull request's preview environment is created, updated or
 * removed, or the previews are swept, as one commit (or pull request) in the config repository.
 */
export async function runPreview(token: string, env: NodeJS.ProcessEnv): Promise<void> {
  const action = getChoice("preview-action", ACTIONS, "update");
  const numberText = getString("preview").trim();
  if (action === "sweep" && numberText) {
    throw new UserError("input 'preview' names one pull request; a sweep looks at every preview", {
      hint: "Leave 'preview' empty with preview-action: sweep.",
    });
  }
  if (action !== "sweep" && !numberText) {
    throw new UserError(`preview-action ${action} needs the input 'preview' (the pull request number)`, {
      hint: "Pass the pull request's number as preview (github.event.pull_request.number in a workflow).",
    });
  }
  const number = numberText ? parsePullRequestNumber(numberText, "input 'preview'") : undefined;
  const images = getList("images").map((text) => parseImageRef(text));
  if (action !== "update" && images.length > 0) {
    throw new UserError(`input 'images' is not read by preview-action ${action}`, {
      hint: "Pass images only when creating or updating a preview.",
    });
  }
  if (getString("environment").trim() || getList("paths").length > 0) {
    throw new UserError("a preview comes from the previews: section; leave 'environment' and 'paths' empty");
  }
  if (getString("working-directory").trim()) {
    throw new UserError("previews are written through the GitHub API; leave 'working-directory' empty");
  }
  const name = getString("preview-name").trim() || undefined;
  const repository = parseRepository(getString("repository").trim() || env.GITHUB_REPOSITORY || "");
  const pullsFrom = parseRepository(getString("preview-repository").trim() || env.GITHUB_REPOSITORY || "");
  const mode = getString("mode").trim();
  if (mode && mode !== "commit" && mode !== "pull-request") {
    throw new UserError(`input 'mode' must be commit or pull-request, got ${JSON.stringify(mode)}`);
  }
  const branch = getString("branch").trim();
  if (branch) checkBranchName(branch, "branch");
  const base = getString("base").trim();
  if (base) checkBranchName(base, "base");
  if (!token)
    throw new UserError("input 'token' is empty", { hint: "Leave it at its default or pass a secret." });
  const autoMerge = getChoice("auto-merge", ["false", "merge", "squash", "rebase"] as const, "false");
  const request = {
    action,
    name,
    number,
    images,
    repository,
    base: base || undefined,
    config: getString("config").trim() || "gitops-pipeline.yaml",
    mode: (mode || undefined) as DeliveryMode | undefined,
    branch: branch || undefined,
    labels: getList("labels"),
    reviewers: getList("reviewers"),
    teamReviewers: getList("team-reviewers"),
    draft: getBoolean("draft", false),
    autoMerge: autoMerge === "false" ? false : (autoMerge as AutoMerge),
    dryRun: getBoolean("dry-run", false),
    body: getString("body").trim() || undefined,
    runUrl:
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    now: new Date(),
  };
  const {
    previewThroughGitHub,
    openPullRequestNumbers,
    createGitHubClients,
    outputsOf,
    previewLines,
    previewSummary,
  } = await import("./update-manifest-tag.work.js");
  const clients = createGitHubClients({
    token,
    baseUrl: env.GITHUB_API_URL,
    graphqlUrl: env.GITHUB_GRAPHQL_URL,
    logger: actionsLogger,
    requestTimeoutMs: requestTimeoutMs(env),
  });
  const result = await previewThroughGitHub(
    request,
    clients,
    () => openPullRequestNumbers(clients.read, pullsFrom),
    actionsLogger,
  );
  for (const line of previewLines(result.plan.previews, request.dryRun)) logInfo(line);
  logInfo(`operation: ${result.operation}${result.pullRequest ? ` (${result.pullRequest.url})` : ""}`);
  const outputs = outputsOf({ ...result, dryRun: request.dryRun });
  outputs["changed-files"] = JSON.stringify([
    ...result.plan.files.map((file) => file.path),
    ...result.plan.deletions.map((file) => file.path),
  ]);
  outputs.previews = JSON.stringify(
    result.plan.previews.map(({ number: n, action: done, path, namespace, reason }) => ({
      number: n,
      action: done,
      path,
      namespace,
      ...(reason ? { reason } : {}),
    })),
  );
  for (const [key, value] of Object.entries(outputs)) core.setOutput(key, value);
  await writeSummary(
    previewSummary(result.preview, result.plan, {
      operation: request.dryRun ? `${result.operation} (dry run)` : result.operation,
      url: result.pullRequest?.url ?? result.commit?.url,
    }),
  );
}
