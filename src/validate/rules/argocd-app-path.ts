import { applicationSources, normalizeRepoUrl } from "../argocd.js";
import { isPlaceholder } from "../object.js";
import type { Resource, Rule, RuleContext, Violation } from "../types.js";

interface PathSource {
  resource: Resource;
  repo: string;
  dir: string;
  path: (string | number)[];
}

function repoPath(path: string): string {
  const trimmed = path.replace(/^\.\/+/, "").replace(/\/+$/, "");
  return trimmed === "" ? "." : trimmed;
}

/**
 * A source path that is not in the repository leaves the Application in ComparisonError after merge. A source
 * is judged only when its repository is this one: its URL is one the caller names as this repository, or another
 * source with the same URL points at a path that exists here (so the URL evidently is this repo). Helm chart
 * sources (`chart:`) and templated paths are not paths in this repository.
 */
export const argocdAppPath: Rule = {
  id: "argocd-app-path",
  defaultSeverity: "error",
  description:
    "An Argo CD Application or ApplicationSet pointing at this repository must name a path that exists in it.",
  checkAll(resources, context: RuleContext) {
    const sources: PathSource[] = [];
    for (const resource of resources) {
      for (const { source, path } of applicationSources(resource)) {
        const { repoURL, path: dir, chart } = source;
        if (typeof repoURL !== "string" || typeof dir !== "string" || chart !== undefined) continue;
        if (isPlaceholder(repoURL) || isPlaceholder(dir)) continue;
        sources.push({
          resource,
          repo: normalizeRepoUrl(repoURL),
          dir: repoPath(dir),
          path: [...path, "path"],
        });
      }
    }
    const thisRepo = new Set((context.repositoryUrls ?? []).map(normalizeRepoUrl));
    const exists = new Map<string, boolean>();
    const pathExists = (dir: string) => {
      let known = exists.get(dir);
      if (known === undefined) {
        known = context.pathExists(dir);
        exists.set(dir, known);
      }
      return known;
    };
    for (const source of sources) if (pathExists(source.dir)) thisRepo.add(source.repo);

    const violations: Violation[] = [];
    for (const source of sources) {
      if (!thisRepo.has(source.repo) || pathExists(source.dir)) continue;
      violations.push({
        message: `source path "${source.dir}" does not exist in this repository; the Application would fail to sync`,
        path: source.path,
        resource: source.resource,
      });
    }
    return violations;
  },
};
