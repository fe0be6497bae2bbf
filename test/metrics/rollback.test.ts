import { spawnSync } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/action.js";
import { CONFIG, HistoryRepo, kustomization, SHA, trailers } from "./history-support.js";

const CLI = path.join(ROOT, "dist/cli/index.js");
const WEB = "apps/web/overlays/production/kustomization.yaml";
const API = "apps/api/overlays/production/kustomization.yaml";
const api = (tag: string) => kustomization(tag).replace("ghcr.io/acme/web", "ghcr.io/acme/api");

let repo: HistoryRepo;
afterAll(() => rm(repo.dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync("node", [CLI, ...args], { cwd: repo.dir, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  repo = await HistoryRepo.create("rollback-cli-");
  await repo.commit("2026-03-01T00:00:00Z", "environments", {
    "gitops-pipeline.yaml": CONFIG,
    [WEB]: kustomization("1.0.0"),
    [API]: api("3.0.0"),
  });
  await repo.commit("2026-03-02T10:00:00Z", `web 1.1.0${trailers(SHA.a, "2026-03-02T09:00:00Z")}`, {
    [WEB]: kustomization("1.1.0"),
  });
  await repo.commit("2026-03-03T10:00:00Z", "api 3.1.0", { [API]: api("3.1.0") });
  await repo.commit("2026-03-04T10:00:00Z", "web 1.2.0", { [WEB]: kustomization("1.2.0") });
});

describe("gitops-pipeline rollback (built bundle)", () => {
  it("puts the environment back on its last known-good references, and never back onto a rolled-back one", async () => {
    const dry = cli("rollback", "--env", "production", "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('-    newTag: "1.2.0"');
    expect(dry.stdout).toContain('+    newTag: "1.1.0"');
    expect(await readFile(path.join(repo.dir, WEB), "utf8")).toBe(kustomization("1.2.0"));

    const done = cli("rollback", "--env", "production", "--json");
    expect(done.code, done.stderr).toBe(0);
    const result = JSON.parse(done.stdout);
    expect(result.changes).toEqual([
      { file: WEB, line: 5, image: "ghcr.io/acme/web", from: "1.2.0", to: "1.1.0" },
    ]);
    expect(result.reason).toMatch(/^the last deployment no later change rolled back, [0-9a-f]{7}$/);
    expect(await readFile(path.join(repo.dir, WEB), "utf8")).toBe(kustomization("1.1.0"));
    expect(await readFile(path.join(repo.dir, API), "utf8")).toBe(api("3.1.0"));

    // Once the rollback is committed, 1.2.0 is known bad: the previous references would bring it back.
    repo.git("2026-03-04T11:00:00Z", "commit", "-qam", "roll back production");
    const again = cli("rollback", "--env", "production");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe("production already runs those references; nothing changed\n");
  });

  it("refuses an environment without history to return to", () => {
    const run = cli("rollback", "--env", "staging");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("gitops-pipeline.yaml:5: staging has no earlier image references");
  });
});
