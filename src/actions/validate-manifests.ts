import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import { UserError } from "../errors.js";
import { isObjectId } from "../validate/object-id.js";
import type { FailOn } from "../validate/run.js";
import { renderedDiffInputs, renderedDiffStep } from "./rendered-diff.js";
import { getBoolean, getChoice, getList, getString, logInfo, runAction, writeSummary } from "./runtime.js";

const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
};

type Range = { base: string; head: string } | { invalid: string };

/**
 * Base and head of the pull request this run is for, from the event payload; undefined for other events. Only full
 * object ids are used: anything else (an option-like `--output=…`, a ref name) is reported as invalid, and the
 * caller checks everything, which never checks less than a correct range would.
 */
function pullRequestRange(): Range | undefined {
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (!eventPath) return undefined;
  const text = readText(eventPath);
  if (!text) return undefined;
  let event: { pull_request?: { base?: { sha?: unknown }; head?: { sha?: unknown } } };
  try {
    event = JSON.parse(text);
  } catch {
    return undefined;
  }
  const pr = event?.pull_request;
  if (!pr) return undefined;
  const base = pr.base?.sha;
  const head = pr.head?.sha;
  if (base === undefined && head === undefined) return undefined;
  for (const [name, value] of [
    ["base", base],
    ["head", head],
  ] as const) {
    if (!isObjectId(value)) {
      const shown = JSON.stringify(typeof value === "string" ? value.slice(0, 80) : (value ?? null));
      return { invalid: `pull_request.${name}.sha of the event is not a commit id (${shown})` };
    }
  }
  return { base: base as string, head: head as string };
}

/** This repository's clone URL as the runner names it, so Argo CD sources pointing here are recognised. */
function repositoryUrlsOfRun(): string[] {
  const server = process.env.GITHUB_SERVER_URL;
  const repository = process.env.GITHUB_REPOSITORY;
  const urls = getList("repository-url");
  if (server && repository && /^[\w.-]+\/[\w.-]+$/.test(repository))
    urls.push(`${server.replace(/\/+$/, "")}/${repository}`);
  return urls;
}

/** The action's body; the bundle's entry calls it, and so can `@github/local-action`. */
export function run(): Promise<void> {
  return runAction(async () => {
    const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
    const failOn = getChoice<FailOn>("fail-on", ["error", "warning", "never"], "error");
    const pr = pullRequestRange();
    const changedOnly = getBoolean("changed-only", pr !== undefined);
    const options = {
      paths: getList("paths"),
      kubernetesVersion: getString("kubernetes-version") || undefined,
      strict: getString("strict") === "" ? undefined : getBoolean("strict", false),
      render: getChoice("render", ["auto", "never"] as const, "auto"),
      configFile: getString("config") || undefined,
      crds: getList("crds"),
      schemas: getList("schemas"),
    };
    const withAnnotations = getBoolean("annotations", true);
    const renderedDiff = renderedDiffInputs();
    // The work's code loads only now, so a step with a bad input fails before paying for it.
    const {
      annotated,
      formatReport,
      resourceName,
      toJson,
      toMarkdown,
      changedFilesFromGit,
      writeInsideWorkspace,
      failed,
      productionNote,
      runValidation,
    } = await import("./validate-manifests.work.js");
    let changedFiles: string[] | undefined;
    if (changedOnly) {
      if (!pr) {
        logInfo("changed-only applies to pull_request events; this is not one, so everything is checked");
      } else if ("invalid" in pr) {
        core.warning(`${pr.invalid}; checking everything.`);
      } else {
        changedFiles = await changedFilesFromGit(cwd, pr.base, pr.head);
        if (changedFiles === undefined) {
          core.warning(
            `cannot diff ${pr.base.slice(0, 12)}...${pr.head.slice(0, 12)} (shallow clone?); checking everything. Use actions/checkout with fetch-depth: 0 to check only what the pull request changes.`,
          );
        } else logInfo(`changed-only: ${changedFiles.length} changed file(s)`);
      }
    }
    const report = await runValidation(
      {
        cwd,
        root: cwd,
        ...options,
        changedFiles,
        repositoryUrls: repositoryUrlsOfRun(),
      },
      readText,
    );
    const note = productionNote(report.productionEnvironments);
    if (note) logInfo(note);

    const { shown, hidden } = withAnnotations ? annotated(report.findings) : { shown: [], hidden: 0 };
    for (const f of shown) {
      const properties = { file: f.file, startLine: f.line, startColumn: f.column, title: f.rule };
      const message = resourceName(f) ? `${resourceName(f)}: ${f.message}` : f.message;
      if (f.severity === "error") core.error(message, properties);
      else core.warning(message, properties);
    }
    logInfo(formatReport(report, "text").trimEnd());

    // Outside a runner, a private directory: a fixed name in a shared /tmp could be a link someone else planted.
    const outDir = process.env.RUNNER_TEMP || mkdtempSync(path.join(tmpdir(), "validate-manifests-"));
    const reportFile = path.join(outDir, "validate-manifests.json");
    writeFileSync(reportFile, `${JSON.stringify(toJson(report), null, 2)}\n`);
    const sarifInput = getString("sarif-file");
    const sarif = formatReport(report, "sarif");
    let sarifFile: string;
    if (sarifInput) {
      const roots = process.env.RUNNER_TEMP ? [cwd, process.env.RUNNER_TEMP] : [cwd];
      sarifFile = writeInsideWorkspace(
        roots,
        sarifInput,
        sarif,
        (message, hint) => new UserError(`sarif-file: ${message}`, { hint }),
      );
    } else {
      sarifFile = path.join(outDir, "validate-manifests.sarif");
      writeFileSync(sarifFile, sarif);
    }

    // Runners without job summaries (act, other CI systems) still get the log and the report files.
    await writeSummary(toMarkdown(report, { hiddenAnnotations: hidden }));
    if (renderedDiff.enabled && options.render === "auto" && pr && !("invalid" in pr)) {
      await renderedDiffStep(cwd, pr.base, renderedDiff, await import("./validate-manifests.work.js"));
    }
    core.setOutput("errors", report.summary.errors);
    core.setOutput("warnings", report.summary.warnings);
    core.setOutput("files", report.summary.files);
    core.setOutput("resources", report.summary.resources);
    core.setOutput("report-file", reportFile);
    core.setOutput("sarif-file", sarifFile);
    if (failed(report, failOn)) {
      const { errors, warnings } = report.summary;
      core.setFailed(
        `validate-manifests: ${errors} error(s), ${warnings} warning(s) (fail-on: ${failOn}); see the job summary`,
      );
    }
  });
}
