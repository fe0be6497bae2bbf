import { parseImageRef } from "../image/index.js";
import { commitBody } from "../update/index.js";
import type { GateKind, GateResult } from "./gate.js";
import { WHOLE_ENVIRONMENT } from "./pairing.js";
import type { PromotionPlan, PromotionRow } from "./plan.js";
import { markdownTable, shortVersion } from "./table.js";

/** What a promotion pull request is for; written into its body so the gate knows what to check it against. */
export interface PromotionMarker {
  kind: GateKind;
  from: string;
  to: string;
  /** For a rollback: the commit whose image references the target returns to. */
  revision?: string;
}

const MARKER_PREFIX = "<!-- gitops-pipeline:promote-env ";
const MARKER_RE = /<!-- gitops-pipeline:promote-env (\{[^\n]*?\}) -->/;

export function markerOf(marker: PromotionMarker): string {
  return `${MARKER_PREFIX}${JSON.stringify(marker)} -->`;
}

/** The marker in a pull request body, or undefined for a pull request this action did not open. */
export function parseMarker(body: string | null | undefined): PromotionMarker | undefined {
  const match = MARKER_RE.exec(body ?? "");
  if (!match) return undefined;
  try {
    const value = JSON.parse(match[1]!) as Partial<PromotionMarker>;
    if ((value.kind !== "promotion" && value.kind !== "rollback") || typeof value.from !== "string")
      return undefined;
    if (typeof value.to !== "string") return undefined;
    if (value.revision !== undefined && !/^[0-9a-f]{40}$/.test(value.revision)) return undefined;
    return { kind: value.kind, from: value.from, to: value.to, revision: value.revision };
  } catch {
    return undefined;
  }
}

/** The head branch one promotion edge owns; a rollback has its own so it never replaces a pending promotion. */
export function promotionBranch(marker: PromotionMarker): string {
  return marker.kind === "rollback" ? `rollback/${marker.to}` : `promote/${marker.from}-to-${marker.to}`;
}

const short = (sha: string) => sha.slice(0, 7);

export function promotionTitle(plan: PromotionPlan, marker: PromotionMarker): string {
  const what =
    plan.rows.length === 1
      ? `${plan.rows[0]!.image} ${shortVersion(plan.rows[0]!.to)}`
      : `${plan.rows.length} images in ${new Set(plan.rows.map((r) => r.app)).size} apps`;
  return marker.kind === "rollback"
    ? `Roll back ${marker.to} to ${short(marker.revision ?? "")}: ${what}`
    : `Promote ${marker.from} to ${marker.to}: ${what}`;
}

/**
 * A link to the commit an image was built from, when its tag says so (`sha-<hex>`, as metadata actions tag) and
 * its name says where the code lives (`ghcr.io/<owner>/<repo>`). Anything else stays unlinked: guessing wrong
 * would be worse than no link.
 */
export function commitLink(image: string, version: string, serverUrl: string): string | undefined {
  const sha = /^sha-([0-9a-f]{7,40})(?:@|$)/.exec(version)?.[1];
  if (!sha) return undefined;
  try {
    const ref = parseImageRef(image);
    const parts = ref.repository.split("/");
    if (ref.registry.toLowerCase() !== "ghcr.io" || parts.length !== 2) return undefined;
    return `${serverUrl}/${parts[0]}/${parts[1]}/commit/${sha}`;
  } catch {
    return undefined;
  }
}

function versionCell(row: PromotionRow, version: string, serverUrl: string): string {
  const shown = `\`${shortVersion(version)}\``;
  const link = commitLink(row.image, version, serverUrl);
  return link ? `[${shown}](${link})` : shown;
}

/** The app | image | from → to table of a promotion, versions linked to their commits when the tags allow. */
export function promotionTable(plan: PromotionPlan, serverUrl: string): string {
  return markdownTable(
    ["App", "Image", "From → To"],
    plan.rows.map((row) => [
      row.app,
      `\`${row.image}\``,
      `${versionCell(row, row.from, serverUrl)} → ${versionCell(row, row.to, serverUrl)}`,
    ]),
  );
}

