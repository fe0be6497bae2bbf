import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { updateInWorkingDirectory } from "../../src/flows/update-working-directory.js";
import { parseImageRef } from "../../src/image/index.js";
import { silentLogger } from "../../src/logger.js";
import { hasComponent } from "../support/components.js";
import { type GitHttpServer, startGitHttpServer } from "../support/git-http.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";
import { configRepoFiles, kustomization } from "./fixtures.js";
import { expectCleanEnd, OVERLAY, runUpdateAction, updateRequest } from "./helpers.js";

const run = promisify(execFile);
const present = hasComponent("git");
const AUTH = { username: "x-access-token", password: "git-http-secret-0001" };

let gitHttp: GitHttpServer;
let github: GitHubTestServer;
let scratch: string;
let count = 0;

beforeAll(async () => {
  if (!present) return;
  scratch = await mkdtemp(join(tmpdir(), "delivery-wd-"));
  gitHttp = await startGitHttpServer({ auth: AUTH });
  github = await startGitHubServer();
});
afterAll(async () => {
  await gitHttp?.close();
  await github?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});
afterEach(() => {
  if (github) expectCleanEnd(github);
});

/** A checkout as actions/checkout leaves it: credentials in an extra header, never in the remote URL. */
async function checkout(url: string, password: string): Promise<string> {
  const dir = join(scratch, `checkout${++count}`);
  const header = `AUTHORIZATION: Basic ${Buffer.from(`x-access-token:${password}`).toString("base64")}`;
  await run("git", ["-c", `http.extraheader=${header}`, "clone", "--quiet", url, dir]);
  await run("git", ["-C", dir, "config", "http.extraheader", header]);
  return dir;
}

async function remoteFile(bare: string, ref: string, path: string): Promise<string> {
  return (await run("git", ["--git-dir", bare, "show", `${ref}:${path}`])).stdout;
}

