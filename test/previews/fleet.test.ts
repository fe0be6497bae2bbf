import { spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { pairApps, WHOLE_ENVIRONMENT } from "../../src/promote/pairing.js";
import { gateStatus, pull, reviewEvent, run, server, useServer } from "../promote/action-support.js";
import { hasComponent, missingComponent } from "../support/components.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FLEET = join(ROOT, "examples/fleet-repo");
const CLI = join(ROOT, "dist/cli/index.js");
const CLUSTER = (name: string) => `clusters/${name}/web/kustomization.yaml`;
const NEW = "1.5.0@sha256:5b0f5e33b8d8e2b8a0a1a24b2b4c1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a";
const KUBECTL = hasComponent("kubectl", ["version", "--client"]) || missingComponent("kubectl");
const names = { from: "staging", to: "production" };

useServer();

describe("pairing a source with its targets", () => {
  it("pairs by name, by a target's last part, and fans one source out to many", () => {
    expect(pairApps(["api", "web"], ["api", "web", "worker"], names)).toEqual([
      { source: "api", target: "api" },
      { source: "web", target: "web" },
    ]);
    expect(pairApps(["web"], ["eu/web", "us/web"], names)).toEqual([
      { source: "web", target: "eu/web" },
      { source: "web", target: "us/web" },
    ]);
    expect(pairApps([WHOLE_ENVIRONMENT], ["eu-west", "us-east"], names)).toEqual([
      { source: WHOLE_ENVIRONMENT, target: "eu-west" },
      { source: WHOLE_ENVIRONMENT, target: "us-east" },
    ]);
  });

  it("refuses to guess: several sources and no common name, or a target ending in two sources' names", () => {
    expect(() => pairApps(["api", "web"], ["eu-west", "us-east"], names)).toThrow(
      "no production app shares a name with a staging app, and staging has 2 apps (api, web), so which one goes where is ambiguous",
    );
    expect(() => pairApps(["web", "eu/web"], ["x/eu/web"], names)).toThrow(
      "production app x/eu/web matches 2 staging apps by name (web, eu/web)",
    );
  });
});

describe("promoting staging into a fleet of cluster overlays", () => {
  it("the CLI updates every cluster overlay and names each cluster", async () => {
    const base = await mkdtemp(join(tmpdir(), "gitops-fleet-"));
    try {
      await cp(FLEET, base, { recursive: true });
      const result = spawnSync("node", [CLI, "promote", "--repo", base, "--to", "production"], {
        encoding: "utf8",
      });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe("promote: staging goes to 2 production targets: eu-west, us-east\n");
      for (const cluster of ["eu-west", "us-east"]) {
        const text = await readFile(join(base, CLUSTER(cluster)), "utf8");
        expect(text).toContain(`newTag: 1.5.0\n    digest: sha256:5b0f5e33`);
      }
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });

  it("promote-env opens one pull request for all clusters, lists each, and the gate judges it whole", async () => {
    await server.addRepository("acme", "fleet", { fromDir: FLEET });
    const created = await run("fleet", {});
    expect(created.code, created.stdout + created.stderr).toBe(0);
    expect(created.outputs.operation).toBe("created");
    expect(
      JSON.parse(created.outputs.changes!).map((c: { file: string; to: string }) => [c.file, c.to]),
    ).toEqual([
      [CLUSTER("eu-west"), NEW],
      [CLUSTER("us-east"), NEW],
    ]);
    expect(created.summary).toContain("| eu-west | `ghcr.io/acme/web` |");
    expect(created.summary).toContain("| us-east | `ghcr.io/acme/web` |");
    expect(created.summary).toContain("staging goes to 2 production targets: eu-west, us-east.");
    const number = Number(created.outputs["pull-request-number"]);
    const pr = pull("fleet", number);
    expect(pr.body).toContain("staging is promoted into 2 production targets: eu-west, us-east.");
    const head = (await server.headOf("acme", "fleet", pr.headRef))!;
    expect((await server.repo("acme", "fleet").git.readCommit(head)).parents).toHaveLength(1);

    await server.addReview("acme", "fleet", number, "alice", "APPROVED");
    const gate = await run("fleet", { mode: "gate" }, reviewEvent(number));
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
    expect(await gateStatus("fleet", head)).toMatchObject({ state: "success" });
  });

  it.runIf(KUBECTL)("the example renders each cluster and validates without findings", () => {
    for (const cluster of ["eu-west", "us-east"]) {
      const result = spawnSync("kubectl", ["kustomize", join(FLEET, "clusters", cluster, "web")], {
        encoding: "utf8",
      });
      expect(result.status, result.stderr).toBe(0);
      const deployment = parseAllDocuments(result.stdout)
        .map((doc) => doc.toJS())
        .find((object) => object.kind === "Deployment");
      expect(deployment.metadata.namespace).toBe("web");
      expect(deployment.spec.replicas).toBe(cluster === "eu-west" ? 3 : 5);
    }
    const validated = spawnSync("node", [CLI, "validate", "examples/fleet-repo", "--format", "json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(validated.status, validated.stderr).toBe(0);
    const report = JSON.parse(validated.stdout);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
    expect(report.summary.resources).toBeGreaterThanOrEqual(4);
  });
});
