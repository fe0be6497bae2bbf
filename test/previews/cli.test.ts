import { execFile, spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { loadConfig } from "../../src/environments/index.js";
import { hasComponent, missingComponent } from "../support/components.js";

const CLI = fileURLToPath(new URL("../../dist/cli/index.js", import.meta.url));
const EXAMPLE = fileURLToPath(new URL("../../examples/config-repo", import.meta.url));
const IMAGE = "ghcr.io/acme/guestbook-frontend";
const KUBECTL = hasComponent("kubectl", ["version", "--client"]) || missingComponent("kubectl");

let base = "";
let repo = "";

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", [CLI, "preview", ...args], { cwd: base });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function git(...args: string[]): string {
  const result = spawnSync("git", ["-C", repo, ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

/** Objects kubectl kustomize renders for a folder of the checkout. */
interface RenderedObject {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: { template: { spec: { containers: { image: string }[] } } };
  subjects?: { namespace: string }[];
}

function render(dir: string): RenderedObject[] {
  const result = spawnSync("kubectl", ["kustomize", join(repo, dir)], { encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  return parseAllDocuments(result.stdout).map((doc) => doc.toJS());
}

describe("gitops-pipeline preview (built bundle, on a git checkout)", () => {
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), "gitops-preview-"));
    repo = join(base, "config");
    await cp(EXAMPLE, repo, { recursive: true });
    git("init", "-q", "-b", "main");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "seed");
  });
  afterEach(() => rm(base, { recursive: true, force: true }));

  it.runIf(KUBECTL)(
    "update writes an overlay kustomize renders into its own namespace with the PR's image; a re-run changes no byte",
    async () => {
      const result = await cli("update", "--repo", "config", "--pr", "12", "--image", `${IMAGE}:pr-12`);
      expect(result, result.stderr).toMatchObject({ code: 0 });
      expect(result.stdout).toBe(
        `#12 created: apps/guestbook/previews/pr-12 (namespace guestbook-pr-12) → ${IMAGE}:pr-12\n`,
      );
      expect(git("status", "--porcelain", "--untracked-files=all")).toBe(
        "?? apps/guestbook/previews/pr-12/kustomization.yaml\n?? apps/guestbook/previews/pr-12/namespace.yaml\n",
      );
      const objects = render("apps/guestbook/previews/pr-12");
      const namespaces = objects.filter((o) => o.kind === "Namespace");
      expect(namespaces.map((o) => o.metadata.name)).toEqual(["guestbook-pr-12"]);
      for (const object of objects.filter((o) => o.kind !== "Namespace"))
        expect(object.metadata.namespace, `${object.kind}/${object.metadata.name}`).toBe("guestbook-pr-12");
      const frontend = objects.find((o) => o.kind === "Deployment" && o.metadata.name === "frontend");
      expect(frontend?.spec?.template.spec.containers[0].image).toBe(`${IMAGE}:pr-12`);
      // The dev environment itself is untouched.
      const dev = render("apps/guestbook/overlays/dev");
      expect(
        dev.find((o) => o.kind === "Deployment" && o.metadata.name === "frontend")?.metadata.namespace,
      ).toBe("guestbook-dev");

      git("add", "-A");
      git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "preview");
      const again = await cli("update", "--repo", "config", "--pr", "12", "--image", `${IMAGE}:pr-12`);
      expect(again.stdout).toContain("#12 unchanged");
      expect(git("status", "--porcelain")).toBe("");
    },
  );

  it.runIf(KUBECTL)("adds a name suffix when the template renders cluster-wide objects", async () => {
    const dev = join(repo, "apps/guestbook/overlays/dev");
    await writeFile(
      join(dev, "reader.yaml"),
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: guestbook-view\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n  - kind: ServiceAccount\n    name: default\n    namespace: guestbook-dev\n",
    );
    const kustomization = join(dev, "kustomization.yaml");
    await writeFile(
      kustomization,
      (await readFile(kustomization, "utf8")).replace(
        "  - redis-auth.sealedsecret.yaml\n",
        "  - redis-auth.sealedsecret.yaml\n  - reader.yaml\n",
      ),
    );
    expect((await cli("update", "--repo", "config", "--pr", "3", "--image", `${IMAGE}:pr-3`)).code).toBe(0);
    const objects = render("apps/guestbook/previews/pr-3");
    const binding = objects.find((o) => o.kind === "ClusterRoleBinding");
    expect(binding?.metadata.name).toBe("guestbook-view-pr-3");
    expect(binding?.subjects?.[0]?.namespace).toBe("guestbook-pr-3");
    expect(objects.find((o) => o.kind === "Namespace")?.metadata.name).toBe("guestbook-pr-3");
  });

  it("lists, sweeps by ttl and by open pull requests, and deletes, leaving other files alone", async () => {
    for (const n of ["1", "2", "3"])
      expect((await cli("update", "--repo", "config", "--pr", n)).code).toBe(0);
    const stale = join(repo, "apps/guestbook/previews/pr-3/kustomization.yaml");
    await writeFile(
      stale,
      (await readFile(stale, "utf8")).replace(/updated: \S+/, "updated: 2020-01-01T00:00:00Z"),
    );
    const listed = await cli("list", "--repo", "config", "--json");
    expect(JSON.parse(listed.stdout).previews.map((p: { number: number }) => p.number)).toEqual([1, 2, 3]);

    const dry = await cli("sweep", "--repo", "config", "--open", "1,3", "--dry-run");
    expect(dry.stdout).toContain(
      "#2 would remove: apps/guestbook/previews/pr-2 (namespace guestbook-pr-2) — pull request #2 is not open",
    );
    expect(dry.stdout).toContain("#3 would remove");
    expect(git("status", "--porcelain", "--untracked-files=all").split("\n").filter(Boolean)).toHaveLength(6);

    const byTtl = await cli("sweep", "--repo", "config");
    expect(byTtl.code).toBe(0);
    expect(byTtl.stdout).toBe(
      "#1 kept: apps/guestbook/previews/pr-1 (namespace guestbook-pr-1)\n" +
        "#2 kept: apps/guestbook/previews/pr-2 (namespace guestbook-pr-2)\n" +
        "#3 removed: apps/guestbook/previews/pr-3 (namespace guestbook-pr-3) — not updated for longer than 7d (since 2020-01-01T00:00:00.000Z)\n",
    );
    const removed = await cli("delete", "--repo", "config", "--pr", "2");
    expect(removed.stdout).toBe("#2 removed: apps/guestbook/previews/pr-2 (namespace guestbook-pr-2)\n");
    expect(git("status", "--porcelain", "--untracked-files=all")).toBe(
      "?? apps/guestbook/previews/pr-1/kustomization.yaml\n?? apps/guestbook/previews/pr-1/namespace.yaml\n",
    );
  });

  it.each([
    [["update", "--pr", "abc"], "--pr must be a positive whole number"],
    [["update", "--pr", "0"], "--pr must be a positive whole number"],
    [["update", "--pr", "99999999999"], "--pr must be a positive whole number"],
    [["delete"], "preview delete needs --pr N"],
    [["sweep", "--open", "1;rm"], "--open must be a positive whole number"],
    [["update", "--pr", "1", "--image", "Bad Image"], "invalid image reference"],
  ])("refuses %j before touching the checkout", async (args, message) => {
    const result = await cli(...args.slice(0, 1), "--repo", "config", ...args.slice(1));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(message);
    expect(git("status", "--porcelain", "--untracked-files=all")).toBe("");
  });

  it("refuses a template that does not exist, pointing at its line, and writes nothing", async () => {
    const file = join(repo, "gitops-pipeline.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(
      file,
      text.replace("template: apps/guestbook/overlays/dev", "template: apps/guestbook/overlays/qa"),
    );
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "qa");
    const line = text.split("\n").findIndex((l) => l.includes("template:")) + 1;
    const result = await cli("update", "--repo", "config", "--pr", "1");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `gitops-pipeline.yaml:${line}: the preview template apps/guestbook/overlays/qa has no kustomization`,
    );
    expect(git("status", "--porcelain", "--untracked-files=all")).toBe("");
  });
});