describe.skipIf(!present)("working-directory mode over git smart HTTP", () => {
  it("dry-runs in a subdirectory of a detached checkout without a remote, writing nothing", async () => {
    const dir = join(scratch, `detached${++count}`);
    await run("git", ["init", "-q", dir]);
    const files = configRepoFiles(["web"]);
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, "deploy", path)), { recursive: true });
      await writeFile(join(dir, "deploy", path), content);
    }
    await run("git", ["-C", dir, "add", "-A"]);
    await run("git", [
      "-C",
      dir,
      "-c",
      "user.name=t",
      "-c",
      "user.email=t@example.test",
      "commit",
      "-qm",
      "init",
    ]);
    await run("git", ["-C", dir, "checkout", "-q", "--detach"]);
    const result = await runUpdateAction(
      github,
      "unused",
      {
        images: "ghcr.io/acme/web:1.4.2",
        environment: "dev",
        "working-directory": join(dir, "deploy"),
        "dry-run": "true",
      },
      { GITHUB_WORKSPACE: dir },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs.changed).toBe("true");
    expect(result.stdout).toContain('+    newTag: "1.4.2"');
    expect((await run("git", ["-C", dir, "status", "--porcelain"])).stdout).toBe("");
  });

  it("commits and pushes through the bundle to a plain git host", async () => {
    const services = ["web", "api"];
    const bare = await gitHttp.createRepository(`plain${count}`, configRepoFiles(services));
    const dir = await checkout(gitHttp.repoUrl(`plain${count}`, false), AUTH.password);
    const result = await runUpdateAction(
      github,
      "unused",
      { images: "ghcr.io/acme/web:1.4.2", environment: "dev", "working-directory": dir, token: "" },
      { GITHUB_WORKSPACE: dir },
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.outputs.operation).toBe("committed");
    const head = (await run("git", ["--git-dir", bare, "rev-parse", "main"])).stdout.trim();
    expect(result.outputs["commit-sha"]).toBe(head);
    expect(await remoteFile(bare, "main", OVERLAY("web", "dev"))).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );
    expect(result.stdout).not.toContain(AUTH.password);
  });

  it("lands every one of 5 concurrent pushes from stale checkouts by fetching and rebasing", async () => {
    const services = ["s0", "s1", "s2", "s3", "s4"];
    const name = `busy${count}`;
    const bare = await gitHttp.createRepository(name, configRepoFiles(services));
    const dirs = await Promise.all(services.map(() => checkout(gitHttp.repoUrl(name, false), AUTH.password)));
    const outcomes = await Promise.all(
      services.map((service, index) =>
        updateInWorkingDirectory(
          updateRequest({ images: [parseImageRef(`ghcr.io/acme/${service}:2.${index}.0`)] }),
          dirs[index]!,
          { logger: silentLogger, attempts: 8 },
        ),
      ),
    );
    expect(outcomes.map((o) => o.operation)).toEqual(services.map(() => "committed"));
    for (const [index, service] of services.entries()) {
      expect(await remoteFile(bare, "main", OVERLAY(service, "dev"))).toBe(
        kustomization(`ghcr.io/acme/${service}`, `2.${index}.0`),
      );
    }
    const log = (await run("git", ["--git-dir", bare, "log", "--format=%s", "main"])).stdout
      .trim()
      .split("\n");
    expect(log).toHaveLength(6);
  });

  it("plans again when the remote changed the same file meanwhile", async () => {
    const name = `conflict${count}`;
    const bare = await gitHttp.createRepository(name, configRepoFiles(["web"]));
    const dir = await checkout(gitHttp.repoUrl(name, false), AUTH.password);
    // Someone else bumps the same line on the remote after this checkout was made.
    const other = await checkout(gitHttp.repoUrl(name, false), AUTH.password);
    const path = join(other, OVERLAY("web", "dev"));
    await writeFile(path, (await readFile(path, "utf8")).replace('"1.0.0"', '"1.3.0"'));
    await run("git", [
      "-C",
      other,
      "-c",
      "user.name=o",
      "-c",
      "user.email=o@example.test",
      "commit",
      "-qam",
      "other",
    ]);
    await run("git", ["-C", other, "push", "-q", "origin", "HEAD:main"]);

    const outcome = await updateInWorkingDirectory(updateRequest(), dir, { logger: silentLogger });
    expect(outcome.operation).toBe("committed");
    expect(outcome.plan.changes[0]).toMatchObject({ from: "1.3.0", to: "1.4.2" });
    expect(await remoteFile(bare, "main", OVERLAY("web", "dev"))).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );
  });

  it("pushes the head branch and opens the pull request through the API when the remote is on GitHub", async () => {
    await github.addRepository("acme", "wd", { files: configRepoFiles(["web"]) });
    const dir = await checkout(`${github.webUrl}/acme/wd.git`, github.token);
    const inputs = { images: "ghcr.io/acme/web:1.4.2", environment: "staging", "working-directory": dir };
    const dry = async (more: Record<string, string> = {}) => {
      const result = await runUpdateAction(
        github,
        "wd",
        { ...inputs, ...more, "dry-run": "true" },
        { GITHUB_WORKSPACE: dir },
      );
      expect(result.code, result.stdout + result.stderr).toBe(0);
      return [result.outputs.operation, result.outputs.changed];
    };
    expect(await dry()).toEqual(["would-create", "true"]);
    const first = await runUpdateAction(github, "wd", inputs, { GITHUB_WORKSPACE: dir });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.operation).toBe("created");
    const pr = github.repo("acme", "wd").pulls[0]!;
    expect(pr.headRef).toBe("gitops/staging/acme-web");
    expect(await github.readFile("acme", "wd", pr.headRef, OVERLAY("web", "staging"))).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );
    // The checkout is back on its branch, untouched.
    expect((await run("git", ["-C", dir, "symbolic-ref", "--short", "HEAD"])).stdout.trim()).toBe("main");
    expect(await readFile(join(dir, OVERLAY("web", "staging")), "utf8")).toBe(
      kustomization("ghcr.io/acme/web", "1.0.0"),
    );

    const again = await runUpdateAction(github, "wd", inputs, { GITHUB_WORKSPACE: dir });
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs.operation).toBe("unchanged");
    expect(again.outputs["pull-request-number"]).toBe(String(pr.number));
    expect(github.repo("acme", "wd").pulls).toHaveLength(1);
    // Dry runs compare with the pushed branch: up to date, or a newer tag that would update it.
    expect(await dry()).toEqual(["unchanged", "false"]);
    expect(await dry({ images: "ghcr.io/acme/web:1.5.0" })).toEqual(["would-update", "true"]);
  });

  it("pushes only the branch, and says so, when the remote is not on GitHub", async () => {
    const name = `prplain${count}`;
    const bare = await gitHttp.createRepository(name, configRepoFiles(["web"]));
    const dir = await checkout(gitHttp.repoUrl(name, false), AUTH.password);
    const outcome = await updateInWorkingDirectory(updateRequest({ environment: "production" }), dir, {
      logger: silentLogger,
      serverUrl: github.webUrl,
    });
    expect(outcome.operation).toBe("created");
    expect(outcome.note).toContain("gitops/production/acme-web");
    expect(await remoteFile(bare, "gitops/production/acme-web", OVERLAY("web", "production"))).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );
    expect(await remoteFile(bare, "main", OVERLAY("web", "production"))).toBe(
      kustomization("ghcr.io/acme/web", "1.0.0"),
    );
  });
});

