/**
 * Shapes shared by the validation engine and its rules. Rules see parsed plain objects (cheap to load) and point at
 * a problem by a path into the object; the engine turns a path into file:line:column only for findings, so the
 * cost of exact positions is paid where there is something to report, not for every document.
 */

export type Severity = "error" | "warning";

export interface ResourceId {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

/** A path into a resource's object: keys and sequence indexes, e.g. ["spec","template","spec","containers",0]. */
export type ObjectPath = ReadonlyArray<string | number>;

export interface Resource {
  id: ResourceId;
  /** The document as plain data. */
  object: Record<string, unknown>;
  /** File the document came from, relative to the working directory; for rendered output, the source file. */
  file: string;
  /** 1-based line where the document starts in `file`. */
  line: number;
  /** Index of the document in a multi-document file. */
  documentIndex: number;
  /** Set when the resource came out of `kustomize build` of this directory. */
  renderedFrom?: string;
  /** Environment name from gitops-pipeline.yaml whose paths hold this file, when there is one. */
  environment?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  resource?: ResourceId;
  message: string;
  /**
   * Other places the finding concerns: for a value an overlay sets, the base's line it overrides (the finding
   * itself points at the line that sets the value).
   */
  related?: { file: string; line: number; column: number }[];
}

/** What a rule reports; the engine adds rule id, severity and position. */
export interface Violation {
  message: string;
  /** Where in the resource the problem is; the engine resolves it to a line (the document start when absent). */
  path?: ObjectPath;
  /** For rules over many resources: which one the violation belongs to. */
  resource?: Resource;
}

export interface RuleContext {
  kubernetesVersion: string;
  /** The config repo root, for rules that check paths (argocd-app-path). */
  repoRoot: string;
  /** True when a path relative to repoRoot exists in the repository. */
  pathExists(relativePath: string): boolean;
  /**
   * Clone URLs of the config repo when the caller knows them (the action: the server URL and GITHUB_REPOSITORY),
   * so argocd-app-path can tell this repo's Application sources from other repositories'.
   */
  repositoryUrls?: readonly string[];
  /**
   * Images a build tool of the repository produces and writes into the manifests when it deploys them — Skaffold's
   * `build.artifacts[].image` — so an untagged `image: frontend` there is a placeholder, not `latest`.
   */
  builtImages?: ReadonlySet<string>;
  /** Names of environments whose promotion position makes them production-like (the last in `promotion`). */
  productionEnvironments: ReadonlySet<string>;
  /**
   * Resources of plain-manifest directories enclosing the resource's own (parents, grandparents…), for rules that
   * look for what a resource refers to: an app's directory often keeps its HPA one level below its Deployment.
   */
  enclosing?(resource: Resource): readonly Resource[];
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line for docs, the job summary and SARIF's rule descriptor. */
  description: string;
  checkResource?(resource: Resource, context: RuleContext): Violation[];
  /** For rules that compare resources with each other (duplicates, selectors, services, HPAs). */
  checkAll?(resources: readonly Resource[], context: RuleContext): Violation[];
}
