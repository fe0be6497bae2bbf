import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 644:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ build_push_run)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: ./src/build/argv.ts
/** The builders this action drives; `auto` picks the first one present in this order. */
const BUILDERS = ["buildx", "buildah", "podman"];
function flagPairs(flag, values) {
    return [...values].flatMap((value) => [flag, value]);
}
function keyValues(values) {
    return Object.entries(values).map(([key, value]) => `${key}=${value}`);
}
/**
 * `docker buildx build`. Provenance attestations are off: with them a single-platform image becomes an index
 * with an `unknown/unknown` entry, and the digest people pin no longer names a runnable image.
 */
function buildxBuild(request, files) {
    const args = ["buildx", "build", "--iidfile", files.iidfile, "--metadata-file", files.metadataFile];
    args.push("--provenance=false");
    if (request.file)
        args.push("--file", request.file);
    if (request.target)
        args.push("--target", request.target);
    args.push(...flagPairs("--tag", request.refs));
    args.push(...flagPairs("--label", keyValues(request.labels)));
    // BuildKit stamps the image config with SOURCE_DATE_EPOCH, as --timestamp does for buildah; the user's value wins.
    const buildArgs = { SOURCE_DATE_EPOCH: String(request.timestamp), ...request.buildArgs };
    args.push(...flagPairs("--build-arg", keyValues(buildArgs)));
    if (request.platforms.length > 0)
        args.push("--platform", request.platforms.join(","));
    args.push(...flagPairs("--cache-from", request.cacheFrom));
    args.push(...flagPairs("--cache-to", request.cacheTo));
    // BuildKit does not fall back to plain HTTP by itself; the image exporter takes the flag per push.
    if (request.push && request.insecure)
        args.push("--output", "type=image,push=true,registry.insecure=true");
    else if (request.push)
        args.push("--push");
    // A multi-platform result cannot be loaded into the local engine; without push it stays in the build cache.
    else if (request.platforms.length <= 1)
        args.push("--load");
    args.push(request.context);
    return { command: "docker", args };
}
function storageArgs(files) {
    return ["--storage-driver", "vfs", "--root", files.root, "--runroot", files.runroot];
}
function buildArgsCommon(request) {
    // No --iidfile: the local image id is not what the registry serves, and buildah refuses one for several platforms.
    // --layers=false (buildah's default, not podman's): with per-step caching podman reuses the first platform's image
    // for the next on FROM scratch, leaving one entry in the index, and on vfs every cached step is a full copy.
    const args = ["--isolation", "chroot", "--layers=false", "--timestamp", String(request.timestamp)];
    if (request.file)
        args.push("--file", request.file);
    if (request.target)
        args.push("--target", request.target);
    args.push(...flagPairs("--label", keyValues(request.labels)));
    args.push(...flagPairs("--build-arg", keyValues(request.buildArgs)));
    if (request.platforms.length > 1) {
        // Several platforms build into a manifest list named by the primary ref; pushing it pushes every image.
        args.push("--platform", request.platforms.join(","), "--manifest", request.refs[0]);
    }
    else {
        if (request.platforms.length === 1)
            args.push("--platform", request.platforms[0]);
        args.push(...flagPairs("--tag", request.refs));
    }
    return args;
}
/** `buildah bud` (or `podman build`) into a private vfs store with chroot isolation: no daemon, no overlay, no user namespaces. */
function daemonlessBuild(builder, request, files, options = { authfile: false }) {
    const verb = builder === "buildah" ? "bud" : "build";
    // The login also serves pulling a private base image.
    const auth = options.authfile ? ["--authfile", files.authfile] : [];
    return {
        command: builder,
        args: [...storageArgs(files), verb, ...auth, ...buildArgsCommon(request), request.context],
    };
}
/**
 * Pushes one ref. The first push writes `--digestfile`, the digest of the manifest exactly as the registry received it
 * (not the local image id, which differs once the registry compresses layers).
 */
