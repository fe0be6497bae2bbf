// The real-world corpus (test/fixtures/real-world): update-tag over every recorded image reference, and validate
// over every repository, with the shipped CLI bundle.
//
//   node scripts/build.mjs cli && node bench/real-world.mjs        (Node >= 20; --runs N for the CPU figures)
//
// update-tag: for each (file, image) of the corpus, a fresh copy of the repository, `update-tag --path FILE --image
// NAME:NEWTAG[@NEWDIGEST]`, then the copy is compared with the original: a reference counts as found when its line
// changed, and as a byte-exact edit when the whole repository equals the original with exactly the recorded tag
// and digest bytes replaced. validate: `validate .` as a new user runs it, findings by rule against the expected
// file (every error there is a planted defect), and CPU time against the floor of parsing the same files with
// js-yaml.
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpus = path.join(root, "test/fixtures/real-world");
const cli = process.env.GITOPS_PIPELINE_CLI || path.join(root, "dist/cli/index.js");
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const node = process.execPath;

const checkouts = mkdtempSync(path.join(tmpdir(), "real-world-corpus-"));
process.on("exit", () => rmSync(checkouts, { recursive: true, force: true }));
const repos = readdirSync(corpus)
  .filter((n) => n.endsWith(".expected.json"))
  .map((n) => {
    const name = n.replace(/\.expected\.json$/, "");
    // Each repository is copied out of this project's work tree, so it is the root of its own checkout, as a
    // user's repository is (inside ours, git would make our root the repository's).
    const dir = path.join(checkouts, name);
    cpSync(path.join(corpus, name), dir, { recursive: true });
    return { name, dir, ...JSON.parse(readFileSync(path.join(corpus, n), "utf8")) };
  });

function allFiles(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full, base) : [path.relative(base, full)];
  });
}

/** Where a reference lives, for the coverage table. */
function placeOf(repo, ref) {
  const text = readFileSync(path.join(repo.dir, ref.file), "utf8");
  const line = text.split("\n")[ref.line - 1];
  if (/sonnet$/.test(ref.file)) return "jsonnet";
  if (/(^|\/)kustomization\.ya?ml$/.test(ref.file)) return "kustomize images:";
  if (/kind:\s*HelmRelease/.test(text) && !/^\s*(-\s*)?image:/.test(line)) return "HelmRelease spec.values";
  if (/kind:\s*Application(Set)?\b/.test(text)) return "Argo CD Application";
  if (/^\s*(-\s*)?image:/.test(line)) return "image: field";
  return "Helm values file";
}

const newTag = (tag) => `${tag}-next`;
const newDigest = `sha256:${"0123456789abcdef".repeat(4)}`;

/** The repository as update-tag should leave it: only the recorded tag and digest bytes replaced. */
function expectedEdit(repo, refs) {
  const file = refs[0].file;
  const lines = readFileSync(path.join(repo.dir, file), "utf8").split("\n");
  for (const ref of refs) {
    if (ref.tag) lines[ref.line - 1] = lines[ref.line - 1].replace(ref.tag, newTag(ref.tag));
    if (ref.digest) {
      const at = (ref.digestLine ?? ref.line) - 1;
      lines[at] = lines[at].replace(ref.digest, newDigest);
    }
  }
  return lines.join("\n");
}

