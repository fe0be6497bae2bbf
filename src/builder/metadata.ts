import { UserError } from "../errors.js";
import { formatImageRef, type ImageRef, imageName, normalizedName, parseImageRef } from "../image/index.js";

/** What a workflow run tells about the commit being built; the entry reads it from the runner's environment. */
export interface GitHubContext {
  eventName: string;
  /** `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/7/merge`. */
  ref: string;
  /** The commit the run checked out; on pull_request the merge commit. */
  sha: string;
  /** `owner/name`. */
  repository: string;
  serverUrl: string;
  /** The parsed event payload (GITHUB_EVENT_PATH), `{}` when there is none. */
  payload: Record<string, unknown>;
}

export interface TagOptions {
  /** Tag `latest` when the run is on the default branch. */
  latest: boolean;
  /** Tags the user asked for on top of the computed ones. */
  extra: string[];
}

export interface ImageMetadata {
  /** The immutable tag the next step should use: `sha-<7>`. */
  primary: string;
  /** Every tag, primary first, without duplicates. */
  tags: string[];
  /** OCI annotations plus the user's labels (the user's win on conflicts). */
  labels: Record<string, string>;
  /** The commit the tags name (the PR head on pull requests). */
  revision: string;
  /** `org.opencontainers.image.created` as seconds since the epoch, also the builders' `--timestamp`. */
  created: number;
}

const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const SEMVER_TAG_RE = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target"]);

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function isPullRequest(context: GitHubContext): boolean {
  return PULL_REQUEST_EVENTS.has(context.eventName);
}

/**
 * The commit the image is built from. On pull requests GITHUB_SHA is a merge commit that exists nowhere but in
 * that run, so the PR head is the one a reviewer can find again.
 */
export function revisionOf(context: GitHubContext): string {
  if (isPullRequest(context)) {
    const head = text(record(record(context.payload.pull_request).head).sha);
    if (head) return head;
  }
  if (!/^[0-9a-f]{40}$/.test(context.sha)) {
    throw new UserError(`GITHUB_SHA is ${JSON.stringify(context.sha)}, not a 40-character commit id`, {
      hint: "Run the action inside a GitHub Actions job, or set GITHUB_SHA to the commit being built.",
    });
  }
  return context.sha;
}

/** A git ref name made into a valid tag: anything a tag cannot hold becomes '-', and it may not start with '.' or '-'. */
export function sanitizeTag(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9_.-]+/g, "-")
    .replace(/^[.-]+/, "")
    .slice(0, 128)
    .replace(/-+$/, "");
  return cleaned;
}

function pullRequestNumber(context: GitHubContext): number | undefined {
  const number = context.payload.number ?? record(context.payload.pull_request).number;
  if (typeof number === "number") return number;
  const match = /^refs\/pull\/(\d+)\//.exec(context.ref);
  return match ? Number(match[1]) : undefined;
}

function defaultBranch(context: GitHubContext): string | undefined {
  return text(record(context.payload.repository).default_branch);
}

/** The tags a run produces, primary first. */
export function computeTags(
  context: GitHubContext,
  options: TagOptions,
): { primary: string; tags: string[] } {
  const primary = `sha-${revisionOf(context).slice(0, 7)}`;
  const tags = [primary];
  if (isPullRequest(context)) {
    const number = pullRequestNumber(context);
    if (number !== undefined) tags.push(`pr-${number}`);
  } else if (context.ref.startsWith("refs/heads/")) {
    const branch = context.ref.slice("refs/heads/".length);
    const tag = sanitizeTag(branch);
    if (tag) tags.push(tag);
    if (options.latest && branch === defaultBranch(context)) tags.push("latest");
  } else if (context.ref.startsWith("refs/tags/")) {
    const name = context.ref.slice("refs/tags/".length);
    const semver = SEMVER_TAG_RE.exec(name);
    if (semver) {
      const [, major, minor, patch, prerelease] = semver;
      tags.push(`${major}.${minor}.${patch}${prerelease ?? ""}`);
      // A pre-release must not move the X.Y tag that people pin to get fixes.
      if (!prerelease) tags.push(`${major}.${minor}`);
    } else {
      const tag = sanitizeTag(name);
      if (tag) tags.push(tag);
    }
  }
  for (const extra of options.extra) {
    if (!TAG_RE.test(extra)) {
      throw new UserError(`input 'tags': ${JSON.stringify(extra)} is not a valid image tag`, {
        hint: "A tag is 1–128 letters, digits, '_', '.' and '-', not starting with '.' or '-'; write tags without the image name.",
      });
    }
    tags.push(extra);
  }
  return { primary, tags: [...new Set(tags)] };
}

/** The version a person would name this build by: the release, the branch, the PR, else the short commit. */
function versionLabel(context: GitHubContext, tags: string[]): string {
  if (
    context.ref.startsWith("refs/tags/") ||
    context.ref.startsWith("refs/heads/") ||
    isPullRequest(context)
  ) {
    return tags[1] ?? tags[0]!;
  }
  return tags[0]!;
}

/**
 * The build time: SOURCE_DATE_EPOCH when the workflow sets one, else the pushed commit's time, else now. Tying it
 * to the commit makes rebuilding the same commit give the same digest when the Dockerfile itself is reproducible.
 */