function daemonlessPush(builder, request, files, ref, options) {
    const multi = request.platforms.length > 1;
    const args = [...storageArgs(files)];
    if (multi)
        args.push("manifest", "push", "--all");
    else
        args.push("push");
    if (options.authfile)
        args.push("--authfile", files.authfile);
    if (request.insecure)
        args.push("--tls-verify=false");
    if (options.digestFile)
        args.push("--digestfile", options.digestFile);
    // A manifest list has one local name (the primary ref) and is pushed to every tag from it.
    args.push(multi ? request.refs[0] : ref, `docker://${ref}`);
    return { command: builder, args };
}
/** Registry login with the password on stdin: it never appears in a process listing or an argv log line. */
function loginInvocation(builder, registry, username, password, files, insecure) {
    if (builder === "buildx") {
        return {
            command: "docker",
            args: ["login", "--username", username, "--password-stdin", registry],
            stdin: password,
        };
    }
    const args = [...storageArgs(files), "login", "--authfile", files.authfile];
    if (insecure)
        args.push("--tls-verify=false");
    args.push("--username", username, "--password-stdin", registry);
    return { command: builder, args, stdin: password };
}
/** The digest a builder reported after pushing, from the file it wrote. */
function reportedDigest(builder, content) {
    if (builder === "buildx") {
        try {
            const parsed = JSON.parse(content);
            const digest = parsed["containerimage.digest"];
            return typeof digest === "string" ? digest : "";
        }
        catch {
            return "";
        }
    }
    return content.trim();
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * The one error type for mistakes a user can fix: bad input, bad files, missing permissions.
 * Entries print `message` (and `hint`) without a stack; anything else is a bug and keeps its stack.
 */
class UserError extends Error {
    location;
    hint;
    constructor(message, options = {}) {
        const { hint, cause, ...location } = options;
        super(message, cause === undefined ? undefined : { cause });
        this.name = "UserError";
        this.location = location;
        this.hint = hint;
    }
    /** `file:line:column: message` then the hint on its own line, the shape editors and CI logs link. */
    format() {
        const { file, line, column } = this.location;
        let where = "";
        if (file)
            where = `${file}${line ? `:${line}${column ? `:${column}` : ""}` : ""}: `;
        return `${where}${this.message}${this.hint ? `\n  ${this.hint}` : ""}`;
    }
}
function isUserError(error) {
    return error instanceof UserError;
}

;// CONCATENATED MODULE: ./src/image/ref.ts

const DEFAULT_REGISTRY = "docker.io";
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN_RE = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const KNOWN_DIGEST_LENGTHS = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_NAME_LENGTH = 255;
const REF_HINT = "Write it as name[:tag][@sha256:<64 hex>], e.g. ghcr.io/acme/web:1.4.2.";
function refuse(input, part, why, hint = REF_HINT) {
    throw new UserError(`invalid image reference ${JSON.stringify(input)}: ${why} (${JSON.stringify(part)})`, {
        hint,
    });
}
/** A first path component is a registry when it could not be a Docker Hub namespace. */
function looksLikeRegistry(component) {
    return (component.includes(".") || component.includes(":") || component === "localhost" || /[A-Z]/.test(component));
}
/** Parses `name`, `name:tag`, `name@digest` or `name:tag@digest`; throws a UserError naming the bad part. */
function parseImageRef(input) {
    if (input.length === 0)
        refuse(input, input, "it is empty");
    const bad = /[\s\u0000-\u001f\u007f]/.exec(input);
    if (bad)
        refuse(input, bad[0], `it contains whitespace or a control character at offset ${bad.index}`);
    let rest = input;
    let digest;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        checkDigest(input, digest);
    }
    let tag;
    const lastSlash = rest.lastIndexOf("/");
    const colon = rest.lastIndexOf(":");
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG_RE.test(tag)) {
            refuse(input, tag, tag === "" ? "the tag after ':' is empty" : "the tag is not valid", "A tag is 1–128 characters of letters, digits, '_', '.' and '-', and does not start with '.' or '-'.");
        }
    }
    if (rest === "")
        refuse(input, rest, "the name is empty");
    const components = rest.split("/");
    let registry = "";
    if (components.length > 1 && looksLikeRegistry(components[0])) {
        registry = components.shift();
        if (!DOMAIN_RE.test(registry)) {
            refuse(input, registry, "the registry host is not valid", "A registry is a host name or IP address with an optional port, e.g. ghcr.io or localhost:5000.");
        }
    }
    for (const component of components) {
        if (component === "")
            refuse(input, rest, "the name has an empty path component");
        if (!PATH_COMPONENT_RE.test(component)) {
            if (component.toLowerCase() !== component && PATH_COMPONENT_RE.test(component.toLowerCase())) {
                refuse(input, component, "the repository name must be lowercase", `Use ${JSON.stringify(component.toLowerCase())}; registries refuse uppercase repository names.`);
            }
            refuse(input, component, "a path component is not valid", "Path components are lowercase letters and digits, separated by '.', '_', '__' or '-'.");
        }
    }
    const repository = components.join("/");
    if (rest.length > MAX_NAME_LENGTH)
        refuse(input, rest, `the name is longer than ${MAX_NAME_LENGTH} characters`);
    return { registry, repository, tag, digest };
}
function checkDigest(input, digest) {
    if (!DIGEST_RE.test(digest)) {
        refuse(input, digest, "the digest is not valid", "A digest looks like sha256:<64 lowercase hex characters>.");
    }
    const [algorithm, hex] = digest.split(":");
    const length = KNOWN_DIGEST_LENGTHS[algorithm];
    if (length !== undefined && (hex.length !== length || !/^[0-9a-f]+$/.test(hex))) {
        refuse(input, digest, `a ${algorithm} digest is ${length} lowercase hex characters`);
    }
}
/** Registry as Docker resolves it: none or index.docker.io means docker.io. */
function normalizedRegistry(ref) {
    const registry = ref.registry.toLowerCase();
    if (registry === "" || registry === "index.docker.io" || registry === "registry-1.docker.io") {
        return DEFAULT_REGISTRY;
    }
    return registry;
}
/** The fully qualified name (`docker.io/library/nginx`) that decides identity. */
function normalizedName(ref) {
    const registry = normalizedRegistry(ref);
    const repository = registry === DEFAULT_REGISTRY && !ref.repository.includes("/")
        ? `library/${ref.repository}`
        : ref.repository;
    return `${registry}/${repository}`;
}
/** The name as written: registry (if any) and repository, without tag or digest. */
function imageName(ref) {
    return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}
