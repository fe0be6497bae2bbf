import { createHash } from "node:crypto";
import { UserError } from "../errors.js";
import { proxyAwareFetch } from "../http/proxy.js";
import { DEFAULT_REGISTRY, type ImageRef, normalizedName, normalizedRegistry } from "../image/index.js";
import { type Challenge, parseChallenges } from "./challenge.js";

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface RegistryOptions {
  credentials?: RegistryCredentials;
  /** Plain HTTP even when the registry is not on loopback. */
  insecure?: boolean;
  /** Injected for the bench and for callers with their own dispatcher; defaults to a fetch that honours HTTPS_PROXY/NO_PROXY. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** A request body: bytes, or a stream for large blobs (sent once: a stream cannot be replayed after a 401). */
type RequestBody = Buffer | AsyncIterable<Buffer>;

export interface StoredManifest {
  body: Buffer;
  mediaType: string;
  /** sha256 of `body`: the digest the registry files it under. */
  digest: string;
}

/** Media types a HEAD asks for, so the registry answers with the digest of the manifest as pushed. */
export const MANIFEST_TYPES = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.distribution.manifest.v2+json",
];

/** Registries on this machine speak plain HTTP unless told otherwise, as Docker treats them. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return name === "localhost" || /^127\.\d+\.\d+\.\d+$/.test(name) || name === "::1";
}

/** The host the distribution API is served on: Docker Hub's API does not live at docker.io. */
export function apiHost(ref: ImageRef): string {
  const registry = normalizedRegistry(ref);
  return registry === DEFAULT_REGISTRY ? "registry-1.docker.io" : registry;
}

/** The repository path in API URLs (`library/nginx` for Docker Hub's official images). */
export function apiRepository(ref: ImageRef): string {
  return normalizedName(ref).slice(normalizedRegistry(ref).length + 1);
}

/**
 * A small OCI distribution API client: enough to ask whether a tag exists and which digest it has, with Basic or
 * Bearer-token auth negotiated from the registry's `WWW-Authenticate` challenge.
 */
export class RegistryClient {
  readonly host: string;
  readonly baseUrl: string;
  private readonly credentials?: RegistryCredentials;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  /** Authorization header values by scope ("" for the /v2/ ping), so one run asks the token server once. */
  private readonly authorizations = new Map<string, string>();

  constructor(host: string, options: RegistryOptions = {}) {
    this.host = host;
    const plain = options.insecure === true || isLoopback(host);
    this.baseUrl = `${plain ? "http" : "https"}://${host}`;
    this.credentials = options.credentials;
    this.fetchImpl = options.fetch ?? proxyAwareFetch();
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Checks the registry answers and, when credentials were given, that it accepts them. */
  async ping(): Promise<void> {
    const response = await this.send("GET", "/v2/", "", {});
    await response.body?.cancel();
    if (response.status === 404) {
      throw new UserError(`${this.baseUrl} is not an OCI registry: GET /v2/ answered 404`, {
        hint: "Check the registry host in the image name.",
      });
    }
    if (!response.ok) throw await this.failure(response, "/v2/");
  }

  /** The digest `repository:reference` points at, or undefined when the registry has no such tag. */
  async manifestDigest(repository: string, reference: string): Promise<string | undefined> {
    const path = `/v2/${repository}/manifests/${reference}`;
    const scope = `repository:${repository}:pull`;
    const headers = { Accept: MANIFEST_TYPES.join(", ") };
    const head = await this.send("HEAD", path, scope, headers);
    if (head.status === 404) return undefined;
    if (!head.ok) throw await this.failure(head, path);
    const digest = head.headers.get("docker-content-digest");
    if (digest) return digest;
    // Some registries omit the header on HEAD; the digest of the exact bytes served is the same thing.
    return (await this.getManifest(repository, reference))?.digest;
  }

  /** The manifest `repository:reference` as stored, byte for byte, or undefined when there is none. */
  async getManifest(repository: string, reference: string): Promise<StoredManifest | undefined> {
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await this.send("GET", path, `repository:${repository}:pull`, {
      Accept: MANIFEST_TYPES.join(", "),
    });
    if (response.status === 404) return undefined;
    if (!response.ok) throw await this.failure(response, path);
    const body = Buffer.from(await response.arrayBuffer());
    const mediaType = response.headers.get("content-type") ?? MANIFEST_TYPES[1]!;
    return { body, mediaType, digest: `sha256:${createHash("sha256").update(body).digest("hex")}` };
  }

  /**
   * Uploads a manifest under a tag or its own digest. Putting bytes the repository already holds under a new tag is
   * what tagging is: nothing new is stored and the digest cannot change. Returns the response headers, where a
   * registry with the referrers API says so (`OCI-Subject`).
   */
  async putManifest(repository: string, reference: string, manifest: StoredManifest): Promise<Headers> {
    const path = `/v2/${repository}/manifests/${reference}`;
    const response = await this.send(
      "PUT",
      path,
      `repository:${repository}:pull,push`,
      { "Content-Type": manifest.mediaType },
      manifest.body,
    );
    await response.body?.cancel();
    if (!response.ok) throw await this.failure(response, path);
    return response.headers;
  }

  /** Whether the repository holds a blob. */
  async hasBlob(repository: string, digest: string): Promise<boolean> {
    const path = `/v2/${repository}/blobs/${digest}`;
    const response = await this.send("HEAD", path, `repository:${repository}:pull`, {});
    if (response.status === 404) return false;
    if (!response.ok) throw await this.failure(response, path);
    return true;
  }

  /**
   * A blob's bytes as a stream, checked against its digest as they arrive: the stream fails rather than hand on bytes
   * the registry (or anything between) changed.
   */
  async blobStream(repository: string, digest: string): Promise<AsyncIterable<Buffer>> {
    const path = `/v2/${repository}/blobs/${digest}`;
    const response = await this.send("GET", path, `repository:${repository}:pull`, {});
    if (!response.ok || !response.body) throw await this.failure(response, path);
    const body = response.body;
    const host = this.host;
    return (async function* verified() {
      const hash = createHash("sha256");
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        const buffer = Buffer.from(chunk);
        hash.update(buffer);
        yield buffer;
      }
      const actual = `sha256:${hash.digest("hex")}`;
      if (actual !== digest) {
        throw new UserError(
          `registry ${host} served ${repository} blob ${digest} with other content (${actual})`,
          {
            hint: "The registry or a proxy in between altered the data; re-run, and check the registry.",
          },
        );
      }
    })();
  }

