import type { OverlayDiff, RenderedChange } from "./change.js";
import { objectDiffLines } from "./format.js";

/** Finds the one comment this report lives in, so each push edits it instead of adding another. */
export const RENDERED_DIFF_MARKER = "<!-- gitops-pipeline:rendered-diff -->";

/** GitHub refuses an issue comment longer than this many characters. */
export const COMMENT_LIMIT = 65_536;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A code fence longer than any run of backticks in the text, so repository text cannot close it early. */
function fenced(lines: readonly string[], language: string): string {
  const longest = Math.max(
    2,
    ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((r) => r.length))),
  );
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${lines.join("\n")}\n${fence}`;
}

function counts(overlay: OverlayDiff): string {
  if (overlay.status === "failed") return "does not render";
  if (overlay.status === "unchanged") return "no change in the rendered objects";
  const by = { changed: 0, added: 0, removed: 0 };
  for (const o of overlay.objects) by[o.change]++;
  const parts = Object.entries(by)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`);
  const prefix =
    overlay.status === "added" ? "new overlay: " : overlay.status === "removed" ? "overlay removed: " : "";
  return `${prefix}${parts.join(", ") || "no objects"}`;
}

/** Lines a reader sees for one overlay: object differences in diff notation, or kustomize's reason. */
function overlayLines(overlay: OverlayDiff): string[] {
  if (overlay.status === "failed") return overlay.errors.map((e) => `${e.side}: ${e.error}`);
  return objectDiffLines(overlay.objects, ["base", "head"]).map((line) =>
    // diff notation colours `+` and `-` lines; changed objects and their fields stay neutral.
    line.startsWith("~ ") ? `! ${line.slice(2)}` : line,
  );
}

/**
 * The rendered diff as Markdown for a job summary or a pull-request comment: the marker, a headline, then one
 * collapsed section per overlay that differs. Sections that do not fit in `limit` characters are cut, and a note
 * says how many were left out.
 */
export function renderedDiffMarkdown(
  change: RenderedChange,
  options: { base: string; limit?: number; marker?: boolean },
): string {
  const limit = options.limit ?? COMMENT_LIMIT;
  const shown = change.overlays.filter((o) => o.status !== "unchanged");
  const head = [
    ...(options.marker === false ? [] : [RENDERED_DIFF_MARKER]),
    "### Rendered diff",
    "",
    change.overlays.length === 0
      ? `No overlay is affected by the changes since \`${options.base.slice(0, 12)}\`.`
      : `${change.overlays.length} overlay${change.overlays.length === 1 ? "" : "s"} affected since \`${options.base.slice(0, 12)}\`, ${shown.length} with differences in what reaches the cluster (${change.renders} kustomize build${change.renders === 1 ? "" : "s"}). Secret values are never shown.`,
    "",
  ].join("\n");
  // Room kept for the note about what was cut.
  const reserve = 400;
  let text = head;
  let cut = 0;
  let truncated = false;
  for (const [index, overlay] of shown.entries()) {
    const summary = `<details><summary><code>${escapeHtml(overlay.overlay)}</code>: ${counts(overlay)}</summary>\n\n`;
    const lines = overlayLines(overlay);
    let section = `${summary}${fenced(lines, "diff")}\n\n</details>\n\n`;
    const room = limit - reserve - text.length;
    if (section.length > room) {
      // The first overlay that does not fit is shown as far as it fits; the rest are counted.
      const kept: string[] = [];
      let size = summary.length + 40;
      for (const line of lines) {
        if (size + line.length + 1 > room) break;
        kept.push(line);
        size += line.length + 1;
      }
      if (kept.length > 0) {
        kept.push(`... ${lines.length - kept.length} more line(s) cut`);
        section = `${summary}${fenced(kept, "diff")}\n\n</details>\n\n`;
        text += section;
        truncated = true;
        cut = shown.length - index - 1;
      } else cut = shown.length - index;
      break;
    }
    text += section;
  }
  if (cut > 0 || truncated) {
    text += `> [!NOTE]\n> The rendered diff was cut to fit GitHub's limit of ${COMMENT_LIMIT.toLocaleString("en-US")} characters${cut > 0 ? `: ${cut} more overlay${cut === 1 ? " is" : "s are"} not shown` : ""}. Run \`gitops-pipeline validate --diff-base ${options.base.slice(0, 12)}\` for all of it.\n`;
  }
  return text;
}
