import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck";
import { proxyAwareFetch, proxyFor, redactProxy } from "../http/proxy.js";
import type { Logger } from "../logger.js";
import { VERSION } from "../version.js";
import { formatSeconds } from "./errors.js";
import { DEFAULT_REQUEST_TIMEOUT_S, DEFAULT_RETRIES } from "./settings.js";

export {
  DEFAULT_REQUEST_TIMEOUT_S,
  DEFAULT_RETRIES,
  parseRepository,
  parseRequestTimeout,
} from "./settings.js";

const GitOpsOctokit = Octokit.plugin(retry, throttling);

/** @octokit/rest with the retry and throttling plugins, its GraphQL calls aimed at the configured endpoint. */
export type GitHub = InstanceType<typeof GitOpsOctokit>;

export interface GitHubClientOptions {
  token: string;
  /** REST root: `https://api.github.com`, or `https://<host>/api/v3` on GitHub Enterprise Server. */
  baseUrl?: string;
  /** GraphQL endpoint; on GitHub Enterprise Server it is `https://<host>/api/graphql`, not below the REST root. */
  graphqlUrl?: string;
  logger: Logger;
  /** Retries of a failed request (5xx, network) before giving up. */
  retries?: number;
  /** Rate-limit waits longer than this (seconds) fail instead: a job should not sleep for an hour. */
  maxRateLimitWait?: number;
  /** Retries after a rate-limit answer. */
  rateLimitRetries?: number;
  /** Distinguishes the throttling queues of clients with different identities in one process. */
  id?: string;
  /**
   * Minimum time between writes (and GraphQL documents, which the throttling plugin counts as writes). GitHub asks
   * for one second between content-creating requests; a client that only reads can pass 0.
   */
  writeSpacingMs?: number;
  /**
   * Milliseconds one request may take, from sending to the whole answer; a request that runs over is aborted and
   * retried like a 5xx, so a server that accepts and never answers costs at most (retries + 1) × this plus the
   * back-off in between.
   */
  requestTimeoutMs?: number;
}

export const DEFAULT_API_URL = "https://api.github.com";

/** Raised when a request's time limit ran out; it travels as the `cause` of Octokit's error. */
export class RequestTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${formatSeconds(timeoutMs)}`);
    this.name = "RequestTimeout";
  }
}

/**
 * `fetch` with a time limit per call, through the proxy the environment names. The limit covers the body too (the
 * signal stays attached while Octokit reads it), and a timeout rejects with RequestTimeout, which Octokit reports as a
 * retriable 500.
 */
function fetchWithTimeout(timeoutMs: number): typeof fetch {
  const fetch = proxyAwareFetch();
  return async (input, init) => {
    const timer = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timer]) : timer;
    try {
      return await fetch(input, { ...init, signal });
    } catch (error) {
      if (timer.aborted) throw new RequestTimeout(timeoutMs);
      throw error;
    }
  };
}

/**
 * The one place GitHub clients are made. Transient failures (5xx, rate limits with `retry-after`) are retried a
 * bounded number of times, so a job either lands its change or fails with the cause instead of hanging.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHub {
  const { token, logger } = options;
  const redact = (message: string) => (token ? message.split(token).join("***") : message);
  const retries = options.retries ?? DEFAULT_RETRIES;
  const maxWait = options.maxRateLimitWait ?? 120;
  const rateLimitRetries = options.rateLimitRetries ?? 3;
  const baseUrl = (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, "");
  const proxy = proxyFor(baseUrl);
  if (proxy) logger.debug(`GitHub API requests to ${baseUrl} go through the proxy ${redactProxy(proxy)}`);

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      const where = `${request.method} ${request.url}`;
      if (retryCount >= rateLimitRetries || retryAfter > maxWait) {
        logger.warning(
          `GitHub ${kind} rate limit on ${where}: not retrying (retry ${retryCount + 1}, wait ${retryAfter}s)`,
        );
        return false;
      }
      logger.info(`GitHub ${kind} rate limit on ${where}: retrying in ${retryAfter}s`);
      return true;
    };

  const octokit = new GitOpsOctokit({
    auth: token || undefined,
    baseUrl,
    userAgent: `gitops-pipeline/${VERSION}`,
    request: { fetch: fetchWithTimeout(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_S * 1000) },
    log: {
      debug: (message: string) => logger.debug(redact(message)),
      info: (message: string) => logger.debug(redact(message)),
      warn: (message: string) => logger.warning(redact(message)),
      // Failed requests are reported by whoever handles them (many, like a lost race, are expected).
      error: (message: string) => logger.debug(redact(message)),
    },
    retry: { retries },
    throttle: {
      id: options.id ?? "gitops-pipeline",
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.writeSpacingMs ?? 1000 }),
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
    },
  });
  if (options.graphqlUrl) {
    // baseUrl too: with a `/api/v3` REST root, @octokit/graphql would otherwise derive its own endpoint.
    octokit.graphql = octokit.graphql.defaults({ baseUrl: options.graphqlUrl, url: options.graphqlUrl });
  }
  return octokit;
}

/**
 * The pair most callers want: reads without write spacing (GraphQL queries are not content-creating, yet the
 * throttling plugin spaces every GraphQL document), writes spaced as GitHub asks.
 */
export function createGitHubClients(options: Omit<GitHubClientOptions, "writeSpacingMs">): {
  read: GitHub;
  write: GitHub;
} {
  return { read: createGitHubClient({ ...options, writeSpacingMs: 0 }), write: createGitHubClient(options) };
}
