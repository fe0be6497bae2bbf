import { apiStatus, isKnownOldApi } from "./apis.js";
import { ignoredByAnnotation, type RuleSettings } from "./config.js";
import { isObject } from "./files.js";
import type { ParsedDocument } from "./load.js";
import type { SchemaSet } from "./schema.js";
import type { ObjectPath, Resource } from "./types.js";

/** The schema stage: API versions, OpenAPI schemas of built-in and CRD kinds, kinds nothing describes. */

export const unknownKindRule = "unknown-kind";

/** A finding before it has a place: the resource and the path into it. */
export interface RawFinding {
  rule: string;
  resource: Resource;
  path?: ObjectPath;
  message: string;
  /** A severity the finding carries itself (a CRD kind's unknown field), unless the user configured one. */
  severity?: "error" | "warning";
}

const apiCache = new Map<string, ReturnType<typeof apiStatus>>();
/** The table lookup once per apiVersion/kind/target, not once per resource. */
function apiStatusOf(apiVersion: string, kind: string, kubernetesVersion: string) {
  const key = `${kubernetesVersion}\0${apiVersion}\0${kind}`;
  let status = apiCache.get(key);
  if (!status) {
    status = apiStatus(apiVersion, kind, kubernetesVersion);
    apiCache.set(key, status);
  }
  return status;
}

export interface SchemaStage {
  schemas: SchemaSet;
  settings: RuleSettings;
  /** Unknown fields reported at all (`strict` not false). */
  strict: boolean;
  /** `strict: true`: unknown fields of CRD kinds are errors like those of core kinds. */
  strictCustom: boolean;
  kubernetesVersion: string;
}

/** Kinds without a schema, with the resources of each: reported once per kind, not once per resource. */
export type Unschematized = Map<string, Resource[]>;

export function checkSchema(
  resource: Resource,
  stage: SchemaStage,
  out: RawFinding[],
  unschematized: Unschematized,
): void {
  const { schemas, settings } = stage;
  const { apiVersion, kind } = resource.id;
  const api = apiStatusOf(apiVersion, kind, stage.kubernetesVersion);
  if (api.status !== "served") {
    out.push({
      rule: api.status === "removed" ? "removed-api" : "deprecated-api",
      resource,
      path: ["apiVersion"],
      message: api.message,
    });
  }
  // An ignored kind is not schema-checked at all, bundled schema or not: a list written when the kind had no
  // schema must not turn into errors when a release starts to ship one.
  if (settings.ignoresKind(apiVersion, kind)) return;
  if (schemas.has(apiVersion, kind)) {
    // Bundled CRD schemas lag the operators that define them: a field a newer release added is not the user's
    // mistake unless they asked for strictness. Core kinds are what the API server itself refuses.
    const custom = !schemas.isCore(apiVersion, kind);
    for (const issue of schemas.check(resource.object, stage.strict)) {
      const finding: RawFinding = { rule: issue.rule, resource, path: issue.path, message: issue.message };
      if (custom && issue.rule === "unknown-field" && !stage.strictCustom) {
        finding.severity = "warning";
        finding.message = `${issue.message} (the schema of ${kind} may be older than the operator: point \`schemas\` or \`crds\` at a newer one, or set strict: true to make this an error)`;
      }
      out.push(finding);
    }
  } else if (!isKnownOldApi(apiVersion, kind)) {
    const close = schemas.closeKind(apiVersion, kind);
    if (close) {
      // A kind the API group does not have, next to one it has: a typo the API server would refuse.
      out.push({
        rule: "schema",
        resource,
        path: ["kind"],
        message: `${apiVersion} has no kind "${kind}": did you mean "${close}"?`,
      });
    } else {
      const key = `${apiVersion}\0${kind}`;
      const group = unschematized.get(key);
      if (group) group.push(resource);
      else unschematized.set(key, [resource]);
    }
  }
}

/** One unknown-kind finding per kind, on the first resource of it that is not ignored. */
export function unknownKinds(
  unschematized: Unschematized,
  schemas: SchemaSet,
  settings: RuleSettings,
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const group of unschematized.values()) {
    const reportable = group.filter((r) => {
      const ignored = ignoredByAnnotation(r.object);
      return (
        !ignored?.has(unknownKindRule) &&
        !ignored?.has("all") &&
        settings.severity(unknownKindRule, r.file) !== "off"
      );
    });
    const first = reportable[0];
    if (!first) continue;
    const { apiVersion, kind } = first.id;
    const files = [...new Set(reportable.map((r) => r.file))];
    const count =
      reportable.length === 1
        ? "1 resource"
        : `${reportable.length} resources in ${files.length === 1 ? "1 file" : `${files.length} files`}`;
    const versions = schemas.versionsOf(apiVersion, kind);
    const known = versions.length ? ` (the bundled schemas know ${versions.join(", ")})` : "";
    out.push({
      rule: unknownKindRule,
      resource: first,
      path: ["kind"],
      message: `no schema for ${apiVersion} ${kind}${known}, so the fields of its ${count} are not checked: point \`crds\` at its CustomResourceDefinition, or list "${kind}" under validate.ignoreKinds`,
    });
  }
  return out;
}

/** Registers the kinds of CustomResourceDefinition documents; returns how many versions were added. */
export function registerCrds(docs: readonly ParsedDocument[], schemas: SchemaSet): number {
  let added = 0;
  for (const doc of docs) {
    const crd = doc.object;
    if (!isObject(crd) || crd.kind !== "CustomResourceDefinition" || !isObject(crd.spec)) continue;
    const spec = crd.spec;
    const group = typeof spec.group === "string" ? spec.group : "";
    const kind = isObject(spec.names) && typeof spec.names.kind === "string" ? spec.names.kind : undefined;
    if (!kind || !Array.isArray(spec.versions)) continue;
    for (const version of spec.versions) {
      if (!isObject(version) || typeof version.name !== "string") continue;
      const schema = isObject(version.schema) ? version.schema.openAPIV3Schema : undefined;
      schemas.addOpenApi(
        `${group}/${version.name}`,
        kind,
        schema ?? { "x-kubernetes-preserve-unknown-fields": true },
      );
      added++;
    }
  }
  return added;
}
