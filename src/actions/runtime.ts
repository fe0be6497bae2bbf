import { randomUUID } from "node:crypto";
import * as core from "@actions/core";
import { isUserError, UserError } from "../errors.js";
import { proxyCredentials } from "../http/proxy.js";
import type { Logger } from "../logger.js";

/**
 * The runner reads `::command::` at the start of any (trimmed) line and `##[command]` anywhere in a line. Text that
 * comes from a repository, an event or a registry could carry either, so such text is fenced with a one-time
 * stop-commands token the text cannot know.
 */
const COMMAND_LIKE = /::|##\[/;

/** Writes text to the log as plain text, never as workflow commands, however it was made. */
export function logInfo(text: string): void {
  if (!COMMAND_LIKE.test(text)) {
    core.info(text);
    return;
  }
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(text);
  core.info(`::${token}::`);
}

/** Logger for the core; info goes through the fence, while debug and warning escape their data themselves. */
export const actionsLogger: Logger = {
  debug: (message) => core.debug(message),
  info: logInfo,
  warning: (message) => core.warning(message),
};

/**
 * Appends to the job summary when the runner provides one. The summary is a report of work already done, so failing
 * to write it warns and never fails the step (act and other runners have no summary file).
 */
export async function writeSummary(markdown: string): Promise<void> {
  if (markdown === "" || !process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    core.summary.emptyBuffer();
    core.warning(`could not write the job summary: ${(error as Error).message}`);
  }
}

export function getString(name: string, fallback = ""): string {
  return core.getInput(name) || fallback;
}

/**
 * A newline- or comma-separated input as a list; blank entries and whole-line `#` comments are dropped. A `#` inside
 * an entry is kept: labels such as `priority #1` are values, not comments.
 */
export function getList(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n|,/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "" && !entry.startsWith("#"));
}

export function getBoolean(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase();
  if (raw === "") return fallback;
  if (["true", "yes", "1", "on"].includes(raw)) return true;
  if (["false", "no", "0", "off"].includes(raw)) return false;
  throw new UserError(`input '${name}' must be true or false, got ${JSON.stringify(raw)}`);
}

export function getChoice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const raw = core.getInput(name).trim();
  if (raw === "") return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new UserError(`input '${name}' must be one of ${choices.join(", ")}, got ${JSON.stringify(raw)}`);
}

/** A secret input, masked in logs before anything else can print it. */
export function getSecret(name: string): string {
  const value = core.getInput(name);
  if (value) core.setSecret(value);
  return value;
}

/**
 * Runs an action body: user mistakes become one failed-step message; anything else also keeps its stack in the
 * debug log, where a maintainer can find it without alarming the user.
 */
export async function runAction(body: () => Promise<void>): Promise<void> {
  // A proxy password in HTTPS_PROXY could surface in a tool's error message; the runner hides it once told.
  for (const secret of proxyCredentials(process.env)) core.setSecret(secret);
  try {
    await body();
  } catch (error) {
    if (isUserError(error)) {
      core.setFailed(error.format());
      return;
    }
    const err = error as Error;
    core.debug(err?.stack ?? String(error));
    core.setFailed(err?.message ?? String(error));
  }
}
