import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runUpdateAction, useGitHubServer } from "../delivery/helpers.js";
import type { GitHubTestServer } from "../support/github/index.js";

// update-manifest-tag's preview inputs, through the bundle as the runner runs it, against the GitHub API test
// server seeded with the example config repository.
const EXAMPLE = fileURLToPath(new URL("../../examples/config-repo", import.meta.url));
const IMAGE = "ghcr.io/acme/guestbook-frontend";
const PREVIEW = (n: number) => `apps/guestbook/previews/pr-${n}`;
let server: GitHubTestServer;
let count = 0;

useGitHubServer((started) => {
  server = started;
});

async function configRepo(): Promise<string> {
  const name = `previews${++count}`;
  await server.addRepository("acme", name, { fromDir: EXAMPLE, protect: [] });
  return name;
}

/** The app repository, with pull requests #1..#n open from branches of their own. */
async function appRepo(n: number): Promise<string> {
  const name = `app${++count}`;
  const repo = await server.addRepository("acme", name, { files: { "README.md": "app\n" }, protect: [] });
  const main = (await server.headOf("acme", name, "main"))!;
  for (let i = 1; i <= n; i++) {
    await server
      .commitFiles("acme", name, `feature-${i}`, { [`f${i}.txt`]: `${i}\n` }, { expectedHead: main })
      .catch(async () => {
        await repo.git.casRef(`refs/heads/feature-${i}`, main, "0".repeat(40));
        await server.commitFiles("acme", name, `feature-${i}`, { [`f${i}.txt`]: `${i}\n` });
      });
    await server.openPullRequest(repo, "acme", {
      headRef: `feature-${i}`,
      baseRef: "main",
      title: `Feature ${i}`,
      body: null,
      draft: false,
      maintainerCanModify: true,
    });
  }
  return name;
}

/** Previews as the action writes them: the first made by a run, the others copied from it in one commit. */
async function seedPreviews(repo: string, numbers: number[]): Promise<void> {
  const [first, ...rest] = numbers;
  const run = await runUpdateAction(server, repo, { preview: String(first), images: `${IMAGE}:pr-${first}` });
  expect(run.code, run.stderr).toBe(0);
  const files: Record<string, string> = {};
  for (const name of ["kustomization.yaml", "namespace.yaml"]) {
    const text = (await server.readFile("acme", repo, "main", `${PREVIEW(first!)}/${name}`))!;
    for (const n of rest) {
      files[`${PREVIEW(n)}/${name}`] = text
        .replaceAll(`pr-${first}`, `pr-${n}`)
        .replaceAll(`#${first} `, `#${n} `)
        .replace(/pull-request: "\d+"/, `pull-request: "${n}"`);
    }
  }
  await server.commitFiles("acme", repo, "main", files);
}

async function previewFiles(repo: string, ref = "main"): Promise<string[]> {
  return (await server.listFiles("acme", repo, ref)).filter((path) =>
    path.startsWith("apps/guestbook/previews/"),
  );
}

