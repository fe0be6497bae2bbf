import type { SourceCommit } from "./trailers.js";

/**
 * What an environment runs after a commit, as the finders see it: one entry per slot (an app and an image name),
 * the value being the reference(s) found there, sorted and joined by a space when an app holds several.
 */
export type EnvironmentState = ReadonlyMap<string, string>;

/** One commit of the config repository's first-parent history, oldest first. */
export interface HistoryCommit {
  sha: string;
  /** Committer time, milliseconds since the epoch. */
  time: number;
  /** The app commits whose images this commit introduces (its trailers). */
  sources: readonly SourceCommit[];
  /** The state of each environment whose files this commit touched; an environment not listed is unchanged. */
  environments: ReadonlyMap<string, EnvironmentState>;
}

export interface SlotChange {
  slot: string;
  from?: string;
  to?: string;
}

/** A commit that changed what an environment runs. */
export interface Deployment {
  environment: string;
  sha: string;
  time: number;
  changes: SlotChange[];
  before: EnvironmentState;
  after: EnvironmentState;
  /** App commits whose images reach this environment for the first time here. */
  sources: SourceCommit[];
  /** Set when a later deployment puts back what ran before this one: that deployment's index in the list. */
  restoredBy?: number;
}

const EMPTY: EnvironmentState = new Map();

/** The slot key for an app and a normalised image name; the separator cannot occur in either. */
export function slotKey(app: string, image: string): string {
  return `${app}\u0000${image}`;
}

/** App and image name of a slot key. */
export function slotParts(slot: string): { app: string; image: string } {
  const at = slot.indexOf("\u0000");
  return { app: slot.slice(0, at), image: slot.slice(at + 1) };
}

function diff(before: EnvironmentState, after: EnvironmentState): SlotChange[] {
  const changes: SlotChange[] = [];
  for (const [slot, to] of after) {
    const from = before.get(slot);
    if (from !== to) changes.push({ slot, ...(from === undefined ? {} : { from }), to });
  }
  for (const [slot, from] of before) if (!after.has(slot)) changes.push({ slot, from });
  return changes.sort((a, b) => (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0));
}

/**
 * The deployments of every environment, oldest first, with the source commits each brings and the rollbacks that
 * mark earlier ones failed. A reference is traced to the first commit that introduced it anywhere, so a promotion
 * to production (which has no trailers) still leads back to the app commit a dev bump named.
 */
export function findDeployments(commits: readonly HistoryCommit[]): Map<string, Deployment[]> {
  const state = new Map<string, EnvironmentState>();
  const origin = new Map<string, SourceCommit[]>();
  const reached = new Map<string, Set<string>>();
  const deployments = new Map<string, Deployment[]>();
  const slotChanges = new Map<string, Map<string, { index: number; from?: string }>>();
  for (const commit of commits) {
    for (const [environment, after] of commit.environments) {
      const before = state.get(environment) ?? EMPTY;
      state.set(environment, after);
      const changes = diff(before, after);
      if (changes.length === 0) continue;
      const introduced = changes.flatMap((change) => (change.to ? change.to.split(" ") : []));
      const previous = new Set(changes.flatMap((change) => (change.from ? change.from.split(" ") : [])));
      if (commit.sources.length > 0) {
        for (const ref of introduced)
          if (!origin.has(ref) && !previous.has(ref)) origin.set(ref, [...commit.sources]);
      }
      const seen = reached.get(environment) ?? new Set<string>();
      reached.set(environment, seen);
      const sources: SourceCommit[] = [];
      for (const ref of introduced) {
        for (const source of origin.get(ref) ?? []) {
          const key = `${source.repository}@${source.sha}`;
          if (seen.has(key)) continue;
          seen.add(key);
          sources.push(source);
        }
      }
      const list = deployments.get(environment) ?? [];
      deployments.set(environment, list);
      const deployment: Deployment = {
        environment,
        sha: commit.sha,
        time: commit.time,
        changes,
        before,
        after,
        sources,
      };
      // The next change of an image that puts back what ran before a deployment rolls that deployment back;
      // other apps of the same environment deploying in between do not hide it.
      const lastChange = slotChanges.get(environment) ?? new Map<string, { index: number; from?: string }>();
      slotChanges.set(environment, lastChange);
      for (const change of changes) {
        const previous = lastChange.get(change.slot);
        if (previous && change.to !== undefined && previous.from === change.to) {
          list[previous.index]!.restoredBy ??= list.length;
        }
        lastChange.set(change.slot, {
          index: list.length,
          ...(change.from === undefined ? {} : { from: change.from }),
        });
      }
      list.push(deployment);
    }
  }
  return deployments;
}
