import os from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { git as runProjectGit } from "../../src/git/working-tree.js";
import { createGitHubClient } from "../../src/github/client.js";
import { RegistryClient } from "../../src/registry/client.js";
import { configRepoFiles } from "../delivery/fixtures.js";
import { expectCleanEnd, runUpdateAction } from "../delivery/helpers.js";
import type { ActionRun } from "../support/action.js";
import { type GitHttpServer, startGitHttpServer } from "../support/git-http.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";
import { type ForwardProxy, startForwardProxy } from "../support/proxy.js";
import { registryComponentsPresent, startRegistry, type TestRegistry } from "../support/registry.js";

// Self-hosted runners behind a corporate proxy reach GitHub and registries only through it. Every test names NO_PROXY
// itself: the usual values exclude localhost, and every server here is on 127.0.0.1.
const CREDENTIALS = { username: "ci-runner", password: "Pr0xy-Pa55-9d7f" };
const PROXY_VARS = [
  "HTTPS_PROXY",
  "HTTP_PROXY",
  "NO_PROXY",
  "https_proxy",
  "http_proxy",
  "no_proxy",
  "ALL_PROXY",
  "all_proxy",
];

let server: GitHubTestServer;
let proxy: ForwardProxy;
let registry: TestRegistry | undefined;
const saved = Object.fromEntries(PROXY_VARS.map((name) => [name, process.env[name]]));

function useProxyEnv(vars: Record<string, string>) {
  for (const name of PROXY_VARS) delete process.env[name];
  Object.assign(process.env, vars);
}

beforeAll(async () => {
  server = await startGitHubServer();
  proxy = await startForwardProxy(CREDENTIALS);
  if (registryComponentsPresent() || process.env.CI === "true")
    registry = await startRegistry({ credentials: { username: "pusher", password: "registry-secret-1" } });
});
afterAll(async () => {
  await proxy?.stop();
  await registry?.stop();
  await server?.close();
});
afterEach(() => {
  useProxyEnv({});
  for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  expectCleanEnd(server);
});

const host = (url: string) => new URL(url).host;

function recordingLogger() {
  const lines: string[] = [];
  const log = (message: string) => lines.push(message);
  return { lines, logger: { debug: log, info: log, warning: log } };
}

/** Everything a user sees of a run: the log without the runner's own `::add-mask::` lines, and the summary. */
const visible = (run: ActionRun) =>
  [
    ...run.stdout.split("\n").filter((line) => !line.startsWith("::add-mask::")),
    run.stderr,
    run.summary,
  ].join("\n");

describe("the GitHub client behind a proxy", () => {
  it("tunnels through the proxy with its credentials, and never logs them", async () => {
    useProxyEnv({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: "" });
    await server.addRepository("acme", "proxied", { files: configRepoFiles(["web"]) });
    const { lines, logger } = recordingLogger();
    const client = createGitHubClient({ token: server.token, baseUrl: server.url, logger });
    const before = proxy.seen.length;
    const { data } = await client.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "proxied" });
    expect(data.full_name).toBe("acme/proxied");
    expect(proxy.seen.slice(before)).toContain(`CONNECT ${host(server.url)}`);
    expect(lines.join("\n")).toContain("go through the proxy http://***@127.0.0.1:");
    expect(lines.join("\n")).not.toContain(CREDENTIALS.password);
  });

  it("connects directly to a host NO_PROXY names", async () => {
    useProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: "example.com,127.0.0.1" });
    const client = createGitHubClient({
      token: server.token,
      baseUrl: server.url,
      logger: recordingLogger().logger,
    });
    const before = proxy.seen.length;
    const { data } = await client.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "proxied" });
    expect(data.name).toBe("proxied");
    expect(proxy.seen.slice(before)).toEqual([]);
  });

  it("fails clearly when the proxy refuses its credentials, without printing them", async () => {
    const wrong = proxy.url.replace(encodeURIComponent(CREDENTIALS.password), "wrong-Pa55");
    useProxyEnv({ HTTP_PROXY: wrong, NO_PROXY: "" });
    const { lines, logger } = recordingLogger();
    const client = createGitHubClient({ token: server.token, baseUrl: server.url, logger, retries: 0 });
    const refused = proxy.refused;
    const error = await client
      .request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "proxied" })
      .catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(proxy.refused).toBeGreaterThan(refused);
    const said = `${String(error)} ${String((error as Error).cause)} ${lines.join("\n")}`;
    expect(said).not.toContain("wrong-Pa55");
  });
});

describe.skipIf(!registry && process.env.CI !== "true")("the registry client behind a proxy", () => {
  it("logs in and asks for a manifest through the proxy, and directly when NO_PROXY names the registry", async () => {
    const credentials = { username: "pusher", password: "registry-secret-1" };
    useProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: "" });
    const before = proxy.seen.length;
    const client = new RegistryClient(registry!.host, { credentials });
    await client.ping();
    expect(await client.manifestDigest("acme/web", "1.0.0")).toBeUndefined();
    expect(
      proxy.seen.slice(before).filter((line) => line === `CONNECT ${registry!.host}`).length,
    ).toBeGreaterThan(0);

    useProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: registry!.host.split(":")[0]! });
    const direct = proxy.seen.length;
    await new RegistryClient(registry!.host, { credentials }).ping();
    expect(proxy.seen.slice(direct)).toEqual([]);
  });
});

describe("git run by the tools behind a proxy", () => {
  let git: GitHttpServer;
  beforeAll(async () => {
    git = await startGitHttpServer();
    await git.createRepository("acme/deploy");
  });
  afterAll(() => git?.close());

  it("reaches an HTTP remote through HTTP_PROXY given in upper case, which curl alone would ignore", async () => {
    useProxyEnv({ HTTP_PROXY: proxy.url, NO_PROXY: "" });
    const before = proxy.seen.length;
    const remote = git.repoUrl("acme/deploy");
    const result = await runProjectGit(os.tmpdir(), ["ls-remote", remote]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("refs/heads/main");
    expect(proxy.seen.slice(before).some((line) => line.startsWith(`GET ${remote}/info/refs`))).toBe(true);
    expect(result.stderr).not.toContain(CREDENTIALS.password);
  });
});

describe("the update-manifest-tag bundle behind a proxy", () => {
  it("opens its pull request through the proxy, with nothing of the proxy's password in the log", async () => {
    await server.addRepository("acme", "bundle-proxied", { files: configRepoFiles(["web"]) });
    const before = proxy.seen.length;
    const run = await runUpdateAction(
      server,
      "bundle-proxied",
      { images: "ghcr.io/acme/web:1.4.2", environment: "staging" },
      { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: "" },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.operation).toBe("created");
    expect(proxy.seen.slice(before)).toContain(`CONNECT ${host(server.url)}`);
    expect(run.stdout).toContain(`::add-mask::${CREDENTIALS.password}`);
    expect(visible(run)).not.toContain(CREDENTIALS.password);

    const direct = proxy.seen.length;
    const again = await runUpdateAction(
      server,
      "bundle-proxied",
      { images: "ghcr.io/acme/web:1.4.2", environment: "staging" },
      { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: "localhost,127.0.0.1" },
    );
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.outputs.operation).toBe("unchanged");
    expect(proxy.seen.slice(direct)).toEqual([]);
  });
});
