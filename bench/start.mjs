// How long each action bundle takes to start working, beside `node -e 0` and beside the published bundle of the
// action it competes with (its "anchor"), all in the same run on the same Node.
//
// "Start" is the time from spawning `node dist/<name>/index.js` the way the runner does to the action's first
// external effect on its smallest real job:
//   validate-manifests   the whole run on a workspace of one manifest (nothing to render, so no tool is needed);
//   update-manifest-tag  its first request reaching a local stand-in for the GitHub API;
//   promote-env          the same, proposing a promotion;
//   build-push           its first request reaching a local stand-in for the registry.
// The stand-ins answer 401, so each run then ends with an error; the end is reported too. Also timed: how long a
// step with a bad input (none of its required inputs, or fail-on: sometimes) takes to fail, which is everything an
// action loads before it has checked its inputs (the work itself is loaded after). Runs alternate between the floor and the bundles so load on the machine hits both
// alike. Options: --runs N (default 15).
//
// Anchors: each action is set beside the bundle users would otherwise run, started the same way until it fails its own
// input check: peter-evans/create-pull-request for update-manifest-tag and promote-env, docker/build-push-action for
// build-push and validate-manifests. Their published dist/ is read from a cache outside the repository,
// $GITOPS_BENCH_ANCHORS (default ~/.cache/gitops-pipeline/anchors), pinned by version and checked by SHA-256. Fill it
// once with the commands the bench prints when a pinned copy is missing. The target: ours ≤ 0.75× the anchor.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const NODE = process.execPath;
if (!process.version.startsWith("v24.")) {
  console.error(
    `warning: ${process.version}; the actions run on Node 24 (npm run uses the project's Node 24)`,
  );
}

const anchorCache =
  process.env.GITOPS_BENCH_ANCHORS || path.join(os.homedir(), ".cache", "gitops-pipeline", "anchors");
/** The anchors' published bundles, pinned by release and by the SHA-256 of their entry file. */
const anchors = {
  "create-pull-request": {
    repository: "peter-evans/create-pull-request",
    version: "v8.1.1",
    entry: "dist/index.js",
    sha256: "a5994e9d511f10da688da6199b7ca4161bbb33b05d0e13d268e4cb0c0874b79f",
  },
  "build-push-action": {
    repository: "docker/build-push-action",
    version: "v7.3.0",
    entry: "dist/index.cjs",
    sha256: "1158adb1afaf0412e07d5284de6206cb416ed9f073a753ca9890b99848e6e013",
  },
};
const anchorEntry = (name) => {
  const anchor = anchors[name];
  return path.join(anchorCache, `${name}@${anchor.version}`, anchor.entry);
};
{
  const missing = [];
  for (const [name, anchor] of Object.entries(anchors)) {
    const file = anchorEntry(name);
    const sum = existsSync(file) ? createHash("sha256").update(readFileSync(file)).digest("hex") : "";
    if (sum !== anchor.sha256)
      missing.push([name, anchor, sum ? "differs from the pinned release" : "is missing"]);
  }
  if (missing.length > 0) {
    console.error(`The anchors' published bundles are needed in ${anchorCache}:`);
    for (const [name, anchor, why] of missing) {
      const dir = path.join(anchorCache, `${name}@${anchor.version}`);
      console.error(`  ${path.join(dir, anchor.entry)} ${why}; fill it with`);
      console.error(`    rm -rf '${dir}' && git clone --depth 1 --branch ${anchor.version} \\`);
      console.error(`      https://github.com/${anchor.repository}.git '${dir}'`);
    }
    process.exit(1);
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), "bench-start-"));
const workspace = path.join(work, "workspace");
mkdirSync(workspace);
writeFileSync(
  path.join(workspace, "configmap.yaml"),
  "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LOG_LEVEL: info\n",
);
writeFileSync(path.join(workspace, "Dockerfile"), "FROM scratch\nCOPY configmap.yaml /\n");
writeFileSync(path.join(work, "event.json"), "{}");

