import path from "node:path";
import { loadConfig, type PipelineConfig } from "../environments/index.js";
import { UserError } from "../errors.js";
import { emptyValidateConfig, parseValidateConfig, type ValidateConfig } from "./config.js";
import { type ValidateReport, validateManifests } from "./engine.js";
import { findKustomize, kustomizeRenderer, localSource } from "./local.js";
import { rules } from "./rules/index.js";

export type FailOn = "error" | "warning" | "never";

export interface RunInputs {
  cwd: string;
  paths: string[];
  kubernetesVersion?: string;
  strict?: boolean;
  render: "auto" | "never";
  /** Explicit config file; without it gitops-pipeline.yaml in cwd is used when present. */
  configFile?: string;
  crds: string[];
  changedFiles?: string[];
}

/** A config file that cannot be read or understood: the CLI exits 2 on it, like on bad usage. */
export class ConfigFileError extends UserError {}

export interface LoadedConfig {
  validate: ValidateConfig;
  environments: { name: string; paths: string[] }[];
  productionEnvironments: string[];
}

/**
 * What validation needs from gitops-pipeline.yaml: the `validate:` section, and which paths belong to which
 * environment (the last of the promotion order counts as production).
 */
export function readPipelineConfig(text: string, file: string): LoadedConfig {
  let config: PipelineConfig;
  let validate: ValidateConfig;
  try {
    config = loadConfig(text, file);
    validate = parseValidateConfig(
      config.validate,
      file,
      rules.map((r) => r.id),
    );
  } catch (error) {
    if (error instanceof UserError) {
      const where = error.location.line
        ? error.location
        : { file, line: (error.location.line ?? 0) || undefined };
      throw new ConfigFileError(error.message, { ...where, file, hint: error.hint });
    }
    throw error;
  }
  const last = config.promotion[config.promotion.length - 1];
  return {
    validate,
    environments: config.environments.map((e) => ({ name: e.name, paths: e.paths })),
    productionEnvironments: last ? [last] : [],
  };
}

export async function runValidation(
  inputs: RunInputs,
  readFile: (file: string) => string | undefined,
): Promise<ValidateReport> {
  const configFile = inputs.configFile ?? "gitops-pipeline.yaml";
  const text = readFile(path.resolve(inputs.cwd, configFile));
  if (text === undefined && inputs.configFile) {
    throw new ConfigFileError(`cannot read the config file ${inputs.configFile}`, {
      hint: "Pass an existing gitops-pipeline.yaml, or leave the option out to use the defaults.",
    });
  }
  const config: LoadedConfig =
    text === undefined
      ? { validate: emptyValidateConfig, environments: [], productionEnvironments: [] }
      : readPipelineConfig(text, configFile);
  const source = localSource(inputs.cwd);
  for (const crd of inputs.crds) {
    if (!source.exists(crd))
      throw new UserError(`CRD file not found: ${crd}`, {
        hint: "`crds` takes files of CustomResourceDefinitions.",
      });
  }
  let renderer: ReturnType<typeof kustomizeRenderer> | undefined;
  if (inputs.render === "auto") {
    const tool = await findKustomize();
    if (!tool) {
      throw new UserError("neither kustomize nor kubectl is on PATH, so kustomizations cannot be rendered", {
        hint: "Install kubectl or kustomize, or set render to never.",
      });
    }
    renderer = kustomizeRenderer(inputs.cwd, tool);
  }
  return validateManifests(
    {
      paths: inputs.paths,
      kubernetesVersion: inputs.kubernetesVersion,
      strict: inputs.strict,
      render: inputs.render,
      changedFiles: inputs.changedFiles,
      config: config.validate,
      crdFiles: inputs.crds,
      environments: config.environments,
      productionEnvironments: config.productionEnvironments,
    },
    source,
    renderer,
  );
}

export function failed(report: ValidateReport, failOn: FailOn): boolean {
  if (failOn === "never") return false;
  return report.summary.errors > 0 || (failOn === "warning" && report.summary.warnings > 0);
}
