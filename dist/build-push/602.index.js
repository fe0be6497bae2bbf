export const id = 602;
export const ids = [602];
export const modules = {

/***/ 3326:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var scan = __webpack_require__(6849)
var parse = __webpack_require__(5501)

module.exports = function (source) {
  return parse(scan(source))
}


/***/ }),

/***/ 5501:
/***/ ((module) => {



// The ABNF grammar in the spec is totally ambiguous.
//
// This parser follows the operator precedence defined in the
// `Order of Precedence and Parentheses` section.

module.exports = function (tokens) {
  var index = 0

  function hasMore () {
    return index < tokens.length
  }

  function token () {
    return hasMore() ? tokens[index] : null
  }

  function next () {
    if (!hasMore()) {
      throw new Error()
    }
    index++
  }

  function parseOperator (operator) {
    var t = token()
    if (t && t.type === 'OPERATOR' && operator === t.string) {
      next()
      return t.string
    }
  }

  function parseWith () {
    if (parseOperator('WITH')) {
      var t = token()
      if (t && t.type === 'EXCEPTION') {
        next()
        return t.string
      }
      throw new Error('Expected exception after `WITH`')
    }
  }

  function parseLicenseRef () {
    // TODO: Actually, everything is concatenated into one string
    // for backward-compatibility but it could be better to return
    // a nice structure.
    var begin = index
    var string = ''
    var t = token()
    if (t.type === 'DOCUMENTREF') {
      next()
      string += 'DocumentRef-' + t.string + ':'
      if (!parseOperator(':')) {
        throw new Error('Expected `:` after `DocumentRef-...`')
      }
    }
    t = token()
    if (t.type === 'LICENSEREF') {
      next()
      string += 'LicenseRef-' + t.string
      return { license: string }
    }
    index = begin
  }

  function parseLicense () {
    var t = token()
    if (t && t.type === 'LICENSE') {
      next()
      var node = { license: t.string }
      if (parseOperator('+')) {
        node.plus = true
      }
      var exception = parseWith()
      if (exception) {
        node.exception = exception
      }
      return node
    }
  }

  function parseParenthesizedExpression () {
    var left = parseOperator('(')
    if (!left) {
      return
    }

    var expr = parseExpression()

    if (!parseOperator(')')) {
      throw new Error('Expected `)`')
    }

    return expr
  }

  function parseAtom () {
    return (
      parseParenthesizedExpression() ||
      parseLicenseRef() ||
      parseLicense()
    )
  }

  function makeBinaryOpParser (operator, nextParser) {
    return function parseBinaryOp () {
      var left = nextParser()
      if (!left) {
        return
      }

      if (!parseOperator(operator)) {
        return left
      }

      var right = parseBinaryOp()
      if (!right) {
        throw new Error('Expected expression')
      }
      return {
        left: left,
        conjunction: operator.toLowerCase(),
        right: right
      }
    }
  }

  var parseAnd = makeBinaryOpParser('AND', parseAtom)
  var parseExpression = makeBinaryOpParser('OR', parseAnd)

  var node = parseExpression()
  if (!node || hasMore()) {
    throw new Error('Syntax error')
  }
  return node
}


/***/ }),

/***/ 6849:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var licenses = []
  .concat(__webpack_require__(5204))
  .concat(__webpack_require__(3389))
var exceptions = __webpack_require__(3988)

module.exports = function (source) {
  var index = 0

  function hasMore () {
    return index < source.length
  }

  // `value` can be a regexp or a string.
  // If it is recognized, the matching source string is returned and
  // the index is incremented. Otherwise `undefined` is returned.
  function read (value) {
    if (value instanceof RegExp) {
      var chars = source.slice(index)
      var match = chars.match(value)
      if (match) {
        index += match[0].length
        return match[0]
      }
    } else {
      if (source.indexOf(value, index) === index) {
        index += value.length
        return value
      }
    }
  }

  function skipWhitespace () {
    read(/[ ]*/)
  }

  function operator () {
    var string
    var possibilities = [/^WITH/i, /^AND/i, /^OR/i, '(', ')', ':', '+']
    for (var i = 0; i < possibilities.length; i++) {
      string = read(possibilities[i])
      if (string) {
        break
      }
    }

    if (string === '+' && index > 1 && source[index - 2] === ' ') {
      throw new Error('Space before `+`')
    }

    return string && {
      type: 'OPERATOR',
      string: string.toUpperCase()
    }
  }

  function idstring () {
    return read(/[A-Za-z0-9-.]+/)
  }

  function expectIdstring () {
    var string = idstring()
    if (!string) {
      throw new Error('Expected idstring at offset ' + index)
    }
    return string
  }

  function documentRef () {
    if (read('DocumentRef-')) {
      var string = expectIdstring()
      return { type: 'DOCUMENTREF', string: string }
    }
  }

  function licenseRef () {
    if (read('LicenseRef-')) {
      var string = expectIdstring()
      return { type: 'LICENSEREF', string: string }
    }
  }

  function identifier () {
    var begin = index
    var string = idstring()

    if (licenses.indexOf(string) !== -1) {
      return {
        type: 'LICENSE',
        string: string
      }
    } else if (exceptions.indexOf(string) !== -1) {
      return {
        type: 'EXCEPTION',
        string: string
      }
    }

    index = begin
  }

  // Tries to read the next token. Returns `undefined` if no token is
  // recognized.
  function parseToken () {
    // Ordering matters
    return (
      operator() ||
      documentRef() ||
      licenseRef() ||
      identifier()
    )
  }

  var tokens = []
  while (hasMore()) {
    skipWhitespace()
    if (!hasMore()) {
      break
    }

    var token = parseToken()
    if (!token) {
      throw new Error('Unexpected `' + source[index] +
                      '` at offset ' + index)
    }

    tokens.push(token)
  }
  return tokens
}


