import type { PreviewOutcome, PreviewPlan } from "./plan.js";

const VERB: Record<PreviewOutcome["action"], [string, string]> = {
  created: ["created", "would create"],
  updated: ["updated", "would update"],
  unchanged: ["unchanged", "unchanged"],
  removed: ["removed", "would remove"],
  kept: ["kept", "kept"],
};

/** One line per preview, for the CLI and the runner log. */
export function previewLines(previews: readonly PreviewOutcome[], dryRun: boolean): string[] {
  if (previews.length === 0) return ["no previews"];
  return previews.map((p) => {
    const verb = VERB[p.action][dryRun ? 1 : 0];
    const images = p.images.length > 0 ? ` → ${p.images.join(", ")}` : "";
    return `#${p.number} ${verb}: ${p.path} (namespace ${p.namespace})${images}${p.reason ? ` — ${p.reason}` : ""}`;
  });
}

/** Commit headline and body for a preview change. */
export function previewCommitTexts(
  name: string,
  action: "update" | "delete" | "sweep",
  plan: PreviewPlan,
): { headline: string; body: string; title: string } {
  const changed = plan.previews.filter((p) => p.action !== "kept" && p.action !== "unchanged");
  let headline: string;
  if (action === "sweep") {
    const numbers = changed.map((p) => `#${p.number}`).join(", ");
    headline = `Sweep ${name} previews: remove ${numbers || "none"}`;
  } else {
    const only = plan.previews[0]!;
    headline = `${action === "delete" ? "Remove" : only.action === "created" ? "Create" : "Update"} ${name} preview for #${only.number}`;
  }
  return { headline, title: headline, body: previewLines(changed, false).join("\n") };
}

/** The job summary: a table of the previews touched, with each one's namespace and images. */
export function previewSummary(
  name: string,
  plan: PreviewPlan,
  extra: { operation: string; url?: string },
): string {
  const cell = (text: string) => text.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, " ");
  const rows = plan.previews.map(
    (p) =>
      `| #${p.number} | ${p.action} | \`${cell(p.namespace)}\` | ${cell(p.path)} | ${cell(p.images.join(", ") || "—")} | ${cell(p.reason ?? "")} |`,
  );
  return [
    `### Previews of ${cell(name)}: ${cell(extra.operation)}`,
    "",
    ...(rows.length > 0
      ? ["| Pull request | Preview | Namespace | Path | Images | Why |", "|---|---|---|---|---|---|", ...rows]
      : ["No previews."]),
    ...(extra.url ? ["", `Commit or pull request: ${extra.url}`] : []),
    "",
  ].join("\n");
}
