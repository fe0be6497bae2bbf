import type { CommitInfo, DiffFile } from "./git.js";
import { nodeId, timestamp } from "./ids.js";
import type {
  CommitStatus,
  Deployment,
  DeploymentStatus,
  IssueComment,
  Label,
  PermissionLevel,
  PullRequest,
  RepoState,
  Review,
  UserInfo,
} from "./model.js";

/**
 * Response bodies in the shapes GitHub sends. Each builder is checked against GitHub's schema on every response, so
 * a field added or dropped here that GitHub would not send fails the test that triggered it.
 */
export interface Urls {
  api: string;
  web: string;
}

type Json = Record<string, unknown>;

export function simpleUser(urls: Urls, user: UserInfo): Json {
  // Bot logins carry brackets (`github-actions[bot]`), which GitHub percent-encodes in its URLs.
  const login = encodeURIComponent(user.login);
  const api = `${urls.api}/users/${login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(
      user.type === "Bot" ? "Bot" : user.type === "Organization" ? "Organization" : "User",
      user.login,
    ),
    avatar_url: `${urls.web}/avatars/u/${user.id}`,
    gravatar_id: "",
    url: api,
    html_url: `${urls.web}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

export function publicUser(urls: Urls, user: UserInfo, createdAt: string): Json {
  return {
    ...simpleUser(urls, user),
    name: user.name,
    company: null,
    blog: "",
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: createdAt,
    updated_at: createdAt,
  };
}

function repoUrls(urls: Urls, repo: RepoState): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    url: api,
    html_url: `${urls.web}/${repo.owner}/${repo.name}`,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
  };
}

export function minimalRepository(urls: Urls, repo: RepoState, owner: UserInfo): Json {
  return {
    id: repo.id,
    node_id: nodeId("Repository", `${repo.owner}/${repo.name}`),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: simpleUser(urls, owner),
    private: repo.settings.private,
    description: null,
    fork: false,
    ...repoUrls(urls, repo),
  };
}

export function repositoryPermissions(level: PermissionLevel): Json {
  const rank = ["none", "read", "triage", "write", "maintain", "admin"].indexOf(level);
  return { admin: rank >= 5, maintain: rank >= 4, push: rank >= 3, triage: rank >= 2, pull: rank >= 1 };
}

function repositoryCore(urls: Urls, repo: RepoState, owner: UserInfo, permission?: PermissionLevel): Json {
  const web = `${urls.web}/${repo.owner}/${repo.name}`;
  const host = new URL(urls.web).host;
  const body: Json = {
    ...minimalRepository(urls, repo, owner),
    clone_url: `${web}.git`,
    git_url: `git://${host}/${repo.owner}/${repo.name}.git`,
    ssh_url: `git@${host}:${repo.owner}/${repo.name}.git`,
    svn_url: web,
    mirror_url: null,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 1,
    default_branch: repo.defaultBranch,
    open_issues: repo.pulls.filter((p) => p.state === "open").length,
    open_issues_count: repo.pulls.filter((p) => p.state === "open").length,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: repo.settings.archived,
    disabled: false,
    visibility: repo.settings.private ? "private" : "public",
    pushed_at: repo.pushedAt,
    created_at: repo.createdAt,
    updated_at: repo.pushedAt,
    allow_rebase_merge: repo.settings.allowRebaseMerge,
    allow_squash_merge: repo.settings.allowSquashMerge,
    allow_merge_commit: repo.settings.allowMergeCommit,
    allow_auto_merge: repo.settings.allowAutoMerge,
    delete_branch_on_merge: repo.settings.deleteBranchOnMerge,
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
  };
  if (permission) body.permissions = repositoryPermissions(permission);
  return body;
}

/** `repository` as embedded in pull requests (head.repo, base.repo). */
export function repository(urls: Urls, repo: RepoState, owner: UserInfo): Json {
  return repositoryCore(urls, repo, owner);
}

export function fullRepository(
  urls: Urls,
  repo: RepoState,
  owner: UserInfo,
  permission: PermissionLevel,
): Json {
  return {
    ...repositoryCore(urls, repo, owner, permission),
    network_count: 0,
    subscribers_count: 0,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: "COMMIT_OR_PR_TITLE",
    squash_merge_commit_message: "COMMIT_MESSAGES",
    merge_commit_title: "MERGE_MESSAGE",
    merge_commit_message: "PR_TITLE",
  };
}

