// Writes each action's inputs and outputs, read from actions/<name>/action.yml, into README.md between
// `<!-- action-table:<name> -->` and `<!-- /action-table:<name> -->`, and the CLI's commands and usage lines, read
// from the built CLI's --help, between `<!-- cli-usage -->` and `<!-- /cli-usage -->`. With --check it writes
// nothing and fails when the README differs from what the action.yml files and the CLI say, so neither can drift.
//
//   node scripts/readme-tables.mjs [--check] [--root DIR] [--cli FILE]
//     --root DIR   another checkout (default: this one)   --cli FILE   another CLI build (default: dist/cli/index.js)
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse } from "yaml";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** One line, with the pipes that would end the table cell escaped. */
function oneLine(text) {
  return String(text ?? "")
    .trim()
    .replace(/\s*\n\s*/g, " ")
    .replace(/\|/g, "\\|");
}

/** A table cell of prose: placeholders such as `<context>` would otherwise vanish as HTML tags. */
function cell(text) {
  return oneLine(text).replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function code(value) {
  const text = oneLine(value);
  return text === "" ? "" : `\`${text}\``;
}

export function renderTables(name, action) {
  const inputs = Object.entries(action.inputs ?? {});
  const outputs = Object.entries(action.outputs ?? {});
  const lines = [];
  lines.push(`#### \`${name}\` inputs`, "");
  if (inputs.length === 0) lines.push("This action has no inputs.");
  else {
    lines.push("| Input | Required | Default | Description |", "| --- | --- | --- | --- |");
    for (const [key, spec] of inputs) {
      const required = spec?.required === true || spec?.required === "true" ? "yes" : "no";
      const def = spec?.default === undefined ? "" : code(spec.default);
      lines.push(`| \`${key}\` | ${required} | ${def} | ${cell(spec?.description)} |`);
    }
  }
  lines.push("", `#### \`${name}\` outputs`, "");
  if (outputs.length === 0) lines.push("This action has no outputs.");
  else {
    lines.push("| Output | Description |", "| --- | --- |");
    for (const [key, spec] of outputs) lines.push(`| \`${key}\` | ${cell(spec?.description)} |`);
  }
  return lines.join("\n");
}

export function actionNames(dir) {
  return readdirSync(path.join(dir, "actions"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Breaks a usage line before options so it reads in the README without scrolling. */
function wrapUsage(line, width = 110) {
  // Words are split on spaces outside brackets, so `[--image REF...]` never breaks inside.
  const words = [];
  let depth = 0;
  let word = "";
  for (const char of line) {
    if (char === " " && depth === 0) {
      words.push(word);
      word = "";
      continue;
    }
    if (char === "[" || char === "(") depth += 1;
    if (char === "]" || char === ")") depth -= 1;
    word += char;
  }
  words.push(word);
  const indent = " ".repeat(`${words[0]} ${words[1]} `.length);
  const lines = [];
  let current = "";
  for (const word of words) {
    if (current !== "" && /^[[(-]/.test(word) && `${current} ${word}`.length > width) {
      lines.push(current);
      current = `${indent}${word}`;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  lines.push(current);
  return lines.join("\n");
}

/** The CLI's commands and usage lines, as the built CLI itself prints them. */
export function renderCli(cli = path.join(here, "dist/cli/index.js")) {
  const help = (args) => execFileSync(process.execPath, [cli, ...args], { encoding: "utf8" });
  const commands = [...help(["--help"]).matchAll(/^ {2}(\S+)\s{2,}(.+)$/gm)].map(([, name, summary]) => ({
    name,
    summary,
    // The usage line(s) only, up to the first blank line; option lists stay in `--help`.
    usage: help([name, "--help"])
      .split(/\n\s*\n/)[0]
      .replace(/^usage:\s*/, "")
      .replace(/\s+/g, " ")
      .trim(),
  }));
  return [
    "| Command | What it does |",
    "| --- | --- |",
    ...commands.map((c) => `| \`${c.name}\` | ${cell(c.summary)} |`),
    "",
    "```",
    ...commands.map((c) => wrapUsage(c.usage)),
    "```",
  ].join("\n");
}

function replaceBlock(text, name, body, problems, what) {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start === -1 || end === -1 || end < start) {
    problems.push(`README.md has no ${open} … ${close} block for ${what}; add the two markers`);
    return text;
  }
  return `${text.slice(0, start + open.length)}\n${body}\n${text.slice(end)}`;
}

/** Returns the README with every generated block regenerated, plus the problems found (missing markers). */
export function updateReadme(readme, dir, cli) {
  const problems = [];
  let text = readme;
  for (const name of actionNames(dir)) {
    const action = parse(readFileSync(path.join(dir, "actions", name, "action.yml"), "utf8")) ?? {};
    const body = renderTables(name, action);
    text = replaceBlock(text, `action-table:${name}`, body, problems, `actions/${name}/action.yml`);
  }
  return { text: replaceBlock(text, "cli-usage", renderCli(cli), problems, "the CLI"), problems };
}

function main(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { check: { type: "boolean" }, root: { type: "string" }, cli: { type: "string" } },
  });
  const check = values.check === true;
  const root = path.resolve(values.root ?? here);
  const file = path.join(root, "README.md");
  const before = readFileSync(file, "utf8");
  const { text, problems } = updateReadme(before, root, values.cli && path.resolve(values.cli));
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) return 1;
  if (text === before) {
    if (!check) console.log("README.md generated sections are current");
    return 0;
  }
  if (check) {
    const block = (t, name) => t.slice(t.indexOf(`<!-- ${name} -->`), t.indexOf(`<!-- /${name} -->`));
    const changed = [...actionNames(root).map((name) => `action-table:${name}`), "cli-usage"].filter(
      (name) => block(before, name) !== block(text, name),
    );
    console.error(
      `README.md differs from what actions/*/action.yml and the CLI say (${changed.join(", ")}); run \`node scripts/readme-tables.mjs\``,
    );
    return 1;
  }
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  console.log("README.md generated sections updated");
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