export function promotionBody(
  plan: PromotionPlan,
  marker: PromotionMarker,
  context: { base: string; baseOid: string; serverUrl: string; run?: string; reason?: string },
): string {
  const lines =
    marker.kind === "rollback"
      ? [
          `Rolls **${marker.to}** back to the image references it had at ${short(marker.revision ?? "")} ` +
            `(\`${context.base}\` at ${short(context.baseOid)}).`,
          ...(context.reason ? ["", `Why this point: ${context.reason}.`] : []),
        ]
      : [
          `Promotes what **${marker.from}** runs to **${marker.to}** ` +
            `(\`${context.base}\` at ${short(context.baseOid)}). Only image references change.`,
        ];
  lines.push("", promotionTable(plan, context.serverUrl).trimEnd());
  const notes = [
    ...plan.unreferenced.map(
      (u) =>
        `${marker.from} app ${u.app} runs \`${u.image}\` (\`${shortVersion(u.version)}\`), which ${marker.to} does not reference: not added.`,
    ),
    ...(plan.fanOut
      ? [
          `${fanOutSource(marker.from, plan.fanOut.source)} is promoted into ${plan.fanOut.targets.length} ${marker.to} targets: ` +
            `${plan.fanOut.targets.join(", ")}.`,
        ]
      : []),
    ...plan.unpaired.map((u) => `App ${u.app} exists only in ${u.onlyIn}: skipped.`),
  ];
  if (notes.length > 0) lines.push("", ...notes.map((note) => `- ${note}`));
  lines.push(
    "",
    "The `gitops-pipeline/promotion` status says whether this pull request may merge: approvals on its latest commit, " +
      "the deployment window, the source's statuses, and that it still changes nothing but these image references.",
    "This branch is rewritten when the source moves on; edits pushed to it block the gate.",
  );
  if (context.run) lines.push("", `Proposed by ${context.run}.`);
  lines.push("", markerOf(marker));
  return lines.join("\n");
}

export function commitMessage(
  plan: PromotionPlan,
  marker: PromotionMarker,
): { headline: string; body: string } {
  return {
    headline: promotionTitle(plan, marker),
    body: commitBody(plan.changes),
  };
}

/** The job summary of a proposal: what happened to the pull request, and the table. */
export function proposalSummary(
  plan: PromotionPlan,
  marker: PromotionMarker,
  operation: string,
  pullRequest: { number: number; url: string } | undefined,
  serverUrl: string,
  reason?: string,
): string {
  const what =
    marker.kind === "rollback"
      ? `Rollback of ${marker.to} to ${short(marker.revision ?? "")}`
      : `Promotion ${marker.from} → ${marker.to}`;
  const link = pullRequest ? ` ([#${pullRequest.number}](${pullRequest.url}))` : "";
  const table =
    plan.rows.length > 0 ? promotionTable(plan, serverUrl) : `${marker.to} already runs these versions.\n`;
  const fleet = plan.fanOut
    ? `\n${fanOutSource(marker.from, plan.fanOut.source)} goes to ${plan.fanOut.targets.length} ${marker.to} targets: ` +
      `${plan.fanOut.targets.join(", ")}.\n`
    : "";
  const why = reason ? `Why this point: ${reason}.\n\n` : "";
  return `### ${what}: ${operation}${link}\n\n${why}${table}${fleet}`;
}

/** The job summary of one gate evaluation: every condition, met or not. */
export function gateSummary(pullRequest: { number: number; url: string }, result: GateResult): string {
  const rows = result.conditions.map((c) => [c.met ? "✅" : "❌", c.name, c.detail]);
  return [
    `### Promotion gate for [#${pullRequest.number}](${pullRequest.url}): ${result.open ? "open" : "blocked"}`,
    "",
    markdownTable(["", "Condition", "Detail"], rows).trimEnd(),
    "",
  ].join("\n");
}

/** How the one source of a fan-out is named: the environment itself when its paths have no wildcard. */
function fanOutSource(environment: string, app: string): string {
  return app === WHOLE_ENVIRONMENT ? environment : `${environment} app ${app}`;
}
