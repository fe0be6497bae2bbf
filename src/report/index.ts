import type { ValidateReport } from "../validate/engine.js";
import type { Finding, Rule } from "../validate/types.js";
import { VERSION } from "../version.js";

export type ReportFormat = "text" | "json" | "sarif" | "junit" | "github";
export const reportFormats: readonly ReportFormat[] = ["text", "json", "sarif", "junit", "github"];

/** GitHub shows at most this many error and this many warning annotations per step; the rest only in the summary. */
export const annotationCap = 10;

export function formatReport(report: ValidateReport, format: ReportFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(toJson(report), null, 2)}\n`;
    case "sarif":
      return `${JSON.stringify(toSarif(report), null, 2)}\n`;
    case "junit":
      return toJunit(report);
    case "github":
      return report.findings.map((f) => `${workflowCommand(f)}\n`).join("") + `${summaryLine(report)}\n`;
    default:
      return toText(report);
  }
}

export function summaryLine(report: ValidateReport): string {
  const { files, resources, errors, warnings } = report.summary;
  return `${files} file${files === 1 ? "" : "s"}, ${resources} resource${resources === 1 ? "" : "s"}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}

export function resourceName(f: Finding): string {
  if (!f.resource) return "";
  return `${f.resource.kind}/${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}`;
}

/**
 * Control characters but tab and newline shown as `\xNN`: repository text must not move a terminal's cursor, colour
 * or rewrite earlier lines of a log.
 */
const printable = (s: string) =>
  s.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );

export function toText(report: ValidateReport): string {
  const lines = report.findings.map((f) => {
    const what = resourceName(f);
    return printable(
      `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${what ? `${what}: ` : ""}${f.message}`,
    );
  });
  lines.push(summaryLine(report));
  return `${lines.join("\n")}\n`;
}

/** The shape other checks parse: keys and order fixed by the CLI contract. */
export function toJson(report: ValidateReport) {
  return {
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      file: f.file,
      line: f.line,
      column: f.column,
      resource: f.resource
        ? {
            apiVersion: f.resource.apiVersion,
            kind: f.resource.kind,
            name: f.resource.name,
            namespace: f.resource.namespace ?? null,
          }
        : null,
      message: f.message,
      ...(f.related?.length ? { related: f.related.map((r) => ({ ...r })) } : {}),
    })),
    summary: { ...report.summary },
  };
}

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, rule descriptors, results with physical locations whose
 * URIs are relative to the checkout (`%SRCROOT%`, which the uploader resolves to the repository root).
 */
