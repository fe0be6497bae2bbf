import type { SecretMount } from "./secrets.js";

/** The builders this action drives; `auto` picks the first one present in this order. */
export const BUILDERS = ["buildx", "buildah", "podman"] as const;
export type BuilderName = (typeof BUILDERS)[number];

/** Everything a builder needs for one build, already validated; paths are absolute or relative to the cwd. */
export interface BuildRequest {
  context: string;
  /** The Dockerfile; undefined means `<context>/Dockerfile`, the builders' own default. */
  file?: string;
  /** Full `name:tag` references, primary first. */
  refs: string[];
  labels: Record<string, string>;
  /** OCI manifest annotations. */
  annotations: Record<string, string>;
  buildArgs: Record<string, string>;
  /** Build secrets as files the builder mounts; never their values. */
  secrets: SecretMount[];
  platforms: string[];
  target?: string;
  cacheFrom: string[];
  cacheTo: string[];
  push: boolean;
  /** Seconds since the epoch stamped into the image config. */
  timestamp: number;
  /** Registry reached over plain HTTP / without certificate checks. */
  insecure: boolean;
}

/** Where a builder keeps its state and writes what it reports; all under RUNNER_TEMP. */
export interface BuilderFiles {
  /** buildah/podman image store (vfs driver). */
  root: string;
  runroot: string;
  /** containers-auth.json written by `login`, read by `push`. */
  authfile: string;
  /** The local image id (the config digest): the `imageid` output when nothing is pushed. */
  iidfile: string;
  /** buildx: JSON whose `containerimage.digest` is the pushed manifest digest. */
  metadataFile: string;
  /** buildah/podman push: the digest of the manifest as pushed. */
  digestFile: string;
}

/** One process to run: program and arguments, never a shell string. `stdin` carries secrets. */
export interface Invocation {
  command: string;
  args: string[];
  stdin?: string;
}

function flagPairs(flag: string, values: Iterable<string>): string[] {
  return [...values].flatMap((value) => [flag, value]);
}

function keyValues(values: Record<string, string>, prefix = ""): string[] {
  return Object.entries(values).map(([key, value]) => `${prefix}${key}=${value}`);
}

/** `--secret id=<id>,src=<file>`: the builders read the file; the value is on no command line. */
function secretArgs(secrets: SecretMount[]): string[] {
  return flagPairs(
    "--secret",
    secrets.map((secret) => `id=${secret.id},src=${secret.src}`),
  );
}

/**
 * `docker buildx build`. Provenance attestations are off: with them a single-platform image becomes an index
 * with an `unknown/unknown` entry, and the digest people pin no longer names a runnable image.
 */
export function buildxBuild(request: BuildRequest, files: BuilderFiles): Invocation {
  const args = ["buildx", "build", "--iidfile", files.iidfile, "--metadata-file", files.metadataFile];
  args.push("--provenance=false");
  if (request.file) args.push("--file", request.file);
  if (request.target) args.push("--target", request.target);
  args.push(...flagPairs("--tag", request.refs));
  args.push(...flagPairs("--label", keyValues(request.labels)));
  // Without a prefix buildx annotates the image manifest; an index of several platforms gets them too.
  const annotationLevel = request.platforms.length > 1 ? "index,manifest:" : "";
  args.push(...flagPairs("--annotation", keyValues(request.annotations, annotationLevel)));
  args.push(...secretArgs(request.secrets));
  // BuildKit stamps the image config with SOURCE_DATE_EPOCH, as --timestamp does for buildah; the user's value wins.
  const buildArgs = { SOURCE_DATE_EPOCH: String(request.timestamp), ...request.buildArgs };
  args.push(...flagPairs("--build-arg", keyValues(buildArgs)));
  if (request.platforms.length > 0) args.push("--platform", request.platforms.join(","));
  args.push(...flagPairs("--cache-from", request.cacheFrom));
  args.push(...flagPairs("--cache-to", request.cacheTo));
  // BuildKit does not fall back to plain HTTP by itself; the image exporter takes the flag per push.
  if (request.push && request.insecure) args.push("--output", "type=image,push=true,registry.insecure=true");
  else if (request.push) args.push("--push");
  // A multi-platform result cannot be loaded into the local engine; without push it stays in the build cache.
  else if (request.platforms.length <= 1) args.push("--load");
  args.push(request.context);
  return { command: "docker", args };
}

