import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionRun } from "../support/action.js";
import type { GitHubTestServer } from "../support/github/index.js";
import { configRepoFiles, kustomization } from "./fixtures.js";
import { OVERLAY, runUpdateAction, useGitHubServer } from "./helpers.js";

// The inputs and outputs users of peter-evans/create-pull-request know, through the bundle.
let server: GitHubTestServer;
let workspace: string;
let repoCount = 0;

useGitHubServer((started) => {
  server = started;
});
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), "delivery-compat-"));
});
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

async function newRepo(): Promise<string> {
  const name = `compat${++repoCount}`;
  await server.addRepository("acme", name, { files: configRepoFiles(["web", "api"]) });
  return name;
}

function run(repo: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runUpdateAction(server, repo, inputs, { GITHUB_WORKSPACE: workspace });
}

function errorLine(result: ActionRun): string {
  return result.stdout.split("\n").find((line) => line.startsWith("::error::")) ?? "";
}

const BRANCH = "gitops/staging/acme-web";
const staging = { images: "ghcr.io/acme/web:1.4.2", environment: "staging" };

describe("create-pull-request outputs", () => {
  it("reports created, none, updated and closed with the head commit and branch", async () => {
    const repo = await newRepo();
    const created = await run(repo, staging);
    expect(created.code, created.stdout).toBe(0);
    const head = await server.headOf("acme", repo, BRANCH);
    expect(created.outputs).toMatchObject({
      "pull-request-operation": "created",
      "pull-request-head-sha": head,
      "pull-request-branch": BRANCH,
    });

    const again = await run(repo, staging);
    expect(again.outputs).toMatchObject({
      operation: "unchanged",
      changed: "false",
      "pull-request-operation": "none",
      "pull-request-head-sha": head,
      "pull-request-branch": BRANCH,
      "pull-request-number": created.outputs["pull-request-number"],
    });

    const updated = await run(repo, { ...staging, images: "ghcr.io/acme/web:1.5.0" });
    const newHead = await server.headOf("acme", repo, BRANCH);
    expect(newHead).not.toBe(head);
    expect(updated.outputs).toMatchObject({
      "pull-request-operation": "updated",
      "pull-request-head-sha": newHead,
      "pull-request-number": created.outputs["pull-request-number"],
    });

    // Someone lands the version on the base directly: the pull request has nothing left to do.
    await server.commitFiles("acme", repo, "main", {
      [OVERLAY("web", "staging")]: kustomization("ghcr.io/acme/web", "1.5.0"),
    });
    const kept = await run(repo, { ...staging, images: "ghcr.io/acme/web:1.5.0" });
    expect(kept.outputs["pull-request-operation"]).toBe("none");
    expect(server.repo("acme", repo).pulls[0]!.state).toBe("open");
    const closed = await run(repo, { ...staging, images: "ghcr.io/acme/web:1.5.0", "delete-branch": "true" });
    expect(closed.code, closed.stdout).toBe(0);
    expect(closed.outputs).toMatchObject({
      operation: "closed",
      changed: "false",
      "pull-request-operation": "closed",
      "pull-request-number": created.outputs["pull-request-number"],
      "pull-request-head-sha": "",
      "pull-request-branch": BRANCH,
    });
    expect(server.repo("acme", repo).pulls[0]!.state).toBe("closed");
    expect(await server.headOf("acme", repo, BRANCH)).toBeUndefined();
    expect(closed.summary).toContain("Pull request closed");

    const commit = await run(repo, { images: "ghcr.io/acme/api:2.0.0", environment: "dev" });
    expect(commit.outputs).toMatchObject({
      operation: "committed",
      "pull-request-operation": "none",
      "pull-request-head-sha": "",
      "pull-request-branch": "",
    });
  });
});

