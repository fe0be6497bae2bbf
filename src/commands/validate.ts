import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { formatReport, type ReportFormat, reportFormats } from "../report/index.js";
import { parseKubernetesVersion } from "../validate/apis.js";
import {
  ConfigFileError,
  type FailOn,
  failed,
  PathError,
  productionNote,
  runValidation,
} from "../validate/run.js";
import type { Command } from "./types.js";
import { parseCommandArgs, UsageError } from "./usage.js";
import { withRenderedDiff } from "./validate-diff.js";

const USAGE =
  "gitops-pipeline validate [PATH...] [--format text|json|sarif|junit|github] [--kubernetes-version X.Y] " +
  "[--strict|--no-strict] [--render auto|never] [--fail-on error|warning|never] [--config FILE] [--crds FILE...] [--schemas DIR...] [--changed-files FILE] [--repository-url URL...] [--diff-base REF]";

const OPTIONS = {
  format: { type: "string" },
  "kubernetes-version": { type: "string" },
  strict: { type: "boolean" },
  "no-strict": { type: "boolean" },
  render: { type: "string" },
  "fail-on": { type: "string" },
  config: { type: "string" },
  crds: { type: "string", multiple: true },
  schemas: { type: "string", multiple: true },
  "changed-files": { type: "string" },
  "repository-url": { type: "string", multiple: true },
  "diff-base": { type: "string" },
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

/**
 * The workspace of a CLI run: the git work tree holding the first path checked (else the current directory);
 * outside git, the current directory, unless the first path lies outside it: then the directory given (a file's
 * directory). Nothing outside the workspace is read.
 */
export function workspaceRoot(cwd: string, paths: string[]): string {
  const here = resolve(cwd);
  const rel = (dir: string) => relative(here, dir);
  const inside = (dir: string) =>
    !(rel(dir) === ".." || rel(dir).startsWith(`..${sep}`) || isAbsolute(rel(dir)));
  let first = resolve(here, paths[0] ?? ".");
  try {
    if (!statSync(first).isDirectory()) first = dirname(first);
  } catch {
    first = here;
  }
  for (let at = first; ; at = dirname(at)) {
    if (existsSync(resolve(at, ".git"))) return at;
    if (dirname(at) === at) break;
  }
  return inside(first) ? here : first;
}

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
          root: workspaceRoot(io.cwd, positionals),
          paths: positionals,
          kubernetesVersion,
          // Unset leaves it to the config: unknown fields errors, kinds without a schema warnings.
          strict: values.strict ? true : values["no-strict"] ? false : undefined,
          render,
          configFile: values.config,
          crds: values.crds ?? [],
          schemas: values.schemas ?? [],
          changedFiles,
          repositoryUrls: values["repository-url"] ?? [],
        },
        readText,
      );
    } catch (error) {
      if (error instanceof ConfigFileError) {
        io.stderr(`gitops-pipeline validate: ${error.format()}\n`);
        return 2;
      }
      if (error instanceof PathError) {
        throw new UsageError(error.message, { hint: error.hint ?? `usage: ${USAGE}` });
      }
      if (error instanceof Error && error.message.startsWith("path not found")) {
        throw new UsageError(error.message, { hint: `usage: ${USAGE}` });
      }
      throw error;
    }
    const note = productionNote(report.productionEnvironments);
    if (note) io.stderr(`gitops-pipeline validate: ${note}\n`);
    let output = formatReport(report, format);
    // What the working tree changes in the cluster compared with a commit, overlay by overlay.
    if (values["diff-base"] !== undefined) {
      if (render === "never")
        throw new UsageError("--diff-base renders overlays; it cannot be used with --render never", {
          hint: `usage: ${USAGE}`,
        });
      output = await withRenderedDiff(output, format, values["diff-base"], io);
    }
    io.stdout(output);
    return failed(report, failOn) ? 1 : 0;
  },
};
