// The build-push action against the floor it wraps: `buildah bud` + `buildah push` of the same tags, same context,
// same registry, in one run; the action with its SBOM and provenance (the default) and without; plus the
// skip-existing re-run. Needs Node >= 23.6 (type stripping) for the shared test
// starters: run it as `npm run bench:build-push` (npm puts Node 24 first). Options: --runs N (default 5), --mb N
// (context size, default 64).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import "./ts-loader.mjs";

const { runBundledAction } = await import("../test/support/action.ts");
const { startRegistry } = await import("../test/support/registry.ts");

const execFileAsync = promisify(execFile);
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = arg("runs", 5);
const MEGABYTES = arg("mb", 64);
const SHA = "9a8b7c6d5e4f30211203f4e5d6c7b8a9f0e1d2c3";

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const work = await mkdtemp(path.join(os.tmpdir(), "bench-build-push-"));
const context = path.join(work, "app");
await mkdir(path.join(context, "assets"), { recursive: true });
// Incompressible files, so pushing costs what a real layer costs.
const files = 32;
for (let i = 0; i < files; i++) {
  await writeFile(
    path.join(context, "assets", `part-${i}.bin`),
    randomBytes((MEGABYTES * 1024 * 1024) / files),
  );
}
await writeFile(path.join(context, "Dockerfile"), "FROM scratch\nCOPY assets/ /assets/\n");

const registry = await startRegistry();
const event = {
  name: "push",
  ref: "refs/heads/main",
  sha: SHA,
  payload: { head_commit: { timestamp: "2026-11-21T00:00:00Z" }, repository: { default_branch: "main" } },
};
const tags = [`sha-${SHA.slice(0, 7)}`, "main"];

// The raw side gets the same labels the action computes, so both build the same image and only orchestration differs.
let labels = [];

// A new commit changes the context; without this every run after the first would find its layer in the registry
// already (cross-repository mount) and the bench would measure the blob cache, not a build and push.
async function touchContext() {
  await writeFile(path.join(context, "assets", "part-0.bin"), randomBytes((MEGABYTES * 1024 * 1024) / files));
}

async function raw(repository) {
  await touchContext();
  const dir = await mkdtemp(path.join("/tmp", "bbr-"));
  const storage = [
    "--storage-driver",
    "vfs",
    "--root",
    path.join(dir, "s"),
    "--runroot",
    path.join(dir, "r"),
  ];
  const refs = tags.map((tag) => `${registry.host}/${repository}:${tag}`);
  const started = performance.now();
  await execFileAsync("buildah", [
    ...storage,
    "bud",
    "--isolation",
    "chroot",
    "--timestamp",
    String(Date.parse(event.payload.head_commit.timestamp) / 1000),
    ...labels.flatMap((label) => ["--label", label]),
    ...refs.flatMap((ref) => ["--tag", ref]),
    context,
  ]);
  for (const ref of refs) {
    await execFileAsync("buildah", [...storage, "push", "--tls-verify=false", ref, `docker://${ref}`]);
  }
  const elapsed = performance.now() - started;
  await rm(dir, { recursive: true, force: true });
  return elapsed;
}

/** The action with SBOM and provenance on (its default) or both off. */
async function action(repository, fresh = true, attest = true) {
  if (fresh) await touchContext();
  const off = attest ? {} : { sbom: "false", provenance: "false" };
  const run = await runBundledAction("build-push", {
    inputs: { image: `${registry.host}/${repository}`, context, builder: "buildah", ...off },
    event,
  });
  if (run.code !== 0) throw new Error(`action failed:\n${run.stdout}\n${run.stderr}`);
  // The action process alone: removing its RUNNER_TEMP afterwards is the runner's work, as raw's cleanup is untimed.
  return { elapsed: run.durationMs, run };
}

try {
  // One warm-up of each so page cache and binaries are loaded for both sides alike.
  const warm = await action("warm/action");
  labels = Object.entries(JSON.parse(warm.run.outputs.metadata).labels).map(
    ([key, value]) => `${key}=${value}`,
  );
  await raw("warm/raw");
  const rawTimes = [];
  const actionTimes = [];
  const plainTimes = [];
  const skipTimes = [];
  for (let i = 0; i < RUNS; i++) {
    // Rotate the order so no side always runs on a warmer machine; each run pushes to a new repository.
    const sides = [
      async () => rawTimes.push(await raw(`bench/raw-${i}`)),
      async () => actionTimes.push((await action(`bench/action-${i}`)).elapsed),
      async () => plainTimes.push((await action(`bench/plain-${i}`, true, false)).elapsed),
    ];
    for (let k = 0; k < sides.length; k++) await sides[(i + k) % sides.length]();
    const { elapsed, run } = await action(`bench/action-${i}`, false);
    if (run.outputs.skipped !== "true") throw new Error("re-run did not skip");
    skipTimes.push(elapsed);
  }
  const nodeFloor = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await execFileAsync("node", ["-e", ""]);
    nodeFloor.push(performance.now() - started);
  }
  const r = median(rawTimes);
  const a = median(actionTimes);
  const p = median(plainTimes);
  const s = median(skipTimes);
  console.log(
    `context: ${MEGABYTES} MiB in ${files} files, FROM scratch; tags: ${tags.join(", ")}; runs: ${RUNS}`,
  );
  const list = (values) => values.map((value) => value.toFixed(0)).join(", ");
  console.log(
    `samples (ms): raw [${list(rawTimes)}], action [${list(actionTimes)}], action without SBOM/provenance [${list(plainTimes)}], skip [${list(skipTimes)}]`,
  );
  console.log(`raw buildah bud + push ×${tags.length}: median ${r.toFixed(0)} ms`);
  console.log(`build-push, SBOM + provenance: median ${a.toFixed(0)} ms  → ${(a / r).toFixed(2)}× raw`);
  console.log(
    `build-push, both off:          median ${p.toFixed(0)} ms  → ${(p / r).toFixed(2)}× raw (goal ≤ 1.10×)`,
  );
  console.log(
    `skip-existing re-run:          median ${s.toFixed(0)} ms  (bare \`node -e ''\`: ${median(nodeFloor).toFixed(0)} ms)`,
  );
} finally {
  await registry.stop();
  await rm(work, { recursive: true, force: true });
}
