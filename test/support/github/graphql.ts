import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import {
  buildClientSchema,
  defaultFieldResolver,
  execute,
  type GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type IntrospectionQuery,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
} from "graphql";
import { GraphQLFailure, HttpError } from "./errors.js";
import type { Fault } from "./faults.js";
import { errorBody, timestamp } from "./fixtures.js";
import { type FileChange, GITHUB_COMMITTER } from "./git.js";
import { decodeNodeId, nodeId } from "./ids.js";
import { directUpdateBlocked, mergeState } from "./merge.js";
import type { NewPullRequest, PullRequest, RepoState, TokenPermission, UserInfo } from "./model.js";
import type { Actor, GitHubTestServer, Reply, RequestRecord } from "./server.js";
import { packageFile } from "./spec.js";

/**
 * GitHub's GraphQL schema as graphql-js sees it, from `@octokit/graphql-schema`'s introspection JSON (its SDL file
 * defines some fields twice, which graphql-js rejects). Loaded once per process.
 */
let schema: GraphQLSchema | undefined;

export function githubSchema(): GraphQLSchema {
  if (!schema) {
    const file = packageFile("@octokit/graphql-schema", "schema.json");
    const json = JSON.parse(readFileSync(file, "utf8")) as { data?: IntrospectionQuery } & IntrospectionQuery;
    schema = buildClientSchema(json.data ?? json);
    checkScalars(schema);
  }
  return schema;
}

/**
 * An introspected schema knows custom scalars by name only and passes any value through. GitHub's have formats;
 * checking them both ways means a malformed oid from a client, or a malformed date from a resolver, fails the test.
 */
const SCALAR_FORMATS: Record<string, RegExp> = {
  GitObjectID: /^[0-9a-f]{40}$/,
  DateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  GitTimestamp: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  Base64String: /^[A-Za-z0-9+/]*={0,2}$/,
  // resourcePath and friends are URIs relative to the host, so only whitespace is ruled out.
  URI: /^\S+$/,
};

function checkScalars(target: GraphQLSchema): void {
  for (const [name, format] of Object.entries(SCALAR_FORMATS)) {
    const type = target.getType(name);
    if (!isScalarType(type)) continue;
    const check = (value: unknown) => {
      if (typeof value !== "string" || !format.test(value)) {
        throw new TypeError(`${name} cannot represent ${JSON.stringify(value)}`);
      }
      return value;
    };
    type.serialize = check;
    type.parseValue = check;
    type.parseLiteral = (node) => check(node.kind === Kind.STRING ? node.value : undefined);
  }
}

type Obj = Record<string, unknown>;

interface Context {
  server: GitHubTestServer;
  actor: Actor;
  /** Fields a document asked for that the server's objects do not have (`Type.field`). */
  missing?: Set<string>;
}

/**
 * Reads fields off the server's plain objects; a field they lack would come back null where GitHub has a value, so
 * it is reported (and answered with null) instead of passing silently.
 */
const fieldResolver: GraphQLFieldResolver<unknown, Context> = (source, args, context, info) => {
  if (source !== null && typeof source === "object" && !(info.fieldName in source)) {
    context.missing?.add(`${info.parentType.name}.${info.fieldName}`);
    return null;
  }
  return defaultFieldResolver(source, args, context, info);
};

export async function handleGraphQL(
  server: GitHubTestServer,
  req: IncomingMessage,
  raw: Buffer,
  record: RequestRecord,
): Promise<Reply> {
  let payload: { query?: string; variables?: Obj; operationName?: string };
  try {
    payload = JSON.parse(raw.toString("utf8"));
  } catch {
    return {
      status: 400,
      body: { message: "Problems parsing JSON", documentation_url: "https://docs.github.com/graphql" },
    };
  }
  const violation = (kind: "graphql-document" | "graphql-result", problems: string[]) =>
    server.violations.push({ kind, method: "POST", path: "/graphql", operation: "graphql", problems });
  let document: ReturnType<typeof parse>;
  try {
    document = parse(payload.query ?? "");
  } catch (error) {
    const e = error as GraphQLError;
    violation("graphql-document", [e.message]);
    return {
      status: 200,
      body: {
        errors: [
          {
            message: `Parse error on ${e.message.replace(/^Syntax Error: /, "")}`,
            locations: e.locations ?? [],
          },
        ],
      },
    };
  }
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION &&
      (!payload.operationName || d.name?.value === payload.operationName),
  );
  record.graphqlFields =
    operation?.selectionSet.selections
      .filter((s) => s.kind === Kind.FIELD)
      .map((s) => (s.kind === Kind.FIELD ? s.name.value : "")) ?? [];
  const fired = server.faults.take({
    method: "POST",
    path: "/graphql",
    operation: "graphql",
    graphqlFields: record.graphqlFields,
  });
  if (!req.headers.authorization) {
    return {
      status: 401,
      body: {
        message: "This endpoint requires you to be authenticated.",
        documentation_url:
          "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql",
      },
    };
  }
  const actor = server.authenticate(req);
  const problems = validate(githubSchema(), document);
  if (problems.length > 0) {
    violation(
      "graphql-document",
      problems.map((p) => p.message),
    );
    return { status: 200, body: { errors: problems.map(githubValidationError) } };
  }
  const faultReply = await applyGraphQLFaults(server, fired, record.graphqlFields);
  if (faultReply) return faultReply;
  const missing = new Set<string>();
  const result = await execute({
    schema: githubSchema(),
    document,
    rootValue: root(),
    contextValue: { server, actor, missing } satisfies Context,
    variableValues: payload.variables ?? {},
    operationName: payload.operationName,
    fieldResolver,
  });
  if (missing.size > 0) {
    server.violations.push({
      kind: "unimplemented",
      method: "POST",
      path: "/graphql",
      operation: "graphql",
      problems: [...missing].map((field) => `the test server does not implement ${field}`),
    });
  }
  const errors = [];
  for (const error of result.errors ?? []) {
    const original = error.originalError;
    if (original instanceof GraphQLFailure) {
      errors.push({
        type: original.type,
        path: error.path,
        locations: error.locations,
        message: original.message,
      });
    } else if (original instanceof HttpError) {
      errors.push({
        type: original.status === 404 ? "NOT_FOUND" : "FORBIDDEN",
        path: error.path,
        locations: error.locations,
        message: original.message,
      });
    } else if (!error.path) {
      // Variables that do not fit their declared types: the client's mistake, reported as GitHub does.
      violation("graphql-document", [error.message]);
      errors.push({ message: error.message, locations: error.locations });
    } else {
      violation("graphql-result", [
        `${error.path.join(".")}: ${error.message}`,
        ...(original?.stack ? [original.stack] : []),
      ]);
      return {
        status: 500,
        body: errorBody(500, `test server result violates GitHub's GraphQL schema: ${error.message}`),
      };
    }
  }
  const body: Obj = {};
  if (result.data !== undefined) body.data = result.data;
  if (errors.length > 0) body.errors = errors;
  return { status: 200, body };
}

