// Bump one image across a generated 5,000-file config repository with `gitops-pipeline update-tag`, side by
// side with the parse-and-reserialise round trips other tools use, on the same files in the same run:
// the `yaml` package (parseDocument + toString), js-yaml (load + dump) and Debian's python `yq -y`.
// Reports wall time, the ratio to update-tag, and how many files and bytes each approach changed.
// Then one large file: a single mapping of 1, 2 and 10 MB (110,000 keys at 10 MB) with an image at its end, bumped
// by update-tag, next to parsing it with the `yaml` package's defaults (its duplicate-key check compares each key with
// every earlier one, so it is only run up to BENCH_BIG_PEER_MB).
//
//   node scripts/build.mjs cli && npm run bench:update-tag
//   (env: BENCH_FILES, BENCH_YQ_SAMPLE, BENCH_BIG_MB=1,2,10, BENCH_BIG_PEER_MB=2)
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { dump, loadAll } from "js-yaml";
import { parseAllDocuments, parseDocument, visit } from "yaml";

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "dist", "cli", "index.js");
const FILES = Number(process.env.BENCH_FILES ?? 5000);
const YQ_SAMPLE = Number(process.env.BENCH_YQ_SAMPLE ?? 250);
const TARGET = "ghcr.io/acme/app-0042";
const OLD = "1.4.2";
const NEW = "1.5.0";
const BIG_MB = (process.env.BENCH_BIG_MB ?? "1,2,10").split(",").map(Number);
const BIG_PEER_MB = Number(process.env.BENCH_BIG_PEER_MB ?? 2);

