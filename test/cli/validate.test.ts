import { execFile, execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runBundledAction } from "../support/action.js";
import { hasComponent } from "../support/components.js";
import { workflowCommands } from "../support/workflow-commands.js";

/** `gitops-pipeline validate` and the validate-manifests action, run from their shipped bundles. */

const CLI = fileURLToPath(new URL("../../dist/cli/index.js", import.meta.url));
const ACTION = fileURLToPath(new URL("../../dist/validate-manifests/index.js", import.meta.url));
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "validate-cli-"));
  roots.push(root);
  write(root, files);
  return root;
}

function write(root: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(
  file: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  node = "node",
): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      node,
      [file, ...args],
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}
const validate = (args: string[], cwd: string, node?: string) =>
  run(CLI, ["validate", ...args], cwd, {}, node);

const clean = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      securityContext: {runAsNonRoot: true}
      containers:
        - name: web
          image: ghcr.io/acme/web:1.4.2
          securityContext: {allowPrivilegeEscalation: false}
          resources:
            requests: {cpu: 100m, memory: 64Mi}
            limits: {memory: 128Mi}
          readinessProbe: {httpGet: {path: /healthz, port: 8080}}
          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
`;
const broken = clean
  .replace("replicas: 2", "replicas: two")
  .replace("          resources:", "          resourcez: {}\n          resources:");

describe("gitops-pipeline validate (built bundle)", () => {
  it("looks for kustomize or kubectl only when a kustomization needs rendering", async () => {
    // A PATH holding node alone: no kustomize, no kubectl, no git.
    const bin = mkdtempSync(path.join(tmpdir(), "validate-path-"));
    roots.push(bin);
    symlinkSync(process.execPath, path.join(bin, "node"));
    const dir = repo({ "apps/web.yaml": clean });
    const plain = await run(CLI, ["validate", "."], dir, { PATH: bin });
    expect(plain).toMatchObject({ code: 0, stderr: "" });
    write(dir, { "apps/kustomization.yaml": "resources: [web.yaml]\n" });
    const kustomized = await run(CLI, ["validate", "."], dir, { PATH: bin });
    expect(kustomized.code).toBe(1);
    expect(kustomized.stderr).toContain("neither kustomize nor kubectl is on PATH");
  });

  it("exits 0 on a clean repository and 1 with findings, with file:line in every format", async () => {
    const ok = repo({ "apps/web.yaml": clean });
    const good = await validate([], ok);
    expect(good).toMatchObject({ code: 0, stderr: "" });
    expect(good.stdout).toBe("1 file, 1 resource: 0 errors, 0 warnings\n");

    const bad = repo({ "apps/web.yaml": broken, "apps/ok.yaml": clean.replace("name: web", "name: api") });
    const text = await validate(["apps"], bad);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      'apps/web.yaml:6:3: error [schema] Deployment/web: spec.replicas must be a number, got string "two"',
    );
    expect(text.stdout).toContain("apps/web.yaml:18:11: error [unknown-field]");

    const json = JSON.parse((await validate(["--format", "json"], bad)).stdout);
    expect(json.summary).toEqual({ files: 2, resources: 2, errors: 2, warnings: 0 });
    expect(
      json.findings.map((f: { rule: string; file: string; line: number }) => `${f.rule}@${f.file}:${f.line}`),
    ).toEqual(["schema@apps/web.yaml:6", "unknown-field@apps/web.yaml:18"]);

    const sarif = JSON.parse((await validate(["--format", "sarif"], bad)).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "apps/web.yaml", uriBaseId: "%SRCROOT%" },
      region: { startLine: 6, startColumn: 3 },
    });
    const github = await validate(["--format", "github"], bad);
    expect(github.stdout.split("\n")[0]).toBe(
      '::error file=apps/web.yaml,line=6,col=3,title=schema::Deployment/web: spec.replicas must be a number, got string "two"',
    );
    expect((await validate(["--format", "junit"], bad)).stdout).toContain(
      '<testsuites name="gitops-pipeline validate" tests="2" failures="1">',
    );
  });

  it("file paths are relative to the current directory", async () => {
    const bad = repo({ "apps/web.yaml": broken });
    const json = JSON.parse(
      (await validate(["--format", "json", "web.yaml"], path.join(bad, "apps"))).stdout,
    );
    expect(json.findings[0].file).toBe("web.yaml");
  });

  it("--fail-on decides the exit code; --no-strict drops unknown fields", async () => {
    const warnOnly = repo({ "apps/web.yaml": clean.replace(/ {10}(readiness|liveness)Probe.*\n/g, "") });
    expect((await validate([], warnOnly)).stdout).toContain("warning [missing-probes]");
    expect((await validate([], warnOnly)).code).toBe(0);
    expect((await validate(["--fail-on", "warning"], warnOnly)).code).toBe(1);
    const bad = repo({ "apps/web.yaml": broken });
    expect((await validate(["--fail-on", "never"], bad)).code).toBe(0);
    const lax = JSON.parse((await validate(["--no-strict", "--format", "json"], bad)).stdout);
    expect(lax.findings.map((f: { rule: string }) => f.rule)).toEqual(["schema"]);
  });

  it("exits 2 on bad usage and on an unreadable or invalid config", async () => {
    const ok = repo({
      "apps/web.yaml": clean,
      "bad-config.yaml": "environments:\n  dev: {paths: [apps]}\nvalidate:\n  rules:\n    latest-tags: off\n",
    });
    const format = await validate(["--format", "xml"], ok);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("--format must be one of text, json, sarif, junit, github");
    expect((await validate(["--kubernetes-version", "banana"], ok)).code).toBe(2);
    expect((await validate(["no/such/dir"], ok)).code).toBe(2);
    const missing = await validate(["--config", "nope.yaml"], ok);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read the config file nope.yaml");
    const invalid = await validate(["--config", "bad-config.yaml"], ok);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('bad-config.yaml: validate: rules: unknown rule "latest-tags"');
  });

  it("applies the validate section of gitops-pipeline.yaml", async () => {
    const dir = repo({
      "apps/web.yaml": broken,
      "gitops-pipeline.yaml":
        "environments:\n  dev: {paths: [apps]}\nvalidate:\n  rules:\n    unknown-field: warning\n",
    });
    const json = JSON.parse((await validate(["--format", "json", "apps"], dir)).stdout);
    expect(json.findings.map((f: { rule: string; severity: string }) => `${f.rule}/${f.severity}`)).toEqual([
      "schema/error",
      "unknown-field/warning",
    ]);
  });

  it.runIf(hasComponent("/usr/bin/node"))("runs on the machine's plain Node 20 too", async () => {
    const node20 = "/usr/bin/node";
    const version = execFileSync(node20, ["--version"], { encoding: "utf8" });
    expect(version).toMatch(/^v2\d\./);
    const bad = repo({ "apps/web.yaml": broken });
    const result = await validate(["--format", "json"], bad, node20);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).summary.errors).toBe(2);
  });
});

describe.runIf(hasComponent("git") && hasComponent("kubectl", ["version", "--client"]))(
  "validate-manifests action (built bundle)",
  () => {
    function git(cwd: string, ...args: string[]) {
      return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
        cwd,
        encoding: "utf8",
      }).trim();
    }

    it("checks only what the pull request can affect and reports through outputs, annotations and the summary", async () => {
      const dir = repo({
        "bases/a/kustomization.yaml": "resources: [deployment.yaml]\n",
        "bases/a/deployment.yaml": clean.replace("name: web", "name: a"),
        "bases/b/kustomization.yaml": "resources: [deployment.yaml]\n",
        "bases/b/deployment.yaml": clean.replace("name: web", "name: b"),
        "clusters/one/a/kustomization.yaml": "resources: [../../../bases/a]\nnamespace: one\n",
        "clusters/one/b/kustomization.yaml": "resources: [../../../bases/b]\nnamespace: one\n",
        "clusters/two/b/kustomization.yaml": "resources: [../../../bases/b]\nnamespace: two\n",
      });
      git(dir, "init", "-q", "-b", "main");
      git(dir, "add", ".");
      git(dir, "commit", "-q", "-m", "base");
      const base = git(dir, "rev-parse", "HEAD");
      // The pull request breaks base b; base a was already broken before and must not be reported.
      write(dir, { "bases/b/deployment.yaml": broken.replace("name: web", "name: b") });
      git(dir, "commit", "-q", "-am", "change b");
      const head = git(dir, "rev-parse", "HEAD");
      writeFileSync(path.join(dir, "bases/a/deployment.yaml"), broken.replace("name: web", "name: a"));

      const out = path.join(dir, "..", `${path.basename(dir)}-out`);
      roots.push(out);
      mkdirSync(out);
      const files = {
        output: path.join(out, "output"),
        summary: path.join(out, "summary.md"),
        event: path.join(out, "event.json"),
      };
      writeFileSync(files.output, "");
      writeFileSync(files.summary, "");
      writeFileSync(
        files.event,
        JSON.stringify({
          action: "synchronize",
          number: 7,
          pull_request: { number: 7, base: { sha: base }, head: { sha: head } },
        }),
      );
      const result = await run(ACTION, [], dir, {
        GITHUB_WORKSPACE: dir,
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: files.event,
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        RUNNER_TEMP: out,
        INPUT_PATHS: ".",
        "INPUT_FAIL-ON": "error",
        "INPUT_SARIF-FILE": path.join(out, "report.sarif"),
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("changed-only: 1 changed file(s)");
      expect(result.stdout).toContain(
        "::error title=schema,file=bases/b/deployment.yaml,line=6,col=3::Deployment/one/b: spec.replicas must be",
      );
      expect(result.stdout).not.toContain("bases/a/deployment.yaml");
      expect(result.stdout).toContain(
        "::error::validate-manifests: 2 error(s), 0 warning(s) (fail-on: error)",
      );

      const outputs = readFileSync(files.output, "utf8");
      const value = (name: string) => new RegExp(`^${name}<<(.+)\\n([^]*?)\\n\\1$`, "m").exec(outputs)?.[2];
      expect(value("errors")).toBe("2");
      expect(value("warnings")).toBe("0");
      expect(value("files")).toBe("1");
      expect(value("resources")).toBe("2");
      expect(value("sarif-file")).toBe(path.join(out, "report.sarif"));
      const json = JSON.parse(readFileSync(value("report-file") as string, "utf8"));
      expect(json.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual([
        "bases/b/deployment.yaml:6",
        "bases/b/deployment.yaml:18",
      ]);
      expect(JSON.parse(readFileSync(path.join(out, "report.sarif"), "utf8")).version).toBe("2.1.0");
      const summary = readFileSync(files.summary, "utf8");
      expect(summary).toContain("| 1 | 2 | 2 | 0 | 2 |");
      expect(summary).toContain("<code>bases/b/deployment.yaml:6:3</code>");
    });

    it("checks everything, with a warning, when the pull request's base commit is not in the clone", async () => {
      const dir = repo({ "apps/web.yaml": broken });
      git(dir, "init", "-q", "-b", "main");
      git(dir, "add", ".");
      git(dir, "commit", "-q", "-m", "only commit");
      const event = path.join(dir, "..", `${path.basename(dir)}-event.json`);
      roots.push(event);
      const head = git(dir, "rev-parse", "HEAD");
      writeFileSync(
        event,
        JSON.stringify({ pull_request: { base: { sha: "1".repeat(40) }, head: { sha: head } } }),
      );
      const result = await run(ACTION, [], dir, {
        GITHUB_WORKSPACE: dir,
        GITHUB_EVENT_PATH: event,
        GITHUB_OUTPUT: "",
        GITHUB_STEP_SUMMARY: "",
        RUNNER_TEMP: dir,
        "INPUT_FAIL-ON": "never",
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /::warning::cannot diff 111111111111\.\.\.[0-9a-f]{12} \(shallow clone\?\); checking everything/,
      );
      expect(result.stdout).toContain("1 file, 1 resource: 2 errors, 0 warnings");
    });

    it("takes CRD files, and leaves annotations out when asked", async () => {
      const dir = repo({
        "crds/widget.yaml":
          "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  names: {kind: Widget, plural: widgets}\n  scope: Namespaced\n  versions:\n    - name: v1\n      served: true\n      storage: true\n      schema:\n        openAPIV3Schema:\n          type: object\n          properties:\n            spec:\n              type: object\n              properties:\n                size: {type: integer}\n",
        "apps/widget.yaml":
          "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: big\n",
      });
      const output = path.join(dir, "..", `${path.basename(dir)}-output`);
      roots.push(output);
      writeFileSync(output, "");
      const result = await run(ACTION, [], dir, {
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: "",
        RUNNER_TEMP: dir,
        INPUT_PATHS: "apps",
        INPUT_CRDS: "crds/widget.yaml",
        INPUT_ANNOTATIONS: "false",
        "INPUT_FAIL-ON": "never",
      });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toContain("::error title=");
      expect(result.stdout).toContain(
        'apps/widget.yaml:5:3: error [schema] Widget/w: spec.size must be a number, got string "big"',
      );
      expect(readFileSync(output, "utf8")).toMatch(/^errors<<.+\n1\n/m);
    });
  },
);

const secretOutside =
  "apiVersion: v1\nkind: Secret\nmetadata: {name: outside-secret-name}\nstringData: {password: hunter2}\n";
const application = (repoURL: string, dir: string) =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: guestbook, namespace: argocd}\nspec:\n  project: default\n  source: {repoURL: ${repoURL}, targetRevision: main, path: ${dir}}\n  destination: {server: https://kubernetes.default.svc, namespace: guestbook}\n`;

