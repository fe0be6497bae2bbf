import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A config repository with one app in staging and production, overlays over a shared base (kustomize). */
export const configRepo = (
  opts: { stagingPassword?: string; baseReplicas?: number } = {},
): Record<string, string> => ({
  "gitops-pipeline.yaml": `environments:
  staging: {paths: [apps/*/overlays/staging]}
  production: {paths: [apps/*/overlays/production]}
promotion: [staging, production]
`,
  "apps/web/base/kustomization.yaml": "resources: [deployment.yaml]\n",
  "apps/web/base/deployment.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: ${opts.baseReplicas ?? 1}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ghcr.io/acme/web:1.0.0
        envFrom: [{configMapRef: {name: web-config}}]
        env:
        - {name: LOG_LEVEL, value: info}
        - name: DB_PASSWORD
          valueFrom: {secretKeyRef: {name: db, key: password}}
`,
  "apps/web/overlays/staging/kustomization.yaml": `namespace: web-staging
resources: [../../base]
configMapGenerator:
- {name: web-config, literals: [MODE=staging]}
secretGenerator:
- {name: db, literals: [password=${opts.stagingPassword ?? "staging-pw-1"}]}
`,
  "apps/web/overlays/production/kustomization.yaml": `namespace: web-production
resources: [../../base, pdb.yaml]
replicas: [{name: web, count: 4}]
configMapGenerator:
- {name: web-config, literals: [MODE=production]}
secretGenerator:
- {name: db, literals: [password=production-pw-1]}
patches:
- path: limits.yaml
`,
  "apps/web/overlays/production/limits.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
      - name: web
        resources: {limits: {memory: 1Gi}}
        env:
        - {name: LOG_LEVEL, value: warn}
`,
  "apps/web/overlays/production/pdb.yaml": `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  minAvailable: 1
  selector: {matchLabels: {app: web}}
`,
});

export function writeFiles(root: string, files: Record<string, string | null>): void {
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(root, file);
    if (text === null) rmSync(full, { force: true });
    else {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
  }
}

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
};

export function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: gitEnv }).trim();
}

/** git without blocking this process: needed when the other end (the test server) lives in it. */
export function gitAsync(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd, env: gitEnv }, (error, stdout, stderr) =>
      error ? reject(new Error(`git ${args[0]}: ${stderr}`)) : resolve(stdout.trim()),
    );
  });
}

/** A fresh git repository holding `files` as its first commit on main. */
export function gitRepo(files: Record<string, string>, roots: string[]): string {
  const root = mkdtempSync(path.join(tmpdir(), "rendered-diff-"));
  roots.push(root);
  writeFiles(root, files);
  git(root, ["init", "-q", "-b", "main"]);
  git(root, ["add", "-A"]);
  git(root, ["commit", "-qm", "base"]);
  return root;
}
