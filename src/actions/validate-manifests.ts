import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { annotated, formatReport, resourceName, toJson, toMarkdown } from "../report/index.js";
import { changedFilesFromGit } from "../validate/local.js";
import { type FailOn, failed, runValidation } from "../validate/run.js";
import { getBoolean, getChoice, getList, getString, logInfo, runAction, writeSummary } from "./runtime.js";
import * as core from "./workflow.js";

const readText = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
};

/** Base and head of the pull request this run is for, from the event payload; undefined for other events. */
function pullRequestRange(): { base: string; head: string } | undefined {
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (!eventPath) return undefined;
  const text = readText(eventPath);
  if (!text) return undefined;
  const event = JSON.parse(text) as { pull_request?: { base?: { sha?: string }; head?: { sha?: string } } };
  const base = event.pull_request?.base?.sha;
  const head = event.pull_request?.head?.sha;
  return base && head ? { base, head } : undefined;
}

/** The action's body; the bundle's entry calls it, and so can `@github/local-action`. */
export function run(): Promise<void> {
  return runAction(async () => {
    const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
    const failOn = getChoice<FailOn>("fail-on", ["error", "warning", "never"], "error");
    const pr = pullRequestRange();
    const changedOnly = getBoolean("changed-only", pr !== undefined);
    let changedFiles: string[] | undefined;
    if (changedOnly) {
      if (!pr) {
        logInfo("changed-only applies to pull_request events; this is not one, so everything is checked");
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
        paths: getList("paths"),
        kubernetesVersion: getString("kubernetes-version") || undefined,
        strict: getString("strict") === "" ? undefined : getBoolean("strict", false),
        render: getChoice("render", ["auto", "never"] as const, "auto"),
        configFile: getString("config") || undefined,
        crds: getList("crds"),
        changedFiles,
      },
      readText,
    );

    const { shown, hidden } = getBoolean("annotations", true)
      ? annotated(report.findings)
      : { shown: [], hidden: 0 };
    for (const f of shown) {
      const properties = { file: f.file, startLine: f.line, startColumn: f.column, title: f.rule };
      const message = resourceName(f) ? `${resourceName(f)}: ${f.message}` : f.message;
      if (f.severity === "error") core.error(message, properties);
      else core.warning(message, properties);
    }
    logInfo(formatReport(report, "text").trimEnd());

    const outDir = process.env.RUNNER_TEMP || tmpdir();
    const reportFile = path.join(outDir, "validate-manifests.json");
    writeFileSync(reportFile, `${JSON.stringify(toJson(report), null, 2)}\n`);
    const sarifFile = path.resolve(
      cwd,
      getString("sarif-file") || path.join(outDir, "validate-manifests.sarif"),
    );
    writeFileSync(sarifFile, formatReport(report, "sarif"));

    // Runners without job summaries (act, other CI systems) still get the log and the report files.
    await writeSummary(toMarkdown(report, { hiddenAnnotations: hidden }));
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
