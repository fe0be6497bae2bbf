// How long each action bundle takes to start working, beside `node -e 0` in the same run.
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
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
const NODE = process.execPath;

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
    until: "exit",
    inputs: { paths: ".", render: "auto", "fail-on": "error", annotations: "true" },
  },
  {
    name: "update-manifest-tag",
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
    until: "request",
    inputs: { token: "ghs_bench", to: "production", mode: "propose", "request-timeout": "5" },
  },
  {
    name: "build-push",
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
const results = new Map(cases.map((c) => [c.name, { start: [], exit: [], bad: [] }]));
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
