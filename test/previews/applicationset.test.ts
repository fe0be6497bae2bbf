import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// validate-manifests on ApplicationSets whose templates hold generator placeholders: `{{…}}` in names, paths,
// namespaces and numbers are templates Argo CD fills in, not values to check.
const CLI = fileURLToPath(new URL("../../dist/cli/index.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "gitops-appset-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  "gitops-pipeline.yaml": "validate:\n  rules: {}\n",
  "apps/web/previews/pr-1/kustomization.yaml":
    "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: web-pr-1\nresources: [namespace.yaml]\n",
  "apps/web/previews/pr-1/namespace.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: web-pr-1\n",
  // Git directory generator, Go templates with functions and a templatePatch.
  "argocd/previews-go.yaml": `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: web-previews
  namespace: argocd
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
    - git:
        repoURL: https://github.com/acme/web-config.git
        revision: main
        directories:
          - path: apps/web/previews/*
  template:
    metadata:
      name: 'web-{{.path.basename | lower}}'
      labels:
        pr: '{{ trimPrefix "pr-" .path.basename }}'
      finalizers:
        - resources-finalizer.argocd.argoproj.io
    spec:
      project: default
      source:
        repoURL: https://github.com/acme/web-config.git
        targetRevision: main
        path: '{{.path.path}}'
      destination:
        server: https://kubernetes.default.svc
        namespace: 'web-{{.path.basename}}'
      syncPolicy:
        automated:
          prune: true
          selfHeal: true
  templatePatch: |
    {{- if hasPrefix "pr-" .path.basename }}
    spec:
      revisionHistoryLimit: 2
    {{- end }}
`,
  // Pull-request generator with the fasttemplate syntax (no goTemplate), Helm parameters included.
  "argocd/previews-pr.yaml": `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: web-pull-requests
  namespace: argocd
spec:
  generators:
    - pullRequest:
        github:
          owner: acme
          repo: web
          tokenRef:
            secretName: github-token
            key: token
          labels:
            - preview
        requeueAfterSeconds: 300
  template:
    metadata:
      name: 'web-pr-{{number}}'
      labels:
        branch: '{{branch_slug}}'
    spec:
      project: default
      source:
        repoURL: https://github.com/acme/web.git
        targetRevision: '{{head_sha}}'
        path: deploy/chart
        helm:
          releaseName: 'web-pr-{{number}}'
          parameters:
            - name: image.tag
              value: 'pr-{{number}}'
            - name: replicaCount
              value: "1"
      destination:
        server: https://kubernetes.default.svc
        namespace: 'web-pr-{{number}}'
      syncPolicy:
        syncOptions:
          - CreateNamespace=true
`,
  // Pull-request generator with Go templates, and a cluster generator in a matrix.
  "argocd/previews-pr-go.yaml": `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: web-pull-requests-go
  namespace: argocd
spec:
  goTemplate: true
  goTemplateOptions: ["missingkey=error"]
  generators:
    - matrix:
        generators:
          - clusters:
              selector:
                matchLabels:
                  env: preview
          - pullRequest:
              github:
                owner: acme
                repo: web
  template:
    metadata:
      name: 'web-{{.name}}-pr-{{.number}}'
      annotations:
        link.argocd.argoproj.io/pr: 'https://github.com/acme/web/pull/{{.number}}'
    spec:
      project: default
      source:
        repoURL: https://github.com/acme/web.git
        targetRevision: '{{.head_sha}}'
        path: deploy/overlays/preview
        kustomize:
          nameSuffix: '-pr-{{.number}}'
          images:
            - 'ghcr.io/acme/web:pr-{{.number}}'
      destination:
        server: '{{.server}}'
        namespace: 'web-pr-{{.number}}'
`,
};

for (const [path, text] of Object.entries(FILES)) {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe("validate on ApplicationSet templates", () => {
  it("finds nothing wrong with git-directory, pull-request and cluster generators, in both template syntaxes", () => {
    const result = spawnSync("node", [CLI, "validate", dir, "--format", "json"], { encoding: "utf8" });
    const report = JSON.parse(result.stdout);
    expect(report.findings, result.stderr).toEqual([]);
    expect(result.status).toBe(0);
    expect(report.summary.resources).toBeGreaterThanOrEqual(4);
  });

  it("still reports a real mistake next to the placeholders", () => {
    const broken = join(dir, "argocd/broken.yaml");
    writeFileSync(
      broken,
      FILES["argocd/previews-pr.yaml"]!.replace("name: web-pull-requests", "name: web-pr-broken").replace(
        "      project: default\n",
        "      project: default\n      sourcee: {}\n",
      ),
    );
    try {
      const result = spawnSync("node", [CLI, "validate", dir, "--format", "json"], { encoding: "utf8" });
      const report = JSON.parse(result.stdout);
      // A custom resource's unknown field is a warning unless `strict: true` (its schema may lag the operator).
      expect(report.findings).toMatchObject([{ rule: "unknown-field", file: broken }]);
    } finally {
      rmSync(broken);
    }
  });
});
