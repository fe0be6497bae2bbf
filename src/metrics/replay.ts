import { formatImageRef, normalizedName } from "../image/index.js";
import { findImages, isManifestPath } from "../manifests/index.js";
import { appOf } from "../promote/pairing.js";
import type { EnvironmentState, HistoryCommit } from "./history.js";
import { parseSourceTrailers } from "./trailers.js";

/** A commit as the git transport reads it: its time, trailer lines and the blobs of the files it changes. */
export interface ChangedCommit {
  sha: string;
  time: number;
  trailers: string;
  files: readonly { path: string; blob?: string }[];
}

export interface EnvironmentPaths {
  name: string;
  paths: readonly string[];
}

/** The blob ids whose contents a replay needs: manifest files under some environment's paths. */
export function wantedBlobs(
  commits: readonly ChangedCommit[],
  environments: readonly EnvironmentPaths[],
): string[] {
  const ids = new Set<string>();
  const inAny = new Map<string, boolean>();
  for (const commit of commits) {
    for (const file of commit.files) {
      if (!file.blob) continue;
      let wanted = inAny.get(file.path);
      if (wanted === undefined) {
        wanted =
          isManifestPath(file.path) && environments.some((env) => appOf(file.path, env.paths) !== undefined);
        inAny.set(file.path, wanted);
      }
      if (wanted) ids.add(file.blob);
    }
  }
  return [...ids];
}

export interface ReplayResult {
  commits: HistoryCommit[];
  /** Trailers present but malformed or unpaired, over the whole history. */
  rejectedTrailers: number;
  /** Files that could not be read as YAML at some commit (their images count as absent there). */
  unreadable: number;
}

/**
 * Replays the history: each commit re-reads only the files it changes, so what every environment runs is known
 * after every commit at the cost of the changed files alone.
 */
export function replayHistory(
  commits: readonly ChangedCommit[],
  environments: readonly EnvironmentPaths[],
  blobs: ReadonlyMap<string, string>,
): ReplayResult {
  // Per environment: file → (slot → references found in it).
  const files = environments.map(() => new Map<string, Map<string, string[]>>());
  const parsed = new Map<string, Map<string, string[]> | undefined>();
  const appCache = environments.map(() => new Map<string, string | undefined>());
  let rejectedTrailers = 0;
  let unreadable = 0;

  const imagesOf = (path: string, blob: string, app: string): Map<string, string[]> | undefined => {
    const key = `${blob}\u0000${app}\u0000${path}`;
    if (parsed.has(key)) return parsed.get(key);
    let refs: Map<string, string[]> | undefined = new Map();
    try {
      for (const found of findImages(path, blobs.get(blob) ?? "")) {
        const slot = `${app}\u0000${normalizedName(found.ref)}`;
        const list = refs.get(slot) ?? [];
        list.push(formatImageRef(found.ref));
        refs.set(slot, list);
      }
    } catch {
      refs = undefined;
      unreadable++;
    }
    parsed.set(key, refs);
    return refs;
  };

  const out: HistoryCommit[] = [];
  const counts = environments.map(() => new Map<string, Map<string, number>>());
  const current = environments.map(() => new Map<string, string>());
  for (const commit of commits) {
    const states = new Map<string, EnvironmentState>();
    environments.forEach((env, index) => {
      const affected = new Set<string>();
      const envFiles = files[index]!;
      const tally = counts[index]!;
      const count = (refs: Map<string, string[]> | undefined, by: number) => {
        for (const [slot, list] of refs ?? []) {
          affected.add(slot);
          const perRef = tally.get(slot) ?? new Map<string, number>();
          tally.set(slot, perRef);
          for (const ref of list) {
            const n = (perRef.get(ref) ?? 0) + by;
            if (n === 0) perRef.delete(ref);
            else perRef.set(ref, n);
          }
        }
      };
      let touched = false;
      for (const file of commit.files) {
        const cache = appCache[index]!;
        if (!cache.has(file.path)) {
          cache.set(file.path, isManifestPath(file.path) ? appOf(file.path, env.paths) : undefined);
        }
        const app = cache.get(file.path);
        if (app === undefined) continue;
        touched = true;
        count(envFiles.get(file.path), -1);
        const refs = file.blob ? imagesOf(file.path, file.blob, app) : undefined;
        count(refs, 1);
        if (refs) envFiles.set(file.path, refs);
        else envFiles.delete(file.path);
      }
      if (!touched) return;
      const state = current[index]!;
      for (const slot of affected) {
        const refs = [...(tally.get(slot)?.keys() ?? [])];
        if (refs.length === 0) state.delete(slot);
        else state.set(slot, refs.sort().join(" "));
      }
      // A copy: every commit keeps the state it left, and deployments compare them later.
      states.set(env.name, new Map(state));
    });
    const trailers = parseSourceTrailers(commit.trailers);
    rejectedTrailers += trailers.rejected;
    out.push({ sha: commit.sha, time: commit.time, sources: trailers.sources, environments: states });
  }
  return { commits: out, rejectedTrailers, unreadable };
}
