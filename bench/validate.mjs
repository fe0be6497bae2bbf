// CPU cost of `gitops-pipeline validate` (rendering off) side by side with the floor — js-yaml loadAll of the same
// files — and with Debian's yamllint, on a generated corpus of ~10,000 realistic documents; then kustomize
// rendering of 1,000 overlays where a change touches one base shared by 10 (changed-only vs everything).
//
//   npm run bench:validate (uses dist/cli: build it first)   or   node bench/validate.mjs [--docs 10000] [--overlays 1000] [--all-sample N]
//
// Every contender runs as its own process under one python3 wrapper that reads the children's rusage, so node
// start-up and module loading count for both node runs alike.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    docs: { type: "string", default: "10000" },
    overlays: { type: "string", default: "1000" },
    "all-sample": { type: "string", default: "0" },
  },
});
const work = path.join(root, "bench/.work/validate");
const cli = process.env.VALIDATE_CLI || path.join(root, "dist/cli/index.js");
rmSync(work, { recursive: true, force: true });

// ---- corpus --------------------------------------------------------------------------------------------------
// mulberry32: a small seeded generator, so every run writes the same corpus.
let seed = 42;
const rand = (n) => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
};
const pick = (list) => list[rand(list.length)];
const teams = [
  "payments",
  "search",
  "checkout",
  "identity",
  "catalog",
  "billing",
  "ads",
  "media",
  "risk",
  "ops",
];
const images = [
  "nginx",
  "ghcr.io/acme/api",
  "registry.k8s.io/ingress-nginx/controller",
  "quay.io/jetstack/cert-manager-controller",
  "redis",
  "ghcr.io/acme/worker",
];

function deployment(app, ns) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${app}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${app}
    app.kubernetes.io/part-of: ${ns}
  annotations:
    reloader.stakater.com/auto: "true"
