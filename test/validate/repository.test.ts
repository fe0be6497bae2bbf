import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigFileError, readPipelineConfig, runValidation } from "../../src/validate/run.js";
import { hasComponent } from "../support/components.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function repo(files: Record<string, string>, remotes: Record<string, string> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), "validate-repository-"));
  dirs.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  if (Object.keys(remotes).length > 0 || files[".git-init"] !== undefined) {
    execFileSync("git", ["init", "-q", root]);
    for (const [name, url] of Object.entries(remotes))
      execFileSync("git", ["-C", root, "remote", "add", name, url]);
  }
  return root;
}

const application = (name: string, repoURL: string, dir: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: ${name}, namespace: argocd}
spec:
  project: default
  source: {repoURL: ${JSON.stringify(repoURL)}, targetRevision: main, path: ${dir}}
  destination: {server: https://kubernetes.default.svc, namespace: ${name}}
`;

const appPathFindings = async (cwd: string, repositoryUrls: string[] = [], root = cwd) => {
  const report = await runValidation(
    { cwd, root, paths: ["."], render: "never", crds: [], repositoryUrls },
    (file) => readFileSync(file, "utf8"),
  );
  return report.findings
    .filter((f) => f.rule === "argocd-app-path")
    .map((f) => `${f.file}:${f.line} ${f.message}`);
};

describe.runIf(hasComponent("git"))("argocd-app-path knows this repository", () => {
  const lone = {
    "argocd/guestbook.yaml": application("guestbook", "https://github.com/acme/config.git", "apps/guestbook"),
  };
  const missing =
    'argocd/guestbook.yaml:6 source path "apps/guestbook" does not exist in this repository; the Application would fail to sync';

  it("from the checkout's origin remote, in any spelling", async () => {
    for (const url of [
      "git@github.com:acme/config.git",
      "https://github.com/Acme/config",
      "ssh://git@github.com:22/acme/config.git",
    ]) {
      expect(await appPathFindings(repo(lone, { origin: url })), url).toEqual([missing]);
    }
    // Applications of other repositories are left alone.
    expect(await appPathFindings(repo(lone, { origin: "https://github.com/acme/other.git" }))).toEqual([]);
    expect(await appPathFindings(repo(lone))).toEqual([]);
  });

  it("from the upstream remote of a fork", async () => {
    const root = repo(lone, {
      origin: "git@github.com:someone/config-fork.git",
      upstream: "https://github.com/acme/config",
    });
    expect(await appPathFindings(root)).toEqual([missing]);
    // A repository the workspace merely sits in is not this one.
    const outer = repo({ ".git-init": "" }, { origin: "https://github.com/acme/config" });
    const inner = path.join(outer, "inner");
    mkdirSync(path.join(inner, "argocd"), { recursive: true });
    writeFileSync(path.join(inner, "argocd/guestbook.yaml"), lone["argocd/guestbook.yaml"]);
    expect(await appPathFindings(inner)).toEqual([]);
  });

  it("from URLs the caller names", async () => {
    expect(await appPathFindings(repo(lone), ["https://github.com/acme/config"])).toEqual([missing]);
  });

  it("looks the path up from the repository's root when run in a subdirectory", async () => {
    const root = repo(
      { ...lone, "apps/guestbook/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n" },
      {
        origin: "https://github.com/acme/config",
      },
    );
    expect(await appPathFindings(path.join(root, "argocd"), [], root)).toEqual([]);
    rmSync(path.join(root, "apps"), { recursive: true });
    expect(await appPathFindings(path.join(root, "argocd"), [], root)).toEqual([
      missing.replace("argocd/guestbook.yaml", "guestbook.yaml"),
    ]);
  });
});

describe("the validate section of gitops-pipeline.yaml", () => {
  const environments = "environments:\n  dev: {paths: [dev]}\n  prod: {paths: [prod]}\n";

  it("works in a file that defines no environments", () => {
    const config = readPipelineConfig(
      "validate:\n  ignoreKinds: [Certificate]\n  rules: {latest-tag: warning}\n",
      "gitops-pipeline.yaml",
    );
    expect(config.validate).toMatchObject({
      ignoreKinds: ["Certificate"],
      rules: { "latest-tag": "warning" },
    });
    expect(config.environments).toEqual([]);
    expect(config.productionEnvironments).toEqual([]);
  });

  it("still reports mistakes in such a file at their place", () => {
    expect(() =>
      readPipelineConfig("validate:\n  ignoreKind: [Certificate]\n", "gitops-pipeline.yaml"),
    ).toThrow('validate: unknown key "ignoreKind"');
    expect(() => readPipelineConfig("validate: {}\nenvironment: {}\n", "gitops-pipeline.yaml")).toThrow(
      ConfigFileError,
    );
    expect(() => readPipelineConfig("validate: {production: [prod]}\n", "gitops-pipeline.yaml")).toThrow(
      "production names prod, which is not an environment",
    );
    // An alias bomb is a clear error about the file, not a crash.
    const levels = Array.from({ length: 12 }, (_, i) =>
      i === 0
        ? "  l0: &l0 [x, x, x, x, x, x, x, x, x]"
        : `  l${i}: &l${i} [${Array(9)
            .fill(`*l${i - 1}`)
            .join(", ")}]`,
    );
    expect(() => readPipelineConfig(`validate:\n${levels.join("\n")}\n`, "gitops-pipeline.yaml")).toThrow(
      /cannot read the configuration: .*alias/i,
    );
  });

  it("holds production rules to the last of two or more environments, or to the ones it names", () => {
    const read = (text: string) => readPipelineConfig(text, "gitops-pipeline.yaml").productionEnvironments;
    expect(read(environments)).toEqual(["prod"]);
    expect(read("environments:\n  dev: {paths: [dev]}\n")).toEqual([]);
    expect(read(`${environments}validate: {production: [dev]}\n`)).toEqual(["dev"]);
    expect(read(`${environments}validate: {production: []}\n`)).toEqual([]);
    expect(() => read(`${environments}validate: {production: [staging]}\n`)).toThrow(
      'validate: production names "staging", which is not an environment',
    );
  });
});
