export const id = 928;
export const ids = [928];
export const modules = {

/***/ 928:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildAndPush: () => (/* reexport */ buildAndPush),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(916);
// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __webpack_require__(243);
;// CONCATENATED MODULE: ./src/registry/copy.ts

/**
 * Copies the manifest `digest` (an image or an index with its images) from one repository to another, on the same
 * registry by mounting blobs, elsewhere by streaming them, and tags it. The bytes of every manifest are kept, so the
 * copy has the same digest: what a skipped build owes the other names in `tags`.
 */
async function copyImage(from, to, digest, tag) {
    const manifest = await from.registry.getManifest(from.repository, digest);
    if (!manifest || manifest.digest !== digest) {
        throw new errors/* UserError */.y(`cannot copy ${from.repository}@${digest}: the registry ${from.registry.host} does not serve it`);
    }
    const parsed = JSON.parse(manifest.body.toString("utf8"));
    for (const child of parsed.manifests ?? [])
        await copyImage(from, to, child.digest);
    const sameRegistry = from.registry.host === to.registry.host;
    for (const blob of [...(parsed.config ? [parsed.config] : []), ...(parsed.layers ?? [])]) {
        await to.registry.pushBlob(to.repository, blob.digest, async () => ({ body: await from.registry.blobStream(from.repository, blob.digest), size: blob.size }), sameRegistry ? from.repository : undefined);
    }
    await to.registry.putManifest(to.repository, tag ?? digest, manifest);
}

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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(598);
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
    const registry = (0,src_image/* normalizedRegistry */.x5)(ref);
    return registry === src_image/* DEFAULT_REGISTRY */.sx ? "registry-1.docker.io" : registry;
}
/** The repository path in API URLs (`library/nginx` for Docker Hub's official images). */
function apiRepository(ref) {
    return (0,src_image/* normalizedName */.j8)(ref).slice((0,src_image/* normalizedRegistry */.x5)(ref).length + 1);
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
            throw new errors/* UserError */.y(`${this.baseUrl} is not an OCI registry: GET /v2/ answered 404`, {
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
        return { body, mediaType, digest: `sha256:${(0,external_node_crypto_.createHash)("sha256").update(body).digest("hex")}` };
    }
    /**
     * Uploads a manifest under a tag or its own digest. Putting bytes the repository already holds under a new tag is
     * what tagging is: nothing new is stored and the digest cannot change. Returns the response headers, where a
     * registry with the referrers API says so (`OCI-Subject`).
     */
    async putManifest(repository, reference, manifest) {
        const path = `/v2/${repository}/manifests/${reference}`;
        const response = await this.send("PUT", path, `repository:${repository}:pull,push`, { "Content-Type": manifest.mediaType }, manifest.body);
        await response.body?.cancel();
        if (!response.ok)
            throw await this.failure(response, path);
        return response.headers;
    }
    /** Whether the repository holds a blob. */
    async hasBlob(repository, digest) {
        const path = `/v2/${repository}/blobs/${digest}`;
        const response = await this.send("HEAD", path, `repository:${repository}:pull`, {});
        if (response.status === 404)
            return false;
        if (!response.ok)
            throw await this.failure(response, path);
        return true;
    }
    /**
     * A blob's bytes as a stream, checked against its digest as they arrive: the stream fails rather than hand on bytes
     * the registry (or anything between) changed.
     */
    async blobStream(repository, digest) {
        const path = `/v2/${repository}/blobs/${digest}`;
        const response = await this.send("GET", path, `repository:${repository}:pull`, {});
        if (!response.ok || !response.body)
            throw await this.failure(response, path);
        const body = response.body;
        const host = this.host;
        return (async function* verified() {
            const hash = (0,external_node_crypto_.createHash)("sha256");
            for await (const chunk of body) {
                const buffer = Buffer.from(chunk);
                hash.update(buffer);
                yield buffer;
            }
            const actual = `sha256:${hash.digest("hex")}`;
            if (actual !== digest) {
                throw new errors/* UserError */.y(`registry ${host} served ${repository} blob ${digest} with other content (${actual})`, {
                    hint: "The registry or a proxy in between altered the data; re-run, and check the registry.",
                });
            }
        })();
    }
    /** A whole (small) blob, checked against its digest. */
    async getBlob(repository, digest) {
        const chunks = [];
        for await (const chunk of await this.blobStream(repository, digest))
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
    /**
     * Uploads a blob in one request (POST then PUT, as every registry takes it), unless the repository holds it already.
     * `from` names a repository of the same registry to mount it from instead of sending the bytes.
     */
    async pushBlob(repository, digest, content, from) {
        if (await this.hasBlob(repository, digest))
            return;
        const scope = from
            ? `repository:${repository}:pull,push repository:${from}:pull`
            : `repository:${repository}:pull,push`;
        const mount = from ? `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}` : "";
        const start = `/v2/${repository}/blobs/uploads/${mount}`;
        const started = await this.send("POST", start, scope, {});
        await started.body?.cancel();
        if (started.status === 201)
            return;
        if (started.status !== 202)
            throw await this.failure(started, start);
        const location = started.headers.get("location");
        if (!location)
            throw new errors/* UserError */.y(`registry ${this.host} started an upload without a Location`);
        const url = new URL(location, `${this.baseUrl}/`);
        if (url.origin !== this.baseUrl) {
            throw new errors/* UserError */.y(`registry ${this.host} sent the upload to another origin (${url.origin})`, {
                hint: "Uploads stay on the registry this client talks to; check the registry's configuration.",
            });
        }
        url.searchParams.set("digest", digest);
        const upload = Buffer.isBuffer(content) ? { body: content, size: content.length } : await content();
        const path = `${url.pathname}${url.search}`;
        const response = await this.send("PUT", path, scope, { "Content-Type": "application/octet-stream", "Content-Length": String(upload.size) }, upload.body);
        await response.body?.cancel();
        if (!response.ok)
            throw await this.failure(response, `${url.pathname}?digest=${digest}`);
    }
    /**
     * The referrers of a manifest by the OCI referrers API, or undefined when the registry does not have that API
     * (distribution 2.x answers 404 for the route).
     */
    async referrersApi(repository, digest) {
        const path = `/v2/${repository}/referrers/${digest}`;
        const response = await this.send("GET", path, `repository:${repository}:pull`, {
            Accept: "application/vnd.oci.image.index.v1+json",
        });
        const type = response.headers.get("content-type") ?? "";
        if (response.status !== 200 || !type.startsWith("application/vnd.oci.image.index.v1+json")) {
            await response.body?.cancel();
            return undefined;
        }
        const body = Buffer.from(await response.arrayBuffer());
        return { body, mediaType: type, digest: `sha256:${(0,external_node_crypto_.createHash)("sha256").update(body).digest("hex")}` };
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
                body: body,
                // A streamed upload body must be sent as it is read.
                ...(body !== undefined && !Buffer.isBuffer(body) ? { duplex: "half" } : {}),
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
        const url = this.tokenRealm(params.realm);
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
            throw new errors/* UserError */.y(`the token service of ${this.host} (${url.origin}${url.pathname}) answered ${response.status}`, { hint: "The registry may be down; try again, or check the registry host in the image name." });
        }
        const body = (await response.json().catch(() => ({})));
        const token = body.token ?? body.access_token;
        if (!token) {
            throw new errors/* UserError */.y(`the token service of ${this.host} answered without a token`, {
                hint: "Check that the registry host in the image name is right.",
            });
        }
        return `Bearer ${token}`;
    }
    /**
     * The token service a Bearer challenge names, checked before any credentials go there: the registry chooses the
     * realm, so a compromised or spoofed registry could otherwise collect the password in clear text. A realm on another
     * host must be https, and an https registry never hands off to plain http.
     */
    tokenRealm(realm) {
        const registry = new URL(this.baseUrl);
        const refuse = (why) => {
            throw new errors/* UserError */.y(`registry ${this.host} names the token service ${JSON.stringify(realm)}, which ${why}; no credentials were sent to it`, {
                hint: "The registry's WWW-Authenticate challenge is wrong or was tampered with. Check the registry host in the image name and the registry's token auth configuration.",
            });
        };
        let url;
        try {
            url = new URL(realm);
        }
        catch {
            return refuse("is not a URL");
        }
        if (url.protocol !== "https:" && url.protocol !== "http:")
            refuse("is neither https nor http");
        if (registry.protocol === "https:" && url.protocol !== "https:") {
            refuse(`would downgrade the https registry to plain ${url.protocol.slice(0, -1)}`);
        }
        if (url.hostname !== registry.hostname && url.protocol !== "https:") {
            refuse(`is on another host (${url.host}) over plain http`);
        }
        if (url.username || url.password)
            refuse("carries user information");
        return url;
    }
    async failure(response, path) {
        const detail = await errorDetail(response);
        if (response.status === 401 || response.status === 403)
            return this.refused(response.status, path, detail);
        return new errors/* UserError */.y(`registry ${this.host} answered ${response.status} ${response.statusText} to ${path}${detail}`, { hint: "Check the image name and that the registry is healthy." });
    }
    refused(status, where, detail = "") {
        if (!this.credentials) {
            return new errors/* UserError */.y(`registry ${this.host} requires authentication (${status} from ${where})${detail}`, {
                hint: "Set the 'username' and 'password' inputs (for GHCR: github.actor and secrets.GITHUB_TOKEN with permissions: packages: write).",
            });
        }
        return new errors/* UserError */.y(`registry ${this.host} refused the credentials of user ${JSON.stringify(this.credentials.username)} (${status} from ${where})${detail}`, {
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
        return new errors/* UserError */.y(`cannot reach registry ${this.host} at ${url}: ${reason}`, {
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

// EXTERNAL MODULE: ./src/registry/credentials.ts
var registry_credentials = __webpack_require__(653);
;// CONCATENATED MODULE: ./src/registry/index.ts




// EXTERNAL MODULE: ./src/builder/argv.ts
var argv = __webpack_require__(705);
;// CONCATENATED MODULE: ./src/registry/referrers.ts


const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
const OCI_INDEX = "application/vnd.oci.image.index.v1+json";
/** The empty JSON object `{}`, the config of an artifact that has none (OCI image spec 1.1). */
const EMPTY_CONFIG = {
    mediaType: "application/vnd.oci.empty.v1+json",
    digest: "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
    size: 2,
};
function sha256Digest(data) {
    return `sha256:${(0,external_node_crypto_.createHash)("sha256").update(data).digest("hex")}`;
}
/** The tag the OCI distribution spec's fallback keeps the referrers index under: `sha256-<hex>`. */
function referrersTag(digest) {
    const [algorithm, hex] = digest.split(":");
    if (!algorithm || !hex)
        throw new errors/* UserError */.y(`not a digest: ${JSON.stringify(digest)}`);
    return `${algorithm}-${hex}`.slice(0, 128);
}
/**
 * Pushes `artifact` as an OCI 1.1 artifact manifest whose `subject` is the image, then makes sure the registry can list
 * it: a registry with the referrers API says so with an `OCI-Subject` header on the push; for one without (as
 * distribution 2.x), the referrers index under the `sha256-<hex>` tag gets the new entry, keeping every entry it had.
 */
async function attachArtifact(registry, repository, subject, artifact) {
    await registry.pushBlob(repository, EMPTY_CONFIG.digest, Buffer.from("{}"));
    const layer = {
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
    if (headers.get("oci-subject") === subject.digest)
        return { digest, via: "referrers-api" };
    const entry = {
        mediaType: OCI_MANIFEST,
        digest,
        size: body.length,
        artifactType: artifact.artifactType,
        annotations: artifact.annotations,
    };
    await addToReferrersTag(registry, repository, subject.digest, entry);
    return { digest, via: "tag-schema" };
}
function parseIndex(manifest) {
    if (!manifest)
        return { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] };
    try {
        const parsed = JSON.parse(manifest.body.toString("utf8"));
        if (Array.isArray(parsed.manifests))
            return parsed;
    }
    catch {
        // handled below
    }
    throw new errors/* UserError */.y(`the referrers index of ${manifest.digest} in the registry is not an OCI image index`, {
        hint: "Something else uses the referrers tag; delete it or move it, and re-run.",
    });
}
/**
 * Adds one entry to the fallback referrers index. Another job may update the same index at the same time; the index is
 * re-read after the write, and the write repeated while an entry is missing, so neither job's entry is lost for long.
 */
async function addToReferrersTag(registry, repository, subject, entry) {
    const tag = referrersTag(subject);
    for (let attempt = 0; attempt < 5; attempt++) {
        const index = parseIndex(await registry.getManifest(repository, tag));
        if (index.manifests.some((existing) => existing.digest === entry.digest))
            return;
        index.manifests = [...index.manifests, entry];
        index.schemaVersion = 2;
        index.mediaType = OCI_INDEX;
        const body = Buffer.from(JSON.stringify(index));
        await registry.putManifest(repository, tag, { body, mediaType: OCI_INDEX, digest: sha256Digest(body) });
    }
    throw new errors/* UserError */.y(`the referrers index ${repository}:${tag} kept changing while this job added to it`, {
        hint: "Several jobs attach to the same image at once; re-run this one.",
    });
}
/** Every referrer of a manifest: by the referrers API when the registry has it, else from the fallback tag. */
async function listReferrers(registry, repository, subject) {
    const api = await registry.referrersApi(repository, subject);
    const index = parseIndex(api ?? (await registry.getManifest(repository, referrersTag(subject))));
    return index.manifests;
}
/** The document an artifact manifest carries (its one layer), or undefined when the manifest is not one. */
async function artifactContent(registry, repository, digest) {
    const manifest = await registry.getManifest(repository, digest);
    if (!manifest)
        return undefined;
    const parsed = JSON.parse(manifest.body.toString("utf8"));
    const layer = parsed.layers?.[0];
    return layer ? registry.getBlob(repository, layer.digest) : undefined;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(75);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/builder/tar.ts
const BLOCK = 512;
function tar_text(block, offset, length) {
    const field = block.subarray(offset, offset + length);
    const end = field.indexOf(0);
    return field.subarray(0, end < 0 ? field.length : end).toString("utf8");
}
/** Numeric fields are octal text, or base-256 with the high bit set (GNU, for sizes over 8 GiB). */
function number(block, offset, length) {
    const field = block.subarray(offset, offset + length);
    if (field[0] & 0x80) {
        let value = field[0] & 0x7f;
        for (let i = 1; i < field.length; i++)
            value = value * 256 + field[i];
        return value;
    }
    const digits = tar_text(block, offset, length).trim();
    return digits === "" ? 0 : Number.parseInt(digits, 8);
}
/** PAX extended header records: `<length> <key>=<value>\n`. */
function paxRecords(data) {
    const records = {};
    let offset = 0;
    while (offset < data.length) {
        const space = data.indexOf(0x20, offset);
        if (space < 0)
            break;
        const length = Number.parseInt(data.subarray(offset, space).toString("ascii"), 10);
        if (!Number.isFinite(length) || length <= 0)
            break;
        const record = data.subarray(space + 1, offset + length - 1).toString("utf8");
        const eq = record.indexOf("=");
        if (eq > 0)
            records[record.slice(0, eq)] = record.slice(eq + 1);
        offset += length;
    }
    return records;
}
function entryType(flag) {
    if (flag === "0" || flag === "" || flag === "7")
        return "file";
    if (flag === "5")
        return "dir";
    if (flag === "2")
        return "symlink";
    if (flag === "1")
        return "hardlink";
    return "other";
}
function normalizeTarPath(name) {
    return name.replace(/^(?:\.\/|\/)+/, "").replace(/\/+$/, "");
}
/**
 * Reads a tar stream (ustar, PAX and GNU long names, as image layers are written) entry by entry, keeping the content
 * only of the entries `want` picks, and only up to `maxSize` bytes each; everything else is skipped as it streams by.
 */
async function* readTar(source, want, maxSize = 64 * 1024 * 1024) {
    let buffer = Buffer.alloc(0);
    const iterator = source[Symbol.asyncIterator]();
    let done = false;
    /** Ensures `count` bytes are buffered; false at the end of the stream. */
    const fill = async (count) => {
        const parts = [buffer];
        let have = buffer.length;
        while (have < count && !done) {
            const next = await iterator.next();
            if (next.done)
                done = true;
            else {
                parts.push(next.value);
                have += next.value.length;
            }
        }
        buffer = parts.length === 1 ? buffer : Buffer.concat(parts);
        return buffer.length >= count;
    };
    /** Consumes `count` bytes, returning them when `keep`. */
    const take = async (count, keep) => {
        if (keep) {
            if (!(await fill(count)))
                throw new Error("tar stream ends inside an entry");
            const data = Buffer.from(buffer.subarray(0, count));
            buffer = buffer.subarray(count);
            return data;
        }
        let left = count;
        while (left > 0) {
            if (buffer.length === 0 && !(await fill(1)))
                throw new Error("tar stream ends inside an entry");
            const step = Math.min(left, buffer.length);
            buffer = buffer.subarray(step);
            left -= step;
        }
        return undefined;
    };
    const padding = (size) => (BLOCK - (size % BLOCK)) % BLOCK;
    let pax = {};
    let longName;
    let longLink;
    while (await fill(BLOCK)) {
        const header = buffer.subarray(0, BLOCK);
        if (header.every((byte) => byte === 0))
            break;
        buffer = buffer.subarray(BLOCK);
        const flag = String.fromCharCode(header[156]).replace("\0", "");
        let size = number(header, 124, 12);
        if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
            const data = (await take(size, true));
            await take(padding(size), false);
            if (flag === "x")
                pax = paxRecords(data);
            else if (flag === "L")
                longName = tar_text(data, 0, data.length);
            else if (flag === "K")
                longLink = tar_text(data, 0, data.length);
            continue;
        }
        const prefix = header.subarray(257, 263).toString("ascii").startsWith("ustar")
            ? tar_text(header, 345, 155)
            : "";
        const name = pax.path ?? longName ?? (prefix ? `${prefix}/${tar_text(header, 0, 100)}` : tar_text(header, 0, 100));
        const linkname = pax.linkpath ?? longLink ?? tar_text(header, 157, 100);
        if (pax.size !== undefined)
            size = Number(pax.size);
        pax = {};
        longName = undefined;
        longLink = undefined;
        const type = entryType(flag);
        const path = normalizeTarPath(name);
        const keep = type === "file" && size <= maxSize && want(path);
        const content = await take(size, keep);
        await take(padding(size), false);
        yield { path, type, size, linkname, content };
    }
}

;// CONCATENATED MODULE: ./src/builder/image-files.ts





const INDEX_TYPES = new Set([OCI_INDEX, "application/vnd.docker.distribution.manifest.list.v2+json"]);
function decompress(mediaType, source) {
    const stream = external_node_stream_.Readable.from(source);
    if (/gzip$/.test(mediaType))
        return stream.pipe(external_node_zlib_default().createGunzip());
    if (/zstd$/.test(mediaType)) {
        const create = (external_node_zlib_default()).createZstdDecompress;
        if (!create) {
            throw new errors/* UserError */.y(`a layer is zstd-compressed (${mediaType}) and this Node.js cannot read zstd`, {
                hint: "Run the action on node24, or set 'sbom: false'.",
            });
        }
        return stream.pipe(create());
    }
    return stream;
}
/**
 * The files an image's filesystem ends up with, read layer by layer from the registry: later layers replace earlier
 * files, and whiteouts (`.wh.<name>`, `.wh..wh..opq`) delete what the layers below had.
 */
async function filesOf(registry, repository, layers, want) {
    const files = new Map();
    for (const layer of layers) {
        const added = new Map();
        const deleted = [];
        const opaque = [];
        const source = decompress(layer.mediaType, await registry.blobStream(repository, layer.digest));
        for await (const entry of readTar(source, (path) => want(path))) {
            const slash = entry.path.lastIndexOf("/");
            const dir = slash < 0 ? "" : entry.path.slice(0, slash);
            const base = entry.path.slice(slash + 1);
            if (base === ".wh..wh..opq")
                opaque.push(dir);
            else if (base.startsWith(".wh."))
                deleted.push(dir ? `${dir}/${base.slice(4)}` : base.slice(4));
            else if (entry.content)
                added.set(entry.path, entry.content);
            else
                files.delete(entry.path);
        }
        for (const path of [...files.keys()]) {
            const gone = deleted.some((target) => path === target || path.startsWith(`${target}/`)) ||
                opaque.some((dir) => dir === "" || path.startsWith(`${dir}/`));
            if (gone)
                files.delete(path);
        }
        for (const [path, content] of added)
            files.set(path, content);
    }
    return files;
}
function platformText(platform) {
    if (!platform?.os || !platform.architecture)
        return "";
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}
/** The picked files of every platform image behind `digest` (one for an image manifest, one per entry of an index). */
async function imageFiles(registry, repository, digest, want) {
    const manifest = await registry.getManifest(repository, digest);
    if (!manifest)
        throw new errors/* UserError */.y(`the registry has no manifest ${repository}@${digest}`);
    const parsed = JSON.parse(manifest.body.toString("utf8"));
    if (INDEX_TYPES.has(parsed.mediaType ?? manifest.mediaType) || parsed.manifests) {
        const images = (parsed.manifests ?? []).filter((entry) => platformText(entry.platform) !== "unknown/unknown");
        const result = [];
        for (const entry of images) {
            const [files] = await imageFiles(registry, repository, entry.digest, want);
            if (files)
                result.push({ ...files, platform: platformText(entry.platform) || files.platform });
        }
        return result;
    }
    let platform = "";
    if (parsed.config) {
        const config = JSON.parse((await registry.getBlob(repository, parsed.config.digest)).toString("utf8"));
        platform = platformText(config);
    }
    return [{ platform, digest, files: await filesOf(registry, repository, parsed.layers ?? [], want) }];
}

;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test, so bundles need not read package.json at run time. */
const VERSION = "0.1.0";

;// CONCATENATED MODULE: ./src/builder/provenance.ts

/** The URI that says how to read this statement's externalParameters; docs/build-push.md describes it. */
const BUILD_TYPE = "https://github.com/gitops-pipeline/gitops-pipeline/blob/v1/docs/build-push.md#build-type-v1";
function workflowParts(workflowRef) {
    const match = /^([^/]+\/[^/]+)\/(.+)@(.+)$/.exec(workflowRef);
    return match ? { repository: match[1], path: match[2], ref: match[3] } : undefined;
}
/**
 * An in-toto Statement v1 with an SLSA provenance v1 predicate about the pushed image: which workflow built it from
 * which commit, with which parameters, in which run. Unsigned: signing is what GitHub's attestation action adds on the
 * `digest` output (see the example workflow).
 */
function provenanceStatement(run, build) {
    const server = run.serverUrl.replace(/\/+$/, "");
    const workflow = workflowParts(run.workflowRef);
    const hex = build.digest.replace(/^sha256:/, "");
    const runUrl = run.runId
        ? `${server}/${run.repository}/actions/runs/${run.runId}${run.runAttempt ? `/attempts/${run.runAttempt}` : ""}`
        : undefined;
    return {
        _type: "https://in-toto.io/Statement/v1",
        subject: [{ name: build.name, digest: { sha256: hex } }],
        predicateType: "https://slsa.dev/provenance/v1",
        predicate: {
            buildDefinition: {
                buildType: BUILD_TYPE,
                externalParameters: {
                    workflow: workflow
                        ? { ref: workflow.ref, repository: `${server}/${workflow.repository}`, path: workflow.path }
                        : undefined,
                    event: { name: run.eventName, ref: run.ref },
                    build: build.parameters,
                },
                internalParameters: {
                    github: {
                        event_name: run.eventName,
                        repository_id: run.repositoryId || undefined,
                        repository_owner_id: run.repositoryOwnerId || undefined,
                        runner_environment: run.runnerEnvironment || undefined,
                    },
                    builder: build.builder,
                },
                resolvedDependencies: [
                    {
                        uri: `git+${server}/${run.repository}${run.ref ? `@${run.ref}` : ""}`,
                        digest: { gitCommit: run.revision },
                    },
                ],
            },
            runDetails: {
                builder: {
                    id: workflow ? `${server}/${run.workflowRef}` : `${server}/${run.repository}`,
                    version: { "gitops-pipeline/build-push": VERSION },
                },
                metadata: {
                    ...(runUrl ? { invocationId: runUrl } : {}),
                    startedOn: build.startedOn.toISOString(),
                    finishedOn: build.finishedOn.toISOString(),
                },
            },
        },
    };
}

;// CONCATENATED MODULE: ./src/builder/sbom.ts


const DPKG_STATUS = "var/lib/dpkg/status";
/** Distroless images keep one status file per package here. */
const DPKG_STATUS_DIR = /^var\/lib\/dpkg\/status\.d\/[^/]+$/;
const APK_INSTALLED = "lib/apk/db/installed";
const OS_RELEASE = new Set(["etc/os-release", "usr/lib/os-release"]);
/** `…/node_modules/<name>/package.json` and `…/node_modules/@scope/<name>/package.json`, nothing deeper. */
const NPM_PACKAGE = /(?:^|\/)node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/;
/** Installed Python distributions: `…/site-packages/<dist>.dist-info/METADATA` (also dist-packages, egg-info). */
const PYTHON_METADATA = /(?:^|\/)(?:site|dist)-packages\/[^/]+\.(?:dist-info\/METADATA|egg-info\/PKG-INFO)$/;
/** The files of an image's filesystem that say which packages it holds. */
function isPackageDatabase(path) {
    return (path === DPKG_STATUS ||
        DPKG_STATUS_DIR.test(path) ||
        path === APK_INSTALLED ||
        OS_RELEASE.has(path) ||
        NPM_PACKAGE.test(path) ||
        PYTHON_METADATA.test(path));
}
/** RFC 822-style stanzas (dpkg status, Python METADATA headers): `Field: value`, continuation lines indented. */
function stanzas(text) {
    const result = [];
    let current = {};
    let last = "";
    for (const line of text.split(/\r?\n/)) {
        if (line.trim() === "") {
            if (Object.keys(current).length > 0)
                result.push(current);
            current = {};
            last = "";
        }
        else if (/^[ \t]/.test(line)) {
            if (last)
                current[last] += `\n${line.trim()}`;
        }
        else {
            const colon = line.indexOf(":");
            if (colon <= 0)
                continue;
            last = line.slice(0, colon).trim();
            current[last] = line.slice(colon + 1).trim();
        }
    }
    if (Object.keys(current).length > 0)
        result.push(current);
    return result;
}
function parseOsRelease(text) {
    const fields = {};
    for (const line of text.split(/\r?\n/)) {
        const match = /^([A-Z_]+)=(.*)$/.exec(line.trim());
        if (match)
            fields[match[1]] = match[2].replace(/^(["'])(.*)\1$/, "$2");
    }
    return fields.ID ? { id: fields.ID, versionId: fields.VERSION_ID ?? "" } : undefined;
}
function parseDpkgStatus(text, foundIn, platform) {
    return stanzas(text).flatMap((stanza) => {
        const status = stanza.Status;
        // status.d files have no Status field; in the status file only installed packages count.
        if (status !== undefined && !/\binstalled$/.test(status))
            return [];
        if (!stanza.Package || !stanza.Version)
            return [];
        const source = stanza.Source?.replace(/\s*\(.*\)$/, "");
        return [
            {
                ecosystem: "deb",
                name: stanza.Package,
                version: stanza.Version,
                arch: stanza.Architecture,
                source: source && source !== stanza.Package ? source : undefined,
                foundIn,
                platform,
            },
        ];
    });
}
/** apk's installed database: one stanza per package, one-letter keys (`P` name, `V` version, `A` arch, `L` license, `o` origin). */
function parseApkInstalled(text, foundIn, platform) {
    const packages = [];
    for (const block of text.split(/\r?\n\r?\n/)) {
        const fields = {};
        for (const line of block.split(/\r?\n/)) {
            if (line[1] === ":" && fields[line[0]] === undefined)
                fields[line[0]] = line.slice(2);
        }
        if (!fields.P || !fields.V)
            continue;
        packages.push({
            ecosystem: "apk",
            name: fields.P,
            version: fields.V,
            arch: fields.A,
            license: fields.L,
            source: fields.o && fields.o !== fields.P ? fields.o : undefined,
            foundIn,
            platform,
        });
    }
    return packages;
}
function parseNpmPackage(text, foundIn, platform) {
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed.name !== "string" || typeof parsed.version !== "string")
            return [];
        const license = typeof parsed.license === "string" ? parsed.license : undefined;
        return [{ ecosystem: "npm", name: parsed.name, version: parsed.version, license, foundIn, platform }];
    }
    catch {
        return [];
    }
}
function parsePythonMetadata(text, foundIn, platform) {
    // Only the header part; the body after the first blank line is the long description.
    const [headers] = stanzas(text.split(/\r?\n\r?\n/)[0] ?? "");
    if (!headers?.Name || !headers.Version)
        return [];
    return [
        {
            ecosystem: "pypi",
            name: headers.Name,
            version: headers.Version,
            license: headers["License-Expression"] ?? undefined,
            foundIn,
            platform,
        },
    ];
}
/** Every package the package databases among `files` record. */
function packagesIn(files, platform) {
    const packages = [];
    let distro;
    for (const name of ["etc/os-release", "usr/lib/os-release"]) {
        const content = files.get(name);
        if (content && !distro)
            distro = parseOsRelease(content.toString("utf8"));
    }
    for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const text = content.toString("utf8");
        const foundIn = `/${path}`;
        if (path === DPKG_STATUS || (DPKG_STATUS_DIR.test(path) && !path.endsWith(".md5sums"))) {
            packages.push(...parseDpkgStatus(text, foundIn, platform));
        }
        else if (path === APK_INSTALLED)
            packages.push(...parseApkInstalled(text, foundIn, platform));
        else if (NPM_PACKAGE.test(path))
            packages.push(...parseNpmPackage(text, foundIn, platform));
        else if (PYTHON_METADATA.test(path))
            packages.push(...parsePythonMetadata(text, foundIn, platform));
    }
    return { packages, distro };
}
function purlEncode(value) {
    return encodeURIComponent(value).replace(/%2F/g, "/");
}
/** The package URL (purl spec) of a found package. */
function purl(pkg, distro) {
    const qualifiers = [];
    if (pkg.arch)
        qualifiers.push(`arch=${encodeURIComponent(pkg.arch)}`);
    if ((pkg.ecosystem === "deb" || pkg.ecosystem === "apk") && distro) {
        qualifiers.push(`distro=${encodeURIComponent(`${distro.id}-${distro.versionId}`)}`);
    }
    const query = qualifiers.length > 0 ? `?${qualifiers.sort().join("&")}` : "";
    const version = `@${encodeURIComponent(pkg.version)}`;
    switch (pkg.ecosystem) {
        case "deb":
            return `pkg:deb/${encodeURIComponent(distro?.id ?? "debian")}/${encodeURIComponent(pkg.name)}${version}${query}`;
        case "apk":
            return `pkg:apk/${encodeURIComponent(distro?.id ?? "alpine")}/${encodeURIComponent(pkg.name)}${version}${query}`;
        case "npm": {
            const scoped = pkg.name.startsWith("@") ? pkg.name.replace("@", "%40") : purlEncode(pkg.name);
            return `pkg:npm/${scoped}${version}`;
        }
        case "pypi":
            return `pkg:pypi/${encodeURIComponent(pkg.name.toLowerCase().replace(/[-_.]+/g, "-"))}${version}`;
    }
}
/** A license field that is one SPDX identifier, or NOASSERTION: a free-text field would make the document invalid. */
function spdxLicense(license) {
    return license && /^[A-Za-z0-9.+-]+$/.test(license) ? license : "NOASSERTION";
}
/**
 * An SPDX 2.3 JSON document of an image: the image as the described package, every package found in it as a package
 * the image CONTAINS, each with its purl. Built only from the image's bytes and the build time, so rebuilding the same
 * image gives the same document.
 */
function spdxDocument(subject, found) {
    const hex = subject.digest.replace(/^sha256:/, "");
    const packages = [];
    const relationships = [];
    const imageId = "SPDXRef-Image";
    const repositoryUrl = subject.name;
    const lastSlash = subject.name.lastIndexOf("/");
    packages.push({
        SPDXID: imageId,
        name: subject.name,
        versionInfo: subject.digest,
        downloadLocation: "NOASSERTION",
        filesAnalyzed: false,
        licenseConcluded: "NOASSERTION",
        licenseDeclared: "NOASSERTION",
        copyrightText: "NOASSERTION",
        primaryPackagePurpose: "CONTAINER",
        checksums: [{ algorithm: "SHA256", checksumValue: hex }],
        externalRefs: [
            {
                referenceCategory: "PACKAGE-MANAGER",
                referenceType: "purl",
                referenceLocator: `pkg:oci/${encodeURIComponent(subject.name.slice(lastSlash + 1))}@${encodeURIComponent(subject.digest)}?repository_url=${encodeURIComponent(repositoryUrl)}`,
            },
        ],
    });
    relationships.push({
        spdxElementId: "SPDXRef-DOCUMENT",
        relationshipType: "DESCRIBES",
        relatedSpdxElement: imageId,
    });
    const seen = new Set();
    for (const { packages: list, distro } of found) {
        for (const pkg of list) {
            const locator = purl(pkg, distro);
            // The same package in several platforms' images differs by arch in its purl; an exact repeat is listed once.
            if (seen.has(locator))
                continue;
            seen.add(locator);
            const id = `SPDXRef-Package-${(0,external_node_crypto_.createHash)("sha256").update(locator).digest("hex").slice(0, 16)}`;
            packages.push({
                SPDXID: id,
                name: pkg.name,
                versionInfo: pkg.version,
                downloadLocation: "NOASSERTION",
                filesAnalyzed: false,
                licenseConcluded: "NOASSERTION",
                licenseDeclared: spdxLicense(pkg.license),
                copyrightText: "NOASSERTION",
                primaryPackagePurpose: pkg.ecosystem === "deb" || pkg.ecosystem === "apk" ? "OPERATING-SYSTEM" : "LIBRARY",
                ...(pkg.source ? { sourceInfo: `built from source package ${pkg.source}` } : {}),
                comment: `found in ${pkg.foundIn} (${pkg.platform || "image"})`,
                externalRefs: [
                    { referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: locator },
                ],
            });
            relationships.push({ spdxElementId: imageId, relationshipType: "CONTAINS", relatedSpdxElement: id });
        }
    }
    return {
        spdxVersion: "SPDX-2.3",
        dataLicense: "CC0-1.0",
        SPDXID: "SPDXRef-DOCUMENT",
        name: `${subject.name}@${subject.digest}`,
        documentNamespace: `urn:uuid:${uuidFrom(`${subject.name}@${subject.digest}`)}`,
        creationInfo: {
            created: new Date(subject.created * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
            creators: [`Tool: gitops-pipeline-build-push-${VERSION}`],
            comment: "Packages read from the image's package databases: dpkg, apk, npm (node_modules), Python (site-packages).",
        },
        packages,
        relationships,
    };
}
/** A name-based UUID (version 5 layout over SHA-256 bits), so the namespace is unique per image and stable per rebuild. */
function uuidFrom(text) {
    const bytes = (0,external_node_crypto_.createHash)("sha256").update(text).digest().subarray(0, 16);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

;// CONCATENATED MODULE: ./src/builder/attest.ts







const SBOM_TYPE = "application/spdx+json";
const PROVENANCE_TYPE = "application/vnd.in-toto+json";
const SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
function noAttestations(reused = false) {
    return { sbomPath: "", provenancePath: "", sbomDigest: "", provenanceDigest: "", reused };
}
async function subjectOf(registry, repository, name, digest) {
    const manifest = await registry.getManifest(repository, digest);
    if (!manifest)
        throw new errors/* UserError */.y(`the registry has no manifest ${name}@${digest} to attach to`);
    return {
        name,
        repository,
        descriptor: { mediaType: manifest.mediaType, digest, size: manifest.body.length },
    };
}
async function writeDocument(dir, name, content) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const file = external_node_path_default().join(dir, name);
    await (0,promises_.writeFile)(file, content);
    return file;
}
/** Attaches a document; a registry that refuses artifacts costs a warning, not the pushed image. */
async function attach(registry, subject, artifact, what, logger) {
    try {
        const attached = await attachArtifact(registry, subject.repository, subject.descriptor, artifact);
        logger.info(`attached the ${what} to ${subject.name}@${subject.descriptor.digest} as ${attached.digest} (${attached.via === "referrers-api" ? "referrers API" : "referrers tag"})`);
        return attached;
    }
    catch (error) {
        if (!(0,errors/* isUserError */.i)(error))
            throw error;
        logger.warning(`the ${what} was written to a file but not attached in the registry: ${error.message}`);
        return { digest: "" };
    }
}
async function makeSbom(registry, subject, created) {
    const platforms = await imageFiles(registry, subject.repository, subject.descriptor.digest, isPackageDatabase);
    const found = platforms.map((image) => packagesIn(image.files, image.platform));
    const document = spdxDocument({ name: subject.name, digest: subject.descriptor.digest, created }, found);
    const packages = found.reduce((sum, entry) => sum + entry.packages.length, 0);
    return { content: Buffer.from(`${JSON.stringify(document, null, 2)}\n`), packages };
}
function sbomArtifact(content, created) {
    return {
        artifactType: SBOM_TYPE,
        mediaType: SBOM_TYPE,
        content,
        annotations: { "org.opencontainers.image.created": new Date(created * 1000).toISOString() },
    };
}
/** Makes the SBOM of the subject, writes it and attaches it, recording all of it in `result`. */
async function freshSbom(registry, subject, options, logger, result) {
    const sbom = await makeSbom(registry, subject, options.created);
    result.packages = sbom.packages;
    result.sbomPath = await writeDocument(options.outputDir, "sbom.spdx.json", sbom.content);
    const attached = await attach(registry, subject, sbomArtifact(sbom.content, options.created), "SBOM", logger);
    result.sbomDigest = attached.digest;
    result.via = attached.via ?? result.via;
}
/**
 * The SBOM (SPDX 2.3, read from the pushed image's package databases) and the SLSA provenance statement of a pushed
 * image: written as files for the workflow, and attached to the image in the registry as OCI referrers.
 */
async function attest(registry, repository, name, digest, options, logger) {
    const result = noAttestations(false);
    if (!options.sbom && !options.provenance)
        return result;
    const subject = await subjectOf(registry, repository, name, digest);
    if (options.sbom)
        await freshSbom(registry, subject, options, logger, result);
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
        const attached = await attach(registry, subject, {
            artifactType: PROVENANCE_TYPE,
            mediaType: PROVENANCE_TYPE,
            content,
            annotations: {
                "in-toto.io/predicate-type": SLSA_PROVENANCE_V1,
                "org.opencontainers.image.created": finishedOn.toISOString(),
            },
        }, "provenance", logger);
        result.provenanceDigest = attached.digest;
        result.via = attached.via ?? result.via;
    }
    return result;
}
/**
 * A skipped build's documents: the ones the run that built the image attached, downloaded to files. A missing SBOM is
 * made now (it describes the image, whoever built it); a missing provenance is not, because this run built nothing.
 */
async function reuseAttestations(registry, repository, name, digest, options, logger) {
    const result = noAttestations(true);
    if (!options.sbom && !options.provenance)
        return result;
    const referrers = await listReferrers(registry, repository, digest);
    // The latest entry of each type wins: a rebuild of the same digest appends.
    const latest = (type) => referrers.filter((entry) => entry.artifactType === type).at(-1);
    const sbom = options.sbom ? latest(SBOM_TYPE) : undefined;
    if (sbom) {
        const content = await artifactContent(registry, repository, sbom.digest);
        if (content) {
            result.sbomPath = await writeDocument(options.outputDir, "sbom.spdx.json", content);
            result.sbomDigest = sbom.digest;
        }
    }
    else if (options.sbom) {
        await freshSbom(registry, await subjectOf(registry, repository, name, digest), options, logger, result);
    }
    const provenance = options.provenance
        ? referrers
            .filter((entry) => entry.artifactType === PROVENANCE_TYPE &&
            entry.annotations?.["in-toto.io/predicate-type"] === SLSA_PROVENANCE_V1)
            .at(-1)
        : undefined;
    if (provenance) {
        const content = await artifactContent(registry, repository, provenance.digest);
        if (content) {
            result.provenancePath = await writeDocument(options.outputDir, "provenance.intoto.json", content);
            result.provenanceDigest = provenance.digest;
        }
    }
    else if (options.provenance) {
        logger.info(`${name}@${digest} has no provenance attached, and this run built nothing to attest`);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/builder/docker-config.ts


/** What docker keeps beside config.json that a build needs: the buildx builders, plugins and contexts. */
const SHARED_DIRS = ["buildx", "cli-plugins", "contexts"];
/** The user's docker config directory, as the docker CLI finds it. */
function userDockerConfig(env) {
    if (env.DOCKER_CONFIG)
        return env.DOCKER_CONFIG;
    return env.HOME ? external_node_path_default().join(env.HOME, ".docker") : undefined;
}
/**
 * Prepares a DOCKER_CONFIG of the step's own, so `docker login` writes the password into a directory the step deletes
 * when it ends, never into the user's config or a credential store that outlives the job. The builders, plugins and
 * contexts of the user's config stay visible (linked); logins to other registries kept in its config.json are copied,
 * except for the one this step logs in to. A credential store (`credsStore`, `credHelpers`) is left out: docker would
 * put the new login there.
 */
async function prepareStepDockerConfig(dir, userConfig, registry) {
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    const config = {};
    if (userConfig) {
        const content = await (0,promises_.readFile)(external_node_path_default().join(userConfig, "config.json"), "utf8").catch(() => undefined);
        try {
            Object.assign(config, content ? JSON.parse(content) : {});
        }
        catch {
            // An unreadable config has nothing this step can use.
        }
        for (const name of SHARED_DIRS) {
            const source = external_node_path_default().join(userConfig, name);
            if ((await (0,promises_.stat)(source).catch(() => undefined))?.isDirectory())
                await (0,promises_.symlink)(source, external_node_path_default().join(dir, name));
        }
    }
    delete config.credsStore;
    delete config.credHelpers;
    const auths = { ...(config.auths ?? {}) };
    for (const key of Object.keys(auths)) {
        if (key.replace(/^https?:\/\//, "").replace(/\/.*$/, "") === registry)
            delete auths[key];
    }
    config.auths = auths;
    await (0,promises_.writeFile)(external_node_path_default().join(dir, "config.json"), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

// EXTERNAL MODULE: ./src/builder/metadata.ts
var builder_metadata = __webpack_require__(770);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(421);
;// CONCATENATED MODULE: ./src/logger.ts
const silentLogger = { debug() { }, info() { }, warning() { } };

;// CONCATENATED MODULE: ./src/builder/process.ts






const TAIL_LINES = 20;
/**
 * Runs one invocation with an argv array (never a shell), streaming its output to the log line by line and keeping
 * the last lines of stderr for the error message.
 */
function run(invocation, logger, env) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(invocation.command, invocation.args, {
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
                reject(new errors/* UserError */.y(`${invocation.command} is not installed or not on PATH`, {
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
        throw new errors/* UserError */.y(`${what} failed (exit code ${result.code})${said}`, {
            hint: "The lines above are the builder's own; the full output is in the step log.",
        });
    }
}
async function onPath(command, pathVariable) {
    for (const dir of pathVariable.split((external_node_path_default()).delimiter)) {
        if (!dir)
            continue;
        try {
            await (0,promises_.access)(external_node_path_default().join(dir, command), promises_.constants.X_OK);
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
    for (const builder of argv/* BUILDERS */.rV) {
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
    throw new errors/* UserError */.y("no image builder found: none of docker buildx, buildah or podman is on PATH", {
        hint: "GitHub's ubuntu runners ship docker buildx, buildah and podman; on a self-hosted runner install one, or set 'builder'.",
    });
}

// EXTERNAL MODULE: ./src/builder/secrets.ts
var secrets = __webpack_require__(566);
;// CONCATENATED MODULE: ./src/builder/build-push.ts













function isRemoteContext(context) {
    return /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i.test(context);
}
/** Fails before any builder runs when the context or Dockerfile is not there, naming the path that is missing. */
async function checkSources(context, file) {
    if (isRemoteContext(context))
        return;
    const contextStat = await (0,promises_.stat)(context).catch(() => undefined);
    if (!contextStat?.isDirectory()) {
        throw new errors/* UserError */.y(`input 'context': ${JSON.stringify(context)} is not a directory`, {
            file: context,
            hint: "Check out the repository first (actions/checkout) and give a path relative to the workspace.",
        });
    }
    const dockerfile = file ?? external_node_path_default().join(context, "Dockerfile");
    const fileStat = await (0,promises_.stat)(dockerfile).catch(() => undefined);
    if (!fileStat?.isFile()) {
        throw new errors/* UserError */.y(`Dockerfile not found: ${dockerfile}`, {
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
 * against what the builder reported at every name, so the next step pins something the registry really serves.
 */
async function buildAndPush(options, logger) {
    const started = new Date();
    const { image, metadata } = options;
    const ownRefs = (0,builder_metadata/* taggedRefs */.Lk)(image, metadata.tags);
    const refs = [...ownRefs, ...options.otherRefs];
    const primaryRef = ownRefs[0];
    const result = (digest, builder, extra = {}) => ({
        image: (0,src_image/* imageName */.tO)(image),
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
    const others = options.otherRefs.map((ref) => ({ ref, image: (0,src_image/* parseImageRef */.Q)(ref) }));
    // Asking the registry before building turns a wrong password into a 2-second failure, not a post-build one.
    if (registry && options.credentials)
        await registry.ping();
    const attestOptions = (builder, digest) => ({
        ...options.attestations,
        outputDir: external_node_path_default().join(options.tempDir, "gitops-build", "attestations", digest.replace(/^sha256:/, "").slice(0, 16)),
        parameters: buildParameters(options, refs),
        builder,
        startedOn: started,
        created: metadata.created,
    });
    if (registry && options.skipExisting) {
        const existing = await registry.manifestDigest(repository, metadata.primary);
        if (existing) {
            logger.info(`${primaryRef} already exists (${existing}); skipping the build`);
            const added = await addMissingTags(registry, repository, existing, metadata.tags.slice(1), primaryRef, logger);
            for (const other of others) {
                if (await copyToOtherName(registries, { registry, repository }, other, existing, primaryRef)) {
                    added.push(other.ref);
                }
            }
            const attestations = await reuseAttestations(registry, repository, (0,src_image/* imageName */.tO)(image), existing, attestOptions("none", existing), logger);
            return result(existing, "none", {
                skipped: true,
                tagsAdded: added,
                imageId: await imageIdOf(registry, repository, existing),
                attestations,
            });
        }
    }
    const builder = options.builder === "auto" ? await detectBuilder(options.pathVariable, logger) : options.builder;
    checkBuilderInputs(builder, options, logger);
    logger.info(`building ${primaryRef} with ${builder}`);
    const stateDir = external_node_path_default().join(options.tempDir, "gitops-build");
    await (0,promises_.mkdir)(stateDir, { recursive: true });
    const runDir = await (0,promises_.mkdtemp)(external_node_path_default().join(stateDir, "run-"));
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
    const exec = (what, invocation) => runChecked(what, invocation, logger, env);
    try {
        // Secret values exist only as 0600 files in the run directory, removed below whatever happens.
        request.secrets = await (0,secrets/* materializeSecrets */.f2)(options.secrets, external_node_path_default().join(runDir, "secrets"));
        if (login && builder === "buildx") {
            // docker login writes to DOCKER_CONFIG; this one lives in the run directory and goes with it.
            const dockerConfig = external_node_path_default().join(runDir, "docker");
            await prepareStepDockerConfig(dockerConfig, userDockerConfig(options.env), registryHost);
            env = { ...options.env, DOCKER_CONFIG: dockerConfig };
        }
        if (login) {
            // Pushes to the other names need their logins in the same auth file the builder is pointed at.
            if (builder !== "buildx")
                await seedAuthFile(files.authfile, others.map((other) => other.image), options.authFiles);
            const { username, password } = options.credentials;
            await exec(`${builder} login to ${registryHost}`, (0,argv/* loginInvocation */.e6)(builder, registryHost, username, password, files, request.insecure));
        }
        const reported = await buildAndReport(builder, request, files, login, exec);
        if (!options.push) {
            const imageId = await (0,promises_.readFile)(files.iidfile, "utf8").then((text) => text.trim(), () => "");
            return result("", builder, { imageId });
        }
        // Extra tags cost one manifest PUT each instead of another builder push that re-checks every layer.
        if (builder !== "buildx") {
            const sameRepository = ownRefs.slice(1);
            if (sameRepository.length > 0 &&
                !(await tagInRegistry(registry, repository, reported, metadata.tags.slice(1), logger))) {
                for (const ref of sameRepository) {
                    await exec(`${builder} push ${ref}`, (0,argv/* daemonlessPush */.It)(builder, request, files, ref, { authfile: login }));
                }
            }
            for (const { ref } of others) {
                await exec(`${builder} push ${ref}`, (0,argv/* daemonlessPush */.It)(builder, request, files, ref, { authfile: login }));
            }
        }
        const digest = await verifyPushed(registry, repository, metadata.tags, reported, builder, primaryRef);
        for (const other of others) {
            const client = await registries.for(other.image);
            await verifyPushed(client, apiRepository(other.image), [other.image.tag], reported, builder, other.ref);
        }
        const attestations = await attest(registry, repository, (0,src_image/* imageName */.tO)(image), digest, attestOptions(builder, digest), logger);
        return result(digest, builder, { imageId: await imageIdOf(registry, repository, digest), attestations });
    }
    finally {
        // The auth file, the step's DOCKER_CONFIG and the secret files hold credentials; nothing of this run stays
        // behind but the image store, whether the build succeeded or not.
        await (0,promises_.rm)(runDir, { recursive: true, force: true });
        if (!files.runroot.startsWith(stateDir))
            await (0,promises_.rm)(files.runroot, { recursive: true, force: true });
    }
}
/**
 * Points another name from `tags` at the existing image, copying it there when it is missing: what a skipped build
 * owes a release that adds a mirror. False when the name already had the image.
 */
async function copyToOtherName(registries, source, other, digest, primaryRef) {
    const tag = other.image.tag;
    try {
        const target = { registry: await registries.for(other.image), repository: apiRepository(other.image) };
        if ((await target.registry.manifestDigest(target.repository, tag)) === digest)
            return false;
        await copyImage(source, target, digest, tag);
        await verifyPushed(target.registry, target.repository, [tag], digest, "the copy", other.ref);
        return true;
    }
    catch (error) {
        if (!(0,errors/* isUserError */.i)(error))
            throw error;
        throw new errors/* UserError */.y(`cannot copy the existing ${primaryRef} to ${other.ref}: ${error.message}`, {
            cause: error,
            hint: "Log in to that registry in an earlier step (docker/login-action); 'username' and 'password' are for the image's own registry.",
        });
    }
}
/** What decided the build, for the provenance: never secret values, only their ids. */
function buildParameters(options, refs) {
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
/** The image ID of a pushed manifest: its config digest; an index has none, and is named by its own digest. */
async function imageIdOf(registry, repository, digest) {
    const manifest = await registry.getManifest(repository, digest);
    if (!manifest)
        return "";
    const parsed = JSON.parse(manifest.body.toString("utf8"));
    return parsed.config?.digest ?? digest;
}
/** Writes the logins stored for the other names' registries into the builder's auth file, before its own login. */
async function seedAuthFile(authfile, images, candidates) {
    const auths = {};
    for (const other of images) {
        const host = (0,src_image/* normalizedRegistry */.x5)(other);
        const stored = await (0,registry_credentials/* loadStoredCredentials */.e8)(candidates, host);
        if (stored)
            auths[host] = { auth: Buffer.from(`${stored.username}:${stored.password}`).toString("base64") };
    }
    await (0,promises_.writeFile)(authfile, JSON.stringify({ auths }), { mode: 0o600 });
}
/**
 * One registry client per registry host. The image's registry uses the inputs' login (or a stored one); the registries
 * of other names in `tags` use the logins an earlier step stored.
 */
class RegistryClients {
    image;
    options;
    clients = new Map();
    constructor(image, options) {
        this.image = image;
        this.options = options;
    }
    primary() {
        return this.for(this.image);
    }
    for(ref) {
        const host = apiHost(ref);
        let client = this.clients.get(host);
        if (!client) {
            const own = host === apiHost(this.image);
            client = (async () => {
                const credentials = own && this.options.credentials
                    ? this.options.credentials
                    : await (0,registry_credentials/* loadStoredCredentials */.e8)(this.options.authFiles, (0,src_image/* normalizedRegistry */.x5)(ref));
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
 * Runs the build (and for buildx the push of every tag; for buildah/podman the push of the primary ref) and returns
 * the digest the builder reports for what it pushed, "" when it did not push.
 */
async function buildAndReport(builder, request, files, login, exec) {
    if (builder === "buildx") {
        await exec("docker buildx build", (0,argv/* buildxBuild */.NH)(request, files));
        if (!request.push)
            return "";
        return (0,argv/* reportedDigest */.qD)(builder, await (0,promises_.readFile)(files.metadataFile, "utf8").catch(() => ""));
    }
    const verb = builder === "buildah" ? "bud" : "build";
    await exec(`${builder} ${verb}`, (0,argv/* daemonlessBuild */.au)(builder, request, files, { authfile: login }));
    if (!request.push)
        return "";
    const primary = request.refs[0];
    await exec(`${builder} push ${primary}`, (0,argv/* daemonlessPush */.It)(builder, request, files, primary, { digestFile: files.digestFile, authfile: login }));
    return (0,argv/* reportedDigest */.qD)(builder, await (0,promises_.readFile)(files.digestFile, "utf8").catch(() => ""));
}
/**
 * A skipped build still owes this run's other tags: a release tag pushed on a commit that main already built must
 * still get its X.Y.Z. Tags not yet at the existing digest are pointed at it registry-side.
 */
async function addMissingTags(registry, repository, digest, tags, primaryRef, logger) {
    const current = await Promise.all(tags.map((tag) => registry.manifestDigest(repository, tag)));
    const missing = tags.filter((_, index) => current[index] !== digest);
    if (missing.length === 0)
        return [];
    if (!(await tagInRegistry(registry, repository, digest, missing, logger))) {
        throw new errors/* UserError */.y(`${primaryRef} already exists, but ${missing.join(", ")} could not be pointed at it`, {
            hint: "Give 'username' and 'password' with push rights to the registry, or set skip-existing: false to rebuild.",
        });
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
        if (!(0,errors/* isUserError */.i)(error))
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
    return (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "gitops-build-"));
}
/** Reads every pushed tag back and insists they all name the digest the builder reported. */
async function verifyPushed(registry, repository, tags, reported, 
/** Who pushed, for the message: a builder's name, or "registry-side tagging". */
builder, primaryRef) {
    if (!reported) {
        throw new errors/* UserError */.y(`${builder} pushed ${primaryRef} but reported no digest`, {
            hint: "Nothing is output rather than a digest that might be wrong; re-run the job.",
        });
    }
    const found = await Promise.all(tags.map((tag) => registry.manifestDigest(repository, tag)));
    for (const [index, digest] of found.entries()) {
        if (digest !== reported) {
            const ref = (0,src_image/* formatImageRef */.kL)({ registry: "", repository, tag: tags[index] });
            throw new errors/* UserError */.y(digest === undefined
                ? `the registry has no ${ref} after ${builder} pushed it`
                : `the registry has ${ref} at ${digest}, but ${builder} reported ${reported}`, {
                hint: "Another job may have pushed the same tag at the same time; re-run, and keep tags unique per commit.",
            });
        }
    }
    return reported;
}

;// CONCATENATED MODULE: ./src/builder/summary.ts
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
    if (result.skipped) {
        lines.push(result.tagsAdded.length > 0
            ? `Tags added to the existing image: ${result.tagsAdded.map((tag) => `\`${tag}\``).join(", ")}`
            : "Every tag already named the existing image; nothing was built, pushed or tagged.", "");
    }
    const { attestations } = result;
    if (attestations.sbomPath || attestations.provenancePath) {
        const where = (digest) => (digest ? `attached as \`${digest}\`` : "not attached");
        const verb = attestations.reused ? "from the run that built it" : "written";
        if (attestations.sbomPath) {
            const count = attestations.packages === undefined ? "" : ` (${attestations.packages} packages)`;
            lines.push(`SBOM (SPDX 2.3)${count}: ${verb}, ${where(attestations.sbomDigest)}`, "");
        }
        if (attestations.provenancePath) {
            lines.push(`Provenance (SLSA v1, unsigned): ${verb}, ${where(attestations.provenanceDigest)}`, "");
        }
    }
    const builder = result.builder === "none" ? "none (skipped)" : result.builder;
    const platforms = result.platforms.length > 0 ? result.platforms.join(", ") : "the runner's";
    lines.push(`Builder: ${builder} · platforms: ${platforms} · duration: ${seconds(result.durationMs)}`, "");
    return lines.join("\n");
}

;// CONCATENATED MODULE: ./src/actions/build-push.work.ts
/** What the build-push action loads once its inputs are checked: one chunk of the bundle, loaded at once. */




/***/ })

};