async function bumpGroup(repo, refs) {
  const work = mkdtempSync(path.join(tmpdir(), "real-world-bench-"));
  try {
    cpSync(repo.dir, work, { recursive: true });
    const first = refs[0];
    const reference = `${first.image}${first.tag ? `:${newTag(first.tag)}` : ""}${first.digest ? `@${newDigest}` : ""}`;
    let ok = true;
    let output = "";
    try {
      const result = await run(node, [
        cli,
        "update-tag",
        "--repo",
        work,
        "--path",
        first.file,
        "--image",
        reference,
      ]);
      output = result.stdout;
    } catch (error) {
      ok = false;
      output = `${error.stdout ?? ""}${error.stderr ?? ""}`;
    }
    const before = readFileSync(path.join(repo.dir, first.file), "utf8").split("\n");
    const after = readFileSync(path.join(work, first.file), "utf8");
    const afterLines = after.split("\n");
    const others = allFiles(repo.dir).filter(
      (f) =>
        f !== first.file &&
        readFileSync(path.join(repo.dir, f), "utf8") !== readFileSync(path.join(work, f), "utf8"),
    );
    const exact = after === expectedEdit(repo, refs) && others.length === 0;
    return refs.map((ref) => {
      const changed = before[ref.line - 1] !== afterLines[ref.line - 1];
      return { ref, ok, found: changed, exact: changed && exact, output: output.trim().split("\n")[0] };
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

// ---- update-tag ------------------------------------------------------------------------------------------------
const groups = [];
for (const repo of repos) {
  const byKey = new Map();
  for (const ref of repo.images) {
    const key = `${ref.file}\0${ref.image}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key).push(ref);
  }
  for (const refs of byKey.values()) groups.push({ repo, refs });
}
const results = (await mapLimit(groups, 2, (g) => bumpGroup(g.repo, g.refs))).flat();
const byPlace = new Map();
for (const r of results) {
  const repo = repos.find((x) => x.images.includes(r.ref));
  const place = placeOf(repo, r.ref);
  const row = byPlace.get(place) ?? { present: 0, found: 0, exact: 0 };
  row.present++;
  if (r.found) row.found++;
  if (r.exact) row.exact++;
  byPlace.set(place, row);
}
const found = results.filter((r) => r.found).length;
const exact = results.filter((r) => r.exact).length;
console.log(`update-tag over the corpus (${path.relative(root, cli)}), one run per file and image:`);
console.log(`  refs found / refs present   ${found} / ${results.length}`);
console.log(`  byte-exact edits            ${exact} / ${found} of the found ones`);
for (const [place, row] of [...byPlace].sort((a, b) => b[1].present - a[1].present)) {
  console.log(
    `    ${place.padEnd(26)} ${String(row.found).padStart(3)} / ${String(row.present).padEnd(3)} found, ${row.exact} exact`,
  );
}
for (const repo of repos) {
  const mine = results.filter((r) => repo.images.includes(r.ref));
  console.log(
    `    ${repo.name.padEnd(26)} ${String(mine.filter((r) => r.found).length).padStart(3)} / ${mine.length}`,
  );
}
for (const r of results.filter((x) => !x.found))
  console.log(`  not found: ${r.ref.file}:${r.ref.line} ${r.ref.image} — ${r.output.slice(0, 160)}`);
const notExact = results.filter((r) => r.found && !r.exact);
for (const r of notExact) console.log(`  not byte-exact: ${r.ref.file}:${r.ref.line} ${r.ref.image}`);

// ---- validate --------------------------------------------------------------------------------------------------
console.log("validate . (render auto, no configuration):");
let falseErrors = 0;
let missed = 0;
for (const repo of repos) {
  const json = JSON.parse(
    execFileSync(node, [cli, "validate", ".", "--format", "json", "--fail-on", "never"], {
      cwd: repo.dir,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    }),
  );
  const planted = new Set(
    repo.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.file}:${f.line}`),
  );
  const errors = json.findings.filter((f) => f.severity === "error");
  const unexpected = errors.filter((f) => !planted.has(`${f.rule} ${f.file}:${f.line}`));
  falseErrors += unexpected.length;
  missed += [...planted].filter((p) => !errors.some((f) => `${f.rule} ${f.file}:${f.line}` === p)).length;
  const count = (severity) => {
    const by = new Map();
    for (const f of json.findings.filter((x) => x.severity === severity))
      by.set(f.rule, (by.get(f.rule) ?? 0) + 1);
    return [...by].map(([rule, n]) => `${rule} ${n}`).join(", ") || "none";
  };
  console.log(
    `  ${repo.name.padEnd(20)} ${json.summary.resources} resources; errors ${errors.length} (planted ${planted.size}): ${count("error")}`,
  );
  console.log(`  ${"".padEnd(20)} warnings ${json.summary.warnings}: ${count("warning")}`);
  for (const f of unexpected) console.log(`    unexpected error: ${f.rule} ${f.file}:${f.line} ${f.message}`);
}
console.log(`  errors that are not planted defects: ${falseErrors}; planted defects missed: ${missed}`);

// ---- CPU -------------------------------------------------------------------------------------------------------
const measure = `
import resource, subprocess, sys
subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=sys.argv[1])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{usage.ru_utime + usage.ru_stime:.3f}")
`;
const cpu = (cwd, argv) =>
  Number(execFileSync("python3", ["-c", measure, cwd, ...argv], { encoding: "utf8" }).trim());
const best = (cwd, argv) => Math.min(...Array.from({ length: Number(values.runs) }, () => cpu(cwd, argv)));
const floorScript = `
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { loadAll } from ${JSON.stringify(path.join(root, "node_modules/js-yaml/dist/js-yaml.mjs"))};
const walk = (d) => { for (const e of readdirSync(d)) { const p = path.join(d, e);
  if (statSync(p).isDirectory()) walk(p); else if (/\\.ya?ml$/.test(e)) { try { loadAll(readFileSync(p, "utf8")); } catch {} } } };
walk(".");
`;
let floor = 0;
let never = 0;
let auto = 0;
for (const repo of repos) {
  floor += best(repo.dir, [node, "--input-type=module", "-e", floorScript]);
  never += best(repo.dir, [
    node,
    cli,
    "validate",
    ".",
    "--render",
    "never",
    "--format",
    "json",
    "--fail-on",
    "never",
  ]);
  auto += best(repo.dir, [node, cli, "validate", ".", "--format", "json", "--fail-on", "never"]);
}
console.log(`CPU-seconds over the four repositories (best of ${values.runs} each, process start to exit):`);
console.log(`  js-yaml loadAll of every YAML file (floor)   ${floor.toFixed(2)} s`);
console.log(
  `  validate --render never                      ${never.toFixed(2)} s   ${(never / floor).toFixed(2)}x floor`,
);
console.log(
  `  validate (kustomize builds included)         ${auto.toFixed(2)} s   ${(auto / floor).toFixed(2)}x floor`,
);
