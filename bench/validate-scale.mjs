// Validation at repository scale, side by side with its floors in one run:
//  1. rendering: a generated Flux-style repository of N app kustomizations (overlays over shared bases, patches,
//     images entries), `gitops-pipeline validate .` (wall time) against `kubectl kustomize` run serially over the
//     same roots — the floor of building what there is to build, one after another;
//  2. no rendering: `validate --render never` (CPU) against the js-yaml parse floor of the same files, on real
//     layouts: the real-world corpus (test/fixtures/real-world) and a home-lab-shaped repository written here
//     (clusters, infrastructure controllers and configs, apps with bases and overlays, SOPS secrets, Helm charts,
//     tool files), with `--render never` because rendering is measured in part 1.
//
//   node scripts/build.mjs cli && node bench/validate-scale.mjs [--apps 200] [--runs 3]
//
// CPU is measured around each process by a python3 wrapper reading the children's rusage, so node start-up and
// module loading count alike on both sides.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    apps: { type: "string", default: "200" },
    runs: { type: "string", default: "3" },
    "render-runs": { type: "string", default: "1" },
  },
});
const runs = Number(values.runs);
const work = path.join(root, "bench/.work/validate-scale");
const cli = process.env.VALIDATE_CLI || path.join(root, "dist/cli/index.js");
const node = process.execPath;
rmSync(work, { recursive: true, force: true });

function write(dir, files) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

const measure = `
import resource, subprocess, sys, time
start = time.time()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{usage.ru_utime + usage.ru_stime:.3f} {time.time() - start:.3f}")
`;
function once(argv, cwd) {
  const [cpu, wall] = execFileSync("python3", ["-c", measure, ...argv], { encoding: "utf8", cwd })
    .trim()
    .split(" ")
    .map(Number);
  return { cpu, wall };
}
const best = (argv, cwd, key = "cpu", n = runs) =>
  Array.from({ length: n }, () => once(argv, cwd)).sort((a, b) => a[key] - b[key])[0];
const renderRuns = Number(values["render-runs"]);

// ---- 1. rendering ---------------------------------------------------------------------------------------------
const deployment = (app) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  labels: {app.kubernetes.io/name: ${app}}
spec:
  replicas: 1
  selector:
    matchLabels: {app.kubernetes.io/name: ${app}}
  template:
    metadata:
      labels: {app.kubernetes.io/name: ${app}}
    spec:
      securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
      containers:
        - name: ${app}
          image: ghcr.io/acme/${app}:1.0.0
          ports: [{name: http, containerPort: 8080}]
          securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true}
          resources:
            requests: {cpu: 50m, memory: 64Mi}
            limits: {memory: 128Mi}
          readinessProbe: {httpGet: {path: /healthz, port: http}}
          livenessProbe: {httpGet: {path: /livez, port: http}}
`;
const service = (app) => `apiVersion: v1
kind: Service
metadata:
  name: ${app}
spec:
  selector: {app.kubernetes.io/name: ${app}}
  ports: [{name: http, port: 80, targetPort: http}]
`;
const apps = Number(values.apps);
const flux = path.join(work, "flux");
const fluxFiles = {
  "clusters/production/flux-system/gotk-sync.yaml": `apiVersion: source.toolkit.fluxcd.io/v1
kind: GitRepository
metadata: {name: flux-system, namespace: flux-system}
spec:
  interval: 1m
  url: https://github.com/acme/fleet
  ref: {branch: main}
---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: apps, namespace: flux-system}
spec:
  interval: 10m
  path: ./apps/production
  prune: true
  sourceRef: {kind: GitRepository, name: flux-system}
