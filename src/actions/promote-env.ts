import { readFile } from "node:fs/promises";
import * as core from "@actions/core";
import { CONFIG_FILE } from "../environments/file.js";
import { UserError } from "../errors.js";
import type { PromotionContext } from "../flows/promotion.js";
import { parseRepository } from "../github/settings.js";
import type { Change } from "../manifests/index.js";
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

const changesJson = (changes: readonly Change[]) =>
  JSON.stringify(changes.map(({ file, line, image, from, to }) => ({ file, line, image, from, to })));

/** The pull request an event is about, if any. */
async function eventPullRequest(): Promise<number | undefined> {
  const path = process.env.GITHUB_EVENT_PATH;
  if (!path) return undefined;
  const text = await readFile(path, "utf8").catch(() => "{}");
  let payload: { pull_request?: { number?: number } };
  try {
    payload = JSON.parse(text) as typeof payload;
  } catch (error) {
    throw new UserError(`cannot read the event payload: ${(error as Error).message}`, {
      file: path,
      hint: "Give the pull request with the 'pull-request' input, or point GITHUB_EVENT_PATH at a JSON event.",
    });
  }
  return payload.pull_request?.number;
}

/** The action's body; the bundle's entry calls it, and so can `@github/local-action`. */
export function run(): Promise<void> {
  return runAction(async () => {
    const env = process.env;
    const mode = getChoice(
      "mode",
      ["propose", "gate", "rollback", "metrics", "record", "report-health"] as const,
      "propose",
    );
    const token = getSecret("token");
    // Metrics are read from a checkout's history; with a token, GitHub's deployment statuses add failures.
    if (mode !== "metrics" && !token)
      throw new UserError("input 'token' is empty", {
        hint: "Leave it at its default (github.token) or pass a secret.",
      });
    if (mode === "record" || mode === "report-health" || mode === "metrics") {
      const health =
        mode === "report-health"
          ? getChoice("health", ["in_progress", "success", "failure"] as const, "success")
          : undefined;
      const target = getString("to").trim();
      if (health && !target)
        throw new UserError("input 'to' is required in report-health mode", {
          hint: "Name the environment whose latest deployment to report on.",
        });
      const { runMetrics, runRecord, runReportHealth, createGitHubClients } = await import(
        "./promote-env.work.js"
      );
      const connect = (secret: string) => ({
        clients: createGitHubClients({
          token: secret,
          baseUrl: env.GITHUB_API_URL,
          graphqlUrl: env.GITHUB_GRAPHQL_URL,
          logger: actionsLogger,
          requestTimeoutMs: requestTimeoutMs(env),
        }),
        repository: parseRepository(getString("repository").trim() || env.GITHUB_REPOSITORY || ""),
        logger: actionsLogger,
      });
      if (mode === "metrics") return runMetrics(env, token ? () => connect(token) : undefined);
      return health ? runReportHealth(target, health, token, connect) : runRecord(env, token, connect);
    }
    const to = getString("to").trim();
    if (!to)
      throw new UserError("input 'to' is required", {
        hint: "Name the environment to promote to, e.g. production.",
      });
    const mergeMethod = getChoice("merge-method", ["merge", "squash", "rebase"] as const, "merge");
    const merge = getBoolean("merge", false);
    const record = getBoolean("record-deployment", false);
    const dryRun = getBoolean("dry-run", false);
    const runUrl =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    const repository = parseRepository(getString("repository").trim() || env.GITHUB_REPOSITORY || "");
    // The work's code loads only now, so a step with a bad input fails before paying for it.
    const {
      openPromotions,
      propose,
      recordDeployment,
      runGate,
      pullRequestOutputs,
      createGitHubClients,
      GitHubConfigRepository,
      imagesAfter,
      gateSummary,
      proposalSummary,
      changeLine,
      unifiedDiff,
    } = await import("./promote-env.work.js");
    const ctx: PromotionContext = {
      repo: new GitHubConfigRepository({
        clients: createGitHubClients({
          token,
          baseUrl: env.GITHUB_API_URL,
          graphqlUrl: env.GITHUB_GRAPHQL_URL,
          logger: actionsLogger,
          requestTimeoutMs: requestTimeoutMs(env),
        }),
        repository,
        logger: actionsLogger,
        runUrl,
      }),
      base: getString("base").trim() || undefined,
      config: getString("config").trim() || CONFIG_FILE,
      serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
      runUrl,
      logger: actionsLogger,
    };

    const outputs: Record<string, string> = {
      "pull-request-number": "",
      "pull-request-url": "",
      operation: "unchanged",
      changes: "[]",
      gate: "",
      "gate-reasons": "[]",
      "approved-by": "[]",
      "pull-request-operation": "none",
      "pull-request-head-sha": "",
      "pull-request-branch": "",
    };
    const summary: string[] = [];

    /** One gate pass; the first pull request evaluated fills the outputs, every one goes to the summary. */
    const gate = async (number: number, final: boolean): Promise<void> => {
      const run = await runGate(ctx, number, {
        to,
        now: new Date(),
        final,
        merge: merge ? mergeMethod : false,
        recordDeployment: record,
        dryRun,
      });
      if (!run) {
        logInfo(`pull request #${number} is not an open promotion to ${to}; nothing to gate`);
        return;
      }
      const { result, pullRequest } = run.evaluation;
      summary.push(gateSummary(pullRequest, result));
      if (run.merged) summary.push(`Merged #${number} as ${run.merged.slice(0, 7)}.\n`);
      if (outputs.gate !== "") return;
      Object.assign(outputs, {
        "pull-request-number": String(number),
        "pull-request-url": pullRequest.url,
        gate: result.open ? "open" : "blocked",
        "gate-reasons": JSON.stringify(result.reasons),
        "approved-by": JSON.stringify(result.approvedBy),
        changes: changesJson(result.changes),
        ...(run.merged ? { operation: "merged" } : {}),
        ...(outputs["pull-request-operation"] === "none"
          ? { "pull-request-head-sha": pullRequest.headSha, "pull-request-branch": pullRequest.headRef }
          : {}),
      });
    };

    if (mode === "gate") {
      const input = getString("pull-request").trim();
      if (input && !/^\d+$/.test(input))
        throw new UserError(`input 'pull-request' must be a number, got ${JSON.stringify(input)}`, {
          hint: "Give the pull request's number (42), or leave it empty to gate the event's pull request.",
        });
      const single = input ? Number(input) : await eventPullRequest();
      const numbers = single !== undefined ? [single] : await openPromotions(ctx, to);
      if (numbers.length === 0) logInfo(`no open promotion pull request to ${to}`);
      for (const number of numbers) await gate(number, true);
    } else {
      // create-pull-request's inputs; without a checkout the commit is the token's, and so is the signoff.
      const inputs = await pullRequestInputs(env, (message) => core.warning(message));
      const result = await propose(ctx, {
        extras: {
          body: inputs.body,
          deleteBranch: inputs.deleteBranch,
          maintainerCanModify: inputs.maintainerCanModify,
          signoff: inputs.signoff ? "token" : undefined,
        },
        kind: mode === "rollback" ? "rollback" : "promotion",
        to,
        from: getString("from").trim() || undefined,
        revision: getString("revision").trim() || undefined,
        apps: getList("apps"),
        images: getList("images"),
        dryRun,
      });
      const { delivery, plan } = result;
      if (dryRun && plan.files.length > 0) logInfo(unifiedDiff(plan.files));
      for (const change of plan.changes) {
        logInfo(changeLine(change));
      }
      Object.assign(outputs, {
        operation: delivery.operation,
        changes: changesJson(plan.changes),
        "pull-request-number": delivery.pullRequest ? String(delivery.pullRequest.number) : "",
        "pull-request-url": delivery.pullRequest?.url ?? "",
        ...pullRequestOutputs(delivery),
      });
      summary.push(
        proposalSummary(
          plan,
          result.marker,
          delivery.operation,
          delivery.pullRequest,
          ctx.serverUrl,
          result.reason,
        ),
      );
      if (delivery.operation === "committed" && record && delivery.commit) {
        await recordDeployment(ctx, {
          sha: delivery.commit.oid,
          environment: to,
          images: imagesAfter(plan.changes),
          description: `${result.marker.kind} committed`,
        });
      }
      if (delivery.pullRequest && !dryRun) await gate(delivery.pullRequest.number, false);
    }

    logInfo(
      `operation: ${outputs.operation}${outputs["pull-request-url"] ? ` (${outputs["pull-request-url"]})` : ""}`,
    );
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
    await writeSummary(summary.join("\n"));
  });
}
