import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasComponent } from "../support/components.js";
import { type GitHttpServer, startGitHttpServer } from "../support/git-http.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";

const run = promisify(execFile);
const gitPresent = hasComponent("git");

const IDENTITY = ["-c", "user.name=Test", "-c", "user.email=test@example.test"];

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("git", [...IDENTITY, ...args], {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_CONFIG_NOSYSTEM: "1" },
  });
  return stdout.trim();
}

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "git-http-test-"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.skipIf(!gitPresent)("git http-backend server", () => {
  let server: GitHttpServer;

  beforeAll(async () => {
    server = await startGitHttpServer({ auth: { username: "ci", password: "s3cret" } });
    await server.createRepository("config", { "apps/web/kustomization.yaml": "images: []\n" });
  });

  afterAll(async () => {
    await server.close();
  });

  it("clones and pushes over HTTP with basic auth, and refuses without it", async () => {
    const dir = join(scratch, "clone");
    await git(scratch, "clone", "--quiet", server.repoUrl("config"), dir);
    expect(await readFile(join(dir, "apps/web/kustomization.yaml"), "utf8")).toBe("images: []\n");
    await writeFile(join(dir, "new.txt"), "new\n");
    await git(dir, "add", "new.txt");
    await git(dir, "commit", "--quiet", "-m", "add new");
    await git(dir, "push", "--quiet", "origin", "HEAD:main");
    const pushed = await git(dir, "rev-parse", "HEAD");
    const remote = await run("git", ["--git-dir", join(server.root, "config.git"), "rev-parse", "main"]);
    expect(remote.stdout.trim()).toBe(pushed);

    const denied = await git(
      scratch,
      "clone",
      "--quiet",
      server.repoUrl("config", false),
      join(scratch, "denied"),
    ).catch((e) => e);
    expect(String(denied.stderr ?? denied)).toMatch(/Authentication failed|could not read Username|401/);
  });

  it("serialises concurrent pushes: one wins, the others are rejected and land after fetch and rebase", async () => {
    const clones = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const dir = join(scratch, `race-${i}`);
        await git(scratch, "clone", "--quiet", server.repoUrl("config"), dir);
        await writeFile(join(dir, `svc-${i}.txt`), `${i}\n`);
        await git(dir, "add", ".");
        await git(dir, "commit", "--quiet", "-m", `svc ${i}`);
        return dir;
      }),
    );
    const first = await Promise.allSettled(
      clones.map((dir) => git(dir, "push", "--quiet", "origin", "HEAD:main")),
    );
    expect(first.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    for (const [i, result] of first.entries()) {
      if (result.status === "fulfilled") continue;
      expect(String((result.reason as { stderr?: string }).stderr)).toMatch(
        /rejected|failed to push|cannot lock ref/,
      );
      const dir = clones[i] as string;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        await git(dir, "pull", "--quiet", "--rebase", "origin", "main");
        const pushed = await git(dir, "push", "--quiet", "origin", "HEAD:main").then(
          () => true,
          () => false,
        );
        if (pushed) break;
      }
    }
    const check = join(scratch, "check");
    await git(scratch, "clone", "--quiet", server.repoUrl("config"), check);
    const files = (await git(check, "ls-files")).split("\n");
    expect(files.filter((f) => f.startsWith("svc-")).sort()).toEqual([
      "svc-0.txt",
      "svc-1.txt",
      "svc-2.txt",
      "svc-3.txt",
    ]);
  });
});

describe.skipIf(!gitPresent)("smart HTTP on the GitHub test server", () => {
  let github: GitHubTestServer;

  beforeAll(async () => {
    github = await startGitHubServer({ repositories: { "acme/config": { files: { "a.txt": "a\n" } } } });
  });

  afterAll(async () => {
    await github.close();
  });

  it("clones the same bare repository the API serves and accepts a push with a token", async () => {
    const dir = join(scratch, "gh-clone");
    await git(scratch, "clone", "--quiet", github.cloneUrl("acme", "config"), dir);
    expect(await readFile(join(dir, "a.txt"), "utf8")).toBe("a\n");
    const cloneTraffic = github.bytes({ operation: "git" });
    expect(github.count({ operation: "git", status: 200 })).toBeGreaterThanOrEqual(2);
    expect(cloneTraffic.response).toBeGreaterThan(200);
    await writeFile(join(dir, "b.txt"), "b\n");
    await git(dir, "add", "b.txt");
    await git(dir, "commit", "--quiet", "-m", "b");
    const anonymous = await git(dir, "push", "--quiet", "origin", "HEAD:refs/heads/topic").catch((e) => e);
    expect(anonymous).toBeInstanceOf(Error);
    await git(
      dir,
      "push",
      "--quiet",
      github.cloneUrl("acme", "config", github.token),
      "HEAD:refs/heads/topic",
    );
    expect(await github.readFile("acme", "config", "topic", "b.txt")).toBe("b\n");

    // A commit landing between the ref advertisement and the pack makes the push fail; fetch, rebase, push lands it.
    const moved = github.faults.inject(
      { operation: "git", path: /git-receive-pack$/, method: "POST" },
      {
        kind: "branch-moves",
        owner: "acme",
        repo: "config",
        branch: "topic",
        files: { "other.txt": "other\n" },
      },
    );
    await writeFile(join(dir, "d.txt"), "d\n");
    await git(dir, "add", "d.txt");
    await git(dir, "commit", "--quiet", "-m", "d");
    const remote = github.cloneUrl("acme", "config", github.token);
    const raced = await git(dir, "push", "--quiet", remote, "HEAD:refs/heads/topic").catch((e) => e);
    expect(raced).toBeInstanceOf(Error);
    expect(moved.fired).toBe(1);
    await git(dir, "pull", "--quiet", "--rebase", remote, "topic");
    await git(dir, "push", "--quiet", remote, "HEAD:refs/heads/topic");
    expect(await github.readFile("acme", "config", "topic", "other.txt")).toBe("other\n");
    expect(await github.readFile("acme", "config", "topic", "d.txt")).toBe("d\n");
    await git(dir, "reset", "--quiet", "--hard", "HEAD~2");

    // The protected default branch refuses a force-push and a deletion over git too, with GitHub's GH006 wording.
    const main = await github.headOf("acme", "config", "main");
    await git(dir, "commit", "--quiet", "--amend", "-m", "rewritten");
    await git(dir, "push", "--quiet", github.cloneUrl("acme", "config", github.token), "HEAD:main");
    await git(dir, "reset", "--quiet", "--hard", "HEAD~1");
    await writeFile(join(dir, "c.txt"), "c\n");
    await git(dir, "add", "c.txt");
    await git(dir, "commit", "--quiet", "-m", "c");
    const forced = await git(
      dir,
      "push",
      "--force",
      github.cloneUrl("acme", "config", github.token),
      "HEAD:main",
    ).catch((e) => e);
    expect(String(forced.stderr)).toContain("GH006: Protected branch update failed for refs/heads/main.");
    expect(String(forced.stderr)).toContain("Cannot force-push to this branch");
    const deleted = await git(dir, "push", github.cloneUrl("acme", "config", github.token), ":main").catch(
      (e) => e,
    );
    expect(String(deleted.stderr)).toContain("Cannot delete this protected branch.");
    expect(await github.headOf("acme", "config", "main")).not.toBe(main);
    expect(github.violations).toEqual([]);
  });
});