/** A local server that notes when each request arrives and refuses it. */
let arrivals = [];
const server = createServer((request, response) => {
  arrivals.push(performance.now());
  request.resume();
  response.writeHead(401, { "content-type": "application/json" }).end('{"message":"Bad credentials"}');
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = `127.0.0.1:${server.address().port}`;

const runnerEnv = (inputs) => {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? work,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "push",
    GITHUB_EVENT_PATH: path.join(work, "event.json"),
    GITHUB_REF: "refs/heads/main",
    GITHUB_SHA: "5e1a7c0d9b8a7c6d5e4f3a2b1c0d9e8f7a6b5c4d",
    GITHUB_REPOSITORY: "acme/guestbook-config",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: `http://${address}/api/v3`,
    GITHUB_GRAPHQL_URL: `http://${address}/api/graphql`,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: path.join(work, "output"),
    GITHUB_STEP_SUMMARY: path.join(work, "summary"),
    RUNNER_TEMP: work,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
};

const cases = [
  {
    name: "validate-manifests",
    anchor: "build-push-action",
    until: "exit",
    inputs: { paths: ".", render: "auto", "fail-on": "error", annotations: "true" },
  },
  {
    name: "update-manifest-tag",
    anchor: "create-pull-request",
    until: "request",
    inputs: {
      token: "ghs_bench",
      images: "ghcr.io/acme/guestbook-frontend:sha-5e1a7c0",
      paths: "apps/guestbook/overlays/dev",
      mode: "commit",
      "request-timeout": "5",
    },
  },
  {
    name: "promote-env",
    anchor: "create-pull-request",
    until: "request",
    inputs: { token: "ghs_bench", to: "production", mode: "propose", "request-timeout": "5" },
  },
  {
    name: "build-push",
    anchor: "build-push-action",
    until: "request",
    inputs: {
      image: `${address}/acme/guestbook-frontend`,
      context: ".",
      push: "true",
      insecure: "true",
      "skip-existing": "true",
    },
  },
];

/** Spawns a command; resolves with the time to its first request (if it makes one) and to its exit, in ms. */
function timed(args, env) {
  arrivals = [];
  return new Promise((resolve, reject) => {
    writeFileSync(path.join(work, "output"), "");
    writeFileSync(path.join(work, "summary"), "");
    const started = performance.now();
    const child = spawn(NODE, args, { cwd: workspace, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        output,
        request: arrivals.length ? arrivals[0] - started : undefined,
        exit: performance.now() - started,
      }),
    );
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const floor = [];
const results = new Map(cases.map((c) => [c.name, { start: [], exit: [], bad: [], anchor: [] }]));
try {
  for (let run = 0; run < RUNS; run++) {
    floor.push((await timed(["-e", "0"], { PATH: process.env.PATH })).exit);
    for (const c of cases) {
      const result = await timed([path.join(root, "dist", c.name, "index.js")], runnerEnv(c.inputs));
      const start = c.until === "exit" ? result.exit : result.request;
      if (start === undefined || (c.until === "exit" && result.code !== 0)) {
        throw new Error(`${c.name} did not reach its first effect:\n${result.output}`);
      }
      results.get(c.name).start.push(start);
      results.get(c.name).exit.push(result.exit);
      const bad = await timed(
        [path.join(root, "dist", c.name, "index.js")],
        runnerEnv({ "fail-on": "sometimes" }),
      );
      if (bad.code === 0) throw new Error(`${c.name} accepted a step without its inputs:\n${bad.output}`);
      results.get(c.name).bad.push(bad.exit);
      // The anchor right after, with the same runner environment and no inputs: it fails its own input check.
      const theirs = await timed([anchorEntry(c.anchor)], runnerEnv({ "fail-on": "sometimes" }));
      if (theirs.code === 0)
        throw new Error(`${c.anchor} accepted a step without its inputs:\n${theirs.output}`);
      results.get(c.name).anchor.push(theirs.exit);
    }
  }
} finally {
  server.close();
  rmSync(work, { recursive: true, force: true });
}

const base = median(floor);
console.log(`${NODE} ${process.version}, ${RUNS} runs each, medians\n`);
const ratio = (values) => `${(median(values) / base).toFixed(2)}×`;
console.log("| | inputs checked (bad input fails) | vs `node -e 0` | first effect | vs `node -e 0` | exit |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
console.log(`| \`node -e 0\` | ${base.toFixed(0)} ms | 1.00× | | | |`);
for (const c of cases) {
  const { start, exit, bad } = results.get(c.name);
  console.log(
    `| ${c.name} | ${median(bad).toFixed(0)} ms | ${ratio(bad)} | ${median(start).toFixed(0)} ms | ${ratio(start)} | ${median(exit).toFixed(0)} ms |`,
  );
}

console.log("\nTo the input-check failure, beside the anchor (target: ours ≤ 0.75× the anchor)\n");
console.log("| action | ours | anchor | anchor's time | ours / anchor | |");
console.log("| --- | ---: | --- | ---: | ---: | --- |");
let over = false;
for (const c of cases) {
  const { bad, anchor } = results.get(c.name);
  const share = median(bad) / median(anchor);
  over ||= share > 0.75;
  console.log(
    `| ${c.name} | ${median(bad).toFixed(0)} ms | ${c.anchor}@${anchors[c.anchor].version} | ${median(anchor).toFixed(0)} ms | ${share.toFixed(2)}× | ${share <= 0.75 ? "ok" : "over target"} |`,
  );
}
if (over) process.exitCode = 1;
