import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runHttpBackend } from "../git-http.js";
import { HttpError, validationFailed } from "./errors.js";
import { type Fault, Faults } from "./faults.js";
import { errorBody, timestamp } from "./fixtures.js";
import { BareRepo, type FileChange, GITHUB_COMMITTER, type Identity, ZERO_OID } from "./git.js";
import { handleGraphQL } from "./graphql.js";
import { runAutoMerges } from "./merge.js";
import type {
  BranchProtection,
  NewPullRequest,
  PermissionLevel,
  PullRequest,
  RepoSettings,
  RepoState,
  Team,
  TeamMember,
  TokenInfo,
  TokenPermission,
  UserInfo,
} from "./model.js";
import { installProtectionHook, writeProtectionRules } from "./pre-receive.js";
import { REQUIRED_PERMISSION, REST_HANDLERS } from "./rest.js";
import { loadSpec, type Spec } from "./spec.js";

export interface RepositorySeed {
  defaultBranch?: string;
  /** Files of the first commit: path → content. */
  files?: Record<string, string | Buffer>;
  /** Or a directory whose files become the first commit. */
  fromDir?: string;
  settings?: Partial<RepoSettings>;
  /** Protected branches (the default branch is protected unless `protect: []`). */
  protect?: string[];
}

export interface StartOptions {
  repositories?: Record<string, RepositorySeed>;
}

export interface RequestRecord {
  method: string;
  path: string;
  operation: string | undefined;
  graphqlFields: string[];
  status: number;
  /** Request line, headers and body as received. */
  requestBytes: number;
  /** Status line, headers and body as sent. */
  responseBytes: number;
  requestBodyBytes: number;
  responseBodyBytes: number;
  /** Time from the last request byte to the response, in milliseconds. */
  durationMs: number;
}

export interface Violation {
  kind:
    | "request"
    | "response"
    | "graphql-document"
    | "graphql-result"
    | "unmatched"
    | "unimplemented"
    | "server";
  method: string;
  path: string;
  operation: string | undefined;
  problems: string[];
}

export interface RequestFilter {
  method?: string;
  path?: string | RegExp;
  operation?: string;
  status?: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Actor {
  token: string;
  info: TokenInfo;
  user: UserInfo;
}

const DEFAULT_TOKEN = "ghs_testserver0000000000000000000000000";
const RATE_LIMIT = 5000;

export class GitHubTestServer {
  readonly spec: Spec = loadSpec();
  readonly faults = new Faults();
  readonly requests: RequestRecord[] = [];
  readonly violations: Violation[] = [];
  readonly repos = new Map<string, RepoState>();
  readonly users = new Map<string, UserInfo>();
  readonly tokens = new Map<string, TokenInfo>();
  readonly teams = new Map<string, Team>();
  /**
   * Bytes of a blob's GraphQL `text` before it is cut and `isTruncated` is true. GitHub does not document its limit;
   * 512 KiB is assumed, and a test can lower it to reach a client's fallback for large files cheaply.
   */
  blobTextLimit = 512 * 1024;
  /** A token with write access everywhere, for tests that do not care who acts. */
  readonly token = DEFAULT_TOKEN;
  url = "";
  graphqlUrl = "";
  webUrl = "";
  readonly root: string;
  private server: Server | undefined;
  private nextId = 1000;
  private rateUsed = new Map<string, number>();

