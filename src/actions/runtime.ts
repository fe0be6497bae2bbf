import * as core from "@actions/core";
import { isUserError, UserError } from "../errors.js";
import type { Logger } from "../logger.js";

/** Logger for the core that writes through the runner's workflow commands. */
export const actionsLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
};

export function getString(name: string, fallback = ""): string {
  return core.getInput(name) || fallback;
}

/** A newline- or comma-separated input as a list; blank entries and `#` comments are dropped. */
export function getList(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n|,/)
    .map((entry) => entry.replace(/\s+#.*$/, "").trim())
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
