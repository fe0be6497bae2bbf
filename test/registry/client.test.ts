import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/index.js";
import {
  apiHost,
  apiRepository,
  isLoopback,
  parseChallenges,
  RegistryClient,
} from "../../src/registry/index.js";
import {
  freePort,
  pushMinimalImage,
  registryComponentsPresent,
  sha256,
  startRegistry,
  startRegistryProxy,
  type TestRegistry,
} from "../support/registry.js";

const haveRegistry = registryComponentsPresent();
const credentials = { username: "robot", password: "pa55-w0rd-for-tests" };

describe("parseChallenges", () => {
  it.each([
    [
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/web:pull"',
      [
        {
          scheme: "bearer",
          params: { realm: "https://ghcr.io/token", service: "ghcr.io", scope: "repository:acme/web:pull" },
        },
      ],
    ],
    ['Basic realm="Registry Realm"', [{ scheme: "basic", params: { realm: "Registry Realm" } }]],
    [
      'Basic realm="a, b", Bearer realm="https://t/x",service=reg',
      [
        { scheme: "basic", params: { realm: "a, b" } },
        { scheme: "bearer", params: { realm: "https://t/x", service: "reg" } },
      ],
    ],
    ['Bearer realm="with \\"quotes\\""', [{ scheme: "bearer", params: { realm: 'with "quotes"' } }]],
    ["", []],
  ])("%s", (header, expected) => {
    expect(parseChallenges(header)).toEqual(expected);
  });
});

describe("where the API lives", () => {
  it.each([
    ["nginx", "registry-1.docker.io", "library/nginx"],
    ["acme/web", "registry-1.docker.io", "acme/web"],
    ["ghcr.io/acme/web", "ghcr.io", "acme/web"],
    ["localhost:5000/web", "localhost:5000", "web"],
  ])("%s → %s /v2/%s", (name, host, repository) => {
    const ref = parseImageRef(name);
    expect(apiHost(ref)).toBe(host);
    expect(apiRepository(ref)).toBe(repository);
  });

  it("speaks plain HTTP to loopback registries and when insecure, HTTPS elsewhere", () => {
    expect(isLoopback("127.0.0.1:5000")).toBe(true);
    expect(isLoopback("localhost")).toBe(true);
    expect(isLoopback("[::1]:5000")).toBe(true);
    expect(isLoopback("registry.local:5000")).toBe(false);
    expect(new RegistryClient("localhost:5000").baseUrl).toBe("http://localhost:5000");
    expect(new RegistryClient("ghcr.io").baseUrl).toBe("https://ghcr.io");
    expect(new RegistryClient("registry.lan:5000", { insecure: true }).baseUrl).toBe(
      "http://registry.lan:5000",
    );
  });
});