function storageArgs(files: BuilderFiles): string[] {
  return ["--storage-driver", "vfs", "--root", files.root, "--runroot", files.runroot];
}

function buildArgsCommon(request: BuildRequest, files: BuilderFiles): string[] {
  // --layers=false (buildah's default, not podman's): with per-step caching podman reuses the first platform's image
  // for the next on FROM scratch, leaving one entry in the index, and on vfs every cached step is a full copy.
  const args = ["--isolation", "chroot", "--layers=false", "--timestamp", String(request.timestamp)];
  if (request.file) args.push("--file", request.file);
  if (request.target) args.push("--target", request.target);
  args.push(...flagPairs("--label", keyValues(request.labels)));
  args.push(...flagPairs("--annotation", keyValues(request.annotations)));
  args.push(...flagPairs("--build-arg", keyValues(request.buildArgs)));
  args.push(...secretArgs(request.secrets));
  if (request.platforms.length > 1) {
    // Several platforms build into a manifest list named by the primary ref; pushing it pushes every image.
    args.push("--platform", request.platforms.join(","), "--manifest", request.refs[0]!);
  } else {
    if (request.platforms.length === 1) args.push("--platform", request.platforms[0]!);
    // buildah refuses an image id file for several platforms; one image has one id, its config digest.
    args.push("--iidfile", files.iidfile);
    args.push(...flagPairs("--tag", request.refs));
  }
  return args;
}

/** `buildah bud` (or `podman build`) into a private vfs store with chroot isolation: no daemon, no overlay, no user namespaces. */
export function daemonlessBuild(
  builder: "buildah" | "podman",
  request: BuildRequest,
  files: BuilderFiles,
  options: { authfile: boolean } = { authfile: false },
): Invocation {
  const verb = builder === "buildah" ? "bud" : "build";
  // The login also serves pulling a private base image.
  const auth = options.authfile ? ["--authfile", files.authfile] : [];
  return {
    command: builder,
    args: [...storageArgs(files), verb, ...auth, ...buildArgsCommon(request, files), request.context],
  };
}

/**
 * Pushes one ref. The first push writes `--digestfile`, the digest of the manifest exactly as the registry received it
 * (not the local image id, which differs once the registry compresses layers).
 */
export function daemonlessPush(
  builder: "buildah" | "podman",
  request: BuildRequest,
  files: BuilderFiles,
  ref: string,
  options: { digestFile?: string; authfile: boolean },
): Invocation {
  const multi = request.platforms.length > 1;
  const args = [...storageArgs(files)];
  if (multi) args.push("manifest", "push", "--all");
  else args.push("push");
  if (options.authfile) args.push("--authfile", files.authfile);
  if (request.insecure) args.push("--tls-verify=false");
  if (options.digestFile) args.push("--digestfile", options.digestFile);
  // A manifest list has one local name (the primary ref) and is pushed to every tag from it.
  args.push(multi ? request.refs[0]! : ref, `docker://${ref}`);
  return { command: builder, args };
}

/** Registry login with the password on stdin: it never appears in a process listing or an argv log line. */
export function loginInvocation(
  builder: BuilderName,
  registry: string,
  username: string,
  password: string,
  files: BuilderFiles,
  insecure: boolean,
): Invocation {
  if (builder === "buildx") {
    return {
      command: "docker",
      args: ["login", "--username", username, "--password-stdin", registry],
      stdin: password,
    };
  }
  const args = [...storageArgs(files), "login", "--authfile", files.authfile];
  if (insecure) args.push("--tls-verify=false");
  args.push("--username", username, "--password-stdin", registry);
  return { command: builder, args, stdin: password };
}

/** The digest a builder reported after pushing, from the file it wrote. */
export function reportedDigest(builder: BuilderName, content: string): string {
  if (builder === "buildx") {
    try {
      const parsed = JSON.parse(content) as Record<string, unknown>;
      const digest = parsed["containerimage.digest"];
      return typeof digest === "string" ? digest : "";
    } catch {
      return "";
    }
  }
  return content.trim();
}
