import { mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isUserError, UserError } from "../errors.js";
import { formatImageRef, type ImageRef, imageName, normalizedRegistry } from "../image/index.js";
import type { Logger } from "../logger.js";
import {
  apiHost,
  apiRepository,
  isLoopback,
  loadStoredCredentials,
  RegistryClient,
  type RegistryCredentials,
} from "../registry/index.js";
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
import { prepareStepDockerConfig, userDockerConfig } from "./docker-config.js";
import type { ImageMetadata } from "./metadata.js";
import { taggedRefs } from "./metadata.js";
import { detectBuilder, runChecked } from "./process.js";

export interface BuildPushOptions {
  image: ImageRef;
  metadata: ImageMetadata;
  context: string;
  file?: string;
  builder: BuilderName | "auto";
  platforms: string[];
  buildArgs: Record<string, string>;
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
  /** Injected so tests and benches can point the registry client elsewhere; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface BuildPushResult {
  image: string;
  tag: string;
  tags: string[];
  /** `name:tag` for every tag. */
  refs: string[];
  /** The digest the registry has for the primary tag; "" when nothing was pushed. */
  digest: string;
  builder: BuilderName | "none";
  platforms: string[];
  labels: Record<string, string>;
  skipped: boolean;
  /** On a skipped build, the tags this run pointed at the existing image. */
  tagsAdded: string[];
  pushed: boolean;
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
 * against what the builder reported, so the next step pins something the registry really serves.
 */
export async function buildAndPush(options: BuildPushOptions, logger: Logger): Promise<BuildPushResult> {
  const started = Date.now();
  const { image, metadata } = options;
  const refs = taggedRefs(image, metadata.tags);
  const primaryRef = refs[0]!;
  const result = (
    digest: string,
    builder: BuilderName | "none",
    skipped: boolean,
    tagsAdded: string[] = [],
  ): BuildPushResult => ({
    image: imageName(image),
    tag: metadata.primary,
    tags: metadata.tags,
    refs,
    digest,
    builder,
    platforms: options.platforms,
    labels: metadata.labels,
    skipped,
    tagsAdded,
    pushed: options.push && !skipped && digest !== "",
    durationMs: Date.now() - started,
  });

  await checkSources(options.context, options.file);

  const repository = apiRepository(image);
  // Without inputs, the login an earlier step stored (the builder finds it on its own) lets this client in too.
  const stored =
    options.push && !options.credentials
      ? await loadStoredCredentials(options.authFiles, normalizedRegistry(image))
      : undefined;
  const registry = options.push
    ? new RegistryClient(apiHost(image), {
        credentials: options.credentials ?? stored,
        insecure: options.insecure,
        fetch: options.fetch,
      })
    : undefined;
  // Asking the registry before building turns a wrong password into a 2-second failure, not a post-build one.
  if (registry && options.credentials) await registry.ping();
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
      return result(existing, "none", true, added);
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
    buildArgs: options.buildArgs,
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
    if (login && builder === "buildx") {
      // docker login writes to DOCKER_CONFIG; this one lives in the run directory and goes with it.
      const dockerConfig = path.join(runDir, "docker");
      await prepareStepDockerConfig(dockerConfig, userDockerConfig(options.env), registryHost);
      env = { ...options.env, DOCKER_CONFIG: dockerConfig };
    }
    if (login) {
      const { username, password } = options.credentials!;
      await exec(
        `${builder} login to ${registryHost}`,
        loginInvocation(builder, registryHost, username, password, files, request.insecure),
      );
    }
    const reported = await buildAndReport(builder, request, files, login, exec);
    // Extra tags cost one manifest PUT each instead of another builder push that re-checks every layer.
    const others = refs.slice(1);
    if (builder !== "buildx" && options.push && others.length > 0) {
      if (!(await tagInRegistry(registry!, repository, reported, metadata.tags.slice(1), logger))) {
        for (const ref of others) {
          await exec(
            `${builder} push ${ref}`,
            daemonlessPush(builder, request, files, ref, { authfile: login }),
          );
        }
      }
    }
    if (!options.push) return result("", builder, false);

    const digest = await verifyPushed(registry!, repository, metadata.tags, reported, builder, primaryRef);
    return result(digest, builder, false);
  } finally {
    // The auth file and the step's DOCKER_CONFIG hold the credentials; nothing of this run stays behind but the
    // image store, whether the build succeeded or not.
    await rm(runDir, { recursive: true, force: true });
    if (!files.runroot.startsWith(stateDir)) await rm(files.runroot, { recursive: true, force: true });
  }
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

/**
 * A skipped build still owes this run's other tags: a release tag pushed on a commit that main already built must
 * still get its X.Y.Z. Tags not yet at the existing digest are pointed at it registry-side.
 */
async function addMissingTags(
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

/** podman refuses a runroot longer than 50 characters (it becomes part of socket paths). */
const MAX_RUNROOT = 50;

async function shortRunroot(preferred: string): Promise<string> {
  if (preferred.length <= MAX_RUNROOT) return preferred;
  return mkdtemp(path.join(os.tmpdir(), "gitops-build-"));
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
