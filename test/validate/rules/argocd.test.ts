import { describe, expect, it } from "vitest";
import { normalizeRepoUrl } from "../../../src/validate/argocd.js";
import { argocdAppPath } from "../../../src/validate/rules/argocd-app-path.js";
import { argocdSyncPolicy } from "../../../src/validate/rules/argocd-sync-policy.js";
import { application, CONFIG_REPO_URL, check, checkYaml, context, linesWith, load } from "./helpers.js";

const REPO = CONFIG_REPO_URL;
const app = application;

describe("normalizeRepoUrl", () => {
  it.each([
    "https://github.com/acme/config.git",
    "https://github.com/Acme/config/",
    "git@github.com:acme/config.git",
    "ssh://git@github.com/acme/config",
  ])("%s is github.com/acme/config", (url) => {
    expect(normalizeRepoUrl(url)).toBe("github.com/acme/config");
  });

  it("keeps an ssh port", () => {
    expect(normalizeRepoUrl("ssh://git@git.acme.dev:2222/ops/config.git")).toBe(
      "git.acme.dev:2222/ops/config",
    );
  });
});

describe("argocd-app-path", () => {
  const existing = new Set(["apps/web/overlays/dev", "apps/web/overlays/prod", "."]);
  const ctx = context({ pathExists: (path) => existing.has(path) });

  it("flags a path missing from this repository, recognised by a sibling source that resolves", () => {
    const resources = [
      ...load(app("web-dev", "apps/web/overlays/dev")),
      ...load(app("web-prod", "apps/web/overlays/production"), { file: "argocd/web-prod.yaml" }),
    ];
    const hits = check(argocdAppPath, resources, ctx);
    expect(hits.map((hit) => [hit.file, hit.line])).toEqual([
      ["argocd/web-prod.yaml", linesWith(app("x", "y"), "# path")[0]],
    ]);
    expect(hits[0]!.message).toBe(
      'source path "apps/web/overlays/production" does not exist in this repository; the Application would fail to sync',
    );
  });

  it("recognises this repository from the caller's URLs even when no source resolves", () => {
    const resources = load(app("web-prod", "./apps/web/overlays/production/"));
    expect(check(argocdAppPath, resources, ctx)).toEqual([]);
    const known = context({ pathExists: ctx.pathExists, repositoryUrls: ["git@github.com:acme/config.git"] });
    expect(check(argocdAppPath, resources, known)).toHaveLength(1);
  });

  it("checks every source of multi-source Applications and ApplicationSet templates, skipping charts and templates", () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: multi}
spec:
  sources:
    - repoURL: https://charts.bitnami.com/bitnami
      chart: redis
      targetRevision: 19.6.4
    - repoURL: ${REPO}
      path: apps/web/overlays/dev
    - repoURL: ${REPO}
      path: apps/redis/values # multi
  destination: {server: https://kubernetes.default.svc, namespace: redis}
---
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: web}
spec:
  generators: [{list: {elements: [{env: dev}]}}]
  template:
    metadata: {name: "web-{{env}}"}
    spec:
      project: default
      source: {repoURL: ${REPO}, path: "apps/web/overlays/{{env}}"}
      destination: {server: https://kubernetes.default.svc, namespace: web}
---
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: static}
spec:
  generators: [{list: {elements: []}}]
  template:
    metadata: {name: static}
    spec:
      project: default
      source:
        repoURL: ${REPO}
        path: apps/static # appset
      destination: {server: https://kubernetes.default.svc, namespace: web}
`;
    const hits = check(argocdAppPath, load(text), ctx);
    expect(hits.map((hit) => [hit.name, hit.line])).toEqual([
      ["multi", linesWith(text, "# multi")[0]],
      ["static", linesWith(text, "# appset")[0]],
    ]);
  });

  it("passes paths that exist and sources in other repositories", () => {
    const resources = [
      ...load(app("web-dev", "apps/web/overlays/dev")),
      ...load(app("root", ".")),
      ...load(
        app("guestbook", "guestbook").replace(REPO, "https://github.com/argoproj/argocd-example-apps.git"),
      ),
    ];
    expect(check(argocdAppPath, resources, ctx)).toEqual([]);
  });
});

describe("argocd-sync-policy", () => {
  const automated = `  syncPolicy:
    automated: # automated
      prune: true
      selfHeal: true
`;
  const ctx = context({ productionEnvironments: new Set(["production"]) });

  it("flags automated sync on an Application whose name or path names a production environment", () => {
    const text = app("web-production", "apps/web/overlays/production", automated);
    const hits = checkYaml(argocdSyncPolicy, text, { ctx });
    expect(hits.map((hit) => hit.line)).toEqual(linesWith(text, "# automated"));
    expect(hits[0]!.message).toContain('deploys to production environment "production" with automated sync');
  });

  it("takes the environment from the file's environment first", () => {
    const text = app("web", "apps/web", automated);
    expect(checkYaml(argocdSyncPolicy, text, { ctx, environment: "production" })).toHaveLength(1);
    expect(
      checkYaml(argocdSyncPolicy, app("web-production", "apps/web", automated), { ctx, environment: "dev" }),
    ).toEqual([]);
  });

  it("reads an environment label and an ApplicationSet template", () => {
    const labelled = app("web-eu", "apps/web/eu", automated).replace(
      "  namespace: argocd\n",
      "  namespace: argocd\n  labels: {app.kubernetes.io/environment: production}\n",
    );
    expect(checkYaml(argocdSyncPolicy, labelled, { ctx })).toHaveLength(1);
    const set = `apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata: {name: web-production}
spec:
  generators: [{clusters: {}}]
  template:
    metadata: {name: "web-{{name}}"}
    spec:
      project: default
      source: {repoURL: ${REPO}, path: apps/web/overlays/production}
      destination: {server: "{{server}}", namespace: web}
      syncPolicy:
        automated: {prune: true} # set
`;
    expect(checkYaml(argocdSyncPolicy, set, { ctx }).map((hit) => hit.line)).toEqual(linesWith(set, "# set"));
  });

  it("passes manual production, automated staging, disabled automation and configs without production", () => {
    expect(
      checkYaml(argocdSyncPolicy, app("web-production", "apps/web/overlays/production"), { ctx }),
    ).toEqual([]);
    expect(
      checkYaml(argocdSyncPolicy, app("web-staging", "apps/web/overlays/staging", automated), { ctx }),
    ).toEqual([]);
    expect(checkYaml(argocdSyncPolicy, app("web-products", "apps/products", automated), { ctx })).toEqual([]);
    const disabled = "  syncPolicy:\n    automated: {enabled: false}\n";
    expect(checkYaml(argocdSyncPolicy, app("web-production", "apps/web", disabled), { ctx })).toEqual([]);
    expect(checkYaml(argocdSyncPolicy, app("web-production", "apps/web", automated))).toEqual([]);
  });
});
