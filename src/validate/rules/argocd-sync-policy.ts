import { applicationSpecPath, productionEnvironmentOf } from "../argocd.js";
import { getAt, isObj } from "../object.js";
import type { Rule } from "../types.js";

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
    const environment = productionEnvironmentOf(resource, context);
    if (environment === undefined) return [];
    return [
      {
        message: `${resource.id.kind} "${resource.id.name}" deploys to production environment "${environment}" with automated sync; remove syncPolicy.automated so a person syncs what the promotion merged`,
        path: automatedPath,
      },
    ];
  },
};
