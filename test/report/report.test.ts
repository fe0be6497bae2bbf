import path from "node:path";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import {
  annotated,
  formatReport,
  toJson,
  toMarkdown,
  toSarif,
  workflowCommand,
} from "../../src/report/index.js";
import type { ValidateReport } from "../../src/validate/engine.js";
import { rules } from "../../src/validate/rules/index.js";
import type { Finding } from "../../src/validate/types.js";

const deployment = { apiVersion: "apps/v1", kind: "Deployment", name: "web", namespace: "shop" };

function finding(over: Partial<Finding>): Finding {
  return {
    rule: "schema",
    severity: "error",
    file: "apps/web.yaml",
    line: 3,
    column: 5,
    resource: deployment,
    message: "m",
    ...over,
  };
}

function report(findings: Finding[], files = ["apps/web.yaml", "apps/svc.yaml"]): ValidateReport {
  return {
    findings,
    rules,
    files,
    rendered: [],
    summary: {
      files: files.length,
      resources: 4,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
    },
  };
}

const sample = report([
  finding({ rule: "unknown-field", message: 'unknown field "spec.replica"' }),
  finding({
    rule: "yaml-syntax",
    file: "apps/bad.yaml",
    line: 9,
    column: 1,
    resource: undefined,
    message: "bad: a, b\nc",
  }),
  finding({ rule: "latest-tag", severity: "warning", line: 12, column: 9, message: "uses :latest" }),
]);

describe("JSON", () => {
  it("has exactly the keys of the CLI contract", () => {
    const json = JSON.parse(formatReport(sample, "json"));
    expect(Object.keys(json)).toEqual(["findings", "summary"]);
    expect(json.findings[0]).toEqual({
      rule: "unknown-field",
      severity: "error",
      file: "apps/web.yaml",
      line: 3,
      column: 5,
      resource: { apiVersion: "apps/v1", kind: "Deployment", name: "web", namespace: "shop" },
      message: 'unknown field "spec.replica"',
    });
    expect(json.findings[1].resource).toBeNull();
    expect(json.summary).toEqual({ files: 2, resources: 4, errors: 2, warnings: 1 });
    expect(
      toJson(report([finding({ resource: { apiVersion: "v1", kind: "Namespace", name: "a" } })])).findings[0]
        .resource?.namespace,
    ).toBeNull();
  });
});

describe("SARIF 2.1.0", () => {
  it("describes every rule once and gives each result a physical location and a valid rule index", () => {
    const sarif = toSarif(sample);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const driver = sarif.runs[0].tool.driver;
    const ids = driver.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(["yaml-syntax", "schema", "unknown-field", "latest-tag", "kustomize-build"]),
    );
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(10);
      expect(["error", "warning", "note"]).toContain(rule.defaultConfiguration.level);
    }
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(3);
    for (const result of results) {
      expect(driver.rules[result.ruleIndex as number].id).toBe(result.ruleId);
      expect(["error", "warning"]).toContain(result.level);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).not.toMatch(/^\//);
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(location.region.startColumn).toBeGreaterThanOrEqual(1);
    }
    expect(results[0].message.text).toBe('Deployment/shop/web: unknown field "spec.replica"');
    expect(results[2]).toMatchObject({ ruleId: "latest-tag", level: "warning" });
  });
});

describe("JUnit", () => {
  it("has one test case per checked file; files with errors fail, warnings go to system-out", () => {
    const xml = formatReport(sample, "junit");
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).toContain('<testsuites name="gitops-pipeline validate" tests="3" failures="2">');
    expect(xml).toContain(
      '<testcase classname="gitops-pipeline.validate" name="apps/svc.yaml" file="apps/svc.yaml"/>',
    );
    expect(xml).toContain(
      '<failure message="1 error: unknown field &quot;spec.replica&quot;" type="unknown-field">',
    );
    expect(xml).toContain("<system-out>apps/web.yaml:12:9: warning [latest-tag] uses :latest</system-out>");
    // Balanced elements: every opened testcase is closed.
    const opened = (xml.match(/<testcase [^>]*[^/]>/g) ?? []).length;
    expect((xml.match(/<\/testcase>/g) ?? []).length).toBe(opened);
  });
});