/** A workspace `ws` beside `outside/secret.yaml`, which the workspace links to. */
function workspaceWithLinks(files: Record<string, string>, links: Record<string, string>) {
  const top = repo({ "outside/secret.yaml": secretOutside });
  const ws = path.join(top, "ws");
  write(ws, files);
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(path.dirname(path.join(ws, link)), { recursive: true });
    symlinkSync(target, path.join(ws, link));
  }
  return { top, ws };
}

describe("gitops-pipeline validate keeps to its workspace (built bundle)", () => {
  it("takes the directory given as the workspace: links out of it are named, never read; loops end", async () => {
    const { top, ws } = workspaceWithLinks(
      { "apps/web.yaml": clean },
      { "apps/leak.yaml": "../../outside/secret.yaml", "apps/self": ".", again: "." },
    );
    // Run from beside the workspace, naming it.
    const beside = path.join(top, "beside");
    mkdirSync(beside);
    const result = await validate(["--render", "never", "--format", "json", ws], beside);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain("outside-secret-name");
    const findings = JSON.parse(result.stdout).findings as { rule: string; file: string; message: string }[];
    expect(findings.map((f) => `${f.rule} ${path.relative(ws, f.file)}`)).toEqual([
      "symlink again",
      "symlink apps/leak.yaml",
      "symlink apps/self",
    ]);
    // Another path, or a CRD file, outside the workspace is bad usage.
    const outside = await validate(["--render", "never", ".", "../.."], ws);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("path ../.. is outside the workspace");
    const crds = await validate(["--render", "never", "--crds", "../outside/secret.yaml"], ws);
    expect(crds.code).toBe(2);
    expect(crds.stderr).toContain("the CRD file ../outside/secret.yaml is outside the workspace");
  });

  it("uses the validate section of a gitops-pipeline.yaml without environments", async () => {
    const dir = repo({
      "apps/cert.yaml":
        "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: c}\nspec: {secretName: x}\n",
      "apps/web.yaml": clean.replace("web:1.4.2", "web:latest"),
      "gitops-pipeline.yaml": "validate:\n  ignoreKinds: [Certificate]\n  rules: {latest-tag: warning}\n",
    });
    const result = await validate(["--render", "never"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("warning [latest-tag]");
    expect(result.stdout).not.toContain("unknown-kind");
    // Naming a file: the workspace is still the current directory, and its config applies.
    const one = await validate(["--render", "never", "apps/cert.yaml"], dir);
    expect(one).toMatchObject({ code: 0, stdout: "1 file, 1 resource: 0 errors, 0 warnings\n" });
  });

  it("applies production rules only as the config says, and says so", async () => {
    const files = {
      "dev/web.yaml": clean.replace("web:1.4.2", "web:1.4"),
      "prod/web.yaml": clean.replace("web:1.4.2", "web:1.4").replace("name: web", "name: api"),
    };
    // One environment: nothing is promoted into it, so it is not production.
    const one = repo({ ...files, "gitops-pipeline.yaml": "environments:\n  dev: {paths: [dev, prod]}\n" });
    const alone = await validate(["--render", "never"], one);
    expect(alone).toMatchObject({ code: 0, stderr: "" });
    // The last of two is, and the run says which and how to change it.
    const two = repo({
      ...files,
      "gitops-pipeline.yaml": "environments:\n  dev: {paths: [dev]}\n  prod: {paths: [prod]}\n",
    });
    const pair = await validate(["--render", "never"], two);
    expect(pair.code).toBe(1);
    expect(pair.stdout).toContain("prod/web.yaml:16:11: error [mutable-tag]");
    expect(pair.stderr).toContain('apply to production environment "prod" (set validate.production');
    const none = repo({
      ...files,
      "gitops-pipeline.yaml":
        "environments:\n  dev: {paths: [dev]}\n  prod: {paths: [prod]}\nvalidate:\n  production: []\n",
    });
    expect(await validate(["--render", "never"], none)).toMatchObject({ code: 0, stderr: "" });
  });

  it.runIf(hasComponent("git"))(
    "takes this repository's URLs from its remotes and --repository-url",
    async () => {
      const dir = repo({
        "argocd/guestbook.yaml": application("https://github.com/acme/config.git", "apps/guestbook"),
      });
      expect((await validate(["--render", "never"], dir)).code).toBe(0);
      const named = await validate(
        ["--render", "never", "--repository-url", "git@github.com:acme/config"],
        dir,
      );
      expect(named.code).toBe(1);
      expect(named.stdout).toContain(
        'argocd/guestbook.yaml:6:79: error [argocd-app-path] Application/argocd/guestbook: source path "apps/guestbook" does not exist in this repository',
      );
      execFileSync("git", ["init", "-q", dir]);
      execFileSync("git", ["-C", dir, "remote", "add", "origin", "https://github.com/acme/config"]);
      // From a subdirectory too: the repository is the workspace, and paths are looked up from its root.
      const fromRemote = await validate(["--render", "never"], path.join(dir, "argocd"));
      expect(fromRemote.code).toBe(1);
      expect(fromRemote.stdout).toContain("guestbook.yaml:6:79: error [argocd-app-path]");
      write(dir, { "apps/guestbook/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n" });
      expect((await validate(["--render", "never"], path.join(dir, "argocd"))).code).toBe(0);
    },
  );
});

describe("validate-manifests action keeps repository content in its place (built bundle)", () => {
  const action = (cwd: string, inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runBundledAction("validate-manifests", {
      inputs: { render: "never", ...inputs },
      cwd,
      env: { GITHUB_WORKSPACE: cwd, ...env },
    });

  it("writes sarif-file only inside the workspace, never through a link, creating missing directories", async () => {
    const { top, ws } = workspaceWithLinks(
      { "apps/web.yaml": clean },
      { "report.sarif": "../outside/target.sarif", out: "../outside" },
    );
    const victim = path.join(top, "outside", "secret.yaml");
    const before = readFileSync(victim, "utf8");
    for (const [input, message] of [
      ["report.sarif", "sarif-file: report.sarif is a symbolic link; the report is not written through it"],
      ["out/secret.yaml", "sarif-file: out/secret.yaml leads outside the workspace through a symbolic link"],
      ["../outside/secret.yaml", "sarif-file: ../outside/secret.yaml is outside the workspace"],
      [victim, `sarif-file: ${victim} is outside the workspace`],
    ]) {
      const result = await action(ws, { "sarif-file": input });
      expect(result.code, input).toBe(1);
      expect(result.stdout, input).toContain(`::error::${message}`);
    }
    expect(readFileSync(victim, "utf8")).toBe(before);
    expect(existsSync(path.join(top, "outside", "target.sarif"))).toBe(false);

    const nested = await action(ws, { "sarif-file": "reports/validate/out.sarif" });
    expect(nested.code, nested.stdout).toBe(0);
    expect(nested.outputs["sarif-file"]).toBe(path.join(ws, "reports/validate/out.sarif"));
    expect(JSON.parse(readFileSync(path.join(ws, "reports/validate/out.sarif"), "utf8")).version).toBe(
      "2.1.0",
    );
  });

  it.runIf(hasComponent("git"))(
    "uses only commit ids from the event: an option-like base is refused, everything is checked",
    async () => {
      const dir = repo({ "apps/web.yaml": broken });
      execFileSync("git", ["init", "-q", "-b", "main", dir]);
      execFileSync("git", ["-C", dir, "add", "."]);
      execFileSync("git", [
        "-C",
        dir,
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-qm",
        "x",
      ]);
      const head = execFileSync("git", ["-C", dir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
      const written = path.join(dir, "..", `${path.basename(dir)}-written`);
      roots.push(written);
      const result = await runBundledAction("validate-manifests", {
        inputs: { render: "never", "fail-on": "never" },
        cwd: dir,
        env: { GITHUB_WORKSPACE: dir },
        event: {
          name: "pull_request",
          payload: { pull_request: { base: { sha: `--output=${written}` }, head: { sha: head } } },
          ref: "refs/pull/1/merge",
          sha: head,
        },
      });
      expect(result.code, result.stdout).toBe(0);
      expect(existsSync(written)).toBe(false);
      expect(result.stdout).toContain(
        `::warning::pull_request.base.sha of the event is not a commit id ("--output=${written}"); checking everything.`,
      );
      expect(result.stdout).toContain("1 file, 1 resource: 2 errors, 0 warnings");
    },
  );

  it("turns no file or resource name into a workflow command, and keeps the summary table whole", async () => {
    const name = "web\\n::error::pwned-name|<img src=x>[x](https://evil.example)";
    const file = "apps/a,b:c|<b>\n::warning::pwned-file.yaml";
    const dir = repo({
      [file]: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "${name}"\ndata: {a: 1}\n`,
    });
    const result = await action(dir, { "fail-on": "never" });
    expect(result.code, result.stdout).toBe(0);
    const commands = workflowCommands(result.stdout);
    expect(commands.filter((c) => /pwned/.test(c.name) || /^pwned/.test(c.data))).toEqual([]);
    // Annotations carry the file name whole, escaped in their properties.
    const annotations = commands.filter((c) => c.name === "error" || c.name === "warning");
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) {
      const props = /^::\w+ ([^:]*)::/.exec(a.line)?.[1] ?? "";
      const fileProp =
        props
          .split(",")
          .find((p) => p.startsWith("file="))
          ?.slice(5) ?? "";
      expect(decodeURIComponent(fileProp)).toBe(file);
    }
    const rows = result.summary.split("\n").filter((l) => /^\| (error|warning) /.test(l));
    expect(rows.length).toBe(annotations.length);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).slice(1, -1)).toHaveLength(5);
    expect(result.summary).not.toMatch(/<img|<b>|\]\(https|\n::/);
  });

  it("knows the repository it runs for: a lone Application pointing at a missing path here is an error", async () => {
    const dir = repo({
      "argocd/guestbook.yaml": application("https://github.com/acme/config.git", "apps/guestbook"),
    });
    const other = await action(dir, {}, { GITHUB_REPOSITORY: "acme/web" });
    expect(other.code, other.stdout).toBe(0);
    const here = await action(
      dir,
      {},
      { GITHUB_REPOSITORY: "acme/config", GITHUB_SERVER_URL: "https://github.com" },
    );
    expect(here.code).toBe(1);
    expect(here.stdout).toContain(
      '::error title=argocd-app-path,file=argocd/guestbook.yaml,line=6,col=79::Application/argocd/guestbook: source path "apps/guestbook" does not exist in this repository',
    );
    const named = await action(
      dir,
      { "repository-url": "git@github.com:acme/config.git" },
      { GITHUB_REPOSITORY: "acme/web" },
    );
    expect(named.code).toBe(1);
  });
});