function formatImageRef(ref) {
    return `${imageName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ""}${ref.digest !== undefined ? `@${ref.digest}` : ""}`;
}
/** True when both references name the same repository, whatever their tags, digests or spelling. */
function sameImage(a, b) {
    const left = typeof a === "string" ? parseImageRef(a) : a;
    const right = typeof b === "string" ? parseImageRef(b) : b;
    return normalizedName(left) === normalizedName(right);
}
/** The part of a reference that says which version runs: `tag`, `@digest` or `tag@digest`. */
function versionOf(ref) {
    return `${ref.tag ?? ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
/** The reference spelled by a name and a `versionOf()` string (`1.2`, `@sha256:…`, `1.2@sha256:…`). */
function withVersionText(name, version) {
    return `${name}${version.startsWith("@") ? "" : ":"}${version}`;
}

;// CONCATENATED MODULE: ./src/image/index.ts


;// CONCATENATED MODULE: ./src/registry/challenge.ts
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const PARAM_RE = new RegExp(`^\\s*(${TOKEN})\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|(${TOKEN}))\\s*(?:,|$)`);
const SCHEME_RE = new RegExp(`^\\s*,?\\s*(${TOKEN})(?:\\s+|$)`);
/**
 * Parses a `WWW-Authenticate` header (RFC 9110 §11.6.1): `Bearer realm="…",service="…",scope="…"` or
 * `Basic realm="…"`; several challenges may share one header.
 */
function parseChallenges(header) {
    const challenges = [];
    let rest = header;
    while (rest.trim() !== "") {
        const scheme = SCHEME_RE.exec(rest);
        if (!scheme)
            break;
        rest = rest.slice(scheme[0].length);
        const params = {};
        for (;;) {
            const param = PARAM_RE.exec(rest);
            if (!param)
                break;
            params[param[1].toLowerCase()] = param[2] !== undefined ? param[2].replace(/\\(.)/g, "$1") : param[3];
            rest = rest.slice(param[0].length);
        }
        challenges.push({ scheme: scheme[1].toLowerCase(), params });
    }
    return challenges;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/registry/client.ts




/** Media types a HEAD asks for, so the registry answers with the digest of the manifest as pushed. */
const MANIFEST_TYPES = [
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.docker.distribution.manifest.v2+json",
];
/** Registries on this machine speak plain HTTP unless told otherwise, as Docker treats them. */
function isLoopback(host) {
    const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
    return name === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(name) || name === "::1";
}
/** The host the distribution API is served on: Docker Hub's API does not live at docker.io. */
function apiHost(ref) {
    const registry = normalizedRegistry(ref);
    return registry === DEFAULT_REGISTRY ? "registry-1.docker.io" : registry;
}
/** The repository path in API URLs (`library/nginx` for Docker Hub's official images). */
function apiRepository(ref) {
    return normalizedName(ref).slice(normalizedRegistry(ref).length + 1);
}
/**
 * A small OCI distribution API client: enough to ask whether a tag exists and which digest it has, with Basic or
 * Bearer-token auth negotiated from the registry's `WWW-Authenticate` challenge.
 */
class RegistryClient {
    host;
    baseUrl;
    credentials;
    fetchImpl;
    timeoutMs;
    /** Authorization header values by scope ("" for the /v2/ ping), so one run asks the token server once. */
    authorizations = new Map();
    constructor(host, options = {}) {
        this.host = host;
        const plain = options.insecure === true || isLoopback(host);
        this.baseUrl = `${plain ? "http" : "https"}://${host}`;
        this.credentials = options.credentials;
        this.fetchImpl = options.fetch ?? fetch;
        this.timeoutMs = options.timeoutMs ?? 30_000;
    }
    /** Checks the registry answers and, when credentials were given, that it accepts them. */
    async ping() {
        const response = await this.send("GET", "/v2/", "", {});
        await response.body?.cancel();
        if (response.status === 404) {
            throw new UserError(`${this.baseUrl} is not an OCI registry: GET /v2/ answered 404`, {
                hint: "Check the registry host in the image name.",
            });
        }
        if (!response.ok)
            throw await this.failure(response, "/v2/");
    }
    /** The digest `repository:reference` points at, or undefined when the registry has no such tag. */
    async manifestDigest(repository, reference) {
        const path = `/v2/${repository}/manifests/${reference}`;
        const scope = `repository:${repository}:pull`;
        const headers = { Accept: MANIFEST_TYPES.join(", ") };
        const head = await this.send("HEAD", path, scope, headers);
        if (head.status === 404)
            return undefined;
        if (!head.ok)
            throw await this.failure(head, path);
        const digest = head.headers.get("docker-content-digest");
        if (digest)
            return digest;
        // Some registries omit the header on HEAD; the digest of the exact bytes served is the same thing.
        return (await this.getManifest(repository, reference))?.digest;
    }
    /** The manifest `repository:reference` as stored, byte for byte, or undefined when there is none. */
    async getManifest(repository, reference) {
        const path = `/v2/${repository}/manifests/${reference}`;
        const response = await this.send("GET", path, `repository:${repository}:pull`, {
            Accept: MANIFEST_TYPES.join(", "),
        });
        if (response.status === 404)
            return undefined;
        if (!response.ok)
            throw await this.failure(response, path);
        const body = Buffer.from(await response.arrayBuffer());
        const mediaType = response.headers.get("content-type") ?? MANIFEST_TYPES[1];
        return { body, mediaType, digest: `sha256:${(0,external_node_crypto_namespaceObject.createHash)("sha256").update(body).digest("hex")}` };
    }
    /**
     * Points `tag` at a manifest the repository already holds by uploading the same bytes: the registry stores nothing
     * new and the digest cannot change, which is what tagging is.
     */
    async putManifest(repository, tag, manifest) {
        const path = `/v2/${repository}/manifests/${tag}`;
        const response = await this.send("PUT", path, `repository:${repository}:pull,push`, { "Content-Type": manifest.mediaType }, manifest.body);
        await response.body?.cancel();
        if (!response.ok)
            throw await this.failure(response, path);
    }
    async send(method, path, scope, headers, body) {
        const cached = this.authorizations.get(scope);
        const first = await this.request(method, path, cached ? { ...headers, Authorization: cached } : headers, body);
        if (first.status !== 401)
            return first;
        await first.body?.cancel();
        const challenges = parseChallenges(first.headers.get("www-authenticate") ?? "");
        const authorization = await this.authorize(challenges, scope);
        if (authorization === undefined || authorization === cached)
            return first;
        this.authorizations.set(scope, authorization);
        return this.request(method, path, { ...headers, Authorization: authorization }, body);
    }
    async request(method, path, headers, body) {
        const url = `${this.baseUrl}${path}`;
        try {
            return await this.fetchImpl(url, {
                method,
                headers,
                body,
                redirect: "follow",
                signal: AbortSignal.timeout(this.timeoutMs),
            });
        }
        catch (error) {
            throw this.unreachable(error, url);
        }
    }
    /** The Authorization value a challenge asks for; undefined when there is nothing to answer it with. */
    async authorize(challenges, scope) {
        const bearer = challenges.find((challenge) => challenge.scheme === "bearer");
        if (bearer?.params.realm)
            return this.bearerToken(bearer.params, scope);
        const basic = challenges.find((challenge) => challenge.scheme === "basic");
        if (basic && this.credentials)
            return basicAuthorization(this.credentials);
        return undefined;
    }
    async bearerToken(params, scope) {
        const url = new URL(params.realm);
        if (params.service)
            url.searchParams.set("service", params.service);
        // The challenge names the scope the registry wants; ours is the same for a HEAD, and absent for /v2/.
        // Registries may ask for several scopes in one challenge, space-separated; token services take one per parameter.
        for (const wanted of (params.scope ?? scope).split(" ")) {
            if (wanted)
                url.searchParams.append("scope", wanted);
        }
        const headers = {};
        if (this.credentials)
            headers.Authorization = basicAuthorization(this.credentials);
        let response;
        try {
            response = await this.fetchImpl(url, { headers, signal: AbortSignal.timeout(this.timeoutMs) });
        }
        catch (error) {
            throw this.unreachable(error, `${url.origin}${url.pathname}`);
        }
        if (response.status === 401 || response.status === 403) {
            await response.body?.cancel();
            throw this.refused(response.status, `${url.origin}${url.pathname}`);
        }
        if (!response.ok) {
            throw new UserError(`the token service of ${this.host} (${url.origin}${url.pathname}) answered ${response.status}`, { hint: "The registry may be down; try again, or check the registry host in the image name." });
        }
        const body = (await response.json().catch(() => ({})));
        const token = body.token ?? body.access_token;
        if (!token) {
            throw new UserError(`the token service of ${this.host} answered without a token`, {
                hint: "Check that the registry host in the image name is right.",
            });
        }
        return `Bearer ${token}`;
    }
    async failure(response, path) {
        const detail = await errorDetail(response);
        if (response.status === 401 || response.status === 403)
            return this.refused(response.status, path, detail);
        return new UserError(`registry ${this.host} answered ${response.status} ${response.statusText} to ${path}${detail}`, { hint: "Check the image name and that the registry is healthy." });
    }
    refused(status, where, detail = "") {
        if (!this.credentials) {
            return new UserError(`registry ${this.host} requires authentication (${status} from ${where})${detail}`, {
                hint: "Set the 'username' and 'password' inputs (for GHCR: github.actor and secrets.GITHUB_TOKEN with permissions: packages: write).",
            });
        }
        return new UserError(`registry ${this.host} refused the credentials of user ${JSON.stringify(this.credentials.username)} (${status} from ${where})${detail}`, {
            hint: "Check the 'username' and 'password' inputs; a token needs push rights on the repository (for GHCR: permissions: packages: write). Fork pull requests get no secrets.",
        });
    }
    unreachable(error, url) {
        const cause = error?.cause;
        const code = cause?.code ?? error?.name;
        const reason = code === "ECONNREFUSED"
            ? "connection refused"
            : code === "ENOTFOUND" || code === "EAI_AGAIN"
                ? "the host name does not resolve"
                : code === "TimeoutError"
                    ? `no answer within ${this.timeoutMs / 1000} s`
                    : (cause?.message ?? error?.message ?? String(error));
        const plain = this.baseUrl.startsWith("http:");
        return new UserError(`cannot reach registry ${this.host} at ${url}: ${reason}`, {
            cause: error,
            hint: plain
                ? "Check that the registry is running and listening on that host and port."
                : "Check the registry host in the image name; a registry that speaks plain HTTP needs 'insecure: true'.",
        });
    }
}
function basicAuthorization(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
/** The registry's own words from an error body (`{"errors":[{"code","message"}]}`), when it sent one. */
async function errorDetail(response) {
    const text = await response.text().catch(() => "");
    try {
        const parsed = JSON.parse(text);
        const first = parsed.errors?.[0];
        if (first)
            return `: ${first.code ?? ""}${first.message ? ` ${first.message}` : ""}`.trimEnd();
    }
    catch {
        // not JSON: HEAD answers have no body at all
    }
    return "";
}

;// CONCATENATED MODULE: ./src/registry/credentials.ts


/**
 * Where buildah/podman and docker read logins from, in their order: containers' auth.json first, then Docker's
 * config.json. A login step before this action (docker/login-action, podman login) writes one of these.
 */
function authFileCandidates(env) {
    const candidates = [];
    if (env.REGISTRY_AUTH_FILE)
        candidates.push(env.REGISTRY_AUTH_FILE);
    if (env.XDG_RUNTIME_DIR)
        candidates.push(external_node_path_default().join(env.XDG_RUNTIME_DIR, "containers", "auth.json"));
    if (env.DOCKER_CONFIG)
        candidates.push(external_node_path_default().join(env.DOCKER_CONFIG, "config.json"));
    else if (env.HOME)
        candidates.push(external_node_path_default().join(env.HOME, ".docker", "config.json"));
    return candidates;
}
const DOCKER_HUB_KEYS = [
    "https://index.docker.io/v1/",
    "index.docker.io",
    "docker.io",
    "registry-1.docker.io",
];
/** The `auths` entry for a registry in an auth.json / config.json, keyed by host or by URL. */
function findStoredCredentials(content, registry) {
    let auths;
    try {
        auths = JSON.parse(content).auths ?? {};
    }
    catch {
        return undefined;
    }
    const wanted = registry === "docker.io" ? DOCKER_HUB_KEYS : [registry];
    for (const [key, entry] of Object.entries(auths)) {
        const host = key.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
        if (!wanted.includes(key) && !wanted.includes(host))
            continue;
        if (!entry?.auth)
            continue;
        const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        if (colon <= 0)
            continue;
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    return undefined;
}
/** The first stored login for `registry` among the candidate files; missing or unreadable files are skipped. */
async function loadStoredCredentials(files, registry) {
    for (const file of files) {
        const content = await (0,promises_namespaceObject.readFile)(file, "utf8").catch(() => undefined);
        if (content === undefined)
            continue;
        const found = findStoredCredentials(content, registry);
        if (found)
            return found;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/registry/index.ts




;// CONCATENATED MODULE: ./src/build/metadata.ts


const metadata_TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const SEMVER_TAG_RE = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const PULL_REQUEST_EVENTS = new Set(["pull_request", "pull_request_target"]);
function record(value) {
    return typeof value === "object" && value !== null ? value : {};
}
function metadata_text(value) {
    return typeof value === "string" && value !== "" ? value : undefined;
}
function isPullRequest(context) {
    return PULL_REQUEST_EVENTS.has(context.eventName);
}
/**
 * The commit the image is built from. On pull requests GITHUB_SHA is a merge commit that exists nowhere but in
 * that run, so the PR head is the one a reviewer can find again.
 */
function revisionOf(context) {
    if (isPullRequest(context)) {
        const head = metadata_text(record(record(context.payload.pull_request).head).sha);
        if (head)
            return head;
    }
    if (!/^[0-9a-f]{40}$/.test(context.sha)) {
        throw new UserError(`GITHUB_SHA is ${JSON.stringify(context.sha)}, not a 40-character commit id`, {
            hint: "Run the action inside a GitHub Actions job, or set GITHUB_SHA to the commit being built.",
        });
    }
    return context.sha;
}
/** A git ref name made into a valid tag: anything a tag cannot hold becomes '-', and it may not start with '.' or '-'. */
function sanitizeTag(name) {
    const cleaned = name
        .replace(/[^A-Za-z0-9_.-]+/g, "-")
        .replace(/^[.-]+/, "")
        .slice(0, 128)
        .replace(/-+$/, "");
    return cleaned;
}
function pullRequestNumber(context) {
    const number = context.payload.number ?? record(context.payload.pull_request).number;
    if (typeof number === "number")
        return number;
    const match = /^refs\/pull\/(\d+)\//.exec(context.ref);
    return match ? Number(match[1]) : undefined;
}
function defaultBranch(context) {
    return metadata_text(record(context.payload.repository).default_branch);
}
/** The tags a run produces, primary first. */
function computeTags(context, options) {
    const primary = `sha-${revisionOf(context).slice(0, 7)}`;
    const tags = [primary];
    if (isPullRequest(context)) {
        const number = pullRequestNumber(context);
        if (number !== undefined)
            tags.push(`pr-${number}`);
    }
    else if (context.ref.startsWith("refs/heads/")) {
        const branch = context.ref.slice("refs/heads/".length);
        const tag = sanitizeTag(branch);
        if (tag)
            tags.push(tag);
        if (options.latest && branch === defaultBranch(context))
            tags.push("latest");
    }
    else if (context.ref.startsWith("refs/tags/")) {
        const name = context.ref.slice("refs/tags/".length);
        const semver = SEMVER_TAG_RE.exec(name);
        if (semver) {
            const [, major, minor, patch, prerelease] = semver;
            tags.push(`${major}.${minor}.${patch}${prerelease ?? ""}`);
            // A pre-release must not move the X.Y tag that people pin to get fixes.
            if (!prerelease)
                tags.push(`${major}.${minor}`);
        }
        else {
            const tag = sanitizeTag(name);
            if (tag)
                tags.push(tag);
        }
    }
    for (const extra of options.extra) {
        if (!metadata_TAG_RE.test(extra)) {
            throw new UserError(`input 'tags': ${JSON.stringify(extra)} is not a valid image tag`, {
                hint: "A tag is 1–128 letters, digits, '_', '.' and '-', not starting with '.' or '-'; write tags without the image name.",
            });
        }
        tags.push(extra);
    }
    return { primary, tags: [...new Set(tags)] };
}
/** The version a person would name this build by: the release, the branch, the PR, else the short commit. */
function versionLabel(context, tags) {
    if (context.ref.startsWith("refs/tags/") ||
        context.ref.startsWith("refs/heads/") ||
        isPullRequest(context)) {
        return tags[1] ?? tags[0];
    }
    return tags[0];
}
/**
 * The build time: SOURCE_DATE_EPOCH when the workflow sets one, else the pushed commit's time, else now. Tying it
 * to the commit makes rebuilding the same commit give the same digest when the Dockerfile itself is reproducible.
 */
function createdTime(context, sourceDateEpoch, now) {
    if (sourceDateEpoch !== undefined && sourceDateEpoch !== "") {
        if (!/^\d+$/.test(sourceDateEpoch)) {
            throw new UserError(`SOURCE_DATE_EPOCH is ${JSON.stringify(sourceDateEpoch)}, not a number of seconds`, {
                hint: "Set it to a Unix time, e.g. $(git log -1 --format=%ct).",
            });
        }
        return Number(sourceDateEpoch);
    }
    const commitTime = metadata_text(record(context.payload.head_commit).timestamp);
    if (commitTime && !isPullRequest(context)) {
        const millis = Date.parse(commitTime);
        if (!Number.isNaN(millis))
            return Math.floor(millis / 1000);
    }
    return Math.floor(now.getTime() / 1000);
}
/** `key=value` lines (values may hold commas and '='), as build-args and labels are written. */
function parseKeyValues(raw, input) {
    const result = {};
    raw.split(/\r?\n/).forEach((line, index) => {
        const entry = line.trim();
        if (entry === "" || entry.startsWith("#"))
            return;
        const eq = entry.indexOf("=");
        if (eq <= 0) {
            throw new UserError(`input '${input}' line ${index + 1}: ${JSON.stringify(entry)} is not key=value`, {
                hint: `Write one KEY=value per line in '${input}'.`,
            });
        }
        result[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
    });
    return result;
}
function computeMetadata(context, options) {
    const { primary, tags } = computeTags(context, options);
    const revision = revisionOf(context);
    const repositoryName = context.repository.split("/").pop() ?? context.repository;
    const labels = {
        "org.opencontainers.image.source": `${context.serverUrl.replace(/\/+$/, "")}/${context.repository}`,
        "org.opencontainers.image.revision": revision,
        "org.opencontainers.image.created": new Date(options.created * 1000).toISOString(),
        "org.opencontainers.image.version": versionLabel(context, tags),
        "org.opencontainers.image.title": repositoryName,
        ...options.labels,
    };
    return { primary, tags, labels, revision, created: options.created };
}
/**
 * The `image` input as a name without tag or digest. Uppercase (as `github.repository` often has) is lowercased
 * rather than refused, and the caller is told so it can say so.
 */
function resolveImageName(input) {
    const trimmed = input.trim();
    if (trimmed === "") {
        throw new UserError("input 'image' is required", {
            hint: "Name the image without a tag, e.g. ghcr.io/acme/web.",
        });
    }
    const lower = trimmed.toLowerCase();
    const ref = parseImageRef(lower);
    if (ref.tag !== undefined || ref.digest !== undefined) {
        throw new UserError(`input 'image' must be a name without tag or digest, got ${JSON.stringify(trimmed)}`, {
            hint: `Use image: ${imageName(ref)} and put extra tags in 'tags'.`,
        });
    }
    return { ref, lowercased: lower !== trimmed };
}
/** `name:tag` for every tag. */
function taggedRefs(image, tags) {
    return tags.map((tag) => formatImageRef({ ...image, tag, digest: undefined }));
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/logger.ts
const silentLogger = { debug() { }, info() { }, warning() { } };

;// CONCATENATED MODULE: ./src/build/process.ts






const TAIL_LINES = 20;
/**
 * Runs one invocation with an argv array (never a shell), streaming its output to the log line by line and keeping
 * the last lines of stderr for the error message.
 */
function run(invocation, logger, env) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(invocation.command, invocation.args, {
            env,
            stdio: [invocation.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
        });
        const tail = [];
        const lines = (emit) => {
            let partial = "";
            return {
                push(chunk) {
                    const parts = (partial + chunk.toString("utf8")).split(/\r?\n/);
                    partial = parts.pop() ?? "";
                    for (const line of parts)
                        emit(line);
                },
                end() {
                    if (partial !== "")
                        emit(partial);
                },
            };
        };
        const out = lines((line) => logger.info(line));
        const err = lines((line) => {
            logger.info(line);
            if (line.trim() === "")
                return;
            tail.push(line);
            if (tail.length > TAIL_LINES)
                tail.shift();
        });
        child.stdout.on("data", (chunk) => out.push(chunk));
        child.stderr.on("data", (chunk) => err.push(chunk));
        child.on("error", (error) => {
            if (error.code === "ENOENT") {
                reject(new UserError(`${invocation.command} is not installed or not on PATH`, {
                    hint: "Install it on the runner, or choose another 'builder'.",
                }));
            }
            else
                reject(error);
        });
        child.on("close", (code, signal) => {
            out.end();
            err.end();
            resolve({ code: code ?? (signal ? 128 : 1), tail });
        });
        if (invocation.stdin !== undefined) {
            child.stdin.on("error", () => {
                // The program may exit before reading stdin; its exit code tells what happened.
            });
            child.stdin.end(invocation.stdin);
        }
    });
}
/** Runs an invocation and turns a non-zero exit into a UserError carrying the program's own last words. */
async function runChecked(what, invocation, logger, env) {
    const result = await run(invocation, logger, env);
    if (result.code !== 0) {
        const said = result.tail.length > 0 ? `:\n${result.tail.map((line) => `    ${line}`).join("\n")}` : "";
        throw new UserError(`${what} failed (exit code ${result.code})${said}`, {
            hint: "The lines above are the builder's own; the full output is in the step log.",
        });
    }
}
async function onPath(command, pathVariable) {
    for (const dir of pathVariable.split((external_node_path_default()).delimiter)) {
        if (!dir)
            continue;
        try {
            await (0,promises_namespaceObject.access)(external_node_path_default().join(dir, command), promises_namespaceObject.constants.X_OK);
            return true;
        }
        catch {
            // not in this directory
        }
    }
    return false;
}
/**
 * The first builder present: buildx (a Docker engine with the buildx plugin), then buildah, then podman. Looking at
 * PATH first keeps detection free on runners without Docker; only a present `docker` is asked about buildx.
 */
async function detectBuilder(pathVariable, logger) {
    for (const builder of BUILDERS) {
        const command = builder === "buildx" ? "docker" : builder;
        if (!(await onPath(command, pathVariable)))
            continue;
        if (builder === "buildx") {
            const probe = await run({ command: "docker", args: ["buildx", "version"] }, silentLogger).catch(() => undefined);
            if (probe?.code !== 0) {
                logger.debug("docker is on PATH but `docker buildx version` failed; trying buildah");
                continue;
            }
        }
        return builder;
    }
    throw new UserError("no image builder found: none of docker buildx, buildah or podman is on PATH", {
        hint: "GitHub's ubuntu runners ship docker buildx, buildah and podman; on a self-hosted runner install one, or set 'builder'.",
    });
}

;// CONCATENATED MODULE: ./src/build/build-push.ts









function isRemoteContext(context) {
    return /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i.test(context);
}
/** Fails before any builder runs when the context or Dockerfile is not there, naming the path that is missing. */
async function checkSources(context, file) {
    if (isRemoteContext(context))
        return;
    const contextStat = await (0,promises_namespaceObject.stat)(context).catch(() => undefined);
    if (!contextStat?.isDirectory()) {
        throw new UserError(`input 'context': ${JSON.stringify(context)} is not a directory`, {
            file: context,
            hint: "Check out the repository first (actions/checkout) and give a path relative to the workspace.",
        });
    }
    const dockerfile = file ?? external_node_path_default().join(context, "Dockerfile");
    const fileStat = await (0,promises_namespaceObject.stat)(dockerfile).catch(() => undefined);
    if (!fileStat?.isFile()) {
        throw new UserError(`Dockerfile not found: ${dockerfile}`, {
            file: dockerfile,
            hint: file
                ? "Check the 'file' input; it is relative to the workspace, not to the context."
                : "Add a Dockerfile to the context or point 'file' at one.",
        });
    }
}
function checkBuilderInputs(builder, options, logger) {
    if (builder !== "buildx" && (options.cacheFrom.length > 0 || options.cacheTo.length > 0)) {
        logger.warning(`'cache-from' and 'cache-to' are buildx options; ${builder} ignores them`);
    }
}
/**
 * Build and push, then read the digest back from the registry. The digest in the result is the registry's, checked
 * against what the builder reported, so the next step pins something the registry really serves.
 */
async function buildAndPush(options, logger) {
    const started = Date.now();
    const { image, metadata } = options;
    const refs = taggedRefs(image, metadata.tags);
    const primaryRef = refs[0];
    const result = (digest, builder, skipped) => ({
        image: imageName(image),
        tag: metadata.primary,
        tags: metadata.tags,
        refs,
        digest,
        builder,
        platforms: options.platforms,
        labels: metadata.labels,
        skipped,
        pushed: options.push && !skipped && digest !== "",
        durationMs: Date.now() - started,
    });
    await checkSources(options.context, options.file);
    const repository = apiRepository(image);
    // Without inputs, the login an earlier step stored (the builder finds it on its own) lets this client in too.
    const stored = options.push && !options.credentials
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
    if (registry && options.credentials)
        await registry.ping();
    if (registry && options.skipExisting) {
        const existing = await registry.manifestDigest(repository, metadata.primary);
        if (existing) {
            logger.info(`${primaryRef} already exists (${existing}); skipping the build`);
            await addMissingTags(registry, repository, existing, metadata.tags.slice(1), primaryRef, logger);
            return result(existing, "none", true);
        }
    }
    const builder = options.builder === "auto" ? await detectBuilder(options.pathVariable, logger) : options.builder;
    checkBuilderInputs(builder, options, logger);
    logger.info(`building ${primaryRef} with ${builder}`);
    const stateDir = external_node_path_default().join(options.tempDir, "gitops-build");
    await (0,promises_namespaceObject.mkdir)(stateDir, { recursive: true });
    const runDir = await (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(stateDir, "run-"));
    const files = {
        root: external_node_path_default().join(stateDir, "storage"),
        runroot: await shortRunroot(external_node_path_default().join(stateDir, "runroot")),
        authfile: external_node_path_default().join(runDir, "auth.json"),
        iidfile: external_node_path_default().join(runDir, "iid"),
        metadataFile: external_node_path_default().join(runDir, "metadata.json"),
        digestFile: external_node_path_default().join(runDir, "digest"),
    };
    const request = {
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
    const exec = (what, invocation) => runChecked(what, invocation, logger, options.env);
    try {
        // Logging in also when not pushing lets a pull-request build pull a private base image.
        const login = options.credentials !== undefined;
        if (login) {
            const { username, password } = options.credentials;
            const registryHost = image.registry || "docker.io";
            await exec(`${builder} login to ${registryHost}`, loginInvocation(builder, registryHost, username, password, files, request.insecure));
        }
        const reported = await buildAndReport(builder, request, files, login, exec);
        // Extra tags cost one manifest PUT each instead of another builder push that re-checks every layer.
        const others = refs.slice(1);
        if (builder !== "buildx" && options.push && others.length > 0) {
            if (!(await tagInRegistry(registry, repository, reported, metadata.tags.slice(1), logger))) {
                for (const ref of others) {
                    await exec(`${builder} push ${ref}`, daemonlessPush(builder, request, files, ref, { authfile: login }));
                }
            }
        }
        if (!options.push)
            return result("", builder, false);
        const digest = await verifyPushed(registry, repository, metadata.tags, reported, builder, primaryRef);
        return result(digest, builder, false);
    }
    finally {
        // The auth file holds the credentials; nothing of this run stays behind but the image store.
        await (0,promises_namespaceObject.rm)(runDir, { recursive: true, force: true });
        if (!files.runroot.startsWith(stateDir))
            await (0,promises_namespaceObject.rm)(files.runroot, { recursive: true, force: true });
    }
}
/**
 * Runs the build (and for buildx the push of every tag; for buildah/podman the push of the primary ref) and returns
 * the digest the builder reports for what it pushed, "" when it did not push.
 */
async function buildAndReport(builder, request, files, login, exec) {
    if (builder === "buildx") {
        await exec("docker buildx build", buildxBuild(request, files));
        if (!request.push)
            return "";
        return reportedDigest(builder, await (0,promises_namespaceObject.readFile)(files.metadataFile, "utf8").catch(() => ""));
    }
    const verb = builder === "buildah" ? "bud" : "build";
    await exec(`${builder} ${verb}`, daemonlessBuild(builder, request, files, { authfile: login }));
    if (!request.push)
        return "";
    const primary = request.refs[0];
    await exec(`${builder} push ${primary}`, daemonlessPush(builder, request, files, primary, { digestFile: files.digestFile, authfile: login }));
    return reportedDigest(builder, await (0,promises_namespaceObject.readFile)(files.digestFile, "utf8").catch(() => ""));
}
/**
 * A skipped build still owes this run's other tags: a release tag pushed on a commit that main already built must
 * still get its X.Y.Z. Tags not yet at the existing digest are pointed at it registry-side.
 */
async function addMissingTags(registry, repository, digest, tags, primaryRef, logger) {
    const current = await Promise.all(tags.map((tag) => registry.manifestDigest(repository, tag)));
    const missing = tags.filter((_, index) => current[index] !== digest);
    if (missing.length === 0)
        return;
    if (!(await tagInRegistry(registry, repository, digest, missing, logger))) {
        throw new UserError(`${primaryRef} already exists, but ${missing.join(", ")} could not be pointed at it`, {
            hint: "Give 'username' and 'password' with push rights to the registry, or set skip-existing: false to rebuild.",
        });
    }
    logger.info(`tagged the existing image ${missing.join(", ")}`);
    await verifyPushed(registry, repository, missing, digest, "registry-side tagging", primaryRef);
}
/**
 * Adds the other tags on the registry side, by putting the pushed manifest's bytes under each: one small request per tag
 * instead of another builder run that re-checks every layer. False when the registry will not let this client do it
 * (say, the builder has credentials from an earlier login step and this client has none); the caller then pushes.
 */
async function tagInRegistry(registry, repository, digest, tags, logger) {
    if (!digest)
        return false;
    try {
        const manifest = await registry.getManifest(repository, digest);
        if (!manifest || manifest.digest !== digest)
            return false;
        await Promise.all(tags.map((tag) => registry.putManifest(repository, tag, manifest)));
        return true;
    }
    catch (error) {
        if (!isUserError(error))
            throw error;
        logger.debug(`tagging in the registry failed (${error.message}); pushing each tag with the builder`);
        return false;
    }
}
/** podman refuses a runroot longer than 50 characters (it becomes part of socket paths). */
const MAX_RUNROOT = 50;
async function shortRunroot(preferred) {
    if (preferred.length <= MAX_RUNROOT)
        return preferred;
    return (0,promises_namespaceObject.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "gitops-build-"));
}
/** Reads every pushed tag back and insists they all name the digest the builder reported. */
async function verifyPushed(registry, repository, tags, reported, 
/** Who pushed, for the message: a builder's name, or "registry-side tagging". */
builder, primaryRef) {
    if (!reported) {
        throw new UserError(`${builder} pushed ${primaryRef} but reported no digest`, {
            hint: "Nothing is output rather than a digest that might be wrong; re-run the job.",
        });
    }
    const found = await Promise.all(tags.map((tag) => registry.manifestDigest(repository, tag)));
    for (const [index, digest] of found.entries()) {
        if (digest !== reported) {
            const ref = formatImageRef({ registry: "", repository, tag: tags[index] });
            throw new UserError(digest === undefined
                ? `the registry has no ${ref} after ${builder} pushed it`
                : `the registry has ${ref} at ${digest}, but ${builder} reported ${reported}`, {
                hint: "Another job may have pushed the same tag at the same time; re-run, and keep tags unique per commit.",
            });
        }
    }
    return reported;
}

;// CONCATENATED MODULE: ./src/build/summary.ts
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}
/** The job summary: what the registry now serves, under which names, and how it got there. */
function summaryMarkdown(result) {
    const lines = [];
    const heading = result.skipped
        ? `### ${result.image}: already pushed, build skipped`
        : result.pushed
            ? `### ${result.image}: built and pushed`
            : `### ${result.image}: built, not pushed`;
    lines.push(heading, "");
    if (result.digest) {
        lines.push(`Digest: \`${result.digest}\``, "");
        lines.push("| reference | pinned reference |", "| --- | --- |");
        for (const ref of result.refs)
            lines.push(`| \`${ref}\` | \`${ref}@${result.digest}\` |`);
    }
    else {
        lines.push("No digest: the image was not pushed, so no registry holds it.", "");
        lines.push("| reference |", "| --- |");
        for (const ref of result.refs)
            lines.push(`| \`${ref}\` |`);
    }
    lines.push("");
    const builder = result.builder === "none" ? "none (skipped)" : result.builder;
    const platforms = result.platforms.length > 0 ? result.platforms.join(", ") : "the runner's";
    lines.push(`Builder: ${builder} · platforms: ${platforms} · duration: ${seconds(result.durationMs)}`, "");
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./src/actions/workflow.ts



const escapeData = (text) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
const commandValue = (value) => value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
function issue(command, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== "" && value !== 0)
        .map(([key, value]) => `${key}=${escapeProperty(commandValue(value))}`)
        .join(",");
    process.stdout.write(`::${command}${props ? ` ${props}` : ""}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
function annotation(command, message, properties = {}) {
    issue(command, message, {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn,
    });
}
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function getMultilineInput(name) {
    return getInput(name)
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
}
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    const text = commandValue(value);
    if (!file) {
        process.stdout.write(external_node_os_namespaceObject.EOL);
        issue("set-output", text, { name });
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    // A value holding the delimiter could end the block early and set outputs of its own choosing.
    if (name.includes(delimiter) || text.includes(delimiter))
        throw new Error("output value contains its delimiter");
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${text}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, "utf8");
}
function setSecret(secret) {
    issue("add-mask", secret);
}
const isDebug = () => process.env.RUNNER_DEBUG === "1";
function info(message) {
    process.stdout.write(`${message}${external_node_os_namespaceObject.EOL}`);
}
function debug(message) {
    issue("debug", message);
}
function notice(message, properties) {
    annotation("notice", message, properties);
}
function warning(message, properties) {
    annotation("warning", message, properties);
}
function error(message, properties) {
    annotation("error", message, properties);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Appends markdown to the job summary; false when the runner names no summary file. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    (0,external_node_fs_namespaceObject.appendFileSync)(file, markdown, "utf8");
    return true;
}

;// CONCATENATED MODULE: ./src/actions/runtime.ts



/**
 * The runner reads `::command::` at the start of any (trimmed) line and `##[command]` anywhere in a line. Text that
 * comes from a repository, an event or a registry could carry either, so such text is fenced with a one-time
 * stop-commands token the text cannot know.
 */
const COMMAND_LIKE = /::|##\[/;
/** Writes text to the log as plain text, never as workflow commands, however it was made. */
function logInfo(text) {
    if (!COMMAND_LIKE.test(text)) {
        info(text);
        return;
    }
    const token = (0,external_node_crypto_namespaceObject.randomUUID)();
    info(`::stop-commands::${token}`);
    info(text);
    info(`::${token}::`);
}
/** Logger for the core; info goes through the fence, while debug and warning escape their data themselves. */
const actionsLogger = {
    debug: (message) => debug(message),
    info: logInfo,
    warning: (message) => warning(message),
};
/**
 * Appends to the job summary when the runner provides one. The summary is a report of work already done, so failing
 * to write it warns and never fails the step (act and other runners have no summary file).
 */
async function writeSummary(markdown) {
    if (markdown === "")
        return;
    try {
        appendSummary(markdown);
    }
    catch (error) {
        warning(`could not write the job summary: ${error.message}`);
    }
}
function getString(name, fallback = "") {
    return getInput(name) || fallback;
}
/**
 * A newline- or comma-separated input as a list; blank entries and whole-line `#` comments are dropped. A `#` inside
 * an entry is kept: labels such as `priority #1` are values, not comments.
 */
function getList(name) {
    return getInput(name)
        .split(/\r?\n|,/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== "" && !entry.startsWith("#"));
}
function getBoolean(name, fallback) {
    const raw = getInput(name).trim().toLowerCase();
    if (raw === "")
        return fallback;
    if (["true", "yes", "1", "on"].includes(raw))
        return true;
    if (["false", "no", "0", "off"].includes(raw))
        return false;
    throw new UserError(`input '${name}' must be true or false, got ${JSON.stringify(raw)}`);
}
function getChoice(name, choices, fallback) {
    const raw = getInput(name).trim();
    if (raw === "")
        return fallback;
    if (choices.includes(raw))
        return raw;
    throw new UserError(`input '${name}' must be one of ${choices.join(", ")}, got ${JSON.stringify(raw)}`);
}
/** A secret input, masked in logs before anything else can print it. */
function getSecret(name) {
    const value = getInput(name);
    if (value)
        setSecret(value);
    return value;
}
/**
 * Runs an action body: user mistakes become one failed-step message; anything else also keeps its stack in the
 * debug log, where a maintainer can find it without alarming the user.
 */
async function runAction(body) {
    try {
        await body();
    }
    catch (error) {
        if (isUserError(error)) {
            setFailed(error.format());
            return;
        }
        const err = error;
        debug(err?.stack ?? String(error));
        setFailed(err?.message ?? String(error));
    }
}

;// CONCATENATED MODULE: ./src/actions/build-push.ts










function githubContext(env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            payload = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(env.GITHUB_EVENT_PATH, "utf8"));
        }
        catch (error) {
            throw new UserError(`cannot read the event payload: ${error.message}`, {
                file: env.GITHUB_EVENT_PATH,
                hint: "The runner writes this file; outside GitHub Actions point GITHUB_EVENT_PATH at a JSON event or unset it.",
            });
        }
    }
    return {
        eventName: env.GITHUB_EVENT_NAME ?? "",
        ref: env.GITHUB_REF ?? "",
        sha: env.GITHUB_SHA ?? "",
        repository: env.GITHUB_REPOSITORY ?? "",
        serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
        payload,
    };
}
/**
 * Both or neither. A fork's pull request gets no secrets, so a lone username there must not fail a build that does not
 * push anyway; when pushing it is a mistake to name.
 */
function loginCredentials(username, password, push) {
    if (username !== "" && password !== "")
        return { username, password };
    if (username === "" && password === "")
        return undefined;
    const missing = username === "" ? "username" : "password";
    if (!push) {
        warning(`input '${missing}' is empty, so the build runs without a registry login`);
        return undefined;
    }
    throw new UserError(`input '${missing}' is empty but '${missing === "username" ? "password" : "username"}' is set`, {
        hint: "Set both to log in. Secrets are empty in pull requests from forks and in repositories that lack them.",
    });
}
/** The action's body; the bundle's entry calls it, and so can `@github/local-action`. */
function build_push_run() {
    return runAction(async () => {
        const env = process.env;
        const password = getSecret("password");
        const username = getString("username");
        const context = githubContext(env);
        const push = getBoolean("push", !isPullRequest(context));
        const credentials = loginCredentials(username, password, push);
        const { ref: image, lowercased } = resolveImageName(getInput("image"));
        if (lowercased)
            notice(`image name lowercased to ${image.registry ? `${image.registry}/` : ""}${image.repository}: registries refuse uppercase repository names`);
        const metadata = computeMetadata(context, {
            latest: getBoolean("latest", false),
            extra: getList("tags"),
            labels: parseKeyValues(getInput("labels"), "labels"),
            created: createdTime(context, env.SOURCE_DATE_EPOCH, new Date()),
        });
        const result = await buildAndPush({
            image,
            metadata,
            context: getString("context", "."),
            file: getString("file") || undefined,
            builder: getChoice("builder", ["auto", ...BUILDERS], "auto"),
            platforms: getList("platforms"),
            buildArgs: parseKeyValues(getInput("build-args"), "build-args"),
            target: getString("target") || undefined,
            cacheFrom: getMultilineInput("cache-from"),
            cacheTo: getMultilineInput("cache-to"),
            push,
            skipExisting: getBoolean("skip-existing", true),
            insecure: getBoolean("insecure", false),
            credentials,
            authFiles: authFileCandidates(env),
            tempDir: env.RUNNER_TEMP || external_node_os_default().tmpdir(),
            pathVariable: env.PATH ?? "",
            // The builders get the job's environment but not the action's inputs: the password stays in this process.
            env: Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("INPUT_"))),
        }, actionsLogger);
        const pinned = result.digest ? `${result.image}@${result.digest}` : "";
        setOutput("image", result.image);
        setOutput("tag", result.tag);
        setOutput("tags", JSON.stringify(result.tags));
        setOutput("digest", result.digest);
        setOutput("image-ref", pinned);
        setOutput("image-tag-ref", result.digest ? `${result.image}:${result.tag}@${result.digest}` : "");
        setOutput("metadata", JSON.stringify({
            tags: result.tags,
            refs: result.refs,
            labels: result.labels,
            digest: result.digest,
            builder: result.builder,
            platforms: result.platforms,
        }));
        setOutput("skipped", String(result.skipped));
        if (pinned)
            logInfo(`pushed ${result.image}:${result.tag}@${result.digest}`);
        await writeSummary(summaryMarkdown(result));
    });
}


/***/ }),

/***/ 966:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _actions_build_push_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(644);

await (0,_actions_build_push_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(966);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
