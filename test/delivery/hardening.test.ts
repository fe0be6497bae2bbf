import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionRun } from "../support/action.js";
import type { GitHubTestServer } from "../support/github/index.js";
import { configRepoFiles, kustomization } from "./fixtures.js";
import { OVERLAY, runUpdateAction, useGitHubServer } from "./helpers.js";

// Hostile or broken surroundings, through the bundle: the run either does the right thing or stops with a message
// that names the cause, and writes nothing.
let server: GitHubTestServer;
let scratch: string;
let repoCount = 0;

useGitHubServer((started) => {
  server = started;
});
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "delivery-hardening-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A config repository made from a directory, so it can hold symlinks and executable files. */
async function repoFromDir(setup: (dir: string) => Promise<void>): Promise<string> {
  const name = `hard${++repoCount}`;
  const dir = join(scratch, name);
  for (const [path, content] of Object.entries(configRepoFiles(["web", "api"]))) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  await setup(dir);
  await server.addRepository("acme", name, { fromDir: dir });
  return name;
}

function errorLine(result: ActionRun): string {
  return result.stdout.split("\n").find((line) => line.startsWith("::error::")) ?? "";
}

async function refs(repo: string): Promise<Map<string, string>> {
  return server.repo("acme", repo).git.listRefs();
}

async function modeAt(repo: string, ref: string, path: string): Promise<string | undefined> {
  const commit = (await server.repo("acme", repo).git.resolveCommit(ref))!;
  return (await server.repo("acme", repo).git.entryAt(commit, path))?.mode;
}

