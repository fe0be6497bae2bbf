import { UserError } from "../errors.js";

// The two trailers update-manifest-tag writes so that the config repository's history knows which app commit each
// image came from and when that commit was made: the start of a change's lead time.

export const SOURCE_COMMIT = "Source-Commit";
export const SOURCE_COMMIT_TIME = "Source-Commit-Time";

/** An app repository's commit whose images a config commit introduces. */
export interface SourceCommit {
  /** `owner/repo`. */
  repository: string;
  /** Full commit id, lowercase hex. */
  sha: string;
  /** As written, ISO 8601 with an offset. */
  time: string;
  /** The same instant, milliseconds since the epoch. */
  timeMs: number;
}

// GitHub's rules for owner and repository names; anything else could carry a newline or a second trailer.
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

function describe(value: string): string {
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(shown);
}

/** Milliseconds since the epoch of an ISO 8601 time with a zone, or undefined when it is not one (or not a date). */
export function parseIsoTime(text: string): number | undefined {
  const match = ISO_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, , offsetHours, offsetMinutes] = match.map(Number);
  if (month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second! > 60) return undefined;
  if ((offsetHours ?? 0) > 23 || (offsetMinutes ?? 0) > 59) return undefined;
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (day! < 1 || day! > days) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

export interface SourceCommitInput {
  repository: string;
  sha: string;
  time: string;
}

/**
 * Checks the three values a trailer pair is made of; each must be exactly one well-formed token, so a hostile
 * input cannot add lines or trailers to a commit message. `names` say which inputs they came from.
 */
export function checkSourceCommit(
  input: SourceCommitInput,
  names: { repository: string; sha: string; time: string } = {
    repository: "source repository",
    sha: "source commit",
    time: "source commit time",
  },
): SourceCommit {
  if (!REPOSITORY.test(input.repository)) {
    throw new UserError(`${names.repository} ${describe(input.repository)} is not owner/repo`, {
      hint: "Give the app repository as owner/name, e.g. acme/web (GITHUB_REPOSITORY of the app's workflow).",
    });
  }
  const sha = input.sha.toLowerCase();
  if (!SHA.test(sha)) {
    throw new UserError(`${names.sha} ${describe(input.sha)} is not a full commit id`, {
      hint: "Give the 40-character hexadecimal commit id (github.sha of the app's workflow).",
    });
  }
  const timeMs = parseIsoTime(input.time);
  if (timeMs === undefined) {
    throw new UserError(`${names.time} ${describe(input.time)} is not an ISO 8601 time with an offset`, {
      hint: "Write it as 2026-03-01T14:05:09+01:00 or 2026-03-01T13:05:09Z (the push event's head_commit.timestamp).",
    });
  }
  return { repository: input.repository, sha, time: input.time, timeMs };
}

/** The trailer lines for the given source commits, one pair each, in order. */
export function formatSourceTrailers(sources: readonly SourceCommitInput[]): string[] {
  return sources.flatMap((source) => {
    const checked = checkSourceCommit(source);
    return [
      `${SOURCE_COMMIT}: ${checked.repository}@${checked.sha}`,
      `${SOURCE_COMMIT_TIME}: ${checked.time}`,
    ];
  });
}

const TRAILER_LINE = /^[A-Za-z0-9-]+: \S/;

/**
 * A commit message body with trailer lines at its end: in the trailer block it already ends with (git reads only
 * the last paragraph as trailers), else after a blank line.
 */
export function appendTrailerLines(body: string, lines: readonly string[]): string {
  if (lines.length === 0) return body;
  const trimmed = body.trimEnd();
  if (trimmed === "") return lines.join("\n");
  const last = trimmed.split(/\n\s*\n/).at(-1)!;
  const block = last.split("\n").every((line) => TRAILER_LINE.test(line));
  return `${trimmed}${block ? "\n" : "\n\n"}${lines.join("\n")}`;
}

/** A whole commit message (headline, body) with the source trailers at its end. */
export function withSourceTrailers(message: string, sources: readonly SourceCommitInput[]): string {
  const [headline, ...rest] = message.trimEnd().split("\n");
  const body = rest.join("\n").replace(/^\s*\n/, "");
  return `${headline}\n\n${appendTrailerLines(body, formatSourceTrailers(sources))}\n`;
}

export interface ParsedTrailers {
  sources: SourceCommit[];
  /** Trailers that were present but malformed or unpaired, described for a note (never echoed raw). */
  rejected: number;
}

/**
 * Reads `Source-Commit` / `Source-Commit-Time` pairs from trailer lines (`Key: value`, one per line, as
 * `git log --format=%(trailers)` prints them). Values come from commits anyone with push access wrote: malformed
 * ones are counted, not trusted.
 */
export function parseSourceTrailers(text: string): ParsedTrailers {
  const sources: SourceCommit[] = [];
  let rejected = 0;
  let pending: { repository: string; sha: string } | undefined;
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === SOURCE_COMMIT.toLowerCase()) {
      if (pending) rejected++;
      const at = value.lastIndexOf("@");
      pending = at > 0 ? { repository: value.slice(0, at), sha: value.slice(at + 1) } : undefined;
      if (!pending) rejected++;
    } else if (key === SOURCE_COMMIT_TIME.toLowerCase()) {
      if (!pending) {
        rejected++;
        continue;
      }
      try {
        sources.push(checkSourceCommit({ ...pending, time: value }));
      } catch {
        rejected++;
      }
      pending = undefined;
    }
  }
  if (pending) rejected++;
  return { sources, rejected };
}
