import { CHECK_HANDLERS, CHECK_PERMISSIONS } from "./checks.js";
import { HttpError, notFound, validationFailed } from "./errors.js";
import * as F from "./fixtures.js";
import { timestamp } from "./fixtures.js";
import { type FileChange, ZERO_OID } from "./git.js";
import { nodeId } from "./ids.js";
import {
  directUpdateBlocked,
  latestStatuses,
  mergePull,
  mergeState,
  protectionBlocks,
  runAutoMerges,
} from "./merge.js";
import type { PullRequest, RepoState, TokenPermission } from "./model.js";
import { paginate } from "./pages.js";
import type { Actor, GitHubTestServer, Reply } from "./server.js";

export interface RestContext {
  server: GitHubTestServer;
  actor: Actor;
  params: Record<string, string>;
  /** The request path below the API prefix, as sent. */
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
  repo: RepoState;
}

type Handler = (ctx: RestContext) => Promise<Reply>;

/** The fine-grained permission (GitHub App / GITHUB_TOKEN scope) each operation needs. */
export const REQUIRED_PERMISSION: Record<string, [string, TokenPermission]> = {
  "repos/get": ["metadata", "read"],
  "repos/get-branch": ["contents", "read"],
  "repos/get-collaborator-permission-level": ["metadata", "read"],
  "git/get-ref": ["contents", "read"],
  "git/list-matching-refs": ["contents", "read"],
  "git/create-ref": ["contents", "write"],
  "git/update-ref": ["contents", "write"],
  "git/delete-ref": ["contents", "write"],
  "repos/get-content": ["contents", "read"],
  "git/get-tree": ["contents", "read"],
  "git/get-blob": ["contents", "read"],
  "git/create-blob": ["contents", "write"],
  "git/create-tree": ["contents", "write"],
  "git/create-commit": ["contents", "write"],
  "git/get-commit": ["contents", "read"],
  "repos/get-commit": ["contents", "read"],
  "repos/list-commits": ["contents", "read"],
  "repos/compare-commits-with-basehead": ["contents", "read"],
  "repos/compare-commits": ["contents", "read"],
  "pulls/list": ["pull-requests", "read"],
  "pulls/get": ["pull-requests", "read"],
  "pulls/list-files": ["pull-requests", "read"],
  "pulls/list-commits": ["pull-requests", "read"],
  "pulls/list-reviews": ["pull-requests", "read"],
  "pulls/create": ["pull-requests", "write"],
  "pulls/update": ["pull-requests", "write"],
  "pulls/request-reviewers": ["pull-requests", "write"],
  "pulls/create-review": ["pull-requests", "write"],
  "pulls/merge": ["contents", "write"],
  "repos/list-pull-requests-associated-with-commit": ["pull-requests", "read"],
  "issues/add-labels": ["issues", "write"],
  "issues/list-labels-on-issue": ["issues", "read"],
  "issues/create-comment": ["issues", "write"],
  "issues/list-comments": ["issues", "read"],
  "issues/update-comment": ["issues", "write"],
  "repos/create-commit-status": ["statuses", "write"],
  "repos/get-combined-status-for-ref": ["statuses", "read"],
  "repos/list-commit-statuses-for-ref": ["statuses", "read"],
  "repos/create-deployment": ["deployments", "write"],
  "repos/list-deployments": ["deployments", "read"],
  "repos/get-deployment": ["deployments", "read"],
  "repos/create-deployment-status": ["deployments", "write"],
  "repos/list-deployment-statuses": ["deployments", "read"],
  "teams/get-membership-for-user-in-org": ["members", "read"],
  "users/get-authenticated": ["user", "read"],
  ...CHECK_PERMISSIONS,
};

function owner(ctx: RestContext) {
  return ctx.server.user(ctx.repo.owner);
}

function pullContext(ctx: RestContext): F.PullContext {
  return {
    urls: ctx.server.urls,
    repo: ctx.repo,
    owner: owner(ctx),
    user: (login) => ctx.server.user(login),
    team: (slug) => {
      const team = ctx.server.teams.get(`${ctx.repo.owner}/${slug}`);
      return F.teamSimple(ctx.server.urls, ctx.repo.owner, team ?? { id: 0, slug, name: slug });
    },
  };
}

async function fullPullContext(ctx: RestContext, pr: PullRequest): Promise<F.PullContext> {
  const git = ctx.repo.git;
  const base = (await git.mergeBase(pr.baseSha, pr.headSha)) ?? pr.baseSha;
  const files = await git.diff(base, pr.headSha);
  const commits = (await git.commitsBetween(pr.baseSha, pr.headSha)).length;
  return {
    ...pullContext(ctx),
    stats: {
      additions: files.reduce((n, f) => n + f.additions, 0),
      deletions: files.reduce((n, f) => n + f.deletions, 0),
      changedFiles: files.length,
      commits,
    },
    mergeState: await mergeState(ctx.repo, pr),
  };
}

async function findPull(ctx: RestContext): Promise<PullRequest> {
  const number = Number(ctx.params.pull_number ?? ctx.params.issue_number);
  const pr = ctx.repo.pulls.find((p) => p.number === number);
  if (!pr) throw notFound();
  await ctx.server.refreshPull(ctx.repo, pr);
  return pr;
}

/** `heads/x`, `tags/x` as the git-ref endpoints take them → `refs/heads/x`. */
function qualify(ref: string): string {
  return ref.startsWith("refs/") ? ref : `refs/${ref}`;
}

