import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { formatReport, type ReportFormat, reportFormats } from "../report/index.js";
import { parseKubernetesVersion } from "../validate/apis.js";
import { ConfigFileError, type FailOn, failed, runValidation } from "../validate/run.js";
import type { Command } from "./types.js";
import { parseCommandArgs, UsageError } from "./usage.js";

const USAGE =
  "gitops-pipeline validate [PATH...] [--format text|json|sarif|junit|github] [--kubernetes-version X.Y] " +
  "[--strict|--no-strict] [--render auto|never] [--fail-on error|warning|never] [--config FILE] [--crds FILE...] [--changed-files FILE]";

const OPTIONS = {
  format: { type: "string" },
  "kubernetes-version": { type: "string" },
  strict: { type: "boolean" },
  "no-strict": { type: "boolean" },
  render: { type: "string" },
  "fail-on": { type: "string" },
  config: { type: "string" },
  crds: { type: "string", multiple: true },
  "changed-files": { type: "string" },
} as const;

function choice<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${choices.join(", ")}, got ${JSON.stringify(value)}`, {
    hint: `usage: ${USAGE}`,
  });
}

const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
};

/** Checks manifests offline; exit 0 clean, 1 when a finding reaches --fail-on, 2 on bad usage or config. */
export const validateCommand: Command = {
  name: "validate",
  summary: "check manifests offline: YAML, schemas, kustomize builds, policy rules",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS, USAGE, true);
    const format = choice<ReportFormat>("format", values.format, reportFormats, "text");
    const render = choice("render", values.render, ["auto", "never"] as const, "auto");
    const failOn = choice<FailOn>("fail-on", values["fail-on"], ["error", "warning", "never"], "error");
    if (values.strict && values["no-strict"])
      throw new UsageError("give --strict or --no-strict, not both", { hint: `usage: ${USAGE}` });
    const kubernetesVersion = values["kubernetes-version"];
    if (kubernetesVersion !== undefined) {
      try {
        parseKubernetesVersion(kubernetesVersion);
      } catch (error) {
        throw new UsageError((error as Error).message, { hint: `usage: ${USAGE}` });
      }
    }
    // A list from `git diff --name-only base...head`: only what those files can affect is checked.
    let changedFiles: string[] | undefined;
    if (values["changed-files"] !== undefined) {
      const list = readText(resolve(io.cwd, values["changed-files"]));
      if (list === undefined)
        throw new UsageError(`cannot read --changed-files ${values["changed-files"]}`, {
          hint: `usage: ${USAGE}`,
        });
      changedFiles = list
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
    }
    let report: Awaited<ReturnType<typeof runValidation>>;
    try {
      report = await runValidation(
        {
          cwd: io.cwd,
          paths: positionals,
          kubernetesVersion,
          // Unset leaves it to the config: unknown fields errors, kinds without a schema warnings.
          strict: values.strict ? true : values["no-strict"] ? false : undefined,
          render,
          configFile: values.config,
          crds: values.crds ?? [],
          changedFiles,
        },
        readText,
      );
    } catch (error) {
      if (error instanceof ConfigFileError) {
        io.stderr(`gitops-pipeline validate: ${error.format()}\n`);
        return 2;
      }
      if (error instanceof Error && error.message.startsWith("path not found")) {
        throw new UsageError(error.message, { hint: `usage: ${USAGE}` });
      }
      throw error;
    }
    io.stdout(formatReport(report, format));
    return failed(report, failOn) ? 1 : 0;
  },
};