export function gitRef(urls: Urls, repo: RepoState, ref: string, oid: string, type: string): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    ref,
    node_id: nodeId("Ref", `${repo.owner}/${repo.name}:${ref}`),
    url: `${api}/git/${ref}`,
    object: { type, sha: oid, url: `${api}/git/${type}s/${oid}` },
  };
}

export function verification(verified: boolean, at: string): Json {
  return verified
    ? {
        verified: true,
        reason: "valid",
        signature: "-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----",
        payload: "tree",
        verified_at: at,
      }
    : { verified: false, reason: "unsigned", signature: null, payload: null, verified_at: null };
}

export function gitCommit(urls: Urls, repo: RepoState, info: CommitInfo): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    sha: info.oid,
    node_id: nodeId("Commit", `${repo.owner}/${repo.name}@${info.oid}`),
    url: `${api}/git/commits/${info.oid}`,
    html_url: `${urls.web}/${repo.owner}/${repo.name}/commit/${info.oid}`,
    author: { ...info.author },
    committer: { ...info.committer },
    message: info.message.replace(/\n$/, ""),
    tree: { sha: info.tree, url: `${api}/git/trees/${info.tree}` },
    parents: info.parents.map((p) => ({
      sha: p,
      url: `${api}/git/commits/${p}`,
      html_url: `${urls.web}/${repo.owner}/${repo.name}/commit/${p}`,
    })),
    verification: verification(repo.verified.has(info.oid), info.committer.date),
  };
}

export function commit(urls: Urls, repo: RepoState, info: CommitInfo, files?: DiffFile[]): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const body: Json = {
    sha: info.oid,
    node_id: nodeId("Commit", `${repo.owner}/${repo.name}@${info.oid}`),
    url: `${api}/commits/${info.oid}`,
    html_url: `${urls.web}/${repo.owner}/${repo.name}/commit/${info.oid}`,
    comments_url: `${api}/commits/${info.oid}/comments`,
    commit: {
      url: `${api}/git/commits/${info.oid}`,
      author: { ...info.author },
      committer: { ...info.committer },
      message: info.message.replace(/\n$/, ""),
      comment_count: 0,
      tree: { sha: info.tree, url: `${api}/git/trees/${info.tree}` },
      verification: verification(repo.verified.has(info.oid), info.committer.date),
    },
    author: null,
    committer: null,
    parents: info.parents.map((p) => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `${urls.web}/${repo.owner}/${repo.name}/commit/${p}`,
    })),
  };
  if (files) {
    const additions = files.reduce((n, f) => n + f.additions, 0);
    const deletions = files.reduce((n, f) => n + f.deletions, 0);
    body.stats = { additions, deletions, total: additions + deletions };
    body.files = files.map((f) => diffEntry(urls, repo, info.oid, f));
  }
  return body;
}

export function diffEntry(urls: Urls, repo: RepoState, ref: string, file: DiffFile): Json {
  const path = file.path.split("/").map(encodeURIComponent).join("/");
  const entry: Json = {
    sha: file.oid,
    filename: file.path,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${urls.web}/${repo.owner}/${repo.name}/blob/${ref}/${path}`,
    raw_url: `${urls.web}/${repo.owner}/${repo.name}/raw/${ref}/${path}`,
    contents_url: `${urls.api}/repos/${repo.owner}/${repo.name}/contents/${path}?ref=${ref}`,
  };
  if (file.patch !== undefined) entry.patch = file.patch;
  return entry;
}

export function contentItem(
  urls: Urls,
  repo: RepoState,
  ref: string,
  entry: { path: string; oid: string; type: "file" | "dir" | "symlink" | "submodule"; size: number },
): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const path = entry.path.split("/").map(encodeURIComponent).join("/");
  const self = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const kind = entry.type === "dir" ? "tree" : "blob";
  const html = `${urls.web}/${repo.owner}/${repo.name}/${kind}/${ref}/${path}`;
  const git = entry.type === "dir" ? `${api}/git/trees/${entry.oid}` : `${api}/git/blobs/${entry.oid}`;
  return {
    name: entry.path.split("/").pop() ?? entry.path,
    path: entry.path,
    sha: entry.oid,
    size: entry.size,
    url: self,
    html_url: html,
    git_url: git,
    download_url: entry.type === "file" ? `${urls.web}/${repo.owner}/${repo.name}/raw/${ref}/${path}` : null,
    type: entry.type,
    _links: { self, git, html },
  };
}

export function label(urls: Urls, repo: RepoState, item: Label): Json {
  return {
    id: item.id,
    node_id: nodeId("Label", `${repo.owner}/${repo.name}:${item.name}`),
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(item.name)}`,
    name: item.name,
    description: item.description,
    color: item.color,
    default: false,
  };
}

