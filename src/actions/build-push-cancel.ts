import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import {
  type Leftovers,
  onLeftoversChange,
  removeLeftovers,
  removeSecretCopies,
} from "../builder/leftovers.js";

/** The state entry that tells the post step what a cut-short build left. */
const STATE = "leftovers";

/**
 * On a cancelled step the runner sends SIGINT, then SIGTERM a few seconds later, then kills. The first signal stops
 * the builders and removes every file holding a credential or a build secret, then ends the step; the second finds
 * that work under way and waits for it. What is held is also recorded for the post step, which cleans up after a
 * process that was killed outright.
 */
export function cleanUpOnCancel(): void {
  if (process.env.GITHUB_STATE) onLeftoversChange((now) => core.saveState(STATE, JSON.stringify(now)));
  let cancelling = false;
  const cancel = (signal: NodeJS.Signals) => {
    if (cancelling) return;
    cancelling = true;
    core.error(`cancelled (${signal}): stopping the builder and removing credentials and build secrets`);
    removeLeftovers().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGINT", cancel);
  process.on("SIGTERM", cancel);
}

/** Only what this action creates may be removed: its run directories under RUNNER_TEMP or the system temp. */
function ours(target: string): boolean {
  const resolved = path.resolve(target);
  const roots = [process.env.RUNNER_TEMP, os.tmpdir()].filter((root): root is string => !!root);
  return roots.some((root) => {
    const relative = path.relative(path.resolve(root), resolved);
    return (
      relative !== "" &&
      !relative.startsWith("..") &&
      !path.isAbsolute(relative) &&
      /^(gitops-build([/\\]|$)|gitops-build-)/.test(relative)
    );
  });
}

/** A builder still running under a recorded group id; a reused id belonging to something else is left alone. */
async function isBuilder(pid: number): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  return /(^|\/)(buildah|podman|docker)\0/.test(cmdline);
}

/** The post step: whatever the main step recorded and could not remove itself goes now. */
export async function postCleanup(): Promise<void> {
  let recorded: Leftovers = { paths: [], stores: [], groups: [] };
  try {
    recorded = { ...recorded, ...JSON.parse(core.getState(STATE) || "{}") };
  } catch {
    core.warning("the build step's record of its temporary files is unreadable; nothing to clean up");
    return;
  }
  for (const group of recorded.groups.filter((pid) => Number.isInteger(pid) && pid > 1))
    if (await isBuilder(group)) {
      try {
        process.kill(-group, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  for (const target of recorded.paths.filter(ours)) {
    await rm(target, { recursive: true, force: true });
    core.info(`removed ${target}`);
  }
  for (const store of recorded.stores.filter(ours)) await removeSecretCopies(store);
}
