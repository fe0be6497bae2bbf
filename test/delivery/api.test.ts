import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type UpdateRequest, updateThroughGitHub } from "../../src/flows/update.js";
import { createGitHubClient } from "../../src/github/client.js";
import { GitHubSnapshot } from "../../src/github/snapshot.js";
import { parseImageRef } from "../../src/image/index.js";
import type { Logger } from "../../src/logger.js";
import { localReader, resolvePaths } from "../../src/update/index.js";
import type { GitHubTestServer } from "../support/github/index.js";
import { configRepoFiles, kustomization } from "./fixtures.js";
import { updateRequest, useGitHubServer } from "./helpers.js";

let server: GitHubTestServer;
const messages: string[] = [];
const logger: Logger = {
  debug: () => {},
  info: (m) => messages.push(m),
  warning: (m) => messages.push(`warning: ${m}`),
};

function clients() {
  const make = (writeSpacingMs: number) =>
    createGitHubClient({ token: server.token, baseUrl: server.url, logger, writeSpacingMs });
  return { read: make(0), write: make(0) };
}

let repoCount = 0;
async function newRepo(files = configRepoFiles(["web", "api", "worker"])): Promise<string> {
  const name = `deploy${++repoCount}`;
  await server.addRepository("acme", name, { files });
  return name;
}

function request(repo: string, overrides: Partial<UpdateRequest> = {}): UpdateRequest {
  return updateRequest({ repository: { owner: "acme", repo }, ...overrides });
}

useGitHubServer((started) => {
  server = started;
});

describe("API delivery, in process", () => {
  it("commits one verified commit in commit mode, with few requests", async () => {
    const repo = await newRepo();
    server.resetCounters();
    const result = await updateThroughGitHub(request(repo), clients(), logger);
    expect(result.operation).toBe("committed");
    expect(result.plan.changes).toEqual([
      {
        file: "apps/web/overlays/dev/kustomization.yaml",
        line: 8,
        image: "ghcr.io/acme/web",
        from: "1.0.0",
        to: "1.4.2",
      },
    ]);
    expect(await server.readFile("acme", repo, "main", "apps/web/overlays/dev/kustomization.yaml")).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );
    expect(server.count()).toBeLessThanOrEqual(4);
  });

  it("opens a pull request, then is unchanged, then updates it", async () => {
    const repo = await newRepo();
    const first = await updateThroughGitHub(request(repo, { environment: "staging" }), clients(), logger);
    expect(first.operation).toBe("created");
    expect(first.pullRequest?.number).toBeGreaterThan(0);
    const again = await updateThroughGitHub(request(repo, { environment: "staging" }), clients(), logger);
    expect(again.operation).toBe("unchanged");
    expect(again.pullRequest?.number).toBe(first.pullRequest?.number);
    const next = await updateThroughGitHub(
      request(repo, { environment: "staging", images: [parseImageRef("ghcr.io/acme/web:1.5.0")] }),
      clients(),
      logger,
    );
    expect(next.operation).toBe("updated");
    expect(next.pullRequest?.number).toBe(first.pullRequest?.number);
    expect(
      await server.readFile(
        "acme",
        repo,
        "gitops/staging/acme-web",
        "apps/web/overlays/staging/kustomization.yaml",
      ),
    ).toBe(kustomization("ghcr.io/acme/web", "1.5.0"));
    expect(server.repo("acme", repo).pulls.filter((p) => p.state === "open")).toHaveLength(1);
  });
});

describe("API delivery, pull request edge cases", () => {
  it("bumps several images as one commit on one branch named for the set", async () => {
    const repo = await newRepo();
    const images = [parseImageRef("ghcr.io/acme/web:2.0.0"), parseImageRef("ghcr.io/acme/api:3.0.0")];
    const result = await updateThroughGitHub(
      request(repo, { environment: "staging", images }),
      clients(),
      logger,
    );
    expect(result.operation).toBe("created");
    expect(result.plan.files.map((f) => f.path).sort()).toEqual([
      "apps/api/overlays/staging/kustomization.yaml",
      "apps/web/overlays/staging/kustomization.yaml",
    ]);
    const pr = server.repo("acme", repo).pulls[0]!;
    expect(pr.headRef).toMatch(/^gitops\/staging\/acme-api-and-1-more-[0-9a-f]{8}$/);
    const head = await server.headOf("acme", repo, pr.headRef);
    const commit = await server.repo("acme", repo).git.readCommit(head!);
    expect(commit.parents).toEqual([await server.headOf("acme", repo, "main")]);
    expect(pr.title).toBe("Update 2 images in staging");
  });

  it("opens a new pull request when the previous one was closed, reusing the branch", async () => {
    const repo = await newRepo();
    const first = await updateThroughGitHub(request(repo, { environment: "staging" }), clients(), logger);
    server.repo("acme", repo).pulls[0]!.state = "closed";
    const next = await updateThroughGitHub(
      request(repo, { environment: "staging", images: [parseImageRef("ghcr.io/acme/web:1.5.0")] }),
      clients(),
      logger,
    );
    expect(next.operation).toBe("created");
    expect(next.pullRequest?.number).not.toBe(first.pullRequest?.number);
    expect(server.repo("acme", repo).pulls.filter((p) => p.state === "open")).toHaveLength(1);
  });

  it("is unchanged without a pull request when the base already runs the version", async () => {
    const repo = await newRepo();
    await updateThroughGitHub(request(repo, { environment: "staging" }), clients(), logger);
    const direct = await updateThroughGitHub(
      request(repo, { environment: "staging", mode: "commit" }),
      clients(),
      logger,
    );
    expect(direct.operation).toBe("committed");
    const after = await updateThroughGitHub(request(repo, { environment: "staging" }), clients(), logger);
    expect(after.operation).toBe("unchanged");
    expect(after.plan.changes).toEqual([]);
    expect(after.pullRequest).toBeUndefined();
  });
});