describe("GitHub", () => {
  it("escapes workflow command data and properties", () => {
    expect(workflowCommand(sample.findings[1])).toBe(
      "::error file=apps/bad.yaml,line=9,col=1,title=yaml-syntax::bad: a, b%0Ac",
    );
    expect(workflowCommand(finding({ file: "a,b:c.yaml", message: "100%" }))).toBe(
      "::error file=a%2Cb%3Ac.yaml,line=3,col=5,title=schema::Deployment/shop/web: 100%25",
    );
  });

  it("annotates 10 errors and 10 warnings and says in the summary that the rest is only there", () => {
    const many = report([
      ...Array.from({ length: 14 }, (_, i) => finding({ line: i + 1 })),
      ...Array.from({ length: 12 }, (_, i) =>
        finding({ severity: "warning", rule: "latest-tag", line: i + 1 }),
      ),
    ]);
    const { shown, hidden } = annotated(many.findings);
    expect(shown.filter((f) => f.severity === "error")).toHaveLength(10);
    expect(shown.filter((f) => f.severity === "warning")).toHaveLength(10);
    expect(hidden).toBe(6);
    const markdown = toMarkdown(many, { hiddenAnnotations: hidden });
    expect(markdown).toContain("6 more findings are listed only here");
    expect(markdown).toContain("| 2 | 4 | 14 | 12 | 0 |");
    expect(
      markdown.split("\n").filter((l) => l.startsWith("| error ") || l.startsWith("| warning ")),
    ).toHaveLength(26);
  });

  it("keeps table cells intact when messages contain pipes and newlines", () => {
    const markdown = toMarkdown(report([finding({ message: "a | b\nc" })]));
    expect(markdown).toContain("| a &#124; b c |");
  });
});

describe("text", () => {
  it("prints file:line:column, severity, rule and a summary line", () => {
    expect(formatReport(sample, "text").split("\n")).toEqual([
      'apps/web.yaml:3:5: error [unknown-field] Deployment/shop/web: unknown field "spec.replica"',
      "apps/bad.yaml:9:1: error [yaml-syntax] bad: a, b\nc".split("\n")[0],
      "c",
      "apps/web.yaml:12:9: warning [latest-tag] Deployment/shop/web: uses :latest",
      "2 files, 4 resources: 2 errors, 1 warning",
      "",
    ]);
  });
});

/** Names a hostile or unlucky repository can hold: URI delimiters, a drive-like prefix, XML-invalid characters. */
const awkward = [
  "apps/a#b.yaml",
  "apps/what?.yaml",
  "apps/100%.yaml",
  "c:/x.yaml",
  "c:x.yaml",
  "a b/ü€😀.yaml",
  "[x]/@:;=+$,'!()*&.yaml",
  "back\\slash.yaml",
  "../up/x.yaml",
];

