import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { isUserError, UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { RegistryClient } from "../registry/index.js";
import {
  type Artifact,
  artifactContent,
  attachArtifact,
  type Descriptor,
  listReferrers,
} from "../registry/referrers.js";
import { imageFiles } from "./image-files.js";
import { provenanceStatement, type RunContext } from "./provenance.js";
import { isPackageDatabase, packagesIn, spdxDocument } from "./sbom.js";

export const SBOM_TYPE = "application/spdx+json";
export const PROVENANCE_TYPE = "application/vnd.in-toto+json";
export const SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";

export interface AttestOptions {
  sbom: boolean;
  provenance: boolean;
  /** Where the documents are written for the workflow to upload (below RUNNER_TEMP). */
  outputDir: string;
  run: RunContext;
  /** The inputs that decided the build, for the provenance's externalParameters. */
  parameters: Record<string, unknown>;
  builder: string;
  startedOn: Date;
  /** The image's creation time (seconds): the SBOM's, so the same image gives the same SBOM. */
  created: number;
}

export interface Attestations {
  sbomPath: string;
  provenancePath: string;
  /** Digests of the artifact manifests in the registry, "" when not attached. */
  sbomDigest: string;
  provenanceDigest: string;
  /** Packages the SBOM lists. */
  packages?: number;
  /** How the registry links them to the image. */
  via?: "referrers-api" | "tag-schema";
  /** True when an earlier run's documents were reused (a skipped build). */
  reused: boolean;
}

export function noAttestations(reused = false): Attestations {
  return { sbomPath: "", provenancePath: "", sbomDigest: "", provenanceDigest: "", reused };
}

interface Subject {
  name: string;
  repository: string;
  descriptor: Descriptor;
}

async function subjectOf(
  registry: RegistryClient,
  repository: string,
  name: string,
  digest: string,
): Promise<Subject> {
  const manifest = await registry.getManifest(repository, digest);
  if (!manifest) throw new UserError(`the registry has no manifest ${name}@${digest} to attach to`);
  return {
    name,
    repository,
    descriptor: { mediaType: manifest.mediaType, digest, size: manifest.body.length },
  };
}

async function writeDocument(dir: string, name: string, content: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** Attaches a document; a registry that refuses artifacts costs a warning, not the pushed image. */
async function attach(
  registry: RegistryClient,
  subject: Subject,
  artifact: Artifact,
  what: string,
  logger: Logger,
): Promise<{ digest: string; via?: Attestations["via"] }> {
  try {
    const attached = await attachArtifact(registry, subject.repository, subject.descriptor, artifact);
    logger.info(
      `attached the ${what} to ${subject.name}@${subject.descriptor.digest} as ${attached.digest} (${attached.via === "referrers-api" ? "referrers API" : "referrers tag"})`,
    );
    return attached;
  } catch (error) {
    if (!isUserError(error)) throw error;
    logger.warning(`the ${what} was written to a file but not attached in the registry: ${error.message}`);
    return { digest: "" };
  }
}

async function makeSbom(
  registry: RegistryClient,
  subject: Subject,
  created: number,
): Promise<{ content: Buffer; packages: number; skipped: string[] }> {
  const platforms = await imageFiles(
    registry,
    subject.repository,
    subject.descriptor.digest,
    isPackageDatabase,
  );
  const found = platforms.map((image) => ({
    ...packagesIn(image.files, image.platform),
    skipped: image.skipped,
  }));
  const document = spdxDocument({ name: subject.name, digest: subject.descriptor.digest, created }, found);
  const packages = found.reduce((sum, entry) => sum + entry.packages.length, 0);
  const skipped = found.flatMap((entry) => entry.skipped);
  return { content: Buffer.from(`${JSON.stringify(document, null, 2)}\n`), packages, skipped };
}

function sbomArtifact(content: Buffer, created: number): Artifact {
  return {
    artifactType: SBOM_TYPE,
    mediaType: SBOM_TYPE,
    content,
    annotations: { "org.opencontainers.image.created": new Date(created * 1000).toISOString() },
  };
}

/** Makes the SBOM of the subject, writes it and attaches it, recording all of it in `result`. */
async function freshSbom(
  registry: RegistryClient,
  subject: Subject,
  options: AttestOptions,
  logger: Logger,
  result: Attestations,
): Promise<void> {
  const sbom = await makeSbom(registry, subject, options.created);
  result.packages = sbom.packages;
  for (const file of sbom.skipped) logger.warning(`the SBOM did not read ${file}; the document says so`);
  result.sbomPath = await writeDocument(options.outputDir, "sbom.spdx.json", sbom.content);
  const attached = await attach(
    registry,
    subject,
    sbomArtifact(sbom.content, options.created),
    "SBOM",
    logger,
  );
  result.sbomDigest = attached.digest;
  result.via = attached.via ?? result.via;
}

/**
 * The SBOM (SPDX 2.3, read from the pushed image's package databases) and the SLSA provenance statement of a pushed
 * image: written as files for the workflow, and attached to the image in the registry as OCI referrers.
 */
export async function attest(
  registry: RegistryClient,
  repository: string,
  name: string,
  digest: string,
  options: AttestOptions,
  logger: Logger,
): Promise<Attestations> {
  const result = noAttestations(false);
  if (!options.sbom && !options.provenance) return result;
  const subject = await subjectOf(registry, repository, name, digest);
  if (options.sbom) await freshSbom(registry, subject, options, logger, result);
  if (options.provenance) {
    const finishedOn = new Date();
    const statement = provenanceStatement(options.run, {
      name,
      digest,
      builder: options.builder,
      parameters: options.parameters,
      startedOn: options.startedOn,
      finishedOn,
    });
    const content = Buffer.from(`${JSON.stringify(statement, null, 2)}\n`);
    result.provenancePath = await writeDocument(options.outputDir, "provenance.intoto.json", content);
    const attached = await attach(
      registry,
      subject,
      {
        artifactType: PROVENANCE_TYPE,
        mediaType: PROVENANCE_TYPE,
        content,
        annotations: {
          "in-toto.io/predicate-type": SLSA_PROVENANCE_V1,
          "org.opencontainers.image.created": finishedOn.toISOString(),
        },
      },
      "provenance",
      logger,
    );
    result.provenanceDigest = attached.digest;
    result.via = attached.via ?? result.via;
  }
  return result;
}

/**
 * A skipped build's documents: the ones the run that built the image attached, downloaded to files. A missing SBOM is
 * made now (it describes the image, whoever built it); a missing provenance is not, because this run built nothing.
 */
export async function reuseAttestations(
  registry: RegistryClient,
  repository: string,
  name: string,
  digest: string,
  options: AttestOptions,
  logger: Logger,
): Promise<Attestations> {
  const result = noAttestations(true);
  if (!options.sbom && !options.provenance) return result;
  const referrers = await listReferrers(registry, repository, digest);
  // The latest entry of each type wins: a rebuild of the same digest appends.
  const latest = (type: string) => referrers.filter((entry) => entry.artifactType === type).at(-1);
  const sbom = options.sbom ? latest(SBOM_TYPE) : undefined;
  if (sbom) {
    const content = await artifactContent(registry, repository, sbom.digest);
    if (content) {
      result.sbomPath = await writeDocument(options.outputDir, "sbom.spdx.json", content);
      result.sbomDigest = sbom.digest;
    }
  } else if (options.sbom) {
    await freshSbom(registry, await subjectOf(registry, repository, name, digest), options, logger, result);
  }
  const provenance = options.provenance
    ? referrers
        .filter(
          (entry) =>
            entry.artifactType === PROVENANCE_TYPE &&
            entry.annotations?.["in-toto.io/predicate-type"] === SLSA_PROVENANCE_V1,
        )
        .at(-1)
    : undefined;
  if (provenance) {
    const content = await artifactContent(registry, repository, provenance.digest);
    if (content) {
      result.provenancePath = await writeDocument(options.outputDir, "provenance.intoto.json", content);
      result.provenanceDigest = provenance.digest;
    }
  } else if (options.provenance) {
    logger.info(`${name}@${digest} has no provenance attached, and this run built nothing to attest`);
  }
  return result;
}
