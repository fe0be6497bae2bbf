import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach } from "vitest";

export const FIXTURE = fileURLToPath(new URL("../fixtures/config-repo", import.meta.url));

/** A private copy of the fixture config repository, removed by the returned cleanup. */
export async function copyFixture(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const base = await mkdtemp(join(tmpdir(), "gitops-pipeline-core-"));
  const dir = join(base, "repo");
  await cp(FIXTURE, dir, { recursive: true });
  return { dir, cleanup: () => rm(base, { recursive: true, force: true }) };
}

/** Gives each test of the calling `describe` a fresh copy of the fixture repository (`repo.dir`). */
export function useFixtureRepo(): { readonly dir: string } {
  const state = { dir: "", cleanup: async () => {} };
  beforeEach(async () => {
    const copy = await copyFixture();
    state.dir = copy.dir;
    state.cleanup = copy.cleanup;
  });
  afterEach(() => state.cleanup());
  return {
    get dir() {
      return state.dir;
    },
  };
}