describe("symlinks and file modes through the API", () => {
  it("edits the target of an in-repository symlink and keeps the link a link", async () => {
    // staging's overlay is the same file as dev's, through a relative link.
    const repo = await repoFromDir(async (dir) => {
      await rm(join(dir, OVERLAY("web", "staging")));
      await symlink("../dev/kustomization.yaml", join(dir, OVERLAY("web", "staging")));
    });
    const result = await runUpdateAction(server, repo, {
      images: "ghcr.io/acme/web:1.4.2",
      paths: OVERLAY("web", "staging"),
      mode: "commit",
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs.operation).toBe("committed");
    expect(JSON.parse(result.outputs["changed-files"]!)).toEqual([OVERLAY("web", "dev")]);
    expect(JSON.parse(result.outputs.changes!)[0]).toMatchObject({
      file: OVERLAY("web", "dev"),
      to: "1.4.2",
    });
    expect(await modeAt(repo, "main", OVERLAY("web", "staging"))).toBe("120000");
    expect(await server.readFile("acme", repo, "main", OVERLAY("web", "staging"))).toBe(
      "../dev/kustomization.yaml",
    );
    expect(await server.readFile("acme", repo, "main", OVERLAY("web", "dev"))).toBe(
      kustomization("ghcr.io/acme/web", "1.4.2"),
    );
  });

  it("refuses a symlink chain and an executable file, writing nothing", async () => {
    const repo = await repoFromDir(async (dir) => {
      await rm(join(dir, OVERLAY("web", "staging")));
      await symlink("../production/kustomization.yaml", join(dir, OVERLAY("web", "staging")));
      await rm(join(dir, OVERLAY("web", "production")));
      await symlink("../dev/kustomization.yaml", join(dir, OVERLAY("web", "production")));
      await chmod(join(dir, OVERLAY("api", "dev")), 0o755);
    });
    const before = await refs(repo);
    const chain = await runUpdateAction(server, repo, {
      images: "ghcr.io/acme/web:1.4.2",
      paths: OVERLAY("web", "staging"),
      mode: "commit",
    });
    expect(chain.code, chain.stdout).toBe(1);
    expect(errorLine(chain)).toContain(
      `${OVERLAY("web", "staging")} is a symlink that points to ${OVERLAY("web", "production")}, which is itself a symlink`,
    );
    const executable = await runUpdateAction(server, repo, {
      images: "ghcr.io/acme/api:2.0.0",
      paths: OVERLAY("api", "dev"),
      mode: "pull-request",
    });
    expect(executable.code, executable.stdout).toBe(1);
    expect(errorLine(executable)).toContain(`${OVERLAY("api", "dev")} is executable (mode 100755)`);
    expect(errorLine(executable)).toContain("working-directory");
    expect(await refs(repo)).toEqual(before);
    expect(await modeAt(repo, "main", OVERLAY("api", "dev"))).toBe("100755");
  });
});

describe("inputs checked before any request", () => {
  it("refuses a branch or base git would refuse, with no request sent", async () => {
    const repo = await repoFromDir(async () => {});
    server.resetCounters();
    const branch = await runUpdateAction(server, repo, {
      images: "ghcr.io/acme/web:1.4.2",
      environment: "staging",
      branch: "x..y~^:",
    });
    expect(branch.code, branch.stdout).toBe(1);
    expect(errorLine(branch)).toContain(`input 'branch' is not a valid branch name: "x..y~^:"`);
    expect(errorLine(branch)).not.toContain("kept moving");
    const base = await runUpdateAction(server, repo, {
      images: "ghcr.io/acme/web:1.4.2",
      environment: "staging",
      base: "main.lock",
    });
    expect(errorLine(base)).toContain(`input 'base' is not a valid branch name: "main.lock"`);
    expect(server.count()).toBe(0);
  });

  it("refuses control characters in an identity's e-mail and a body-path that is a pipe, without waiting", async () => {
    const repo = await repoFromDir(async () => {});
    server.resetCounters();
    for (const [input, value] of [
      ["author", "Release Bot <bot\u001b[31m@example.com>"],
      ["committer", "Release Bot <bot@exa\u0007mple.com>"],
    ] as const) {
      const refused = await runUpdateAction(server, repo, {
        images: "ghcr.io/acme/web:1.4.2",
        environment: "staging",
        signoff: "true",
        [input]: value,
      });
      expect(refused.code, refused.stdout).toBe(1);
      expect(errorLine(refused)).toContain(
        `input '${input}' must be written \`Display Name <email@address>\``,
      );
      // Escaped, never raw: the runner log shows no terminal control sequence.
      expect(refused.stdout).not.toMatch(/[\u0007\u001b]/);
    }
    const workspace = join(scratch, `fifo${repoCount}`);
    await mkdir(workspace);
    execFileSync("mkfifo", [join(workspace, "body.md")]);
    const fifo = await runUpdateAction(
      server,
      repo,
      { images: "ghcr.io/acme/web:1.4.2", environment: "staging", "body-path": "body.md" },
      { GITHUB_WORKSPACE: workspace },
    );
    expect(fifo.code, fifo.stdout).toBe(1);
    expect(errorLine(fifo)).toContain(`input 'body-path' names "body.md", which is not a regular file`);
    expect(server.count()).toBe(0);
  }, 20_000);
});

describe("delete-branch", () => {
  it("closes only the pull request into its base, and keeps a head branch another base's pull request uses", async () => {
    const repo = await repoFromDir(async () => {});
    const staging = { images: "ghcr.io/acme/web:1.5.0", environment: "staging" };
    const created = await runUpdateAction(server, repo, staging);
    expect(created.code, created.stdout).toBe(0);
    const branch = created.outputs["pull-request-branch"]!;
    const state = server.repo("acme", repo);
    // Someone opens a pull request of the same head branch into a release branch.
    const main = (await state.git.readRef("refs/heads/main"))!;
    await state.git.casRef("refs/heads/release", main, "0".repeat(40));
    const other = await server.openPullRequest(state, "acme", {
      headRef: branch,
      baseRef: "release",
      title: "web 1.5.0 to release",
      body: null,
      draft: false,
      maintainerCanModify: false,
    });
    // main gets the version another way: the pull request into main has nothing left to do.
    await server.commitFiles("acme", repo, "main", {
      [OVERLAY("web", "staging")]: kustomization("ghcr.io/acme/web", "1.5.0"),
    });
    const closed = await runUpdateAction(server, repo, { ...staging, "delete-branch": "true" });
    expect(closed.code, closed.stdout).toBe(0);
    expect(closed.outputs["pull-request-operation"]).toBe("closed");
    expect(closed.outputs["pull-request-number"]).toBe(created.outputs["pull-request-number"]);
    const pulls = state.pulls.map((pr) => ({ number: pr.number, base: pr.baseRef, state: pr.state }));
    expect(pulls).toEqual([
      { number: Number(created.outputs["pull-request-number"]), base: "main", state: "closed" },
      { number: other.number, base: "release", state: "open" },
    ]);
    expect(await server.headOf("acme", repo, branch)).toBeDefined();
    expect(closed.stdout).toContain(
      `Kept branch ${branch}: it is also the head of open pull requests into release`,
    );
  });
});

/** An HTTP server that accepts every request and never answers; it counts what arrives. */
async function silentServer(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const sockets = new Set<Socket>();
  const silent: Server = createServer(() => {
    requests++;
  });
  silent.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
    requests: () => requests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    },
  };
}