  constructor(root: string) {
    this.root = root;
    this.addUser("gitops-bot", { permission: "admin", name: "GitOps Bot" });
    this.setToken(DEFAULT_TOKEN, { login: "gitops-bot", type: "user" });
  }

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.violations.push({
          kind: "server",
          method: req.method ?? "",
          path: req.url ?? "",
          operation: undefined,
          problems: [String((error as Error)?.stack ?? error)],
        });
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify(errorBody(500, "test server failure")));
      });
    });
    // Keep-alive sockets would hold close() open; the clients under test reconnect cheaply on 127.0.0.1.
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.address() as AddressInfo;
    this.webUrl = `http://127.0.0.1:${port}`;
    this.url = `${this.webUrl}/api/v3`;
    this.graphqlUrl = `${this.webUrl}/api/graphql`;
  }

  async close(): Promise<void> {
    for (const repo of this.repos.values()) repo.git.close();
    const server = this.server;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await rm(this.root, { recursive: true, force: true });
  }

  get urls() {
    return { api: this.url, web: this.webUrl };
  }

  // ---- people and access -------------------------------------------------------------------------------------

  addUser(
    login: string,
    options: { type?: UserInfo["type"]; name?: string; email?: string; permission?: PermissionLevel } = {},
  ): UserInfo {
    const existing = this.users.get(login);
    const user: UserInfo = {
      login,
      id: existing?.id ?? this.id(),
      type: options.type ?? existing?.type ?? (login.endsWith("[bot]") ? "Bot" : "User"),
      name: options.name ?? existing?.name ?? login,
      email:
        options.email ??
        existing?.email ??
        `${existing?.id ?? this.nextId}+${login}@users.noreply.github.test`,
      permission: options.permission ?? existing?.permission ?? "read",
    };
    this.users.set(login, user);
    return user;
  }

  user(login: string): UserInfo {
    return this.users.get(login) ?? this.addUser(login);
  }

  /** Registers a token. App and github-actions tokens act as `<login>` of type Bot. */
  setToken(token: string, info: TokenInfo): void {
    const isBot = info.type !== "user";
    this.addUser(info.login, { type: isBot ? "Bot" : this.users.get(info.login)?.type });
    this.tokens.set(token, {
      ...info,
      permissions: isBot
        ? {
            metadata: "read",
            contents: "write",
            "pull-requests": "write",
            issues: "write",
            statuses: "write",
            deployments: "write",
            ...info.permissions,
          }
        : info.permissions,
      canCreatePullRequests: info.canCreatePullRequests ?? true,
    });
  }

  /** Repository permission of a user; `setPermission` wins, then the owner, then the user's default. */
  setPermission(owner: string, name: string, login: string, level: PermissionLevel): void {
    this.repo(owner, name).permissions.set(login, level);
    this.user(login);
  }

  permissionOf(repo: RepoState, login: string): PermissionLevel {
    const explicit = repo.permissions.get(login);
    if (explicit) return explicit;
    if (login === repo.owner) return "admin";
    const user = this.users.get(login);
    if (user?.permission && user.permission !== "read") return user.permission;
    return repo.settings.private ? "none" : "read";
  }

  setTeam(org: string, slug: string, members: (string | TeamMember)[], name?: string): Team {
    const team: Team = {
      org,
      slug,
      id: this.teams.get(`${org}/${slug}`)?.id ?? this.id(),
      name: name ?? slug,
      members: members.map((m) =>
        typeof m === "string" ? { login: m, role: "member", state: "active" } : m,
      ),
    };
    for (const member of team.members) this.user(member.login);
    this.teams.set(`${org}/${slug}`, team);
    return team;
  }

  // ---- repositories ------------------------------------------------------------------------------------------

  async addRepository(owner: string, name: string, seed: RepositorySeed = {}): Promise<RepoState> {
    const defaultBranch = seed.defaultBranch ?? "main";
    const path = join(this.root, owner, `${name}.git`);
    const git = await BareRepo.init(path, defaultBranch);
    if (!this.users.has(owner)) this.addUser(owner, { type: "Organization" });
    const now = timestamp();
    const repo: RepoState = {
      owner,
      name,
      id: this.id(),
      defaultBranch,
      git,
      settings: {
        private: false,
        allowAutoMerge: true,
        allowMergeCommit: true,
        allowSquashMerge: true,
        allowRebaseMerge: true,
        deleteBranchOnMerge: false,
        archived: false,
        ...seed.settings,
      },
      protection: new Map(),
      permissions: new Map(),
      pulls: [],
      nextNumber: 1,
      labels: new Map(),
      comments: new Map(),
      statuses: new Map(),
      deployments: [],
      verified: new Set(),
      createdAt: now,
      pushedAt: now,
    };
    for (const branch of seed.protect ?? [defaultBranch]) this.protectBranch(repo, branch);
    await installProtectionHook(repo);
    const tree = await git.treeFromFiles(
      seed.files ?? (seed.fromDir ? undefined : { "README.md": `# ${name}\n` }),
      seed.fromDir,
    );
    const commit = await git.commitTree(
      tree,
      [],
      "Initial commit\n",
      this.identity(owner),
      this.identity(owner),
    );
    await git.casRef(`refs/heads/${defaultBranch}`, commit, ZERO_OID);
    this.repos.set(`${owner}/${name}`.toLowerCase(), repo);
    return repo;
  }

  protectBranch(repo: RepoState, branch: string, options: Partial<BranchProtection> = {}): void {
    repo.protection.set(branch, {
      allowForcePushes: false,
      requirePullRequest: false,
      requiredApprovingReviewCount: 0,
      requiredStatusChecks: [],
      ...options,
    });
  }

  repo(owner: string, name: string): RepoState {
    const repo = this.repos.get(`${owner}/${name}`.toLowerCase());
    if (!repo) throw new Error(`no repository ${owner}/${name} on the test server`);
    return repo;
  }

  findRepo(owner: string, name: string): RepoState | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  bareRepoPath(owner: string, name: string): string {
    return this.repo(owner, name).git.path;
  }

  /** Clone/push URL for git smart HTTP served by this server; basic auth takes any user and a token as password. */
  cloneUrl(owner: string, name: string, token?: string): string {
    const auth = token ? `x-access-token:${encodeURIComponent(token)}@` : "";
    return `${this.webUrl.replace("http://", `http://${auth}`)}/${owner}/${name}.git`;
  }

  identity(login: string): Identity {
    const user = this.user(login);
    return { name: user.name, email: user.email };
  }

  /**
   * A commit of `files` (content, or null to delete) onto `branch`, as another pusher would make it. Returns the
   * new oid. `expectedHead` makes it compare-and-swap; otherwise it retries until it lands.
   */
  async commitFiles(
    owner: string,
    name: string,
    branch: string,
    files: Record<string, string | Buffer | null>,
    options: { message?: string; author?: string; expectedHead?: string; verified?: boolean } = {},
  ): Promise<string> {
    const repo = this.repo(owner, name);
    const changes: FileChange[] = Object.entries(files).map(([path, content]) => ({ path, content }));
    const author = this.identity(options.author ?? owner);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const head = options.expectedHead ?? (await repo.git.readRef(`refs/heads/${branch}`));
      const baseTree = head ? (await repo.git.readCommit(head)).tree : undefined;
      const tree = await repo.git.applyChanges(baseTree, changes);
      const commit = await repo.git.commitTree(
        tree,
        head ? [head] : [],
        `${options.message ?? "Update files"}\n`,
        author,
        options.verified ? GITHUB_COMMITTER : author,
      );
      if (options.verified) repo.verified.add(commit);
      if (await repo.git.casRef(`refs/heads/${branch}`, commit, head ?? ZERO_OID)) {
        repo.pushedAt = timestamp();
        return commit;
      }
      if (options.expectedHead) throw new Error(`branch ${branch} moved`);
    }
    throw new Error(`could not commit to ${branch}: it keeps moving`);
  }

  /** File content at a ref (branch, tag or oid), or undefined. */
  async readFile(owner: string, name: string, ref: string, path: string): Promise<string | undefined> {
    const repo = this.repo(owner, name);
    const commit = await repo.git.resolveCommit(ref);
    if (!commit) return undefined;
    const entry = await repo.git.entryAt(commit, path);
    if (entry?.type !== "blob") return undefined;
    return (await repo.git.readBlob(entry.oid)).toString("utf8");
  }

  /** All file paths at a ref. */
  async listFiles(owner: string, name: string, ref: string): Promise<string[]> {
    const repo = this.repo(owner, name);
    const commit = await repo.git.resolveCommit(ref);
    if (!commit) return [];
    const entries = (await repo.git.lsTree(commit, true)) ?? [];
    return entries.filter((e) => e.type === "blob").map((e) => e.path);
  }

  async headOf(owner: string, name: string, branch: string): Promise<string | undefined> {
    return this.repo(owner, name).git.readRef(`refs/heads/${branch}`);
  }

  /** Adds a review as `login` (a test helper; no token involved). `commitId` defaults to the current head. */
  async addReview(
    owner: string,
    name: string,
    number: number,
    login: string,
    state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED",
    options: { commitId?: string; body?: string } = {},
  ): Promise<number> {
    const repo = this.repo(owner, name);
    const pr = repo.pulls.find((p) => p.number === number);
    if (!pr) throw new Error(`no pull request #${number}`);
    await this.refreshPull(repo, pr);
    this.user(login);
    const id = this.id();
    pr.reviews.push({
      id,
      login,
      state,
      body: options.body ?? "",
      commitId: options.commitId ?? pr.headSha,
      submittedAt: timestamp(),
    });
    await runAutoMerges(this, repo);
    return id;
  }

  /** Opens a pull request after GitHub's checks (branches exist, no open duplicate, commits between them). */
  async openPullRequest(repo: RepoState, login: string, fields: NewPullRequest): Promise<PullRequest> {
    const { headRef, baseRef } = fields;
    const refs = await repo.git.listRefs();
    const headSha = refs.get(`refs/heads/${headRef}`);
    const baseSha = refs.get(`refs/heads/${baseRef}`);
    if (!headSha)
      throw validationFailed("Validation Failed", [
        { resource: "PullRequest", field: "head", code: "invalid" },
      ]);
    if (!baseSha)
      throw validationFailed("Validation Failed", [
        { resource: "PullRequest", field: "base", code: "invalid" },
      ]);
    for (const pr of repo.pulls) await this.refreshPull(repo, pr, refs);
    if (repo.pulls.some((p) => p.state === "open" && p.headRef === headRef && p.baseRef === baseRef)) {
      throw validationFailed("Validation Failed", [
        {
          resource: "PullRequest",
          code: "custom",
          message: `A pull request already exists for ${repo.owner}:${headRef}.`,
        },
      ]);
    }
    if ((await repo.git.commitsBetween(baseSha, headSha)).length === 0) {
      throw validationFailed("Validation Failed", [
        { resource: "PullRequest", code: "custom", message: `No commits between ${baseRef} and ${headRef}` },
      ]);
    }
    const now = timestamp();
    const pr: PullRequest = {
      number: 0,
      id: this.id(),
      title: fields.title,
      body: fields.body,
      state: "open",
      draft: fields.draft,
      headRef,
      headSha,
      baseRef,
      baseSha,
      login,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      mergedAt: null,
      mergeCommitSha: null,
      mergedBy: null,
      labels: [],
      requestedReviewers: [],
      requestedTeams: [],
      reviews: [],
      autoMerge: null,
      maintainerCanModify: fields.maintainerCanModify,
    };
    // Checked and pushed without an await in between: concurrent creations cannot both pass the duplicate check.
    if (repo.pulls.some((p) => p.state === "open" && p.headRef === headRef && p.baseRef === baseRef)) {
      throw validationFailed("Validation Failed", [
        {
          resource: "PullRequest",
          code: "custom",
          message: `A pull request already exists for ${repo.owner}:${headRef}.`,
        },
      ]);
    }
    pr.number = repo.nextNumber++;
    repo.pulls.push(pr);
    return pr;
  }

  /** Sets a commit status as another system (a CI, Argo CD) would; `login` defaults to the repository owner. */
  async setStatus(
    owner: string,
    name: string,
    sha: string,
    context: string,
    state: "error" | "failure" | "pending" | "success",
    options: { description?: string; targetUrl?: string; login?: string } = {},
  ): Promise<void> {
    const repo = this.repo(owner, name);
    const now = timestamp();
    const list = repo.statuses.get(sha) ?? [];
    list.push({
      id: this.id(),
      state,
      context,
      description: options.description ?? null,
      targetUrl: options.targetUrl ?? null,
      login: options.login ?? owner,
      createdAt: now,
      updatedAt: now,
    });
    repo.statuses.set(sha, list);
    await runAutoMerges(this, repo);
  }

  /** The pull request's head follows its branch while open, as on GitHub. */
  async refreshPull(repo: RepoState, pr: PullRequest, refs?: Map<string, string>): Promise<void> {
    if (pr.state !== "open") return;
    const current = refs ?? (await repo.git.listRefs());
    const head = current.get(`refs/heads/${pr.headRef}`);
    if (!head) {
      // Deleting the head branch closes an open pull request on GitHub.
      pr.state = "closed";
      pr.closedAt = timestamp();
      pr.updatedAt = pr.closedAt;
      return;
    }
    if (head !== pr.headSha) {
      pr.headSha = head;
      pr.updatedAt = timestamp();
    }
    const base = current.get(`refs/heads/${pr.baseRef}`);
    if (base) pr.baseSha = base;
  }

  /** Every open pull request of the repository brought up to date with one read of the refs. */
  async refreshPulls(repo: RepoState): Promise<void> {
    if (!repo.pulls.some((p) => p.state === "open")) return;
    const refs = await repo.git.listRefs();
    for (const pr of repo.pulls) await this.refreshPull(repo, pr, refs);
  }

  // ---- counters ----------------------------------------------------------------------------------------------

  resetCounters(): void {
    this.requests.length = 0;
  }

  clearViolations(): void {
    this.violations.length = 0;
  }

  /**
   * Ends one test's use of the server: removes every injected fault and tampering and hands back (and clears) the
   * violations recorded since the last call, so one test's leftovers can neither fail nor fault the next.
   */
  endTest(): Violation[] {
    this.faults.clear();
    this.tampering.clear();
    return this.violations.splice(0, this.violations.length);
  }

  filtered(filter: RequestFilter = {}): RequestRecord[] {
    return this.requests.filter((r) => {
      if (filter.method && r.method !== filter.method.toUpperCase()) return false;
      if (filter.status !== undefined && r.status !== filter.status) return false;
      if (filter.operation !== undefined) {
        if (filter.operation.startsWith("graphql:")) {
          if (!r.graphqlFields.includes(filter.operation.slice(8))) return false;
        } else if (r.operation !== filter.operation) return false;
      }
      if (filter.path !== undefined) {
        if (typeof filter.path === "string" ? r.path !== filter.path : !filter.path.test(r.path))
          return false;
      }
      return true;
    });
  }

  /**
   * Requests per operation since the last reset: REST operationIds, `graphql:<root fields>` for GraphQL documents
   * (`graphql:repository`, `graphql:createCommitOnBranch`), `git` for smart HTTP. A test asserting the whole tally
   * catches a request that should not have been sent as well as one missing.
   */
  tally(filter?: RequestFilter): Record<string, number> {
    const tally: Record<string, number> = {};
    for (const r of this.filtered(filter)) {
      const key =
        r.operation === "graphql" ? `graphql:${r.graphqlFields.join(",")}` : (r.operation ?? r.path);
      tally[key] = (tally[key] ?? 0) + 1;
    }
    return tally;
  }

  count(filter?: RequestFilter): number {
    return this.filtered(filter).length;
  }

  bytes(filter?: RequestFilter): { request: number; response: number; total: number } {
    const list = this.filtered(filter);
    const request = list.reduce((n, r) => n + r.requestBytes, 0);
    const response = list.reduce((n, r) => n + r.responseBytes, 0);
    return { request, response, total: request + response };
  }

  // ---- HTTP --------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const gitMatch = /^\/([^/]+)\/([^/]+?)\.git(\/.*)?$/.exec(url.pathname);
    if (gitMatch) {
      // Smart-HTTP traffic is counted too (operation "git"), so a clone's bytes can be set beside the API's.
      const record: RequestRecord = {
        method: req.method ?? "GET",
        path: url.pathname,
        operation: "git",
        graphqlFields: [],
        status: 0,
        requestBytes: requestHeadBytes(req),
        responseBytes: 0,
        requestBodyBytes: 0,
        responseBodyBytes: 0,
        durationMs: 0,
      };
      this.requests.push(record);
      const started = performance.now();
      const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        if (typeof chunk === "string" || Buffer.isBuffer(chunk)) {
          const size = Buffer.byteLength(chunk as string | Buffer);
          record.responseBodyBytes += size;
          record.responseBytes += size;
        }
        return write(chunk, ...rest);
      }) as typeof res.write;
      res.on("finish", () => {
        record.status = res.statusCode;
        record.durationMs = Math.round(performance.now() - started);
      });
      // Faults match git traffic by operation "git" and path (e.g. /git-receive-pack$/): a branch-moves hook makes
      // the push that follows non-fast-forward; an answering fault replaces git's reply.
      const fired = this.faults.take({
        method: record.method,
        path: url.pathname,
        operation: "git",
        graphqlFields: [],
      });
      const answer = await this.applyFaults(fired);
      if (answer) {
        const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body ?? "");
        res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
        res.end(text);
        return;
      }
      await this.serveGit(
        req,
        res,
        gitMatch[1] as string,
        gitMatch[2] as string,
        gitMatch[3] ?? "/",
        url.search.slice(1),
        (size) => {
          record.requestBodyBytes += size;
          record.requestBytes += size;
        },
      );
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const record: RequestRecord = {
      method: req.method ?? "GET",
      path: url.pathname,
      operation: undefined,
      graphqlFields: [],
      status: 0,
      requestBytes: requestHeadBytes(req) + raw.length,
      responseBytes: 0,
      requestBodyBytes: raw.length,
      responseBodyBytes: 0,
      durationMs: 0,
    };
    const started = performance.now();
    this.requests.push(record);
    let reply: Reply;
    try {
      if (url.pathname === "/api/graphql" && record.method === "POST") {
        record.operation = "graphql";
        reply = await handleGraphQL(this, req, raw, record);
      } else if (url.pathname.startsWith("/api/v3/") || url.pathname === "/api/v3") {
        record.path = url.pathname.slice("/api/v3".length) || "/";
        reply = await this.handleRest(req, record, url.searchParams, raw);
      } else {
        reply = { status: 404, body: errorBody(404, "Not Found") };
      }
    } catch (error) {
      reply = this.errorReply(error);
    }
    record.durationMs = Math.round(performance.now() - started);
    this.send(req, res, record, reply);
  }

  errorReply(error: unknown): Reply {
    if (error instanceof HttpError) {
      return {
        status: error.status,
        body: errorBody(error.status, error.message, error.extra),
        headers: error.headers,
      };
    }
    throw error;
  }

  private send(req: IncomingMessage, res: ServerResponse, record: RequestRecord, reply: Reply): void {
    const token = bearer(req);
    const used = (this.rateUsed.get(token ?? "") ?? 0) + 1;
    this.rateUsed.set(token ?? "", used);
    const headers: Record<string, string> = {
      "x-github-request-id": randomUUID().toUpperCase().slice(0, 23),
      "x-github-media-type": "github.v3; format=json",
      "x-ratelimit-limit": String(RATE_LIMIT),
      // Never 0 by wear: only an injected rate-limit fault exhausts the budget.
      "x-ratelimit-remaining": String(Math.max(1, RATE_LIMIT - used)),
      "x-ratelimit-used": String(used),
      "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
      "x-ratelimit-resource": record.operation === "graphql" ? "graphql" : "core",
      ...reply.headers,
    };
    const body = reply.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(reply.body));
    if (reply.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
    headers["content-length"] = String(body.length);
    record.status = reply.status;
    record.responseBodyBytes = body.length;
    const head = `HTTP/1.1 ${reply.status}\r\n${Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join("")}\r\n`;
    record.responseBytes = Buffer.byteLength(head) + body.length;
    res.writeHead(reply.status, headers);
    res.end(body);
  }

  authenticate(req: IncomingMessage): Actor {
    const token = bearer(req);
    if (!token) throw new HttpError(401, "Requires authentication");
    const info = this.tokens.get(token);
    if (!info) throw new HttpError(401, "Bad credentials");
    return { token, info, user: this.user(info.login) };
  }

  /** Throws GitHub's answer when the actor may not do `scope:level` on `repo`. */
  authorize(actor: Actor, repo: RepoState | undefined, scope: string, level: TokenPermission): void {
    if (actor.info.type !== "user") {
      const full = repo ? `${repo.owner}/${repo.name}` : undefined;
      const visible =
        !full ||
        !actor.info.repositories ||
        actor.info.repositories.some((r) => r.toLowerCase() === full.toLowerCase());
      if (!visible && (repo?.settings.private || level === "read")) throw new HttpError(404, "Not Found");
      const granted = actor.info.permissions?.[scope];
      const ok =
        visible && (level === "read" ? granted === "read" || granted === "write" : granted === "write");
      // GitHub names the permission the endpoint wanted in x-accepted-github-permissions.
      if (!ok) {
        throw new HttpError(
          403,
          "Resource not accessible by integration",
          {},
          {
            "x-accepted-github-permissions": `${scope}=${level}`,
          },
        );
      }
      return;
    }
    if (!repo) return;
    const permission = this.permissionOf(repo, actor.user.login);
    if (permission === "none") throw new HttpError(404, "Not Found");
    const rank = ["none", "read", "triage", "write", "maintain", "admin"].indexOf(permission);
    if (level === "write" && rank < 3)
      throw new HttpError(403, "Resource not accessible by personal access token");
  }

  private async handleRest(
    req: IncomingMessage,
    record: RequestRecord,
    query: URLSearchParams,
    raw: Buffer,
  ): Promise<Reply> {
    const method = record.method;
    const match = this.spec.match(method, record.path);
    if (!match) {
      this.violations.push({
        kind: "unmatched",
        method,
        path: record.path,
        operation: undefined,
        problems: ["no GitHub REST operation has this method and path"],
      });
      return { status: 404, body: errorBody(404, "Not Found") };
    }
    const operationId = match.operation.operationId;
    record.operation = operationId;
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        this.violations.push({
          kind: "request",
          method,
          path: record.path,
          operation: operationId,
          problems: ["body is not JSON"],
        });
        return { status: 400, body: errorBody(400, "Problems parsing JSON") };
      }
    }
    const fired = this.faults.take({ method, path: record.path, operation: operationId, graphqlFields: [] });
    const actor = this.authenticate(req);
    const problems = this.spec.validateRequest(match, query, body);
    if (problems.length > 0) {
      this.violations.push({ kind: "request", method, path: record.path, operation: operationId, problems });
      return {
        status: 422,
        body: errorBody(422, "Invalid request.", {
          errors: problems.map((message) => ({ code: "invalid", message })),
        }),
      };
    }
    const faultReply = await this.applyFaults(fired);
    if (faultReply) return this.checked(match.operation, record, faultReply, true);
    const handler = REST_HANDLERS[operationId];
    if (!handler) {
      this.violations.push({
        kind: "unimplemented",
        method,
        path: record.path,
        operation: operationId,
        problems: [`the test server does not implement ${operationId}`],
      });
      return { status: 501, body: errorBody(501, `${operationId} is not implemented by the test server`) };
    }
    const [owner, name] = [match.params.owner, match.params.repo];
    let repo: RepoState | undefined;
    if (owner !== undefined && name !== undefined) {
      repo = this.findRepo(owner, name);
      if (!repo) throw new HttpError(404, "Not Found");
    }
    const required = REQUIRED_PERMISSION[operationId];
    if (required) this.authorize(actor, repo, required[0], required[1]);
    let reply: Reply;
    try {
      reply = await handler({
        server: this,
        actor,
        params: match.params,
        path: record.path,
        query,
        body: (body ?? {}) as Record<string, unknown>,
        repo: repo as RepoState,
      });
    } catch (error) {
      reply = this.errorReply(error);
    }
    return this.checked(match.operation, record, reply, false);
  }

  /**
   * Rewrites the bodies the server sends for one operation before they are validated, e.g. to prove in a test that a
   * shape GitHub would not send is caught, or to hand a client an unusual but valid answer. Returns an undo function.
   */
  tamper(operationId: string, rewrite: (body: unknown, status: number) => unknown): () => void {
    this.tampering.set(operationId, rewrite);
    return () => this.tampering.delete(operationId);
  }

  private readonly tampering = new Map<string, (body: unknown, status: number) => unknown>();

  private checked(
    operation: Parameters<Spec["validateResponse"]>[0],
    record: RequestRecord,
    original: Reply,
    injected: boolean,
  ): Reply {
    const rewrite = this.tampering.get(operation.operationId);
    const reply = rewrite
      ? { ...original, body: rewrite(structuredClone(original.body), original.status) }
      : original;
    const problems = this.spec.validateResponse(operation, reply.status, reply.body);
    if (problems.length === 0) return reply;
    this.violations.push({
      kind: "response",
      method: record.method,
      path: record.path,
      operation: operation.operationId,
      problems: injected ? [`injected fault: ${problems[0]}`, ...problems.slice(1)] : problems,
    });
    return {
      status: 500,
      body: errorBody(500, `test server response violates GitHub's schema: ${problems[0]}`),
    };
  }

  /** Hooks run; the first answering fault answers. */
  async applyFaults(fired: Fault[]): Promise<Reply | undefined> {
    let answer: Reply | undefined;
    for (const fault of fired) {
      if (fault.kind === "branch-moves") {
        const repo = this.repo(fault.owner, fault.repo);
        const branch = fault.branch ?? repo.defaultBranch;
        const files = fault.files ?? { [`.moved/${this.id()}`]: `moved at ${Date.now()}\n` };
        await this.commitFiles(fault.owner, fault.repo, branch, files, { message: "Concurrent change" });
        continue;
      }
      answer ??= faultReply(fault);
    }
    return answer;
  }

  // ---- git smart HTTP ----------------------------------------------------------------------------------------

  private async serveGit(
    req: IncomingMessage,
    res: ServerResponse,
    owner: string,
    name: string,
    rest: string,
    query: string,
    onRequestData: (size: number) => void,
  ): Promise<void> {
    const repo = this.findRepo(owner, name);
    const header = req.headers.authorization;
    let token: string | undefined;
    if (header?.startsWith("Basic ")) {
      const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
      token = decoded.slice(decoded.indexOf(":") + 1);
    }
    const info = token ? this.tokens.get(token) : undefined;
    const pushing = rest.endsWith("git-receive-pack") || query.includes("service=git-receive-pack");
    if (!repo || (repo.settings.private && !info) || (pushing && !info)) {
      res.writeHead(401, { "www-authenticate": 'Basic realm="GitHub"' });
      res.end();
      return;
    }
    if (pushing) await writeProtectionRules(repo);
    const relative = `/${repo.owner}/${repo.name}.git${rest}`;
    await runHttpBackend(req, res, {
      projectRoot: this.root,
      pathInfo: relative,
      query,
      remoteUser: info?.login,
      onRequestData,
    });
    if (pushing) repo.pushedAt = timestamp();
  }
}