async function applyGraphQLFaults(
  server: GitHubTestServer,
  fired: Fault[],
  fields: string[],
): Promise<Reply | undefined> {
  const field = fields[0] ?? "query";
  const graphqlError = (type: string, message: string): Reply => ({
    status: 200,
    body: {
      data: { [field]: null },
      errors: [{ type, path: [field], locations: [{ line: 1, column: 1 }], message }],
    },
  });
  const rest: Fault[] = [];
  let answer: Reply | undefined;
  for (const fault of fired) {
    if (fault.kind === "not-accessible")
      answer ??= graphqlError("FORBIDDEN", "Resource not accessible by integration");
    else if (fault.kind === "not-found")
      answer ??= graphqlError("NOT_FOUND", "Could not resolve to a Repository with the name.");
    else if (fault.kind === "protected-branch")
      answer ??= graphqlError("UNPROCESSABLE", fault.message ?? "Protected branch update failed.");
    else rest.push(fault);
  }
  const httpAnswer = await server.applyFaults(rest);
  return answer ?? httpAnswer;
}

function githubValidationError(error: GraphQLError): Obj {
  const locations = error.locations ?? [];
  let match = /^Cannot query field "(.+)" on type "(.+)"\./.exec(error.message);
  if (match) {
    return {
      path: [],
      extensions: { code: "undefinedField", typeName: match[2], fieldName: match[1] },
      locations,
      message: `Field '${match[1]}' doesn't exist on type '${match[2]}'`,
    };
  }
  match = /^Field "(.+)" argument "(.+)" of type ".+" is required, but it was not provided\./.exec(
    error.message,
  );
  if (match) {
    return {
      path: [],
      extensions: {
        code: "missingRequiredArguments",
        className: "Field",
        name: match[1],
        arguments: match[2],
      },
      locations,
      message: `Field '${match[1]}' is missing required arguments: ${match[2]}`,
    };
  }
  match = /^Unknown argument "(.+)" on field "(.+)\.(.+)"\./.exec(error.message);
  if (match) {
    return {
      path: [],
      extensions: { code: "argumentNotAccepted", name: match[3], typeName: "Field", argumentName: match[1] },
      locations,
      message: `Field '${match[3]}' doesn't accept argument '${match[1]}'`,
    };
  }
  return { path: [], extensions: { code: "validationError" }, locations, message: error.message };
}

// ---- authorization --------------------------------------------------------------------------------------------

function allow(ctx: Context, repo: RepoState, scope: string, level: TokenPermission): void {
  try {
    ctx.server.authorize(ctx.actor, repo, scope, level);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      throw new GraphQLFailure(
        "NOT_FOUND",
        `Could not resolve to a Repository with the name '${repo.owner}/${repo.name}'.`,
      );
    }
    if (error instanceof HttpError) throw new GraphQLFailure("FORBIDDEN", error.message);
    throw error;
  }
}

// ---- object builders ------------------------------------------------------------------------------------------

/**
 * A page of a connection. GitHub refuses a connection read without `first` or `last`, or asking for more than 100,
 * so a client that forgets fails here as it would there.
 */