export interface PullContext {
  urls: Urls;
  repo: RepoState;
  owner: UserInfo;
  user: (login: string) => UserInfo;
  team: (slug: string) => Json;
  stats?: { additions: number; deletions: number; changedFiles: number; commits: number };
  mergeState?: "dirty" | "draft" | "blocked" | "clean" | "unknown";
}

export function pullRequestSimple(ctx: PullContext, pr: PullRequest): Json {
  const { urls, repo } = ctx;
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const html = `${urls.web}/${repo.owner}/${repo.name}/pull/${pr.number}`;
  const repoBody = repository(urls, repo, ctx.owner);
  const ownerUser = simpleUser(urls, ctx.owner);
  return {
    url: `${api}/pulls/${pr.number}`,
    id: pr.id,
    node_id: nodeId("PullRequest", `${repo.owner}/${repo.name}#${pr.number}`),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${api}/pulls/${pr.number}/commits`,
    review_comments_url: `${api}/pulls/${pr.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${pr.headSha}`,
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: simpleUser(urls, ctx.user(pr.login)),
    body: pr.body,
    // The pull-request schema types an embedded label's description as a plain string.
    labels: pr.labels.map((name) => {
      const found = repo.labels.get(name);
      const body = label(urls, repo, found ?? { id: 0, name, color: "ededed", description: null });
      return { ...body, description: body.description ?? "" };
    }),
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
    merge_commit_sha: pr.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: pr.requestedReviewers.map((login) => simpleUser(urls, ctx.user(login))),
    requested_teams: pr.requestedTeams.map((slug) => ctx.team(slug)),
    head: {
      label: `${repo.owner}:${pr.headRef}`,
      ref: pr.headRef,
      sha: pr.headSha,
      user: ownerUser,
      repo: repoBody,
    },
    base: {
      label: `${repo.owner}:${pr.baseRef}`,
      ref: pr.baseRef,
      sha: pr.baseSha,
      user: ownerUser,
      repo: repoBody,
    },
    _links: {
      self: { href: `${api}/pulls/${pr.number}` },
      html: { href: html },
      issue: { href: `${api}/issues/${pr.number}` },
      comments: { href: `${api}/issues/${pr.number}/comments` },
      review_comments: { href: `${api}/pulls/${pr.number}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${pr.number}/commits` },
      statuses: { href: `${api}/statuses/${pr.headSha}` },
    },
    author_association: pr.login === repo.owner ? "OWNER" : "MEMBER",
    auto_merge: pr.autoMerge
      ? {
          enabled_by: simpleUser(urls, ctx.user(pr.autoMerge.enabledBy)),
          merge_method: pr.autoMerge.method.toLowerCase(),
          commit_title: pr.title,
          commit_message: pr.body ?? "",
        }
      : null,
    draft: pr.draft,
  };
}

export function pullRequest(ctx: PullContext, pr: PullRequest): Json {
  const stats = ctx.stats ?? { additions: 0, deletions: 0, changedFiles: 0, commits: 0 };
  const merged = pr.mergedAt !== null;
  return {
    ...pullRequestSimple(ctx, pr),
    merged,
    mergeable: pr.state === "open" && ctx.mergeState ? ctx.mergeState !== "dirty" : null,
    rebaseable: null,
    mergeable_state: ctx.mergeState ?? "unknown",
    merged_by: pr.mergedBy ? simpleUser(ctx.urls, ctx.user(pr.mergedBy)) : null,
    comments: ctx.repo.comments.get(pr.number)?.length ?? 0,
    review_comments: 0,
    maintainer_can_modify: pr.maintainerCanModify,
    commits: stats.commits,
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.changedFiles,
  };
}

export function review(ctx: PullContext, pr: PullRequest, item: Review): Json {
  const { urls, repo } = ctx;
  const html = `${urls.web}/${repo.owner}/${repo.name}/pull/${pr.number}`;
  const body: Json = {
    id: item.id,
    node_id: nodeId("PullRequestReview", `${repo.owner}/${repo.name}#${pr.number}/${item.id}`),
    user: simpleUser(urls, ctx.user(item.login)),
    body: item.body,
    state: item.state,
    html_url: `${html}#pullrequestreview-${item.id}`,
    pull_request_url: `${urls.api}/repos/${repo.owner}/${repo.name}/pulls/${pr.number}`,
    _links: {
      html: { href: `${html}#pullrequestreview-${item.id}` },
      pull_request: { href: `${urls.api}/repos/${repo.owner}/${repo.name}/pulls/${pr.number}` },
    },
    commit_id: item.commitId,
    author_association: item.login === repo.owner ? "OWNER" : "MEMBER",
  };
  if (item.state !== "PENDING") body.submitted_at = item.submittedAt;
  return body;
}

export function issueComment(
  urls: Urls,
  repo: RepoState,
  number: number,
  item: IssueComment,
  user: UserInfo,
): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    id: item.id,
    node_id: nodeId("IssueComment", `${repo.owner}/${repo.name}/${item.id}`),
    url: `${api}/issues/comments/${item.id}`,
    html_url: `${urls.web}/${repo.owner}/${repo.name}/pull/${number}#issuecomment-${item.id}`,
    body: item.body,
    user: simpleUser(urls, user),
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    issue_url: `${api}/issues/${number}`,
    author_association: item.login === repo.owner ? "OWNER" : "MEMBER",
  };
}