spec:
  replicas: ${1 + rand(5)}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
  selector:
    matchLabels:
      app.kubernetes.io/name: ${app}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${app}
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
      serviceAccountName: ${app}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: ${app}
          image: ${pick(images)}:1.${rand(30)}.${rand(10)}
          imagePullPolicy: IfNotPresent
          args: ["--port=8080", "--log-level=info"]
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
            - name: metrics
              containerPort: 9090
          env:
            - name: LOG_FORMAT
              value: json
            - name: POD_NAMESPACE
              valueFrom:
                fieldRef: {fieldPath: metadata.namespace}
            - name: DATABASE_PASSWORD
              valueFrom:
                secretKeyRef: {name: ${app}-db, key: password}
          envFrom:
            - configMapRef: {name: ${app}-config}
          resources:
            requests: {cpu: ${50 + rand(400)}m, memory: ${64 * (1 + rand(8))}Mi}
            limits: {memory: ${128 * (1 + rand(8))}Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 10
          livenessProbe:
            httpGet: {path: /livez, port: http}
            initialDelaySeconds: 10
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
`;
}
const service = (app, ns) => `apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: ${ns}
  labels: {app.kubernetes.io/name: ${app}}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${app}
  ports:
    - name: http
      port: 80
      targetPort: http
`;
const configMap = (app, ns) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${app}-config
  namespace: ${ns}
data:
  FEATURE_FLAGS: "checkout-v2,fast-search"
  UPSTREAM_URL: http://${app}-upstream.${ns}.svc.cluster.local
  config.yaml: |
    server:
      port: 8080
      timeout: 30s
    cache:
      ttl: 5m
`;
const serviceAccount = (app, ns) => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${app}
  namespace: ${ns}
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/${app}
`;
const hpa = (app, ns) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ${app}}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: 70}
`;
const ingress = (app, ns) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${app}
  namespace: ${ns}
  annotations:
    cert-manager.io/cluster-issuer: letsencrypt
    nginx.ingress.kubernetes.io/proxy-body-size: 8m
spec:
  ingressClassName: nginx
  tls:
    - hosts: [${app}.example.com]
      secretName: ${app}-tls
  rules:
    - host: ${app}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${app}
                port: {name: http}
`;
const pdb = (app, ns) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  minAvailable: 1
  selector:
    matchLabels: {app.kubernetes.io/name: ${app}}
`;
const application = (app, ns) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${app}-${ns}
  namespace: argocd
  finalizers: [resources-finalizer.argocd.argoproj.io]
spec:
  project: ${ns}
  source:
    repoURL: https://github.com/acme/config.git
    targetRevision: main
    path: apps/${ns}/${app}
  destination:
    server: https://kubernetes.default.svc
    namespace: ${ns}
  syncPolicy:
    syncOptions: [CreateNamespace=true, ServerSideApply=true]
    retry:
      limit: 5
      backoff: {duration: 5s, factor: 2, maxDuration: 3m}
`;
const helmRelease = (app, ns) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  interval: 10m
  chart:
    spec:
      chart: ${app}
      version: "1.${rand(20)}.x"
      sourceRef: {kind: HelmRepository, name: acme, namespace: flux-system}
  install:
    remediation: {retries: 3}
  values:
    replicaCount: 2
    image: {repository: ghcr.io/acme/${app}, tag: "1.2.3"}
    ingress: {enabled: true, hosts: ["${app}.\${CLUSTER_DOMAIN}"]}
`;

const role = (app, ns) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ${app}
  namespace: ${ns}
rules:
  - apiGroups: [""]
    resources: [configmaps, secrets]
    verbs: [get, list, watch]
`;
const roleBinding = (app, ns) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: ${app}
  namespace: ${ns}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: ${app}
subjects:
  - kind: ServiceAccount
    name: ${app}
    namespace: ${ns}
`;
const networkPolicy = (app, ns) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${app}
  namespace: ${ns}
spec:
  podSelector:
    matchLabels: {app.kubernetes.io/name: ${app}}
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels: {kubernetes.io/metadata.name: ingress-nginx}
      ports:
        - {protocol: TCP, port: 8080}
`;
const sealedSecret = (app, ns) => `apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: ${app}-db
  namespace: ${ns}
spec:
  encryptedData:
    password: AgB${"x".repeat(40 + rand(40))}==
  template:
    metadata: {name: ${app}-db, namespace: ${ns}}
`;
const fluxKustomization = (app, ns) => `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: ${app}
  namespace: flux-system
spec:
  interval: 10m
  path: ./apps/${ns}/${app}
  prune: true
  sourceRef: {kind: GitRepository, name: config}
  postBuild:
    substitute: {cluster_env: production}
`;

// Shaped like a real config repo: a few large workload documents among many small ones (RBAC, policies,
// secrets, Flux and Argo CD objects) — about 400 bytes per document on average.
const kinds = [
  deployment,
  service,
  configMap,
  serviceAccount,
  hpa,
  ingress,
  pdb,
  application,
  helmRelease,
  role,
  roleBinding,
  networkPolicy,
  sealedSecret,
  fluxKustomization,
];
const target = Number(values.docs);
const corpus = path.join(work, "corpus");
let docs = 0;
let bytes = 0;
let fileCount = 0;
for (let app = 0; docs < target; app++) {
  const ns = pick(teams);
  const name = `svc-${app}`;
  const dir = path.join(corpus, "apps", ns, name);
  mkdirSync(dir, { recursive: true });
  // Teams mix one-file-per-resource with multi-document files.
  const parts = kinds.map((k) => k(name, ns));
  const files =
    rand(2) === 0 ? parts.map((p, i) => [`${kinds[i].name}.yaml`, p]) : [["all.yaml", parts.join("---\n")]];
  for (const [file, text] of files) {
    writeFileSync(path.join(dir, file), text);
    bytes += text.length;
    fileCount++;
  }
  docs += parts.length;
}

// ---- CPU measurement ---------------------------------------------------------------------------------------------
const measure = `
import resource, subprocess, sys, time
start = time.time()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{usage.ru_utime + usage.ru_stime:.3f} {time.time() - start:.3f}")
`;
// Every contender runs in the corpus directory, the way a user runs `gitops-pipeline validate .` in a checkout.
function cpu(argv, cwd = corpus) {
  const out = execFileSync("python3", ["-c", measure, ...argv], { encoding: "utf8", cwd })
    .trim()
    .split(" ");
  return { cpu: Number(out[0]), wall: Number(out[1]) };
}
const best = (argv, runs = 3, cwd = corpus) =>
  Array.from({ length: runs }, () => cpu(argv, cwd)).sort((a, b) => a.cpu - b.cpu)[0];

const floorScript = `
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadAll } from ${JSON.stringify(path.join(root, "node_modules/js-yaml/dist/js-yaml.mjs"))};
let n = 0;
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) {
  const p = path.join(d, e.name);
  if (e.isDirectory()) walk(p); else if (/\\.ya?ml$/.test(e.name)) loadAll(readFileSync(p, "utf8"), () => n++);
} };
walk(process.argv[1]);
`;
const node = process.execPath;
const floor = best([node, "--input-type=module", "-e", floorScript, "."]);
const check = best([
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
// The same check with every policy rule switched off in the config: the engine's own share of the cost.
const policyOff = path.join(work, "policy-off.yaml");
const policyRules = [
  "duplicate-resource",
  "latest-tag",
  "mutable-tag",
  "missing-requests",
  "missing-limits",
  "missing-probes",
  "run-as-root",
  "privileged",
  "privilege-escalation",
  "host-namespace",
  "host-path",
  "plaintext-secret",
  "secret-in-env",
  "selector-mismatch",
  "dangling-service",
  "hpa-target",
  "argocd-app-path",
  "argocd-sync-policy",
];
writeFileSync(
  policyOff,
  `environments:\n  all: {paths: [apps]}\nvalidate:\n  rules:\n${policyRules.map((r) => `    ${r}: off\n`).join("")}`,
);
const engineOnly = best([
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
  "--config",
  policyOff,
]);
const hasYamllint = spawnSync("yamllint", ["--version"]).status === 0;
const yamllint = hasYamllint ? best(["yamllint", "-d", "relaxed", "-f", "parsable", corpus], 1) : undefined;

const json = JSON.parse(
  execFileSync(node, [cli, "validate", ".", "--render", "never", "--format", "json", "--fail-on", "never"], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
    cwd: corpus,
  }),
);
const resources = json.summary.resources;
console.log(
  `corpus: ${docs} documents (${resources} resources) in ${fileCount} files, ${(bytes / 1e6).toFixed(1)} MB; findings: ${json.summary.errors} errors, ${json.summary.warnings} warnings`,
);
console.log("CPU-seconds (best of 3, process start to exit):");
console.log(`  js-yaml loadAll (floor)          ${floor.cpu.toFixed(2)} s`);
console.log(
  `  gitops-pipeline validate         ${check.cpu.toFixed(2)} s   ${(check.cpu / floor.cpu).toFixed(2)}x floor, ${Math.round(resources / check.cpu)} resources/CPU-s`,
);
console.log(
  `    of which engine alone (policy rules off) ${engineOnly.cpu.toFixed(2)} s   ${(engineOnly.cpu / floor.cpu).toFixed(2)}x floor`,
);
if (yamllint)
  console.log(
    `  yamllint -d relaxed              ${yamllint.cpu.toFixed(2)} s   ${(yamllint.cpu / floor.cpu).toFixed(2)}x floor`,
  );
else console.log("  yamllint                         not installed (apt-get install yamllint)");

// ---- rendering: 1,000 overlays, a change to one base shared by 10 --------------------------------------------------
const overlays = Number(values.overlays);
const perBase = 10;
const repo = path.join(work, "render");
for (let b = 0; b < overlays / perBase; b++) {
  const base = path.join(repo, "bases", `app-${b}`);
  mkdirSync(base, { recursive: true });
  writeFileSync(path.join(base, "kustomization.yaml"), "resources:\n- deployment.yaml\n- service.yaml\n");
  writeFileSync(path.join(base, "deployment.yaml"), deployment(`app-${b}`, "default"));
  writeFileSync(path.join(base, "service.yaml"), service(`app-${b}`, "default"));
  for (let o = 0; o < perBase; o++) {
    const overlay = path.join(repo, "overlays", `cluster-${o}`, `app-${b}`);
    mkdirSync(overlay, { recursive: true });
    writeFileSync(
      path.join(overlay, "kustomization.yaml"),
      `resources:\n- ../../../bases/app-${b}\nnamespace: team-${o}\nnameSuffix: -c${o}\nlabels:\n- pairs: {cluster: cluster-${o}}\n`,
    );
  }
}
const changedList = path.join(work, "changed.txt");
writeFileSync(changedList, "bases/app-7/deployment.yaml\n");
const renderCheck = (extra) => [node, cli, "validate", "--format", "json", "--fail-on", "never", ...extra];
const inRepo = (argv) => best(argv, 1, repo);
const changedOnly = inRepo(renderCheck([".", "--changed-files", changedList]));
// Everything is built for real unless --all-sample asks for a sample of overlays scaled up (builds are linear).
const sample = Number(values["all-sample"]);
let all;
let allNote;
if (sample > 0 && sample < overlays) {
  const samplePaths = [];
  for (let i = 0; i < sample; i++)
    samplePaths.push(`overlays/cluster-${i % perBase}/app-${Math.floor(i / perBase)}`);
  const bases = [...new Set(samplePaths.map((p) => `bases/${p.split("/")[2]}`))];
  const sampled = inRepo(renderCheck([...samplePaths, ...bases]));
  all = { wall: (sampled.wall * overlays) / sample, cpu: (sampled.cpu * overlays) / sample };
  allNote = `${sample} builds measured (${sampled.wall.toFixed(2)} s), scaled to ${overlays}`;
} else {
  all = inRepo(renderCheck(["."]));
  allNote = `${overlays} builds`;
}
console.log(
  `rendering: ${overlays} overlays over ${overlays / perBase} bases, change to one base used by ${perBase}:`,
);
console.log(
  `  changed-only                     ${changedOnly.wall.toFixed(2)} s wall, ${changedOnly.cpu.toFixed(2)} CPU-s (${perBase} builds)`,
);
console.log(
  `  everything                       ${all.wall.toFixed(2)} s wall, ${all.cpu.toFixed(2)} CPU-s (${allNote})`,
);
console.log(
  `  ratio                            ${(all.wall / changedOnly.wall).toFixed(0)}x less wall time with changed-only`,
);
