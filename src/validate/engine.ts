import path from "node:path";
import picomatch from "picomatch";
import { parseKubernetesVersion } from "./apis.js";
import { runResourceRules, runUnitRules } from "./apply-rules.js";
import { looksLikeManifest, skaffoldArtifacts } from "./classify.js";
import { RuleSettings, type ValidateConfig } from "./config.js";
import { collectFiles, generatedAtSync, readKustomizations, toResources } from "./files.js";
import { type OwnSeverities, placeFindings, settle } from "./findings.js";
import { KustomizationGraph, type KustomizationInputs, kustomizationNames } from "./kustomize.js";
import { type ParsedDocument, parseYamlFile } from "./load.js";
import { overlayImageSetting } from "./overlay.js";
import { PositionIndex } from "./positions.js";
import { mapLimit, type PatchDocument, patchDocuments, renderedResources } from "./render.js";
import { rules as registeredRules } from "./rules/index.js";
import { SchemaSet } from "./schema.js";
import { checkSchema, type RawFinding, registerCrds, unknownKindRule, unknownKinds } from "./schema-check.js";
import type { ManifestSource, Renderer } from "./source.js";
import type { Finding, ObjectPath, Resource, Rule, RuleContext, Severity } from "./types.js";

export { collectFiles } from "./files.js";
export { originAnnotation } from "./render.js";
export type { ManifestSource, Renderer, RenderResult } from "./source.js";

