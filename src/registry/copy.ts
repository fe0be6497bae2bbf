import { UserError } from "../errors.js";
import type { RegistryClient } from "./client.js";
import type { Descriptor } from "./referrers.js";

/** Where an image is: a registry client and a repository on it. */
export interface ImageLocation {
  registry: RegistryClient;
  repository: string;
}

/**
 * Copies the manifest `digest` (an image or an index with its images) from one repository to another, on the same
 * registry by mounting blobs, elsewhere by streaming them, and tags it. The bytes of every manifest are kept, so the
 * copy has the same digest: what a skipped build owes the other names in `tags`.
 */
export async function copyImage(
  from: ImageLocation,
  to: ImageLocation,
  digest: string,
  tag?: string,
): Promise<void> {
  const manifest = await from.registry.getManifest(from.repository, digest);
  if (!manifest || manifest.digest !== digest) {
    throw new UserError(
      `cannot copy ${from.repository}@${digest}: the registry ${from.registry.host} does not serve it`,
    );
  }
  const parsed = JSON.parse(manifest.body.toString("utf8")) as {
    manifests?: Descriptor[];
    config?: Descriptor;
    layers?: Descriptor[];
  };
  for (const child of parsed.manifests ?? []) await copyImage(from, to, child.digest);
  const sameRegistry = from.registry.host === to.registry.host;
  for (const blob of [...(parsed.config ? [parsed.config] : []), ...(parsed.layers ?? [])]) {
    await to.registry.pushBlob(
      to.repository,
      blob.digest,
      async () => ({ body: await from.registry.blobStream(from.repository, blob.digest), size: blob.size }),
      sameRegistry ? from.repository : undefined,
    );
  }
  await to.registry.putManifest(to.repository, tag ?? digest, manifest);
}
