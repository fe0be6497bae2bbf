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

interface FileImages {
  app: string;
  /** slot → references found in this file */
  refs: Map<string, string[]>;
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
  const files = environments.map(() => new Map<string, FileImages>());
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
  for (const commit of commits) {
    const states = new Map<string, EnvironmentState>();
    environments.forEach((env, index) => {
      let touched = false;
      for (const file of commit.files) {
        const cache = appCache[index]!;
        if (!cache.has(file.path)) {
          cache.set(file.path, isManifestPath(file.path) ? appOf(file.path, env.paths) : undefined);
        }
        const app = cache.get(file.path);
        if (app === undefined) continue;
        touched = true;
        const refs = file.blob ? imagesOf(file.path, file.blob, app) : undefined;
        if (refs) files[index]!.set(file.path, { app, refs });
        else files[index]!.delete(file.path);
      }
      if (touched) states.set(env.name, stateOf(files[index]!));
    });
    const trailers = parseSourceTrailers(commit.trailers);
    rejectedTrailers += trailers.rejected;
    out.push({ sha: commit.sha, time: commit.time, sources: trailers.sources, environments: states });
  }
  return { commits: out, rejectedTrailers, unreadable };
}

function stateOf(files: ReadonlyMap<string, FileImages>): EnvironmentState {
  const slots = new Map<string, Set<string>>();
  for (const file of files.values()) {
    for (const [slot, refs] of file.refs) {
      const set = slots.get(slot) ?? new Set<string>();
      for (const ref of refs) set.add(ref);
      slots.set(slot, set);
    }
  }
  const state = new Map<string, string>();
  for (const [slot, refs] of slots) state.set(slot, [...refs].sort().join(" "));
  return state;
}
