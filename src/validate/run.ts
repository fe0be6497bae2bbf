import { availableParallelism } from "node:os";
import path from "node:path";
import { isMap, parseDocument } from "yaml";
import { loadConfig } from "../environments/index.js";
import { UserError } from "../errors.js";
import { emptyValidateConfig, parseValidateConfig, type ValidateConfig } from "./config.js";
import { collectFiles, type Renderer, type ValidateReport, validateManifests } from "./engine.js";
import { readSchemaDirectory } from "./json-schemas.js";
import {
  findKustomize,
  kustomizeRenderer,
  type LocalSource,
  localSource,
  repositoryUrlsFromGit,
} from "./local.js";
import { rules } from "./rules/index.js";

export type FailOn = "error" | "warning" | "never";

export interface RunInputs {
  cwd: string;
  /**
   * The workspace: nothing outside it is read, and paths given must lie inside it. Default: `cwd`. The action passes
   * GITHUB_WORKSPACE, the CLI the repository holding the directory it checks.
   */
  root?: string;
  paths: string[];
  kubernetesVersion?: string;
  strict?: boolean;
  render: "auto" | "never";
  /** Explicit config file; without it gitops-pipeline.yaml in cwd, else in the workspace root, when present. */
  configFile?: string;
  crds: string[];
  /** Directories of JSON schemas in kubeconform's `{group}/{kind}_{version}.json` layout. */
  schemas?: string[];
  changedFiles?: string[];
  /** Clone URLs of this repository besides the checkout's `origin`/`upstream` remotes. */
  repositoryUrls?: string[];
}

/** A config file that cannot be read or understood: the CLI exits 2 on it, like on bad usage. */
export class ConfigFileError extends UserError {}

/** A path given to check (or a CRD file) that does not exist or lies outside the workspace: bad usage too. */
export class PathError extends UserError {}

export interface LoadedConfig {
  validate: ValidateConfig;
  environments: { name: string; paths: string[] }[];
  productionEnvironments: string[];
}

export type RunReport = ValidateReport & {
  /** Environments held to production rules, so callers can say which and why. */
  productionEnvironments: string[];
};

const TOP_LEVEL = ["environments", "promotion", "validate"];

/**
 * What validation needs from gitops-pipeline.yaml: the `validate:` section, and which paths belong to which
 * environment. A file with only a `validate:` section is complete for validation; environments are the concern of
 * updates and promotions. Production rules apply to the environments `validate.production` names, else to the last
 * of the promotion order when there is an order (two environments or more): a lone environment is not production
 * just for being defined.
 */
export function readPipelineConfig(text: string, file: string): LoadedConfig {
  const fail = (error: unknown): never => {
    if (error instanceof UserError) {
      const where = error.location.line
        ? error.location
        : { file, line: (error.location.line ?? 0) || undefined };
      throw new ConfigFileError(error.message, { ...where, file, hint: error.hint });
    }
    throw error;
  };
  const known = rules.map((r) => r.id);
  const validateOnly = validateSectionOnly(text, file);
  if (validateOnly !== undefined) {
    try {
      const validate = parseValidateConfig(validateOnly.section, file, known);
      if (validate.production?.length) {
        throw new UserError(
          `validate: production names ${validate.production[0]}, which is not an environment`,
          {
            file,
            hint: "Define it under `environments:`, or leave production out.",
          },
        );
      }
      return { validate, environments: [], productionEnvironments: [] };
    } catch (error) {
      return fail(error);
    }
  }
  try {
    const config = loadConfig(text, file);
    const validate = parseValidateConfig(config.validate, file, known);
    const names = config.environments.map((e) => e.name);
    for (const name of validate.production ?? []) {
      if (!names.includes(name))
        throw new UserError(
          `validate: production names ${JSON.stringify(name)}, which is not an environment`,
          {
            file,
            line: config.validateLine,
            hint: `Environments: ${names.join(", ")}.`,
          },
        );
    }
    const last = config.promotion.length >= 2 ? config.promotion[config.promotion.length - 1] : undefined;
    return {
      validate,
      environments: config.environments.map((e) => ({ name: e.name, paths: e.paths })),
      productionEnvironments: validate.production ?? (last ? [last] : []),
    };
  } catch (error) {
    return fail(error);
  }
}

