import path from "node:path";
import { loadAll, load as loadYaml } from "js-yaml";
import picomatch from "picomatch";
import { UserError } from "../errors.js";
import { apiStatus, isKnownOldApi, parseKubernetesVersion } from "./apis.js";
import { isClusterApi, looksLikeManifest, skaffoldArtifacts, templatedOnlyInStrings } from "./classify.js";
import { ignoredByAnnotation, RuleSettings, type ValidateConfig } from "./config.js";
import {
  KustomizationGraph,
  type KustomizationInputs,
  kustomizationNames,
  parseKustomization,
} from "./kustomize.js";
import { loadDocuments, type ParsedDocument, parseYamlFile } from "./load.js";
import { PositionIndex } from "./positions.js";
import { rules as registeredRules } from "./rules/index.js";
import { SchemaSet } from "./schema.js";
import type { Finding, ObjectPath, Resource, ResourceId, Rule, RuleContext, Severity } from "./types.js";

export const defaultKubernetesVersion = "1.33";
export const originAnnotation = "config.kubernetes.io/origin";
const unknownKindRule = "unknown-kind";
const kustomizeRemoteRule = "kustomize-remote";

/** Read access to the checked-out repository, paths relative to the working directory (POSIX separators). */
export interface ManifestSource {
  read(file: string): string | undefined;
  /** Entries of a directory; names only. */
  list(dir: string): { name: string; dir: boolean }[];
  isDir(p: string): boolean;
  exists(p: string): boolean;
  /** Findings about what the source refused to read (links leading out of the workspace). */
  refusals?(): Finding[];
}

export type RenderResult =
  | {
      ok: true;
      output: string /** Turns an origin annotation's path into a working-directory-relative one. */;
      origin(p: string): string;
    }
  | { ok: false; error: string };
/** Builds a kustomization directory with kustomize's origin annotations switched on. */
export type Renderer = (dir: string) => Promise<RenderResult>;

export interface ValidateOptions {
  /** Files and directories to check, relative to the working directory. */
  paths: string[];
  /** The files to check, when the caller collected them already (instead of walking `paths`). */
  files?: string[];
  /** The repository's root relative to the working directory, for paths that name repository files. */
  repositoryRoot?: string;
  /**
   * Clone URLs of this repository, so Argo CD sources pointing at it are recognised; a function is called only when
   * an Argo CD Application or ApplicationSet is among the resources (reading them may start a process).
   */
  repositoryUrls?: readonly string[] | (() => Promise<readonly string[]>);
  kubernetesVersion?: string;
  strict?: boolean;
  render: "auto" | "never";
  /** When set, only these files (and the kustomizations that read them) are checked. */
  changedFiles?: string[];
  config: ValidateConfig;
  /** CRD files whose kinds are validated like the built-in ones. */
  crdFiles?: string[];
  environments?: { name: string; paths: string[] }[];
  productionEnvironments?: string[];
  rules?: readonly Rule[];
  /** How many kustomize builds run at once. */
  concurrency?: number;
}

export interface ValidateReport {
  findings: Finding[];
  summary: { files: number; resources: number; errors: number; warnings: number };
  rules: readonly Rule[];
  /** Files read, in order (JUnit lists one test case per file). */
  files: string[];
  /** Kustomizations built, for the job summary. */
  rendered: string[];
}

const yamlFile = /\.ya?ml$/i;

