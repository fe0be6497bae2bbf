import { readdir, rm } from "node:fs/promises";
import path from "node:path";

/**
 * What a running build must not leave behind when it is cut short: directories that hold credentials or build
 * secrets (the run directory with its auth file, DOCKER_CONFIG and secret files; a runroot where the builder keeps its
 * own copies), and the builder processes themselves. A normal run removes all of this in its own `finally`; a
 * cancelled step (the runner sends SIGINT, then SIGTERM) never gets there, so the entry's signal handler and the
 * action's post step ask this module instead.
 */
export interface Leftovers {
  paths: string[];
  /**
   * Image stores the build uses. They stay (they are the layer cache), but buildah keeps a copy of each mounted build
   * secret in a working container's `userdata/secrets`, which a killed build never removes.
   */
  stores: string[];
  /** Process-group ids: each builder is started as the leader of its own group, so its helpers go with it. */
  groups: number[];
}

/** The part of a started builder process this module needs. */
interface Child {
  readonly pid?: number;
  readonly exitCode: number | null;
  once(event: "close", listener: () => void): unknown;
}

const paths = new Set<string>();
const stores = new Set<string>();
const children = new Set<Child>();
let listener: ((now: Leftovers) => void) | undefined;

export function leftovers(): Leftovers {
  return {
    paths: [...paths],
    stores: [...stores],
    groups: [...children].map((child) => child.pid).filter((pid): pid is number => pid !== undefined),
  };
}

/** Called on every change, so the entry can record for its post step what would have to go. */
export function onLeftoversChange(callback: (now: Leftovers) => void): void {
  listener = callback;
}

const changed = () => listener?.(leftovers());

export function holdPath(path: string): void {
  paths.add(path);
  changed();
}

export function releasePath(path: string): void {
  if (paths.delete(path)) changed();
}

export function holdStore(root: string): void {
  stores.add(root);
  changed();
}

export function releaseStore(root: string): void {
  if (stores.delete(root)) changed();
}

/** Removes the secret copies of every working container in a store (`<root>/<driver>-containers/<id>/userdata/secrets`). */
export async function removeSecretCopies(root: string): Promise<void> {
  for (const layer of await readdir(root).catch(() => [])) {
    if (!layer.endsWith("-containers")) continue;
    for (const container of await readdir(path.join(root, layer), { withFileTypes: true }).catch(() => []))
      if (container.isDirectory())
        await rm(path.join(root, layer, container.name, "userdata", "secrets"), {
          recursive: true,
          force: true,
        });
  }
}

export function holdChild(child: Child): void {
  children.add(child);
  changed();
  child.once("close", () => {
    children.delete(child);
    changed();
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Stops every builder still running (SIGTERM, then SIGKILL after `graceMs`) and removes every held path. Bounded in
 * time: the runner kills the step a few seconds after its second signal, and the files must be gone before that.
 */
export async function removeLeftovers(graceMs = 2500): Promise<void> {
  const running = [...children].filter((child) => child.pid !== undefined && child.exitCode === null);
  for (const child of running) signalGroup(child.pid!, "SIGTERM");
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            signalGroup(child.pid!, "SIGKILL");
            resolve();
          }, graceMs);
          child.once("close", () => {
            clearTimeout(timer);
            // The leader is gone; anything it left in its group goes too.
            signalGroup(child.pid!, "SIGKILL");
            resolve();
          });
        }),
    ),
  );
  await Promise.all([...paths].map((target) => rm(target, { recursive: true, force: true })));
  await Promise.all([...stores].map(removeSecretCopies));
  paths.clear();
}