`,
  "apps/base/common/kustomization.yaml": "resources: [namespace.yaml]\n",
  "apps/base/common/namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n",
};
const roots = [];
for (let i = 0; i < apps; i++) {
  const app = `app-${String(i).padStart(3, "0")}`;
  fluxFiles[`apps/base/${app}/kustomization.yaml`] =
    `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deployment.yaml, service.yaml]\nlabels:\n  - pairs: {app.kubernetes.io/part-of: ${app}}\n`;
  fluxFiles[`apps/base/${app}/deployment.yaml`] = deployment(app);
  fluxFiles[`apps/base/${app}/service.yaml`] = service(app);
  fluxFiles[`apps/production/${app}/kustomization.yaml`] =
    `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: apps\nresources:\n  - ../../base/${app}\npatches:\n  - path: replicas.yaml\nimages:\n  - name: ghcr.io/acme/${app}\n    newTag: 1.${i % 7}.${i % 5}\n`;
  fluxFiles[`apps/production/${app}/replicas.yaml`] =
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${app}}\nspec:\n  replicas: ${2 + (i % 3)}\n`;
  roots.push(`apps/production/${app}`);
}
// The production overlay that Flux points at includes every app: the one root kustomize needs to build.
fluxFiles["apps/production/kustomization.yaml"] =
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../base/common\n${roots.map((r) => `  - ${path.posix.basename(r)}`).join("\n")}\n`;
write(flux, fluxFiles);
// The roots a user (or Flux) would build: everything no other kustomization includes.
const allRoots = ["apps/production"];
const serialScript = `
const { execFileSync } = require("node:child_process");
for (const dir of process.argv.slice(1)) execFileSync("kubectl", ["kustomize", dir], { stdio: ["ignore", "ignore", "inherit"], maxBuffer: 1 << 28 });
`;
// Also the per-app view: every app overlay as a root of its own (Argo CD's one Application per app).
const perApp = path.join(work, "flux-per-app");
cpSync(flux, perApp, { recursive: true });
rmSync(path.join(perApp, "apps/production/kustomization.yaml"));

const check = (cwd) =>
  best([node, cli, "validate", ".", "--format", "json", "--fail-on", "never"], cwd, "wall");
const serial = (cwd, list) => best([node, "-e", serialScript, ...list], cwd, "wall");
const rendered = {
  one: { ours: check(flux), kubectl: serial(flux, allRoots) },
  many: { ours: check(perApp), kubectl: serial(perApp, [...roots, "apps/base/common"]) },
};
const findings = JSON.parse(
  execFileSync(node, [cli, "validate", ".", "--format", "json", "--fail-on", "never"], {
    cwd: flux,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  }),
);

// ---- 2. no rendering: real layouts ----------------------------------------------------------------------------
const homelab = path.join(work, "homelab");
const lab = {
  "README.md": "# home lab\n",
  "renovate.json": '{"extends": ["config:recommended"], "flux": {"fileMatch": ["\\\\.yaml$"]}}\n',
  ".sops.yaml":
    "creation_rules:\n  - path_regex: .*.sops.yaml\n    encrypted_regex: ^(data|stringData)$\n    age: age1qqqq\n",
  ".github/workflows/validate.yaml":
    "on: [pull_request]\njobs:\n  validate:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n",
  "taskfile.yaml":
    "version: '3'\ntasks:\n  reconcile:\n    cmds: [flux reconcile kustomization flux-system --with-source]\n",
};
const controllers = [
  "cert-manager",
  "ingress-nginx",
  "external-secrets",
  "longhorn",
  "metallb",
  "kube-prometheus-stack",
  "loki",
  "velero",
  "reloader",
  "cloudnative-pg",
  "external-dns",
  "authentik",
];
for (const c of controllers) {
  const d = `infrastructure/controllers/${c}`;
  lab[`${d}/namespace.yaml`] =
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${c}\n  labels:\n    pod-security.kubernetes.io/enforce: privileged\n`;
  lab[`${d}/repository.yaml`] =
    `apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata:\n  name: ${c}\n  namespace: ${c}\nspec:\n  interval: 24h\n  url: https://charts.example.org/${c}\n`;
  lab[`${d}/release.yaml`] =
    `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${c}\n  namespace: ${c}\nspec:\n  interval: 30m\n  chart:\n    spec:\n      chart: ${c}\n      version: "1.x"\n      sourceRef:\n        kind: HelmRepository\n        name: ${c}\n  install:\n    crds: CreateReplace\n    remediation: {retries: 3}\n  upgrade:\n    crds: CreateReplace\n  values:\n    replicaCount: 1\n    resources:\n      requests: {cpu: 50m, memory: 128Mi}\n    serviceMonitor:\n      enabled: true\n    ingress:\n      enabled: \${INGRESS_ENABLED:=false}\n      hosts: ["${c}.\${SECRET_DOMAIN}"]\n`;
  lab[`${d}/kustomization.yaml`] =
    "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - namespace.yaml\n  - repository.yaml\n  - release.yaml\n";
}
lab["infrastructure/controllers/kustomization.yaml"] =
  `resources:\n${controllers.map((c) => `  - ${c}`).join("\n")}\n`;
