import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { ROOT } from "../support/action.js";

const FIXTURE = path.join(ROOT, "test/fixtures/promote-repo");
const CLI = path.join(ROOT, "dist/cli/index.js");
const WEB_NEW = "sha256:4b9a3e0f5c1d2e7a8b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
const WEB_OLD = "sha256:0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4";
const API = "apps/api/overlays/production/deployment-patch.yaml";
const WEB = "apps/web/overlays/production/kustomization.yaml";
const STAGING_WEB = "apps/web/overlays/staging/kustomization.yaml";

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

let repo: string;
beforeEach(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), "promote-cli-"));
  temps.push(repo);
  await cp(FIXTURE, repo, { recursive: true });
});

function cli(...args: string[]) {
  const result = spawnSync("node", [CLI, ...args], { cwd: repo, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of a directory tree with its bytes, for before/after comparisons. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full)] = await readFile(full, "latin1");
  }
  return files;
}

const expectedApi = (before: string) =>
  before.replace("'ghcr.io/acme/api:2.2.1'", "'ghcr.io/acme/api:2.3.0'");
const expectedWeb = (before: string) =>
  before.replace('newTag: "1.9"', 'newTag: "1.10"').replace(WEB_OLD, WEB_NEW);

describe("gitops-pipeline promote", () => {
  it("edits only the target's image references, byte for byte, and reports each change", async () => {
    const before = await snapshot(repo);
    const run = cli("promote", "--repo", ".", "--to", "production");
    expect(run.stderr).toBe(
      "promote: staging app api runs otel/opentelemetry-collector:0.112.0, which production does not reference; not added\n" +
        "promote: app worker exists only in staging; skipped\n",
    );
    expect(run.stdout).toBe(
      `${API}:11: ghcr.io/acme/api 2.2.1 -> 2.3.0\n${WEB}:16: ghcr.io/acme/web 1.9@${WEB_OLD} -> 1.10@${WEB_NEW}\n`,
    );
    expect(run.code).toBe(0);
    expect(await snapshot(repo)).toEqual({
      ...before,
      [API]: expectedApi(before[API]!),
      [WEB]: expectedWeb(before[WEB]!),
    });

    const again = cli("promote", "--repo", ".", "--from", "staging", "--to", "production", "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ changes: [] });
    const diff = cli("diff-envs", "--repo", ".", "staging", "production");
    expect(diff.stdout).toBe(
      [
        "APP     IMAGE                         STAGING  PRODUCTION",
        "api     otel/opentelemetry-collector  0.112.0  -",
        "worker  ghcr.io/acme/worker           0.4.0    -",
        "",
      ].join("\n"),
    );
  });

  it("prints the JSON of update-tag, and in dry-run a unified diff with nothing written", async () => {
    const before = await snapshot(repo);
    const json = cli("promote", "--repo", ".", "--to", "production", "--json", "--dry-run", "--app", "api");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      changes: [{ file: API, line: 11, image: "ghcr.io/acme/api", from: "2.2.1", to: "2.3.0" }],
    });
    const dry = cli(
      "promote",
      "--repo",
      ".",
      "--to",
      "production",
      "--dry-run",
      "--image",
      "ghcr.io/acme/web",
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      [
        `--- a/${WEB}`,
        `+++ b/${WEB}`,
        "@@ -12,9 +12,9 @@",
        " ",
        " images:",
        "   # the storefront, built by acme/web",
        "   - name: ghcr.io/acme/web",
        '-    newTag: "1.9"',
        `-    digest: ${WEB_OLD}`,
        '+    newTag: "1.10"',
        `+    digest: ${WEB_NEW}`,
        "   - name: nginx",
        "     newName: docker.io/library/nginx",
        "     newTag: 1.27.3-alpine",
        "",
      ].join("\n"),
    );
    expect(await snapshot(repo)).toEqual(before);
  });

  it.each([
    [["--repo", ".", "--to", "staging"], 1, /environment 'staging' is the first in the promotion order/],
    [["--repo", ".", "--to", "qa"], 1, /environment 'qa' is not defined in gitops-pipeline.yaml/],
    [
      ["--repo", ".", "--to", "production", "--app", "cart"],
      1,
      /app "cart" is not in both staging and production/,
    ],
    [["--repo", ".", "--from", "production", "--to", "production"], 1, /cannot promote production to itself/],
    [["--repo", "."], 2, /--to is required/],
    [["--repo", ".", "--to", "production", "--bogus"], 2, /Unknown option '--bogus'/],
    [["--repo", "missing", "--to", "production"], 1, /cannot read gitops-pipeline\.yaml \(ENOENT\)/],
  ])("refuses %j with exit %i", async (args, code, message) => {
    const before = await snapshot(repo);
    const run = cli("promote", ...args);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(code);
    expect(await snapshot(repo)).toEqual(before);
  });

  /** Replaces one line's text in a file of the repository. */
  async function edit(file: string, from: string, to: string) {
    const full = path.join(repo, file);
    const text = await readFile(full, "utf8");
    expect(text).toContain(from);
    await writeFile(full, text.replace(from, to));
  }

  it.each([
    [String.raw`"sha-1\nnamePrefix: pwned-"`, String.raw`"sha-1\nnamePrefix: pwned-"`],
    [String.raw`"1.0\nkind: Secret"`, String.raw`"1.0\nkind: Secret"`],
    ["'1.0 # x'", '"1.0 # x"'],
  ])("refuses the source tag %s at its line, in promote and diff-envs, writing nothing", async (yaml, shown) => {
    await edit(STAGING_WEB, 'newTag: "1.10"', `newTag: ${yaml}`);
    const before = await snapshot(repo);
    for (const args of [
      ["promote", "--repo", ".", "--to", "production"],
      ["diff-envs", "--repo", ".", "staging", "production"],
    ]) {
      const run = cli(...args);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      const lines = run.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(
        `gitops-pipeline ${args[0]}: ${STAGING_WEB}:9: staging references ghcr.io/acme/web with an invalid tag ${shown}: `,
      );
      expect(lines[1]).toContain(`Correct it in ${STAGING_WEB}`);
    }
    expect(await snapshot(repo)).toEqual(before);
  });

  it("refuses an invalid current tag of the target it would rewrite, and promotes other images past it", async () => {
    await edit(WEB, 'newTag: "1.9"', String.raw`newTag: "1.9\n"`);
    const before = await snapshot(repo);
    const refused = cli("promote", "--repo", ".", "--to", "production");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      String.raw`gitops-pipeline promote: ${WEB}:16: production references ghcr.io/acme/web with an invalid tag "1.9\n": `,
    );
    expect(await snapshot(repo)).toEqual(before);
    const api = cli("promote", "--repo", ".", "--to", "production", "--image", "ghcr.io/acme/api");
    expect(api.code).toBe(0);
    expect(api.stdout).toBe(`${API}:11: ghcr.io/acme/api 2.2.1 -> 2.3.0\n`);
  });

  it("points a bad deployment window at its line in the config file", async () => {
    const config = path.join(repo, "gitops-pipeline.yaml");
    await writeFile(
      config,
      (await readFile(config, "utf8")).replace("Mon-Fri 09:00-17:00", "Mon-Fri 9am-5pm"),
    );
    const run = cli("promote", "--repo", ".", "--to", "production");
    expect(run.stderr).toMatch(
      /^gitops-pipeline promote: gitops-pipeline\.yaml:11:15: deployment window .* bad time "9am"/,
    );
    expect(run.code).toBe(1);
  });

  it("refuses an ambiguous source with the candidates, writing nothing", async () => {
    const patch = path.join(repo, "apps/api/overlays/staging/migrate-job.yaml");
    await writeFile(
      patch,
      "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n        - name: migrate\n          image: ghcr.io/acme/api:2.2.9\n",
    );
    const before = await snapshot(repo);
    const run = cli("promote", "--repo", ".", "--to", "production");
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "gitops-pipeline promote: apps/api/overlays/staging/deployment-patch.yaml:10: app api in staging runs ghcr.io/acme/api at 2 different versions, so which one to promote is ambiguous:\n" +
        "    apps/api/overlays/staging/deployment-patch.yaml:10: ghcr.io/acme/api:2.3.0\n" +
        "    apps/api/overlays/staging/migrate-job.yaml:10: ghcr.io/acme/api:2.2.9\n" +
        "  Make staging use one version of ghcr.io/acme/api in app api, or promote the other images with --image.\n",
    );
    expect(await snapshot(repo)).toEqual(before);
  });
});

