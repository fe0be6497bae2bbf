import { mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";

/** What docker keeps beside config.json that a build needs: the buildx builders, plugins and contexts. */
const SHARED_DIRS = ["buildx", "cli-plugins", "contexts"];

/** The user's docker config directory, as the docker CLI finds it. */
export function userDockerConfig(env: NodeJS.ProcessEnv): string | undefined {
  if (env.DOCKER_CONFIG) return env.DOCKER_CONFIG;
  return env.HOME ? path.join(env.HOME, ".docker") : undefined;
}

/**
 * Prepares a DOCKER_CONFIG of the step's own, so `docker login` writes the password into a directory the step deletes
 * when it ends, never into the user's config or a credential store that outlives the job. The builders, plugins and
 * contexts of the user's config stay visible (linked); logins to other registries kept in its config.json are copied,
 * except for the one this step logs in to. A credential store (`credsStore`, `credHelpers`) is left out: docker would
 * put the new login there.
 */
export async function prepareStepDockerConfig(
  dir: string,
  userConfig: string | undefined,
  registry: string,
): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const config: Record<string, unknown> = {};
  if (userConfig) {
    const content = await readFile(path.join(userConfig, "config.json"), "utf8").catch(() => undefined);
    try {
      Object.assign(config, content ? (JSON.parse(content) as Record<string, unknown>) : {});
    } catch {
      // An unreadable config has nothing this step can use.
    }
    for (const name of SHARED_DIRS) {
      const source = path.join(userConfig, name);
      if ((await stat(source).catch(() => undefined))?.isDirectory())
        await symlink(source, path.join(dir, name));
    }
  }
  delete config.credsStore;
  delete config.credHelpers;
  const auths = { ...((config.auths as Record<string, unknown> | undefined) ?? {}) };
  for (const key of Object.keys(auths)) {
    if (key.replace(/^https?:\/\//, "").replace(/\/.*$/, "") === registry) delete auths[key];
  }
  config.auths = auths;
  await writeFile(path.join(dir, "config.json"), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}
