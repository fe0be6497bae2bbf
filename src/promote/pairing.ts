import { UserError } from "../errors.js";

// Which app a file belongs to, read from the wildcard parts of an environment's paths: the patterns
// apps/*/overlays/staging and apps/*/overlays/production both name the app `web` for files under
// apps/web/overlays/…, and that shared name is what pairs a source app with its target.

/** How an app is shown when an environment's paths have no wildcard: the whole environment is one app. */
export const WHOLE_ENVIRONMENT = "(all)";

interface CompiledPattern {
  pattern: string;
  /** Matches the pattern as a directory prefix of a path (or the path itself). */
  prefix: RegExp;
  /** Matches the pattern as a whole path (a file glob); captures from its last segment name a file, not an app. */
  whole: RegExp;
  lastSegmentGroups: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, "\\$&");
}

function segmentSource(segment: string): { source: string; groups: number } {
  if (segment === "**") return { source: "(.*?)", groups: 1 };
  let source = "";
  let groups = 0;
  for (const char of segment) {
    if (char === "*") {
      source += "([^/]*)";
      groups++;
    } else if (char === "?") {
      source += "([^/])";
      groups++;
    } else {
      source += escapeRegExp(char);
    }
  }
  return { source, groups };
}

const cache = new Map<string, CompiledPattern>();

function compile(pattern: string): CompiledPattern {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const trimmed = pattern.replace(/^\.\//, "").replace(/\/+$/, "");
  const segments = trimmed.split("/").map(segmentSource);
  const body = segments.map((s) => s.source).join("/");
  const compiled = {
    pattern,
    prefix: new RegExp(`^${body}(?:/.*)?$`),
    whole: new RegExp(`^${body}$`),
    lastSegmentGroups: segments.at(-1)?.groups ?? 0,
  };
  cache.set(pattern, compiled);
  return compiled;
}

/** True when `file` (repo-relative) is one of the paths, lies under one of them, or matches one of their globs. */
export function inPaths(file: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => compile(pattern).prefix.test(file));
}

/**
 * The app `file` belongs to under `patterns`, or undefined when it lies outside all of them. Wildcards in
 * directory segments name the app; a pattern without wildcards makes the whole environment one app.
 */
export function appOf(file: string, patterns: readonly string[]): string | undefined {
  for (const pattern of patterns) {
    const compiled = compile(pattern);
    const whole = compiled.whole.exec(file);
    if (whole) {
      const groups = whole.slice(1, whole.length - compiled.lastSegmentGroups);
      return appName(groups);
    }
    const prefix = compiled.prefix.exec(file);
    if (prefix) return appName(prefix.slice(1));
  }
  return undefined;
}

function appName(groups: (string | undefined)[]): string {
  const parts = groups.filter((g): g is string => g !== undefined && g !== "");
  return parts.length === 0 ? WHOLE_ENVIRONMENT : parts.join("/");
}

/** A source app promoted into a target app; the two names differ when one overlay feeds a fleet. */
export interface AppPair {
  source: string;
  target: string;
}

/**
 * Which source app each target app takes its versions from. Names pair first: the same name, or a target named
 * `<cluster>/<app>` for a source `<app>`. When no name pairs at all and the source is one app (one overlay, or
 * one wildcard match), it fans out to every target app: `staging: [apps/web/staging]` into `production:
 * [clusters/*\/web]` promotes into each cluster. Several source apps and no name in common cannot be paired
 * without guessing, so that is an error, as is a target whose name matches two sources.
 */
export function pairApps(
  sources: readonly string[],
  targets: readonly string[],
  names: { from: string; to: string },
): AppPair[] {
  const pairs: AppPair[] = [];
  for (const target of targets) {
    if (sources.includes(target)) {
      pairs.push({ source: target, target });
      continue;
    }
    const byName = sources.filter((source) => source !== WHOLE_ENVIRONMENT && target.endsWith(`/${source}`));
    if (byName.length > 1) {
      throw new UserError(
        `${names.to} app ${target} matches ${byName.length} ${names.from} apps by name (${byName.join(", ")}), so which one to promote into it is ambiguous`,
        {
          hint: `Name the apps so that each ${names.to} app ends with exactly one ${names.from} app's name.`,
        },
      );
    }
    if (byName.length === 1) pairs.push({ source: byName[0]!, target });
  }
  if (pairs.length > 0 || targets.length === 0 || sources.length === 0) return pairs;
  if (sources.length === 1) return targets.map((target) => ({ source: sources[0]!, target }));
  throw new UserError(
    `no ${names.to} app shares a name with a ${names.from} app, and ${names.from} has ${sources.length} apps (${sources.join(", ")}), so which one goes where is ambiguous`,
    {
      hint:
        `${names.to} has ${targets.join(", ")}. Pair by name (the wildcard parts of both environments' paths), ` +
        `or promote one source overlay into many: give ${names.from} a single path and ${names.to} a wildcard path such as clusters/*/APP.`,
    },
  );
}
