import { spawnSync } from "node:child_process";

/**
 * Whether a real component (an executable on PATH) is here. Outside CI a missing one skips its tests with a
 * reason; under CI=true it fails them, because CI installs every component and a skip there would hide a gap.
 */
export function hasComponent(command: string, versionArgs: string[] = ["--version"]): boolean {
  const result = spawnSync(command, versionArgs, { stdio: "ignore" });
  const present = result.error === undefined;
  if (!present && process.env.CI === "true") {
    throw new Error(`${command} is required in CI but was not found on PATH; .ci/run must install it`);
  }
  return present;
}
