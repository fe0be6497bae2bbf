import { describe, expect, it } from "vitest";
import type { ActionRun } from "../support/action.js";
import type { GitHubTestServer } from "../support/github/index.js";
import { configRepoFiles, kustomization } from "./fixtures.js";
import { OVERLAY, runUpdateAction, useGitHubServer } from "./helpers.js";

// The bundle as the runner runs it, against the GitHub API test server (GHES-style URLs from the environment).
let server: GitHubTestServer;
let repoCount = 0;

useGitHubServer((started) => {
  server = started;
});

async function newRepo(services = ["web", "api", "worker"]): Promise<string> {
  const name = `config${++repoCount}`;
  await server.addRepository("acme", name, { files: configRepoFiles(services) });
  return name;
}

function run(repo: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runUpdateAction(server, repo, inputs);
}

function openPulls(repo: string) {
  return server.repo("acme", repo).pulls.filter((pr) => pr.state === "open");
}

describe("update-manifest-tag bundle", () => {
  it("opens a pull request, leaves it alone on a re-run, and updates it in place for a newer tag", async () => {
    const repo = await newRepo();
    const mainBefore = await server.headOf("acme", repo, "main");

    const created = await run(repo, {
      images: "ghcr.io/acme/web:1.4.2",
      environment: "staging",
      labels: "gitops, staging",
    });
    expect(created.code, created.stdout + created.stderr).toBe(0);
    expect(created.outputs.operation).toBe("created");
    expect(created.outputs.changed).toBe("true");
    expect(JSON.parse(created.outputs.changes!)).toEqual([
      { file: OVERLAY("web", "staging"), line: 8, image: "ghcr.io/acme/web", from: "1.0.0", to: "1.4.2" },
    ]);
    expect(JSON.parse(created.outputs["changed-files"]!)).toEqual([OVERLAY("web", "staging")]);
    const number = Number(created.outputs["pull-request-number"]);
    expect(created.outputs["pull-request-url"]).toBe(`${server.webUrl}/acme/${repo}/pull/${number}`);
    expect(created.summary).toContain(`[#${number}](${created.outputs["pull-request-url"]})`);
    expect(created.summary).toContain("| `ghcr.io/acme/web` | `1.0.0` | `1.4.2` |");
    const pr = openPulls(repo)[0]!;
    expect(pr.headRef).toBe("gitops/staging/acme-web");
    expect(pr.labels).toEqual(["gitops", "staging"]);
    expect(pr.title).toBe("Update ghcr.io/acme/web to 1.4.2 in staging");
    // One verified commit on the head branch, on top of the untouched base.
    const head = await server.headOf("acme", repo, pr.headRef);
    expect(created.outputs["commit-sha"]).toBe(head);
    expect(server.repo("acme", repo).verified.has(head!)).toBe(true);
    expect(await server.headOf("acme", repo, "main")).toBe(mainBefore);
    expect(await server.readFile("acme", repo, pr.headRef, OVERLAY("web", "staging"))).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );

    const again = await run(repo, { images: "ghcr.io/acme/web:1.4.2", environment: "staging" });
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs.operation).toBe("unchanged");
    expect(again.outputs["pull-request-number"]).toBe(String(number));
    expect(again.outputs["commit-sha"]).toBe(head);
    expect(await server.headOf("acme", repo, pr.headRef)).toBe(head);

    // The base moves on (someone else's change) before the next version arrives.
    await server.commitFiles("acme", repo, "main", { "docs/notes.md": "moved\n" });
    const updated = await run(repo, { images: "ghcr.io/acme/web:1.5.0", environment: "staging" });
    expect(updated.code, updated.stdout).toBe(0);
    expect(updated.outputs.operation).toBe("updated");
    expect(updated.outputs["pull-request-number"]).toBe(String(number));
    expect(openPulls(repo)).toHaveLength(1);
    expect(openPulls(repo)[0]!.title).toBe("Update ghcr.io/acme/web to 1.5.0 in staging");
    const newHead = await server.headOf("acme", repo, pr.headRef);
    const commit = await server.repo("acme", repo).git.readCommit(newHead!);
    expect(commit.parents).toEqual([await server.headOf("acme", repo, "main")]);
    expect(await server.readFile("acme", repo, pr.headRef, OVERLAY("web", "staging"))).toBe(
      kustomization("ghcr.io/acme/web", "1.5.0"),
    );
    expect(await server.readFile("acme", repo, pr.headRef, "docs/notes.md")).toBe("moved\n");
  });

  it("commits straight onto the base in commit mode, and a dry run writes nothing", async () => {
    const repo = await newRepo();
    const before = await server.headOf("acme", repo, "main");
    const dry = await run(repo, {
      images: "ghcr.io/acme/api:2.0.0",
      paths: "apps/api/overlays/dev",
      mode: "commit",
      "dry-run": "true",
    });
    expect(dry.code, dry.stdout).toBe(0);
    // A dry run says what a real run would do, and `changed` agrees with it.
    expect(dry.outputs.changed).toBe("true");
    expect(dry.outputs.operation).toBe("would-commit");
    expect(dry.outputs["pull-request-operation"]).toBe("none");
    expect(dry.outputs["commit-sha"]).toBe("");
    expect(dry.stdout).toContain('+    newTag: "2.0.0"');
    expect(dry.summary).toContain("Dry run: nothing was written");
    expect(await server.headOf("acme", repo, "main")).toBe(before);

    server.resetCounters();
    const done = await run(repo, { images: "ghcr.io/acme/api:2.0.0", environment: "dev" });
    expect(done.code, done.stdout).toBe(0);
    expect(done.outputs.operation).toBe("committed");
    const head = await server.headOf("acme", repo, "main");
    expect(done.outputs["commit-sha"]).toBe(head);
    expect(done.summary).toContain(`/acme/${repo}/commit/${head}`);
    expect(server.repo("acme", repo).verified.has(head!)).toBe(true);
    expect(await server.readFile("acme", repo, "main", OVERLAY("api", "dev"))).toBe(
      kustomization("ghcr.io/acme/api", "2.0.0"),
    );
    expect(server.count()).toBeLessThanOrEqual(4);
    expect(server.bytes().total).toBeLessThan(50_000);
  });

  it("dry runs report would-create, would-update and unchanged, as the real runs then do", async () => {
    const repo = await newRepo();
    const inputs = { images: "ghcr.io/acme/web:1.4.2", environment: "staging" };
    const dry = (more: Record<string, string> = {}) => run(repo, { ...inputs, ...more, "dry-run": "true" });
    const expectDry = (result: ActionRun, operation: string, changed: boolean) => {
      expect(result.code, result.stdout).toBe(0);
      expect([result.outputs.operation, result.outputs.changed]).toEqual([operation, String(changed)]);
      expect(result.outputs["pull-request-operation"]).toBe("none");
      expect(result.summary).toContain("Dry run: nothing was written.");
    };
    expectDry(await dry(), "would-create", true);
    expect(openPulls(repo)).toHaveLength(0);
    expect((await run(repo, inputs)).outputs.operation).toBe("created");
    expectDry(await dry(), "unchanged", false);
    expectDry(await dry({ images: "ghcr.io/acme/web:1.5.0" }), "would-update", true);
    expect((await run(repo, { ...inputs, images: "ghcr.io/acme/web:1.5.0" })).outputs.operation).toBe(
      "updated",
    );
    // The base catches up: nothing left to change, and with delete-branch the pull request would be closed.
    await server.commitFiles("acme", repo, "main", {
      [OVERLAY("web", "staging")]: kustomization("ghcr.io/acme/web", "1.5.0"),
    });
    expectDry(await dry({ images: "ghcr.io/acme/web:1.5.0", "delete-branch": "true" }), "would-close", false);
    expect(openPulls(repo)).toHaveLength(1);
  });

  it("sends exactly the requests each operation needs: created, unchanged, updated", async () => {
    const repo = await newRepo();
    const inputs = {
      images: "ghcr.io/acme/web:1.4.2",
      paths: OVERLAY("web", "staging"),
      mode: "pull-request",
      labels: "gitops",
    };
    server.resetCounters();
    const created = await run(repo, inputs);
    expect(created.outputs.operation).toBe("created");
    expect(server.tally()).toEqual({
      "graphql:repository": 1,
      "git/create-ref": 1,
      "graphql:createCommitOnBranch": 1,
      "pulls/create": 1,
      "issues/add-labels": 1,
    });

    server.resetCounters();
    const unchanged = await run(repo, inputs);
    expect(unchanged.outputs.operation).toBe("unchanged");
    // The read, and the head branch's blob ids: nothing written, no pull request listed or touched.
    expect(server.tally()).toEqual({ "graphql:repository": 2 });

    server.resetCounters();
    const updated = await run(repo, { ...inputs, images: "ghcr.io/acme/web:1.5.0" });
    expect(updated.outputs.operation).toBe("updated");
    // The open pull request was found by the read: it is updated in place, never created again.
    expect(server.tally()).toEqual({
      "graphql:repository": 2,
      "git/update-ref": 1,
      "graphql:createCommitOnBranch": 1,
      "pulls/update": 1,
      "issues/add-labels": 1,
    });
    expect(server.repo("acme", repo).pulls).toHaveLength(1);
  });

  it("finishes a pushed update when the runner has no job summary file", async () => {
    const repo = await newRepo();
    const result = await runUpdateAction(
      server,
      repo,
      { images: "ghcr.io/acme/api:2.0.0", environment: "dev" },
      { GITHUB_STEP_SUMMARY: "" },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs.operation).toBe("committed");
    expect(result.stdout).not.toContain("::error::");
    expect(await server.readFile("acme", repo, "main", OVERLAY("api", "dev"))).toBe(
      kustomization("ghcr.io/acme/api", "2.0.0"),
    );
  });

  it("lands all of 20 concurrent commit-mode bumps of 20 services", async () => {
    const services = Array.from({ length: 20 }, (_, i) => `svc${i}`);
    const repo = await newRepo(services);
    const runs = await Promise.all(
      services.map((service) =>
        run(repo, { images: `ghcr.io/acme/${service}:3.${service.slice(3)}.0`, environment: "dev" }),
      ),
    );
    for (const result of runs) {
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(result.outputs.operation).toBe("committed");
    }
    for (const service of services) {
      expect(await server.readFile("acme", repo, "main", OVERLAY(service, "dev"))).toBe(
        kustomization(`ghcr.io/acme/${service}`, `3.${service.slice(3)}.0`),
      );
    }
  }, 240_000);

  it("opens exactly one pull request for 5 concurrent runs bumping one service", async () => {
    const repo = await newRepo();
    const runs = await Promise.all(
      [1, 2, 3, 4, 5].map(() =>
        run(repo, { images: "ghcr.io/acme/worker:7.0.0", environment: "production" }),
      ),
    );
    for (const result of runs) expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(runs.map((r) => r.outputs.operation).filter((op) => op === "created")).toHaveLength(1);
    const numbers = new Set(runs.map((r) => r.outputs["pull-request-number"]));
    expect(numbers.size).toBe(1);
    expect(server.repo("acme", repo).pulls).toHaveLength(1);
    expect(
      await server.readFile("acme", repo, "gitops/production/acme-worker", OVERLAY("worker", "production")),
    ).toBe(kustomization("ghcr.io/acme/worker", "7.0.0"));
  }, 120_000);
});