describe("gitops-pipeline diff-envs", () => {
  it("prints the differing image versions per app as a table, digests shortened", () => {
    const run = cli("diff-envs", "--repo", ".", "staging", "production");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "APP     IMAGE                         STAGING                   PRODUCTION",
        "api     ghcr.io/acme/api              2.3.0                     2.2.1",
        "api     otel/opentelemetry-collector  0.112.0                   -",
        "web     ghcr.io/acme/web              1.10@sha256:4b9a3e0f5c1d  1.9@sha256:0d1c2b3a4f5e",
        "worker  ghcr.io/acme/worker           0.4.0                     -",
        "",
      ].join("\n"),
    );
  });

  it("prints full versions as JSON, and says so when nothing differs", () => {
    const json = cli("diff-envs", "--repo", ".", "production", "staging", "--json");
    expect(JSON.parse(json.stdout).differences[2]).toEqual({
      app: "web",
      image: "ghcr.io/acme/web",
      production: [`1.9@${WEB_OLD}`],
      staging: [`1.10@${WEB_NEW}`],
    });
    const same = cli("diff-envs", "--repo", ".", "production", "production");
    expect(same.stdout).toBe("production and production run the same image versions (2 apps)\n");
    const usage = cli("diff-envs", "--repo", ".", "staging");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/give exactly two environments, got 1/);
  });
});