/** load → render → schema → rules → findings; the whole check of a config repository. */
export async function validateManifests(
  options: ValidateOptions,
  source: ManifestSource,
  renderer?: Renderer,
): Promise<ValidateReport> {
  const config = options.config;
  // A rule switched off everywhere is not run at all.
  const rules = (options.rules ?? registeredRules).filter(
    (rule) =>
      config.rules[rule.id] !== "off" || config.overrides.some((o) => (o.rules[rule.id] ?? "off") !== "off"),
  );
  const kubernetesVersion = options.kubernetesVersion ?? config.kubernetesVersion ?? defaultKubernetesVersion;
  parseKubernetesVersion(kubernetesVersion);
  // Unset: unknown fields are errors and kinds without a schema warnings; true: both errors; false: unknown fields
  // are not reported (kinds without a schema stay warnings). An explicit severity under `rules` wins over both.
  const strictness = options.strict ?? config.strict;
  const strict = strictness !== false;
  const defaults = new Map(rules.map((r) => [r.id, r.defaultSeverity]));
  if (strictness === true && defaults.has(unknownKindRule)) defaults.set(unknownKindRule, "error");
  const settings = new RuleSettings(config, defaults);
  const findings: Finding[] = [];
  const positions = new PositionIndex((file) => source.read(file));
  const schemas = new SchemaSet();
  const parsed = new Map<string, ParsedDocument[]>();

  const files = (options.files ?? collectFiles(options.paths, source)).filter((f) => !settings.skipped(f));
  const readText = (file: string) => source.read(file);

  // Kustomizations: every one under the checked paths, so files they read are checked through them.
  const kustomizations = readKustomizations(files, source);
  const graph = new KustomizationGraph(kustomizations);
  // What a file is (resource, patch, generator input) is decided by every kustomization of the working tree, so
  // a patch checked on its own — a pre-commit hook passing changed files — is still known as a patch.
  const workTree = options.repositoryRoot ?? ".";
  const narrower =
    options.paths.length > 0 &&
    !options.paths.some((p) => path.posix.normalize(p) === ".") &&
    source.isDir(workTree);
  const members = (
    narrower
      ? new KustomizationGraph([
          ...kustomizations,
          ...readKustomizations(
            collectFiles([workTree], source, kustomizationNames).filter(
              (f) => !settings.skipped(f) && !graph.get(path.posix.dirname(f)),
            ),
            source,
          ),
        ])
      : graph
  ).memberFiles();

  /**
   * Syntax findings of a file count when the file must be YAML: a kustomization, a resource or patch it reads,
   * or a file that names apiVersion and kind. Broken app config, scripts and other tools' YAML are not findings.
   */
  const mustParse = (file: string, text: string) =>
    members.kustomizations.has(file) ||
    members.resources.has(file) ||
    members.patches.has(file) ||
    looksLikeManifest(text);
  const parse = (file: string): ParsedDocument[] => {
    let docs = parsed.get(file);
    if (!docs) {
      const text = settings.skipped(file) ? undefined : readText(file);
      const result = text === undefined ? { documents: [], findings: [] } : parseYamlFile(file, text);
      docs = result.documents;
      parsed.set(file, docs);
      if (result.findings.length && text !== undefined && mustParse(file, text))
        findings.push(...result.findings);
    }
    return docs;
  };

  for (const crd of options.crdFiles ?? []) registerCrds(parse(crd), schemas);

  const changed = options.changedFiles ? new Set(options.changedFiles) : undefined;
  // Items of a `kind: List` document are resources of their own, located under `items[i]` of the document.
  const listItems = new WeakMap<Resource, ObjectPath>();
  // Without a renderer, files of kustomizations are checked as they are rather than not at all.
  const rendering = options.render === "auto" && renderer !== undefined;
  const roots = rendering ? (changed ? graph.affectedRoots([...changed]) : graph.roots()) : [];
  // A build that needs the network is not run: validation works offline. Its local files are checked as they are.
  const offline = new Map<KustomizationInputs, ReturnType<KustomizationGraph["remoteOf"]>>();
  for (const root of roots) {
    const remote = graph.remoteOf(root.dir);
    if (remote.length) offline.set(root, remote);
  }
  const builds = roots.filter((root) => !offline.has(root));
  // Files a build reads are validated in its output.
  const built = new Set(builds.flatMap((root) => [...graph.inputsOf(root.dir)]));
  const resources: Resource[] = [];
  const builtImages = new Set<string>();
  const checkedFiles: string[] = [];
  const environmentOf = environmentMatcher(options.environments ?? []);

  for (const file of files) {
    if (changed && !changed.has(file)) continue;
    const text = readText(file);
    if (text === undefined) continue;
    checkedFiles.push(file);
    const resource = members.resources.has(file);
    // Generator inputs, Helm values, replacement configs: data, whatever they look like.
    if (members.data.has(file) && !resource) continue;
    // Go templates (Helm chart templates) are not YAML until rendered; templated string values are placeholders.
    if (text.includes("{{") && !templatedOnlyInStrings(text, loadOrUndefined(text))) continue;
    const docs = parse(file);
    // A patch is a fragment: its syntax counts, its completeness never does.
    if (members.kustomizations.has(file) || (members.patches.has(file) && !resource)) continue;
    if (built.has(file)) continue;
    const environment = environmentOf(file);
    for (const doc of docs) {
      for (const image of skaffoldArtifacts(doc.object)) builtImages.add(image);
      for (const resource of toResources(doc, file, listItems)) {
        if (environment) resource.environment = environment;
        resources.push(resource);
      }
    }
  }
  for (const [root, remote] of offline) {
    for (const at of remote) {
      findings.push({
        rule: kustomizeRemoteRule,
        severity: "warning",
        file: at.file,
        ...(positions.locate(at.file, 0, at.path) ?? { line: 1, column: 1 }),
        message: `${root.dir} was not rendered: kustomize would ${at.what} over the network, and validation works offline; its local files were checked as they are`,
      });
    }
  }
  // CRDs committed alongside their custom resources define those kinds too.
  for (const resource of resources) {
    if (resource.id.kind === "CustomResourceDefinition")
      registerCrds([{ object: resource.object, index: 0, line: 1 }], schemas);
  }

  const rendered: string[] = [];
  // Strategic-merge patch documents of each build, so a value an overlay sets is located in the overlay.
  const patchesOf = new WeakMap<Resource, PatchDocument[]>();
  if (rendering && renderer) {
    const results = await mapLimit(builds, options.concurrency ?? 2, async (root) => ({
      root,
      result: await renderer(root.dir),
    }));
    for (const { root, result } of results) {
      rendered.push(root.dir);
      if (!result.ok) {
        findings.push({
          rule: "kustomize-build",
          severity: "error",
          file: root.file,
          line: 1,
          column: 1,
          message: `kustomize build ${root.dir} failed: ${result.error}`,
        });
        continue;
      }
      const patches = patchDocuments(graph, root.dir, parse);
      for (const resource of renderedResources(root, result.output, result.origin, parse)) {
        patchesOf.set(resource, patches);
        // The build is what an environment deploys, wherever its files come from.
        const environment = environmentOf(root.file) ?? environmentOf(resource.file);
        if (environment) resource.environment = environment;
        resources.push(resource);
      }
    }
  }

  const repoRoot = options.repositoryRoot ?? ".";
  const context: RuleContext = {
    kubernetesVersion,
    repoRoot,
    pathExists: (p) => source.exists(path.posix.join(repoRoot, path.posix.normalize(p.replace(/^\/+/, "")))),
    repositoryUrls:
      typeof options.repositoryUrls === "function"
        ? resources.some(isArgoApplication)
          ? await options.repositoryUrls()
          : []
        : options.repositoryUrls,
    productionEnvironments: new Set(options.productionEnvironments ?? []),
    builtImages,
  };
  const raw: RawFinding[] = [];
  // Kinds without a schema, with the resources of each: reported once per kind, not once per resource.
  const unschematized = new Map<string, Resource[]>();
  for (const resource of resources) {
    checkResource(resource, schemas, settings, strict, kubernetesVersion, rules, context, raw, unschematized);
  }
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
    raw.push({
      rule: unknownKindRule,
      resource: first,
      path: ["kind"],
      message: `no schema for ${apiVersion} ${kind}${known}, so the fields of its ${count} are not checked: point \`crds\` at its CustomResourceDefinition, or list "${kind}" under validate.ignoreKinds`,
    });
  }
  for (const group of deploymentUnits(resources)) {
    for (const rule of rules) {
      if (!rule.checkAll) continue;
      for (const v of rule.checkAll(group, context)) {
        const at = v.resource ?? group[0];
        if (at) raw.push({ rule: rule.id, resource: at, path: v.path, message: v.message });
      }
    }
  }

  for (const f of raw) {
    if (
      ignoredByAnnotation(f.resource.object)?.has(f.rule) ||
      ignoredByAnnotation(f.resource.object)?.has("all")
    )
      continue;
    const patch = f.path ? patchSetting(patchesOf.get(f.resource), f.resource, f.path) : undefined;
    const at = patch ?? { file: f.resource.file, documentIndex: f.resource.documentIndex };
    const prefix = listItems.get(f.resource);
    const path = prefix ? [...prefix, ...(f.path ?? [])] : f.path;
    const position = positions.locate(at.file, at.documentIndex, path) ?? {
      line: f.resource.line,
      column: 1,
    };
    findings.push({
      rule: f.rule,
      severity: "error",
      file: at.file,
      line: path ? position.line : f.resource.line,
      column: path ? position.column : 1,
      resource: f.resource.id,
      message: f.resource.renderedFrom
        ? `${f.message} (in the build of ${f.resource.renderedFrom})`
        : f.message,
    });
  }

  findings.push(...(source.refusals?.() ?? []).filter((f) => !settings.skipped(f.file)));
  const final = settle(findings, settings);
  return {
    findings: final,
    summary: {
      files: checkedFiles.length,
      resources: resources.length,
      errors: final.filter((f) => f.severity === "error").length,
      warnings: final.filter((f) => f.severity === "warning").length,
    },
    rules,
    files: checkedFiles,
    rendered,
  };
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

