import { execFile, spawnSync } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { aliasBomb } from "../environments/alias-bomb.js";
import { missingComponent } from "../support/components.js";
import { useFixtureRepo } from "../update/repo.js";

const CLI = fileURLToPath(new URL("../../dist/cli/index.js", import.meta.url));
const D1 = `sha256:${"1".repeat(64)}`;
const D9 = `sha256:${"9".repeat(64)}`;

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", [CLI, "update-tag", ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path), await readFile(path, "latin1"));
    }
  };
  await walk(dir);
  return files;
}

describe("gitops-pipeline update-tag (built bundle)", () => {
  const repo = useFixtureRepo();
  let before: Map<string, string>;
  beforeEach(async () => {
    before = await snapshot(repo.dir);
  });

  const changed = async () => {
    const after = await snapshot(repo.dir);
    return [...after.keys()].filter((path) => after.get(path) !== before.get(path)).sort();
  };

  it("--env edits the environment's files in place and prints where", async () => {
    const result = await run(["--repo", repo.dir, "--env", "dev", "--image", "ghcr.io/acme/web:1.5.0"], "/");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      "apps/web/overlays/dev/kustomization.yaml:11: ghcr.io/acme/web 1.4.2 -> 1.5.0\n",
    );
    expect(await changed()).toEqual(["apps/web/overlays/dev/kustomization.yaml"]);
    expect(await readFile(join(repo.dir, "apps/web/overlays/dev/kustomization.yaml"), "utf8")).toBe(
      before.get("apps/web/overlays/dev/kustomization.yaml")!.replace("newTag: 1.4.2 ", "newTag: 1.5.0 "),
    );
  });

  it("--json prints the changes with file relative to --repo and 1-based lines (relative --repo)", async () => {
    const result = await run(
      [
        "--repo",
        "repo",
        "--path",
        "apps/web/overlays/production",
        "--path",
        "apps/api/overlays/production/values.yaml",
        "--image",
        `ghcr.io/acme/web:1.5.0@${D9}`,
        "--image",
        "ghcr.io/acme/api:2.4.0",
        "--json",
      ],
      join(repo.dir, ".."),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      changes: [
        {
          file: "apps/api/overlays/production/values.yaml",
          line: 6,
          image: "ghcr.io/acme/api",
          from: "2.3.1",
          to: "2.4.0",
        },
        {
          file: "apps/web/overlays/production/kustomization.yaml",
          line: 8,
          image: "ghcr.io/acme/web",
          from: `1.4.0@${D1}`,
          to: `1.5.0@${D9}`,
        },
      ],
    });
    // CRLF kept, quoting kept, only the two values changed.
    expect(await readFile(join(repo.dir, "apps/web/overlays/production/kustomization.yaml"), "utf8")).toBe(
      before
        .get("apps/web/overlays/production/kustomization.yaml")!
        .replace('"1.4.0"', '"1.5.0"')
        .replace(D1, D9),
    );
  });

  it("--dry-run prints a unified diff and writes nothing", async () => {
    const result = await run(
      ["--repo", repo.dir, "--env", "dev", "--image", "ghcr.io/acme/worker:1.0.0", "--dry-run"],
      "/",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "--- a/apps/worker/overlays/dev/cronjob.yaml",
        "+++ b/apps/worker/overlays/dev/cronjob.yaml",
        "@@ -11,9 +11,9 @@",
        "         spec:",
        "           restartPolicy: OnFailure",
        "           containers:",
        "             - name: worker",
        "-              image: ghcr.io/acme/worker:0.9.0",
        "+              image: ghcr.io/acme/worker:1.0.0",
        " ---",
        " apiVersion: v1",
        " kind: ConfigMap",
        " metadata:",
        "",
      ].join("\n"),
    );
    expect(await changed()).toEqual([]);
  });

  it("exits 0 with no changes when already at that version", async () => {
    const result = await run(
      ["--repo", repo.dir, "--env", "staging", "--image", "ghcr.io/acme/web:1.4.2", "--json"],
      "/",
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ changes: [] });
    expect(await changed()).toEqual([]);
  });

  it("exits 1 and writes nothing when an image is referenced nowhere, unless --allow-missing", async () => {
    const args = [
      "--repo",
      repo.dir,
      "--env",
      "dev",
      "--image",
      "ghcr.io/acme/web:1.5.0",
      "--image",
      "ghcr.io/acme/ghost:1",
    ];
    const refused = await run(args, "/");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("not referenced under apps/*/overlays/dev: ghcr.io/acme/ghost:1");
    expect(await changed()).toEqual([]);
    const allowed = await run([...args, "--allow-missing", "--json"], "/");
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout).changes).toHaveLength(1);
    expect(await changed()).toEqual(["apps/web/overlays/dev/kustomization.yaml"]);
  });

  it("exits 1 with file:line on malformed YAML, leaving the valid files untouched too", async () => {
    await writeFile(join(repo.dir, "apps/web/overlays/dev/patch.yaml"), "spec:\n  replicas: [2\n");
    before = await snapshot(repo.dir);
    const result = await run(["--repo", repo.dir, "--env", "dev", "--image", "ghcr.io/acme/web:1.5.0"], "/");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^gitops-pipeline update-tag: apps\/web\/overlays\/dev\/patch\.yaml:3:\d+: malformed YAML/,
    );
    expect(await changed()).toEqual([]);
  });

  it("exits 1 on a path escaping the repository and on an invalid reference", async () => {
    const escaping = await run(
      ["--repo", repo.dir, "--path", "../", "--image", "ghcr.io/acme/web:1.5.0"],
      "/",
    );
    expect(escaping.code).toBe(1);
    expect(escaping.stderr).toContain("leaves the repository through '..'");
    const invalid = await run(["--repo", repo.dir, "--env", "dev", "--image", "ghcr.io/Acme/web:1.5.0"], "/");
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("the repository name must be lowercase");
    const unknownEnv = await run(
      ["--repo", repo.dir, "--env", "qa", "--image", "ghcr.io/acme/web:1.5.0"],
      "/",
    );
    expect(unknownEnv.code).toBe(1);
    expect(unknownEnv.stderr).toContain("Defined environments: dev, staging, production.");
    expect(await changed()).toEqual([]);
  });

  it("--config names another configuration file, relative to the working directory", async () => {
    await mkdir(join(repo.dir, "ops"));
    await writeFile(
      join(repo.dir, "ops/pipeline.yaml"),
      "environments:\n  canary: {paths: [apps/worker/overlays/dev], mode: commit}\n",
    );
    const result = await run(
      [
        "--repo",
        repo.dir,
        "--env",
        "canary",
        "--config",
        join(repo.dir, "ops/pipeline.yaml"),
        "--image",
        "ghcr.io/acme/worker:1.0.0",
        "--json",
      ],
      "/",
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).changes).toEqual([
      expect.objectContaining({ file: "apps/worker/overlays/dev/cronjob.yaml" }),
    ]);
    const missing = await run(
      ["--repo", repo.dir, "--env", "dev", "--config", "nope.yaml", "--image", "a/b:1"],
      "/",
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cannot read nope.yaml");
  });

  it("--json marks a change whose digest had no place, and the warning goes to stderr", async () => {
    const result = await run(
      ["--repo", repo.dir, "--env", "dev", "--image", `ghcr.io/acme/api:2.4.0@${D9}`, "--json"],
      "/",
    );
    expect(result.code).toBe(0);
    const warning = `image.tag has no place for a digest, so only the tag 2.4.0 is written and ${D9} is not pinned`;
    expect(JSON.parse(result.stdout).changes).toEqual([
      {
        file: "apps/api/overlays/dev/values.yaml",
        line: 6,
        image: "ghcr.io/acme/api",
        from: "2.3.1",
        to: "2.4.0",
        warning,
      },
    ]);
    expect(result.stderr).toBe(`update-tag: warning: apps/api/overlays/dev/values.yaml:6: ${warning}\n`);
  });

  it("says where an image is named but not edited, and why", async () => {
    const path = "apps/worker/overlays/dev/cronjob.yaml";
    const text = before
      .get(path)!
      .replace(
        "              image: ghcr.io/acme/worker:0.9.0\n",
        "              image: ghcr.io/acme/worker:0.9.0\n              env:\n                - {name: REPORTER, value: ghcr.io/acme/reporter:1.0.0}\n",
      );
    await writeFile(join(repo.dir, path), text);
    before = await snapshot(repo.dir);
    const result = await run(
      ["--repo", repo.dir, "--env", "dev", "--image", "ghcr.io/acme/reporter:1.1.0"],
      "/",
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "gitops-pipeline update-tag: not referenced where images are edited under apps/*/overlays/dev: ghcr.io/acme/reporter:1.1.0; named only here:\n" +
        `  ${path}:17:43: ghcr.io/acme/reporter is in spec.jobTemplate.spec.template.spec.containers[0].env[0].value, which is not a field read as an image (container images, kustomize images, Helm values image maps, Argo CD and Flux image settings, image fields of custom resources)\n` +
        "  Check the image name and the paths, or pass --allow-missing to update the others anyway.\n",
    );
    expect(await changed()).toEqual([]);
  });

  it("points at the line of an image in a template document, however its placeholders confuse the YAML parser", async () => {
    const path = "apps/worker/overlays/dev/report-job.yaml";
    // Continued plain scalars after a `{{ … }}` made line numbers drift upwards; `{{replicas}}` is a script's
    // placeholder, not Helm's.
    const flags = Array.from(
      { length: 7 },
      (_, i) => `            - {{ .Values.flag${i} }} --verbose\n              --level=${i}\n`,
    );
    const text =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: reporter\nspec:\n  replicas: {{replicas}}\n" +
      "  template:\n    spec:\n      containers:\n        - name: reporter\n          args:\n" +
      flags.join("") +
      "          image: ghcr.io/acme/reporter:1.0.0\n";
    const line = text.split("\n").indexOf("          image: ghcr.io/acme/reporter:1.0.0") + 1;
    expect(line).toBe(26);
    await writeFile(join(repo.dir, path), text);
    before = await snapshot(repo.dir);
    const result = await run(
      ["--repo", repo.dir, "--env", "dev", "--image", "ghcr.io/acme/reporter:1.1.0"],
      "/",
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `  ${path}:${line}:18: ghcr.io/acme/reporter is in a YAML document with template placeholders ({{ … }}), which is not YAML until something renders it (a Helm chart, a script's templating): set the value the placeholder is filled from\n`,
    );
    expect(await changed()).toEqual([]);
  });

  it("refuses a file whose document uses an anchor of another document, at the alias, and edits nothing", async () => {
    const path = "apps/worker/overlays/dev/cronjob.yaml";
    const text = `${before.get(path)!}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  labels: &labels\n    team: data\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n  labels: *labels\n`;
    await writeFile(join(repo.dir, path), text);
    before = await snapshot(repo.dir);
    const line = text.split("\n").indexOf("  labels: *labels") + 1;
    const result = await run(
      ["--repo", repo.dir, "--env", "dev", "--image", "ghcr.io/acme/worker:1.0.0"],
      "/",
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path}:${line}:11`);
    expect(result.stderr).toContain(
      "alias *labels names no anchor of its document (an anchor of that name is in another document of the file, and anchors do not reach across '---')",
    );
    expect(await changed()).toEqual([]);
  });

  it("edits a file that is not UTF-8 changing only the tag's bytes", async () => {
    const path = join(repo.dir, "apps/api/overlays/dev/values.yaml");
    const original = await readFile(path);
    const latin1 = Buffer.concat([
      Buffer.from("# Gr"),
      Buffer.from([0xf6]),
      Buffer.from("\u00dfe: 2\n"),
      original,
    ]);
    await writeFile(path, latin1);
    const result = await run(["--repo", repo.dir, "--env", "dev", "--image", "ghcr.io/acme/api:2.4.0"], "/");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(
      (await readFile(path)).equals(
        Buffer.from(latin1.toString("latin1").replace("'2.3.1'", "'2.4.0'"), "latin1"),
      ),
    ).toBe(true);
  });

  it("exits 1 with a clear error when --repo is a file", async () => {
    const file = join(repo.dir, "gitops-pipeline.yaml");
    const result = await run(["--repo", file, "--path", ".", "--image", "ghcr.io/acme/web:1.5.0"], "/");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `gitops-pipeline update-tag: repository directory ${JSON.stringify(file)} is not a directory\n  Pass the root directory of the config repository with --repo.\n`,
    );
  });

  it("exits 1 naming the file and line when gitops-pipeline.yaml nests aliases into a billion laughs", async () => {
    const config = before
      .get("gitops-pipeline.yaml")!
      .replace("\nvalidate:\n", `\nvalidate:\n${aliasBomb("  ")}\n`);
    await writeFile(join(repo.dir, "gitops-pipeline.yaml"), config);
    before = await snapshot(repo.dir);
    const result = await run(["--repo", repo.dir, "--env", "dev", "--image", "ghcr.io/acme/web:1.5.0"], "/");
    expect(result.code).toBe(1);
    const line = config.split("\n").indexOf("validate:") + 1;
    expect(result.stderr).toBe(
      `gitops-pipeline update-tag: gitops-pipeline.yaml:${line}:1: the validate section uses aliases that expand to too many nodes\n  Write the values out instead of nesting aliases (*name) inside anchored lists or maps.\n`,
    );
    expect(await changed()).toEqual([]);
  });

  it("exits 2 on bad usage", async () => {
    for (const args of [
      ["--repo", repo.dir, "--env", "dev"],
      ["--repo", repo.dir, "--image", "a:1"],
      ["--repo", repo.dir, "--env", "dev", "--path", "apps", "--image", "a:1"],
      ["--repo", repo.dir, "--env", "dev", "--image", "a:1", "--bogus"],
      ["--env", "dev", "--image", "a:1"],
      ["--repo", repo.dir, "--path", "apps", "--config", "x.yaml", "--image", "a:1"],
    ]) {
      const result = await run(args, "/");
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toContain("usage: gitops-pipeline update-tag");
    }
  });
});

// The machine's own Node (20) runs the CLI through bin/, as `npx gitops-pipeline` does after `npm ci`.
const SYSTEM_NODE = "/usr/bin/node";
const systemNode20 =
  spawnSync(SYSTEM_NODE, ["--version"], { encoding: "utf8" }).stdout?.startsWith("v20.") ||
  missingComponent("Node 20 at /usr/bin/node");

describe.skipIf(!systemNode20)("bin/gitops-pipeline.js on Node 20", () => {
  const repo = useFixtureRepo();
  it("runs update-tag --dry-run", async () => {
    const bin = fileURLToPath(new URL("../../bin/gitops-pipeline.js", import.meta.url));
    const { stdout } = await promisify(execFile)(SYSTEM_NODE, [
      bin,
      "update-tag",
      "--repo",
      repo.dir,
      "--env",
      "staging",
      "--image",
      "ghcr.io/acme/api:2.4.0",
      "--dry-run",
    ]);
    expect(stdout).toContain("-  tag: '2.3.1'\n+  tag: '2.4.0'\n");
  });
});