describe("create-pull-request inputs", () => {
  it("adds body under the table, signs off as the token's account and sets maintainer-can-modify", async () => {
    const repo = await newRepo();
    const result = await run(repo, {
      ...staging,
      body: "Release notes: https://example.test/notes\n\n::warning::not a command",
      signoff: "true",
      "maintainer-can-modify": "false",
    });
    expect(result.code, result.stdout).toBe(0);
    const pr = server.repo("acme", repo).pulls[0]!;
    const body = pr.body ?? "";
    const table = body.indexOf("| File | Image | From | To |");
    const notes = body.indexOf("Release notes: https://example.test/notes");
    expect(table).toBeGreaterThan(-1);
    expect(notes).toBeGreaterThan(table);
    expect(pr.maintainerCanModify).toBe(false);
    const commit = await server.repo("acme", repo).git.readCommit(result.outputs["pull-request-head-sha"]!);
    const bot = server.identity("gitops-bot");
    expect(commit.author).toMatchObject(bot);
    expect(commit.message.trimEnd().split("\n").at(-1)).toBe(`Signed-off-by: ${bot.name} <${bot.email}>`);

    // With a committer given, the trailer names it; in commit mode too.
    const named = await run(repo, {
      images: "ghcr.io/acme/api:2.0.0",
      environment: "dev",
      signoff: "true",
      committer: "Release Robot <release@example.test>",
    });
    expect(named.code, named.stdout).toBe(0);
    const direct = await server.repo("acme", repo).git.readCommit(named.outputs["commit-sha"]!);
    expect(direct.message).toContain("\n\nSigned-off-by: Release Robot <release@example.test>");
  });

  it("reads body-path from the workspace only", async () => {
    const repo = await newRepo();
    await mkdir(join(workspace, "notes"), { recursive: true });
    await writeFile(join(workspace, "notes/body.md"), "## Notes\n\nFrom a file.\n");
    const fromFile = await run(repo, { ...staging, "body-path": "notes/body.md", body: "ignored" });
    expect(fromFile.code, fromFile.stdout).toBe(0);
    expect(fromFile.stdout).toContain("::warning::both 'body' and 'body-path' are set; 'body-path' is used");
    const body = server.repo("acme", repo).pulls[0]!.body;
    expect(body).toContain("## Notes\n\nFrom a file.");
    expect(body).not.toContain("ignored");

    const outside = join(tmpdir(), `outside-${process.pid}.md`);
    await writeFile(outside, "secret\n");
    await symlink(outside, join(workspace, "notes/link.md"));
    await writeFile(join(workspace, "notes/huge.md"), "x".repeat(300_000));
    const before = await server.repo("acme", repo).git.listRefs();
    try {
      for (const [path, phrase] of [
        ["../escape.md", "outside the workspace"],
        [outside, "outside the workspace"],
        ["notes/link.md", "outside the workspace"],
        ["notes/missing.md", "cannot be read (ENOENT)"],
        ["notes/huge.md", "a pull request body holds at most 65536 characters"],
      ] as const) {
        const refused = await run(repo, { ...staging, images: "ghcr.io/acme/web:1.6.0", "body-path": path });
        expect(refused.code, refused.stdout).toBe(1);
        expect(errorLine(refused)).toContain(phrase);
      }
      const long = await run(repo, {
        ...staging,
        images: "ghcr.io/acme/web:1.6.0",
        body: "y".repeat(66_000),
      });
      expect(errorLine(long)).toContain("GitHub accepts at most 65536");
    } finally {
      await rm(outside, { force: true });
    }
    expect(await server.repo("acme", repo).git.listRefs()).toEqual(before);
  });

  it("refuses an identity that is not `Name <email>`", async () => {
    const repo = await newRepo();
    for (const [input, value] of [
      ["author", "no email here"],
      ["committer", "Evil <a@b>\nSigned-off-by: x <y@z>"],
      ["committer", "<only@email.test>"],
    ] as const) {
      const refused = await run(repo, { ...staging, [input]: value });
      expect(refused.code, refused.stdout).toBe(1);
      expect(errorLine(refused)).toContain(
        `input '${input}' must be written \`Display Name <email@address>\``,
      );
    }
    expect(server.repo("acme", repo).pulls).toEqual([]);
  });
});