describe("previews: in gitops-pipeline.yaml", () => {
  const config = (preview: string) =>
    `environments:\n  dev: {paths: [apps/*/dev]}\npreviews:\n  web:\n${preview
      .split("\n")
      .map((line) => `    ${line}`)
      .join("\n")}\n`;
  const valid = "template: apps/web/dev\npath: apps/web/previews/pr-{number}\nnamespace: web-pr-{number}";

  it("reads an entry with its ttl and the commit mode by default", () => {
    expect(loadConfig(config(`${valid}\nttl: 48h`)).previews).toEqual([
      {
        name: "web",
        template: "apps/web/dev",
        path: "apps/web/previews/pr-{number}",
        namespace: "web-pr-{number}",
        ttl: "48h",
        ttlMs: 48 * 3_600_000,
        mode: "commit",
        line: 4,
        templateLine: 5,
      },
    ]);
  });

  it.each([
    [
      "path: ../outside/pr-{number}",
      6,
      "path of preview 'web': path \"../outside/pr-1\" leaves the repository",
    ],
    ["path: apps/web/previews/latest", 6, "must contain {number} in its last segment"],
    ["path: apps/{number}/web", 6, "must contain {number} in its last segment"],
    ["path: apps/web/previews/pr-*-{number}", 6, "holds a glob"],
    ["namespace: web-preview", 7, "namespace of preview 'web' must contain {number}"],
    [
      "namespace: Web_PR-{number}",
      7,
      "gives 'Web_PR-1' for pull request 1, which is not a valid namespace name",
    ],
    [
      `namespace: ${"w".repeat(55)}-{number}`,
      7,
      "for pull request 2147483647, which is not a valid namespace name",
    ],
    ["template: /etc", 5, "template of preview 'web': path \"/etc\" is absolute"],
    ["ttl: 7 days", 8, "ttl of preview 'web' is '7 days', not a duration"],
    ["mode: push", 8, "mode of preview 'web' must be 'commit' or 'pull-request'"],
    ["colour: blue", 8, "unknown key 'colour' in preview 'web'"],
  ])("%s fails at line %i", (override, line, message) => {
    const key = override.split(":")[0]!;
    const lines = valid.split("\n").filter((l) => !l.startsWith(`${key}:`));
    const text = ["template", "path", "namespace"].includes(key)
      ? valid.replace(new RegExp(`${key}: .*`), override)
      : `${lines.join("\n")}\n${override}`;
    let error: unknown;
    try {
      loadConfig(config(text), "gitops-pipeline.yaml");
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).message).toContain(message);
    expect((error as { location: { line: number } }).location.line).toBe(line);
  });
});
