import { UserError } from "../errors.js";

/**
 * A container image reference split into its parts, as the OCI distribution grammar defines them.
 * `registry` and `repository` keep the spelling the user wrote; `name()` gives the normalised form that
 * decides whether two references are the same image.
 */
export interface ImageRef {
  /** Registry host (with port) as written, or "" when the reference named none (Docker Hub). */
  registry: string;
  /** Path below the registry, as written (`nginx`, `org/app`). */
  repository: string;
  tag?: string;
  /** `algorithm:hex`, e.g. `sha256:…`. */
  digest?: string;
}

export const DEFAULT_REGISTRY = "docker.io";

const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN_RE = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`,
);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const KNOWN_DIGEST_LENGTHS: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_NAME_LENGTH = 255;

const REF_HINT = "Write it as name[:tag][@sha256:<64 hex>], e.g. ghcr.io/acme/web:1.4.2.";

function refuse(input: string, part: string, why: string, hint = REF_HINT): never {
  throw new UserError(`invalid image reference ${JSON.stringify(input)}: ${why} (${JSON.stringify(part)})`, {
    hint,
  });
}

/** A first path component is a registry when it could not be a Docker Hub namespace. */
function looksLikeRegistry(component: string): boolean {
  return (
    component.includes(".") || component.includes(":") || component === "localhost" || /[A-Z]/.test(component)
  );
}

/** Parses `name`, `name:tag`, `name@digest` or `name:tag@digest`; throws a UserError naming the bad part. */
export function parseImageRef(input: string): ImageRef {
  if (input.length === 0) refuse(input, input, "it is empty");
  const bad = /[\s\u0000-\u001f\u007f]/.exec(input);
  if (bad) refuse(input, bad[0], `it contains whitespace or a control character at offset ${bad.index}`);

  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    checkDigest(input, digest);
  }

  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) {
      refuse(
        input,
        tag,
        tag === "" ? "the tag after ':' is empty" : "the tag is not valid",
        "A tag is 1–128 characters of letters, digits, '_', '.' and '-', and does not start with '.' or '-'.",
      );
    }
  }
  if (rest === "") refuse(input, rest, "the name is empty");

  const components = rest.split("/");
  let registry = "";
  if (components.length > 1 && looksLikeRegistry(components[0]!)) {
    registry = components.shift()!;
    if (!DOMAIN_RE.test(registry)) {
      refuse(
        input,
        registry,
        "the registry host is not valid",
        "A registry is a host name or IP address with an optional port, e.g. ghcr.io or localhost:5000.",
      );
    }
  }
  for (const component of components) {
    if (component === "") refuse(input, rest, "the name has an empty path component");
    if (!PATH_COMPONENT_RE.test(component)) {
      if (component.toLowerCase() !== component && PATH_COMPONENT_RE.test(component.toLowerCase())) {
        refuse(
          input,
          component,
          "the repository name must be lowercase",
          `Use ${JSON.stringify(component.toLowerCase())}; registries refuse uppercase repository names.`,
        );
      }
      refuse(
        input,
        component,
        "a path component is not valid",
        "Path components are lowercase letters and digits, separated by '.', '_', '__' or '-'.",
      );
    }
  }
  const repository = components.join("/");
  if (rest.length > MAX_NAME_LENGTH)
    refuse(input, rest, `the name is longer than ${MAX_NAME_LENGTH} characters`);
  return { registry, repository, tag, digest };
}

function checkDigest(input: string, digest: string): void {
  if (!DIGEST_RE.test(digest)) {
    refuse(
      input,
      digest,
      "the digest is not valid",
      "A digest looks like sha256:<64 lowercase hex characters>.",
    );
  }
  const [algorithm, hex] = digest.split(":") as [string, string];
  const length = KNOWN_DIGEST_LENGTHS[algorithm];
  if (length !== undefined && (hex.length !== length || !/^[0-9a-f]+$/.test(hex))) {
    refuse(input, digest, `a ${algorithm} digest is ${length} lowercase hex characters`);
  }
}

/** True when `tag` is a tag the distribution grammar accepts (and so holds no space, quote, `#` or line break). */
export function isValidTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

/** True when `digest` is `algorithm:encoded` as the distribution grammar defines it, with the right length. */
export function isValidDigest(digest: string): boolean {
  try {
    checkDigest(digest, digest);
    return true;
  } catch {
    return false;
  }
}

/** Registry as Docker resolves it: none or index.docker.io means docker.io. */
export function normalizedRegistry(ref: ImageRef): string {
  const registry = ref.registry.toLowerCase();
  if (registry === "" || registry === "index.docker.io" || registry === "registry-1.docker.io") {
    return DEFAULT_REGISTRY;
  }
  return registry;
}

/** The fully qualified name (`docker.io/library/nginx`) that decides identity. */
export function normalizedName(ref: ImageRef): string {
  const registry = normalizedRegistry(ref);
  const repository =
    registry === DEFAULT_REGISTRY && !ref.repository.includes("/")
      ? `library/${ref.repository}`
      : ref.repository;
  return `${registry}/${repository}`;
}

/** The name as written: registry (if any) and repository, without tag or digest. */
export function imageName(ref: ImageRef): string {
  return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}

export function formatImageRef(ref: ImageRef): string {
  return `${imageName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ""}${ref.digest !== undefined ? `@${ref.digest}` : ""}`;
}

/** True when both references name the same repository, whatever their tags, digests or spelling. */
export function sameImage(a: ImageRef | string, b: ImageRef | string): boolean {
  const left = typeof a === "string" ? parseImageRef(a) : a;
  const right = typeof b === "string" ? parseImageRef(b) : b;
  return normalizedName(left) === normalizedName(right);
}

/** The part of a reference that says which version runs: `tag`, `@digest` or `tag@digest`. */
export function versionOf(ref: ImageRef): string {
  return `${ref.tag ?? ""}${ref.digest ? `@${ref.digest}` : ""}`;
}

/** The reference spelled by a name and a `versionOf()` string (`1.2`, `@sha256:…`, `1.2@sha256:…`). */
export function withVersionText(name: string, version: string): string {
  return `${name}${version.startsWith("@") ? "" : ":"}${version}`;
}
