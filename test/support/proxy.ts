import { createServer, request as httpRequest } from "node:http";
import net from "node:net";

export interface ForwardProxy {
  /** `http://127.0.0.1:<port>`, with `user:pass@` when the proxy was started with credentials. */
  url: string;
  /** What reached the proxy: `CONNECT host:port` for tunnels, `GET http://…` for absolute-form requests. */
  seen: string[];
  /** Requests the proxy refused with 407 because their Proxy-Authorization was missing or wrong. */
  refused: number;
  stop(): Promise<void>;
}

/**
 * A real forward proxy, as a corporate one behaves: absolute-form HTTP requests are forwarded, CONNECT opens a TCP
 * tunnel (what clients use for HTTPS), and with credentials every request must carry the matching Basic
 * Proxy-Authorization or gets 407.
 */
export async function startForwardProxy(credentials?: {
  username: string;
  password: string;
}): Promise<ForwardProxy> {
  const expected = credentials
    ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`
    : undefined;
  const sockets = new Set<net.Socket>();
  const state = { seen: [] as string[], refused: 0 };
  const allowed = (header: string | undefined) => expected === undefined || header === expected;

  const server = createServer((request, response) => {
    if (!allowed(request.headers["proxy-authorization"])) {
      state.refused++;
      response.writeHead(407, { "proxy-authenticate": 'Basic realm="test-proxy"' }).end();
      return;
    }
    state.seen.push(`${request.method} ${request.url}`);
    const target = new URL(request.url ?? "");
    const headers = { ...request.headers };
    delete headers["proxy-authorization"];
    delete headers["proxy-connection"];
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: target.pathname + target.search,
        headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on("connect", (request, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => client.destroy());
    if (!allowed(request.headers["proxy-authorization"])) {
      state.refused++;
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test-proxy"\r\n\r\n',
      );
      return;
    }
    state.seen.push(`CONNECT ${request.url}`);
    const [host, port] = (request.url ?? "").split(":");
    const upstream = net.connect(Number(port), host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("close", () => sockets.delete(upstream));
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  const auth = credentials
    ? `${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@`
    : "";
  return {
    url: `http://${auth}127.0.0.1:${port}`,
    get seen() {
      return state.seen;
    },
    get refused() {
      return state.refused;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
