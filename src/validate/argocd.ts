import { apiGroup, isObj, listAt, type Obj, objAt } from "./object.js";
import type { ObjectPath, Resource } from "./types.js";

/** Where an Application spec lives: the object itself, or an ApplicationSet's template. */
export function applicationSpecPath(resource: Resource): ObjectPath | undefined {
  if (apiGroup(resource.id.apiVersion) !== "argoproj.io") return undefined;
  if (resource.id.kind === "Application") return ["spec"];
  if (resource.id.kind === "ApplicationSet") return ["spec", "template", "spec"];
  return undefined;
}

export interface ApplicationSource {
  source: Obj;
  path: ObjectPath;
}

/** `spec.source` and every entry of `spec.sources` (multi-source Applications). */
export function applicationSources(resource: Resource): ApplicationSource[] {
  const specPath = applicationSpecPath(resource);
  if (!specPath) return [];
  const found: ApplicationSource[] = [];
  const single = objAt(resource.object, [...specPath, "source"]);
  if (single) found.push({ source: single, path: [...specPath, "source"] });
  listAt(resource.object, [...specPath, "sources"]).forEach((source, index) => {
    if (isObj(source)) found.push({ source, path: [...specPath, "sources", index] });
  });
  return found;
}

/**
 * One spelling per repository: `git@github.com:acme/config.git`, `ssh://git@github.com/acme/config` and
 * `https://github.com/acme/config.git/` are the same repo.
 */
export function normalizeRepoUrl(url: string): string {
  let rest = url.trim().toLowerCase();
  rest = rest.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  rest = rest.replace(/^[^@/]+@/, "");
  const scp = /^([^/:]+):(?!\d+\/)(.*)$/.exec(rest);
  if (scp) rest = `${scp[1]}/${scp[2]}`;
  return rest.replace(/\/+$/, "").replace(/\.git$/, "");
}
