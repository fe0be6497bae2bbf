// Checks every action.yml and workflow file against GitHub's schemas with @action-validator (the engine behind
// `npx action-validator`): actions/*/action.yml, .github/workflows/*.yml and examples/workflows/*.yml, or the
// files given as arguments. Exit 1 when any file has an error.
//
// action-validator 0.6 (the newest release) predates the node24 runtime and rejects `runs.using: node24`. This
// script requires node24 itself and lets the schema check every other field, reading that one value as node20.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateAction, validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNTIME = "node24";

function listYaml(dir) {
  try {
    return readdirSync(path.join(root, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}

export function defaultFiles() {
  const actions = readdirSync(path.join(root, "actions"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join("actions", entry.name, "action.yml"));
  return [...actions.sort(), ...listYaml(".github/workflows"), ...listYaml("examples/workflows")];
}

function describe(error, prefix = "") {
  const where = error.path ?? (error.location ? `line ${error.location.line}:${error.location.column}` : "");
  const lines = [
    `${prefix}${where ? `${where}: ` : ""}${error.title}${error.detail ? ` (${error.detail})` : ""}`,
  ];
  for (const state of error.states ?? []) {
    for (const inner of state.errors ?? []) lines.push(...describe(inner, `${prefix}  `));
  }
  return lines;
}

/** Returns the problems in one file, each a printable line; empty when the file is valid. */
export function validateFile(file) {
  const text = readFileSync(path.resolve(root, file), "utf8");
  const isAction = /^action\.ya?ml$/.test(path.basename(file));
  // The schema also predates the `attestations` permission (artifact attestations); the other scopes are checked.
  if (!isAction) {
    const knownScopes = text.replace(/^(\s+)(attestations:\s*(?:read|write|none)\s*(?:#.*)?)$/gm, "$1# $2");
    return validateWorkflow(knownScopes).errors.flatMap((error) => describe(error));
  }
  const problems = [];
  let using;
  try {
    using = parse(text)?.runs?.using;
  } catch (error) {
    return [`not valid YAML: ${error.message}`];
  }
  if (using !== RUNTIME)
    problems.push(`/runs/using: is ${JSON.stringify(using)}, every action here uses ${RUNTIME}`);
  const asKnownRuntime = text.replace(/^(\s+using:\s*["']?)node24(["']?\s*(#.*)?)$/m, "$1node20$2");
  problems.push(...validateAction(asKnownRuntime).errors.flatMap((error) => describe(error)));
  return problems;
}

function main(argv) {
  const files = argv.length > 0 ? argv : defaultFiles();
  let failed = 0;
  for (const file of files) {
    const problems = validateFile(file);
    if (problems.length === 0) continue;
    failed += 1;
    console.error(`${file}:`);
    for (const problem of problems) console.error(`  ${problem}`);
  }
  if (failed > 0) {
    console.error(`${failed} of ${files.length} action and workflow files are invalid`);
    return 1;
  }
  console.log(`${files.length} action and workflow files are valid`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