function faultReply(fault: Fault): Reply | undefined {
  switch (fault.kind) {
    case "secondary-rate-limit": {
      const status = fault.status ?? 403;
      return {
        status,
        body: {
          message:
            "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.",
          documentation_url:
            "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
          status: String(status),
        },
        headers: { "retry-after": String(fault.retryAfter ?? 1) },
      };
    }
    case "rate-limit": {
      const reset = Math.floor(Date.now() / 1000) + (fault.resetIn ?? 1);
      return {
        status: 403,
        body: {
          message:
            "API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.",
          documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
          status: "403",
        },
        headers: {
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(reset),
          "x-ratelimit-used": String(RATE_LIMIT),
        },
      };
    }
    case "server-error": {
      const status = fault.status ?? 502;
      return { status, body: errorBody(status, status === 502 ? "Server Error" : "Service Unavailable") };
    }
    case "bad-credentials":
      return { status: 401, body: errorBody(401, "Bad credentials") };
    case "not-accessible":
      return {
        status: 403,
        body: errorBody(403, "Resource not accessible by integration"),
        headers: fault.permission ? { "x-accepted-github-permissions": fault.permission } : {},
      };
    case "actions-cannot-create-pr":
      return {
        status: 403,
        body: errorBody(403, "GitHub Actions is not permitted to create or approve pull requests."),
      };
    case "not-found":
      return { status: 404, body: errorBody(404, "Not Found") };
    case "protected-branch":
      return { status: 422, body: errorBody(422, fault.message ?? "Cannot update this protected ref.") };
    case "respond":
      return { status: fault.status, body: fault.body, headers: fault.headers };
    default:
      return undefined;
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^(?:token|bearer)\s+(.+)$/i.exec(header.trim());
  return match ? (match[1] as string) : undefined;
}

function requestHeadBytes(req: IncomingMessage): number {
  let size = Buffer.byteLength(`${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`) + 2;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    size += Buffer.byteLength(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`);
  }
  return size;
}

/** Starts a GitHub API test server on 127.0.0.1 with an ephemeral port over real bare repositories. */
export async function startGitHubServer(options: StartOptions = {}): Promise<GitHubTestServer> {
  const root = await mkdtemp(join(tmpdir(), "github-test-server-"));
  const server = new GitHubTestServer(root);
  await server.listen();
  for (const [fullName, seed] of Object.entries(options.repositories ?? {})) {
    const [owner, name] = fullName.split("/");
    if (!owner || !name) throw new Error(`repository keys are owner/name, got ${fullName}`);
    await server.addRepository(owner, name, seed);
  }
  return server;
}