describe.skipIf(!haveRegistry)("RegistryClient against docker-registry", () => {
  let open: TestRegistry;
  let basic: TestRegistry;
  let bearer: TestRegistry;
  beforeAll(async () => {
    [open, basic, bearer] = await Promise.all([
      startRegistry(),
      startRegistry({ credentials, auth: "basic" }),
      startRegistry({ credentials, auth: "bearer" }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([open?.stop(), basic?.stop(), bearer?.stop()]);
  });

  it("reads the digest of a pushed tag and nothing for a missing one", async () => {
    const digest = await pushMinimalImage(open.host, "team/app", "v1");
    const client = new RegistryClient(open.host);
    await client.ping();
    expect(await client.manifestDigest("team/app", "v1")).toBe(digest);
    expect(await client.manifestDigest("team/app", "v2")).toBeUndefined();
    expect(await client.manifestDigest("team/never-pushed", "v1")).toBeUndefined();
  });

  it.each([
    "basic",
    "bearer",
  ] as const)("authenticates with %s and verifies the credentials on ping", async (auth) => {
    const registry = auth === "basic" ? basic : bearer;
    const client = new RegistryClient(registry.host, { credentials });
    await client.ping();
    expect(await client.manifestDigest("team/app", "missing")).toBeUndefined();

    const wrong = new RegistryClient(registry.host, {
      credentials: { ...credentials, password: "nope-nope" },
    });
    const error = await wrong.ping().catch((caught: Error) => caught);
    expect(String(error)).toContain(`registry ${registry.host} refused the credentials of user "robot"`);
    expect(String(error)).not.toContain("nope-nope");
  });

  it("asks for credentials when a Basic registry gets none", async () => {
    const client = new RegistryClient(basic.host);
    await expect(client.manifestDigest("team/app", "v1")).rejects.toThrow(/requires authentication/);
  });

  it("says connection refused for a port nobody listens on", async () => {
    const host = `127.0.0.1:${await freePort()}`;
    await expect(new RegistryClient(host).manifestDigest("a/b", "c")).rejects.toThrow(
      `cannot reach registry ${host} at http://${host}/v2/a/b/manifests/c: connection refused`,
    );
  });
});

describe("RegistryClient when a registry leaves Docker-Content-Digest out", () => {
  it("hashes the manifest bytes it serves", async () => {
    const manifest = '{"schemaVersion":2,"layers":[]}';
    const server = createServer((request, response) => {
      response.writeHead(200, { "Content-Type": "application/vnd.oci.image.manifest.v1+json" });
      response.end(request.method === "HEAD" ? undefined : manifest);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await new RegistryClient(host).manifestDigest("a/b", "t")).toBe(sha256(manifest));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe.skipIf(!haveRegistry)("RegistryClient and the token realm a challenge names", () => {
  let bearer: TestRegistry;
  beforeAll(async () => {
    bearer = await startRegistry({ credentials, auth: "bearer" });
  });
  afterAll(async () => {
    await bearer?.stop();
  });

  it("sends no credentials to a plain-http token service on another host", async () => {
    // A collector standing in for an attacker's token service: it records every Authorization it is sent.
    const received: string[] = [];
    const collector = createServer((request, response) => {
      received.push(request.headers.authorization ?? "(none)");
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify({ token: "stolen" }));
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
    const realm = `http://localhost:${(collector.address() as AddressInfo).port}/token`;
    // The real registry's challenge, with the realm swapped on the way: what a tampered registry would send.
    const proxy = await startRegistryProxy(bearer.host, (exchange) => {
      const header = exchange.headers["www-authenticate"];
      if (typeof header === "string")
        exchange.headers["www-authenticate"] = header.replace(/realm="[^"]*"/, `realm="${realm}"`);
    });
    try {
      const client = new RegistryClient(proxy.host, { credentials });
      const error = await client.ping().catch((caught: Error) => caught);
      expect(String(error)).toContain(
        `registry ${proxy.host} names the token service "${realm}", which is on another host (localhost:`,
      );
      expect(String(error)).toContain("no credentials were sent to it");
      expect(received).toEqual([]);
      // The untampered challenge of the same registry (token service on the registry's own host) still works.
      await new RegistryClient(bearer.host, { credentials }).ping();
    } finally {
      await proxy.stop();
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});

describe("RegistryClient never downgrades an https registry's token service", () => {
  it.each([
    ["http://registry.example/token", "would downgrade the https registry to plain http"],
    ["http://tokens.example/token", "would downgrade the https registry to plain http"],
    ["ftp://registry.example/token", "is neither https nor http"],
  ])("refuses %s", async (realm, why) => {
    const requested: string[] = [];
    // The one request that reaches it is the registry's own 401; a token request would be a second one.
    const fetchImpl = (async (input: string | URL) => {
      requested.push(String(input));
      return new Response(null, {
        status: 401,
        headers: { "WWW-Authenticate": `Bearer realm="${realm}",service="registry.example"` },
      });
    }) as typeof fetch;
    const client = new RegistryClient("registry.example", { credentials, fetch: fetchImpl });
    const error = await client.ping().catch((caught: Error) => caught);
    expect(String(error)).toContain(
      `registry registry.example names the token service "${realm}", which ${why}`,
    );
    expect(requested).toEqual(["https://registry.example/v2/"]);
  });
});
