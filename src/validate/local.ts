import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { childEnv, gitEnv } from "../process/env.js";
import type { ManifestSource, Renderer, RenderResult } from "./engine.js";

/** The working tree on disk, paths relative to `cwd`. */
export function localSource(cwd: string): ManifestSource {
  const abs = (p: string) => path.resolve(cwd, p);
  return {
    read(file) {
      try {
        return readFileSync(abs(file), "utf8");
      } catch {
        return undefined;
      }
    },
    list(dir) {
      try {
        return readdirSync(abs(dir), { withFileTypes: true }).map((e) => ({
          name: e.name,
          dir: e.isDirectory() || (e.isSymbolicLink() && isDirectory(path.join(abs(dir), e.name))),
        }));
      } catch {
        return [];
      }
    },
    isDir: (p) => isDirectory(abs(p)),
    exists: (p) => existsSync(abs(p)),
  };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
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
export function kustomizeRenderer(cwd: string, tool: { file: string; args: string[] }): Renderer {
  return async (dir): Promise<RenderResult> => {
    const wrapper = mkdtempSync(path.join(tmpdir(), "gitops-pipeline-build-"));
    try {
      const target = path.relative(wrapper, path.resolve(cwd, dir));
      writeFileSync(
        path.join(wrapper, "kustomization.yaml"),
        `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`,
      );
      const result = await run(tool.file, [...tool.args, wrapper]);
      if (result.code !== 0) return { ok: false, error: reason(result.stderr, target, dir, wrapper) };
      return {
        ok: true,
        output: result.stdout,
        origin: (p) => path.relative(cwd, path.resolve(wrapper, p)).split(path.sep).join("/"),
      };
    } finally {
      rmSync(wrapper, { recursive: true, force: true });
    }
  };
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