async function refBody(ctx: RestContext, ref: string, oid: string): Promise<Record<string, unknown>> {
  const type = (await ctx.repo.git.objectType(oid)) ?? "commit";
  return F.gitRef(ctx.server.urls, ctx.repo, ref, oid, type);
}

function branchOf(ref: string): string | undefined {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : undefined;
}

function combinedState(states: string[]): string {
  if (states.length === 0) return "pending";
  if (states.some((s) => s === "error" || s === "failure")) return "failure";
  if (states.some((s) => s === "pending")) return "pending";
  return "success";
}

export const REST_HANDLERS: Record<string, Handler> = {
  "repos/get": async (ctx) => ({
    status: 200,
    body: F.fullRepository(ctx.server.urls, ctx.repo, owner(ctx), tokenLevel(ctx)),
  }),

  "repos/get-collaborator-permission-level": async (ctx) => {
    const login = ctx.params.username as string;
    const level = ctx.server.permissionOf(ctx.repo, login);
    if (!ctx.server.users.has(login)) throw notFound();
    const user = ctx.server.user(login);
    const permission = level === "maintain" ? "write" : level === "triage" ? "read" : level;
    return {
      status: 200,
      body: {
        permission,
        role_name: level,
        user: {
          ...F.simpleUser(ctx.server.urls, user),
          permissions: F.repositoryPermissions(level),
          role_name: level,
        },
      },
    };
  },

  "repos/get-branch": async (ctx) => {
    const branch = ctx.params.branch as string;
    const oid = await ctx.repo.git.readRef(`refs/heads/${branch}`);
    if (!oid) throw new HttpError(404, "Branch not found");
    const info = await ctx.repo.git.readCommit(oid);
    const api = `${ctx.server.url}/repos/${ctx.repo.owner}/${ctx.repo.name}/branches/${branch}`;
    const rule = ctx.repo.protection.get(branch);
    return {
      status: 200,
      body: {
        name: branch,
        commit: F.commit(ctx.server.urls, ctx.repo, info),
        _links: { self: api, html: `${ctx.server.webUrl}/${ctx.repo.owner}/${ctx.repo.name}/tree/${branch}` },
        protected: rule !== undefined,
        protection: {
          enabled: rule !== undefined,
          required_status_checks: {
            enforcement_level: rule && rule.requiredStatusChecks.length > 0 ? "non_admins" : "off",
            contexts: rule?.requiredStatusChecks ?? [],
          },
        },
        protection_url: `${api}/protection`,
      },
    };
  },

  "git/get-ref": async (ctx) => {
    const ref = qualify(ctx.params.ref as string);
    const oid = (await ctx.repo.git.listRefs()).get(ref);
    if (!oid) throw notFound();
    return { status: 200, body: await refBody(ctx, ref, oid) };
  },

  "git/list-matching-refs": async (ctx) => {
    const prefix = qualify(ctx.params.ref as string);
    const refs = await ctx.repo.git.listRefs();
    const body = [];
    for (const [ref, oid] of [...refs].sort(([a], [b]) => a.localeCompare(b))) {
      if (ref.startsWith(prefix)) body.push(await refBody(ctx, ref, oid));
    }
    return { status: 200, body };
  },

  "git/create-ref": async (ctx) => {
    const ref = ctx.body.ref as string;
    const sha = ctx.body.sha as string;
    if (!ref.startsWith("refs/") || ref.split("/").length < 3) {
      throw validationFailed("Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (!(await ctx.repo.git.objectType(sha))) throw validationFailed("Object does not exist");
    if (!(await ctx.repo.git.casRef(ref, sha, ZERO_OID))) throw validationFailed("Reference already exists");
    ctx.repo.pushedAt = timestamp();
    return { status: 201, body: await refBody(ctx, ref, sha) };
  },

  "git/update-ref": async (ctx) => {
    const ref = qualify(ctx.params.ref as string);
    const sha = ctx.body.sha as string;
    const force = ctx.body.force === true;
    if (!(await ctx.repo.git.objectType(sha))) throw validationFailed("Object does not exist");
    const branch = branchOf(ref);
    const rule = branch ? ctx.repo.protection.get(branch) : undefined;
    const blocked = branch ? directUpdateBlocked(ctx.repo, branch) : undefined;
    if (blocked) throw validationFailed(blocked);
    // Each attempt judges the ref as it is now; a concurrent writer only makes the check run again, as GitHub
    // serialises ref updates rather than failing a forced one.
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const current = (await ctx.repo.git.listRefs()).get(ref);
      if (!current) throw validationFailed("Reference does not exist");
      if (!(await ctx.repo.git.isAncestor(current, sha))) {
        if (!force) throw validationFailed("Update is not a fast forward");
        if (rule && !rule.allowForcePushes) throw validationFailed("Cannot force-push to this branch");
      }
      if (await ctx.repo.git.casRef(ref, sha, current)) {
        ctx.repo.pushedAt = timestamp();
        return { status: 200, body: await refBody(ctx, ref, sha) };
      }
    }
    throw new HttpError(409, "Reference update failed");
  },

  "git/delete-ref": async (ctx) => {
    const ref = qualify(ctx.params.ref as string);
    const current = await ctx.repo.git.readRef(ref);
    if (!current || !(await ctx.repo.git.listRefs()).has(ref))
      throw validationFailed("Reference does not exist");
    const branch = branchOf(ref);
    if (branch && ctx.repo.protection.has(branch))
      throw validationFailed("Cannot delete this protected branch");
    await ctx.repo.git.deleteRef(ref, current);
    return { status: 204 };
  },

  "repos/get-content": async (ctx) => {
    const ref = ctx.query.get("ref") ?? ctx.repo.defaultBranch;
    const path = (ctx.params.path as string).replace(/^\/+|\/+$/g, "");
    const commit = await ctx.repo.git.resolveCommit(ref);
    if (!commit) throw new HttpError(404, `No commit found for the ref ${ref}`);
    const entry = await ctx.repo.git.entryAt(commit, path);
    if (!entry) throw notFound();
    const urls = ctx.server.urls;
    if (entry.type === "tree") {
      const list = (await ctx.repo.git.lsTree(path === "" ? commit : `${commit}:${path}`)) ?? [];
      return {
        status: 200,
        body: list.map((item) =>
          F.contentItem(urls, ctx.repo, ref, {
            path: path === "" ? item.path : `${path}/${item.path}`,
            oid: item.oid,
            type:
              item.type === "tree"
                ? "dir"
                : item.type === "commit"
                  ? "submodule"
                  : item.mode === "120000"
                    ? "symlink"
                    : "file",
            size: item.size ?? 0,
          }),
        ),
      };
    }
    const content = entry.type === "blob" ? await ctx.repo.git.readBlob(entry.oid) : Buffer.alloc(0);
    const item = F.contentItem(urls, ctx.repo, ref, {
      path,
      oid: entry.oid,
      type: entry.mode === "120000" ? "symlink" : "file",
      size: content.length,
    });
    if (entry.mode === "120000") return { status: 200, body: { ...item, target: content.toString("utf8") } };
    return { status: 200, body: { ...item, content: wrapBase64(content), encoding: "base64" } };
  },

  "git/get-tree": async (ctx) => {
    const sha = ctx.params.tree_sha as string;
    const commit = await ctx.repo.git.resolveCommit(sha);
    const treeish = commit ?? sha;
    const type = await ctx.repo.git.objectType(treeish);
    if (!type) throw notFound();
    const recursive =
      ctx.query.has("recursive") &&
      ctx.query.get("recursive") !== "false" &&
      ctx.query.get("recursive") !== "0";
    const entries = await ctx.repo.git.lsTree(treeish, recursive);
    if (!entries) throw new HttpError(422, "Invalid tree info");
    const treeOid = commit ? (await ctx.repo.git.readCommit(commit)).tree : sha;
    const api = `${ctx.server.url}/repos/${ctx.repo.owner}/${ctx.repo.name}`;
    return {
      status: 200,
      body: {
        sha: treeOid,
        url: `${api}/git/trees/${treeOid}`,
        tree: entries.map((e) => {
          const item: Record<string, unknown> = {
            path: e.path,
            mode: e.mode,
            type: e.type,
            sha: e.oid,
            url: `${api}/git/${e.type === "tree" ? "trees" : "blobs"}/${e.oid}`,
          };
          if (e.type === "blob") item.size = e.size ?? 0;
          return item;
        }),
        truncated: false,
      },
    };
  },

  "git/create-blob": async (ctx) => {
    const encoding = (ctx.body.encoding as string | undefined) ?? "utf-8";
    if (encoding !== "utf-8" && encoding !== "base64") {
      throw validationFailed(`encoding must be one of: utf-8, base64`);
    }
    const content = Buffer.from(String(ctx.body.content), encoding === "base64" ? "base64" : "utf8");
    const sha = await ctx.repo.git.hashBlob(content);
    return {
      status: 201,
      body: { url: `${ctx.server.url}/repos/${ctx.repo.owner}/${ctx.repo.name}/git/blobs/${sha}`, sha },
    };
  },

  "git/create-tree": async (ctx) => {
    const git = ctx.repo.git;
    const base = ctx.body.base_tree as string | undefined;
    if (base && (await git.objectType(base)) !== "tree")
      throw validationFailed("base_tree is not a valid tree oid");
    const changes: FileChange[] = [];
    for (const entry of (ctx.body.tree as Record<string, unknown>[]) ?? []) {
      const path = String(entry.path ?? "");
      if (entry.type === "tree") {
        ctx.server.violations.push({
          kind: "unimplemented",
          method: "POST",
          path: ctx.path,
          operation: "git/create-tree",
          problems: ["tree entries of type tree are not supported by the test server"],
        });
        throw new HttpError(501, "tree entries of type tree are not supported by the test server");
      }
      if (entry.sha !== undefined && entry.content !== undefined) {
        throw validationFailed(
          "Must supply either tree.sha or tree.content. Request will be rejected if both are present.",
        );
      }
      if (entry.sha === null) {
        changes.push({ path, content: null });
      } else if (typeof entry.sha === "string") {
        if (!(await git.objectType(entry.sha)))
          throw validationFailed(`tree.sha ${entry.sha} is not a valid blob`);
        changes.push({ path, content: null, oid: entry.sha, mode: String(entry.mode ?? "100644") });
      } else {
        changes.push({ path, content: String(entry.content ?? ""), mode: String(entry.mode ?? "100644") });
      }
    }
    const tree = await git.applyChanges(base, changes);
    const entries = (await git.lsTree(tree, true)) ?? [];
    const api = `${ctx.server.url}/repos/${ctx.repo.owner}/${ctx.repo.name}`;
    return {
      status: 201,
      body: {
        sha: tree,
        url: `${api}/git/trees/${tree}`,
        tree: entries.map((e) => ({
          path: e.path,
          mode: e.mode,
          type: e.type,
          sha: e.oid,
          url: `${api}/git/${e.type === "tree" ? "trees" : "blobs"}/${e.oid}`,
          ...(e.type === "blob" ? { size: e.size ?? 0 } : {}),
        })),
        truncated: false,
      },
    };
  },

  "git/create-commit": async (ctx) => {
    const git = ctx.repo.git;
    const tree = String(ctx.body.tree);
    if ((await git.objectType(tree)) !== "tree") throw validationFailed("Tree SHA does not exist");
    const parents = (ctx.body.parents as string[] | undefined) ?? [];
    for (const parent of parents) {
      if ((await git.objectType(parent)) !== "commit")
        throw validationFailed("Parent SHA does not exist or is not a commit object");
    }
    type Person = { name: string; email: string; date?: string };
    const author = ctx.body.author as Person | undefined;
    const committer = (ctx.body.committer as Person | undefined) ?? author;
    const self = ctx.server.identity(ctx.actor.user.login);
    const date = author?.date ? new Date(author.date) : undefined;
    const oid = await git.commitTree(
      tree,
      parents,
      `${String(ctx.body.message)}\n`,
      author ?? self,
      committer ?? self,
      date,
    );
    // GitHub signs commits it authors itself; one that names its own author or committer stays unsigned.
    if (!author && !committer) ctx.repo.verified.add(oid);
    return { status: 201, body: F.gitCommit(ctx.server.urls, ctx.repo, await git.readCommit(oid)) };
  },

  "git/get-blob": async (ctx) => {
    const sha = ctx.params.file_sha as string;
    if ((await ctx.repo.git.objectType(sha)) !== "blob") throw notFound();
    const content = await ctx.repo.git.readBlob(sha);
    return {
      status: 200,
      body: {
        sha,
        node_id: nodeId("Blob", `${ctx.repo.owner}/${ctx.repo.name}@${sha}`),
        size: content.length,
        url: `${ctx.server.url}/repos/${ctx.repo.owner}/${ctx.repo.name}/git/blobs/${sha}`,
        content: wrapBase64(content),
        encoding: "base64",
      },
    };
  },

  "git/get-commit": async (ctx) => {
    const sha = ctx.params.commit_sha as string;
    if ((await ctx.repo.git.objectType(sha)) !== "commit") throw notFound();
    return { status: 200, body: F.gitCommit(ctx.server.urls, ctx.repo, await ctx.repo.git.readCommit(sha)) };
  },

  "repos/get-commit": async (ctx) => {
    const ref = ctx.params.ref as string;
    const oid = await ctx.repo.git.resolveCommit(ref);
    if (!oid) throw new HttpError(422, `No commit found for SHA: ${ref}`);
    const info = await ctx.repo.git.readCommit(oid);
    const parent = info.parents[0];
    const files = parent
      ? await ctx.repo.git.diff(parent, oid)
      : await ctx.repo.git.diff(await emptyTree(ctx), oid);
    return { status: 200, body: F.commit(ctx.server.urls, ctx.repo, info, files) };
  },

  "repos/list-commits": async (ctx) => {
    const ref = ctx.query.get("sha") ?? ctx.repo.defaultBranch;
    const oid = await ctx.repo.git.resolveCommit(ref);
    if (!oid) throw notFound();
    const path = ctx.query.get("path");
    const args = ["rev-list", oid];
    if (path) args.push("--", path);
    const oids = (await ctx.repo.git.git(args)).split("\n").filter(Boolean);
    const { page, headers } = paginate(ctx, oids);
    const body = [];
    for (const item of page)
      body.push(F.commit(ctx.server.urls, ctx.repo, await ctx.repo.git.readCommit(item)));
    return { status: 200, body, headers };
  },

  "repos/compare-commits-with-basehead": async (ctx) => {
    const basehead = ctx.params.basehead ?? `${ctx.params.base}...${ctx.params.head}`;
    const split = basehead.indexOf("...");
    if (split < 0) throw notFound();
    const base = await ctx.repo.git.resolveCommit(basehead.slice(0, split));
    const head = await ctx.repo.git.resolveCommit(basehead.slice(split + 3));
    if (!base || !head) throw notFound();
    const git = ctx.repo.git;
    const mergeBase = (await git.mergeBase(base, head)) ?? base;
    const ahead = await git.commitsBetween(base, head);
    const behind = await git.commitsBetween(head, base);
    const files = await git.diff(mergeBase, head);
    const status =
      ahead.length === 0 && behind.length === 0
        ? "identical"
        : behind.length === 0
          ? "ahead"
          : ahead.length === 0
            ? "behind"
            : "diverged";
    const html = `${ctx.server.webUrl}/${ctx.repo.owner}/${ctx.repo.name}/compare/${basehead}`;
    const commits = [];
    for (const oid of ahead.slice(0, 250))
      commits.push(F.commit(ctx.server.urls, ctx.repo, await git.readCommit(oid)));
    return {
      status: 200,
      body: {
        url: `${ctx.server.url}/repos/${ctx.repo.owner}/${ctx.repo.name}/compare/${basehead}`,
        html_url: html,
        permalink_url: `${ctx.server.webUrl}/${ctx.repo.owner}/${ctx.repo.name}/compare/${base}...${head}`,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        base_commit: F.commit(ctx.server.urls, ctx.repo, await git.readCommit(base)),
        merge_base_commit: F.commit(ctx.server.urls, ctx.repo, await git.readCommit(mergeBase)),
        status,
        ahead_by: ahead.length,
        behind_by: behind.length,
        total_commits: ahead.length,
        commits,
        files: files.map((f) => F.diffEntry(ctx.server.urls, ctx.repo, head, f)),
      },
    };
  },

  "repos/compare-commits": async (ctx) =>
    REST_HANDLERS["repos/compare-commits-with-basehead"]?.(ctx) as Promise<Reply>,

  "pulls/list": async (ctx) => {
    const state = ctx.query.get("state") ?? "open";
    const head = ctx.query.get("head");
    const base = ctx.query.get("base");
    const matching = [];
    await ctx.server.refreshPulls(ctx.repo);
    for (const pr of ctx.repo.pulls) {
      if (state !== "all" && pr.state !== state) continue;
      if (head) {
        const [headOwner, headRef] = head.includes(":") ? head.split(":", 2) : [head, undefined];
        if (headOwner?.toLowerCase() !== ctx.repo.owner.toLowerCase()) continue;
        if (headRef !== undefined && pr.headRef !== headRef) continue;
      }
      if (base && pr.baseRef !== base) continue;
      matching.push(pr);
    }
    const direction = ctx.query.get("direction") ?? "desc";
    matching.sort((a, b) => (direction === "asc" ? a.number - b.number : b.number - a.number));
    const { page, headers } = paginate(ctx, matching);
    return { status: 200, body: page.map((pr) => F.pullRequestSimple(pullContext(ctx), pr)), headers };
  },

  "pulls/create": async (ctx) => {
    const { actor, repo } = ctx;
    if (actor.info.type === "github-actions" && actor.info.canCreatePullRequests === false) {
      throw new HttpError(403, "GitHub Actions is not permitted to create or approve pull requests.");
    }
    const head = String(ctx.body.head ?? "");
    const pr = await ctx.server.openPullRequest(repo, actor.user.login, {
      headRef: head.includes(":") ? head.slice(head.indexOf(":") + 1) : head,
      baseRef: String(ctx.body.base),
      title: String(ctx.body.title ?? head),
      body: (ctx.body.body as string | undefined) ?? null,
      draft: ctx.body.draft === true,
      maintainerCanModify: ctx.body.maintainer_can_modify !== false,
    });
    return { status: 201, body: F.pullRequest(await fullPullContext(ctx, pr), pr) };
  },

  "pulls/get": async (ctx) => {
    const pr = await findPull(ctx);
    return { status: 200, body: F.pullRequest(await fullPullContext(ctx, pr), pr) };
  },

  "pulls/update": async (ctx) => {
    const pr = await findPull(ctx);
    if (typeof ctx.body.title === "string") pr.title = ctx.body.title;
    if (ctx.body.body !== undefined) pr.body = ctx.body.body as string | null;
    if (typeof ctx.body.base === "string") {
      const base = await ctx.repo.git.readRef(`refs/heads/${ctx.body.base}`);
      if (!base)
        throw validationFailed("Validation Failed", [
          { resource: "PullRequest", field: "base", code: "invalid" },
        ]);
      pr.baseRef = ctx.body.base;
      pr.baseSha = base;
    }
    if (typeof ctx.body.maintainer_can_modify === "boolean")
      pr.maintainerCanModify = ctx.body.maintainer_can_modify;
    const now = timestamp();
    if (ctx.body.state === "closed" && pr.state === "open") {
      pr.state = "closed";
      pr.closedAt = now;
    } else if (ctx.body.state === "open" && pr.state === "closed" && pr.mergedAt === null) {
      const duplicate = ctx.repo.pulls.find(
        (p) => p !== pr && p.state === "open" && p.headRef === pr.headRef && p.baseRef === pr.baseRef,
      );
      if (duplicate)
        throw validationFailed("Validation Failed", [
          {
            resource: "PullRequest",
            code: "custom",
            message: `A pull request already exists for ${ctx.repo.owner}:${pr.headRef}.`,
          },
        ]);
      pr.state = "open";
      pr.closedAt = null;
      await ctx.server.refreshPull(ctx.repo, pr);
    }
    pr.updatedAt = now;
    return { status: 200, body: F.pullRequest(await fullPullContext(ctx, pr), pr) };
  },

  "pulls/list-files": async (ctx) => {
    const pr = await findPull(ctx);
    const base = (await ctx.repo.git.mergeBase(pr.baseSha, pr.headSha)) ?? pr.baseSha;
    const files = await ctx.repo.git.diff(base, pr.headSha);
    const { page, headers } = paginate(ctx, files);
    return {
      status: 200,
      body: page.map((f) => F.diffEntry(ctx.server.urls, ctx.repo, pr.headSha, f)),
      headers,
    };
  },

  "pulls/list-commits": async (ctx) => {
    const pr = await findPull(ctx);
    const oids = await ctx.repo.git.commitsBetween(pr.baseSha, pr.headSha);
    const { page, headers } = paginate(ctx, oids);
    const body = [];
    for (const oid of page)
      body.push(F.commit(ctx.server.urls, ctx.repo, await ctx.repo.git.readCommit(oid)));
    return { status: 200, body, headers };
  },

  "repos/list-pull-requests-associated-with-commit": async (ctx) => {
    const sha = ctx.params.commit_sha as string;
    const body = [];
    await ctx.server.refreshPulls(ctx.repo);
    for (const pr of ctx.repo.pulls) {
      if (pr.headSha === sha || pr.mergeCommitSha === sha)
        body.push(F.pullRequestSimple(pullContext(ctx), pr));
    }
    return { status: 200, body };
  },

  "pulls/request-reviewers": async (ctx) => {
    const pr = await findPull(ctx);
    const reviewers = (ctx.body.reviewers as string[] | undefined) ?? [];
    const teams = (ctx.body.team_reviewers as string[] | undefined) ?? [];
    for (const login of reviewers) {
      if (login.toLowerCase() === pr.login.toLowerCase()) {
        throw validationFailed("Review cannot be requested from pull request author.");
      }
      if (!ctx.server.users.has(login) || ctx.server.permissionOf(ctx.repo, login) === "none") {
        throw validationFailed(
          "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the " +
            `${ctx.repo.owner}/${ctx.repo.name} repository.`,
        );
      }
    }
    for (const slug of teams) {
      if (!ctx.server.teams.has(`${ctx.repo.owner}/${slug}`)) {
        throw validationFailed(
          "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the " +
            `${ctx.repo.owner}/${ctx.repo.name} repository.`,
        );
      }
    }
    for (const login of reviewers)
      if (!pr.requestedReviewers.includes(login)) pr.requestedReviewers.push(login);
    for (const slug of teams) if (!pr.requestedTeams.includes(slug)) pr.requestedTeams.push(slug);
    return { status: 201, body: F.pullRequestSimple(pullContext(ctx), pr) };
  },

  "pulls/list-reviews": async (ctx) => {
    const pr = await findPull(ctx);
    const { page, headers } = paginate(ctx, pr.reviews);
    return { status: 200, body: page.map((r) => F.review(pullContext(ctx), pr, r)), headers };
  },

  "pulls/create-review": async (ctx) => {
    const pr = await findPull(ctx);
    const event = (ctx.body.event as string | undefined) ?? "PENDING";
    if (
      ctx.actor.info.type === "github-actions" &&
      event === "APPROVE" &&
      ctx.actor.info.canCreatePullRequests === false
    ) {
      throw new HttpError(403, "GitHub Actions is not permitted to create or approve pull requests.");
    }
    if ((event === "APPROVE" || event === "REQUEST_CHANGES") && pr.login === ctx.actor.user.login) {
      throw new HttpError(422, "Unprocessable Entity", {
        errors: [`Can not ${event === "APPROVE" ? "approve" : "request changes on"} your own pull request`],
      });
    }
    const state =
      event === "APPROVE"
        ? "APPROVED"
        : event === "REQUEST_CHANGES"
          ? "CHANGES_REQUESTED"
          : event === "COMMENT"
            ? "COMMENTED"
            : "PENDING";
    const review = {
      id: ctx.server.id(),
      login: ctx.actor.user.login,
      state: state as "APPROVED",
      body: (ctx.body.body as string | undefined) ?? "",
      commitId: (ctx.body.commit_id as string | undefined) ?? pr.headSha,
      submittedAt: timestamp(),
    };
    pr.reviews.push(review);
    pr.requestedReviewers = pr.requestedReviewers.filter((login) => login !== review.login);
    await runAutoMerges(ctx.server, ctx.repo);
    return { status: 200, body: F.review(pullContext(ctx), pr, review) };
  },

  "pulls/merge": async (ctx) => {
    const pr = await findPull(ctx);
    if (pr.state !== "open") throw new HttpError(405, "Pull Request is not mergeable");
    if (pr.draft) throw new HttpError(405, "Pull Request is still a draft");
    if (typeof ctx.body.sha === "string" && ctx.body.sha !== pr.headSha) {
      throw new HttpError(409, "Head branch was modified. Review and try the merge again.");
    }
    const method = (ctx.body.merge_method as string | undefined) ?? "merge";
    const allowed = {
      merge: ctx.repo.settings.allowMergeCommit,
      squash: ctx.repo.settings.allowSquashMerge,
      rebase: ctx.repo.settings.allowRebaseMerge,
    }[method];
    if (!allowed)
      throw new HttpError(
        405,
        `${method === "merge" ? "Merge commits are" : method === "squash" ? "Squash merges are" : "Rebase merges are"} not allowed on this repository.`,
      );
    const blocked = protectionBlocks(ctx.repo, pr);
    if (blocked) throw new HttpError(405, blocked);
    const title =
      (ctx.body.commit_title as string | undefined) ??
      (method === "squash"
        ? `${pr.title} (#${pr.number})`
        : `Merge pull request #${pr.number} from ${ctx.repo.owner}/${pr.headRef}`);
    const message = (ctx.body.commit_message as string | undefined) ?? (method === "squash" ? "" : pr.title);
    const sha = await mergePull(ctx.server, ctx.repo, pr, ctx.actor.user.login, method, title, message);
    return { status: 200, body: { sha, merged: true, message: "Pull Request successfully merged" } };
  },

  "issues/add-labels": async (ctx) => {
    const pr = await findPull(ctx);
    const raw = ctx.body.labels ?? (Array.isArray(ctx.body) ? ctx.body : []);
    const names = (raw as (string | { name: string })[]).map((l) => (typeof l === "string" ? l : l.name));
    for (const name of names) {
      if (!ctx.repo.labels.has(name))
        ctx.repo.labels.set(name, { id: ctx.server.id(), name, color: "ededed", description: null });
      if (!pr.labels.includes(name)) pr.labels.push(name);
    }
    pr.updatedAt = timestamp();
    return { status: 200, body: labelsOf(ctx, pr) };
  },

  "issues/list-labels-on-issue": async (ctx) => {
    const pr = await findPull(ctx);
    return { status: 200, body: labelsOf(ctx, pr) };
  },

  "issues/create-comment": async (ctx) => {
    const pr = await findPull(ctx);
    const now = timestamp();
    const comment = {
      id: ctx.server.id(),
      login: ctx.actor.user.login,
      body: String(ctx.body.body),
      createdAt: now,
      updatedAt: now,
    };
    const list = ctx.repo.comments.get(pr.number) ?? [];
    list.push(comment);
    ctx.repo.comments.set(pr.number, list);
    return {
      status: 201,
      body: F.issueComment(ctx.server.urls, ctx.repo, pr.number, comment, ctx.actor.user),
    };
  },

  "issues/list-comments": async (ctx) => {
    const pr = await findPull(ctx);
    const list = ctx.repo.comments.get(pr.number) ?? [];
    const { page, headers } = paginate(ctx, list);
    return {
      status: 200,
      body: page.map((c) =>
        F.issueComment(ctx.server.urls, ctx.repo, pr.number, c, ctx.server.user(c.login)),
      ),
      headers,
    };
  },

  "issues/update-comment": async (ctx) => {
    const id = Number(ctx.params.comment_id);
    for (const [number, list] of ctx.repo.comments) {
      const comment = list.find((c) => c.id === id);
      if (!comment) continue;
      // Only the author (or an admin) may edit a comment, as on GitHub.
      if (
        comment.login !== ctx.actor.user.login &&
        ctx.server.permissionOf(ctx.repo, ctx.actor.user.login) !== "admin"
      )
        throw new HttpError(403, "Resource not accessible by integration");
      comment.body = String(ctx.body.body);
      comment.updatedAt = timestamp();
      return {
        status: 200,
        body: F.issueComment(ctx.server.urls, ctx.repo, number, comment, ctx.server.user(comment.login)),
      };
    }
    throw notFound();
  },

  "repos/create-commit-status": async (ctx) => {
    const sha = ctx.params.sha as string;
    if ((await ctx.repo.git.objectType(sha)) !== "commit")
      throw validationFailed(`No commit found for SHA: ${sha}`);
    const now = timestamp();
    const item = {
      id: ctx.server.id(),
      state: ctx.body.state as "success",
      context: (ctx.body.context as string | undefined) ?? "default",
      description: (ctx.body.description as string | undefined) ?? null,
      targetUrl: (ctx.body.target_url as string | undefined) ?? null,
      login: ctx.actor.user.login,
      createdAt: now,
      updatedAt: now,
    };
    if (item.description && item.description.length > 140) {
      throw validationFailed("Validation Failed", [
        {
          resource: "Status",
          field: "description",
          code: "custom",
          message: "description is too long (maximum is 140 characters)",
        },
      ]);
    }
    const list = ctx.repo.statuses.get(sha) ?? [];
    list.push(item);
    ctx.repo.statuses.set(sha, list);
    await runAutoMerges(ctx.server, ctx.repo);
    return { status: 201, body: F.status(ctx.server.urls, ctx.repo, sha, item, ctx.actor.user) };
  },

  "repos/get-combined-status-for-ref": async (ctx) => {
    const ref = ctx.params.ref as string;
    const sha = await ctx.repo.git.resolveCommit(ref);
    if (!sha) throw notFound();
    const latest = latestStatuses(ctx.repo, sha).reverse();
    return {
      status: 200,
      body: {
        state: combinedState(latest.map((s) => s.state)),
        statuses: latest.map((s) => F.simpleStatus(ctx.server.urls, ctx.repo, sha, s)),
        sha,
        total_count: latest.length,
        repository: F.minimalRepository(ctx.server.urls, ctx.repo, owner(ctx)),
        commit_url: `${ctx.server.url}/repos/${ctx.repo.owner}/${ctx.repo.name}/commits/${sha}`,
        url: `${ctx.server.url}/repos/${ctx.repo.owner}/${ctx.repo.name}/commits/${sha}/status`,
      },
    };
  },

  "repos/list-commit-statuses-for-ref": async (ctx) => {
    const ref = ctx.params.ref as string;
    const sha = await ctx.repo.git.resolveCommit(ref);
    const list = sha ? [...(ctx.repo.statuses.get(sha) ?? [])].reverse() : [];
    const { page, headers } = paginate(ctx, list);
    return {
      status: 200,
      body: page.map((s) => F.status(ctx.server.urls, ctx.repo, sha as string, s, ctx.server.user(s.login))),
      headers,
    };
  },

  "repos/create-deployment": async (ctx) => {
    const ref = String(ctx.body.ref);
    const sha = await ctx.repo.git.resolveCommit(ref);
    if (!sha) throw validationFailed(`No ref found for: ${ref}`);
    // Omitted required_contexts means every context on the commit must be green (GitHub's default).
    const states = latestStatuses(ctx.repo, sha);
    const required = (ctx.body.required_contexts as string[] | undefined) ?? states.map((s) => s.context);
    if (required.length > 0) {
      const failing = required.filter(
        (context) => states.find((s) => s.context === context)?.state !== "success",
      );
      if (failing.length > 0) {
        throw new HttpError(409, `Conflict: Commit status checks failed for ${ref}.`, {
          errors: failing.map((context) => ({
            contexts: [{ context, state: "pending" }],
            resource: "Deployment",
            field: "required_contexts",
            code: "invalid",
          })),
        });
      }
    }
    const now = timestamp();
    const environment = (ctx.body.environment as string | undefined) ?? "production";
    const payload = ctx.body.payload;
    const item = {
      id: ctx.server.id(),
      sha,
      ref,
      task: (ctx.body.task as string | undefined) ?? "deploy",
      environment,
      description: (ctx.body.description as string | undefined) ?? null,
      payload: typeof payload === "string" ? safeJson(payload) : (payload ?? {}),
      login: ctx.actor.user.login,
      transient: ctx.body.transient_environment === true,
      production: (ctx.body.production_environment as boolean | undefined) ?? environment === "production",
      createdAt: now,
      updatedAt: now,
      statuses: [],
    };
    ctx.repo.deployments.push(item);
    return { status: 201, body: F.deployment(ctx.server.urls, ctx.repo, item, ctx.actor.user) };
  },

  "repos/list-deployments": async (ctx) => {
    const list = ctx.repo.deployments
      .filter((d) => {
        for (const key of ["sha", "ref", "task", "environment"] as const) {
          const want = ctx.query.get(key);
          if (want !== null && d[key] !== want) return false;
        }
        return true;
      })
      .reverse();
    const { page, headers } = paginate(ctx, list);
    return {
      status: 200,
      body: page.map((d) => F.deployment(ctx.server.urls, ctx.repo, d, ctx.server.user(d.login))),
      headers,
    };
  },

  "repos/get-deployment": async (ctx) => {
    const found = ctx.repo.deployments.find((d) => d.id === Number(ctx.params.deployment_id));
    if (!found) throw notFound();
    return {
      status: 200,
      body: F.deployment(ctx.server.urls, ctx.repo, found, ctx.server.user(found.login)),
    };
  },

  "repos/create-deployment-status": async (ctx) => {
    const found = ctx.repo.deployments.find((d) => d.id === Number(ctx.params.deployment_id));
    if (!found) throw notFound();
    const now = timestamp();
    const item = {
      id: ctx.server.id(),
      state: String(ctx.body.state),
      description: (ctx.body.description as string | undefined) ?? "",
      environment: (ctx.body.environment as string | undefined) ?? found.environment,
      // GitHub's schema requires URIs here even when none was given; point at the environment's deployments page.
      targetUrl: (ctx.body.target_url as string | undefined) || environmentPage(ctx, found.environment),
      logUrl:
        (ctx.body.log_url as string | undefined) ||
        (ctx.body.target_url as string | undefined) ||
        environmentPage(ctx, found.environment),
      environmentUrl:
        (ctx.body.environment_url as string | undefined) || environmentPage(ctx, found.environment),
      login: ctx.actor.user.login,
      createdAt: now,
    };
    found.statuses.push(item);
    found.updatedAt = now;
    return { status: 201, body: F.deploymentStatus(ctx.server.urls, ctx.repo, found, item, ctx.actor.user) };
  },

  "repos/list-deployment-statuses": async (ctx) => {
    const found = ctx.repo.deployments.find((d) => d.id === Number(ctx.params.deployment_id));
    if (!found) throw notFound();
    const { page, headers } = paginate(ctx, [...found.statuses].reverse());
    return {
      status: 200,
      body: page.map((s) =>
        F.deploymentStatus(ctx.server.urls, ctx.repo, found, s, ctx.server.user(s.login)),
      ),
      headers,
    };
  },

  "teams/get-membership-for-user-in-org": async (ctx) => {
    const team = ctx.server.teams.get(`${ctx.params.org}/${ctx.params.team_slug}`);
    const member = team?.members.find(
      (m) => m.login.toLowerCase() === (ctx.params.username as string).toLowerCase(),
    );
    if (!team || !member) throw notFound();
    return {
      status: 200,
      body: {
        url: `${ctx.server.url}/teams/${team.id}/memberships/${member.login}`,
        role: member.role,
        state: member.state,
      },
    };
  },

  "users/get-authenticated": async (ctx) => {
    if (ctx.actor.info.type !== "user") throw new HttpError(403, "Resource not accessible by integration");
    return {
      status: 200,
      body: F.publicUser(ctx.server.urls, ctx.actor.user, ctx.repo?.createdAt ?? timestamp()),
    };
  },

  "users/get-by-username": async (ctx) => {
    const user = ctx.server.users.get(ctx.params.username as string);
    if (!user) throw notFound();
    return { status: 200, body: F.publicUser(ctx.server.urls, user, timestamp(new Date(0))) };
  },

  "rate-limit/get": async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    const rate = { limit: 5000, used: 0, remaining: 5000, reset };
    return {
      status: 200,
      body: { resources: { core: rate, graphql: rate, search: { ...rate, limit: 30, remaining: 30 } }, rate },
    };
  },

  ...CHECK_HANDLERS,
};