  /** A whole (small) blob, checked against its digest. */
  async getBlob(repository: string, digest: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.blobStream(repository, digest)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /**
   * Uploads a blob in one request (POST then PUT, as every registry takes it), unless the repository holds it already.
   * `from` names a repository of the same registry to mount it from instead of sending the bytes.
   */
  async pushBlob(
    repository: string,
    digest: string,
    content: Buffer | (() => Promise<{ body: AsyncIterable<Buffer>; size: number }>),
    from?: string,
  ): Promise<void> {
    if (await this.hasBlob(repository, digest)) return;
    const scope = from
      ? `repository:${repository}:pull,push repository:${from}:pull`
      : `repository:${repository}:pull,push`;
    const mount = from ? `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}` : "";
    const start = `/v2/${repository}/blobs/uploads/${mount}`;
    const started = await this.send("POST", start, scope, {});
    await started.body?.cancel();
    if (started.status === 201) return;
    if (started.status !== 202) throw await this.failure(started, start);
    const location = started.headers.get("location");
    if (!location) throw new UserError(`registry ${this.host} started an upload without a Location`);
    const url = new URL(location, `${this.baseUrl}/`);
    if (url.origin !== this.baseUrl) {
      throw new UserError(`registry ${this.host} sent the upload to another origin (${url.origin})`, {
        hint: "Uploads stay on the registry this client talks to; check the registry's configuration.",
      });
    }
    url.searchParams.set("digest", digest);
    const upload = Buffer.isBuffer(content) ? { body: content, size: content.length } : await content();
    const path = `${url.pathname}${url.search}`;
    const response = await this.send(
      "PUT",
      path,
      scope,
      { "Content-Type": "application/octet-stream", "Content-Length": String(upload.size) },
      upload.body,
    );
    await response.body?.cancel();
    if (!response.ok) throw await this.failure(response, `${url.pathname}?digest=${digest}`);
  }

  /**
   * The referrers of a manifest by the OCI referrers API, or undefined when the registry does not have that API
   * (distribution 2.x answers 404 for the route).
   */
  async referrersApi(repository: string, digest: string): Promise<StoredManifest | undefined> {
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
    return { body, mediaType: type, digest: `sha256:${createHash("sha256").update(body).digest("hex")}` };
  }

  private async send(
    method: string,
    path: string,
    scope: string,
    headers: Record<string, string>,
    body?: RequestBody,
  ): Promise<Response> {
    const cached = this.authorizations.get(scope);
    const first = await this.request(
      method,
      path,
      cached ? { ...headers, Authorization: cached } : headers,
      body,
    );
    if (first.status !== 401) return first;
    await first.body?.cancel();
    const challenges = parseChallenges(first.headers.get("www-authenticate") ?? "");
    const authorization = await this.authorize(challenges, scope);
    if (authorization === undefined || authorization === cached) return first;
    this.authorizations.set(scope, authorization);
    return this.request(method, path, { ...headers, Authorization: authorization }, body);
  }

  private async request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: RequestBody,
  ): Promise<Response> {
    const url = `${this.baseUrl}${path}`;
    try {
      return await this.fetchImpl(url, {
        method,
        headers,
        body: body as RequestInit["body"],
        // A streamed upload body must be sent as it is read.
        ...(body !== undefined && !Buffer.isBuffer(body) ? { duplex: "half" } : {}),
        redirect: "follow",
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw this.unreachable(error, url);
    }
  }

  /** The Authorization value a challenge asks for; undefined when there is nothing to answer it with. */
  private async authorize(challenges: Challenge[], scope: string): Promise<string | undefined> {
    const bearer = challenges.find((challenge) => challenge.scheme === "bearer");
    if (bearer?.params.realm) return this.bearerToken(bearer.params, scope);
    const basic = challenges.find((challenge) => challenge.scheme === "basic");
    if (basic && this.credentials) return basicAuthorization(this.credentials);
    return undefined;
  }

  private async bearerToken(params: Record<string, string>, scope: string): Promise<string> {
    const url = this.tokenRealm(params.realm!);
    if (params.service) url.searchParams.set("service", params.service);
    // The challenge names the scope the registry wants; ours is the same for a HEAD, and absent for /v2/.
    // Registries may ask for several scopes in one challenge, space-separated; token services take one per parameter.
    for (const wanted of (params.scope ?? scope).split(" ")) {
      if (wanted) url.searchParams.append("scope", wanted);
    }
    const headers: Record<string, string> = {};
    if (this.credentials) headers.Authorization = basicAuthorization(this.credentials);
    let response: Response;
    try {
      response = await this.fetchImpl(url, { headers, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw this.unreachable(error, `${url.origin}${url.pathname}`);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw this.refused(response.status, `${url.origin}${url.pathname}`);
    }
    if (!response.ok) {
      throw new UserError(
        `the token service of ${this.host} (${url.origin}${url.pathname}) answered ${response.status}`,
        { hint: "The registry may be down; try again, or check the registry host in the image name." },
      );
    }
    const body = (await response.json().catch(() => ({}))) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) {
      throw new UserError(`the token service of ${this.host} answered without a token`, {
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
  private tokenRealm(realm: string): URL {
    const registry = new URL(this.baseUrl);
    const refuse = (why: string): never => {
      throw new UserError(
        `registry ${this.host} names the token service ${JSON.stringify(realm)}, which ${why}; no credentials were sent to it`,
        {
          hint: "The registry's WWW-Authenticate challenge is wrong or was tampered with. Check the registry host in the image name and the registry's token auth configuration.",
        },
      );
    };
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      return refuse("is not a URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") refuse("is neither https nor http");
    if (registry.protocol === "https:" && url.protocol !== "https:") {
      refuse(`would downgrade the https registry to plain ${url.protocol.slice(0, -1)}`);
    }
    if (url.hostname !== registry.hostname && url.protocol !== "https:") {
      refuse(`is on another host (${url.host}) over plain http`);
    }
    if (url.username || url.password) refuse("carries user information");
    return url;
  }

  private async failure(response: Response, path: string): Promise<UserError> {
    const detail = await errorDetail(response);
    if (response.status === 401 || response.status === 403)
      return this.refused(response.status, path, detail);
    return new UserError(
      `registry ${this.host} answered ${response.status} ${response.statusText} to ${path}${detail}`,
      { hint: "Check the image name and that the registry is healthy." },
    );
  }

  private refused(status: number, where: string, detail = ""): UserError {
    if (!this.credentials) {
      return new UserError(
        `registry ${this.host} requires authentication (${status} from ${where})${detail}`,
        {
          hint: "Set the 'username' and 'password' inputs (for GHCR: github.actor and secrets.GITHUB_TOKEN with permissions: packages: write).",
        },
      );
    }
    return new UserError(
      `registry ${this.host} refused the credentials of user ${JSON.stringify(this.credentials.username)} (${status} from ${where})${detail}`,
      {
        hint: "Check the 'username' and 'password' inputs; a token needs push rights on the repository (for GHCR: permissions: packages: write). Fork pull requests get no secrets.",
      },
    );
  }

  private unreachable(error: unknown, url: string): UserError {
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    const code = cause?.code ?? (error as Error)?.name;
    const reason =
      code === "ECONNREFUSED"
        ? "connection refused"
        : code === "ENOTFOUND" || code === "EAI_AGAIN"
          ? "the host name does not resolve"
          : code === "TimeoutError"
            ? `no answer within ${this.timeoutMs / 1000} s`
            : (cause?.message ?? (error as Error)?.message ?? String(error));
    const plain = this.baseUrl.startsWith("http:");
    return new UserError(`cannot reach registry ${this.host} at ${url}: ${reason}`, {
      cause: error,
      hint: plain
        ? "Check that the registry is running and listening on that host and port."
        : "Check the registry host in the image name; a registry that speaks plain HTTP needs 'insecure: true'.",
    });
  }
}

function basicAuthorization(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}

/** The registry's own words from an error body (`{"errors":[{"code","message"}]}`), when it sent one. */
async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const parsed = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
    const first = parsed.errors?.[0];
    if (first) return `: ${first.code ?? ""}${first.message ? ` ${first.message}` : ""}`.trimEnd();
  } catch {
    // not JSON: HEAD answers have no body at all
  }
  return "";
}
