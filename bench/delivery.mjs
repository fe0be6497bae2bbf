// Requests and bytes per update-manifest-tag run through the GitHub API, on config repositories of 100 and
// 10,000 files, beside the bytes of a `git clone --depth 1` of the same repository (the floor of any clone-based
// updater), all against the GitHub API test server and its git smart HTTP in one run. Needs Node >= 23.6 (type
// stripping) for the shared test starters: run it as `node scripts/build.mjs update-manifest-tag && npm run
// bench:delivery` (npm puts Node 24 first).
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, request } from "node:http";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import "./ts-loader.mjs";

const { runBundledAction } = await import("../test/support/action.ts");
const { startGitHubServer } = await import("../test/support/github/index.ts");

const execFileAsync = promisify(execFile);

/** `services` services of 5 files each (base deployment + kustomization, three overlays), plus the config file. */
function configRepo(services) {
  const files = {
    "gitops-pipeline.yaml":
      "environments:\n  dev: { paths: [apps/*/overlays/dev], mode: commit }\n" +
      "  staging: { paths: [apps/*/overlays/staging], mode: pull-request }\n",
  };
  for (let i = 0; i < services; i++) {
    const name = `svc-${String(i).padStart(4, "0")}`;
    files[`apps/${name}/base/deployment.yaml`] =
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n` +
      `      containers:\n        - name: ${name}\n          image: ghcr.io/acme/${name}:1.0.0\n`;
    files[`apps/${name}/base/kustomization.yaml`] = "resources:\n  - deployment.yaml\n";
    for (const env of ["dev", "staging", "production"]) {
      files[`apps/${name}/overlays/${env}/kustomization.yaml`] =
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\n` +
        `images:\n  - name: ghcr.io/acme/${name}\n    newTag: "1.0.0" # set by CI\n`;
    }
  }
  return files;
}

/** A pass-through proxy in front of the git server that counts every byte both ways. */
async function countingProxy(target) {
  const { hostname, port } = new URL(target);
  let bytes = 0;
  const server = createServer((req, res) => {
    bytes += Buffer.byteLength(`${req.method} ${req.url} HTTP/1.1\r\n`);
    for (let i = 0; i < req.rawHeaders.length; i += 2)
      bytes += Buffer.byteLength(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`);
    const upstream = request(
      { hostname, port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        bytes += Buffer.byteLength(`HTTP/1.1 ${answer.statusCode}\r\n`);
        for (let i = 0; i < answer.rawHeaders.length; i += 2) {
          bytes += Buffer.byteLength(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}\r\n`);
        }
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.on("data", (chunk) => {
          bytes += chunk.length;
          res.write(chunk);
        });
        answer.on("end", () => res.end());
      },
    );
    req.on("data", (chunk) => {
      bytes += chunk.length;
      upstream.write(chunk);
    });
    req.on("end", () => upstream.end());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    take() {
      const value = bytes;
      bytes = 0;
      return value;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const server = await startGitHubServer();
const proxy = await countingProxy(server.webUrl);
const scratch = await mkdtemp(path.join(os.tmpdir(), "bench-delivery-"));
const rows = [];
try {
  for (const services of [20, 2000]) {
    const name = `config-${services}`;
    const files = configRepo(services);
    await server.addRepository("acme", name, { files });
    const fileCount = Object.keys(files).length;
    const target = `svc-${String(7).padStart(4, "0")}`;
    const cases = [
      ["commit, one service's overlay", { paths: `apps/${target}/overlays/dev`, mode: "commit" }, "1.1.0"],
      [
        "pull request, one service's overlay",
        { paths: `apps/${target}/overlays/staging`, mode: "pull-request" },
        "1.1.0",
      ],
      ["commit, environment glob (all services)", { environment: "dev" }, "1.2.0"],
    ];
    for (const [label, inputs, tag] of cases) {
      server.resetCounters();
      const run = await runBundledAction("update-manifest-tag", {
        inputs: { token: server.token, images: `ghcr.io/acme/${target}:${tag}`, ...inputs },
        env: {
          GITHUB_API_URL: server.url,
          GITHUB_GRAPHQL_URL: server.graphqlUrl,
          GITHUB_SERVER_URL: server.webUrl,
          GITHUB_REPOSITORY: `acme/${name}`,
        },
      });
      if (run.code !== 0) throw new Error(`${label} failed:\n${run.stdout}\n${run.stderr}`);
      rows.push({
        repo: `${fileCount} files`,
        case: label,
        operation: run.outputs.operation,
        requests: server.count(),
        kb: (server.bytes().total / 1024).toFixed(1),
      });
    }
    proxy.take();
    const dir = path.join(scratch, name);
    await execFileAsync("git", ["clone", "--quiet", "--depth", "1", `${proxy.url}/acme/${name}.git`, dir]);
    rows.push({
      repo: `${fileCount} files`,
      case: "git clone --depth 1 (floor of clone-based tools)",
      operation: "-",
      requests: "-",
      kb: (proxy.take() / 1024).toFixed(1),
    });
  }
  if (server.violations.length > 0)
    throw new Error(`test server violations: ${JSON.stringify(server.violations)}`);
} finally {
  await proxy.close();
  await server.close();
  await rm(scratch, { recursive: true, force: true });
}

// Each update beside the shallow clone of the same repository: the share of its bytes the update moved.
const cloneOf = new Map(rows.filter((row) => row.requests === "-").map((row) => [row.repo, Number(row.kb)]));
console.log(
  "| Repository | Case | Operation | Requests | KB (request + response, headers included) | vs clone |",
);
console.log("| --- | --- | --- | ---: | ---: | ---: |");
for (const row of rows) {
  const ratio = row.requests === "-" ? "1" : (Number(row.kb) / cloneOf.get(row.repo)).toFixed(3);
  console.log(`| ${row.repo} | ${row.case} | ${row.operation} | ${row.requests} | ${row.kb} | ${ratio} |`);
}