export const defaultKubernetesVersion = "1.33";
const kustomizeRemoteRule = "kustomize-remote";

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
  /**
   * JSON schemas of kinds, read from a directory in the layout kubeconform users keep
   * (`{group}/{kind}_{version}.json`); they replace bundled schemas of the same kinds.
   */
  jsonSchemas?: { apiVersion: string; kind: string; schema: unknown }[];
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
  // Unset: unknown fields are errors (warnings for CRD kinds, whose bundled schemas may lag the operator) and kinds
  // without a schema warnings; true: all errors; false: unknown fields are not reported. An explicit severity
  // under `rules` wins over all of these.
  const strictness = options.strict ?? config.strict;
  const defaults = new Map(rules.map((r) => [r.id, r.defaultSeverity]));
  if (strictness === true && defaults.has(unknownKindRule)) defaults.set(unknownKindRule, "error");
  const settings = new RuleSettings(config, defaults);
  const findings: Finding[] = [];
  // Each file is read once: the parse, the position lookup and the classification share its text.
  const texts = new Map<string, string | undefined>();
  const readText = (file: string) => {
    if (texts.has(file)) return texts.get(file);
    const text = source.read(file);
    texts.set(file, text);
    return text;
  };
  const positions = new PositionIndex(readText);
  const schemas = new SchemaSet();
  for (const s of options.jsonSchemas ?? []) schemas.addJsonSchema(s.apiVersion, s.kind, s.schema);
  const parsed = new Map<string, ParsedDocument[]>();

  const collected = (options.files ?? collectFiles(options.paths, source)).filter(
    (f) => !settings.skipped(f),
  );

  // Kustomizations: every one under the checked paths, so files they read are checked through them.
  const kustomizations = readKustomizations(collected, readText, (p) => source.isDir(p));
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
            readText,
            (p) => source.isDir(p),
          ),
        ])
      : graph
  ).memberFiles();
  // What kustomize would apply is checked wherever it lives: under a dot-directory, in node_modules, or with an
  // extension the walk does not pick up.
  const files = [...collected];
  const listed = new Set(collected);
  for (const file of graph.memberFiles().resources) {
    if (!listed.has(file) && !settings.skipped(file) && source.exists(file) && !source.isDir(file)) {
      files.push(file);
      listed.add(file);
    }
  }

  /**
   * Syntax findings of a file count when the file must be YAML: a kustomization, a resource or patch it reads,
   * or a file that names apiVersion and kind. Broken app config, scripts and other tools' YAML are not findings.
   */
  const mustParse = (file: string, text: string) =>
    members.kustomizations.has(file) ||
    members.resources.has(file) ||
    members.patches.has(file) ||
    looksLikeManifest(text);
  // Go templates (Helm chart templates) are not YAML until rendered: a file with `{{` that does not parse is one.
  // One that parses holds its `{{` in strings, keys or comments — placeholders filled in later, not a template.
  const templates = new Set<string>();
  const parseFile = (file: string, report: (file: string, text: string) => boolean): ParsedDocument[] => {
    let docs = parsed.get(file);
    if (!docs) {
      const text = settings.skipped(file) ? undefined : readText(file);
      const result = text === undefined ? { documents: [], findings: [] } : parseYamlFile(file, text);
      docs = result.documents;
      parsed.set(file, docs);
      if (result.findings.length && text?.includes("{{")) {
        templates.add(file);
        docs.length = 0;
      } else if (result.findings.length && text !== undefined && report(file, text))
        findings.push(...result.findings);
    }
    return docs;
  };
  const parse = (file: string) => parseFile(file, mustParse);

  // A CRD file given to validate against must be YAML: a broken one would silently check nothing.
  for (const crd of options.crdFiles ?? [])
    registerCrds(
      parseFile(crd, () => true),
      schemas,
    );

  const changed = options.changedFiles ? new Set(options.changedFiles) : undefined;
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
  // A kustomization whose resources a plugin writes at sync cannot be built here; nor can what builds on it.
  const generated = new Set(graph.all.flatMap((k) => generatedAtSync(k, source)));
  const builds = roots.filter(
    (root) => !offline.has(root) && ![...graph.inputsOf(root.dir)].some((f) => generated.has(f)),
  );
  // Files a build reads are validated in its output.
  const built = new Set(builds.flatMap((root) => [...graph.inputsOf(root.dir)]));
  const resources: Resource[] = [];
  const builtImages = new Set<string>();
  const checkedFiles: string[] = [];
  const environmentOf = environmentMatcher(options.environments ?? []);

  // Builds start first so kustomize works while the plain files are parsed.
  const renderedResults =
    renderer && builds.length
      ? mapLimit(builds, options.concurrency ?? 2, async (root) => ({
          root,
          result: await renderer(root.dir),
        }))
      : Promise.resolve([]);

  for (const file of files) {
    if (changed && !changed.has(file)) continue;
    const text = readText(file);
    if (text === undefined) continue;
    const resource = members.resources.has(file);
    // JSON files are manifests only when they say so; package.json and tool settings are not read further.
    if (/\.json$/i.test(file) && !resource && !looksLikeManifest(text)) continue;
    checkedFiles.push(file);
    // Generator inputs, Helm values, replacement configs: data, whatever they look like.
    if (members.data.has(file) && !resource) continue;
    const docs = parse(file);
    if (templates.has(file)) continue;
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

  const rendered: string[] = [];
  // Strategic-merge patch documents of each build, so a value an overlay sets is located in the overlay.
  const patchesOf = new WeakMap<Resource, PatchDocument[]>();
  for (const { root, result } of await renderedResults) {
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
  // CRDs committed alongside their custom resources define those kinds too.
  for (const resource of resources) {
    if (resource.id.kind === "CustomResourceDefinition")
      registerCrds([{ object: resource.object, index: 0, line: 1 }], schemas);
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
    enclosing: enclosingResources(resources),
  };
  const raw: RawFinding[] = [];
  const unschematized = new Map<string, Resource[]>();
  const stage = {
    schemas,
    settings,
    strict: strictness !== false,
    strictCustom: strictness === true,
    kubernetesVersion,
  };
  for (const resource of resources) checkSchema(resource, stage, raw, unschematized);
  raw.push(...unknownKinds(unschematized, schemas, settings));
  runResourceRules(resources, rules, context, raw);
  runUnitRules(resources, rules, context, raw);

  const own: OwnSeverities = new WeakMap();
  placeFindings(
    raw,
    {
      positions,
      listItems,
      patchesOf,
      overlaySetting: (resource, at) => overlayImageSetting(graph, resource, at, positions),
    },
    findings,
    own,
  );

  findings.push(...(source.refusals?.() ?? []).filter((f) => !settings.skipped(f.file)));
  const final = settle(findings, settings, own);
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

/** Plain-manifest resources by directory, so a rule can look one directory up and further for a referent. */
function enclosingResources(resources: readonly Resource[]): (resource: Resource) => readonly Resource[] {
  const byDir = new Map<string, Resource[]>();
  for (const r of resources) {
    if (r.renderedFrom) continue;
    const dir = path.posix.dirname(r.file);
    const list = byDir.get(dir);
    if (list) list.push(r);
    else byDir.set(dir, [r]);
  }
  return (resource) => {
    if (resource.renderedFrom) return [];
    const out: Resource[] = [];
    let dir = path.posix.dirname(resource.file);
    while (dir !== "." && dir !== "/" && dir !== "") {
      dir = path.posix.dirname(dir);
      out.push(...(byDir.get(dir) ?? []));
    }
    return out;
  };
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

export type { Severity };

const isArgoApplication = (resource: Resource): boolean =>
  resource.id.apiVersion.startsWith("argoproj.io/") &&
  (resource.id.kind === "Application" || resource.id.kind === "ApplicationSet");