export function toSarif(report: ValidateReport) {
  const rules: readonly Rule[] = report.rules;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "gitops-pipeline",
            version: VERSION,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              fullDescription: { text: r.description },
              defaultConfiguration: { level: r.defaultSeverity },
              properties: { tags: ["kubernetes", "gitops"] },
            })),
          },
        },
        columnKind: "unicodeCodePoints",
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
          level: f.severity,
          message: { text: resourceName(f) ? `${resourceName(f)}: ${f.message}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(f.file), uriBaseId: "%SRCROOT%" },
                region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
              },
            },
          ],
          // The base line a value an overlay sets overrides: shown next to the result, never as its place.
          ...(f.related?.length
            ? {
                relatedLocations: f.related.map((r, id) => ({
                  id,
                  message: { text: "the value in the base, which this setting overrides" },
                  physicalLocation: {
                    artifactLocation: { uri: relativeUri(r.file), uriBaseId: "%SRCROOT%" },
                    region: { startLine: Math.max(1, r.line), startColumn: Math.max(1, r.column) },
                  },
                })),
              }
            : {}),
        })),
      },
    ],
  };
}

/** Lone UTF-16 surrogates: not characters at all, so neither XML nor UTF-8 can carry them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters a path segment may hold as they are (RFC 3986 pchar less pct-encoded); all else is %-encoded UTF-8. */
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

/**
 * A file path as a relative URI reference (RFC 3986): each segment percent-encoded, so `#`, `?`, `%`, spaces and
 * non-ASCII survive, and a colon in the first segment encoded, so `c:x.yaml` is not read as a scheme.
 */
export function relativeUri(file: string): string {
  return file
    .replace(LONE_SURROGATE, "\uFFFD")
    .split("/")
    .map((segment, i) =>
      Array.from(segment, (c) =>
        PCHAR.test(c) && !(i === 0 && c === ":") ? c : encodeURIComponent(c).replace(/[!'()*]/g, escapeAscii),
      ).join(""),
    )
    .join("/");
}

const escapeAscii = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

/**
 * Text for XML 1.0 content and attribute values: markup characters escaped, characters XML cannot hold at all (C0
 * controls but tab and newlines, U+FFFE, U+FFFF, lone surrogates) dropped; in attributes, tab and newlines become
 * character references so a parser does not fold them into spaces.
 */
const xml = (s: string, attribute = false) => {
  const text = s
    .replace(LONE_SURROGATE, "")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/g, "")
    .replace(
      /[<>&"']/g,
      (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] as string,
    );
  return attribute ? text.replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`) : text;
};
const attr = (s: string) => xml(s, true);

/** One test case per checked file: it fails with its errors listed; warnings go to its system-out. */
export function toJunit(report: ValidateReport): string {
  const byFile = new Map<string, Finding[]>();
  for (const file of report.files) byFile.set(file, []);
  for (const f of report.findings) {
    if (!byFile.has(f.file)) byFile.set(f.file, []);
    byFile.get(f.file)?.push(f);
  }
  const line = (f: Finding) => `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${f.message}`;
  let failures = 0;
  const cases: string[] = [];
  for (const [file, findings] of byFile) {
    const errors = findings.filter((f) => f.severity === "error");
    const warnings = findings.filter((f) => f.severity === "warning");
    let body = "";
    if (errors.length) {
      failures++;
      body += `      <failure message="${attr(`${errors.length} error${errors.length === 1 ? "" : "s"}: ${errors[0].message}`)}" type="${attr(errors[0].rule)}">${xml(errors.map(line).join("\n"))}</failure>\n`;
    }
    if (warnings.length) body += `      <system-out>${xml(warnings.map(line).join("\n"))}</system-out>\n`;
    cases.push(
      body
        ? `    <testcase classname="gitops-pipeline.validate" name="${attr(file)}" file="${attr(file)}">\n${body}    </testcase>\n`
        : `    <testcase classname="gitops-pipeline.validate" name="${attr(file)}" file="${attr(file)}"/>\n`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="gitops-pipeline validate" tests="${cases.length}" failures="${failures}">\n` +
    `  <testsuite name="validate-manifests" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n` +
    cases.join("") +
    "  </testsuite>\n</testsuites>\n"
  );
}

const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/** `::error file=…,line=…,col=…,title=…::message`, the runner's annotation command. */
export function workflowCommand(f: Finding): string {
  const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.rule)}`;
  return `::${f.severity} ${props}::${escapeData(resourceName(f) ? `${resourceName(f)}: ${f.message}` : f.message)}`;
}

/** The findings that get an annotation: the first `annotationCap` errors and warnings; the rest stay in the summary. */
export function annotated(findings: readonly Finding[]): { shown: Finding[]; hidden: number } {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const shown = [...errors.slice(0, annotationCap), ...warnings.slice(0, annotationCap)];
  return { shown, hidden: findings.length - shown.length };
}

/**
 * Repository text (file names, resource names, messages) as the plain text of one table cell: line breaks become
 * spaces, and every character Markdown or HTML could read as structure — a pipe ending the cell, a tag, a link, an
 * image, emphasis, a code span, the colon of a `scheme://` autolink — is written as a character reference, which renders as itself.
 */
const cell = (s: string) =>
  s
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/\r\n|[\r\n\u2028\u2029]/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[|<>&`*_[\]()!#~\\]|:(?=\/)/g, (c) => `&#${c.charCodeAt(0)};`);
const summaryRowCap = 1000;

/** Markdown for the job summary: counts, then every finding (up to a size GitHub accepts). */
export function toMarkdown(
  report: ValidateReport,
  options: { hiddenAnnotations?: number; fileUrl?: (f: Finding) => string } = {},
): string {
  const { files, resources, errors, warnings } = report.summary;
  const status = errors > 0 ? "❌" : warnings > 0 ? "⚠️" : "✅";
  const out = [
    `## ${status} validate-manifests`,
    "",
    "| Files | Resources | Errors | Warnings | Kustomizations built |",
    "| ---: | ---: | ---: | ---: | ---: |",
    `| ${files} | ${resources} | ${errors} | ${warnings} | ${report.rendered.length} |`,
    "",
  ];
  if (options.hiddenAnnotations) {
    out.push(
      `GitHub shows ${annotationCap} error and ${annotationCap} warning annotations per step; ${options.hiddenAnnotations} more finding${options.hiddenAnnotations === 1 ? " is" : "s are"} listed only here.`,
      "",
    );
  }
  if (report.findings.length === 0) {
    out.push("No findings.", "");
    return out.join("\n");
  }
  out.push("| Severity | Rule | Location | Resource | Message |", "| --- | --- | --- | --- | --- |");
  for (const f of report.findings.slice(0, summaryRowCap)) {
    const where = `${f.file}:${f.line}:${f.column}`;
    const link = options.fileUrl ? `[${cell(where)}](${options.fileUrl(f)})` : `<code>${cell(where)}</code>`;
    out.push(
      `| ${f.severity} | <code>${cell(f.rule)}</code> | ${link} | ${cell(resourceName(f))} | ${cell(f.message)} |`,
    );
  }
  if (report.findings.length > summaryRowCap) {
    out.push(
      "",
      `${report.findings.length - summaryRowCap} more findings are in the JSON and SARIF reports.`,
    );
  }
  out.push("");
  return out.join("\n");
}