/***/ }),

/***/ 6602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildAndPush: () => (/* reexport */ buildAndPush),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/image/index.ts + 1 modules
var src_image = __webpack_require__(4243);
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
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/http/proxy.ts + 1 modules
var proxy = __webpack_require__(3947);
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
        this.fetchImpl = options.fetch ?? (0,proxy/* proxyAwareFetch */.Fm)();
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
var registry_credentials = __webpack_require__(3653);
;// CONCATENATED MODULE: ./src/registry/index.ts




// EXTERNAL MODULE: ./src/builder/argv.ts
var argv = __webpack_require__(8705);
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
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/builder/tar.ts
/** A tar stream that cannot be read on: its message says what is wrong in words, for the layer's error. */
class TarError extends Error {
}
const BLOCK = 512;
const MAX_EXTENDED_HEADER = 1024 * 1024;
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
/** The header checksum: the sum of its bytes with the checksum field itself counted as spaces. */
function checksumMatches(header) {
    let sum = 0;
    for (let i = 0; i < BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : header[i];
    return number(header, 148, 8) === sum;
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
/**
 * Where an entry lands when a runtime extracts the layer: relative to the root, `.` and empty parts dropped, `..`
 * going up but never above the root (`../../etc/passwd` is `etc/passwd`, as containerd and Docker clean it).
 */
function normalizeTarPath(name) {
    const parts = [];
    for (const part of name.split("/")) {
        if (part === "" || part === ".")
            continue;
        if (part === "..")
            parts.pop();
        else
            parts.push(part);
    }
    return parts.join("/");
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
                throw new TarError("the tar stream ends inside an entry (the layer is truncated)");
            const data = Buffer.from(buffer.subarray(0, count));
            buffer = buffer.subarray(count);
            return data;
        }
        let left = count;
        while (left > 0) {
            if (buffer.length === 0 && !(await fill(1)))
                throw new TarError("the tar stream ends inside an entry (the layer is truncated)");
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
        if (!checksumMatches(header))
            throw new TarError("a tar header's checksum does not match: this is not a tar stream");
        buffer = buffer.subarray(BLOCK);
        const flag = String.fromCharCode(header[156]).replace("\0", "");
        let size = number(header, 124, 12);
        if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
            // Extended headers are names and a few records: one claiming megabytes is not a tar a builder wrote.
            if (!Number.isSafeInteger(size) || size > MAX_EXTENDED_HEADER) {
                throw new TarError(`an extended tar header claims ${size} bytes`);
            }
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
            size = /^\d{1,15}$/.test(pax.size) ? Number(pax.size) : Number.NaN;
        if (!Number.isSafeInteger(size) || size < 0) {
            throw new TarError(`the tar header of ${JSON.stringify(normalizeTarPath(name))} gives an impossible size`);
        }
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





/**
 * Package databases are kilobytes (a large dpkg status is a few MB): a bigger file is not read, and the files kept
 * for one image stay under a total, so a layer of huge `package.json` files cannot exhaust the runner's memory.
 */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const INDEX_TYPES = new Set([OCI_INDEX, "application/vnd.docker.distribution.manifest.list.v2+json"]);
/** The words for a layer that cannot be read, instead of zlib's or the tar reader's. */
function layerProblem(error, mediaType) {
    if (error instanceof TarError)
        return error.message;
    const code = error?.code ?? "";
    if (!code.startsWith("Z_") && !code.startsWith("ERR_ZSTD"))
        return undefined;
    if (/unexpected end/i.test(error.message))
        return "the compressed stream ends early (the layer is truncated)";
    return `the layer is labelled ${mediaType.replace(/^.*\+/, "") || "compressed"} but is not data of that kind`;
}
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
async function filesOf(registry, repository, image, layers, want) {
    const files = new Map();
    const skipped = [];
    let kept = 0;
    for (const layer of layers) {
        const added = new Map();
        const deleted = [];
        const opaque = [];
        const source = decompress(layer.mediaType, await registry.blobStream(repository, layer.digest));
        try {
            for await (const entry of readTar(source, want, MAX_FILE_BYTES)) {
                const slash = entry.path.lastIndexOf("/");
                const dir = slash < 0 ? "" : entry.path.slice(0, slash);
                const base = entry.path.slice(slash + 1);
                if (base === ".wh..wh..opq")
                    opaque.push(dir);
                else if (base.startsWith(".wh."))
                    deleted.push(dir ? `${dir}/${base.slice(4)}` : base.slice(4));
                else if (entry.content && kept + entry.content.length <= MAX_TOTAL_BYTES) {
                    kept += entry.content.length;
                    added.set(entry.path, entry.content);
                }
                else {
                    // A later entry at the same path replaces the earlier one, whatever it is: a symlink is never followed.
                    added.delete(entry.path);
                    files.delete(entry.path);
                    if (entry.type === "file" && want(entry.path)) {
                        skipped.push(entry.content
                            ? `/${entry.path} (layer ${layer.digest}): over the ${MAX_TOTAL_BYTES / 1024 / 1024} MiB read per image`
                            : `/${entry.path} (layer ${layer.digest}): ${entry.size} bytes, over the ${MAX_FILE_BYTES / 1024 / 1024} MiB read per file`);
                    }
                }
            }
        }
        catch (error) {
            const problem = layerProblem(error, layer.mediaType);
            if (!problem)
                throw error;
            throw new errors/* UserError */.y(`cannot read layer ${layer.digest} of ${image} for the SBOM: ${problem}`, {
                hint: "Rebuild and push the image; set 'sbom: false' to push without an SBOM.",
                cause: error,
            });
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
    return { files, skipped };
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
    const read = await filesOf(registry, repository, `${repository}@${digest}`, parsed.layers ?? [], want);
    return [{ platform, digest, ...read }];
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

// EXTERNAL MODULE: ./node_modules/spdx-expression-parse/index.js
var spdx_expression_parse = __webpack_require__(3326);
var spdx_expression_parse_default = /*#__PURE__*/__webpack_require__.n(spdx_expression_parse);
;// CONCATENATED MODULE: ./src/builder/licenses.ts


const OPERATORS = new Set(["AND", "OR", "WITH", "and", "or", "with"]);
/** `LicenseRef-` followed by what the idstring allows (letters, digits, '.', '-'). */
function licenseRef(text) {
    const cleaned = text
        .trim()
        .replace(/[^A-Za-z0-9.-]+/g, "-")
        .replace(/^-+|-+$/g, "");
    // Two texts that clean to the same words ("GPL 2", "GPL-2+") must not share a reference.
    const suffix = cleaned === text.trim() ? "" : `-${(0,external_node_crypto_.createHash)("sha256").update(text).digest("hex").slice(0, 8)}`;
    return `LicenseRef-${cleaned || "unknown"}${suffix}`;
}
function render(node, parent) {
    if ("license" in node) {
        return `${node.license}${node.plus ? "+" : ""}${node.exception ? ` WITH ${node.exception}` : ""}`;
    }
    const text = `${render(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${render(node.right, node.conjunction)}`;
    // AND binds tighter than OR: an OR under an AND needs its parentheses back.
    return parent && parent !== node.conjunction ? `(${text})` : text;
}
function tryParse(text) {
    try {
        return spdx_expression_parse_default()(text);
    }
    catch {
        return undefined;
    }
}
/**
 * A package's license field as an SPDX license expression: a valid expression is kept, compound ones too
 * (`MIT OR Apache-2.0`); an identifier SPDX does not list becomes `LicenseRef-<it>`; free text that is no expression
 * at all becomes one `LicenseRef-…`. Each reference made here is returned with the words it stands for, which SPDX
 * wants in `hasExtractedLicensingInfos`. Undefined when the package names no license.
 */
function licenseExpression(field) {
    const text = field?.trim();
    if (!text)
        return undefined;
    const exact = tryParse(text);
    if (exact)
        return { expression: render(exact), extracted: [] };
    const extracted = [];
    // Unknown identifiers inside an otherwise well-formed expression: each becomes a reference of its own.
    const tokens = text.split(/(\s+|[()])/).filter((token) => token.trim() !== "");
    const replaced = tokens.map((token) => {
        if (token === "(" || token === ")" || OPERATORS.has(token) || tryParse(token))
            return token;
        const id = licenseRef(token);
        if (!extracted.some((entry) => entry.id === id))
            extracted.push({ id, text: token });
        return id;
    });
    const repaired = tryParse(replaced.join(" ").replace(/\( /g, "(").replace(/ \)/g, ")"));
    if (repaired)
        return { expression: render(repaired), extracted };
    const id = licenseRef(text);
    return { expression: id, extracted: [{ id, text }] };
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
/**
 * SPDX's purposes: the distribution itself is the OPERATING_SYSTEM; what its package manager installed, and what
 * npm and pip installed, are libraries, or applications when a system package is not a `lib…` one.
 */
function purposeOf(pkg) {
    if (pkg.ecosystem === "npm" || pkg.ecosystem === "pypi")
        return "LIBRARY";
    return /^lib/.test(pkg.name) ? "LIBRARY" : "APPLICATION";
}
/**
 * An SPDX 2.3 JSON document of an image: the image as the described package, every package found in it as a package
 * the image CONTAINS, each with its purl. Built only from the image's bytes and the build time, so rebuilding the same
 * image gives the same document.
 */
function spdxDocument(subject, found) {
    const extracted = new Map();
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
        if (distro) {
            const id = `SPDXRef-OperatingSystem-${(0,external_node_crypto_.createHash)("sha256").update(`${distro.id}@${distro.versionId}`).digest("hex").slice(0, 16)}`;
            if (!seen.has(id)) {
                seen.add(id);
                packages.push({
                    SPDXID: id,
                    name: distro.id,
                    ...(distro.versionId ? { versionInfo: distro.versionId } : {}),
                    downloadLocation: "NOASSERTION",
                    filesAnalyzed: false,
                    licenseConcluded: "NOASSERTION",
                    licenseDeclared: "NOASSERTION",
                    copyrightText: "NOASSERTION",
                    primaryPackagePurpose: "OPERATING_SYSTEM",
                    comment: "the distribution named by the image's os-release",
                });
                relationships.push({ spdxElementId: imageId, relationshipType: "CONTAINS", relatedSpdxElement: id });
            }
        }
        for (const pkg of list) {
            const locator = purl(pkg, distro);
            // The same package in several platforms' images differs by arch in its purl; an exact repeat is listed once.
            if (seen.has(locator))
                continue;
            seen.add(locator);
            const id = `SPDXRef-Package-${(0,external_node_crypto_.createHash)("sha256").update(locator).digest("hex").slice(0, 16)}`;
            const license = licenseExpression(pkg.license);
            for (const entry of license?.extracted ?? [])
                extracted.set(entry.id, entry.text);
            packages.push({
                SPDXID: id,
                name: pkg.name,
                versionInfo: pkg.version,
                downloadLocation: "NOASSERTION",
                filesAnalyzed: false,
                licenseConcluded: "NOASSERTION",
                licenseDeclared: license?.expression ?? "NOASSERTION",
                copyrightText: "NOASSERTION",
                primaryPackagePurpose: purposeOf(pkg),
                ...(pkg.source ? { sourceInfo: `built from source package ${pkg.source}` } : {}),
                comment: `found in ${pkg.foundIn} (${pkg.platform || "image"})`,
                externalRefs: [
                    { referenceCategory: "PACKAGE-MANAGER", referenceType: "purl", referenceLocator: locator },
                ],
            });
            relationships.push({ spdxElementId: imageId, relationshipType: "CONTAINS", relatedSpdxElement: id });
        }
    }
    const skipped = found.flatMap((entry) => entry.skipped ?? []);
    return {
        spdxVersion: "SPDX-2.3",
        dataLicense: "CC0-1.0",
        SPDXID: "SPDXRef-DOCUMENT",
        name: `${subject.name}@${subject.digest}`,
        documentNamespace: `urn:uuid:${uuidFrom(`${subject.name}@${subject.digest}`)}`,
        creationInfo: {
            created: new Date(subject.created * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
            creators: [`Tool: gitops-pipeline-build-push-${VERSION}`],
            comment: "Packages read from the image's package databases: dpkg, apk, npm (node_modules), Python (site-packages)." +
                (skipped.length > 0 ? ` Not read, so their packages may be missing: ${skipped.join("; ")}.` : ""),
        },
        packages,
        relationships,
        ...(extracted.size > 0
            ? {
                hasExtractedLicensingInfos: [...extracted].map(([licenseId, extractedText]) => ({
                    licenseId,
                    extractedText,
                    name: extractedText,
                })),
            }
            : {}),
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
    const found = platforms.map((image) => ({
        ...packagesIn(image.files, image.platform),
        skipped: image.skipped,
    }));
    const document = spdxDocument({ name: subject.name, digest: subject.descriptor.digest, created }, found);
    const packages = found.reduce((sum, entry) => sum + entry.packages.length, 0);
    const skipped = found.flatMap((entry) => entry.skipped);
    return { content: Buffer.from(`${JSON.stringify(document, null, 2)}\n`), packages, skipped };
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
    for (const file of sbom.skipped)
        logger.warning(`the SBOM did not read ${file}; the document says so`);
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

// EXTERNAL MODULE: ./src/builder/leftovers.ts
var leftovers = __webpack_require__(463);
// EXTERNAL MODULE: ./src/builder/metadata.ts
var builder_metadata = __webpack_require__(1770);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
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
            // Its own process group, so a cancelled step can stop the builder together with what it started.
            detached: true,
        });
        (0,leftovers/* holdChild */.uj)(child);
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

;// CONCATENATED MODULE: ./src/builder/registry-side.ts





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

// EXTERNAL MODULE: ./src/builder/secrets.ts
var secrets = __webpack_require__(7566);
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
    (0,leftovers/* holdPath */.nq)(runDir);
    const files = {
        root: external_node_path_default().join(stateDir, "storage"),
        runroot: await shortRunroot(external_node_path_default().join(stateDir, "runroot")),
        authfile: external_node_path_default().join(runDir, "auth.json"),
        iidfile: external_node_path_default().join(runDir, "iid"),
        metadataFile: external_node_path_default().join(runDir, "metadata.json"),
        digestFile: external_node_path_default().join(runDir, "digest"),
    };
    // The runroot is where a builder keeps its per-container state, copies of mounted secrets among it.
    (0,leftovers/* holdPath */.nq)(files.runroot);
    (0,leftovers/* holdStore */.BO)(files.root);
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
    // The builder's own temporary copies (of secrets among them) land in the run directory and go with it.
    await (0,promises_.mkdir)(external_node_path_default().join(runDir, "tmp"), { mode: 0o700 });
    let env = { ...options.env, TMPDIR: external_node_path_default().join(runDir, "tmp") };
    const exec = (what, invocation) => runChecked(what, invocation, logger, env);
    try {
        // Secret values exist only as 0600 files in the run directory, removed below whatever happens.
        request.secrets = await (0,secrets/* materializeSecrets */.f2)(options.secrets, external_node_path_default().join(runDir, "secrets"));
        if (login && builder === "buildx") {
            // docker login writes to DOCKER_CONFIG; this one lives in the run directory and goes with it.
            const dockerConfig = external_node_path_default().join(runDir, "docker");
            await prepareStepDockerConfig(dockerConfig, userDockerConfig(options.env), registryHost);
            env = { ...env, DOCKER_CONFIG: dockerConfig };
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
        (0,leftovers/* releasePath */.bD)(runDir);
        if (!files.runroot.startsWith(stateDir))
            await (0,promises_.rm)(files.runroot, { recursive: true, force: true });
        (0,leftovers/* releasePath */.bD)(files.runroot);
        (0,leftovers/* releaseStore */.NP)(files.root);
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
/** podman refuses a runroot longer than 50 characters (it becomes part of socket paths). */
const MAX_RUNROOT = 50;
async function shortRunroot(preferred) {
    if (preferred.length <= MAX_RUNROOT)
        return preferred;
    return (0,promises_.mkdtemp)(external_node_path_default().join(external_node_os_default().tmpdir(), "gitops-build-"));
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




/***/ }),

/***/ 3988:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('["389-exception","Asterisk-exception","Autoconf-exception-2.0","Autoconf-exception-3.0","Autoconf-exception-generic","Autoconf-exception-generic-3.0","Autoconf-exception-macro","Bison-exception-1.24","Bison-exception-2.2","Bootloader-exception","Classpath-exception-2.0","CLISP-exception-2.0","cryptsetup-OpenSSL-exception","DigiRule-FOSS-exception","eCos-exception-2.0","Fawkes-Runtime-exception","FLTK-exception","fmt-exception","Font-exception-2.0","freertos-exception-2.0","GCC-exception-2.0","GCC-exception-2.0-note","GCC-exception-3.1","Gmsh-exception","GNAT-exception","GNOME-examples-exception","GNU-compiler-exception","gnu-javamail-exception","GPL-3.0-interface-exception","GPL-3.0-linking-exception","GPL-3.0-linking-source-exception","GPL-CC-1.0","GStreamer-exception-2005","GStreamer-exception-2008","i2p-gpl-java-exception","KiCad-libraries-exception","LGPL-3.0-linking-exception","libpri-OpenH323-exception","Libtool-exception","Linux-syscall-note","LLGPL","LLVM-exception","LZMA-exception","mif-exception","OCaml-LGPL-linking-exception","OCCT-exception-1.0","OpenJDK-assembly-exception-1.0","openvpn-openssl-exception","PS-or-PDF-font-exception-20170817","QPL-1.0-INRIA-2004-exception","Qt-GPL-exception-1.0","Qt-LGPL-exception-1.1","Qwt-exception-1.0","SANE-exception","SHL-2.0","SHL-2.1","stunnel-exception","SWI-exception","Swift-exception","Texinfo-exception","u-boot-exception-2.0","UBDL-exception","Universal-FOSS-exception-1.0","vsftpd-openssl-exception","WxWindows-exception-3.1","x11vnc-openssl-exception"]');

/***/ }),

/***/ 3389:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('["AGPL-1.0","AGPL-3.0","BSD-2-Clause-FreeBSD","BSD-2-Clause-NetBSD","GFDL-1.1","GFDL-1.2","GFDL-1.3","GPL-1.0","GPL-2.0","GPL-2.0-with-GCC-exception","GPL-2.0-with-autoconf-exception","GPL-2.0-with-bison-exception","GPL-2.0-with-classpath-exception","GPL-2.0-with-font-exception","GPL-3.0","GPL-3.0-with-GCC-exception","GPL-3.0-with-autoconf-exception","LGPL-2.0","LGPL-2.1","LGPL-3.0","Net-SNMP","Nunit","StandardML-NJ","bzip2-1.0.5","eCos-2.0","wxWindows"]');

/***/ }),

/***/ 5204:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('["0BSD","3D-Slicer-1.0","AAL","ADSL","AFL-1.1","AFL-1.2","AFL-2.0","AFL-2.1","AFL-3.0","AGPL-1.0-only","AGPL-1.0-or-later","AGPL-3.0-only","AGPL-3.0-or-later","ALGLIB-Documentation","AMD-newlib","AMDPLPA","AML","AML-glslang","AMPAS","ANTLR-PD","ANTLR-PD-fallback","APAFML","APL-1.0","APSL-1.0","APSL-1.1","APSL-1.2","APSL-2.0","ASWF-Digital-Assets-1.0","ASWF-Digital-Assets-1.1","Abstyles","AdaCore-doc","Adobe-2006","Adobe-Display-PostScript","Adobe-Glyph","Adobe-Utopia","Advanced-Cryptics-Dictionary","Afmparse","Aladdin","Apache-1.0","Apache-1.1","Apache-2.0","App-s2p","Arphic-1999","Artistic-1.0","Artistic-1.0-Perl","Artistic-1.0-cl8","Artistic-2.0","Artistic-dist","Aspell-RU","BOLA-1.1","BSD-1-Clause","BSD-2-Clause","BSD-2-Clause-Darwin","BSD-2-Clause-Patent","BSD-2-Clause-Views","BSD-2-Clause-first-lines","BSD-2-Clause-pkgconf-disclaimer","BSD-2-Clause-pos-unchanged","BSD-3-Clause","BSD-3-Clause-Attribution","BSD-3-Clause-Clear","BSD-3-Clause-HP","BSD-3-Clause-LBNL","BSD-3-Clause-Modification","BSD-3-Clause-No-Military-License","BSD-3-Clause-No-Nuclear-License","BSD-3-Clause-No-Nuclear-License-2014","BSD-3-Clause-No-Nuclear-Warranty","BSD-3-Clause-Open-MPI","BSD-3-Clause-OpenWebUI","BSD-3-Clause-Sun","BSD-3-Clause-Tso","BSD-3-Clause-acpica","BSD-3-Clause-flex","BSD-4-Clause","BSD-4-Clause-Shortened","BSD-4-Clause-UC","BSD-4.3RENO","BSD-4.3TAHOE","BSD-Advertising-Acknowledgement","BSD-Attribution-HPND-disclaimer","BSD-Inferno-Nettverk","BSD-Mark-Modifications","BSD-Protection","BSD-Source-Code","BSD-Source-Code-no-disclaimer","BSD-Source-alt-GPL","BSD-Source-beginning-file","BSD-Systemics","BSD-Systemics-W3Works","BSD-ask-to-endorse","BSL-1.0","BUSL-1.1","Baekmuk","Bahyph","Barr","Beerware","BitTorrent-1.0","BitTorrent-1.1","Bitstream-Charter","Bitstream-Vera","BlueOak-1.0.0","Boehm-GC","Boehm-GC-without-fee","Borceux","Brian-Gladman-2-Clause","Brian-Gladman-3-Clause","Brian-Gladman-3-Clause-no-conversion","Buddy","Bugroff","C-UDA-1.0","CAL-1.0","CAL-1.0-Combined-Work-Exception","CAPEC-tou","CATOSL-1.1","CC-BY-1.0","CC-BY-2.0","CC-BY-2.5","CC-BY-2.5-AU","CC-BY-3.0","CC-BY-3.0-AT","CC-BY-3.0-AU","CC-BY-3.0-DE","CC-BY-3.0-IGO","CC-BY-3.0-NL","CC-BY-3.0-US","CC-BY-4.0","CC-BY-NC-1.0","CC-BY-NC-2.0","CC-BY-NC-2.5","CC-BY-NC-3.0","CC-BY-NC-3.0-DE","CC-BY-NC-3.0-IGO","CC-BY-NC-4.0","CC-BY-NC-ND-1.0","CC-BY-NC-ND-2.0","CC-BY-NC-ND-2.5","CC-BY-NC-ND-3.0","CC-BY-NC-ND-3.0-DE","CC-BY-NC-ND-3.0-IGO","CC-BY-NC-ND-4.0","CC-BY-NC-SA-1.0","CC-BY-NC-SA-2.0","CC-BY-NC-SA-2.0-DE","CC-BY-NC-SA-2.0-FR","CC-BY-NC-SA-2.0-UK","CC-BY-NC-SA-2.5","CC-BY-NC-SA-3.0","CC-BY-NC-SA-3.0-DE","CC-BY-NC-SA-3.0-IGO","CC-BY-NC-SA-4.0","CC-BY-ND-1.0","CC-BY-ND-2.0","CC-BY-ND-2.5","CC-BY-ND-3.0","CC-BY-ND-3.0-DE","CC-BY-ND-4.0","CC-BY-SA-1.0","CC-BY-SA-2.0","CC-BY-SA-2.0-UK","CC-BY-SA-2.1-JP","CC-BY-SA-2.5","CC-BY-SA-3.0","CC-BY-SA-3.0-AT","CC-BY-SA-3.0-DE","CC-BY-SA-3.0-IGO","CC-BY-SA-4.0","CC-PDDC","CC-PDM-1.0","CC-SA-1.0","CC0-1.0","CDDL-1.0","CDDL-1.1","CDL-1.0","CDLA-Permissive-1.0","CDLA-Permissive-2.0","CDLA-Sharing-1.0","CECILL-1.0","CECILL-1.1","CECILL-2.0","CECILL-2.1","CECILL-B","CECILL-C","CERN-OHL-1.1","CERN-OHL-1.2","CERN-OHL-P-2.0","CERN-OHL-S-2.0","CERN-OHL-W-2.0","CFITSIO","CMU-Mach","CMU-Mach-nodoc","CNRI-Jython","CNRI-Python","CNRI-Python-GPL-Compatible","COIL-1.0","CPAL-1.0","CPL-1.0","CPOL-1.02","CUA-OPL-1.0","Caldera","Caldera-no-preamble","Catharon","ClArtistic","Clips","Community-Spec-1.0","Condor-1.1","Cornell-Lossless-JPEG","Cronyx","Crossword","CryptoSwift","CrystalStacker","Cube","D-FSL-1.0","DEC-3-Clause","DL-DE-BY-2.0","DL-DE-ZERO-2.0","DOC","DRL-1.0","DRL-1.1","DSDP","DocBook-DTD","DocBook-Schema","DocBook-Stylesheet","DocBook-XML","Dotseqn","ECL-1.0","ECL-2.0","EFL-1.0","EFL-2.0","EPICS","EPL-1.0","EPL-2.0","ESA-PL-permissive-2.4","ESA-PL-strong-copyleft-2.4","ESA-PL-weak-copyleft-2.4","EUDatagrid","EUPL-1.0","EUPL-1.1","EUPL-1.2","Elastic-2.0","Entessa","ErlPL-1.1","Eurosym","FBM","FDK-AAC","FDK-MPEG-H","FSFAP","FSFAP-no-warranty-disclaimer","FSFUL","FSFULLR","FSFULLRSD","FSFULLRWD","FSL-1.1-ALv2","FSL-1.1-MIT","FTL","Fair","Ferguson-Twofish","Frameworx-1.0","FreeBSD-DOC","FreeImage","Furuseth","GCR-docs","GD","GFDL-1.1-invariants-only","GFDL-1.1-invariants-or-later","GFDL-1.1-no-invariants-only","GFDL-1.1-no-invariants-or-later","GFDL-1.1-only","GFDL-1.1-or-later","GFDL-1.2-invariants-only","GFDL-1.2-invariants-or-later","GFDL-1.2-no-invariants-only","GFDL-1.2-no-invariants-or-later","GFDL-1.2-only","GFDL-1.2-or-later","GFDL-1.3-invariants-only","GFDL-1.3-invariants-or-later","GFDL-1.3-no-invariants-only","GFDL-1.3-no-invariants-or-later","GFDL-1.3-only","GFDL-1.3-or-later","GL2PS","GLWTPL","GPL-1.0-only","GPL-1.0-or-later","GPL-2.0-only","GPL-2.0-or-later","GPL-3.0-only","GPL-3.0-or-later","Game-Programming-Gems","Giftware","Glide","Glulxe","Graphics-Gems","Gutmann","HDF5","HIDAPI","HP-1986","HP-1989","HPND","HPND-DEC","HPND-Fenneberg-Livingston","HPND-INRIA-IMAG","HPND-Intel","HPND-Kevlin-Henney","HPND-MIT-disclaimer","HPND-Markus-Kuhn","HPND-Netrek","HPND-Pbmplus","HPND-SMC","HPND-UC","HPND-UC-export-US","HPND-doc","HPND-doc-sell","HPND-export-US","HPND-export-US-acknowledgement","HPND-export-US-modify","HPND-export2-US","HPND-merchantability-variant","HPND-sell-MIT-disclaimer-xserver","HPND-sell-regexpr","HPND-sell-variant","HPND-sell-variant-MIT-disclaimer","HPND-sell-variant-MIT-disclaimer-rev","HPND-sell-variant-critical-systems","HTMLTIDY","HaskellReport","Hippocratic-2.1","Hippocratic-3.0-core","IBM-pibs","ICU","IEC-Code-Components-EULA","IJG","IJG-short","IPA","IPL-1.0","ISC","ISC-Veillard","ISO-permission","ImageMagick","Imlib2","Info-ZIP","Informatica","Inner-Net-2.0","InnoSetup","Intel","Intel-ACPI","Interbase-1.0","JPL-image","JPNIC","JSON","Jam","JasPer-2.0","Kastrup","Kazlib","Knuth-CTAN","LAL-1.2","LAL-1.3","LGPL-2.0-only","LGPL-2.0-or-later","LGPL-2.1-only","LGPL-2.1-or-later","LGPL-3.0-only","LGPL-3.0-or-later","LGPLLR","LOOP","LPD-document","LPL-1.0","LPL-1.02","LPPL-1.0","LPPL-1.1","LPPL-1.2","LPPL-1.3a","LPPL-1.3c","LZMA-SDK-9.11-to-9.20","LZMA-SDK-9.22","Latex2e","Latex2e-translated-notice","Leptonica","LiLiQ-P-1.1","LiLiQ-R-1.1","LiLiQ-Rplus-1.1","Libpng","Linux-OpenIB","Linux-man-pages-1-para","Linux-man-pages-copyleft","Linux-man-pages-copyleft-2-para","Linux-man-pages-copyleft-var","Lucida-Bitmap-Fonts","MIPS","MIT","MIT-0","MIT-CMU","MIT-Click","MIT-Festival","MIT-Khronos-old","MIT-Modern-Variant","MIT-STK","MIT-Wu","MIT-advertising","MIT-enna","MIT-feh","MIT-open-group","MIT-testregex","MITNFA","MMIXware","MMPL-1.0.1","MPEG-SSG","MPL-1.0","MPL-1.1","MPL-2.0","MPL-2.0-no-copyleft-exception","MS-LPL","MS-PL","MS-RL","MTLL","MVT-1.1","Mackerras-3-Clause","Mackerras-3-Clause-acknowledgment","MakeIndex","Martin-Birgmeier","McPhee-slideshow","Minpack","MirOS","Motosoto","MulanPSL-1.0","MulanPSL-2.0","Multics","Mup","NAIST-2003","NASA-1.3","NBPL-1.0","NCBI-PD","NCGL-UK-2.0","NCL","NCSA","NGPL","NICTA-1.0","NIST-PD","NIST-PD-TNT","NIST-PD-fallback","NIST-Software","NLOD-1.0","NLOD-2.0","NLPL","NOSL","NPL-1.0","NPL-1.1","NPOSL-3.0","NRL","NTIA-PD","NTP","NTP-0","Naumen","NetCDF","Newsletr","Nokia","Noweb","O-UDA-1.0","OAR","OCCT-PL","OCLC-2.0","ODC-By-1.0","ODbL-1.0","OFFIS","OFL-1.0","OFL-1.0-RFN","OFL-1.0-no-RFN","OFL-1.1","OFL-1.1-RFN","OFL-1.1-no-RFN","OGC-1.0","OGDL-Taiwan-1.0","OGL-Canada-2.0","OGL-UK-1.0","OGL-UK-2.0","OGL-UK-3.0","OGTSL","OLDAP-1.1","OLDAP-1.2","OLDAP-1.3","OLDAP-1.4","OLDAP-2.0","OLDAP-2.0.1","OLDAP-2.1","OLDAP-2.2","OLDAP-2.2.1","OLDAP-2.2.2","OLDAP-2.3","OLDAP-2.4","OLDAP-2.5","OLDAP-2.6","OLDAP-2.7","OLDAP-2.8","OLFL-1.3","OML","OPL-1.0","OPL-UK-3.0","OPUBL-1.0","OSC-1.0","OSET-PL-2.1","OSL-1.0","OSL-1.1","OSL-2.0","OSL-2.1","OSL-3.0","OSSP","OpenMDW-1.0","OpenPBS-2.3","OpenSSL","OpenSSL-standalone","OpenVision","PADL","PDDL-1.0","PHP-3.0","PHP-3.01","PPL","PSF-2.0","ParaType-Free-Font-1.3","Parity-6.0.0","Parity-7.0.0","Pixar","Plexus","PolyForm-Noncommercial-1.0.0","PolyForm-Small-Business-1.0.0","PostgreSQL","Python-2.0","Python-2.0.1","QPL-1.0","QPL-1.0-INRIA-2004","Qhull","RHeCos-1.1","RPL-1.1","RPL-1.5","RPSL-1.0","RSA-MD","RSCPL","Rdisc","Ruby","Ruby-pty","SAX-PD","SAX-PD-2.0","SCEA","SGI-B-1.0","SGI-B-1.1","SGI-B-2.0","SGI-OpenGL","SGMLUG-PM","SGP4","SHL-0.5","SHL-0.51","SISSL","SISSL-1.2","SL","SMAIL-GPL","SMLNJ","SMPPL","SNIA","SOFA","SPL-1.0","SSH-OpenSSH","SSH-short","SSLeay-standalone","SSPL-1.0","SUL-1.0","SWL","Saxpath","SchemeReport","Sendmail","Sendmail-8.23","Sendmail-Open-Source-1.1","SimPL-2.0","Sleepycat","Soundex","Spencer-86","Spencer-94","Spencer-99","SugarCRM-1.1.3","Sun-PPP","Sun-PPP-2000","SunPro","Symlinks","TAPR-OHL-1.0","TCL","TCP-wrappers","TGPPL-1.0","TMate","TORQUE-1.1","TOSL","TPDL","TPL-1.0","TTWL","TTYP0","TU-Berlin-1.0","TU-Berlin-2.0","TekHVC","TermReadKey","ThirdEye","TrustedQSL","UCAR","UCL-1.0","UMich-Merit","UPL-1.0","URT-RLE","Ubuntu-font-1.0","UnRAR","Unicode-3.0","Unicode-DFS-2015","Unicode-DFS-2016","Unicode-TOU","UnixCrypt","Unlicense","Unlicense-libtelnet","Unlicense-libwhirlpool","VOSTROM","VSL-1.0","Vim","Vixie-Cron","W3C","W3C-19980720","W3C-20150513","WTFNMFPL","WTFPL","Watcom-1.0","Widget-Workshop","WordNet","Wsuipa","X11","X11-distribute-modifications-variant","X11-no-permit-persons","X11-swapped","XFree86-1.1","XSkat","Xdebug-1.03","Xerox","Xfig","Xnet","YPL-1.0","YPL-1.1","ZPL-1.1","ZPL-2.0","ZPL-2.1","Zed","Zeeff","Zend-2.0","Zimbra-1.3","Zimbra-1.4","Zlib","any-OSI","any-OSI-perl-modules","atc-game","bcrypt-Solar-Designer","blessing","bzip2-1.0.6","check-cvs","checkmk","copyleft-next-0.3.0","copyleft-next-0.3.1","curl","cve-tou","diffmark","dtoa","dvipdfm","eGenix","etalab-2.0","fwlw","gSOAP-1.3b","generic-xts","gnuplot","gtkbook","hdparm","hyphen-bulgarian","iMatix","jove","libpng-1.6.35","libpng-2.0","libselinux-1.0","libtiff","libutil-David-Nugent","lsof","magaz","mailprio","man2html","metamail","mpi-permissive","mpich2","mplus","ngrep","pkgconf","pnmstitch","psfrag","psutils","python-ldap","radvd","snprintf","softSurfer","ssh-keyscan","swrule","threeparttable","ulem","w3m","wwl","xinetd","xkeyboard-config-Zinoviev","xlock","xpp","xzoom","zlib-acknowledgement"]');

/***/ })

};
