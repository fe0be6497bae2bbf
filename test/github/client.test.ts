import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { createGitHubClient, parseRepository } from "../../src/github/client.js";
import { VERSION } from "../../src/version.js";

// A bare HTTP endpoint that records what the client sends and answers what each test queues.
const seen: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];
const answers: { status: number; body: unknown; headers?: Record<string, string> }[] = [];
const server = createServer((req, res) => {
  seen.push({ url: req.url ?? "", headers: req.headers });
  const answer = answers.shift() ?? { status: 200, body: {} };
  res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
  res.end(JSON.stringify(answer.body));
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const TOKEN = "ghs_client_test_secret_000000000000000";

describe("createGitHubClient", () => {
  it("sends the project's user agent and the token, GraphQL to the configured endpoint", async () => {
    const messages: string[] = [];
    const log = (m: string) => messages.push(m);
    const client = createGitHubClient({
      token: TOKEN,
      baseUrl: `${url}/api/v3`,
      graphqlUrl: `${url}/custom/graphql`,
      logger: { debug: log, info: log, warning: log },
    });
    seen.length = 0;
    answers.push({ status: 200, body: { data: { viewer: { login: "x" } } } });
    await client.graphql("query { viewer { login } }");
    expect(seen[0]!.url).toBe("/custom/graphql");
    expect(String(seen[0]!.headers["user-agent"])).toMatch(new RegExp(`^gitops-pipeline/${VERSION} `));
    expect(seen[0]!.headers.authorization).toBe(`token ${TOKEN}`);

    answers.push({ status: 404, body: { message: "Not Found" } });
    await expect(
      client.request("GET /repos/{owner}/{repo}", { owner: "a", repo: "b" }),
    ).rejects.toMatchObject({ status: 404 });
    expect(seen[1]!.url).toBe("/api/v3/repos/a/b");
    expect(messages.join("\n")).not.toContain(TOKEN);
  });

  it("retries a 5xx a bounded number of times", async () => {
    const client = createGitHubClient({
      token: TOKEN,
      baseUrl: url,
      logger: { debug() {}, info() {}, warning() {} },
      retries: 1,
    });
    seen.length = 0;
    answers.push({ status: 503, body: { message: "busy" } }, { status: 503, body: { message: "busy" } });
    await expect(
      client.request("GET /repos/{owner}/{repo}", { owner: "a", repo: "b" }),
    ).rejects.toMatchObject({ status: 503 });
    expect(seen).toHaveLength(2);
  });

  it("checks owner/name before any request", () => {
    expect(parseRepository("acme/deploy")).toEqual({ owner: "acme", repo: "deploy" });
    expect(() => parseRepository("https://github.com/acme/deploy")).toThrow(UserError);
  });
});
