import { renderedDiffAgainst } from "../flows/rendered-diff.js";
import { objectDiffJson, objectDiffLines } from "../rendered/format.js";
import type { CommandIO } from "./types.js";

/** Text of `validate --diff-base`: per affected overlay, what changes in its rendered objects. */
export async function renderedDiffText(cwd: string, ref: string): Promise<{ text: string; json: unknown }> {
  const run = await renderedDiffAgainst(cwd, ref);
  const lines = [
    `rendered diff against ${run.base.slice(0, 12)}: ${run.overlays.length} overlay(s) affected by ${run.changedFiles} changed file(s), ${run.renders} kustomize build(s)`,
  ];
  for (const overlay of run.overlays) {
    lines.push("", `${overlay.overlay}: ${overlay.status}`);
    for (const e of overlay.errors) lines.push(`  ${e.side} does not render: ${e.error}`);
    for (const line of objectDiffLines(overlay.objects, ["base", "head"])) lines.push(`  ${line}`);
  }
  const json = {
    base: run.base,
    renders: run.renders,
    overlays: run.overlays.map((o) => ({
      overlay: o.overlay,
      status: o.status,
      objects: objectDiffJson(o.objects),
      ...(o.errors.length ? { errors: o.errors } : {}),
    })),
  };
  return { text: `${lines.join("\n")}\n`, json };
}

/** Adds the rendered diff to a report already formatted: into a JSON report, after a text one, else to stderr. */
export async function withRenderedDiff(
  report: string,
  format: string,
  ref: string,
  io: CommandIO,
): Promise<string> {
  const diff = await renderedDiffText(io.cwd, ref);
  if (format === "json") {
    const parsed = JSON.parse(report) as Record<string, unknown>;
    return `${JSON.stringify({ ...parsed, renderedDiff: diff.json }, null, 2)}\n`;
  }
  if (format === "text") return `${report.trimEnd()}\n\n${diff.text}`;
  io.stderr(diff.text);
  return report;
}
