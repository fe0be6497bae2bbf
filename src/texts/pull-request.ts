import { createHash } from "node:crypto";
import { UserError } from "../errors.js";
import { type ImageRef, imageName, normalizedName, versionOf } from "../image/index.js";
import type { Change } from "../manifests/index.js";
import { appendTrailerLines } from "../metrics/trailers.js";

/** Marks pull requests this project opened, so people and tools can tell them apart. */
export const PR_MARKER = "<!-- gitops-pipeline:update-manifest-tag -->";

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

/** A string reduced to what every git ref and URL accepts: lowercase, digits, `.`, `_`, `-`. */
export function sanitizeRefPart(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/-{2,}/g, "-")
    .replace(/^[.-]+|[.-]+$/g, "")
    .replace(/\.lock$/, "-lock");
  return cleaned || "x";
}

/**
 * The one head branch a (scope, image set) pair owns: `gitops/<environment>/<image>`, so a new tag of the same
 * image updates the open pull request instead of opening another. The image part is the repository path
 * (`acme/web` → `acme-web`); several images share `<first>-and-<n>-more-<hash>`, the hash taken over their sorted
 * normalised names so the order of the input does not matter. Paths instead of an environment become
 * `paths-<hash>` of the sorted paths.
 */
export function headBranchName(
  scope: { environment?: string; paths?: string[] },
  images: ImageRef[],
): string {
  const scopePart = scope.environment
    ? sanitizeRefPart(scope.environment)
    : `paths-${shortHash([...(scope.paths ?? [])].sort().join("\n"))}`;
  const names = [...new Set(images.map(normalizedName))].sort();
  const first = images.find((image) => normalizedName(image) === names[0]);
  const firstPart = sanitizeRefPart(first ? first.repository : "images").slice(0, 60);
  const imagePart =
    names.length <= 1
      ? firstPart
      : `${firstPart}-and-${names.length - 1}-more-${shortHash(names.join("\n"))}`;
  return `gitops/${scopePart}/${imagePart}`;
}

function targetOf(images: ImageRef[]): string {
  if (images.length === 1) return `${imageName(images[0]!)} to ${versionOf(images[0]!)}`;
  return `${images.length} images`;
}

/** Default commit headline and pull request title. */
export function defaultTitle(images: ImageRef[], scope: { environment?: string }): string {
  return `Update ${targetOf(images)}${scope.environment ? ` in ${scope.environment}` : ""}`;
}

/** Markdown-safe table cell. */
function cell(text: string | number): string {
  return String(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function code(text: string): string {
  return text === "" ? "" : `\`${text.replace(/`/g, "'")}\``;
}

/** The change table every report uses: file:line, image, from → to; links to the file when a URL base is given. */
export function changeTable(changes: Change[], fileUrl?: (file: string, line: number) => string): string {
  const rows = changes.map((change) => {
    const where = `${change.file}:${change.line}`;
    const file = fileUrl ? `[${cell(where)}](${fileUrl(change.file, change.line)})` : cell(where);
    return `| ${file} | ${code(cell(change.image))} | ${code(cell(change.from))} | ${code(cell(change.to))} |`;
  });
  return ["| File | Image | From | To |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** Pull request body: what changes and where, plus the marker. */
export function pullRequestBody(
  changes: Change[],
  context: { environment?: string; base: string; run?: string },
): string {
  const files = new Set(changes.map((c) => c.file)).size;
  const lines = [
    `Updates ${changes.length} image reference${changes.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}` +
      `${context.environment ? ` of **${context.environment}**` : ""} on \`${context.base}\`.`,
    "",
    changeTable(changes),
    "",
    "This branch is rewritten when a newer version of these images arrives; edits pushed to it are replaced.",
  ];
  if (context.run) lines.push("", `Triggered by ${context.run}.`);
  lines.push("", PR_MARKER);
  return lines.join("\n");
}

/** A git identity, as `author`/`committer` inputs and Signed-off-by trailers write it. */
export interface Identity {
  name: string;
  email: string;
}

/**
 * `Display Name <email@example.com>`, checked so the value cannot smuggle anything into a commit header or a
 * trailer: one line, no angle brackets in the name, one address with an `@`.
 */
export function parseIdentity(text: string, input: string): Identity {
  const match = /^([^<>\n\r\0]*?)\s*<([^<>\s@]+@[^<>\s@]+)>$/.exec(text.trim());
  const name = match?.[1]?.trim() ?? "";
  // Control characters (ESC, BEL, a newline) would reach git's headers and terminals; none belongs in either part.
  if (!match || name === "" || /[\u0000-\u001f\u007f-\u009f]/.test(match[0])) {
    throw new UserError(
      `input '${input}' must be written \`Display Name <email@address>\`, got ${JSON.stringify(text)}`,
      {
        hint: "e.g. github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>",
      },
    );
  }
  return { name, email: match[2]! };
}

/** True when a name or e-mail read from elsewhere (GitHub's account data) holds a control character. */
export function hasControlCharacter(text: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f]/.test(text);
}

export function formatIdentity(identity: Identity): string {
  return `${identity.name} <${identity.email}>`;
}

/** The commit message body with a Signed-off-by trailer, in the trailer block git would put it in. */
export function withSignoff(body: string, identity: Identity): string {
  const trailer = `Signed-off-by: ${formatIdentity(identity)}`;
  if (body.split(/\r?\n/).includes(trailer)) return body;
  return appendTrailerLines(body, [trailer]);
}

/** GitHub refuses a pull request body longer than this many characters. */
export const MAX_PULL_REQUEST_BODY = 65_536;

/** The generated body with the user's text under it, refused before any write when GitHub would refuse it. */
export function withUserBody(generated: string, user: string | undefined): string {
  const body = user?.trim() ? `${generated}\n\n${user.trim()}\n` : generated;
  if (body.length > MAX_PULL_REQUEST_BODY) {
    throw new UserError(
      `the pull request body would be ${body.length} characters; GitHub accepts at most ${MAX_PULL_REQUEST_BODY}`,
      { hint: "Shorten the text given as `body` or `body-path`; nothing was written." },
    );
  }
  return body;
}