function app(i) {
  const name = `app-${String(i).padStart(4, "0")}`;
  const image = `ghcr.io/acme/${name}`;
  const overlay = (env, tag, extra = "") => `# ${env} overlay for ${name}
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization

namespace: ${name}-${env}
resources:
  - ../../base
${extra}
images:
  - name: ${image}
    newTag: ${tag}   # written by CI
  - name: docker.io/library/redis
    newTag: "7.2"
`;
  return {
    [`apps/${name}/base/kustomization.yaml`]: `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
  - service.yaml
labels:
  - pairs: {app.kubernetes.io/name: ${name}}
`,
    [`apps/${name}/base/deployment.yaml`]: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  annotations:
    owner: team-${i % 17}   # paging rotation
spec:
  replicas: 2
  selector:
    matchLabels: &labels
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels: *labels
    spec:
      initContainers:
        - name: migrate
          image: "${image}:${OLD}"
          args: ["migrate", "--timeout=30s"]
      containers:
        - name: ${name}
          image: ${image}:${OLD}
          ports: [{containerPort: 8080, name: http}]
          env:
            - name: FEATURE_FLAGS
              value: 'on'
          resources:
            limits: {cpu: 500m, memory: 256Mi}
`,
    [`apps/${name}/base/service.yaml`]: `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  ports:
    - port: 80
      targetPort: http

---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
`,
    [`apps/${name}/overlays/dev/kustomization.yaml`]: overlay("dev", OLD),
    [`apps/${name}/overlays/staging/kustomization.yaml`]: overlay(
      "staging",
      OLD,
      "patches:\n  - path: replicas.yaml\n",
    ),
    [`apps/${name}/overlays/production/kustomization.yaml`]: overlay("production", "'1.4.1'").replace(
      /\n/g,
      "\r\n",
    ),
    [`apps/${name}/helm/values.yaml`]: `# Default values for ${name}.
replicaCount: 1

image:
  repository: ${image}
  tag: "${OLD}"
  pullPolicy: IfNotPresent

service:
  type: ClusterIP
  port: 80

config: |
  log_level: info
  listen: :8080

ingress:
  enabled: no
  hosts: []
`,
    [`apps/${name}/helm/values-production.yaml`]: `image:
  tag: ${OLD}

resources:
  limits:
    cpu: 1
    memory: 512Mi
nodeSelector: {}
tolerations: []
`,
  };
}

async function generate(dir) {
  const files = {};
  for (let i = 0; files && Object.keys(files).length < FILES; i++) Object.assign(files, app(i));
  const paths = Object.keys(files).slice(0, FILES);
  await Promise.all(
    paths.map(async (path) => {
      await mkdir(join(dir, dirname(path)), { recursive: true });
      await writeFile(join(dir, path), files[path]);
    }),
  );
  return paths;
}

/** Bytes that differ: the middle span left after removing the common prefix and suffix, counted on both sides. */
function changedBytes(before, after) {
  if (before === after) return 0;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before.at(-1 - end) === after.at(-1 - end)
  )
    end++;
  return Math.max(before.length - start - end, after.length - start - end);
}

async function measure(dir, paths, originals) {
  let files = 0;
  let bytes = 0;
  for (const path of paths) {
    const after = await readFile(join(dir, path), "utf8");
    const delta = changedBytes(originals.get(path), after);
    if (delta > 0) files++;
    bytes += delta;
  }
  return { files, bytes };
}

/** The same edit every round-trip approach makes: kustomize newTag by name, image strings, Helm {repository, tag}. */
function bump(value) {
  return typeof value === "string" && value.startsWith(`${TARGET}:`) ? `${TARGET}:${NEW}` : value;
}
function editObject(node) {
  let hit = false;
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      if (bump(item) !== item) {
        node[i] = bump(item);
        hit = true;
      } else hit = editObject(item) || hit;
    });
  } else if (node && typeof node === "object") {
    if ((node.name === TARGET && "newTag" in node) || (node.repository === TARGET && "tag" in node)) {
      node[node.name === TARGET ? "newTag" : "tag"] = NEW;
      hit = true;
    }
    for (const key of Object.keys(node)) {
      if (bump(node[key]) !== node[key]) {
        node[key] = bump(node[key]);
        hit = true;
      } else hit = editObject(node[key]) || hit;
    }
  }
  return hit;
}

async function roundTripYaml(dir, paths) {
  for (const path of paths) {
    const text = await readFile(join(dir, path), "utf8");
    const docs = parseAllDocuments(text);
    let hit = false;
    for (const doc of docs) {
      visit(doc, {
        Map(_, map) {
          const name = map.get("name") ?? map.get("repository");
          const field = map.has("newTag") ? "newTag" : map.has("tag") ? "tag" : undefined;
          if (name === TARGET && field) {
            map.set(field, NEW);
            hit = true;
          }
        },
        Scalar(_, scalar) {
          if (bump(scalar.value) !== scalar.value) {
            scalar.value = bump(scalar.value);
            hit = true;
          }
        },
      });
    }
    if (hit) await writeFile(join(dir, path), docs.map((doc) => doc.toString()).join(""));
  }
}

async function roundTripJsYaml(dir, paths) {
  for (const path of paths) {
    const text = await readFile(join(dir, path), "utf8");
    const docs = loadAll(text);
    let hit = false;
    for (const doc of docs) hit = editObject(doc) || hit;
    if (hit) await writeFile(join(dir, path), docs.map((doc) => dump(doc)).join("---\n"));
  }
}

const YQ_FILTER = `(.. | objects | select(.name? == "${TARGET}" and has("newTag")) | .newTag) |= "${NEW}"
  | (.. | objects | select(.repository? == "${TARGET}" and has("tag")) | .tag) |= "${NEW}"
  | (.. | select(type == "string" and startswith("${TARGET}:"))) |= "${TARGET}:${NEW}"`;

async function roundTripYq(dir, paths) {
  // One python process per batch of files, in place: the cheapest way to drive yq over many files.
  for (let i = 0; i < paths.length; i += 100) {
    await run("yq", ["-y", "-i", YQ_FILTER, ...paths.slice(i, i + 100).map((p) => join(dir, p))], {
      maxBuffer: 1 << 26,
    });
  }
}

/** CPU ms of this process plus its waited-for children (cutime + cstime of /proc/self/stat, 100 ticks/s). */
function cpuMs() {
  const self = process.cpuUsage();
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  const childrenTicks = Number(fields[13]) + Number(fields[14]);
  return (self.user + self.system) / 1000 + childrenTicks * 10;
}

/** Wall and CPU time: on a shared machine wall time includes waiting for a core, CPU time does not. */
async function timed(fn) {
  const start = process.hrtime.bigint();
  const cpu = cpuMs();
  await fn();
  return { wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: cpuMs() - cpu };
}

const work = await mkdtemp(join(tmpdir(), "gitops-pipeline-bench-"));
try {
  const pristine = join(work, "pristine");
  const paths = await generate(pristine);
  const originals = new Map();
  for (const path of paths) originals.set(path, await readFile(join(pristine, path), "utf8"));
  const fresh = async (name) => {
    const dir = join(work, name);
    await cp(pristine, dir, { recursive: true });
    return dir;
  };

  const results = [];
  const record = async (approach, dir, time, scope = paths) => {
    const scale = paths.length / scope.length;
    results.push({
      approach,
      wall: time.wall * scale,
      cpu: time.cpu * scale,
      scope: scope.length,
      ...(await measure(dir, scope, originals)),
    });
  };

  const ours = await fresh("update-tag");
  await record(
    "gitops-pipeline update-tag (built CLI, incl. node start)",
    ours,
    await timed(() =>
      run("node", [
        CLI,
        "update-tag",
        "--repo",
        ours,
        "--path",
        ".",
        "--image",
        `${TARGET}:${NEW}`,
        "--json",
      ]),
    ),
  );
  const yamlDir = await fresh("yaml");
  await record(
    "yaml parseAllDocuments + toString",
    yamlDir,
    await timed(() => roundTripYaml(yamlDir, paths)),
  );
  const jsDir = await fresh("js-yaml");
  await record("js-yaml loadAll + dump", jsDir, await timed(() => roundTripJsYaml(jsDir, paths)));

  // python yq re-emits every document it reads through jq: run it on a sample that keeps the file mix and
  // includes the target app's files, then scale the times to the whole repository.
  const step = Math.ceil(paths.length / YQ_SAMPLE);
  const sample = paths.filter((path, i) => i % step === 0 || path.includes("/app-0042/"));
  const yqDir = await fresh("yq");
  try {
    await record(
      `yq -y -i (python; ${sample.length}-file sample, times scaled ×${(paths.length / sample.length).toFixed(1)})`,
      yqDir,
      await timed(() => roundTripYq(yqDir, sample)),
      sample,
    );
  } catch (error) {
    console.log(`yq failed: ${String(error.message ?? error).split("\n")[0]}`);
  }

  const [base] = results;
  console.log(
    `config repo: ${paths.length} files; one image (${TARGET}) bumped ${OLD} -> ${NEW}; node ${process.version}; ` +
      `load average ${(await readFile("/proc/loadavg", "utf8")).split(" ").slice(0, 3).join(" ")}`,
  );
  console.log("| approach | wall ms | CPU ms | CPU × update-tag | files changed | bytes changed |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of results) {
    console.log(
      `| ${r.approach} | ${r.wall.toFixed(0)} | ${r.cpu.toFixed(0)} | ${(r.cpu / base.cpu).toFixed(2)} | ${r.files} of ${r.scope} | ${r.bytes} |`,
    );
  }

  // One large single mapping: ~94 bytes per key.
  console.log("");
  console.log(
    "| single mapping | keys | update-tag wall ms | update-tag CPU ms | yaml parseDocument (defaults) CPU ms | ratio |",
  );
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const mb of BIG_MB) {
    const keys = Math.round((mb * 1_000_000) / 94);
    const lines = [];
    for (let i = 0; i < keys; i++) lines.push(`key-${i}: value-${i}-${"x".repeat(70)}`);
    const text = `${lines.join("\n")}\nimage: ${TARGET}:${OLD}\n`;
    const dir = join(work, `big-${mb}`);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "values.yaml"), text);
    const ours = await timed(() =>
      run("node", [CLI, "update-tag", "--repo", dir, "--path", "values.yaml", "--image", `${TARGET}:${NEW}`]),
    );
    const after = await readFile(join(dir, "values.yaml"), "utf8");
    if (after !== text.replace(`${TARGET}:${OLD}`, `${TARGET}:${NEW}`))
      throw new Error(`${mb} MB: wrong edit`);
    let peer;
    if (mb <= BIG_PEER_MB) peer = await timed(async () => parseDocument(text));
    console.log(
      `| ${(text.length / 1e6).toFixed(1)} MB | ${keys} | ${ours.wall.toFixed(0)} | ${ours.cpu.toFixed(0)} | ${
        peer ? peer.cpu.toFixed(0) : "not run"
      } | ${peer ? `${(peer.cpu / ours.cpu).toFixed(1)}×` : "—"} |`,
    );
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
