import { mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { UserError } from "../errors.js";
import { type ImageRef, imageName, parseImageRef } from "../image/index.js";
import type { Logger } from "../logger.js";
import { apiHost, apiRepository, isLoopback, type RegistryCredentials } from "../registry/index.js";
import {
  type BuilderFiles,
  type BuilderName,
  type BuildRequest,
  buildxBuild,
  daemonlessBuild,
  daemonlessPush,
  type Invocation,
  loginInvocation,
  reportedDigest,
} from "./argv.js";
import {
  type Attestations,
  type AttestOptions,
  attest,
  noAttestations,
  reuseAttestations,
} from "./attest.js";
import { prepareStepDockerConfig, userDockerConfig } from "./docker-config.js";
import type { ImageMetadata } from "./metadata.js";
import { taggedRefs } from "./metadata.js";
import { detectBuilder, runChecked } from "./process.js";
import type { RunContext } from "./provenance.js";
import {
  addMissingTags,
  copyToOtherName,
  imageIdOf,
  RegistryClients,
  seedAuthFile,
  tagInRegistry,
  verifyPushed,
} from "./registry-side.js";
import { type BuildSecret, materializeSecrets } from "./secrets.js";

export interface BuildPushOptions {
  image: ImageRef;
  metadata: ImageMetadata;
  /** `name:tag` references of other repositories or registries to push the same image to. */
  otherRefs: string[];
  context: string;
  file?: string;
  builder: BuilderName | "auto";
  platforms: string[];
  buildArgs: Record<string, string>;
  annotations: Record<string, string>;
  secrets: BuildSecret[];
  target?: string;
  cacheFrom: string[];
  cacheTo: string[];
  push: boolean;
  skipExisting: boolean;
  insecure: boolean;
  credentials?: RegistryCredentials;
  /** Auth files an earlier login step may have written; read for this action's own registry requests. */
  authFiles: string[];
  /** RUNNER_TEMP: builder stores, auth file and report files live below it. */
  tempDir: string;
  /** PATH, to find builders. */
  pathVariable: string;
  /** Environment for the builder processes. */
  env: NodeJS.ProcessEnv;
  /** SBOM and provenance of the pushed image; off when nothing is pushed. */
  attestations: { sbom: boolean; provenance: boolean; run: RunContext };
  /** Injected so tests and benches can point the registry client elsewhere; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface BuildPushResult {
  image: string;
  tag: string;
  tags: string[];
  /** `name:tag` for every tag, then the other names' references. */
  refs: string[];
  /** The digest the registry has for the primary tag; "" when nothing was pushed. */
  digest: string;
  /** The image ID: the config digest of the image (of a multi-platform index, the index digest); "" when unknown. */
  imageId: string;
  builder: BuilderName | "none";
  platforms: string[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  skipped: boolean;
  /** On a skipped build, the references this run pointed at the existing image. */
  tagsAdded: string[];
  pushed: boolean;
  attestations: Attestations;
  durationMs: number;
}

function isRemoteContext(context: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i.test(context);
}

/** Fails before any builder runs when the context or Dockerfile is not there, naming the path that is missing. */
async function checkSources(context: string, file: string | undefined): Promise<void> {
  if (isRemoteContext(context)) return;
  const contextStat = await stat(context).catch(() => undefined);
  if (!contextStat?.isDirectory()) {
    throw new UserError(`input 'context': ${JSON.stringify(context)} is not a directory`, {
      file: context,
      hint: "Check out the repository first (actions/checkout) and give a path relative to the workspace.",
    });
  }
  const dockerfile = file ?? path.join(context, "Dockerfile");
  const fileStat = await stat(dockerfile).catch(() => undefined);
  if (!fileStat?.isFile()) {
    throw new UserError(`Dockerfile not found: ${dockerfile}`, {
      file: dockerfile,
      hint: file
        ? "Check the 'file' input; it is relative to the workspace, not to the context."
        : "Add a Dockerfile to the context or point 'file' at one.",
    });
  }
}

function checkBuilderInputs(builder: BuilderName, options: BuildPushOptions, logger: Logger): void {
  if (builder !== "buildx" && (options.cacheFrom.length > 0 || options.cacheTo.length > 0)) {
    logger.warning(`'cache-from' and 'cache-to' are buildx options; ${builder} ignores them`);
  }
}

/**
 * Build and push, then read the digest back from the registry. The digest in the result is the registry's, checked
 * against what the builder reported at every name, so the next step pins something the registry really serves.
 */
export async function buildAndPush(options: BuildPushOptions, logger: Logger): Promise<BuildPushResult> {
  const started = new Date();
  const { image, metadata } = options;
  const ownRefs = taggedRefs(image, metadata.tags);
  const refs = [...ownRefs, ...options.otherRefs];
  const primaryRef = ownRefs[0]!;
  const result = (
    digest: string,
    builder: BuilderName | "none",
    extra: { skipped?: boolean; tagsAdded?: string[]; imageId?: string; attestations?: Attestations } = {},
  ): BuildPushResult => ({
    image: imageName(image),
    tag: metadata.primary,
    tags: metadata.tags,
    refs,
    digest,
    imageId: extra.imageId ?? "",
    builder,
    platforms: options.platforms,
    labels: metadata.labels,
    annotations: options.annotations,
    skipped: extra.skipped ?? false,
    tagsAdded: extra.tagsAdded ?? [],
    pushed: options.push && !extra.skipped && digest !== "",
    attestations: extra.attestations ?? noAttestations(),
    durationMs: Date.now() - started.getTime(),
  });

  await checkSources(options.context, options.file);

  const repository = apiRepository(image);
  const registries = new RegistryClients(image, options);
  const registry = options.push ? await registries.primary() : undefined;
  const others = options.otherRefs.map((ref) => ({ ref, image: parseImageRef(ref) }));
  // Asking the registry before building turns a wrong password into a 2-second failure, not a post-build one.
  if (registry && options.credentials) await registry.ping();
  const attestOptions = (builder: string, digest: string): AttestOptions => ({
    ...options.attestations,
    outputDir: path.join(
      options.tempDir,
      "gitops-build",
      "attestations",
      digest.replace(/^sha256:/, "").slice(0, 16),
    ),
    parameters: buildParameters(options, refs),
    builder,
    startedOn: started,
    created: metadata.created,
  });

  if (registry && options.skipExisting) {
    const existing = await registry.manifestDigest(repository, metadata.primary);
    if (existing) {
      logger.info(`${primaryRef} already exists (${existing}); skipping the build`);
      const added = await addMissingTags(
        registry,
        repository,
        existing,
        metadata.tags.slice(1),
        primaryRef,
        logger,
      );
      for (const other of others) {
        if (await copyToOtherName(registries, { registry, repository }, other, existing, primaryRef)) {
          added.push(other.ref);
        }
      }
      const attestations = await reuseAttestations(
        registry,
        repository,
        imageName(image),
        existing,
        attestOptions("none", existing),
        logger,
      );
      return result(existing, "none", {
        skipped: true,
        tagsAdded: added,
        imageId: await imageIdOf(registry, repository, existing),
        attestations,
      });
    }
  }

  const builder =
    options.builder === "auto" ? await detectBuilder(options.pathVariable, logger) : options.builder;
  checkBuilderInputs(builder, options, logger);
  logger.info(`building ${primaryRef} with ${builder}`);

  const stateDir = path.join(options.tempDir, "gitops-build");
  await mkdir(stateDir, { recursive: true });
  const runDir = await mkdtemp(path.join(stateDir, "run-"));
  const files: BuilderFiles = {
    root: path.join(stateDir, "storage"),
    runroot: await shortRunroot(path.join(stateDir, "runroot")),
    authfile: path.join(runDir, "auth.json"),
    iidfile: path.join(runDir, "iid"),
    metadataFile: path.join(runDir, "metadata.json"),
    digestFile: path.join(runDir, "digest"),
  };
  const request: BuildRequest = {
    context: options.context,
    file: options.file,
    refs,
    labels: metadata.labels,
    annotations: options.annotations,
    buildArgs: options.buildArgs,
    secrets: [],
    platforms: options.platforms,
    target: options.target,
    cacheFrom: options.cacheFrom,
    cacheTo: options.cacheTo,
    push: options.push,
    timestamp: metadata.created,
    insecure: options.insecure || isLoopback(apiHost(image)),
  };
  // Logging in also when not pushing lets a pull-request build pull a private base image.
  const login = options.credentials !== undefined;
  const registryHost = image.registry || "docker.io";
  let env = options.env;
  const exec = (what: string, invocation: Invocation) => runChecked(what, invocation, logger, env);

  try {
    // Secret values exist only as 0600 files in the run directory, removed below whatever happens.
    request.secrets = await materializeSecrets(options.secrets, path.join(runDir, "secrets"));
    if (login && builder === "buildx") {
      // docker login writes to DOCKER_CONFIG; this one lives in the run directory and goes with it.
      const dockerConfig = path.join(runDir, "docker");
      await prepareStepDockerConfig(dockerConfig, userDockerConfig(options.env), registryHost);
      env = { ...options.env, DOCKER_CONFIG: dockerConfig };
    }
    if (login) {
      // Pushes to the other names need their logins in the same auth file the builder is pointed at.
      if (builder !== "buildx")
        await seedAuthFile(
          files.authfile,
          others.map((other) => other.image),
          options.authFiles,
        );
      const { username, password } = options.credentials!;
      await exec(
        `${builder} login to ${registryHost}`,
        loginInvocation(builder, registryHost, username, password, files, request.insecure),
      );
    }
    const reported = await buildAndReport(builder, request, files, login, exec);
    if (!options.push) {
      const imageId = await readFile(files.iidfile, "utf8").then(
        (text) => text.trim(),
        () => "",
      );
      return result("", builder, { imageId });
    }
    // Extra tags cost one manifest PUT each instead of another builder push that re-checks every layer.
    if (builder !== "buildx") {
      const sameRepository = ownRefs.slice(1);
      if (
        sameRepository.length > 0 &&
        !(await tagInRegistry(registry!, repository, reported, metadata.tags.slice(1), logger))
      ) {
        for (const ref of sameRepository) {
          await exec(
            `${builder} push ${ref}`,
            daemonlessPush(builder, request, files, ref, { authfile: login }),
          );
        }
      }
      for (const { ref } of others) {
        await exec(
          `${builder} push ${ref}`,
          daemonlessPush(builder, request, files, ref, { authfile: login }),
        );
      }
    }

    const digest = await verifyPushed(registry!, repository, metadata.tags, reported, builder, primaryRef);
    for (const other of others) {
      const client = await registries.for(other.image);
      await verifyPushed(
        client,
        apiRepository(other.image),
        [other.image.tag!],
        reported,
        builder,
        other.ref,
      );
    }
    const attestations = await attest(
      registry!,
      repository,
      imageName(image),
      digest,
      attestOptions(builder, digest),
      logger,
    );
    return result(digest, builder, { imageId: await imageIdOf(registry!, repository, digest), attestations });
  } finally {
    // The auth file, the step's DOCKER_CONFIG and the secret files hold credentials; nothing of this run stays
    // behind but the image store, whether the build succeeded or not.
    await rm(runDir, { recursive: true, force: true });
    if (!files.runroot.startsWith(stateDir)) await rm(files.runroot, { recursive: true, force: true });
  }
}

/** What decided the build, for the provenance: never secret values, only their ids. */
function buildParameters(options: BuildPushOptions, refs: string[]): Record<string, unknown> {
  return {
    context: options.context,
    file: options.file,
    target: options.target,
    platforms: options.platforms,
    tags: refs,
    buildArgs: options.buildArgs,
    labels: options.metadata.labels,
    annotations: options.annotations,
    secrets: options.secrets.map((secret) => secret.id),
  };
}

/**
 * Runs the build (and for buildx the push of every tag; for buildah/podman the push of the primary ref) and returns
 * the digest the builder reports for what it pushed, "" when it did not push.
 */
async function buildAndReport(
  builder: BuilderName,
  request: BuildRequest,
  files: BuilderFiles,
  login: boolean,
  exec: (what: string, invocation: Invocation) => Promise<void>,
): Promise<string> {
  if (builder === "buildx") {
    await exec("docker buildx build", buildxBuild(request, files));
    if (!request.push) return "";
    return reportedDigest(builder, await readFile(files.metadataFile, "utf8").catch(() => ""));
  }
  const verb = builder === "buildah" ? "bud" : "build";
  await exec(`${builder} ${verb}`, daemonlessBuild(builder, request, files, { authfile: login }));
  if (!request.push) return "";
  const primary = request.refs[0]!;
  await exec(
    `${builder} push ${primary}`,
    daemonlessPush(builder, request, files, primary, { digestFile: files.digestFile, authfile: login }),
  );
  return reportedDigest(builder, await readFile(files.digestFile, "utf8").catch(() => ""));
}

/** podman refuses a runroot longer than 50 characters (it becomes part of socket paths). */
const MAX_RUNROOT = 50;

async function shortRunroot(preferred: string): Promise<string> {
  if (preferred.length <= MAX_RUNROOT) return preferred;
  return mkdtemp(path.join(os.tmpdir(), "gitops-build-"));
}
