import picomatch from "picomatch";
import { UserError } from "../errors.js";
import { isManifestPath } from "../manifests/index.js";
import { repoPath } from "./local.js";
import type { RepoEntry, RepoReader } from "./reader.js";

function join(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

/**
 * Walks a directory for manifest files (`*.yaml`, `*.yml`, `Kustomization`). Hidden directories (`.git`,
 * `.github`) are skipped: workflow files have `image:` keys that are not deployments. Symlinked files are
 * included (reading them checks they stay inside the repository); symlinked directories are not followed.
 */
async function walk(reader: RepoReader, dir: string, out: string[]): Promise<void> {
  const below: Promise<void>[] = [];
  for (const entry of await reader.list(dir)) {
    const path = join(dir, entry.name);
    if (entry.type === "dir") {
      if (!entry.name.startsWith(".")) below.push(walk(reader, path, out));
    } else if (isManifestPath(path)) {
      out.push(path);
    }
  }
  await Promise.all(below);
}

async function entryType(reader: RepoReader, path: string): Promise<RepoEntry["type"] | undefined> {
  if (path === "") return "dir";
  const slash = path.lastIndexOf("/");
  const parent = slash < 0 ? "" : path.slice(0, slash);
  const name = path.slice(slash + 1);
  return (await reader.list(parent)).find((entry) => entry.name === name)?.type;
}

/** All entries under `dir` (relative paths, directories included), for glob matching. */
async function everything(reader: RepoReader, dir: string, out: RepoEntry[] = []): Promise<RepoEntry[]> {
  const below: Promise<unknown>[] = [];
  for (const entry of await reader.list(dir)) {
    const path = join(dir, entry.name);
    out.push({ name: path, type: entry.type });
    if (entry.type === "dir" && !entry.name.startsWith(".")) below.push(everything(reader, path, out));
  }
  await Promise.all(below);
  return out;
}

/**
 * Expands files, directories (recursively) and globs (picomatch syntax) relative to the repository root into a
 * sorted, de-duplicated list of manifest files. A pattern that matches nothing is a user error: a typo in an
 * environment's paths would otherwise look like "nothing to update".
 */
export async function resolvePaths(reader: RepoReader, patterns: string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const found: string[] = [];
    // A trailing slash means the directory itself, as it does for plain paths; picomatch would match nothing.
    const scan = picomatch.scan(pattern.replace(/\\/g, "/").replace(/(.)\/+$/, "$1"));
    if (scan.isGlob) {
      const base = repoPath(scan.base);
      const glob = scan.base ? `${base}${base ? "/" : ""}${scan.glob}` : scan.glob;
      const matches = picomatch(glob, { dot: false });
      const candidates = (await entryType(reader, base)) === "dir" ? await everything(reader, base) : [];
      for (const entry of candidates) {
        if (!matches(entry.name)) continue;
        if (entry.type === "dir") await walk(reader, entry.name, found);
        else if (isManifestPath(entry.name)) found.push(entry.name);
      }
    } else {
      const path = repoPath(pattern);
      const type = await entryType(reader, path);
      if (type === "dir") await walk(reader, path, found);
      else if (type === "file" || type === "symlink") {
        // Resolving a symlink checks it stays inside the repository; a symlink to a directory is walked.
        if ((await reader.read(path)) === undefined) await walk(reader, path, found);
        else found.push(path);
      }
    }
    if (found.length === 0) {
      throw new UserError(`path ${JSON.stringify(pattern)} matches no YAML files in the repository`, {
        hint: "Check the path (relative to the repository root); directories are searched for *.yaml, *.yml and Kustomization.",
      });
    }
    for (const path of found) files.add(path);
  }
  return [...files].sort();
}
