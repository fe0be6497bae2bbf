import { readFile } from "node:fs/promises";
import path from "node:path";
import type { RegistryCredentials } from "./client.js";

/** The environment variables that say where an earlier login step left its credentials. */
export interface AuthFileEnvironment {
  REGISTRY_AUTH_FILE?: string;
  XDG_RUNTIME_DIR?: string;
  DOCKER_CONFIG?: string;
  HOME?: string;
}

/**
 * Where buildah/podman and docker read logins from, in their order: containers' auth.json first, then Docker's
 * config.json. A login step before this action (docker/login-action, podman login) writes one of these.
 */
export function authFileCandidates(env: AuthFileEnvironment): string[] {
  const candidates: string[] = [];
  if (env.REGISTRY_AUTH_FILE) candidates.push(env.REGISTRY_AUTH_FILE);
  if (env.XDG_RUNTIME_DIR) candidates.push(path.join(env.XDG_RUNTIME_DIR, "containers", "auth.json"));
  if (env.DOCKER_CONFIG) candidates.push(path.join(env.DOCKER_CONFIG, "config.json"));
  else if (env.HOME) candidates.push(path.join(env.HOME, ".docker", "config.json"));
  return candidates;
}

const DOCKER_HUB_KEYS = [
  "https://index.docker.io/v1/",
  "index.docker.io",
  "docker.io",
  "registry-1.docker.io",
];

/** The `auths` entry for a registry in an auth.json / config.json, keyed by host or by URL. */
export function findStoredCredentials(content: string, registry: string): RegistryCredentials | undefined {
  let auths: Record<string, { auth?: string }>;
  try {
    auths = (JSON.parse(content) as { auths?: Record<string, { auth?: string }> }).auths ?? {};
  } catch {
    return undefined;
  }
  const wanted = registry === "docker.io" ? DOCKER_HUB_KEYS : [registry];
  for (const [key, entry] of Object.entries(auths)) {
    const host = key.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
    if (!wanted.includes(key) && !wanted.includes(host)) continue;
    if (!entry?.auth) continue;
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0) continue;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return undefined;
}

/** The first stored login for `registry` among the candidate files; missing or unreadable files are skipped. */
export async function loadStoredCredentials(
  files: string[],
  registry: string,
): Promise<RegistryCredentials | undefined> {
  for (const file of files) {
    const content = await readFile(file, "utf8").catch(() => undefined);
    if (content === undefined) continue;
    const found = findStoredCredentials(content, registry);
    if (found) return found;
  }
  return undefined;
}
