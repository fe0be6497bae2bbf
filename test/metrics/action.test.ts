import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBundledAction } from "../support/action.js";
import { CONFIG, HistoryRepo, kustomization, overlay, SHA, trailers } from "./history-support.js";

// promote-env's metrics mode as a scheduled workflow runs it: on a checkout of the config repository with history.

let repo: HistoryRepo;
afterAll(() => rm(repo.dir, { recursive: true, force: true }));

beforeAll(async () => {
  repo = await HistoryRepo.create("metrics-action-");
  await repo.commit("2026-03-01T00:00:00Z", "environments", {
    "gitops-pipeline.yaml": CONFIG,
    [overlay("dev")]: kustomization("1.0.0"),
    [overlay("staging")]: kustomization("1.0.0"),
    [overlay("production")]: kustomization("1.0.0"),
  });
  await repo.commit("2026-03-02T10:00:00Z", `web 1.1.0${trailers(SHA.a, "2026-03-02T04:00:00-02:00")}`, {
    [overlay("dev")]: kustomization("1.1.0"),
  });
  await repo.commit("2026-03-09T16:00:00Z", "promote", { [overlay("production")]: kustomization("1.1.0") });
});

describe("promote-env metrics mode (bundle)", () => {
  it("outputs the report as JSON and writes a table and a Mermaid chart to the job summary, without a token", async () => {
    const run = await runBundledAction("promote-env", {
      inputs: {
        mode: "metrics",
        token: "",
        "working-directory": repo.dir,
        since: "2026-03-02",
        until: "2026-03-16",
        to: "dev, production",
      },
      event: { name: "schedule", payload: {}, ref: "refs/heads/main", sha: "" },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(run.outputs.metrics!);
    expect(report.environments.map((env: { name: string }) => env.name)).toEqual(["dev", "production"]);
    expect(report.environments[1]).toMatchObject({
      deployments: 1,
      deploymentsPerWeek: 0.5,
      leadTimeHours: { median: 178, samples: 1 },
      weekly: [
        { start: "2026-03-02", deployments: 0 },
        { start: "2026-03-09", deployments: 1 },
      ],
    });
    expect(run.summary).toContain(
      "| production | 1 (0.5/week) (medium) | 178 h / 178 h (1) (medium) | 0% (0 failed) (elite) | — (0) |",
    );
    expect(run.summary).toContain(
      '```mermaid\nxychart-beta\n  title "Deployments per week"\n  x-axis ["03-02", "03-09"]',
    );
    expect(run.summary).toContain("  line [1, 0]\n  line [0, 1]\n```");
    expect(run.summary).toContain(
      "- production: no failed deployment in the window: time to restore unknown",
    );
  });

  it("fails clearly when the checkout has no config file", async () => {
    const run = await runBundledAction("promote-env", {
      inputs: { mode: "metrics", token: "", "working-directory": `${repo.dir}/apps` },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("cannot read gitops-pipeline.yaml");
  });
});
