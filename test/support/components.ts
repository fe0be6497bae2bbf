import { spawnSync } from "node:child_process";

const reported = new Set<string>();

/**
 * Outside CI a test whose component is missing is skipped, and the skip says which component; under CI=true it
 * fails, because CI installs every component and a skip there would hide a gap.
 */
export function missingComponent(what: string, why = "was not found"): false {
  if (process.env.CI === "true") {
    throw new Error(`${what} is required in CI but ${why}; .ci/run must install it`);
  }
  if (!reported.has(what)) {
    reported.add(what);
    process.stderr.write(`skipping the tests that need ${what}: it ${why}\n`);
  }
  return false;
}

/** Whether a real component (an executable on PATH) is here; see missingComponent for what happens when it is not. */
export function hasComponent(command: string, versionArgs: string[] = ["--version"]): boolean {
  const result = spawnSync(command, versionArgs, { stdio: "ignore" });
  return result.error === undefined || missingComponent(command, "was not found on PATH");
}

/** The first candidate path that answers `args` with the expected exit status; undefined (with a reason) if none. */
export function findComponent(
  what: string,
  candidates: string[],
  args: string[],
  status = 0,
): string | undefined {
  const found = candidates.find(
    (candidate) => spawnSync(candidate, args, { stdio: "ignore" }).status === status,
  );
  if (found === undefined) missingComponent(what, `is not at ${candidates.join(" or ")}`);
  return found;
}