function connection<T>(name: string, items: T[], args: { first?: number; last?: number } = {}): Obj {
  if (typeof args.first !== "number" && typeof args.last !== "number") {
    throw new GraphQLFailure(
      "MISSING_PAGINATION_BOUNDARIES",
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
  }
  for (const [key, value] of [
    ["first", args.first],
    ["last", args.last],
  ] as const) {
    if (typeof value === "number" && value > 100) {
      throw new GraphQLFailure(
        "EXCESSIVE_PAGINATION",
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${key}\` limit of 100 records.`,
      );
    }
  }
  let list = items;
  if (typeof args.first === "number") list = list.slice(0, args.first);
  if (typeof args.last === "number") list = list.slice(Math.max(0, list.length - args.last));
  return {
    totalCount: items.length,
    nodes: list,
    edges: list.map((node, index) => ({
      node,
      cursor: Buffer.from(`cursor:${index + 1}`).toString("base64"),
    })),
    pageInfo: {
      hasNextPage: list.length < items.length,
      hasPreviousPage: false,
      startCursor: list.length > 0 ? Buffer.from("cursor:1").toString("base64") : null,
      endCursor: list.length > 0 ? Buffer.from(`cursor:${list.length}`).toString("base64") : null,
    },
  };
}

function actorNode(ctx: Context, user: UserInfo): Obj {
  const url = `${ctx.server.webUrl}/${user.login}`;
  const kind = user.type === "Bot" ? "Bot" : user.type === "Organization" ? "Organization" : "User";
  return {
    __typename: kind,
    id: nodeId(kind, user.login),
    login: user.login,
    name: user.name,
    email: user.email,
    url,
    resourcePath: `/${user.login}`,
    avatarUrl: `${ctx.server.webUrl}/avatars/u/${user.id}`,
    databaseId: user.id,
    createdAt: timestamp(new Date(0)),
    updatedAt: timestamp(new Date(0)),
  };
}

function repositoryNode(ctx: Context, repo: RepoState): Obj {
  const full = `${repo.owner}/${repo.name}`;
  const web = `${ctx.server.webUrl}/${full}`;
  const owner = ctx.server.user(repo.owner);
  return {
    __typename: "Repository",
    id: nodeId("Repository", full),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: full,
    owner: actorNode(ctx, owner),
    url: web,
    resourcePath: `/${full}`,
    isPrivate: repo.settings.private,
    isArchived: repo.settings.archived,
    isFork: false,
    isEmpty: false,
    visibility: repo.settings.private ? "PRIVATE" : "PUBLIC",
    autoMergeAllowed: repo.settings.allowAutoMerge,
    mergeCommitAllowed: repo.settings.allowMergeCommit,
    squashMergeAllowed: repo.settings.allowSquashMerge,
    rebaseMergeAllowed: repo.settings.allowRebaseMerge,
    deleteBranchOnMerge: repo.settings.deleteBranchOnMerge,
    createdAt: repo.createdAt,
    updatedAt: repo.pushedAt,
    pushedAt: repo.pushedAt,
    viewerPermission: () => {
      const level =
        ctx.actor.info.type === "user"
          ? ctx.server.permissionOf(repo, ctx.actor.user.login)
          : ctx.actor.info.permissions?.contents === "write"
            ? "write"
            : "read";
      return level === "none" ? null : level.toUpperCase();
    },
    defaultBranchRef: () => refNode(ctx, repo, `refs/heads/${repo.defaultBranch}`),
    ref: ({ qualifiedName }: { qualifiedName: string }) => {
      const qualified = qualifiedName.startsWith("refs/") ? qualifiedName : `refs/heads/${qualifiedName}`;
      return refNode(ctx, repo, qualified);
    },
    refs: async (args: { refPrefix: string; first?: number; query?: string }) => {
      const refs = await repo.git.listRefs();
      const nodes = [];
      for (const name of [...refs.keys()].sort()) {
        if (!name.startsWith(args.refPrefix)) continue;
        if (args.query && !name.slice(args.refPrefix.length).includes(args.query)) continue;
        nodes.push(await refNode(ctx, repo, name));
      }
      return connection("refs", nodes, args);
    },
    object: async ({ expression, oid }: { expression?: string; oid?: string }) =>
      objectAt(ctx, repo, expression ?? oid ?? ""),
    pullRequests: async (args: {
      states?: string[];
      headRefName?: string;
      baseRefName?: string;
      labels?: string[];
      first?: number;
      last?: number;
      orderBy?: { field: string; direction: string };
    }) => {
      const list: Obj[] = [];
      const pulls = [...repo.pulls];
      if (args.orderBy?.direction === "DESC") pulls.reverse();
      await ctx.server.refreshPulls(repo);
      for (const pr of pulls) {
        if (args.states && !args.states.includes(prState(pr))) continue;
        if (args.headRefName !== undefined && pr.headRef !== args.headRefName) continue;
        if (args.baseRefName !== undefined && pr.baseRef !== args.baseRefName) continue;
        if (args.labels && !args.labels.some((l) => pr.labels.includes(l))) continue;
        list.push(pullRequestNode(ctx, repo, pr));
      }
      return connection("pullRequests", list, args);
    },
    pullRequest: async ({ number }: { number: number }) => {
      const pr = repo.pulls.find((p) => p.number === number);
      if (!pr)
        throw new GraphQLFailure(
          "NOT_FOUND",
          `Could not resolve to a PullRequest with the number of ${number}.`,
        );
      await ctx.server.refreshPull(repo, pr);
      return pullRequestNode(ctx, repo, pr);
    },
  };
}

async function refNode(ctx: Context, repo: RepoState, qualified: string): Promise<Obj | null> {
  const oid = (await repo.git.listRefs()).get(qualified);
  if (!oid) return null;
  const slash = qualified.startsWith("refs/heads/")
    ? "refs/heads/".length
    : qualified.startsWith("refs/tags/")
      ? "refs/tags/".length
      : qualified.lastIndexOf("/") + 1;
  return {
    __typename: "Ref",
    id: nodeId("Ref", `${repo.owner}/${repo.name}:${qualified}`),
    name: qualified.slice(slash),
    prefix: qualified.slice(0, slash),
    repository: () => repositoryNode(ctx, repo),
    target: () => gitObjectNode(ctx, repo, oid),
    associatedPullRequests: async (args: { states?: string[]; first?: number }) => {
      const list = [];
      await ctx.server.refreshPulls(repo);
      for (const pr of repo.pulls) {
        if (`refs/heads/${pr.headRef}` !== qualified) continue;
        if (args.states && !args.states.includes(prState(pr))) continue;
        list.push(pullRequestNode(ctx, repo, pr));
      }
      return connection("associatedPullRequests", list, args);
    },
  };
}

async function gitObjectNode(ctx: Context, repo: RepoState, oid: string): Promise<Obj | null> {
  const type = await repo.git.objectType(oid);
  if (type === "commit") return commitNode(ctx, repo, oid);
  if (type === "tree") return treeNode(ctx, repo, oid, "");
  if (type === "blob") return blobNode(ctx, repo, oid);
  return null;
}

/** `object(expression:)`: `<rev>:<path>`, `<rev>` or an oid, as `git rev-parse` reads it. */
async function objectAt(ctx: Context, repo: RepoState, expression: string): Promise<Obj | null> {
  const colon = expression.indexOf(":");
  if (colon < 0) {
    const commit = await repo.git.resolveCommit(expression);
    if (commit) return commitNode(ctx, repo, commit);
    if (/^[0-9a-f]{40}$/.test(expression)) return gitObjectNode(ctx, repo, expression);
    return null;
  }
  const commit = await repo.git.resolveCommit(expression.slice(0, colon));
  if (!commit) return null;
  const path = expression.slice(colon + 1);
  const entry = await repo.git.entryAt(commit, path);
  if (!entry) return null;
  if (entry.type === "tree") return treeNode(ctx, repo, entry.oid, path.replace(/^\/+|\/+$/g, ""));
  if (entry.type === "blob") return blobNode(ctx, repo, entry.oid);
  return null;
}

function commitNode(ctx: Context, repo: RepoState, oid: string): Obj {
  const full = `${repo.owner}/${repo.name}`;
  const url = `${ctx.server.webUrl}/${full}/commit/${oid}`;
  let info: ReturnType<RepoState["git"]["readCommit"]> | undefined;
  const load = () => {
    info ??= repo.git.readCommit(oid);
    return info;
  };
  const headline = async () => (await load()).message.split("\n")[0] ?? "";
  const diffStats = async () => {
    const commit = await load();
    const parent = commit.parents[0];
    const files = parent ? await repo.git.diff(parent, oid) : [];
    return files;
  };
  return {
    __typename: "Commit",
    id: nodeId("Commit", `${full}@${oid}`),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    url,
    commitUrl: url,
    resourcePath: `/${full}/commit/${oid}`,
    commitResourcePath: `/${full}/commit/${oid}`,
    message: async () => (await load()).message.replace(/\n$/, ""),
    messageHeadline: headline,
    messageBody: async () => {
      const message = (await load()).message.replace(/\n$/, "");
      const split = message.indexOf("\n");
      return split < 0 ? "" : message.slice(split + 1).replace(/^\n/, "");
    },
    committedDate: async () => (await load()).committer.date,
    authoredDate: async () => (await load()).author.date,
    pushedDate: async () => (await load()).committer.date,
    committedViaWeb: () => repo.verified.has(oid),
    author: async () => {
      const a = (await load()).author;
      return {
        name: a.name,
        email: a.email,
        date: a.date,
        avatarUrl: `${ctx.server.webUrl}/avatars/e/${a.email}`,
        user: null,
      };
    },
    committer: async () => {
      const c = (await load()).committer;
      return {
        name: c.name,
        email: c.email,
        date: c.date,
        avatarUrl: `${ctx.server.webUrl}/avatars/e/${c.email}`,
        user: null,
      };
    },
    signature: () =>
      repo.verified.has(oid)
        ? {
            __typename: "GpgSignature",
            isValid: true,
            state: "VALID",
            wasSignedByGitHub: true,
            email: GITHUB_COMMITTER.email,
            payload: "",
            signature: "",
            signer: null,
            keyId: "B5690EEEBB952194",
            verifiedAt: timestamp(),
          }
        : null,
    tree: async () => treeNode(ctx, repo, (await load()).tree, ""),
    parents: async (args: { first?: number }) =>
      connection(
        "parents",
        (await load()).parents.map((p) => commitNode(ctx, repo, p)),
        args,
      ),
    additions: async () => (await diffStats()).reduce((n, f) => n + f.additions, 0),
    deletions: async () => (await diffStats()).reduce((n, f) => n + f.deletions, 0),
    changedFiles: async () => (await diffStats()).length,
    changedFilesIfAvailable: async () => (await diffStats()).length,
    repository: () => repositoryNode(ctx, repo),
    file: async ({ path }: { path: string }) => {
      const entry = await repo.git.entryAt(oid, path);
      if (!entry) return null;
      return treeEntryNode(ctx, repo, entry, path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
    },
  };
}

function treeNode(ctx: Context, repo: RepoState, oid: string, path: string): Obj {
  const full = `${repo.owner}/${repo.name}`;
  return {
    __typename: "Tree",
    id: nodeId("Tree", `${full}@${oid}`),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    commitUrl: `${ctx.server.webUrl}/${full}`,
    commitResourcePath: `/${full}`,
    repository: () => repositoryNode(ctx, repo),
    entries: async () => {
      const entries = (await repo.git.lsTree(oid)) ?? [];
      return entries.map((entry) => treeEntryNode(ctx, repo, entry, path));
    },
  };
}

function treeEntryNode(
  ctx: Context,
  repo: RepoState,
  entry: { mode: string; type: string; oid: string; size: number | undefined; path: string },
  parent: string,
): Obj {
  const name = entry.path.split("/").pop() ?? entry.path;
  const path = parent ? `${parent}/${name}` : name;
  const dot = name.lastIndexOf(".");
  return {
    name,
    nameRaw: Buffer.from(name).toString("base64"),
    path,
    pathRaw: Buffer.from(path).toString("base64"),
    type: entry.type,
    mode: Number.parseInt(entry.mode, 8),
    oid: entry.oid,
    size: entry.size ?? 0,
    extension: dot > 0 ? name.slice(dot) : null,
    isGenerated: false,
    language: null,
    submodule: null,
    lineCount: async () => {
      if (entry.type !== "blob") return null;
      const text = (await repo.git.readBlob(entry.oid)).toString("utf8");
      return text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
    },
    repository: () => repositoryNode(ctx, repo),
    object: () =>
      entry.type === "tree"
        ? treeNode(ctx, repo, entry.oid, path)
        : entry.type === "blob"
          ? blobNode(ctx, repo, entry.oid)
          : null,
  };
}

function blobNode(ctx: Context, repo: RepoState, oid: string): Obj {
  const full = `${repo.owner}/${repo.name}`;
  let content: Promise<Buffer> | undefined;
  const load = () => {
    content ??= repo.git.readBlob(oid);
    return content;
  };
  const binary = async () => (await load()).includes(0);
  return {
    __typename: "Blob",
    id: nodeId("Blob", `${full}@${oid}`),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    commitUrl: `${ctx.server.webUrl}/${full}`,
    commitResourcePath: `/${full}`,
    repository: () => repositoryNode(ctx, repo),
    byteSize: async () => (await load()).length,
    isBinary: binary,
    isTruncated: async () => (await load()).length > ctx.server.blobTextLimit,
    // GitHub returns null text for binary blobs, and only the first part of a large one (isTruncated).
    text: async () => {
      if (await binary()) return null;
      const bytes = await load();
      return bytes.subarray(0, ctx.server.blobTextLimit).toString("utf8");
    },
  };
}

function prState(pr: PullRequest): string {
  return pr.mergedAt ? "MERGED" : pr.state === "open" ? "OPEN" : "CLOSED";
}

function pullRequestNode(ctx: Context, repo: RepoState, pr: PullRequest): Obj {
  const full = `${repo.owner}/${repo.name}`;
  const url = `${ctx.server.webUrl}/${full}/pull/${pr.number}`;
  const files = async () => {
    const base = (await repo.git.mergeBase(pr.baseSha, pr.headSha)) ?? pr.baseSha;
    return repo.git.diff(base, pr.headSha);
  };
  const mergeable = async () =>
    pr.state !== "open"
      ? "UNKNOWN"
      : (await repo.git.mergeTrees(pr.baseSha, pr.headSha))
        ? "MERGEABLE"
        : "CONFLICTING";
  return {
    __typename: "PullRequest",
    id: nodeId("PullRequest", `${full}#${pr.number}`),
    databaseId: pr.id,
    number: pr.number,
    title: pr.title,
    body: pr.body ?? "",
    bodyText: pr.body ?? "",
    url,
    permalink: url,
    resourcePath: `/${full}/pull/${pr.number}`,
    state: prState(pr),
    isDraft: pr.draft,
    closed: pr.state === "closed",
    merged: pr.mergedAt !== null,
    mergedAt: pr.mergedAt,
    closedAt: pr.closedAt,
    createdAt: pr.createdAt,
    updatedAt: pr.updatedAt,
    locked: false,
    isCrossRepository: false,
    maintainerCanModify: pr.maintainerCanModify,
    headRefName: pr.headRef,
    baseRefName: pr.baseRef,
    headRefOid: pr.headSha,
    baseRefOid: pr.baseSha,
    headRef: () => refNode(ctx, repo, `refs/heads/${pr.headRef}`),
    baseRef: () => refNode(ctx, repo, `refs/heads/${pr.baseRef}`),
    mergeCommit: () => (pr.mergeCommitSha ? commitNode(ctx, repo, pr.mergeCommitSha) : null),
    author: () => actorNode(ctx, ctx.server.user(pr.login)),
    authorAssociation: pr.login === repo.owner ? "OWNER" : "MEMBER",
    repository: () => repositoryNode(ctx, repo),
    mergeable,
    mergeStateStatus: async () => (await mergeState(repo, pr)).toUpperCase(),
    autoMergeRequest: () =>
      pr.autoMerge
        ? {
            enabledAt: pr.autoMerge.enabledAt,
            enabledBy: actorNode(ctx, ctx.server.user(pr.autoMerge.enabledBy)),
            mergeMethod: pr.autoMerge.method,
            commitHeadline: pr.title,
            commitBody: pr.body ?? "",
            pullRequest: () => pullRequestNode(ctx, repo, pr),
          }
        : null,
    labels: (args: { first?: number }) =>
      connection(
        "labels",
        pr.labels.map((name) => ({
          __typename: "Label",
          id: nodeId("Label", `${full}:${name}`),
          name,
          color: repo.labels.get(name)?.color ?? "ededed",
          description: repo.labels.get(name)?.description ?? null,
        })),
        args,
      ),
    reviews: (args: { first?: number; last?: number; states?: string[] }) =>
      connection(
        "reviews",
        pr.reviews
          .filter((r) => !args.states || args.states.includes(r.state))
          .map((r) => ({
            __typename: "PullRequestReview",
            id: nodeId("PullRequestReview", `${full}#${pr.number}/${r.id}`),
            databaseId: r.id,
            state: r.state,
            body: r.body,
            submittedAt: r.submittedAt,
            createdAt: r.submittedAt,
            author: actorNode(ctx, ctx.server.user(r.login)),
            commit: commitNode(ctx, repo, r.commitId),
          })),
        args,
      ),
    files: async (args: { first?: number }) =>
      connection(
        "files",
        (await files()).map((f) => ({
          path: f.path,
          additions: f.additions,
          deletions: f.deletions,
          changeType: f.status === "added" ? "ADDED" : f.status === "removed" ? "DELETED" : "MODIFIED",
          viewerViewedState: "UNVIEWED",
        })),
        args,
      ),
    additions: async () => (await files()).reduce((n, f) => n + f.additions, 0),
    deletions: async () => (await files()).reduce((n, f) => n + f.deletions, 0),
    changedFiles: async () => (await files()).length,
    commits: async (args: { first?: number; last?: number }) => {
      const oids = await repo.git.commitsBetween(pr.baseSha, pr.headSha);
      return connection(
        "commits",
        oids.map((oid) => ({
          __typename: "PullRequestCommit",
          id: nodeId("PullRequestCommit", `${full}#${pr.number}@${oid}`),
          commit: commitNode(ctx, repo, oid),
          url: `${url}/commits/${oid}`,
        })),
        args,
      );
    },
    viewerDidAuthor: pr.login === ctx.actor.user.login,
  };
}

async function findPullByNode(ctx: Context, id: string): Promise<{ repo: RepoState; pr: PullRequest }> {
  const decoded = decodeNodeId(id);
  if (decoded?.kind === "PullRequest") {
    const match = /^(.+)\/(.+)#(\d+)$/.exec(decoded.key);
    const repo = match ? ctx.server.findRepo(match[1] as string, match[2] as string) : undefined;
    const pr = repo?.pulls.find((p) => p.number === Number(match?.[3]));
    if (repo && pr) {
      await ctx.server.refreshPull(repo, pr);
      return { repo, pr };
    }
  }
  throw new GraphQLFailure("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
}

// ---- root ----------------------------------------------------------------------------------------------------

function root(): Obj {
  return {
    repository: ({ owner, name }: { owner: string; name: string }, ctx: Context) => {
      const repo = ctx.server.findRepo(owner, name);
      if (!repo)
        throw new GraphQLFailure(
          "NOT_FOUND",
          `Could not resolve to a Repository with the name '${owner}/${name}'.`,
        );
      allow(ctx, repo, "metadata", "read");
      return repositoryNode(ctx, repo);
    },
    viewer: (_args: Obj, ctx: Context) => actorNode(ctx, ctx.actor.user),
    rateLimit: () => ({
      limit: 5000,
      cost: 1,
      remaining: 4999,
      used: 1,
      resetAt: timestamp(new Date(Date.now() + 3600_000)),
      nodeCount: 1,
    }),
    node: ({ id }: { id: string }, ctx: Context) => nodeById(ctx, id),
    nodes: ({ ids }: { ids: string[] }, ctx: Context) => Promise.all(ids.map((id) => nodeById(ctx, id))),
    createCommitOnBranch: (args: { input: Obj }, ctx: Context) => createCommitOnBranch(ctx, args.input),
    enablePullRequestAutoMerge: (args: { input: Obj }, ctx: Context) => enableAutoMerge(ctx, args.input),
    disablePullRequestAutoMerge: async (args: { input: Obj }, ctx: Context) => {
      const { repo, pr } = await findPullByNode(ctx, args.input.pullRequestId as string);
      allow(ctx, repo, "pull-requests", "write");
      pr.autoMerge = null;
      return {
        clientMutationId: args.input.clientMutationId ?? null,
        actor: actorNode(ctx, ctx.actor.user),
        pullRequest: pullRequestNode(ctx, repo, pr),
      };
    },
    createPullRequest: async (args: { input: Obj }, ctx: Context) => {
      const input = args.input;
      const decoded = decodeNodeId(String(input.repositoryId));
      const [owner, name] = decoded?.kind === "Repository" ? decoded.key.split("/") : [];
      const repo = ctx.server.findRepo(owner ?? "", name ?? "");
      if (!repo)
        throw new GraphQLFailure(
          "NOT_FOUND",
          `Could not resolve to a node with the global id of '${input.repositoryId}'`,
        );
      allow(ctx, repo, "pull-requests", "write");
      if (ctx.actor.info.type === "github-actions" && ctx.actor.info.canCreatePullRequests === false) {
        throw new GraphQLFailure(
          "FORBIDDEN",
          "GitHub Actions is not permitted to create or approve pull requests.",
        );
      }
      const pr = await openPullRequest(ctx, repo, {
        headRef: String(input.headRefName).replace(/^refs\/heads\//, ""),
        baseRef: String(input.baseRefName).replace(/^refs\/heads\//, ""),
        title: String(input.title),
        body: typeof input.body === "string" ? input.body : null,
        draft: input.draft === true,
        maintainerCanModify: input.maintainerCanModify !== false,
      });
      return {
        clientMutationId: input.clientMutationId ?? null,
        pullRequest: pullRequestNode(ctx, repo, pr),
      };
    },
    updatePullRequest: async (args: { input: Obj }, ctx: Context) => {
      const input = args.input;
      const { repo, pr } = await findPullByNode(ctx, input.pullRequestId as string);
      allow(ctx, repo, "pull-requests", "write");
      if (typeof input.title === "string") pr.title = input.title;
      if (typeof input.body === "string") pr.body = input.body;
      if (input.state === "CLOSED" && pr.state === "open") {
        pr.state = "closed";
        pr.closedAt = timestamp();
      }
      pr.updatedAt = timestamp();
      return {
        clientMutationId: input.clientMutationId ?? null,
        actor: actorNode(ctx, ctx.actor.user),
        pullRequest: pullRequestNode(ctx, repo, pr),
      };
    },
  };
}

async function nodeById(ctx: Context, id: string): Promise<Obj | null> {
  const decoded = decodeNodeId(id);
  if (!decoded)
    throw new GraphQLFailure("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
  const { kind, key } = decoded;
  const repoOf = (full: string) => {
    const [owner, name] = full.split("/");
    const repo = ctx.server.findRepo(owner ?? "", name ?? "");
    if (!repo)
      throw new GraphQLFailure("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
    allow(ctx, repo, "metadata", "read");
    return repo;
  };
  switch (kind) {
    case "Repository":
      return repositoryNode(ctx, repoOf(key));
    case "PullRequest": {
      const { repo, pr } = await findPullByNode(ctx, id);
      return pullRequestNode(ctx, repo, pr);
    }
    case "Ref": {
      const split = key.indexOf(":");
      return refNode(ctx, repoOf(key.slice(0, split)), key.slice(split + 1));
    }
    case "Commit":
    case "Tree":
    case "Blob": {
      const split = key.lastIndexOf("@");
      return gitObjectNode(ctx, repoOf(key.slice(0, split)), key.slice(split + 1));
    }
    case "User":
    case "Bot":
    case "Organization": {
      const user = ctx.server.users.get(key);
      return user ? actorNode(ctx, user) : null;
    }
    default:
      throw new GraphQLFailure("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
  }
}

async function resolveBranch(ctx: Context, branch: Obj): Promise<{ repo: RepoState; name: string }> {
  if (typeof branch.id === "string") {
    const decoded = decodeNodeId(branch.id);
    if (decoded?.kind === "Ref") {
      const split = decoded.key.indexOf(":");
      const [owner, name] = decoded.key.slice(0, split).split("/");
      const repo = ctx.server.findRepo(owner ?? "", name ?? "");
      const ref = decoded.key.slice(split + 1);
      if (repo && ref.startsWith("refs/heads/")) return { repo, name: ref.slice("refs/heads/".length) };
    }
    throw new GraphQLFailure("NOT_FOUND", `Could not resolve to a node with the global id of '${branch.id}'`);
  }
  const nwo = branch.repositoryNameWithOwner;
  const branchName = branch.branchName;
  if (typeof nwo !== "string" || typeof branchName !== "string") {
    throw new GraphQLFailure(
      "UNPROCESSABLE",
      "Either an id or both repositoryNameWithOwner and branchName must be provided",
    );
  }
  const [owner, name] = nwo.split("/");
  const repo = ctx.server.findRepo(owner ?? "", name ?? "");
  if (!repo)
    throw new GraphQLFailure("NOT_FOUND", `Could not resolve to a Repository with the name '${nwo}'.`);
  return { repo, name: branchName.replace(/^refs\/heads\//, "") };
}

async function createCommitOnBranch(ctx: Context, input: Obj): Promise<Obj> {
  const { repo, name } = await resolveBranch(ctx, input.branch as Obj);
  allow(ctx, repo, "contents", "write");
  const qualified = `refs/heads/${name}`;
  const expected = input.expectedHeadOid as string;
  const current = (await repo.git.listRefs()).get(qualified);
  if (!current) throw new GraphQLFailure("NOT_FOUND", `A ref named "${qualified}" does not exist.`);
  const blocked = directUpdateBlocked(repo, name);
  if (blocked) throw new GraphQLFailure("UNPROCESSABLE", blocked);
  if (current !== expected) {
    throw new GraphQLFailure(
      "STALE_DATA",
      `Expected branch to point to "${expected}" but it did not.  Pull and try again.`,
    );
  }
  const fileChanges = (input.fileChanges as Obj | undefined) ?? {};
  for (const key of ["additions", "deletions"]) {
    if (key in fileChanges && fileChanges[key] === null) {
      throw new GraphQLFailure(
        "INVALID",
        `Variable $input of type CreateCommitOnBranchInput! was provided invalid value for fileChanges.${key} (Expected value to not be null)`,
      );
    }
  }
  const changes: FileChange[] = [];
  for (const deletion of (fileChanges.deletions as { path: string }[] | undefined) ?? []) {
    const entry = await repo.git.entryAt(current, deletion.path);
    if (entry?.type !== "blob") {
      throw new GraphQLFailure(
        "UNPROCESSABLE",
        `A path was requested for deletion which does not exist as of commit oid \`${current}\``,
      );
    }
    changes.push({ path: deletion.path, content: null });
  }
  for (const addition of (fileChanges.additions as { path: string; contents: string }[] | undefined) ?? []) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(addition.contents) || addition.contents.length % 4 !== 0) {
      throw new GraphQLFailure("UNPROCESSABLE", `File contents for ${addition.path} are not valid base64`);
    }
    const path = addition.path.replace(/^\/+/, "");
    if (
      path === "" ||
      path.split("/").some((part) => part === "" || part === "." || part === ".." || part === ".git")
    ) {
      throw new GraphQLFailure("UNPROCESSABLE", `Invalid path: ${addition.path}`);
    }
    changes.push({ path, content: Buffer.from(addition.contents, "base64") });
  }
  const message = input.message as { headline: string; body?: string | null };
  if (!message.headline.trim())
    throw new GraphQLFailure("UNPROCESSABLE", "Commit message headline must not be blank");
  const text = message.body ? `${message.headline}\n\n${message.body}` : message.headline;
  const info = await repo.git.readCommit(current);
  const tree = await repo.git.applyChanges(info.tree, changes);
  const commit = await repo.git.commitTree(
    tree,
    [current],
    `${text.replace(/\n+$/, "")}\n`,
    ctx.server.identity(ctx.actor.user.login),
    GITHUB_COMMITTER,
  );
  repo.verified.add(commit);
  if (!(await repo.git.casRef(qualified, commit, current))) {
    throw new GraphQLFailure(
      "STALE_DATA",
      `Expected branch to point to "${expected}" but it did not.  Pull and try again.`,
    );
  }
  repo.pushedAt = timestamp();
  return {
    clientMutationId: input.clientMutationId ?? null,
    commit: commitNode(ctx, repo, commit),
    ref: () => refNode(ctx, repo, qualified),
  };
}

async function enableAutoMerge(ctx: Context, input: Obj): Promise<Obj> {
  const { repo, pr } = await findPullByNode(ctx, input.pullRequestId as string);
  allow(ctx, repo, "pull-requests", "write");
  allow(ctx, repo, "contents", "write");
  if (!repo.settings.allowAutoMerge)
    throw new GraphQLFailure("UNPROCESSABLE", "Pull request Auto merge is not allowed for this repository");
  if (pr.state !== "open")
    throw new GraphQLFailure(
      "UNPROCESSABLE",
      "Pull request is not in the correct state to enable auto-merge",
    );
  const rule = repo.protection.get(pr.baseRef);
  if (!rule)
    throw new GraphQLFailure(
      "UNPROCESSABLE",
      "Pull request Protected branch rules not configured for this branch",
    );
  if (
    rule.requiredApprovingReviewCount === 0 &&
    rule.requiredStatusChecks.length === 0 &&
    !rule.requirePullRequest
  ) {
    throw new GraphQLFailure("UNPROCESSABLE", "Pull request Pull request is in clean status");
  }
  const method = (input.mergeMethod as "MERGE" | "SQUASH" | "REBASE" | undefined) ?? "MERGE";
  const allowed = {
    MERGE: repo.settings.allowMergeCommit,
    SQUASH: repo.settings.allowSquashMerge,
    REBASE: repo.settings.allowRebaseMerge,
  }[method];
  if (!allowed)
    throw new GraphQLFailure(
      "UNPROCESSABLE",
      `Pull request ${method.toLowerCase()} merges are not allowed on this repository`,
    );
  if (typeof input.expectedHeadOid === "string" && input.expectedHeadOid !== pr.headSha) {
    throw new GraphQLFailure("UNPROCESSABLE", "Pull request head commit has changed");
  }
  pr.autoMerge = { method, enabledBy: ctx.actor.user.login, enabledAt: timestamp() };
  return {
    clientMutationId: input.clientMutationId ?? null,
    actor: actorNode(ctx, ctx.actor.user),
    pullRequest: pullRequestNode(ctx, repo, pr),
  };
}

/** Opens a pull request through the server, its REST refusals turned into GraphQL errors as GitHub words them. */
async function openPullRequest(ctx: Context, repo: RepoState, fields: NewPullRequest): Promise<PullRequest> {
  try {
    return await ctx.server.openPullRequest(repo, ctx.actor.user.login, fields);
  } catch (error) {
    if (error instanceof HttpError) {
      const detail = (error.extra.errors as { message?: string }[] | undefined)?.[0]?.message;
      throw new GraphQLFailure("UNPROCESSABLE", detail ?? error.message);
    }
    throw error;
  }
}