/**
 * The `validate:` section of a file that defines no environments; undefined when the file has environments (or
 * is not a plain mapping), which the full configuration reader then checks and explains.
 */
function validateSectionOnly(text: string, file: string): { section: unknown } | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const keys = doc.contents.items.map((pair) => String((pair.key as { value?: unknown })?.value ?? pair.key));
  if (keys.includes("environments")) return undefined;
  const unknown = keys.find((key) => !TOP_LEVEL.includes(key));
  if (unknown !== undefined || keys.includes("promotion")) return undefined;
  try {
    return { section: doc.toJS({ maxAliasCount: 100 })?.validate };
  } catch (error) {
    throw new ConfigFileError(`cannot read the configuration: ${(error as Error).message}`, {
      file,
      hint: "Write the validate section without YAML aliases.",
    });
  }
}

/** The path as the user wrote it, or `.`, for messages. */
const shown = (p: string) => p || ".";

/**
 * Checks a path given by the user (a `paths` entry, a CRD file, the config file) against the workspace: it must
 * exist, and neither it nor a link on the way may lead outside.
 */
function checkGivenPath(
  source: LocalSource,
  inputs: { cwd: string; root: string },
  given: string,
  what: string,
  make: (message: string, hint: string) => UserError,
): void {
  if (source.exists(given)) return;
  const lexical = path.relative(path.resolve(inputs.root), path.resolve(inputs.cwd, given));
  const hint = `Everything validation reads must lie inside the workspace (${inputs.root}).`;
  if (lexical === ".." || lexical.startsWith(`..${path.sep}`) || path.isAbsolute(lexical)) {
    throw make(`${what} ${shown(given)} is outside the workspace`, hint);
  }
  const normal = path.posix.normalize(given.replace(/\\/g, "/"));
  const link = source.refusals().find((f) => normal === f.file || normal.startsWith(`${f.file}/`));
  if (link)
    throw make(`${what} ${shown(given)} leads outside the workspace through the link ${link.file}`, hint);
}