export function createdTime(context: GitHubContext, sourceDateEpoch: string | undefined, now: Date): number {
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== "") {
    if (!/^\d+$/.test(sourceDateEpoch)) {
      throw new UserError(
        `SOURCE_DATE_EPOCH is ${JSON.stringify(sourceDateEpoch)}, not a number of seconds`,
        {
          hint: "Set it to a Unix time, e.g. $(git log -1 --format=%ct).",
        },
      );
    }
    return Number(sourceDateEpoch);
  }
  const commitTime = text(record(context.payload.head_commit).timestamp);
  if (commitTime && !isPullRequest(context)) {
    const millis = Date.parse(commitTime);
    if (!Number.isNaN(millis)) return Math.floor(millis / 1000);
  }
  return Math.floor(now.getTime() / 1000);
}

/** `key=value` lines (values may hold commas and '='), as build-args and labels are written. */
export function parseKeyValues(raw: string, input: string): Record<string, string> {
  const result: Record<string, string> = {};
  raw.split(/\r?\n/).forEach((line, index) => {
    const entry = line.trim();
    if (entry === "" || entry.startsWith("#")) return;
    const eq = entry.indexOf("=");
    if (eq <= 0) {
      // The line is not echoed: a build argument pasted without its name is often a credential.
      throw new UserError(`input '${input}' line ${index + 1} is not key=value (it has no name before '=')`, {
        hint: `Write one KEY=value per line in '${input}'; pass credentials through 'secrets', not '${input}'.`,
      });
    }
    result[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
  });
  return result;
}

export function computeMetadata(
  context: GitHubContext,
  options: TagOptions & { labels: Record<string, string>; created: number },
): ImageMetadata {
  const { primary, tags } = computeTags(context, options);
  const revision = revisionOf(context);
  const repositoryName = context.repository.split("/").pop() ?? context.repository;
  const labels: Record<string, string> = {
    "org.opencontainers.image.source": `${context.serverUrl.replace(/\/+$/, "")}/${context.repository}`,
    "org.opencontainers.image.revision": revision,
    "org.opencontainers.image.created": new Date(options.created * 1000).toISOString(),
    "org.opencontainers.image.version": versionLabel(context, tags),
    "org.opencontainers.image.title": repositoryName,
    ...options.labels,
  };
  return { primary, tags, labels, revision, created: options.created };
}

/**
 * The `image` input as a name without tag or digest. Uppercase (as `github.repository` often has) is lowercased
 * rather than refused, and the caller is told so it can say so.
 */
export function resolveImageName(input: string): { ref: ImageRef; lowercased: boolean } {
  const trimmed = input.trim();
  if (trimmed === "") {
    throw new UserError("input 'image' is required", {
      hint: "Name the image without a tag, e.g. ghcr.io/acme/web.",
    });
  }
  const lower = trimmed.toLowerCase();
  const ref = parseImageRef(lower);
  if (ref.tag !== undefined || ref.digest !== undefined) {
    throw new UserError(
      `input 'image' must be a name without tag or digest, got ${JSON.stringify(trimmed)}`,
      {
        hint: `Use image: ${imageName(ref)} and put extra tags in 'tags'.`,
      },
    );
  }
  return { ref, lowercased: lower !== trimmed };
}

/** `name:tag` for every tag. */
export function taggedRefs(image: ImageRef, tags: string[]): string[] {
  return tags.map((tag) => formatImageRef({ ...image, tag, digest: undefined }));
}

/** The `tags` input split into tags of `image` and full references naming other repositories or registries. */
export interface TagInputs {
  /** Bare tags for `image`, including those written as full references to `image` itself. */
  tags: string[];
  /** `name:tag` references to push to besides `image`, as given (lowercased), without duplicates. */
  otherRefs: string[];
}

/**
 * Reads `tags` entries as docker/metadata-action writes them (full `name:tag` references) or as bare tags. A full
 * reference to `image` (however spelled: docker.io/library/x, index.docker.io) adds its tag; one naming another
 * repository or registry is pushed there too, as docker/build-push-action does.
 */
export function splitTagInputs(image: ImageRef, entries: string[]): TagInputs {
  const tags: string[] = [];
  const otherRefs: string[] = [];
  for (const entry of entries) {
    if (!/[/:@]/.test(entry)) {
      tags.push(entry);
      continue;
    }
    let ref: ImageRef;
    try {
      ref = parseImageRef(entry.toLowerCase());
    } catch (error) {
      throw new UserError(`input 'tags': ${JSON.stringify(entry)} is neither a tag nor an image reference`, {
        hint: `Give tags (1.2.3) or full references (ghcr.io/acme/web:1.2.3), one per line. ${(error as UserError).hint ?? ""}`.trim(),
        cause: error,
      });
    }
    if (ref.digest !== undefined || ref.tag === undefined) {
      throw new UserError(
        `input 'tags': ${JSON.stringify(entry)} must name a tag${ref.digest ? ", not a digest" : ""}`,
        {
          hint: "Write name:tag, e.g. ghcr.io/acme/web:1.2.3; the digest is what the action outputs.",
        },
      );
    }
    if (normalizedName(ref) === normalizedName(image)) tags.push(ref.tag);
    else otherRefs.push(formatImageRef(ref));
  }
  return { tags, otherRefs: [...new Set(otherRefs)] };
}