for (const cfg of ["cluster-issuers", "ip-pools", "storage-classes", "network-policies", "alerts"]) {
  lab[`infrastructure/configs/${cfg}.yaml`] =
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${cfg}\n  namespace: flux-system\ndata:\n  note: configured in ${cfg}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${cfg}-deny\n  namespace: default\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`;
}
const labApps = Array.from({ length: 40 }, (_, i) => `svc${i}`);
for (const app of labApps) {
  const b = `apps/base/${app}`;
  lab[`${b}/kustomization.yaml`] =
    `resources:\n  - deployment.yaml\n  - service.yaml\n  - ingress.yaml\n  - pvc.yaml\n  - secret.sops.yaml\nconfigMapGenerator:\n  - name: ${app}-env\n    envs: [config.env]\n`;
  lab[`${b}/deployment.yaml`] = deployment(app);
  lab[`${b}/service.yaml`] = service(app);
  lab[`${b}/ingress.yaml`] =
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${app}\n  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\nspec:\n  ingressClassName: nginx\n  tls: [{hosts: ["${app}.\${SECRET_DOMAIN}"], secretName: ${app}-tls}]\n  rules:\n    - host: ${app}.\${SECRET_DOMAIN}\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend: {service: {name: ${app}, port: {name: http}}}\n`;
  lab[`${b}/pvc.yaml`] =
    `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${app}-data\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: longhorn\n  resources: {requests: {storage: 1Gi}}\n`;
  const enc = (s) =>
    `ENC[AES256_GCM,data:${Buffer.from(s).toString("base64")},iv:aXZpdml2aXZpdml2,tag:dGFndGFndGFndGFn,type:str]`;
  lab[`${b}/secret.sops.yaml`] =
    `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${app}-secret\nstringData:\n  API_KEY: ${enc(`key-${app}`)}\nsops:\n  age:\n    - recipient: age1qqqq\n      enc: |\n        -----BEGIN AGE ENCRYPTED FILE-----\n        YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBr\n        -----END AGE ENCRYPTED FILE-----\n  lastmodified: "2024-05-01T10:00:00Z"\n  mac: ${enc("mac")}\n  encrypted_regex: ^(data|stringData)$\n  version: 3.8.1\n`;
  lab[`${b}/config.env`] = `LOG_LEVEL=info\nTZ=Europe/Berlin\n`;
  for (const env of ["staging", "production"]) {
    const o = `apps/${env}/${app}`;
    lab[`${o}/kustomization.yaml`] =
      `resources:\n  - ../../base/${app}\nnamespace: ${env}\npatches:\n  - path: patch.yaml\nimages:\n  - name: ghcr.io/acme/${app}\n    newTag: 2.${env.length}.0\n`;
    lab[`${o}/patch.yaml`] =
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${app}\nspec:\n  replicas: ${env === "production" ? 2 : 1}\n`;
  }
}
for (const env of ["staging", "production"]) {
  lab[`apps/${env}/kustomization.yaml`] = `resources:\n${labApps.map((a) => `  - ${a}`).join("\n")}\n`;
  lab[`clusters/${env}/apps.yaml`] =
    `apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\n  namespace: flux-system\nspec:\n  interval: 10m\n  dependsOn: [{name: infra-configs}]\n  path: ./apps/${env}\n  prune: true\n  sourceRef: {kind: GitRepository, name: flux-system}\n  decryption: {provider: sops, secretRef: {name: sops-age}}\n  postBuild:\n    substituteFrom: [{kind: Secret, name: cluster-secrets}]\n`;
  lab[`clusters/${env}/infrastructure.yaml`] = lab[`clusters/${env}/apps.yaml`]
    .replace(/apps/g, "infra-controllers")
    .replace(`./infra-controllers/${env}`, "./infrastructure/controllers");
}
// A chart kept in the repository: its templates are Go templates, its values are data.
for (const t of ["deployment", "service", "configmap", "_helpers.tpl"]) {
  lab[`charts/tools/templates/${t}${t.endsWith(".tpl") ? "" : ".yaml"}`] =
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "tools.fullname" . }}-${t}\n  labels:\n    {{- include "tools.labels" . | nindent 4 }}\ndata:\n  {{- toYaml .Values.config | nindent 2 }}\n`;
}
lab["charts/tools/Chart.yaml"] = "apiVersion: v2\nname: tools\nversion: 0.1.0\n";
lab["charts/tools/values.yaml"] = "config:\n  a: b\nimage:\n  repository: ghcr.io/acme/tools\n  tag: 1.0.0\n";
write(homelab, lab);

const floorScript = `
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadAll } from ${JSON.stringify(path.join(root, "node_modules/js-yaml/dist/js-yaml.mjs"))};
let n = 0;
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) {
  if (e.name.startsWith(".") || e.name === "node_modules") continue;
  const p = path.join(d, e.name);
  if (e.isDirectory()) walk(p);
  else if (/\\.(ya?ml|json)$/.test(e.name)) { try { loadAll(readFileSync(p, "utf8"), () => n++); } catch {} }
} };
walk(process.argv[1]);
`;
// The same walk with the `yaml` library, which validation also ships (exact positions, edits): what parsing with it
// alone would cost, i.e. what keeping js-yaml for the plain-data parse buys.
const yamlFloorScript = floorScript
  .replace(
    /import \{ loadAll \} from [^;]+;/,
    `import { parseAllDocuments } from ${JSON.stringify(path.join(root, "node_modules/yaml/dist/index.js"))};`,
  )
  .replace(
    'loadAll(readFileSync(p, "utf8"), () => n++)',
    'n += parseAllDocuments(readFileSync(p, "utf8"), { merge: true, logLevel: "silent" }).map((d) => d.toJS({ maxAliasCount: -1 })).length',
  );
const corpora = [
  ["home-lab layout (generated)", homelab],
  ...readdirSync(path.join(root, "test/fixtures/real-world"), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const dir = path.join(work, "real-world", e.name);
      cpSync(path.join(root, "test/fixtures/real-world", e.name), dir, { recursive: true });
      return [`real-world/${e.name}`, dir];
    }),
];
const plain = corpora.map(([name, dir]) => {
  const floor = best([node, "--input-type=module", "-e", floorScript, "."], dir);
  const yamlFloor = best([node, "--input-type=module", "-e", yamlFloorScript, "."], dir);
  const ours = best(
    [node, cli, "validate", ".", "--render", "never", "--format", "json", "--fail-on", "never"],
    dir,
  );
  const files = JSON.parse(
    execFileSync(
      node,
      [cli, "validate", ".", "--render", "never", "--format", "json", "--fail-on", "never"],
      {
        cwd: dir,
        encoding: "utf8",
      },
    ),
  ).summary.files;
  return { name, files, floor, yamlFloor, ours };
});

