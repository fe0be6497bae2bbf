import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURE = fileURLToPath(new URL("../fixtures/config-repo", import.meta.url));

/** A private copy of the fixture config repository, removed by the returned cleanup. */
export async function copyFixture(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const base = await mkdtemp(join(tmpdir(), "gitops-pipeline-core-"));
  const dir = join(base, "repo");
  await cp(FIXTURE, dir, { recursive: true });
  return { dir, cleanup: () => rm(base, { recursive: true, force: true }) };
}