describe("update-manifest-tag preview inputs (bundle)", () => {
  it("creates a preview as one verified commit, changes nothing on a re-run, and updates it for a new image", async () => {
    const repo = await configRepo();
    const before = await server.headOf("acme", repo, "main");
    const created = await runUpdateAction(server, repo, { preview: "12", images: `${IMAGE}:pr-12` });
    expect(created.code, created.stdout + created.stderr).toBe(0);
    expect(created.outputs.operation).toBe("committed");
    expect(JSON.parse(created.outputs.previews!)).toEqual([
      { number: 12, action: "created", path: PREVIEW(12), namespace: "guestbook-pr-12" },
    ]);
    const head = await server.headOf("acme", repo, "main");
    expect(head).not.toBe(before);
    expect(created.outputs["commit-sha"]).toBe(head);
    expect(server.repo("acme", repo).verified.has(head!)).toBe(true);
    expect(await previewFiles(repo)).toEqual([
      `${PREVIEW(12)}/kustomization.yaml`,
      `${PREVIEW(12)}/namespace.yaml`,
    ]);
    const first = (await server.readFile("acme", repo, "main", `${PREVIEW(12)}/kustomization.yaml`))!;
    expect(first).toContain("namespace: guestbook-pr-12\n");
    expect(first).toContain(`  - name: ${IMAGE}\n    newTag: pr-12\n`);
    expect(first).toContain("  - ../../overlays/dev\n  - namespace.yaml\n");
    expect(created.summary).toContain("| #12 | created | `guestbook-pr-12` |");

    const again = await runUpdateAction(server, repo, { preview: "12", images: `${IMAGE}:pr-12` });
    expect(again.code, again.stderr).toBe(0);
    expect(again.outputs.operation).toBe("unchanged");
    expect(again.outputs.changed).toBe("false");
    expect(await server.headOf("acme", repo, "main")).toBe(head);

    const digest = `sha256:${"a".repeat(64)}`;
    const updated = await runUpdateAction(server, repo, {
      preview: "12",
      images: `${IMAGE}:pr-12@${digest}`,
    });
    expect(updated.outputs.operation).toBe("committed");
    expect(JSON.parse(updated.outputs.previews!)[0].action).toBe("updated");
    const second = (await server.readFile("acme", repo, "main", `${PREVIEW(12)}/kustomization.yaml`))!;
    expect(second).toContain(`    newTag: pr-12\n    digest: ${digest}\n`);
    const created1 = /created: (\S+)/.exec(first)![1];
    expect(/created: (\S+)/.exec(second)![1]).toBe(created1);
  });

  it("deletes a preview in one commit, and a second delete changes nothing", async () => {
    const repo = await configRepo();
    await seedPreviews(repo, [7, 8]);
    const removed = await runUpdateAction(server, repo, { preview: "7", "preview-action": "delete" });
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.outputs.operation).toBe("committed");
    expect(JSON.parse(removed.outputs["changed-files"]!)).toEqual([
      `${PREVIEW(7)}/kustomization.yaml`,
      `${PREVIEW(7)}/namespace.yaml`,
    ]);
    expect(await previewFiles(repo)).toEqual([
      `${PREVIEW(8)}/kustomization.yaml`,
      `${PREVIEW(8)}/namespace.yaml`,
    ]);
    const head = await server.headOf("acme", repo, "main");
    const again = await runUpdateAction(server, repo, { preview: "7", "preview-action": "delete" });
    expect(again.outputs.operation).toBe("unchanged");
    expect(await server.headOf("acme", repo, "main")).toBe(head);
  });

  it("sweeps previews of closed pull requests and stale ones in one commit, keeping the others", async () => {
    const repo = await configRepo();
    const app = await appRepo(3);
    await seedPreviews(repo, [1, 2, 3, 9]);
    // #2 closed; #3 still open but its preview untouched for longer than the ttl (7d); #9 is no pull request.
    const pr2 = server.repo("acme", app).pulls.find((pr) => pr.number === 2)!;
    pr2.state = "closed";
    pr2.closedAt = new Date().toISOString();
    const stale = (await server.readFile("acme", repo, "main", `${PREVIEW(3)}/kustomization.yaml`))!.replace(
      /updated: \S+/,
      "updated: 2020-01-01T00:00:00Z",
    );
    await server.commitFiles("acme", repo, "main", { [`${PREVIEW(3)}/kustomization.yaml`]: stale });
    const before = await server.headOf("acme", repo, "main");
    server.resetCounters();

    const swept = await runUpdateAction(server, repo, {
      "preview-action": "sweep",
      "preview-repository": `acme/${app}`,
    });
    expect(swept.code, swept.stdout + swept.stderr).toBe(0);
    expect(server.count({ operation: "pulls/list" })).toBe(1);
    expect(
      JSON.parse(swept.outputs.previews!).map((p: { number: number; action: string }) => [
        p.number,
        p.action,
      ]),
    ).toEqual([
      [1, "kept"],
      [2, "removed"],
      [3, "removed"],
      [9, "removed"],
    ]);
    expect(swept.summary).toContain("pull request #2 is not open");
    expect(swept.summary).toContain("not updated for longer than 7d");
    const head = (await server.headOf("acme", repo, "main"))!;
    const commit = await server.repo("acme", repo).git.readCommit(head);
    expect(commit.parents).toEqual([before]);
    expect(await previewFiles(repo)).toEqual([
      `${PREVIEW(1)}/kustomization.yaml`,
      `${PREVIEW(1)}/namespace.yaml`,
    ]);
  });

  it("opens one pull request for a preview when mode is pull-request", async () => {
    const repo = await configRepo();
    const run = await runUpdateAction(server, repo, {
      preview: "5",
      images: `${IMAGE}:pr-5`,
      mode: "pull-request",
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.outputs.operation).toBe("created");
    expect(run.outputs["pull-request-branch"]).toBe("gitops/preview/preview/pr-5");
    const pr = server.repo("acme", repo).pulls.find((p) => p.state === "open")!;
    expect(pr.title).toBe("Create guestbook preview for #5");
    expect(await previewFiles(repo, pr.headRef)).toHaveLength(2);
    expect(await previewFiles(repo)).toEqual([]);
  });

  it.each([
    [{ preview: "12abc" }, "input 'preview' must be a positive whole number"],
    [{ preview: "0" }, "input 'preview' must be a positive whole number"],
    [{ preview: "-3" }, "input 'preview' must be a positive whole number"],
    [{ "preview-action": "delete" }, "needs the input 'preview'"],
    [{ "preview-action": "sweep", preview: "3" }, "a sweep looks at every preview"],
    [{ preview: "3", "preview-action": "rebuild" }, "preview-action"],
    [{ preview: "3", "preview-name": "nope" }, "preview 'nope' is not defined in gitops-pipeline.yaml"],
  ])("refuses %j and writes nothing", async (inputs, message) => {
    const repo = await configRepo();
    const before = await server.headOf("acme", repo, "main");
    const run = await runUpdateAction(server, repo, inputs as Record<string, string>);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(message);
    expect(await server.headOf("acme", repo, "main")).toBe(before);
  });

  it("points at the config file's line when the template does not exist, and writes nothing", async () => {
    const repo = await configRepo();
    const config = (await server.readFile("acme", repo, "main", "gitops-pipeline.yaml"))!;
    await server.commitFiles("acme", repo, "main", {
      "gitops-pipeline.yaml": config.replace(
        "template: apps/guestbook/overlays/dev",
        "template: apps/guestbook/overlays/qa",
      ),
    });
    const line = config.split("\n").findIndex((l) => l.includes("template:")) + 1;
    const before = await server.headOf("acme", repo, "main");
    const run = await runUpdateAction(server, repo, { preview: "4", images: `${IMAGE}:pr-4` });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(`gitops-pipeline.yaml:${line}`);
    expect(run.stdout + run.stderr).toContain(
      "the preview template apps/guestbook/overlays/qa has no kustomization",
    );
    expect(await server.headOf("acme", repo, "main")).toBe(before);
  });
});
