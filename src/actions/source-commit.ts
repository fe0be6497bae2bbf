import { readFileSync } from "node:fs";
import { UserError } from "../errors.js";
import { checkSourceCommit, type SourceCommitInput } from "../metrics/trailers.js";

export interface SourceCommitInputs {
  repository: string;
  sha: string;
  time: string;
}

/** The push event's head commit, when the event file holds one (it is untrusted until checked). */
function headCommit(env: NodeJS.ProcessEnv): { id?: unknown; timestamp?: unknown } | undefined {
  if (env.GITHUB_EVENT_NAME !== "push" || !env.GITHUB_EVENT_PATH) return undefined;
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, "utf8")) as { head_commit?: unknown };
    const head = payload.head_commit;
    return head && typeof head === "object" ? (head as { id?: unknown; timestamp?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The app commit update-manifest-tag's commits name in their Source-Commit trailers: the inputs, else the workflow
 * run's repository and commit, with the time of the push event's head commit. Returns a note instead when the time
 * cannot be known: a trailer with an invented time would make every lead time wrong.
 */
export function sourceCommitOf(
  env: NodeJS.ProcessEnv,
  inputs: SourceCommitInputs,
): { sources: SourceCommitInput[]; note?: string } {
  const repository = inputs.repository.trim() || env.GITHUB_REPOSITORY || "";
  const sha = inputs.sha.trim() || env.GITHUB_SHA || "";
  let time = inputs.time.trim();
  let timeFrom = "source-commit-time";
  if (!time && sha) {
    const head = headCommit(env);
    if (head && typeof head.id === "string" && head.id.toLowerCase() === sha.toLowerCase()) {
      time = typeof head.timestamp === "string" ? head.timestamp : "";
      timeFrom = "the push event's head_commit.timestamp";
    }
  }
  if (!sha) {
    if (inputs.time.trim() || inputs.repository.trim()) {
      throw new UserError(
        "input 'source-repository' or 'source-commit-time' is set without a source commit",
        {
          hint: "Set source-sha too (the app commit whose images this update brings), or leave all three empty.",
        },
      );
    }
    return {
      sources: [],
      note: "no source commit known (GITHUB_SHA is empty): no Source-Commit trailers written",
    };
  }
  const names = {
    repository: inputs.repository.trim() ? "input 'source-repository'" : "GITHUB_REPOSITORY",
    sha: inputs.sha.trim() ? "input 'source-sha'" : "GITHUB_SHA",
    time: timeFrom === "source-commit-time" ? "input 'source-commit-time'" : timeFrom,
  };
  if (!time) {
    // The repository and commit are checked even when no trailer is written: a bad input is a mistake either way.
    checkSourceCommit({ repository, sha, time: "1970-01-01T00:00:00Z" }, names);
    return {
      sources: [],
      note:
        "the source commit's time is unknown (not a push of that commit): no Source-Commit trailers written; " +
        "set source-commit-time to measure lead time",
    };
  }
  const checked = checkSourceCommit({ repository, sha, time }, names);
  return { sources: [{ repository: checked.repository, sha: checked.sha, time: checked.time }] };
}
