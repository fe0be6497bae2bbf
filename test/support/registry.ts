import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import { createHash, createSign, randomUUID, X509Certificate } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, request as httpRequest, type Server } from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { hasComponent } from "./components.js";

const execFileAsync = promisify(execFile);

export interface Credentials {
  username: string;
  password: string;
}

export interface TestRegistry {
  /** `127.0.0.1:<port>`, the registry part of an image name. */
  host: string;
  /** How it was started: no auth, htpasswd (Basic), or a token server (Bearer). */
  auth: "none" | "basic" | "bearer";
  /** The registry's own Docker-Content-Digest for a tag, fetched independently of the code under test. */
  digest(repository: string, tag: string): Promise<string | undefined>;
  stop(): Promise<void>;
}

export const REGISTRY_BINARY = "/usr/bin/docker-registry";

/** docker-registry itself, htpasswd for the Basic-auth registry, openssl for the token service's certificate. */
export function registryComponentsPresent(): boolean {
  return (
    hasComponent(REGISTRY_BINARY, ["--version"]) &&
    hasComponent("htpasswd", ["-h"]) &&
    hasComponent("openssl", ["version"])
  );
}

/** A port nobody listens on right now: bind port 0, read what the kernel chose, release it. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function htpasswdLine(credentials: Credentials): string {
  // -i reads the password from stdin, so it is in no process listing even in tests.
  const result = spawnSync("htpasswd", ["-niB", credentials.username], {
    input: credentials.password,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`htpasswd failed: ${result.error ?? result.stderr.trim()}`);
  return result.stdout.trim();
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString("base64url");
}

/**
 * A token service as registries expect (distribution's token auth): checks Basic credentials, answers
 * `{token}` with an RS256 JWT whose x5c header carries the certificate the registry trusts.
 */
async function startTokenServer(
  dir: string,
  credentials: Credentials,
): Promise<{ server: Server; realm: string; certFile: string }> {
  const keyFile = path.join(dir, "token.key");
  const certFile = path.join(dir, "token.crt");
  await execFileAsync("openssl", [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=test-token-issuer",
    "-days",
    "1",
    "-keyout",
    keyFile,
    "-out",
    certFile,
  ]);
  const key = await readFile(keyFile, "utf8");
  const der = new X509Certificate(await readFile(certFile)).raw.toString("base64");
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://token");
    const authorized = request.headers.authorization === expected;
    if (request.headers.authorization && !authorized) {
      response.writeHead(401, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: "bad credentials" }] }));
      return;
    }
    const access = url.searchParams.getAll("scope").flatMap((scope) => {
      const [type, name, actions] = scope.split(":");
      if (!type || !name || !actions) return [];
      // Anonymous callers may pull, as public registries allow; only the right credentials may push.
      const granted = actions.split(",").filter((action) => authorized || action === "pull");
      return [{ type, name, actions: granted }];
    });
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", x5c: [der] }));
    const claims = base64url(
      JSON.stringify({
        iss: "test-issuer",
        sub: authorized ? credentials.username : "",
        aud: url.searchParams.get("service") ?? "",
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = createSign("RSA-SHA256").update(`${header}.${claims}`).sign(key);
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ token: `${header}.${claims}.${base64url(signature)}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { server, realm: `http://127.0.0.1:${port}/token`, certFile };
}

async function waitUntilServing(url: string, child: ChildProcess, log: () => string): Promise<boolean> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`docker-registry did not answer at ${url} within 15 s:\n${log()}`);
}

/**
 * Starts Debian's docker-registry on 127.0.0.1 with a config of our own (filesystem storage in a temp dir), never
 * the packaged one, which binds every address. With credentials it uses htpasswd (Basic) or a token server (Bearer).
 */
