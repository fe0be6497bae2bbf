// Fails when dist/ differs from a fresh build or when the action.yml files disagree on their runtime.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let failed = false;

const runtimes = new Map();
for (const name of readdirSync(path.join(root, "actions"))) {
  const file = path.join(root, "actions", name, "action.yml");
  const action = parse(readFileSync(file, "utf8"));
  runtimes.set(name, action?.runs?.using);
  if (action?.runs?.using !== "node24") {
    console.error(
      `actions/${name}/action.yml: runs.using is ${JSON.stringify(action?.runs?.using)}, expected "node24"`,
    );
    failed = true;
  }
  if (action?.runs?.main !== `../../dist/${name}/index.js`) {
    console.error(`actions/${name}/action.yml: runs.main must be ../../dist/${name}/index.js`);
    failed = true;
  }
}

execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], { cwd: root, stdio: "inherit" });
const status = execFileSync("git", ["status", "--porcelain", "--", "dist"], { cwd: root, encoding: "utf8" });
if (status.trim() !== "") {
  console.error(`dist/ differs from a fresh build; run \`npm run build\` and commit dist/:\n${status}`);
  execFileSync("git", ["--no-pager", "diff", "--stat", "--", "dist"], { cwd: root, stdio: "inherit" });
  failed = true;
}
if (failed) process.exit(1);
console.log(`dist/ is current; ${runtimes.size} actions use node24`);