export async function runValidation(
  inputs: RunInputs,
  readFile: (file: string) => string | undefined,
): Promise<RunReport> {
  const root = inputs.root ?? inputs.cwd;
  const source = localSource(inputs.cwd, root);
  const bounds = { cwd: inputs.cwd, root };

  // The configuration of the directory run in, else of the workspace (which is where it lives in a repository).
  const configFile =
    inputs.configFile ??
    (source.exists("gitops-pipeline.yaml") || path.resolve(inputs.cwd) === path.resolve(root)
      ? "gitops-pipeline.yaml"
      : path.relative(inputs.cwd, path.join(root, "gitops-pipeline.yaml")).split(path.sep).join("/"));
  if (inputs.configFile) {
    checkGivenPath(
      source,
      bounds,
      inputs.configFile,
      "the config file",
      (m, hint) => new ConfigFileError(m, { hint }),
    );
  }
  const configReal = source.realPath(configFile);
  const text = configReal === undefined ? undefined : readFile(configReal);
  if (text === undefined && inputs.configFile) {
    throw new ConfigFileError(`cannot read the config file ${inputs.configFile}`, {
      hint: "Pass an existing gitops-pipeline.yaml, or leave the option out to use the defaults.",
    });
  }
  const config: LoadedConfig =
    text === undefined
      ? { validate: emptyValidateConfig, environments: [], productionEnvironments: [] }
      : readPipelineConfig(text, configFile);

  // Paths in the config file are relative to the file, so the same config works from any directory.
  const configDir = path.posix.dirname(configFile);
  const fromConfig = (list: string[] | undefined) =>
    (list ?? []).map((p) => path.posix.normalize(path.posix.join(configDir, p)));
  const crdPaths = [...inputs.crds, ...fromConfig(config.validate.crds)];
  const crds: string[] = [];
  for (const crd of crdPaths) {
    checkGivenPath(source, bounds, crd, "the CRD file", (m, hint) => new PathError(m, { hint }));
    if (!source.exists(crd))
      throw new PathError(`CRD file not found: ${crd}`, {
        hint: "`crds` takes files of CustomResourceDefinitions (or directories of them).",
      });
    crds.push(...(source.isDir(crd) ? collectFiles([crd], source) : [crd]));
  }
  const jsonSchemas = [];
  for (const dir of [...(inputs.schemas ?? []), ...fromConfig(config.validate.schemas)]) {
    checkGivenPath(source, bounds, dir, "the schema directory", (m, hint) => new PathError(m, { hint }));
    if (!source.isDir(dir))
      throw new PathError(`schema directory not found: ${dir}`, {
        hint: "`schemas` takes directories of JSON schemas laid out as {group}/{kind}_{version}.json.",
      });
    try {
      jsonSchemas.push(...readSchemaDirectory(dir, source));
    } catch (error) {
      if (error instanceof UserError)
        throw new PathError(error.message, { ...error.location, hint: error.hint });
      throw error;
    }
  }
  const paths = inputs.paths.length ? inputs.paths : ["."];
  for (const p of paths) {
    checkGivenPath(source, bounds, p, "path", (m, hint) => new PathError(m, { hint }));
  }
  const files = uniqueFiles(collectFiles(paths, source), source);

  // The tool is looked for at the first build, so a repository without kustomizations never waits for the probe.
  let found: Promise<Renderer> | undefined;
  const renderer: Renderer | undefined =
    inputs.render === "auto"
      ? async (dir) => {
          found ??= findKustomize().then((tool) => {
            if (!tool) {
              throw new UserError(
                "neither kustomize nor kubectl is on PATH, so kustomizations cannot be rendered",
                {
                  hint: "Install kubectl or kustomize, or set render to never.",
                },
              );
            }
            return kustomizeRenderer(inputs.cwd, tool, source);
          });
          return (await found)(dir);
        }
      : undefined;
  const repositoryUrls = async () => [
    ...(inputs.repositoryUrls ?? []),
    ...(await repositoryUrlsFromGit(root)),
  ];
  const repositoryRoot = path
    .relative(path.resolve(inputs.cwd), path.resolve(root))
    .split(path.sep)
    .join("/");
  const report = await validateManifests(
    {
      paths,
      files,
      kubernetesVersion: inputs.kubernetesVersion,
      strict: inputs.strict,
      render: inputs.render,
      changedFiles: inputs.changedFiles,
      config: config.validate,
      crdFiles: crds,
      jsonSchemas,
      // Builds are separate kustomize processes: as many at once as there are cores.
      concurrency: Math.max(1, availableParallelism()),
      environments: config.environments,
      productionEnvironments: config.productionEnvironments,
      repositoryRoot: repositoryRoot || ".",
      repositoryUrls,
    },
    source,
    renderer,
  );
  return { ...report, productionEnvironments: config.productionEnvironments };
}

/**
 * One path per file: a file reached both directly and through a link (or through two links) is checked once, under
 * its direct path when there is one, else under the first name found.
 */
function uniqueFiles(files: string[], source: LocalSource): string[] {
  const byReal = new Map<string, string>();
  for (const file of files) {
    const real = source.realPath(file);
    if (real === undefined) continue;
    const seen = byReal.get(real);
    if (seen === undefined || (!source.isDirect(seen) && source.isDirect(file))) byReal.set(real, file);
  }
  const keep = new Set(byReal.values());
  return files.filter((file) => keep.has(file));
}

/** Says which environments production rules hold to, so defining environments never changes them unannounced. */
export function productionNote(environments: readonly string[]): string | undefined {
  if (environments.length === 0) return undefined;
  const names = environments.map((e) => JSON.stringify(e)).join(", ");
  return `mutable-tag and argocd-sync-policy apply to production environment ${names} (set validate.production in gitops-pipeline.yaml to choose others, or [] for none)`;
}

export function failed(report: ValidateReport, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  return report.summary.errors > 0 || (failOn === "warning" && report.summary.warnings > 0);
}
