import { execFile } from "node:child_process";
import {
  closeSync,
  constants,
  type Dirent,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { childEnv, gitEnv } from "../process/env.js";
import type { ManifestSource, Renderer, RenderResult } from "./engine.js";
import type { Finding } from "./types.js";

/** A finding about a symbolic link the source did not follow; the link is named, what it points at is not read. */
function linkFinding(file: string, message: string): Finding {
  return { rule: "symlink", severity: "warning", file, line: 1, column: 1, message };
}

/** The working tree on disk, as validation reads it, and what it refused to read. */
export interface LocalSource extends ManifestSource {
  /** One warning per symbolic link that leads outside the workspace or into a loop. */
  refusals(): Finding[];
  /** Real path of an existing file or directory inside the workspace; undefined when missing, outside or looping. */
  realPath(p: string): string | undefined;
  /** True when `p` names its file without passing through a symbolic link. */
  isDirect(p: string): boolean;
}

const isInside = (root: string, real: string) =>
  real === root || real.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);

/**
 * The working tree on disk, paths relative to `cwd`, bounded by the workspace `root`: nothing whose real path lies
 * outside `root` is read, listed or reported as existing. A symbolic link inside the workspace to something inside
 * it is followed (its file is read once, under the name given); a link leading out of the workspace, or back into a
 * directory that holds it, is not followed and becomes a warning that names the link.
 */
export function localSource(cwd: string, root: string = cwd): LocalSource {
  const abs = (p: string) => path.resolve(cwd, p);
  const realRoot = realOrResolved(root);
  const realCwd = realOrResolved(cwd);
  const reals = new Map<string, { real: string; kind?: "file" | "dir" } | null>();
  const refused = new Map<string, Finding>();
  const listedDirs = new Set<string>();

  // Keyed by the link's absolute path: one link reached under two names (a path given absolutely, and the
  // repository walked relatively) is one finding, under the first name.
  const refuse = (link: string, message: string) => {
    if (!refused.has(abs(link))) refused.set(abs(link), linkFinding(link, message));
  };
  /** Names the first link on the way to `p` that leads out of the workspace or loops, when there is one. */
  const blame = (p: string) => {
    const parts = path.normalize(p).split(path.sep);
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join(path.sep) || path.sep;
      let link = false;
      try {
        link = lstatSync(abs(prefix)).isSymbolicLink();
      } catch {
        return;
      }
      if (!link) continue;
      const shown = prefix.split(path.sep).join("/");
      let real: string;
      try {
        real = realpathSync(abs(prefix));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ELOOP")
          refuse(shown, "symbolic link loops back on itself; it is not followed");
        return;
      }
      if (!isInside(realRoot, real)) {
        refuse(
          shown,
          "symbolic link leads outside the workspace; it is not followed, so what it points at is not checked. Copy the file into the repository or remove the link.",
        );
        return;
      }
    }
  };
  /**
   * Real path and type of an absolute path, or null when it does not exist or loops. Built from the parent's (cached),
   * so a file that is no link costs one lstat, and only links are resolved in full.
   */
  const resolved = new Map<string, { real: string; kind?: "file" | "dir" } | null>();
  const resolve = (absolute: string): { real: string; kind?: "file" | "dir" } | null => {
    const known = resolved.get(absolute);
    if (known !== undefined) return known;
    let out: { real: string; kind?: "file" | "dir" } | null = null;
    const parent = path.dirname(absolute);
    const base = parent === absolute ? undefined : resolve(parent);
    if (parent === absolute || base) {
      const candidate = base ? path.join(base.real, path.basename(absolute)) : absolute;
      try {
        let stat = lstatSync(candidate);
        let real = candidate;
        if (stat.isSymbolicLink()) {
          real = realpathSync.native(candidate);
          stat = statSync(real);
        }
        out = { real, kind: stat.isDirectory() ? "dir" : stat.isFile() ? "file" : undefined };
      } catch {
        out = null;
      }
    }
    resolved.set(absolute, out);
    return out;
  };
  const inside = (p: string) => {
    const known = reals.get(p);
    if (known !== undefined) return known ?? undefined;
    const found = resolve(abs(p));
    const ok = found && isInside(realRoot, found.real) ? found : undefined;
    if (!ok && (found || isLink(abs(p)))) blame(p);
    reals.set(p, ok ?? null);
    return ok;
  };
  const realPath = (p: string): string | undefined => inside(p)?.real;
  const kind = (p: string): "file" | "dir" | undefined => inside(p)?.kind;
  /** Real paths of `dir` and every directory above it on the way the walk took to reach it. */
  const walkedThrough = (dir: string): Set<string> => {
    const out = new Set<string>();
    const parts = dir.split("/");
    for (let i = 0; i <= parts.length; i++) {
      const real = realPath(parts.slice(0, i).join("/") || ".");
      if (real !== undefined) out.add(real);
    }
    return out;
  };
  return {
    read(file) {
      const found = inside(file);
      if (found?.kind !== "file") return undefined;
      try {
        return readFileSync(found.real, "utf8");
      } catch {
        return undefined;
      }
    },
    list(dir) {
      const realDir = realPath(dir);
      if (realDir === undefined) return [];
      listedDirs.add(realDir);
      let entries: Dirent[];
      try {
        entries = readdirSync(realDir, { withFileTypes: true });
      } catch {
        return [];
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const out: { name: string; dir: boolean }[] = [];
      let stack: Set<string> | undefined;
      const absDir = abs(dir);
      for (const entry of entries) {
        if (!entry.isSymbolicLink()) {
          if (!entry.isDirectory() && !entry.isFile()) continue;
          const kind = entry.isDirectory() ? "dir" : "file";
          out.push({ name: entry.name, dir: kind === "dir" });
          // The listing already tells what a plain entry is: reading it later needs no lstat of its own.
          resolved.set(path.join(absDir, entry.name), { real: path.join(realDir, entry.name), kind });
          continue;
        }
        const full = dir === "." ? entry.name : `${dir}/${entry.name}`;
        const what = kind(full);
        if (what === "file") out.push({ name: entry.name, dir: false });
        if (what !== "dir") continue;
        const target = realPath(full) as string;
        stack ??= walkedThrough(dir);
        if (stack.has(target) || isInside(target, realDir)) {
          refuse(
            full,
            "symbolic link leads back into a directory that contains it (a loop); it is not followed",
          );
        } else if (!listedDirs.has(target)) out.push({ name: entry.name, dir: true });
      }
      return out;
    },
    isDir: (p) => kind(p) === "dir",
    exists: (p) => kind(p) !== undefined,
    refusals: () => [...refused.values()],
    realPath,
    isDirect: (p) => realPath(p) === path.resolve(realCwd, p),
  };
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function run(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { maxBuffer: 256 * 1024 * 1024, env: childEnv() }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 127) : 0;
      resolve({ code, stdout, stderr: stderr || (error && code === 127 ? error.message : "") });
    });
  });
}