interface RawFinding {
  rule: string;
  resource: Resource;
  path?: ObjectPath;
  message: string;
}

function checkResource(
  resource: Resource,
  schemas: SchemaSet,
  settings: RuleSettings,
  strict: boolean,
  kubernetesVersion: string,
  rules: readonly Rule[],
  context: RuleContext,
  out: RawFinding[],
  unschematized: Map<string, Resource[]>,
): void {
  const { apiVersion, kind } = resource.id;
  const api = apiStatusOf(apiVersion, kind, kubernetesVersion);
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
  if (settings.ignoresKind(apiVersion, kind)) {
    // nothing to check
  } else if (schemas.has(apiVersion, kind)) {
    for (const issue of schemas.check(resource.object, strict)) {
      out.push({ rule: issue.rule, resource, path: issue.path, message: issue.message });
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
  for (const rule of rules) {
    if (!rule.checkResource) continue;
    for (const v of rule.checkResource(resource, context)) {
      out.push({ rule: rule.id, resource: v.resource ?? resource, path: v.path, message: v.message });
    }
  }
}

/** Applies configured severities and path overrides, drops repeats (a base seen through several builds), sorts. */
function settle(findings: Finding[], settings: RuleSettings): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const finding of findings) {
    const setting = settings.severity(finding.rule, finding.file);
    if (setting === "off") continue;
    const key = `${finding.rule}\0${finding.file}\0${finding.line}\0${finding.column}\0${finding.message.replace(/ \(in the build of [^)]*\)$/, "")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...finding, severity: setting });
  }
  return out.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The resources of a document: itself, or the items of a `v1 List`. */
function toResources(
  doc: ParsedDocument,
  file: string,
  listItems: WeakMap<Resource, ObjectPath>,
): Resource[] {
  const object = doc.object;
  if (
    isObject(object) &&
    object.apiVersion === "v1" &&
    object.kind === "List" &&
    Array.isArray(object.items)
  ) {
    const out: Resource[] = [];
    object.items.forEach((item, i) => {
      const resource = toResource({ object: item, index: doc.index, line: doc.line }, file);
      if (!resource) return;
      listItems.set(resource, ["items", i]);
      out.push(resource);
    });
    return out;
  }
  const resource = toResource(doc, file);
  return resource ? [resource] : [];
}

/** A document that names an apiVersion and a kind; anything else (Helm values, tool config) is not a resource. */
function toResource(doc: ParsedDocument, file: string): Resource | undefined {
  const object = doc.object;
  if (!isObject(object) || typeof object.apiVersion !== "string" || typeof object.kind !== "string")
    return undefined;
  // kustomize's own configuration and other tools' files share the layout of resources but never reach a cluster.
  if (!isClusterApi(object.apiVersion, object.kind)) return undefined;
  return new FileResource(idOf(object), object, file, doc);
}

/** A resource read straight from a file; its start line is looked up only when a finding needs it. */
class FileResource implements Resource {
  environment?: string;
  readonly documentIndex: number;
  constructor(
    readonly id: ResourceId,
    readonly object: Record<string, unknown>,
    readonly file: string,
    private readonly doc: ParsedDocument,
  ) {
    this.documentIndex = doc.index;
  }
  get line(): number {
    return this.doc.line;
  }
}

function idOf(object: Record<string, unknown>): ResourceId {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const id: ResourceId = {
    apiVersion: String(object.apiVersion),
    kind: String(object.kind),
    name: typeof metadata.name === "string" ? metadata.name : "",
  };
  if (typeof metadata.namespace === "string") id.namespace = metadata.namespace;
  return id;
}

/**
 * Resources of one build, each traced back to the document it came from: kustomize's origin annotation names the
 * file (or, for generated objects, the kustomization that configured them), and the document is the one of the
 * same kind whose name the rendered name contains (prefixes and suffixes are kustomize's doing).
 */
function renderedResources(
  root: KustomizationInputs,
  output: string,
  resolve: (p: string) => string,
  parse: (file: string) => ParsedDocument[],
): Resource[] {
  const resources: Resource[] = [];
  const objects: unknown[] = [];
  loadAll(output, (doc) => {
    objects.push(doc);
  });
  for (const object of objects) {
    if (!isObject(object) || typeof object.apiVersion !== "string" || typeof object.kind !== "string")
      continue;
    const metadata = isObject(object.metadata) ? object.metadata : undefined;
    const annotations = metadata && isObject(metadata.annotations) ? metadata.annotations : undefined;
    let origin: { path?: string; configuredIn?: string } = {};
    if (annotations && typeof annotations[originAnnotation] === "string") {
      try {
        origin = (loadYaml(annotations[originAnnotation] as string) as typeof origin) ?? {};
      } catch {
        origin = {};
      }
      delete annotations[originAnnotation];
      if (Object.keys(annotations).length === 0 && metadata) delete metadata.annotations;
    }
    const id = idOf(object);
    const from = origin.path ?? origin.configuredIn;
    let file = from ? resolve(from) : root.file;
    let documentIndex = 0;
    let line = 1;
    const docs = origin.path ? parse(file) : [];
    if (origin.path && docs.length === 0) file = root.file;
    const match = bestMatch(docs, id);
    if (match) {
      documentIndex = match.index;
      line = match.line;
    }
    resources.push({ id, object, file, line, documentIndex, renderedFrom: root.dir });
  }
  return resources;
}

interface PatchDocument {
  file: string;
  doc: ParsedDocument;
}

/** Patch documents a build applies, the root's own first: the last kustomization to set a value wins. */
function patchDocuments(
  graph: KustomizationGraph,
  rootDir: string,
  parse: (file: string) => ParsedDocument[],
): PatchDocument[] {
  const out: PatchDocument[] = [];
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const k = graph.get(dir);
    if (!k) return;
    for (const file of k.patchFiles) {
      for (const doc of parse(file))
        if (isObject(doc.object) && typeof doc.object.kind === "string") out.push({ file, doc });
    }
    for (const d of k.dirs) visit(d);
  };
  visit(rootDir);
  return out;
}

/** The patch document that sets the value at `path` of a rendered resource, when one does. */
function patchSetting(
  patches: PatchDocument[] | undefined,
  resource: Resource,
  path: ObjectPath,
): { file: string; documentIndex: number } | undefined {
  if (!patches?.length) return undefined;
  const rendered = valueAt(resource.object, path);
  for (const { file, doc } of patches) {
    const object = doc.object as Record<string, unknown>;
    const metadata = isObject(object.metadata) ? object.metadata : {};
    const name = typeof metadata.name === "string" ? metadata.name : "";
    if (object.kind !== resource.id.kind || name === "" || !resource.id.name.includes(name)) continue;
    const value = valueAt(object, path);
    // Lists merge by key, so an index into the rendered object need not match the patch's: compare values.
    const same =
      value === rendered ||
      (typeof value === "object" && value !== null && !path.some((s) => typeof s === "number"));
    if (value !== undefined && same) return { file, documentIndex: doc.index };
  }
  return undefined;
}

function valueAt(object: unknown, path: ObjectPath): unknown {
  let node = object;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function bestMatch(docs: ParsedDocument[], id: ResourceId): ParsedDocument | undefined {
  const sameKind = docs.filter((d) => isObject(d.object) && d.object.kind === id.kind);
  const nameOf = (d: ParsedDocument) => {
    const m = (d.object as Record<string, unknown>).metadata;
    return isObject(m) && typeof m.name === "string" ? m.name : "";
  };
  return (
    sameKind.find((d) => nameOf(d) === id.name) ??
    sameKind.find((d) => nameOf(d) !== "" && id.name.includes(nameOf(d))) ??
    sameKind[0] ??
    docs[0]
  );
}

function registerCrds(docs: ParsedDocument[], schemas: SchemaSet): void {
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
    }
  }
}

/**
 * Resources that are applied together — one kustomize build, or one directory of plain manifests — are what
 * cross-resource rules (duplicates, selectors, services) compare; two overlays legitimately define the same names.
 */
function deploymentUnits(resources: Resource[]): Resource[][] {
  const groups = new Map<string, Resource[]>();
  for (const resource of resources) {
    const key = resource.renderedFrom
      ? `build:${resource.renderedFrom}`
      : `dir:${path.posix.dirname(resource.file)}`;
    const group = groups.get(key);
    if (group) group.push(resource);
    else groups.set(key, [resource]);
  }
  return [...groups.values()];
}

function environmentMatcher(
  environments: { name: string; paths: string[] }[],
): (file: string) => string | undefined {
  const matchers = environments.flatMap((env) =>
    env.paths.map((p) => {
      const pattern = path.posix.normalize(p).replace(/\/+$/, "");
      // A pattern names files or directories: a directory's pattern covers everything under it.
      const glob = picomatch([pattern, `${pattern}/**`], { dot: true });
      return {
        name: env.name,
        test: (file: string) =>
          pattern === "." || file === pattern || file.startsWith(`${pattern}/`) || glob(file),
      };
    }),
  );
  return (file) => matchers.find((m) => m.test(file))?.name;
}

/**
 * Files to check under the given paths: YAML files and kustomization files, dot-directories skipped; with `names`,
 * only files of those names.
 */
export function collectFiles(paths: string[], source: ManifestSource, names?: readonly string[]): string[] {
  const out = new Set<string>();
  const wanted = (name: string) =>
    names ? names.includes(name) : yamlFile.test(name) || name === "Kustomization";
  const walk = (dir: string) => {
    for (const entry of source.list(dir)) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = dir === "." ? entry.name : `${dir}/${entry.name}`;
      if (entry.dir) walk(full);
      else if (wanted(entry.name)) out.add(full);
    }
  };
  for (const raw of paths.length ? paths : ["."]) {
    const p = path.posix.normalize(raw.replace(/\\/g, "/")).replace(/\/+$/, "") || ".";
    if (source.isDir(p)) walk(p);
    else if (source.exists(p)) out.add(p);
    else
      throw new UserError(`path not found: ${raw}`, {
        hint: "Give files or directories of the config repository.",
      });
  }
  return [...out].sort();
}

function loadOrUndefined(text: string): unknown[] | undefined {
  try {
    return loadDocuments(text);
  } catch {
    return undefined;
  }
}

function readKustomizations(files: string[], source: ManifestSource): KustomizationInputs[] {
  const out: KustomizationInputs[] = [];
  for (const file of files) {
    if (!kustomizationNames.includes(path.posix.basename(file))) continue;
    out.push(parseKustomization(file, source.read(file) ?? "", (p) => source.isDir(p)));
  }
  return out;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export type { Severity };

const isArgoApplication = (resource: Resource): boolean =>
  resource.id.apiVersion.startsWith("argoproj.io/") &&
  (resource.id.kind === "Application" || resource.id.kind === "ApplicationSet");