/** A port nothing listens on: bound, noted, released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("the network, not GitHub", () => {
  const bump = { images: "ghcr.io/acme/web:1.4.2", environment: "dev" };

  it("names the host when nothing listens there, and does not blame GitHub", async () => {
    const port = await closedPort();
    const api = `http://127.0.0.1:${port}`;
    const result = await runUpdateAction(server, "x", bump, {
      GITHUB_API_URL: `${api}/api/v3`,
      GITHUB_GRAPHQL_URL: `${api}/api/graphql`,
    });
    expect(result.code, result.stdout).toBe(1);
    const error = errorLine(result);
    expect(error).toContain(`the GitHub API at 127.0.0.1:${port} could not be reached (connection refused`);
    expect(error).toContain("This is the network or the API URL");
    expect(error).not.toContain("githubstatus");
    expect(result.summary).toBe("");
  });

  it("names a failed TLS handshake as such", async () => {
    // https:// to the test server's plain-HTTP port: the handshake cannot succeed.
    const https = server.webUrl.replace("http://", "https://");
    const result = await runUpdateAction(server, "x", bump, {
      GITHUB_API_URL: `${https}/api/v3`,
      GITHUB_GRAPHQL_URL: `${https}/api/graphql`,
    });
    expect(result.code, result.stdout).toBe(1);
    expect(errorLine(result)).toContain(
      `${new URL(https).host} could not be reached (the TLS handshake failed`,
    );
    expect(errorLine(result)).toContain("NODE_EXTRA_CA_CERTS");
  });

  it("gives up on a server that never answers after the configured time per attempt", async () => {
    const silent = await silentServer();
    try {
      const env = { GITHUB_API_URL: `${silent.url}/api/v3`, GITHUB_GRAPHQL_URL: `${silent.url}/api/graphql` };
      const byInput = await runUpdateAction(server, "x", { ...bump, "request-timeout": "0.5" }, env);
      expect(byInput.code, byInput.stdout).toBe(1);
      expect(errorLine(byInput)).toContain("could not be reached (no answer within 0.5 s, 3 attempts)");
      expect(errorLine(byInput)).toContain("request-timeout");
      // One request, tried three times: the budget is 3 × the limit plus the back-off, nothing more.
      expect(silent.requests()).toBe(3);

      const byEnv = await runUpdateAction(server, "x", bump, {
        ...env,
        GITOPS_PIPELINE_REQUEST_TIMEOUT: "0.25",
      });
      expect(errorLine(byEnv)).toContain("no answer within 0.25 s, 3 attempts");
      expect(silent.requests()).toBe(6);

      const bad = await runUpdateAction(server, "x", { ...bump, "request-timeout": "never" }, env);
      expect(errorLine(bad)).toContain("input 'request-timeout' must be a number of seconds");
      expect(silent.requests()).toBe(6);
    } finally {
      await silent.close();
    }
  }, 60_000);
});
