import { apiGroup, getAt, isObj, isPlaceholder, listAt, type Obj, objAt } from "./object.js";
import type { ObjectPath, Resource, RuleContext } from "./types.js";

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
 * One spelling per repository: `git@github.com:acme/config.git`, `ssh://git@github.com:22/acme/config` and
 * `https://github.com/acme/config.git/` are the same repo.
 */
export function normalizeRepoUrl(url: string): string {
  let rest = url.trim().toLowerCase();
  rest = rest.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  rest = rest.replace(/^[^@/]+@/, "");
  const scp = /^([^/:]+):(?!\d+\/)(.*)$/.exec(rest);
  if (scp) rest = `${scp[1]}/${scp[2]}`;
  // A default port written out (ssh 22, https 443, http 80, git 9418) is the same server as none.
  rest = rest.replace(/^([^/:]+):(?:22|443|80|9418)\//, "$1/");
  return rest.replace(/\/+$/, "").replace(/\.git$/, "");
}

/**
 * Image overrides an Application sets on its kustomize source (`spec.source.kustomize.images`, the field Argo CD
 * Image Updater writes): `name:tag`, `name@digest` or `old=new:tag`. They replace what the repo's manifests say.
 */
export function applicationImageOverrides(resource: Resource): { image: string; path: ObjectPath }[] {
  return applicationSources(resource).flatMap(({ source, path }) =>
    listAt(source, ["kustomize", "images"]).flatMap((entry, index) => {
      if (typeof entry !== "string" || isPlaceholder(entry)) return [];
      const image = entry.slice(entry.indexOf("=") + 1);
      return [{ image, path: [...path, "kustomize", "images", index] }];
    }),
  );
}

function mentions(value: unknown, environment: string): boolean {
  if (typeof value !== "string") return false;
  const escaped = environment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`, "i").test(value);
}

/**
 * The production-like environment a resource belongs to, if any. The environment of the file wins; Argo CD
 * Applications usually live outside the environments' paths (argocd/apps/), so for them the environment is
 * otherwise read from what names it: the Application's name, label values, destination namespace and cluster
 * name, and source paths, matched as whole words (`guestbook-production`, `overlays/production`,
 * `environment: production`).
 */
export function productionEnvironmentOf(resource: Resource, context: RuleContext): string | undefined {
  if (resource.environment !== undefined) {
    return context.productionEnvironments.has(resource.environment) ? resource.environment : undefined;
  }
  const specPath = applicationSpecPath(resource);
  if (!specPath) return undefined;
  // An ApplicationSet names itself and, in its template, the Applications it makes: both can carry the env.
  const metadataPaths =
    resource.id.kind === "ApplicationSet" ? [["metadata"], ["spec", "template", "metadata"]] : [["metadata"]];
  const words: unknown[] = [
    ...metadataPaths.flatMap((metadata) => {
      const labels = getAt(resource.object, [...metadata, "labels"]);
      return [getAt(resource.object, [...metadata, "name"]), ...(isObj(labels) ? Object.values(labels) : [])];
    }),
    getAt(resource.object, [...specPath, "destination", "namespace"]),
    getAt(resource.object, [...specPath, "destination", "name"]),
    ...applicationSources(resource).map(({ source }) => source["path"]),
  ];
  for (const environment of context.productionEnvironments) {
    if (words.some((word) => mentions(word, environment))) return environment;
  }
  return undefined;
}