describe("SARIF artifact URIs", () => {
  it("resolve, as relative references against the source root, to exactly the file's path", () => {
    const base = "https://code.example/src/root/";
    for (const file of awkward) {
      const uri = toSarif(report([finding({ file })])).runs[0].results[0].locations[0].physicalLocation
        .artifactLocation.uri;
      // A relative reference: no scheme, no authority, no query, no fragment.
      expect(uri, file).not.toMatch(/^[a-z][a-z0-9+.-]*:|^\/\/|[?#]/i);
      const resolved = new URL(uri, base);
      expect(decodeURIComponent(resolved.pathname), file).toBe(path.posix.normalize(`/src/root/${file}`));
      expect(resolved.search + resolved.hash, file).toBe("");
    }
  });

  it("never throws on a name that is not well-formed UTF-16", () => {
    const uri = toSarif(report([finding({ file: "a\uD800b.yaml" })])).runs[0].results[0].locations[0]
      .physicalLocation.artifactLocation.uri;
    expect(uri).toBe("a%EF%BF%BDb.yaml");
  });
});

/** Parses XML with a conforming, strict parser: throws on anything not well-formed (characters included). */
function parseXml(text: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const parser = new SaxesParser();
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: { text: string }[] = [];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: "" };
    elements.push(element);
    open.push(element);
  });
  parser.on("text", (t) => {
    const top = open[open.length - 1];
    if (top) top.text += t;
  });
  parser.on("closetag", () => {
    open.pop();
  });
  parser.write(text).close();
  return elements;
}

describe("JUnit XML", () => {
  it("is well-formed for any repository text, and keeps what XML can hold", () => {
    const hostile = "bad\u0000\u0001\uFFFE\uFFFF\uD800\uDC00ok\uDFFF\uDBFF <]]>&\"'\ttab\nline";
    const xml = formatReport(
      report(
        [
          finding({ file: `apps/${hostile}.yaml`, message: hostile }),
          finding({
            file: `apps/${hostile}.yaml`,
            severity: "warning",
            rule: "latest-tag",
            message: hostile,
          }),
        ],
        [`apps/${hostile}.yaml`],
      ),
      "junit",
    );
    const elements = parseXml(xml);
    const testcase = elements.find((e) => e.name === "testcase");
    // Invalid characters are gone; a valid surrogate pair, markup characters, tabs and newlines survive.
    const kept = "bad\uD800\uDC00ok <]]>&\"'\ttab\nline";
    expect(testcase?.attributes.name).toBe(`apps/${kept}.yaml`);
    expect(elements.find((e) => e.name === "failure")?.attributes.message).toBe(`1 error: ${kept}`);
    expect(elements.find((e) => e.name === "failure")?.text).toContain(`[schema] ${kept}`);
    expect(elements.find((e) => e.name === "system-out")?.text).toContain(`[latest-tag] ${kept}`);
  });
});

describe("job summary table", () => {
  it("keeps every finding in its own row of five cells, whatever names and messages hold", () => {
    const name =
      "web|x\n| injected | row |\n<img src=x onerror=alert(1)>[click](https://evil.example)![i](https://evil.example/p.png)`code`**b**";
    const markdown = toMarkdown(
      report([
        finding({
          file: "apps/a|b`c<d>.yaml",
          resource: { apiVersion: "v1", kind: "ConfigMap", name },
          message: `${name}\r\n## heading\n</table>https://evil.example`,
        }),
      ]),
    );
    const rows = markdown.split("\n").filter((l) => l.startsWith("| error "));
    expect(rows).toHaveLength(1);
    // Cells are split by the pipes Markdown sees: unescaped ones.
    expect(rows[0].split(/(?<!\\)\|/).slice(1, -1)).toHaveLength(5);
    expect(markdown).not.toMatch(/<img|<\/table>|\]\(|!\[|`code`|\*\*b|https:\/\/evil|\n## heading/);
    // Character references render as the characters themselves.
    const decoded = rows[0].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(decoded).toContain("apps/a|b`c<d>.yaml:3:5");
    expect(decoded).toContain("<img src=x onerror=alert(1)>[click](https://evil.example)");
  });
});

describe("text report", () => {
  it("shows control characters of repository text instead of sending them to the terminal", () => {
    const text = formatReport(
      report([finding({ file: "apps/\u001b[2Kx.yaml", message: "a\u001b]0;title\u0007b\u009bc" })]),
      "text",
    );
    expect(text).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(text).toContain(
      "apps/\\x1b[2Kx.yaml:3:5: error [schema] Deployment/shop/web: a\\x1b]0;title\\x07b\\x9bc",
    );
  });
});