describe("GitHubSnapshot resolves paths like a checkout does", () => {
  const files: Record<string, string> = {
    ...configRepoFiles(["web", "api", "worker"]),
    "apps/lonely/base/deployment.yaml": "kind: Deployment\n",
    "apps/lonely/overlays/production/kustomization.yaml": "images: []\n",
    "apps/web/overlays/dev/patches/replicas.yaml": "kind: Deployment\n",
    "apps/web/overlays/dev/README.md": "not yaml\n",
    "clusters/a/values.yaml": "image:\n  repository: ghcr.io/acme/web\n  tag: 1.0.0\n",
    "clusters/b/values.yml": "image: ghcr.io/acme/api:1.0.0\n",
  };
  const patterns = [
    ["apps/*/overlays/dev"],
    ["apps/web/overlays/dev"],
    ["apps/*/overlays/production", "clusters/*/values.y*ml"],
    ["apps/**/kustomization.yaml"],
    ["clusters/a/values.yaml", "apps/{web,api}/overlays/staging"],
    ["*/web/overlays/*"],
  ];
  let checkout: string;
  let repo: string;

  beforeAll(async () => {
    checkout = await mkdtemp(join(tmpdir(), "delivery-reader-"));
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(checkout, path)), { recursive: true });
      await writeFile(join(checkout, path), content);
    }
    // A symlinked manifest inside the repository is read through, as the file system does.
    await symlink("../../base/deployment.yaml", join(checkout, "apps/api/overlays/dev/shared.yaml"));
    repo = `reader${++repoCount}`;
    await server.addRepository("acme", repo, { fromDir: checkout });
  });
  afterAll(async () => {
    await rm(checkout, { recursive: true, force: true });
  });

  for (const set of patterns) {
    it(`resolves ${set.join(" + ")} to the same files and contents, in few requests`, async () => {
      const snapshot = new GitHubSnapshot(clients().read, { owner: "acme", repo }, set);
      snapshot.commit = (await server.headOf("acme", repo, "main"))!;
      await snapshot.prefetch();
      const prefetched = snapshot.requests;
      const local = localReader(checkout);
      const expected = await resolvePaths(local, set);
      expect(await resolvePaths(snapshot, set)).toEqual(expected);
      for (const path of expected) expect(await snapshot.read(path)).toBe(await local.read(path));
      // `**` cannot be pruned: the walk below it lists level by level. Everything else is read up front.
      if (!set.some((p) => p.includes("**"))) {
        expect(prefetched).toBeLessThanOrEqual(3);
        expect(snapshot.requests).toBe(prefetched);
      }
    });
  }

  it("refuses a symlink that leaves the repository, like the local reader", async () => {
    const dir = await mkdtemp(join(tmpdir(), "delivery-escape-"));
    try {
      await mkdir(join(dir, "apps/web"), { recursive: true });
      await writeFile(join(dir, "apps/web/kustomization.yaml"), "images: []\n");
      await symlink("/etc/hostname", join(dir, "apps/web/evil.yaml"));
      const name = `escape${++repoCount}`;
      await server.addRepository("acme", name, { fromDir: dir });
      const snapshot = new GitHubSnapshot(clients().read, { owner: "acme", repo: name }, ["apps/web"]);
      snapshot.commit = (await server.headOf("acme", name, "main"))!;
      const local = localReader(dir);
      expect(await resolvePaths(snapshot, ["apps/web"])).toEqual(await resolvePaths(local, ["apps/web"]));
      await expect(local.read("apps/web/evil.yaml")).rejects.toThrow(/leaves the repository/);
      await expect(snapshot.read("apps/web/evil.yaml")).rejects.toThrow(/leaves the repository/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
