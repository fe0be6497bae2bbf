import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { BareRepo, ZERO_OID } from "./github/git.js";

/**
 * Git smart HTTP for tests: `git http-backend` behind a Node server on 127.0.0.1, serving bare repositories under
 * one root. Real clone, fetch and push, including concurrent pushes that git itself serialises with ref locks.
 */
export interface HttpBackendOptions {
  projectRoot: string;
  pathInfo: string;
  query: string;
  remoteUser?: string;
  /** Sees each chunk of the request body as it is piped to the backend (a listener added earlier would drain it). */
  onRequestData?: (size: number) => void;
}

/** Runs `git http-backend` as CGI for one request: request body in, CGI headers and body out. */
export function runHttpBackend(
  req: IncomingMessage,
  res: ServerResponse,
  options: HttpBackendOptions,
): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn("git", ["http-backend"], {
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? "/tmp",
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_PROJECT_ROOT: options.projectRoot,
        GIT_HTTP_EXPORT_ALL: "1",
        GIT_HTTP_MAX_REQUEST_BUFFER: "100M",
        PATH_INFO: options.pathInfo,
        QUERY_STRING: options.query,
        REQUEST_METHOD: req.method ?? "GET",
        CONTENT_TYPE: req.headers["content-type"] ?? "",
        CONTENT_LENGTH: req.headers["content-length"] ?? "",
        HTTP_CONTENT_ENCODING: req.headers["content-encoding"] ?? "",
        HTTP_GIT_PROTOCOL: (req.headers["git-protocol"] as string | undefined) ?? "",
        REMOTE_USER: options.remoteUser ?? "",
        REMOTE_ADDR: "127.0.0.1",
        SERVER_PROTOCOL: "HTTP/1.1",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    req.pipe(child.stdin);
    const onData = options.onRequestData;
    if (onData) req.on("data", (chunk: Buffer) => onData(chunk.length));
    child.stdin.on("error", () => {});
    let headerDone = false;
    let pending = Buffer.alloc(0);
    child.stdout.on("data", (chunk: Buffer) => {
      if (headerDone) {
        res.write(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      const end = pending.indexOf("\r\n\r\n");
      if (end < 0) return;
      headerDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of pending.subarray(0, end).toString("latin1").split("\r\n")) {
        const colon = line.indexOf(":");
        const key = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (key === "status") status = Number.parseInt(value, 10);
        else headers[key] = value;
      }
      res.writeHead(status, headers);
      res.write(pending.subarray(end + 4));
    });
    child.stderr.on("data", () => {});
    child.on("close", () => {
      if (!headerDone) {
        res.writeHead(500);
      }
      res.end();
      resolve();
    });
  });
}

export interface GitHttpOptions {
  /** Basic auth every request must carry; without it the server is open (push included). */
  auth?: { username: string; password: string };
}

export interface GitHttpServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Directory holding the bare repositories (`<name>.git`). */
  root: string;
  /** Creates `<name>.git` with one commit of `files` on `branch` (default main); returns its path. */
  createRepository(name: string, files?: Record<string, string>, branch?: string): Promise<string>;
  /** URL to clone `<name>.git`, with credentials embedded when `withAuth` and auth is configured. */
  repoUrl(name: string, withAuth?: boolean): string;
  /** Requests served so far: method, path and status. */
  requests: { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

export async function startGitHttpServer(options: GitHttpOptions = {}): Promise<GitHttpServer> {
  const root = await mkdtemp(join(tmpdir(), "git-http-"));
  const requests: GitHttpServer["requests"] = [];
  const expected = options.auth
    ? `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString("base64")}`
    : undefined;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const record = { method: req.method ?? "GET", path: url.pathname, status: 0 };
    requests.push(record);
    res.on("finish", () => {
      record.status = res.statusCode;
    });
    if (expected && req.headers.authorization !== expected) {
      res.writeHead(401, { "www-authenticate": 'Basic realm="git"' });
      res.end();
      return;
    }
    const user = options.auth?.username;
    runHttpBackend(req, res, {
      projectRoot: root,
      pathInfo: decodeURIComponent(url.pathname),
      query: url.search.slice(1),
      remoteUser: user,
    }).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    root,
    requests,
    async createRepository(name, files = { "README.md": `# ${name}\n` }, branch = "main") {
      const path = join(root, `${name}.git`);
      await mkdir(dirname(path), { recursive: true });
      const repo = await BareRepo.init(path, branch);
      const tree = await repo.treeFromFiles(files);
      const who = { name: "Test", email: "test@example.test" };
      const commit = await repo.commitTree(tree, [], "Initial commit\n", who, who);
      await repo.casRef(`refs/heads/${branch}`, commit, ZERO_OID);
      return path;
    },
    repoUrl(name, withAuth = true) {
      if (!withAuth || !options.auth) return `${url}/${name}.git`;
      const { username, password } = options.auth;
      return `http://${encodeURIComponent(username)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${name}.git`;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Writes `files` into a directory (parents created); a small helper for working-directory fixtures. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}
