import { UserError } from "../errors.js";

// What the action entries check in their inputs before any client exists (and before its library is loaded).

/** Per-request time limit: GitHub ends its own work on a request after 10 s, so 30 s leaves room for the network. */
export const DEFAULT_REQUEST_TIMEOUT_S = 30;
/** Retries of a request that failed with a 5xx, a network error or a timeout. */
export const DEFAULT_RETRIES = 2;

/**
 * The request time limit from an input or environment value in seconds (empty: the default). Bounded so a typo
 * cannot turn it off: at most 10 minutes.
 */
export function parseRequestTimeout(text: string, source: string): number {
  const trimmed = text.trim();
  if (trimmed === "") return DEFAULT_REQUEST_TIMEOUT_S * 1000;
  const seconds = Number(trimmed);
  if (!/^\d+(\.\d+)?$/.test(trimmed) || !(seconds > 0) || seconds > 600) {
    throw new UserError(
      `${source} must be a number of seconds between 0 and 600, got ${JSON.stringify(text)}`,
      {
        hint: `Give the time one GitHub API request may take, e.g. ${DEFAULT_REQUEST_TIMEOUT_S}; failed requests are retried ${DEFAULT_RETRIES} times.`,
      },
    );
  }
  return Math.round(seconds * 1000);
}

/** `owner/name` split and checked, so a typo fails before any request. */
export function parseRepository(value: string): { owner: string; repo: string } {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value.trim());
  if (!match) {
    throw new UserError(`repository must be written owner/name, got ${JSON.stringify(value)}`, {
      hint: "Set the repository input to the config repository, e.g. acme/deploy.",
    });
  }
  return { owner: match[1]!, repo: match[2]! };
}
