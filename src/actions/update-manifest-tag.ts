import { CONFIG_FILE } from "../environments/file.js";
import { UserError } from "../errors.js";
import type { UpdateRequest } from "../flows/update.js";
import { checkBranchName } from "../github/refs.js";
import { parseRepository } from "../github/settings.js";
import { parseImageRef } from "../image/index.js";
import type { Outcome } from "../texts/update-summary.js";
import type { AutoMerge, DeliveryMode } from "../update/delivery.js";
import { pullRequestInputs, requestTimeoutMs } from "./pull-request-inputs.js";
import {
  actionsLogger,
  getBoolean,
  getChoice,
  getList,
  getSecret,
  getString,
  logInfo,
  runAction,
  writeSummary,
} from "./runtime.js";
import * as core from "./workflow.js";

/** The action's body; the bundle's entry calls it, and so can `@github/local-action`. */
export function run(): Promise<void> {
  return runAction(async () => {
    const env = process.env;
    const token = getSecret("token");
    const images = getList("images").map((text) => parseImageRef(text));
    if (images.length === 0)
      throw new UserError("input 'images' is empty", {
        hint: "List one image reference per line, e.g. ghcr.io/acme/web:1.4.2.",
      });
    const environment = getString("environment").trim() || undefined;
    const paths = getList("paths");
    if (Boolean(environment) === paths.length > 0) {
      throw new UserError("give exactly one of the inputs 'environment' and 'paths'", {
        hint: "environment names an entry of gitops-pipeline.yaml; paths lists files, directories or globs.",
      });
    }
    const repositoryInput = getString("repository").trim() || env.GITHUB_REPOSITORY || "";
    const mode = getString("mode").trim();
    if (mode && mode !== "commit" && mode !== "pull-request") {
      throw new UserError(`input 'mode' must be commit or pull-request, got ${JSON.stringify(mode)}`);
    }
    const workingDirectory = getString("working-directory").trim();
    const branch = getString("branch").trim();
    if (branch) checkBranchName(branch, "branch");
    const base = getString("base").trim();
    if (base) checkBranchName(base, "base");
    const timeoutMs = requestTimeoutMs(env);
    const extras = await pullRequestInputs(env, (message) => core.warning(message));
    if (!workingDirectory && !extras.signoff && (extras.author || extras.committer)) {
      core.warning(
        "'author' and 'committer' set the commit's identity in working-directory mode only; through the API the commit is by the token's account (with signoff: true they name the Signed-off-by trailer)",
      );
    }
    const autoMerge = getChoice("auto-merge", ["false", "merge", "squash", "rebase"] as const, "false");
    const request: UpdateRequest = {
      images,
      environment,
      paths,
      repository: repositoryInput || !workingDirectory ? parseRepository(repositoryInput) : undefined,
      base: base || undefined,
      config: getString("config").trim() || CONFIG_FILE,
      mode: (mode || undefined) as DeliveryMode | undefined,
      branch: branch || undefined,
      title: getString("title").trim() || undefined,
      commitMessage: getString("commit-message").trim() || undefined,
      labels: getList("labels"),
      reviewers: getList("reviewers"),
      teamReviewers: getList("team-reviewers"),
      draft: getBoolean("draft", false),
      autoMerge: autoMerge === "false" ? false : (autoMerge as AutoMerge),
      allowMissing: getBoolean("allow-missing", false),
      dryRun: getBoolean("dry-run", false),
      runUrl:
        env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
          ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
          : undefined,
      ...extras,
    };
    if (!token && !workingDirectory) {
      throw new UserError("input 'token' is empty", {
        hint: "Leave it at its default (github.token) or pass a secret.",
      });
    }
    // The work's code loads only now, so a step with a bad input fails before paying for it.
    const {
      updateInWorkingDirectory,
      updateThroughGitHub,
      outputsOf,
      summaryOf,
      createGitHubClients,
      changeLine,
      unifiedDiff,
    } = await import("./update-manifest-tag.work.js");
    const clients = token
      ? createGitHubClients({
          token,
          baseUrl: env.GITHUB_API_URL,
          graphqlUrl: env.GITHUB_GRAPHQL_URL,
          logger: actionsLogger,
          requestTimeoutMs: timeoutMs,
        })
      : undefined;

    let outcome: Outcome;
    if (workingDirectory) {
      outcome = await updateInWorkingDirectory(request, workingDirectory, {
        logger: actionsLogger,
        serverUrl: env.GITHUB_SERVER_URL,
        clients,
      });
    } else {
      const result = await updateThroughGitHub(request, clients!, actionsLogger);
      outcome = {
        ...result,
        repository: result.repository,
        dryRun: request.dryRun,
      };
      logInfo(`${result.requests} GitHub API request(s)`);
    }

    if (request.dryRun && outcome.plan.files.length > 0) logInfo(unifiedDiff(outcome.plan.files));
    for (const change of outcome.plan.changes) {
      logInfo(changeLine(change));
    }
    logInfo(`operation: ${outcome.operation}${outcome.pullRequest ? ` (${outcome.pullRequest.url})` : ""}`);
    for (const [name, value] of Object.entries(outputsOf(outcome))) core.setOutput(name, value);
    await writeSummary(summaryOf(outcome));
  });
}
