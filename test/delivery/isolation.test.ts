import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";
import { expectCleanEnd } from "./helpers.js";

// The end-of-test check every delivery test runs: one test's faults, tampering and violations never reach the next.
let server: GitHubTestServer;
beforeAll(async () => {
  server = await startGitHubServer({ repositories: { "acme/iso": {} } });
});
afterAll(async () => {
  await server.close();
});

async function get(path: string): Promise<number> {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `token ${server.token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

describe("expectCleanEnd", () => {
  it("fails on this test's violations, and still hands the next test a clean server", async () => {
    server.faults.inject({ operation: "repos/get" }, { kind: "not-found" }, { times: 10 });
    server.tamper("repos/get", (body) => ({ ...(body as object), id: "not a number" }));
    expect(await get("/repos/acme/iso")).toBe(404);
    expect(await get("/repos/acme/iso/no-such-endpoint/at-all")).toBe(404);
    expect(server.violations.map((v) => v.kind)).toEqual(["unmatched"]);

    expect(() => expectCleanEnd(server)).toThrow(/GitHub's descriptions/);

    // What the next test sees: no violation carried over, the fault and the tampering gone.
    expect(server.violations).toEqual([]);
    expect(await get("/repos/acme/iso")).toBe(200);
    expect(server.violations).toEqual([]);
    expect(() => expectCleanEnd(server)).not.toThrow();
  });
});
