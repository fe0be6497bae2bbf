import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import type { GitHubTestServer } from "../support/github/index.js";

const Client = Octokit.plugin(retry);
const ThrottledClient = Octokit.plugin(retry, throttling);

/** An Octokit configured as a GitHub Enterprise client of the test server, with fast retries for tests. */
export function client(server: GitHubTestServer, token: string = server.token) {
  return new Client({
    baseUrl: server.url,
    auth: token,
    log: { debug() {}, info() {}, warn() {}, error() {} },
    retry: { retryAfterBaseValue: 5 },
  });
}

/**
 * With the throttling plugin as the actions use it. It spaces writes a second apart by default, so tests use this
 * client only where rate-limit handling is the point.
 */
export function throttledClient(server: GitHubTestServer, token: string = server.token) {
  return new ThrottledClient({
    baseUrl: server.url,
    auth: token,
    log: { debug() {}, info() {}, warn() {}, error() {} },
    retry: { retryAfterBaseValue: 5 },
    throttle: {
      onRateLimit: (_after: number, _options: object, _octokit: unknown, retryCount: number) =>
        retryCount < 2,
      onSecondaryRateLimit: (_after: number, _options: object, _octokit: unknown, retryCount: number) =>
        retryCount < 2,
    },
  });
}

export const CREATE_COMMIT = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;

export function b64(text: string): string {
  return Buffer.from(text).toString("base64");
}

/** What a rejected Octokit REST or GraphQL call carries, for assertions on GitHub's error shapes. */
export interface Failure {
  name: string;
  message: string;
  status: number;
  response: { data: { message: string; errors?: { message: string }[] }; headers: Record<string, string> };
  errors: { type?: string; message: string; path?: unknown[]; [key: string]: unknown }[];
  data: unknown;
}

/** The rejection of a call that must fail; fails the test when it succeeds. */
export async function failure(call: Promise<unknown>): Promise<Failure> {
  try {
    await call;
  } catch (error) {
    return error as Failure;
  }
  throw new Error("expected the call to fail, it succeeded");
}
