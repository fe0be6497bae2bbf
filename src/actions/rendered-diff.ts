import { readFileSync } from "node:fs";
import * as core from "@actions/core";
import { isUserError } from "../errors.js";
import { actionsLogger, getBoolean, getSecret, logInfo, writeSummary } from "./runtime.js";
import type * as Work from "./validate-manifests.work.js";

/** What the rendered diff needs from a pull_request event; undefined for other events or an unusable payload. */
interface PullRequestEvent {
  number: number;
  /** The pull request comes from another repository: its token is read-only, so it cannot comment. */
  fork: boolean;
}

function pullRequestEvent(): PullRequestEvent | undefined {
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  let event: {
    pull_request?: {
      number?: unknown;
      head?: { repo?: { full_name?: unknown } | null };
      base?: { repo?: { full_name?: unknown } | null };
    };
  };
  try {
    event = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  const pr = event?.pull_request;
  if (!pr || typeof pr.number !== "number" || !Number.isSafeInteger(pr.number) || pr.number < 1)
    return undefined;
  const head = pr.head?.repo?.full_name;
  const base = pr.base?.repo?.full_name;
  // A deleted fork has no head repository; its token is read-only all the same.
  const fork = typeof base === "string" && head !== base;
  return { number: pr.number, fork };
}

/** A response status of an Octokit error, when it has one. */
const statusOf = (error: unknown) =>
  typeof (error as { status?: unknown })?.status === "number"
    ? (error as { status: number }).status
    : undefined;

/** The inputs of the rendered diff, read (and the token masked) before any work starts. */
export function renderedDiffInputs(): { enabled: boolean; comment: boolean; token: string } {
  const enabled = getBoolean("rendered-diff", true);
  const comment = enabled && getBoolean("diff-comment", true);
  return { enabled, comment, token: comment ? getSecret("token") : "" };
}

/**
 * On a pull request: the rendered diff of every overlay it affects, in the job summary and as one comment on the
 * pull request that each run edits in place. Never fails the step: a diff that cannot be made or posted is a
 * warning or a notice, and validation's own result decides the step.
 */
export async function renderedDiffStep(
  cwd: string,
  base: string,
  inputs: { comment: boolean; token: string },
  work: Pick<
    typeof Work,
    | "createGitHubClient"
    | "parseRepository"
    | "requestTimeoutMs"
    | "renderedDiffAgainst"
    | "renderedDiffMarkdown"
    | "upsertMarkedComment"
    | "RENDERED_DIFF_MARKER"
  >,
): Promise<void> {
  const { comment, token } = inputs;
  let run: Awaited<ReturnType<typeof work.renderedDiffAgainst>>;
  try {
    run = await work.renderedDiffAgainst(cwd, base);
  } catch (error) {
    if (!isUserError(error)) throw error;
    core.warning(`rendered diff skipped: ${error.format()}`);
    return;
  }
  const differing = run.overlays.filter((o) => o.status !== "unchanged");
  logInfo(
    `rendered diff: ${run.overlays.length} overlay(s) affected, ${differing.length} with differences, ${run.renders} kustomize build(s)`,
  );
  const markdown = work.renderedDiffMarkdown(run, { base });
  core.setOutput("rendered-diff-overlays", differing.length);
  await writeSummary(markdown);
  if (!comment) return;
  const event = pullRequestEvent();
  if (!event) return;
  if (event.fork) {
    core.notice(
      "rendered diff: this pull request comes from a fork, whose token cannot comment; the diff is in the job summary only",
    );
    return;
  }
  if (!token) {
    core.notice("rendered diff: no token, so no pull-request comment; the diff is in the job summary");
    return;
  }
  try {
    const repository = work.parseRepository(process.env.GITHUB_REPOSITORY ?? "");
    const client = work.createGitHubClient({
      token,
      baseUrl: process.env.GITHUB_API_URL,
      logger: actionsLogger,
      requestTimeoutMs: work.requestTimeoutMs(process.env),
    });
    const posted = await work.upsertMarkedComment(
      client,
      repository,
      event.number,
      work.RENDERED_DIFF_MARKER,
      markdown,
      { create: run.overlays.length > 0 },
    );
    if (posted) {
      logInfo(`rendered diff comment ${posted.operation}: ${posted.url}`);
      core.setOutput("diff-comment-url", posted.url);
    }
  } catch (error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) {
      core.notice(
        `rendered diff: the token may not comment on pull request #${event.number} (HTTP ${status}); the diff is in the job summary only. Give the job \`pull-requests: write\` to get the comment.`,
      );
      return;
    }
    core.warning(
      `rendered diff: could not comment on pull request #${event.number}: ${(error as Error).message}`,
    );
  }
}
