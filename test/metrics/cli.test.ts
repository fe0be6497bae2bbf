import { spawnSync } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/action.js";
import { CONFIG, HistoryRepo, kustomization, overlay, SHA, trailers } from "./history-support.js";

const CLI = path.join(ROOT, "dist/cli/index.js");

let repo: HistoryRepo;
afterAll(() => rm(repo.dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync("node", [CLI, ...args], { cwd: repo.dir, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function report(...args: string[]) {
  const run = cli("metrics", "--json", ...args);
  expect(run.stderr).not.toMatch(/unexpected/);
  expect(run.code).toBe(0);
  return { ...JSON.parse(run.stdout), stderr: run.stderr };
}

const WEEK = ["--since", "2026-03-02", "--until", "2026-03-09"];

beforeAll(async () => {
  repo = await HistoryRepo.create("metrics-cli-");
  await repo.commit("2026-03-01T00:00:00Z", "environments", {
    "gitops-pipeline.yaml": CONFIG,
    "apps/web/base/kustomization.yaml": "resources: []\n",
    [overlay("dev")]: kustomization("1.0.0"),
    [overlay("staging")]: kustomization("1.0.0"),
    [overlay("production")]: kustomization("1.0.0"),
  });
  // App commit A (08:00) reaches dev at 10:00, staging at 12:00 and production the next morning at 08:00.
  await repo.commit("2026-03-02T10:00:00Z", `web 1.1.0 to dev${trailers(SHA.a, "2026-03-02T08:00:00Z")}`, {
    [overlay("dev")]: kustomization("1.1.0"),
  });
  await repo.commit("2026-03-02T12:00:00Z", "promote dev to staging", {
    [overlay("staging")]: kustomization("1.1.0"),
  });
  await repo.commit("2026-03-03T08:00:00Z", "promote staging to production", {
    [overlay("production")]: kustomization("1.1.0"),
  });
  await repo.commit("2026-03-03T09:00:00Z", "docs", { "README.md": "config\n" });
  // B (written with an offset: 08:00 UTC) reaches production at 12:00, which is rolled back at 13:30.
  await repo.commit(
    "2026-03-04T10:00:00Z",
    `web 1.2.0 to dev${trailers(SHA.b, "2026-03-04T09:00:00+01:00")}`,
    {
      [overlay("dev")]: kustomization("1.2.0"),
    },
  );
  await repo.commit("2026-03-04T12:00:00Z", "hotfix straight to production", {
    [overlay("production")]: kustomization("1.2.0"),
  });
  await repo.commit("2026-03-04T13:30:00Z", "roll production back", {
    [overlay("production")]: kustomization("1.1.0"),
  });
  // A comment is no change of what runs.
  await repo.commit("2026-03-04T14:00:00Z", "comment", {
    [overlay("production")]: kustomization("1.1.0", "# owned by the web team\n"),
  });
  await repo.commit("2026-03-05T10:00:00Z", `web 1.2.1 to dev${trailers(SHA.c, "2026-03-05T09:00:00Z")}`, {
    [overlay("dev")]: kustomization("1.2.1"),
  });
  // Production gets C through a merged pull request: the merge's time counts, not the branch commit's.
  repo.git(undefined, "checkout", "-qb", "promote/production");
  await repo.commit("2026-03-05T11:00:00Z", "promote dev to production", {
    [overlay("production")]: kustomization("1.2.1", "# owned by the web team\n"),
  });
  repo.git(undefined, "checkout", "-q", "main");
  repo.git(
    "2026-03-05T12:00:00Z",
    "merge",
    "-q",
    "--no-ff",
    "-m",
    "Merge promote/production",
    "promote/production",
  );
  // A trailer pair someone wrote by hand, badly: counted as rejected, not trusted.
  await repo.commit(
    "2026-03-10T10:00:00Z",
    "hand edit\n\nSource-Commit: acme/web@not-a-sha\nSource-Commit-Time: yesterday",
    { [overlay("dev")]: kustomization("1.2.2") },
  );
});

describe("gitops-pipeline metrics (built bundle)", () => {
  it("reports the four keys per environment from the first-parent history", () => {
    const result = report(...WEEK);
    expect(result.since).toBe("2026-03-02T00:00:00.000Z");
    expect(result.until).toBe("2026-03-09T00:00:00.000Z");
    expect(result.bandsSource).toMatch(/2023/);
    expect(result.environments.map((env: { name: string }) => env.name)).toEqual([
      "dev",
      "staging",
      "production",
    ]);
    const production = result.environments[2];
    expect(production).toMatchObject({
      name: "production",
      deployments: 4,
      deploymentsPerDay: 0.571,
      deploymentsPerWeek: 4,
      // Samples 24 h (A), 4 h (B) and 3 h (C); the rollback brings back A, which already reached production.
      leadTimeHours: { median: 4, p90: 20, samples: 3 },
      failedDeployments: 1,
      changeFailureRate: 0.25,
      timeToRestoreHours: { median: 1.5, samples: 1 },
      bands: {
        deploymentFrequency: "high",
        leadTime: "elite",
        changeFailureRate: "low",
        timeToRestore: "high",
      },
    });
    const staging = result.environments[1];
    expect(staging).toMatchObject({
      deployments: 1,
      leadTimeHours: { median: 4, p90: 4, samples: 1 },
      failedDeployments: 0,
      changeFailureRate: 0,
      timeToRestoreHours: { median: null, samples: 0 },
      bands: { timeToRestore: null },
    });
    expect(staging.missing).toContain("no failed deployment in the window: time to restore unknown");
    expect(result.environments[0]).toMatchObject({
      deployments: 3,
      leadTimeHours: { median: 2, samples: 3 },
    });
    expect(result.stderr).toContain("1 Source-Commit trailer(s) were malformed or unpaired and are ignored");
  });

  it("says what is missing instead of dividing by zero in an empty window", () => {
    const result = report(
      "--since",
      "2026-04-01",
      "--until",
      "2026-04-08T00:00:00+02:00",
      "--env",
      "production",
    );
    expect(result.environments).toHaveLength(1);
    expect(result.environments[0]).toMatchObject({
      name: "production",
      deployments: 0,
      deploymentsPerDay: 0,
      leadTimeHours: { median: null, p90: null, samples: 0 },
      changeFailureRate: null,
      timeToRestoreHours: { median: null, samples: 0 },
      bands: { deploymentFrequency: "low", leadTime: null, changeFailureRate: null, timeToRestore: null },
    });
    expect(result.environments[0].missing).toContain("no deployment in the window");
  });

  it("says lead time is unknown when no deployment traces back to a trailer", () => {
    const result = report("--since", "2026-03-10", "--until", "2026-03-11", "--env", "dev");
    expect(result.environments[0].deployments).toBe(1);
    expect(result.environments[0].leadTimeHours.samples).toBe(0);
    expect(result.environments[0].missing.join("\n")).toMatch(/lead time unknown/);
  });

  it("prints a table for people, and refuses bad input with exit 2 or 1", () => {
    const text = cli("metrics", ...WEEK, "--env", "production");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("change failure rate  25% (1 failed) [low]");
    expect(text.stdout).toContain("lead time            median 4 h, p90 20 h (3 samples) [elite]");
    const badDate = cli("metrics", "--since", "2026-02-30");
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--since "2026-02-30" is not a date');
    const badEnv = cli("metrics", "--env", "qa");
    expect(badEnv.code).toBe(1);
    expect(badEnv.stderr).toContain("environment 'qa' is not defined in gitops-pipeline.yaml");
  });
});