// ---- report ---------------------------------------------------------------------------------------------------
const r = (a, b) => `${(a / b).toFixed(2)}x`;
console.log(
  `rendering (best of ${renderRuns}, wall seconds; ${apps} app kustomizations, ${findings.summary.resources} resources rendered, ${findings.summary.errors} errors):`,
);
for (const [label, m] of [
  ["one root including every app", rendered.one],
  [`${apps + 1} roots, one per app`, rendered.many],
]) {
  console.log(
    `  ${label.padEnd(32)} validate ${m.ours.wall.toFixed(2)} s (${m.ours.cpu.toFixed(2)} CPU-s)   kubectl kustomize serially ${m.kubectl.wall.toFixed(2)} s (${m.kubectl.cpu.toFixed(2)} CPU-s)   ratio ${r(m.ours.wall, m.kubectl.wall)}`,
  );
}
console.log(`no rendering (best of ${runs}, CPU seconds, process start to exit):`);
for (const p of plain) {
  console.log(
    `  ${p.name.padEnd(32)} ${String(p.files).padStart(4)} files   js-yaml floor ${p.floor.cpu.toFixed(3)} s   validate ${p.ours.cpu.toFixed(3)} s   ratio ${r(p.ours.cpu, p.floor.cpu)}   (yaml-library parse alone ${p.yamlFloor.cpu.toFixed(3)} s, ${r(p.yamlFloor.cpu, p.floor.cpu)})`,
  );
}