describe.skipIf(!present)("working-directory mode leaves nothing behind when it fails", () => {
  /** Branch, HEAD, index and working tree, as `git` shows them. */
  async function state(dir: string) {
    const git = async (...args: string[]) => (await run("git", ["-C", dir, ...args])).stdout;
    return {
      branch: (await git("symbolic-ref", "--quiet", "--short", "HEAD")).trim(),
      head: (await git("rev-parse", "HEAD")).trim(),
      branches: await git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads"),
      status: await git("status", "--porcelain=v2", "--untracked-files=all"),
      staged: await git("diff", "--cached"),
      unstaged: await git("diff"),
      overlay: await readFile(join(dir, OVERLAY("web", "staging")), "utf8"),
      dev: await readFile(join(dir, OVERLAY("web", "dev")), "utf8"),
    };
  }

  /** A checkout with work in progress: a staged edit, an unstaged edit and an untracked file. */
  async function busyCheckout(name: string): Promise<string> {
    await github.addRepository("acme", name, { files: configRepoFiles(["web", "api"]) });
    const dir = await checkout(`${github.webUrl}/acme/${name}.git`, github.token);
    await writeFile(join(dir, "README.md"), "# staged\n");
    await run("git", ["-C", dir, "add", "README.md"]);
    await writeFile(join(dir, OVERLAY("api", "dev")), "# unstaged edit\n");
    await writeFile(join(dir, "notes.txt"), "untracked\n");
    return dir;
  }

  /** The bundle in working-directory mode on `dir`, bumping web to 1.4.2 in `environment`. */
  const bumpIn = (dir: string, repo: string, environment: string) =>
    runUpdateAction(
      github,
      repo,
      { images: "ghcr.io/acme/web:1.4.2", environment, "working-directory": dir },
      { GITHUB_WORKSPACE: dir },
    );

  it("restores the checkout when the push of a commit is refused", async () => {
    const dir = await busyCheckout("refused-commit");
    github.protectBranch(github.repo("acme", "refused-commit"), "main", { requirePullRequest: true });
    const before = await state(dir);
    const result = await bumpIn(dir, "refused-commit", "dev");
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toContain("git push to main failed");
    expect(result.stdout).toContain("The checkout was put back as it was.");
    expect(await state(dir)).toEqual(before);
    expect(await readFile(join(dir, "notes.txt"), "utf8")).toBe("untracked\n");
  });

  it("restores the checkout when the push of the pull request branch is refused", async () => {
    const dir = await busyCheckout("refused-branch");
    github.protectBranch(github.repo("acme", "refused-branch"), "gitops/staging/acme-web", {
      requirePullRequest: true,
    });
    await github.commitFiles("acme", "refused-branch", "gitops/staging/acme-web", { "x.md": "x\n" });
    // The local branch of that name exists already and must keep its commit.
    await run("git", ["-C", dir, "branch", "gitops/staging/acme-web"]);
    const before = await state(dir);
    const result = await bumpIn(dir, "refused-branch", "staging");
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toContain("push gitops/staging/acme-web");
    expect(await state(dir)).toEqual(before);
    expect(github.repo("acme", "refused-branch").pulls).toEqual([]);
  });
});

describe.skipIf(!present)("working-directory mode: create-pull-request's identity inputs", () => {
  it("commits as author and committer with a Signed-off-by trailer, and closes with delete-branch", async () => {
    await github.addRepository("acme", "ident", { files: configRepoFiles(["web"]) });
    const dir = await checkout(`${github.webUrl}/acme/ident.git`, github.token);
    const inputs = {
      images: "ghcr.io/acme/web:1.4.2",
      environment: "staging",
      "working-directory": dir,
      author: "Dana Developer <dana@example.test>",
      committer: "Release Robot <release@example.test>",
      signoff: "true",
      body: "Rolled out by the release train.",
    };
    const created = await runUpdateAction(github, "ident", inputs, { GITHUB_WORKSPACE: dir });
    expect(created.code, created.stdout + created.stderr).toBe(0);
    expect(created.outputs).toMatchObject({
      "pull-request-operation": "created",
      "pull-request-branch": "gitops/staging/acme-web",
    });
    const head = created.outputs["pull-request-head-sha"]!;
    expect(await github.headOf("acme", "ident", "gitops/staging/acme-web")).toBe(head);
    const commit = await github.repo("acme", "ident").git.readCommit(head);
    expect(commit.author).toMatchObject({ name: "Dana Developer", email: "dana@example.test" });
    expect(commit.committer).toMatchObject({ name: "Release Robot", email: "release@example.test" });
    expect(commit.message.trimEnd().split("\n").at(-1)).toBe(
      "Signed-off-by: Release Robot <release@example.test>",
    );
    const pr = github.repo("acme", "ident").pulls[0]!;
    expect(pr.body).toContain("Rolled out by the release train.");

    // The base gets the version another way: delete-branch closes the pull request and removes its branch.
    await github.commitFiles("acme", "ident", "main", {
      [OVERLAY("web", "staging")]: kustomization("ghcr.io/acme/web", "1.4.2"),
    });
    const closed = await runUpdateAction(
      github,
      "ident",
      { ...inputs, "delete-branch": "true" },
      { GITHUB_WORKSPACE: dir },
    );
    expect(closed.code, closed.stdout + closed.stderr).toBe(0);
    expect(closed.outputs).toMatchObject({ operation: "closed", "pull-request-operation": "closed" });
    expect(github.repo("acme", "ident").pulls[0]!.state).toBe("closed");
    expect(await github.headOf("acme", "ident", "gitops/staging/acme-web")).toBeUndefined();
    expect((await run("git", ["-C", dir, "symbolic-ref", "--short", "HEAD"])).stdout.trim()).toBe("main");
  });
});
