import { ignoredByAnnotation, type RuleSettings } from "./config.js";
import type { PositionIndex } from "./positions.js";
import { type PatchDocument, patchSetting } from "./render.js";
import type { RawFinding } from "./schema-check.js";
import type { Finding, ObjectPath, Resource } from "./types.js";

/** The findings stage: object paths become file:line, configured severities apply, repeats go. */

export interface Placement {
  positions: PositionIndex;
  /** Items of a List document are located under `items[i]` of it. */
  listItems: WeakMap<Resource, ObjectPath>;
  /** Patch documents of each rendered resource's build, so a value an overlay sets is located there. */
  patchesOf: WeakMap<Resource, PatchDocument[]>;
  /** Where an overlay sets a value kustomize writes into a resource (an `images:` entry), when one does. */
  overlaySetting?(
    resource: Resource,
    path: ObjectPath,
  ): { file: string; line: number; column: number } | undefined;
}

/** Findings whose default severity is their own (a CRD kind's unknown field), not their rule's. */
export type OwnSeverities = WeakMap<Finding, "error" | "warning">;

export function placeFindings(
  raw: readonly RawFinding[],
  placement: Placement,
  out: Finding[],
  own: OwnSeverities,
): void {
  const { positions, listItems, patchesOf } = placement;
  for (const f of raw) {
    const ignored = ignoredByAnnotation(f.resource.object);
    if (ignored?.has(f.rule) || ignored?.has("all")) continue;
    const prefix = listItems.get(f.resource);
    const path = prefix ? [...prefix, ...(f.path ?? [])] : f.path;
    const base = {
      file: f.resource.file,
      ...(positions.locate(f.resource.file, f.resource.documentIndex, path) ?? {
        line: f.resource.line,
        column: 1,
      }),
    };
    if (!path) {
      base.line = f.resource.line;
      base.column = 1;
    }
    const overlay = f.path ? placement.overlaySetting?.(f.resource, f.path) : undefined;
    const patch =
      !overlay && f.path ? patchSetting(patchesOf.get(f.resource), f.resource, f.path) : undefined;
    const patchAt = patch && {
      file: patch.file,
      ...(positions.locate(patch.file, patch.documentIndex, path) ?? { line: 1, column: 1 }),
    };
    const at = overlay ?? patchAt ?? base;
    // The line a user edits comes first; the base's line, which the value overrides, is named after it.
    const also = at !== base && (at.file !== base.file || at.line !== base.line) ? base : undefined;
    let message = f.resource.renderedFrom
      ? `${f.message} (in the build of ${f.resource.renderedFrom})`
      : f.message;
    if (also) message += `; the base writes it at ${also.file}:${also.line}`;
    const finding: Finding = {
      rule: f.rule,
      severity: f.severity ?? "error",
      file: at.file,
      line: at.line,
      column: at.column,
      resource: f.resource.id,
      message,
    };
    if (also) finding.related = [{ file: also.file, line: also.line, column: also.column }];
    if (f.severity) own.set(finding, f.severity);
    out.push(finding);
  }
}

/** Applies configured severities and path overrides, drops repeats (a base seen through several builds), sorts. */
export function settle(findings: Finding[], settings: RuleSettings, own?: OwnSeverities): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = settings.severity(finding.rule, finding.file, own?.get(finding));
    if (setting === "off") continue;
    const key = `${finding.rule}\0${finding.file}\0${finding.line}\0${finding.column}\0${finding.message.replace(/ \(in the build of [^)]*\)/, "")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...finding, severity: setting });
  }
  return out.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}
