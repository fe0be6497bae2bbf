import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

// A config repository whose history is written with chosen committer dates, so every metric has a known answer.

export const CONFIG = `environments:
  dev:
    paths: [apps/*/overlays/dev]
    mode: commit
  staging:
    paths: [apps/*/overlays/staging]
  production:
    paths: [apps/*/overlays/production]
`;

export function kustomization(tag: string, comment = ""): string {
  return `${comment}resources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/web\n    newTag: "${tag}"\n`;
}

export const SHA = {
  a: "a".repeat(40),
  b: "b".repeat(40),
  c: "c".repeat(40),
};

export function trailers(sha: string, time: string): string {
  return `\n\nSource-Commit: acme/web@${sha}\nSource-Commit-Time: ${time}`;
}

export class HistoryRepo {
  constructor(readonly dir: string) {}

  static async create(prefix: string): Promise<HistoryRepo> {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    const repo = new HistoryRepo(dir);
    repo.git(undefined, "init", "-q", "-b", "main");
    return repo;
  }

  git(date: string | undefined, ...args: string[]): string {
    return execFileSync("git", ["-c", "user.name=Dev", "-c", "user.email=dev@example.com", ...args], {
      cwd: this.dir,
      encoding: "utf8",
      env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    }).trim();
  }

  async write(file: string, text: string): Promise<void> {
    await mkdir(path.dirname(path.join(this.dir, file)), { recursive: true });
    await writeFile(path.join(this.dir, file), text);
  }

  /** Writes the files and commits them all at `date`; returns the commit id. */
  async commit(date: string, message: string, files: Record<string, string>): Promise<string> {
    for (const [file, text] of Object.entries(files)) await this.write(file, text);
    this.git(date, "add", "-A");
    this.git(date, "commit", "-q", "-m", message);
    return this.git(undefined, "rev-parse", "HEAD");
  }
}

export const overlay = (env: string) => `apps/web/overlays/${env}/kustomization.yaml`;