/** Labels on a pull request; every name on it was created in the repository when it was added. */
function labelsOf(ctx: RestContext, pr: PullRequest): Record<string, unknown>[] {
  return pr.labels.map((name) =>
    F.label(
      ctx.server.urls,
      ctx.repo,
      ctx.repo.labels.get(name) ?? { id: 0, name, color: "ededed", description: null },
    ),
  );
}

function environmentPage(ctx: RestContext, environment: string): string {
  return `${ctx.server.webUrl}/${ctx.repo.owner}/${ctx.repo.name}/deployments/${encodeURIComponent(environment)}`;
}

function tokenLevel(ctx: RestContext) {
  const info = ctx.actor.info;
  if (info.type === "user") return ctx.server.permissionOf(ctx.repo, ctx.actor.user.login);
  return info.permissions?.contents === "write" ? "write" : "read";
}

function wrapBase64(content: Buffer): string {
  // GitHub wraps base64 content at 60 characters with newlines; clients must strip them.
  return (content.toString("base64").match(/.{1,60}/g) ?? [""]).join("\n") + (content.length > 0 ? "\n" : "");
}

async function emptyTree(ctx: RestContext): Promise<string> {
  return (await ctx.repo.git.git(["hash-object", "-t", "tree", "-w", "--stdin"], { input: "" })).trim();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