/** `kustomize build` when installed, else `kubectl kustomize`; undefined when neither exists. */
export async function findKustomize(): Promise<{ file: string; args: string[] } | undefined> {
  if ((await run("kustomize", ["version"])).code === 0) return { file: "kustomize", args: ["build"] };
  if ((await run("kubectl", ["version", "--client"])).code === 0)
    return { file: "kubectl", args: ["kustomize"] };
  return undefined;
}

/**
 * Builds through a throw-away kustomization outside the repository that only adds
 * `buildMetadata: [originAnnotations]`, so every rendered object names the file it came from without touching the
 * user's tree. kustomize refuses absolute resource paths, hence the relative one.
 */
export function kustomizeRenderer(
  cwd: string,
  tool: { file: string; args: string[] },
  source?: LocalSource,
): Renderer {
  return async (dir): Promise<RenderResult> => {
    if (source && !source.isDir(dir)) {
      return { ok: false, error: `${dir} is not a directory inside the workspace` };
    }
    const wrapper = mkdtempSync(path.join(tmpdir(), "gitops-pipeline-build-"));
    try {
      const target = path.relative(wrapper, path.resolve(cwd, dir));
      writeFileSync(
        path.join(wrapper, "kustomization.yaml"),
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`,
      );
      const result = await run(tool.file, [...tool.args, wrapper]);
      if (result.code !== 0) return { ok: false, error: reason(result.stderr, target, dir, wrapper) };
      const origin = (p: string) => path.relative(cwd, path.resolve(wrapper, p)).split(path.sep).join("/");
      // kustomize refuses files outside a kustomization's root, but follows any directory, through a link or `..`:
      // a build that drew on the world outside the workspace is refused, none of its objects reported.
      const outside = source && originPaths(result.stdout).find((p) => isOutside(source, cwd, origin(p)));
      if (outside) {
        return {
          ok: false,
          error: `the build reads ${origin(outside)}, which is outside the workspace; its output is not checked. Keep every base and component inside the repository.`,
        };
      }
      return { ok: true, output: result.stdout, origin };
    } finally {
      rmSync(wrapper, { recursive: true, force: true });
    }
  };
}

/** Files named by kustomize's origin annotations (`path:` of a resource, `configuredIn:` of a generator). */
function originPaths(output: string): string[] {
  const paths: string[] = [];
  const block = /^( *)config\.kubernetes\.io\/origin: \|-?\n((?:\1 +\S.*\n)+)/gm;
  for (let m = block.exec(output); m; m = block.exec(output)) {
    const field = /^ *(?:path|configuredIn): (.+)$/gm;
    for (let f = field.exec(m[2]); f; f = field.exec(m[2]))
      paths.push(f[1].trim().replace(/^(["'])(.*)\1$/, "$2"));
  }
  return paths;
}

/** True for a file that exists but is not inside the workspace (directly or through a link). */
function isOutside(source: LocalSource, cwd: string, file: string): boolean {
  if (source.realPath(file) !== undefined) return false;
  try {
    statSync(path.resolve(cwd, file));
  } catch {
    return false;
  }
  return true;
}

/** kustomize's own words, without kubectl's log prefix or the wrapper's paths. */
function reason(stderr: string, target: string, dir: string, wrapper: string): string {
  const text = stderr.trim();
  const quoted = /err="((?:[^"\\]|\\.)*)"/.exec(text);
  let message = quoted ? quoted[1].replace(/\\"/g, '"').replace(/\\n/g, " ") : text.replace(/^Error: /, "");
  message = message.split(wrapper).join("<build>").split(target).join(dir);
  message = message.replace(
    /^accumulating resources: accumulation err='accumulating resources from '[^']*': /,
    "",
  );
  return message || "kustomize exited without saying why";
}

/**
 * Files changed between two commits (`git diff --name-only base...head`, relative to `cwd`); undefined when git
 * cannot answer — typically a shallow clone without the base commit — so the caller can check everything instead.
 */
export async function changedFilesFromGit(
  cwd: string,
  base: string,
  head: string,
): Promise<string[] | undefined> {
  const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      "git",
      [
        "-C",
        cwd,
        "diff",
        "--name-only",
        "--relative",
        "--no-renames",
        "--end-of-options",
        `${base}...${head}`,
      ],
      { env: gitEnv() },
      (error, stdout) => resolve({ code: error ? 1 : 0, stdout }),
    );
  });
  if (result.code !== 0) return undefined;
  return result.stdout.split("\n").filter(Boolean);
}

/**
 * Clone URLs of the repository checked out at `root`, from its `origin` and `upstream` remotes (read from git's
 * config, no network). Only a repository whose top level is `root` counts, never one the workspace merely sits in.
 */
export async function repositoryUrlsFromGit(root: string): Promise<string[]> {
  const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      "git",
      ["-C", root, "config", "--local", "--get-regexp", "^remote\\.(origin|upstream)\\.url$"],
      { env: { ...gitEnv(), GIT_CEILING_DIRECTORIES: path.dirname(path.resolve(root)) } },
      (error, stdout) => resolve({ code: error ? 1 : 0, stdout }),
    );
  });
  if (result.code !== 0) return [];
  return result.stdout
    .split("\n")
    .map((line) => line.slice(line.indexOf(" ") + 1).trim())
    .filter((url) => url !== "" && !url.includes("\n"));
}

export { isObjectId } from "./object-id.js";

/**
 * Writes a report file the user named, relative to the workspace (`roots[0]`): never outside the given roots (the
 * workspace, the runner's temporary directory), never through a symbolic link (a link in the checkout could
 * otherwise point the write at any file the runner can change). Missing directories are created, inside the root.
 * Returns the absolute path written.
 */
export function writeInsideWorkspace(
  roots: readonly string[],
  file: string,
  text: string,
  fail: (message: string, hint: string) => Error,
): string {
  const hint =
    "Name a file inside the workspace (relative to it) or in RUNNER_TEMP, or leave the input empty.";
  const target = path.resolve(roots[0], file);
  const root = roots.find((r) => {
    const relative = path.relative(path.resolve(r), target);
    return !(
      relative === "" ||
      relative === ".." ||
      relative.startsWith(`..${path.sep}`) ||
      path.isAbsolute(relative)
    );
  });
  if (root === undefined) throw fail(`${file} is outside the workspace`, hint);
  const missing: string[] = [];
  let dir = path.dirname(target);
  for (;;) {
    try {
      lstatSync(dir);
      break;
    } catch {
      missing.unshift(dir);
      dir = path.dirname(dir);
    }
  }
  let realDir: string;
  try {
    realDir = realpathSync(dir);
  } catch {
    throw fail(`the directory of ${file} cannot be resolved`, hint);
  }
  if (!isInside(realOrResolved(root), realDir) || !statSync(realDir).isDirectory())
    throw fail(`${file} leads outside the workspace through a symbolic link`, hint);
  for (const d of missing) mkdirSync(d);
  let fd: number;
  try {
    fd = openSync(
      target,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW,
      0o644,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP")
      throw fail(`${file} is a symbolic link; the report is not written through it`, hint);
    if (code === "EISDIR") throw fail(`${file} is a directory`, hint);
    throw fail(`cannot write ${file}: ${(error as Error).message}`, hint);
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return target;
}