export function status(urls: Urls, repo: RepoState, sha: string, item: CommitStatus, user: UserInfo): Json {
  return {
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/statuses/${sha}`,
    avatar_url: null,
    id: item.id,
    node_id: nodeId("StatusContext", `${repo.owner}/${repo.name}/${item.id}`),
    state: item.state,
    description: item.description,
    target_url: item.targetUrl,
    context: item.context,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    creator: simpleUser(urls, user),
  };
}

export function simpleStatus(urls: Urls, repo: RepoState, sha: string, item: CommitStatus): Json {
  return {
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/statuses/${sha}`,
    avatar_url: null,
    id: item.id,
    node_id: nodeId("StatusContext", `${repo.owner}/${repo.name}/${item.id}`),
    state: item.state,
    description: item.description,
    target_url: item.targetUrl,
    context: item.context,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
  };
}

export function deployment(urls: Urls, repo: RepoState, item: Deployment, user: UserInfo): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/deployments/${item.id}`,
    id: item.id,
    node_id: nodeId("Deployment", `${repo.owner}/${repo.name}/${item.id}`),
    sha: item.sha,
    ref: item.ref,
    task: item.task,
    payload: item.payload,
    original_environment: item.environment,
    environment: item.environment,
    description: item.description,
    creator: simpleUser(urls, user),
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    statuses_url: `${api}/deployments/${item.id}/statuses`,
    repository_url: api,
    transient_environment: item.transient,
    production_environment: item.production,
  };
}

export function deploymentStatus(
  urls: Urls,
  repo: RepoState,
  parent: Deployment,
  item: DeploymentStatus,
  user: UserInfo,
): Json {
  const api = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/deployments/${parent.id}/statuses/${item.id}`,
    id: item.id,
    node_id: nodeId("DeploymentStatus", `${repo.owner}/${repo.name}/${item.id}`),
    state: item.state,
    creator: simpleUser(urls, user),
    description: item.description,
    environment: item.environment,
    target_url: item.targetUrl,
    created_at: item.createdAt,
    updated_at: item.createdAt,
    deployment_url: `${api}/deployments/${parent.id}`,
    repository_url: api,
    environment_url: item.environmentUrl,
    log_url: item.logUrl,
  };
}

export function teamSimple(urls: Urls, org: string, team: { id: number; slug: string; name: string }): Json {
  const api = `${urls.api}/orgs/${org}/teams/${team.slug}`;
  return {
    id: team.id,
    node_id: nodeId("Team", `${org}/${team.slug}`),
    url: api,
    members_url: `${api}/members{/member}`,
    name: team.name,
    description: null,
    permission: "pull",
    privacy: "closed",
    notification_setting: "notifications_enabled",
    html_url: `${urls.web}/orgs/${org}/teams/${team.slug}`,
    repositories_url: `${api}/repos`,
    slug: team.slug,
    parent: null,
    type: "organization",
  };
}

export function errorBody(status: number, message: string, extra: Json = {}): Json {
  return {
    message,
    documentation_url: "https://docs.github.com/rest",
    status: String(status),
    ...extra,
  };
}

export { timestamp };
