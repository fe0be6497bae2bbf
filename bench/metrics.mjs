// `gitops-pipeline metrics` over a generated 10,000-commit config repository (20 apps × dev/staging/production,
// bumps with Source-Commit trailers, promotions, rollbacks, merges of promotion branches), side by side in the same
// run with its floor: `git log --first-parent --name-only` of the same history, which lists what every commit
// changed and nothing more. Reports the median of a few runs of each and the ratio.
//
//   node scripts/build.mjs cli && npm run bench:metrics
//   (env: BENCH_COMMITS=10000, BENCH_APPS=20, BENCH_RUNS=5)
import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "dist", "cli", "index.js");
const COMMITS = Number(process.env.BENCH_COMMITS ?? 10000);
const APPS = Number(process.env.BENCH_APPS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ENVS = ["dev", "staging", "production"];
const START = Date.UTC(2025, 0, 1) / 1000;

const overlay = (app, env, tag) => `# ${env} overlay for ${app}
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: ${app}-${env}
resources:
  - ../../base
images:
  - name: ghcr.io/acme/${app}
    newTag: "${tag}"   # written by CI
  - name: docker.io/library/redis
    newTag: "7.2"
`;

/** A `git fast-import` stream: one commit per step, each changing one overlay (or a README now and then). */
function history() {
  const out = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const tags = new Map();
  const previous = new Map();
  let time = START;
  let mark = 0;
  const commit = (message, files, merge) => {
    time += 1800 + (mark % 7) * 600;
    mark++;
    out.push(`commit refs/heads/${merge ? "main" : "main"}\nmark :${mark}\n`);
    out.push(`committer Bench <bench@example.com> ${time} +0000\n${data(message)}`);
    if (mark > 1) out.push(`from :${mark - 1}\n`);
    for (const [path, text] of Object.entries(files)) out.push(`M 100644 inline ${path}\n${data(text)}`);
    out.push("\n");
  };
  const initial = { "gitops-pipeline.yaml": config(), "README.md": "config\n" };
  for (let a = 0; a < APPS; a++) {
    const app = `app-${String(a).padStart(2, "0")}`;
    initial[`apps/${app}/base/kustomization.yaml`] = "resources: []\n";
    for (const env of ENVS) {
      initial[`apps/${app}/overlays/${env}/kustomization.yaml`] = overlay(app, env, "1.0.0");
      tags.set(`${app}/${env}`, "1.0.0");
    }
  }
  commit("environments", initial);
  let version = 1;
  for (let i = 1; i < COMMITS; i++) {
    const app = `app-${String(i % APPS).padStart(2, "0")}`;
    const step = Math.floor(i / APPS) % 5;
    const key = (env) => `${app}/${env}`;
    const write = (env, tag, message) => {
      previous.set(key(env), tags.get(key(env)));
      tags.set(key(env), tag);
      commit(message, { [`apps/${app}/overlays/${env}/kustomization.yaml`]: overlay(app, env, tag) });
    };
    if (i % 97 === 0) commit(`docs ${i}`, { "README.md": `config ${i}\n` });
    else if (step === 0 || step === 3) {
      const tag = `1.${version++}.0`;
      const sha = (i * 2654435761).toString(16).padStart(40, "0").slice(-40);
      const when = new Date((time - 3600) * 1000).toISOString().replace(".000Z", "Z");
      write(
        "dev",
        tag,
        `${app} ${tag} to dev\n\nSource-Commit: acme/${app}@${sha}\nSource-Commit-Time: ${when}`,
      );
    } else if (step === 1) write("staging", tags.get(key("dev")), `promote ${app} to staging`);
    else if (step === 2) write("production", tags.get(key("staging")), `promote ${app} to production`);
    else if (i % 3 === 0) write("production", previous.get(key("production")) ?? "1.0.0", `roll back ${app}`);
    else commit(`docs ${i}`, { "README.md": `config ${i}\n` });
  }
  return out.join("");
}

function config() {
  return `environments:
  dev:
    paths: [apps/*/overlays/dev]
    mode: commit
  staging:
    paths: [apps/*/overlays/staging]
  production:
    paths: [apps/*/overlays/production]
`;
}

async function fastImport(dir, stream) {
  await new Promise((resolve, reject) => {
    const child = spawn("git", ["fast-import", "--quiet"], {
      cwd: dir,
      stdio: ["pipe", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`))));
    child.stdin.end(stream);
  });
  await run("git", ["checkout", "-q", "-f", "main"], { cwd: dir });
}

/** Wall time, and CPU time (user + system, children included) as GNU time reports it: the machine may be busy. */
async function timed(file, args, cwd) {
  const start = process.hrtime.bigint();
  const result = await run("/usr/bin/time", ["-f", "%U %S", file, ...args], { cwd, maxBuffer: 1024 ** 3 });
  const [user, system] = result.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return {
    ms: Number(process.hrtime.bigint() - start) / 1e6,
    cpuMs: (user + system) * 1000,
    stdout: result.stdout,
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = await mkdtemp(join(tmpdir(), "bench-metrics-"));
try {
  await run("git", ["init", "-q", "-b", "main"], { cwd: dir });
  await fastImport(dir, history());
  const count = (
    await run("git", ["rev-list", "--count", "--first-parent", "HEAD"], { cwd: dir })
  ).stdout.trim();
  await writeFile(join(dir, ".git", "info", "exclude"), "");
  const window = ["--since", "2025-01-01", "--until", "2026-01-01"];
  const ours = [];
  const floor = [];
  const oursCpu = [];
  const floorCpu = [];
  let report;
  for (let i = 0; i < RUNS; i++) {
    const metrics = await timed("node", [CLI, "metrics", "--repo", dir, ...window, "--json"], dir);
    ours.push(metrics.ms);
    oursCpu.push(metrics.cpuMs);
    report = JSON.parse(metrics.stdout);
    const log = await timed("git", ["log", "--first-parent", "--name-only", "HEAD"], dir);
    floor.push(log.ms);
    floorCpu.push(log.cpuMs);
  }
  const production = report.environments.find((env) => env.name === "production");
  console.log(`history: ${count} first-parent commits, ${APPS} apps × ${ENVS.length} environments`);
  console.log(
    `production: ${production.deployments} deployments, lead time median ${production.leadTimeHours.median} h ` +
      `(${production.leadTimeHours.samples} samples), ${production.failedDeployments} failed`,
  );
  const line = (name, wall, cpu) =>
    console.log(
      `${name.padEnd(36)} wall ${median(wall).toFixed(0)} ms, cpu ${median(cpu).toFixed(0)} ms (median of ${RUNS})`,
    );
  line("gitops-pipeline metrics", ours, oursCpu);
  line("git log --first-parent --name-only", floor, floorCpu);
  console.log(
    `ratio: wall ${(median(ours) / median(floor)).toFixed(1)}×, cpu ${(median(oursCpu) / median(floorCpu)).toFixed(1)}× the floor`,
  );
} finally {
  if (process.env.BENCH_KEEP) console.log(dir);
  else await rm(dir, { recursive: true, force: true });
}
