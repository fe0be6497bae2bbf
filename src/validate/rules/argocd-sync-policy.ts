import { applicationSources, applicationSpecPath } from "../argocd.js";
import { getAt, isObj } from "../object.js";
import type { Resource, Rule, RuleContext } from "../types.js";

function mentions(value: unknown, environment: string): boolean {
  if (typeof value !== "string") return false;
  const escaped = environment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`, "i").test(value);
}

/**
 * Which production-like environment an Application deploys to. The environment of the file wins; Applications
 * usually live outside the environments' paths (argocd/apps/), so otherwise the environment is read from what
 * names it: the Application's name, label values, destination namespace and cluster name, and source paths,
 * matched as whole words (`guestbook-production`, `overlays/production`, `environment: production`).
 */
function productionEnvironment(resource: Resource, context: RuleContext): string | undefined {
  if (resource.environment !== undefined) {
    return context.productionEnvironments.has(resource.environment) ? resource.environment : undefined;
  }
  const specPath = applicationSpecPath(resource)!;
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

/**
 * Production changes when a person syncs a reviewed commit, not whenever main moves: automated sync there
 * bypasses the promotion gate's timing (windows, someone watching). It only speaks when gitops-pipeline.yaml
 * names a production environment; teams that auto-sync production on purpose switch it off there.
 */
export const argocdSyncPolicy: Rule = {
  id: "argocd-sync-policy",
  defaultSeverity: "error",
  description: "Argo CD Applications of production-like environments must not sync automatically.",
  checkResource(resource, context) {
    const specPath = applicationSpecPath(resource);
    if (!specPath || context.productionEnvironments.size === 0) return [];
    const automatedPath = [...specPath, "syncPolicy", "automated"];
    const automated = getAt(resource.object, automatedPath);
    if (automated === undefined || automated === null) return [];
    if (isObj(automated) && automated["enabled"] === false) return [];
    const environment = productionEnvironment(resource, context);
    if (environment === undefined) return [];
    return [
      {
        message: `${resource.id.kind} "${resource.id.name}" deploys to production environment "${environment}" with automated sync; remove syncPolicy.automated so a person syncs what the promotion merged`,
        path: automatedPath,
      },
    ];
  },
};
