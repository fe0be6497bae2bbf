// The rendered diff of a pull request on a generated config repository of 1,000 overlays over 100 bases, where the
// pull request touches one base shared by 10 overlays: the shipped scoping (only the overlays the change affects,
// rendered at the base commit and in the working tree) side by side with rendering every overlay on both sides, in
// one run, as kustomize builds counted and wall time.
//
//   npm run bench:rendered-diff        or   node bench/rendered-diff.mjs [--overlays 1000] [--all-sample N]
//
// --all-sample N renders N overlays of the "everything" side and scales the time up (builds are independent and
// linear); the build count is always the full one. Needs git and kubectl (or kustomize) on PATH.
import "./ts-loader.mjs";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    overlays: { type: "string", default: "1000" },
    "all-sample": { type: "string", default: "0" },
  },
});
const { renderedDiffAgainst } = await import("../src/rendered/against.ts");
const { renderedChange } = await import("../src/rendered/change.ts");
const { renderTree } = await import("../src/rendered/render.ts");
const { extractCommit, resolveCommit } = await import("../src/git/commit-tree.ts");

const overlays = Number(values.overlays);
const perBase = 10;
const repo = path.join(root, "bench/.work/rendered-diff");
rmSync(repo, { recursive: true, force: true });
const write = (file, text) => {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
};
const deployment = (app, replicas) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
      containers:
      - name: ${app}
        image: ghcr.io/acme/${app}:1.0.0
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {memory: 256Mi}
        envFrom: [{configMapRef: {name: ${app}-config}}]
`;
for (let b = 0; b < overlays / perBase; b++) {
  write(`bases/app-${b}/kustomization.yaml`, "resources:\n- deployment.yaml\n");
  write(`bases/app-${b}/deployment.yaml`, deployment(`app-${b}`, 2));
  for (let o = 0; o < perBase; o++) {
    write(
      `overlays/cluster-${o}/app-${b}/kustomization.yaml`,
      `resources:\n- ../../../bases/app-${b}\nnamespace: team-${o}\nconfigMapGenerator:\n- name: app-${b}-config\n  literals: [CLUSTER=cluster-${o}]\n`,
    );
  }
}
const git = (...args) =>
  execFileSync("git", args, {
    cwd: repo,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "b",
      GIT_AUTHOR_EMAIL: "b@b",
      GIT_COMMITTER_NAME: "b",
      GIT_COMMITTER_EMAIL: "b@b",
    },
  });
git("init", "-q", "-b", "main");
git("add", "-A");
git("commit", "-qm", "base");
git("checkout", "-qb", "pr");
write("bases/app-7/deployment.yaml", deployment("app-7", 3));
git("commit", "-qam", "app-7: 3 replicas");

// ---- scoped: what validate --diff-base and the action do --------------------------------------------------------
let started = performance.now();
const scoped = await renderedDiffAgainst(repo, "main");
const scopedWall = (performance.now() - started) / 1000;
const differing = scoped.overlays.filter((o) => o.status === "changed").length;

// ---- everything: every overlay rendered on both sides, then compared ----------------------------------------------
started = performance.now();
const oid = await resolveCommit(repo, "main");
const extracted = await extractCommit(repo, oid);
const base = renderTree(extracted.dir);
const head = renderTree(repo);
const roots = head.graph.roots().map((k) => k.dir);
const sample = Number(values["all-sample"]);
const measured = sample > 0 && sample < roots.length ? roots.slice(0, sample) : roots;
// Each chosen overlay's own kustomization counts as changed, so both sides render exactly those overlays.
const all = await renderedChange(
  base,
  head,
  measured.map((dir) => head.graph.get(dir).file),
);
await extracted.remove();
let allWall = (performance.now() - started) / 1000;
let allRenders = all.renders;
let note = `${all.renders} builds`;
if (measured.length < roots.length) {
  allWall = (allWall * roots.length) / all.overlays.length;
  allRenders = Math.round((all.renders * roots.length) / all.overlays.length);
  note = `${all.renders} builds measured, scaled to ${allRenders}`;
}

console.log(
  `repository: ${overlays} overlays over ${overlays / perBase} bases; the pull request changes bases/app-7 (used by ${perBase} overlays)`,
);
console.log(
  `  affected only (shipped)   ${String(scoped.renders).padStart(5)} kustomize builds  ${scopedWall.toFixed(2)} s wall   ${scoped.overlays.length} overlays (base + head each), ${differing} with differences`,
);
console.log(
  `  every overlay             ${String(allRenders).padStart(5)} kustomize builds  ${allWall.toFixed(2)} s wall   (${note})`,
);
console.log(
  `  ratio                     ${(allRenders / scoped.renders).toFixed(0)}x fewer builds, ${(allWall / scopedWall).toFixed(0)}x less wall time`,
);
rmSync(repo, { recursive: true, force: true });
