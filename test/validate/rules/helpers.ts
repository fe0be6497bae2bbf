import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
} from "yaml";
import type { ObjectPath, Resource, Rule, RuleContext, Violation } from "../../../src/validate/types.js";

/**
 * Builds Resources from YAML text the way the engine hands them to rules, and resolves a violation's path back
 * to a 1-based line so that tests assert where a finding lands, not just that it exists.
 */

interface Parsed {
  doc: Document.Parsed;
  lines: LineCounter;
}

const sources = new WeakMap<Resource, Parsed>();

export interface ResourceOptions {
  file?: string;
  environment?: string;
  renderedFrom?: string;
}

export function load(text: string, options: ResourceOptions = {}): Resource[] {
  const lines = new LineCounter();
  const resources: Resource[] = [];
  parseAllDocuments(text, { lineCounter: lines }).forEach((doc, documentIndex) => {
    if (doc.errors.length > 0) throw new Error(`test manifest does not parse: ${doc.errors[0]!.message}`);
    const object = doc.toJS() as Record<string, unknown> | null;
    if (!object || typeof object !== "object") return;
    const metadata = (object["metadata"] ?? {}) as Record<string, unknown>;
    const start = doc.contents?.range[0] ?? 0;
    const resource: Resource = {
      id: {
        apiVersion: String(object["apiVersion"] ?? ""),
        kind: String(object["kind"] ?? ""),
        name: String(metadata["name"] ?? ""),
        namespace: typeof metadata["namespace"] === "string" ? metadata["namespace"] : undefined,
      },
      object,
      file: options.file ?? "manifests/app.yaml",
      line: lines.linePos(start).line,
      documentIndex,
      renderedFrom: options.renderedFrom,
      environment: options.environment,
    };
    sources.set(resource, { doc, lines });
    resources.push(resource);
  });
  return resources;
}

/** A map key's own line (where the user reads `selector:`), or a sequence item's first line. */
export function lineOf(resource: Resource, path: ObjectPath | undefined): number {
  const parsed = sources.get(resource);
  if (!parsed) throw new Error("resource was not built by load()");
  if (!path || path.length === 0) return resource.line;
  let node: Node | null | undefined = parsed.doc.contents as Node;
  let offset = 0;
  for (const key of path) {
    if (typeof key === "number") {
      if (!isSeq(node)) throw new Error(`path ${JSON.stringify(path)} does not resolve at ${key}`);
      node = node.items[key] as Node | undefined;
      if (!node) throw new Error(`path ${JSON.stringify(path)} does not resolve at ${key}`);
      offset = node.range![0];
    } else {
      if (!isMap(node)) throw new Error(`path ${JSON.stringify(path)} does not resolve at ${key}`);
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key,
      );
      if (!pair) throw new Error(`path ${JSON.stringify(path)} does not resolve at ${key}`);
      offset = (pair.key as Node).range![0];
      node = pair.value as Node | null;
    }
  }
  return parsed.lines.linePos(offset).line;
}

export function context(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    kubernetesVersion: "1.32",
    repoRoot: "/repo",
    pathExists: () => true,
    productionEnvironments: new Set<string>(),
    ...overrides,
  };
}

export interface Hit {
  line: number;
  message: string;
  file: string;
  /** Name of the resource the violation belongs to. */
  name: string;
}

/** Runs one rule over resources the way the engine does and returns where each violation lands. */
export function check(rule: Rule, resources: Resource[], ctx: RuleContext = context()): Hit[] {
  const located: Array<{ resource: Resource; violation: Violation }> = [];
  for (const resource of resources) {
    for (const violation of rule.checkResource?.(resource, ctx) ?? []) located.push({ resource, violation });
  }
  for (const violation of rule.checkAll?.(resources, ctx) ?? []) {
    if (!violation.resource) throw new Error(`${rule.id}: checkAll violation without resource`);
    located.push({ resource: violation.resource, violation });
  }
  return located.map(({ resource, violation }) => ({
    line: lineOf(resource, violation.path),
    message: violation.message,
    file: resource.file,
    name: resource.id.name,
  }));
}

/** Shorthand: YAML text → hits. */
export function checkYaml(
  rule: Rule,
  text: string,
  options: ResourceOptions & { ctx?: RuleContext } = {},
): Hit[] {
  return check(rule, load(text, options), options.ctx);
}

/** Line numbers (1-based) of every line in `text` containing `marker`, to keep assertions readable. */
export function linesWith(text: string, marker: string): number[] {
  return text.split("\n").flatMap((line, index) => (line.includes(marker) ? [index + 1] : []));
}

export const CONFIG_REPO_URL = "https://github.com/acme/config.git";

/**
 * An Argo CD Application of the config repo; its source path line carries the marker `# path`. `source` adds
 * lines to the source (indented 4), `tail` adds lines to the spec (indented 2).
 */
export function application(name: string, path: string, tail = "", source = ""): string {
  return `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
spec:
  project: default
  source:
    repoURL: ${CONFIG_REPO_URL}
    targetRevision: main
    path: ${path} # path
${source}  destination:
    server: https://kubernetes.default.svc
    namespace: ${name}
${tail}`;
}

/** A workload with a pod template labelled `app: <name>`; `podSpec` is the pod spec's YAML at column 0. */
export function workload(kind: string, name: string, podSpec: string): string {
  const indented = podSpec
    .split("\n")
    .map((line) => (line ? `      ${line}` : line))
    .join("\n");
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${indented}`;
}
