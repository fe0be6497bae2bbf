import { UserError } from "../errors.js";

/** GitHub numbers pull requests with 32-bit integers. */
export const MAX_PULL_REQUEST_NUMBER = 2147483647;

/** A pull request number as text (an input, an argument, an event field), checked to be a positive integer. */
export function parsePullRequestNumber(text: string | number, what = "pull request number"): number {
  const value = String(text).trim();
  if (!/^[1-9][0-9]{0,9}$/.test(value) || Number(value) > MAX_PULL_REQUEST_NUMBER) {
    throw new UserError(
      `${what} must be a positive whole number, got ${JSON.stringify(String(text).slice(0, 40))}`,
      { hint: "Pass the pull request's number, e.g. 42." },
    );
  }
  return Number(value);
}
