import { structuredPatch } from "diff";
import type { FieldChange, ObjectDiff } from "./diff.js";
import { objectKey } from "./objects.js";

/** A value as one line: strings bare, everything else as JSON, long values cut. */
function shown(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

const multiline = (value: unknown) => typeof value === "string" && value.includes("\n");

/** One field change as text lines (no indentation); multi-line strings (config files) as a unified hunk. */
export function fieldLines(change: FieldChange): string[] {
  if (change.hidden) {
    const what = change.before === undefined ? "added" : change.after === undefined ? "removed" : "changed";
    return [`${change.path}: ${what} (value hidden)`];
  }
  if (multiline(change.before) || multiline(change.after)) {
    const before =
      typeof change.before === "string"
        ? change.before
        : change.before === undefined
          ? ""
          : shown(change.before);
    const after =
      typeof change.after === "string" ? change.after : change.after === undefined ? "" : shown(change.after);
    const patch = structuredPatch("", "", withNewline(before), withNewline(after), undefined, undefined, {
      context: 2,
    });
    const lines = [`${change.path}:`];
    for (const hunk of patch.hunks) {
      lines.push(`  @@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
      for (const line of hunk.lines) if (!line.startsWith("\\")) lines.push(`  ${line}`);
    }
    return lines;
  }
  if (change.before === undefined) return [`${change.path}: + ${shown(change.after)}`];
  if (change.after === undefined) return [`${change.path}: - ${shown(change.before)}`];
  return [`${change.path}: ${shown(change.before)} -> ${shown(change.after)}`];
}

const withNewline = (text: string) => (text === "" || text.endsWith("\n") ? text : `${text}\n`);

/**
 * Object differences as text: `~` changed (with its fields), `+` only on the right side, `-` only on the left; sides
 * are named (environment names, or base and head).
 */
export function objectDiffLines(diffs: readonly ObjectDiff[], sides: [string, string]): string[] {
  const lines: string[] = [];
  for (const diff of diffs) {
    const key = objectKey(diff);
    if (diff.change === "added") lines.push(`+ ${key} (only in ${sides[1]})`);
    else if (diff.change === "removed") lines.push(`- ${key} (only in ${sides[0]})`);
    else {
      const moved =
        diff.previousNamespace !== undefined
          ? ` (namespace ${diff.previousNamespace || "(none)"} in ${sides[0]})`
          : "";
      lines.push(`~ ${key}${moved}`);
    }
    for (const change of diff.fields) for (const line of fieldLines(change)) lines.push(`    ${line}`);
  }
  return lines;
}

/** A JSON-ready view of object differences; hidden values never carry the value. */
export function objectDiffJson(diffs: readonly ObjectDiff[]): unknown[] {
  return diffs.map((d) => ({
    kind: d.kind,
    namespace: d.namespace || null,
    name: d.name,
    change: d.change,
    ...(d.previousNamespace !== undefined ? { previousNamespace: d.previousNamespace || null } : {}),
    fields: d.fields.map((f) =>
      f.hidden
        ? {
            path: f.path,
            change: f.before === undefined ? "added" : f.after === undefined ? "removed" : "changed",
            hidden: true,
          }
        : f,
    ),
  }));
}