export async function startRegistry(
  options: { credentials?: Credentials; auth?: "basic" | "bearer" } = {},
): Promise<TestRegistry> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "gitops-registry-"));
  const auth = options.credentials ? (options.auth ?? "basic") : "none";
  let token: Awaited<ReturnType<typeof startTokenServer>> | undefined;
  const authConfig: string[] = [];
  if (options.credentials && auth === "basic") {
    await writeFile(path.join(dir, "htpasswd"), `${htpasswdLine(options.credentials)}\n`);
    authConfig.push(
      "auth:",
      "  htpasswd:",
      "    realm: test-registry",
      `    path: ${path.join(dir, "htpasswd")}`,
    );
  } else if (options.credentials && auth === "bearer") {
    token = await startTokenServer(dir, options.credentials);
    authConfig.push(
      "auth:",
      "  token:",
      `    realm: ${token.realm}`,
      "    service: test-registry",
      "    issuer: test-issuer",
      `    rootcertbundle: ${token.certFile}`,
    );
  }

  // The port is free when chosen but could be taken before the registry binds it: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const config = [
      "version: 0.1",
      "log:",
      "  level: error",
      "  accesslog:",
      "    disabled: true",
      "storage:",
      "  filesystem:",
      `    rootdirectory: ${path.join(dir, "storage")}`,
      "  delete:",
      "    enabled: true",
      "http:",
      `  addr: ${host}`,
      `  secret: ${randomUUID()}`,
      ...authConfig,
      "",
    ].join("\n");
    const configFile = path.join(dir, "config.yml");
    await writeFile(configFile, config);
    const child = spawn(REGISTRY_BINARY, ["serve", configFile], { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr!.on("data", (chunk) => {
      log = (log + chunk).slice(-4000);
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    if (!(await waitUntilServing(`http://${host}/v2/`, child, () => log))) continue;

    const authorization = async (repository: string): Promise<Record<string, string>> => {
      if (!options.credentials) return {};
      const basic = `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString("base64")}`;
      if (auth === "basic") return { Authorization: basic };
      const url = `${token!.realm}?service=test-registry&scope=repository:${repository}:pull`;
      const body = (await (await fetch(url, { headers: { Authorization: basic } })).json()) as {
        token: string;
      };
      return { Authorization: `Bearer ${body.token}` };
    };
    return {
      host,
      auth,
      async digest(repository, tag) {
        const response = await fetch(`http://${host}/v2/${repository}/manifests/${tag}`, {
          method: "HEAD",
          headers: {
            Accept: [
              "application/vnd.oci.image.index.v1+json",
              "application/vnd.oci.image.manifest.v1+json",
              "application/vnd.docker.distribution.manifest.list.v2+json",
              "application/vnd.docker.distribution.manifest.v2+json",
            ].join(", "),
            ...(await authorization(repository)),
          },
        });
        if (response.status === 404) return undefined;
        if (!response.ok) throw new Error(`registry answered ${response.status} for ${repository}:${tag}`);
        return response.headers.get("docker-content-digest") ?? undefined;
      },
      async stop() {
        child.kill("SIGTERM");
        await exited;
        if (token) await new Promise((resolve) => token!.server.close(resolve));
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  throw new Error("docker-registry could not bind a free port on 127.0.0.1 after 3 attempts");
}

export function sha256(data: string): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/** Pushes a minimal OCI image (empty config, no layers) through the distribution API; returns its manifest digest. */
export async function pushMinimalImage(host: string, repository: string, tag: string): Promise<string> {
  const config = "{}";
  const start = await fetch(`http://${host}/v2/${repository}/blobs/uploads/`, { method: "POST" });
  const location = new URL(start.headers.get("location")!, `http://${host}`);
  location.searchParams.set("digest", sha256(config));
  const put = await fetch(location, { method: "PUT", body: config });
  if (put.status !== 201) throw new Error(`blob upload answered ${put.status}`);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.manifest.v1+json",
    config: {
      mediaType: "application/vnd.oci.image.config.v1+json",
      digest: sha256(config),
      size: config.length,
    },
    layers: [],
  });
  const response = await fetch(`http://${host}/v2/${repository}/manifests/${tag}`, {
    method: "PUT",
    headers: { "Content-Type": "application/vnd.oci.image.manifest.v1+json" },
    body: manifest,
  });
  if (response.status !== 201) throw new Error(`manifest upload answered ${response.status}`);
  return sha256(manifest);
}

export interface ProxyExchange {
  method: string;
  path: string;
  /** Response headers from the registry, lowercased names; change them in place to make the proxy lie. */
  headers: Record<string, string | string[] | undefined>;
}

export interface RegistryProxy {
  /** `127.0.0.1:<port>`: use it as the registry part of image names. */
  host: string;
  stop(): Promise<void>;
}

/**
 * A plain HTTP proxy on 127.0.0.1 in front of a test registry that passes every request through, bodies streamed both
 * ways, and lets a test rewrite response headers: a registry that disagrees with what was pushed, or a challenge that
 * names a hostile token service, while everything else is docker-registry's own behaviour.
 */
export async function startRegistryProxy(
  target: string,
  rewrite: (exchange: ProxyExchange) => void,
): Promise<RegistryProxy> {
  const [targetHost, targetPort] = target.split(":") as [string, string];
  const server = createServer((request, response) => {
    const upstream = httpRequest(
      {
        host: targetHost,
        port: Number(targetPort),
        method: request.method,
        path: request.url,
        // The Host header is kept, so upload locations the registry hands out point back at the proxy.
        headers: request.headers,
      },
      (answer) => {
        const exchange: ProxyExchange = {
          method: request.method ?? "GET",
          path: request.url ?? "/",
          headers: { ...answer.headers },
        };
        rewrite(exchange);
        response.writeHead(answer.statusCode ?? 502, exchange.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
