import { writeFile } from "node:fs/promises";
import { isUserError, UserError } from "../errors.js";
import { formatImageRef, type ImageRef, normalizedRegistry } from "../image/index.js";
import type { Logger } from "../logger.js";
import { copyImage } from "../registry/copy.js";
import {
  apiHost,
  apiRepository,
  loadStoredCredentials,
  RegistryClient,
  type RegistryCredentials,
} from "../registry/index.js";

/** How the registry clients of one build log in and connect. */
export interface RegistryAccess {
  credentials?: RegistryCredentials;
  /** Auth files an earlier login step may have written. */
  authFiles: string[];
  insecure: boolean;
  fetch?: typeof fetch;
}

/**
 * Points another name from `tags` at the existing image, copying it there when it is missing: what a skipped build
 * owes a release that adds a mirror. False when the name already had the image.
 */
export async function copyToOtherName(
  registries: RegistryClients,
  source: { registry: RegistryClient; repository: string },
  other: { ref: string; image: ImageRef },
  digest: string,
  primaryRef: string,
): Promise<boolean> {
  const tag = other.image.tag!;
  try {
    const target = { registry: await registries.for(other.image), repository: apiRepository(other.image) };
    if ((await target.registry.manifestDigest(target.repository, tag)) === digest) return false;
    await copyImage(source, target, digest, tag);
    await verifyPushed(target.registry, target.repository, [tag], digest, "the copy", other.ref);
    return true;
  } catch (error) {
    if (!isUserError(error)) throw error;
    throw new UserError(`cannot copy the existing ${primaryRef} to ${other.ref}: ${error.message}`, {
      cause: error,
      hint: "Log in to that registry in an earlier step (docker/login-action); 'username' and 'password' are for the image's own registry.",
    });
  }
}

/** The image ID of a pushed manifest: its config digest; an index has none, and is named by its own digest. */
export async function imageIdOf(
  registry: RegistryClient,
  repository: string,
  digest: string,
): Promise<string> {
  const manifest = await registry.getManifest(repository, digest);
  if (!manifest) return "";
  const parsed = JSON.parse(manifest.body.toString("utf8")) as { config?: { digest?: string } };
  return parsed.config?.digest ?? digest;
}

/** Writes the logins stored for the other names' registries into the builder's auth file, before its own login. */
export async function seedAuthFile(
  authfile: string,
  images: ImageRef[],
  candidates: string[],
): Promise<void> {
  const auths: Record<string, { auth: string }> = {};
  for (const other of images) {
    const host = normalizedRegistry(other);
    const stored = await loadStoredCredentials(candidates, host);
    if (stored)
      auths[host] = { auth: Buffer.from(`${stored.username}:${stored.password}`).toString("base64") };
  }
  await writeFile(authfile, JSON.stringify({ auths }), { mode: 0o600 });
}

/**
 * One registry client per registry host. The image's registry uses the inputs' login (or a stored one); the registries
 * of other names in `tags` use the logins an earlier step stored.
 */
export class RegistryClients {
  private readonly clients = new Map<string, Promise<RegistryClient>>();
  constructor(
    private readonly image: ImageRef,
    private readonly options: RegistryAccess,
  ) {}

  primary(): Promise<RegistryClient> {
    return this.for(this.image);
  }

  for(ref: ImageRef): Promise<RegistryClient> {
    const host = apiHost(ref);
    let client = this.clients.get(host);
    if (!client) {
      const own = host === apiHost(this.image);
      client = (async () => {
        const credentials =
          own && this.options.credentials
            ? this.options.credentials
            : await loadStoredCredentials(this.options.authFiles, normalizedRegistry(ref));
        return new RegistryClient(host, {
          credentials,
          insecure: this.options.insecure,
          fetch: this.options.fetch,
        });
      })();
      this.clients.set(host, client);
    }
    return client;
  }
}

/**
 * A skipped build still owes this run's other tags: a release tag pushed on a commit that main already built must
 * still get its X.Y.Z. Tags not yet at the existing digest are pointed at it registry-side.
 */
export async function addMissingTags(
  registry: RegistryClient,
  repository: string,
  digest: string,
  tags: string[],
  primaryRef: string,
  logger: Logger,
): Promise<string[]> {
  const current = await Promise.all(tags.map((tag) => registry.manifestDigest(repository, tag)));
  const missing = tags.filter((_, index) => current[index] !== digest);
  if (missing.length === 0) return [];
  if (!(await tagInRegistry(registry, repository, digest, missing, logger))) {
    throw new UserError(
      `${primaryRef} already exists, but ${missing.join(", ")} could not be pointed at it`,
      {
        hint: "Give 'username' and 'password' with push rights to the registry, or set skip-existing: false to rebuild.",
      },
    );
  }
  logger.info(`tagged the existing image ${missing.join(", ")}`);
  await verifyPushed(registry, repository, missing, digest, "registry-side tagging", primaryRef);
  return missing;
}

/**
 * Adds the other tags on the registry side, by putting the pushed manifest's bytes under each: one small request per tag
 * instead of another builder run that re-checks every layer. False when the registry will not let this client do it
 * (say, the builder has credentials from an earlier login step and this client has none); the caller then pushes.
 */
export async function tagInRegistry(
  registry: RegistryClient,
  repository: string,
  digest: string,
  tags: string[],
  logger: Logger,
): Promise<boolean> {
  if (!digest) return false;
  try {
    const manifest = await registry.getManifest(repository, digest);
    if (!manifest || manifest.digest !== digest) return false;
    await Promise.all(tags.map((tag) => registry.putManifest(repository, tag, manifest)));
    return true;
  } catch (error) {
    if (!isUserError(error)) throw error;
    logger.debug(`tagging in the registry failed (${error.message}); pushing each tag with the builder`);
    return false;
  }
}

/** Reads every pushed tag back and insists they all name the digest the builder reported. */
export async function verifyPushed(
  registry: RegistryClient,
  repository: string,
  tags: string[],
  reported: string,
  /** Who pushed, for the message: a builder's name, or "registry-side tagging". */
  builder: string,
  primaryRef: string,
): Promise<string> {
  if (!reported) {
    throw new UserError(`${builder} pushed ${primaryRef} but reported no digest`, {
      hint: "Nothing is output rather than a digest that might be wrong; re-run the job.",
    });
  }
  const found = await Promise.all(tags.map((tag) => registry.manifestDigest(repository, tag)));
  for (const [index, digest] of found.entries()) {
    if (digest !== reported) {
      const ref = formatImageRef({ registry: "", repository, tag: tags[index] });
      throw new UserError(
        digest === undefined
          ? `the registry has no ${ref} after ${builder} pushed it`
          : `the registry has ${ref} at ${digest}, but ${builder} reported ${reported}`,
        {
          hint: "Another job may have pushed the same tag at the same time; re-run, and keep tags unique per commit.",
        },
      );
    }
  }
  return reported;
}
