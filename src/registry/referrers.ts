import { createHash } from "node:crypto";
import { UserError } from "../errors.js";
import type { RegistryClient, StoredManifest } from "./client.js";

export const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
export const OCI_INDEX = "application/vnd.oci.image.index.v1+json";
/** The empty JSON object `{}`, the config of an artifact that has none (OCI image spec 1.1). */
export const EMPTY_CONFIG = {
  mediaType: "application/vnd.oci.empty.v1+json",
  digest: "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
  size: 2,
} as const;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

/** A document to attach to an image: an SBOM, a provenance statement. */
export interface Artifact {
  artifactType: string;
  /** Media type of the one layer that holds the document. */
  mediaType: string;
  content: Buffer;
  annotations: Record<string, string>;
}

export interface AttachResult {
  /** Digest of the artifact manifest that refers to the subject. */
  digest: string;
  /** How the registry learns the link: its referrers API, or the `sha256-<hex>` tag this client keeps current. */
  via: "referrers-api" | "tag-schema";
}

export function sha256Digest(data: Buffer | string): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/** The tag the OCI distribution spec's fallback keeps the referrers index under: `sha256-<hex>`. */
export function referrersTag(digest: string): string {
  const [algorithm, hex] = digest.split(":");
  if (!algorithm || !hex) throw new UserError(`not a digest: ${JSON.stringify(digest)}`);
  return `${algorithm}-${hex}`.slice(0, 128);
}

/**
 * Pushes `artifact` as an OCI 1.1 artifact manifest whose `subject` is the image, then makes sure the registry can list
 * it: a registry with the referrers API says so with an `OCI-Subject` header on the push; for one without (as
 * distribution 2.x), the referrers index under the `sha256-<hex>` tag gets the new entry, keeping every entry it had.
 */
export async function attachArtifact(
  registry: RegistryClient,
  repository: string,
  subject: Descriptor,
  artifact: Artifact,
): Promise<AttachResult> {
  await registry.pushBlob(repository, EMPTY_CONFIG.digest, Buffer.from("{}"));
  const layer: Descriptor = {
    mediaType: artifact.mediaType,
    digest: sha256Digest(artifact.content),
    size: artifact.content.length,
  };
  await registry.pushBlob(repository, layer.digest, artifact.content);
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: artifact.artifactType,
    config: EMPTY_CONFIG,
    layers: [layer],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: artifact.annotations,
  };
  const body = Buffer.from(JSON.stringify(manifest));
  const digest = sha256Digest(body);
  const headers = await registry.putManifest(repository, digest, { body, mediaType: OCI_MANIFEST, digest });
  if (headers.get("oci-subject") === subject.digest) return { digest, via: "referrers-api" };
  const entry: Descriptor = {
    mediaType: OCI_MANIFEST,
    digest,
    size: body.length,
    artifactType: artifact.artifactType,
    annotations: artifact.annotations,
  };
  await addToReferrersTag(registry, repository, subject.digest, entry);
  return { digest, via: "tag-schema" };
}

function parseIndex(
  manifest: StoredManifest | undefined,
): { manifests: Descriptor[] } & Record<string, unknown> {
  if (!manifest) return { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] };
  try {
    const parsed = JSON.parse(manifest.body.toString("utf8")) as { manifests?: unknown };
    if (Array.isArray(parsed.manifests)) return parsed as { manifests: Descriptor[] };
  } catch {
    // handled below
  }
  throw new UserError(`the referrers index of ${manifest.digest} in the registry is not an OCI image index`, {
    hint: "Something else uses the referrers tag; delete it or move it, and re-run.",
  });
}

/**
 * Adds one entry to the fallback referrers index. Another job may update the same index at the same time; the index is
 * re-read after the write, and the write repeated while an entry is missing, so neither job's entry is lost for long.
 */
async function addToReferrersTag(
  registry: RegistryClient,
  repository: string,
  subject: string,
  entry: Descriptor,
): Promise<void> {
  const tag = referrersTag(subject);
  for (let attempt = 0; attempt < 5; attempt++) {
    const index = parseIndex(await registry.getManifest(repository, tag));
    if (index.manifests.some((existing) => existing.digest === entry.digest)) return;
    index.manifests = [...index.manifests, entry];
    index.schemaVersion = 2;
    index.mediaType = OCI_INDEX;
    const body = Buffer.from(JSON.stringify(index));
    await registry.putManifest(repository, tag, { body, mediaType: OCI_INDEX, digest: sha256Digest(body) });
  }
  throw new UserError(`the referrers index ${repository}:${tag} kept changing while this job added to it`, {
    hint: "Several jobs attach to the same image at once; re-run this one.",
  });
}

/** Every referrer of a manifest: by the referrers API when the registry has it, else from the fallback tag. */
export async function listReferrers(
  registry: RegistryClient,
  repository: string,
  subject: string,
): Promise<Descriptor[]> {
  const api = await registry.referrersApi(repository, subject);
  const index = parseIndex(api ?? (await registry.getManifest(repository, referrersTag(subject))));
  return index.manifests;
}

/** The document an artifact manifest carries (its one layer), or undefined when the manifest is not one. */
export async function artifactContent(
  registry: RegistryClient,
  repository: string,
  digest: string,
): Promise<Buffer | undefined> {
  const manifest = await registry.getManifest(repository, digest);
  if (!manifest) return undefined;
  const parsed = JSON.parse(manifest.body.toString("utf8")) as { layers?: Descriptor[] };
  const layer = parsed.layers?.[0];
  return layer ? registry.getBlob(repository, layer.digest) : undefined;
}
