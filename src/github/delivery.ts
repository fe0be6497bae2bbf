import { createHash } from "node:crypto";
import { UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import { type Identity, withSignoff, withUserBody } from "../texts/pull-request.js";
import { encodeText, type RepoReader, type TextEncoding, type UpdatePlan } from "../update/index.js";
import type { GitHub } from "./client.js";
import {
  gitHubMessage,
  isNoCommitsBetween,
  isPullRequestExists,
  isReferenceExists,
  isStaleHead,
  onGitHub,
  translateGitHubError,
} from "./errors.js";
import { GitHubSnapshot, pathFields } from "./snapshot.js";

export type DeliveryMode = "commit" | "pull-request";
/**
 * What a delivery did: a pull request `created`, `updated` (its branch got a new commit), `closed` (delete-branch,
 * nothing left to change), `committed` to the base, or `unchanged`. A dry run says what it would have done
 * (`would-…`), or `unchanged` when a real run would write nothing either.
 */
export type Operation =
  | "created"
  | "updated"
  | "closed"
  | "unchanged"
  | "committed"
  | "would-create"
  | "would-update"
  | "would-close"
  | "would-commit";
export type AutoMerge = false | "merge" | "squash" | "rebase";

export interface PullRequestOptions {
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  draft: boolean;
  autoMerge: AutoMerge;
  /** Sent when set; GitHub's default otherwise. */
  maintainerCanModify?: boolean;
}

/** What users of create-pull-request also set; shared by update-manifest-tag and promote-env. */
export interface PullRequestExtras {
  /** Markdown added under the generated pull request body. */
  body?: string;
  /** When nothing is left to change: close the open pull request and delete its head branch. */
  deleteBranch?: boolean;
  /** Adds a Signed-off-by trailer to the commit: this identity, or the token's own with "token". */
  signoff?: Identity | "token";
  /** Whether maintainers may push to the head branch; GitHub's default when undefined. */
  maintainerCanModify?: boolean;
}

/** A plan that may also delete files (a preview's removal); update plans never do. */
export type DeliveryPlan = UpdatePlan & { deletions?: { path: string }[] };

export interface Texts {
  headline: string;
  body: string;
  title: string;
  pullRequestBody: string;
}

export interface GitHubDeliveryOptions extends PullRequestExtras {
  /** Client for reads (no write spacing) and for writes (spaced as GitHub asks); may be the same. */
  clients: { read: GitHub; write: GitHub };
  repository: { owner: string; repo: string };
  /** Branch to change or to open the pull request against; the default branch when empty. */
  base?: string;
  /** Undefined: the environment's mode from the config file. */
  mode?: DeliveryMode;
  /**
   * What to update: paths, or a config file (read in the first query) that turns into paths and a mode. The
   * snapshot fetches what the paths need before the planner asks.
   */
  target: { patterns: string[] } | { config: string; resolve: (text: string | undefined) => Target };
  /** The core's planner over a reader (planUpdate with the images bound). */
  plan: (reader: RepoReader, patterns: string[]) => Promise<DeliveryPlan>;
  /** Head branch in pull-request mode. */
  branch: string;
  texts: (plan: UpdatePlan, base: string) => Texts;
  pullRequest: PullRequestOptions;
  dryRun: boolean;
  logger: Logger;
  /** Attempts when the branch moves between read and write. */
  attempts?: number;
  backoffMs?: number;
}

export interface Target {
  patterns: string[];
  mode?: DeliveryMode;
}

export interface PullRequestRef {
  number: number;
  url: string;
  id: string;
}

export interface DeliveryResult {
  operation: Operation;
  mode: DeliveryMode;
  plan: UpdatePlan;
  base: string;
  baseOid: string;
  /** `owner/name` as GitHub spells it. */
  repository: string;
  repositoryUrl: string;
  commit?: { oid: string; url: string };
  pullRequest?: PullRequestRef;
  /** The pull request's head branch (pull-request mode). */
  branch?: string;
  /** Requests this delivery sent (reads, writes, retries not included). */
  requests: number;
  warnings: string[];
}

interface RepositoryState {
  mode: DeliveryMode;
  patterns: string[];
  id: string;
  nameWithOwner: string;
  url: string;
  base: { name: string; oid: string };
  head?: { oid: string; pullRequest?: PullRequestRef & { baseRefName: string } };
  snapshot: GitHubSnapshot;
}

interface RawPullRequest {
  id: string;
  number: number;
  url: string;
  baseRefName: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Jittered exponential back-off: concurrent runs that collided spread out instead of colliding again. It never
 * waits less than a second, the spacing GitHub asks between writes, so the re-read happens right before the
 * retried write may go and the window for the next collision stays short.
 */
function backoff(attempt: number, baseMs: number): number {
  return 1000 + Math.random() * Math.min(8000, baseMs * 2 ** (attempt - 1));
}

/** Git's object id for a blob with this content: compares a branch's file to ours without fetching it. */
export function gitBlobOid(content: string, encoding: TextEncoding = "utf8"): string {
  const bytes = encodeText(content, encoding);
  return createHash("sha1")
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest("hex");
}

/**
 * Updates image references in a repository on GitHub without a clone: reads only what the paths need, writes
 * every changed file as one `createCommitOnBranch` guarded by `expectedHeadOid`. When the branch moved in
 * between, it reads again, plans again on the new head and retries after a jittered back-off, a bounded number
 * of times. A base branch is never force-moved; only the pull request's own head branch is.
 */
export async function deliverThroughGitHub(options: GitHubDeliveryOptions): Promise<DeliveryResult> {
  const attempts = options.attempts ?? 10;
  const full = `${options.repository.owner}/${options.repository.repo}`;
  let requests = 0;
  const count = <T>(promise: Promise<T>) => {
    requests++;
    return promise;
  };
  const warnings: string[] = [];
  let signer: Identity | undefined = options.signoff === "token" ? undefined : options.signoff;

  // Kept across a lost compare-and-swap when the files we change did not change: no need to read them again.
  let kept: { state: RepositoryState; plan: DeliveryPlan } | undefined;
  for (let attempt = 1; ; attempt++) {
    let state: RepositoryState;
    let plan: DeliveryPlan;
    if (kept) ({ state, plan } = kept);
    else {
      state = await readState(options);
      requests += 1 + state.snapshot.requests;
      const before = state.snapshot.requests;
      const snapshot = state.snapshot;
      plan = await onGitHub({ operation: "read the files", repository: full }, async () =>
        deliverable(await options.plan(snapshot, state.patterns), snapshot),
      );
      requests += state.snapshot.requests - before;
    }
    const mode = state.mode;
    const pullRequestMode = mode === "pull-request";
    const result = (operation: Operation, extra: Partial<DeliveryResult> = {}): DeliveryResult => ({
      operation,
      mode,
      plan,
      base: state.base.name,
      baseOid: state.base.oid,
      repository: state.nameWithOwner,
      repositoryUrl: state.url,
      branch: pullRequestMode ? options.branch : undefined,
      requests,
      warnings,
      ...extra,
    });
    if (pullRequestMode && state.base.name === options.branch) {
      throw new UserError(`the pull request branch ${options.branch} is the base branch itself`, {
        hint: "Choose a `branch` different from `base`: the head branch is rewritten on every update.",
      });
    }
    if (plan.changes.length === 0 && plan.files.length === 0 && !plan.deletions?.length) {
      // The base already runs these versions: an open pull request for them has nothing left to deliver.
      const stale = pullRequestMode && options.deleteBranch ? state.head : undefined;
      const ours = stale?.pullRequest?.baseRefName === state.base.name ? stale.pullRequest : undefined;
      // A head branch whose open pull request targets another base is that pull request's: left alone.
      if (!stale || (stale.pullRequest && !ours)) return result("unchanged");
      if (options.dryRun) return result(ours ? "would-close" : "unchanged", { pullRequest: ours });
      const closed = await closeAndDeleteHead(options, state, ours, () => requests++);
      return result(ours ? "closed" : "unchanged", { pullRequest: closed });
    }
    let texts = options.texts(plan, state.base.name);
    texts = { ...texts, pullRequestBody: withUserBody(texts.pullRequestBody, options.body) };
    const headCommit = state.head && { oid: state.head.oid, url: `${state.url}/commit/${state.head.oid}` };

    try {
      if (mode === "commit") {
        if (options.dryRun) return result("would-commit");
        if (options.signoff === "token") signer ??= await count(tokenIdentity(options, state));
        if (signer) texts = { ...texts, body: withSignoff(texts.body, signer) };
        const commit = await count(commitFiles(options, state, state.base.name, state.base.oid, plan, texts));
        return result("committed", { commit });
      }

      // Pull-request mode: is the head branch already exactly base + these edits?
      let headMatches = false;
      if (state.head) {
        const headSnapshot = new GitHubSnapshot(options.clients.read, options.repository, []);
        headSnapshot.commit = state.head.oid;
        const oids = await headSnapshot.blobOids(plan.files.map((file) => file.path));
        requests += headSnapshot.requests;
        const gone = plan.deletions ?? [];
        const deleted = gone.length ? await headSnapshot.blobOids(gone.map((file) => file.path)) : new Map();
        headMatches =
          plan.files.every(
            (file) => oids.get(file.path) === gitBlobOid(file.after, state.snapshot.encoding(file.path)),
          ) && gone.every((file) => deleted.get(file.path) === undefined);
      }
      const existing =
        state.head?.pullRequest?.baseRefName === state.base.name ? state.head.pullRequest : undefined;
      // Already delivered: the outputs point at the pull request and the head commit that carries the change.
      if (existing && headMatches) return result("unchanged", { pullRequest: existing, commit: headCommit });
      if (options.dryRun) {
        return result(existing ? "would-update" : "would-create", { pullRequest: existing });
      }
      let commit: DeliveryResult["commit"];
      if (!headMatches) {
        if (options.signoff === "token") signer ??= await count(tokenIdentity(options, state));
        if (signer) texts = { ...texts, body: withSignoff(texts.body, signer) };
        await count(moveHeadBranch(options, state));
        commit = await count(commitFiles(options, state, options.branch, state.base.oid, plan, texts)).catch(
          async (error: unknown) => {
            // Refused (not raced): put the open pull request's branch back where it was rather than leave it empty.
            if (state.head && !isStaleHead(error))
              await restoreHeadBranch(options, state.head.oid).catch(() => {});
            throw error;
          },
        );
      }
      const target: PullRequestTarget = {
        ...options,
        base: state.base.name,
        texts,
        pullRequest: {
          ...options.pullRequest,
          maintainerCanModify: options.pullRequest.maintainerCanModify ?? options.maintainerCanModify,
        },
      };
      const { pullRequest, created } = await openOrUpdatePullRequest(
        target,
        existing,
        () => requests++,
      ).catch(async (error: unknown) => {
        // A branch this run created for a pull request that could not be opened is removed again: a refused
        // run leaves the repository as it found it.
        if (!state.head && commit && !isNoCommitsBetween(error))
          await deleteHeadBranch(options).catch(() => {});
        throw error;
      });
      if (!created && !commit) return result("unchanged", { pullRequest, commit: headCommit });
      warnings.push(...(await applyMetadata(target, pullRequest, () => requests++)));
      return result(created ? "created" : "updated", { commit: commit ?? headCommit, pullRequest });
    } catch (error) {
      // Lost races: the branch moved, another run created the head branch, or reset it just as we opened the PR.
      if (!isStaleHead(error) && !isReferenceExists(error) && !isNoCommitsBetween(error)) throw error;
      if (attempt >= attempts) {
        throw new UserError(
          `${mode === "commit" ? state.base.name : options.branch} in ${full} kept moving while updating it; ` +
            `gave up after ${attempts} attempts and wrote nothing`,
          {
            hint: "Other jobs are committing to the same branch at a high rate; re-run the job.",
            cause: error,
          },
        );
      }
      const wait = backoff(attempt, options.backoffMs ?? 500);
      options.logger.info(
        `${mode === "commit" ? state.base.name : options.branch} moved since it was read; reading it again in ${Math.round(wait)} ms (attempt ${attempt + 1} of ${attempts})`,
      );
      await sleep(wait);
      const moved =
        mode === "commit" && isStaleHead(error) ? await rebaseIfUntouched(options, state, plan) : undefined;
      requests += moved ? 1 : 0;
      kept = moved ? { state: moved, plan } : undefined;
    }
  }
}

/**
 * The plan as a commit through the API writes it. createCommitOnBranch writes each path as a regular 100644 file:
 * an edit reached through a symlink lands on the link's target (as an edit of a checkout does), and a file
 * whose mode would change is refused (see GitHubSnapshot.commitPath). Changes are reported where they land.
 */
async function deliverable(plan: DeliveryPlan, snapshot: GitHubSnapshot): Promise<DeliveryPlan> {
  if (plan.files.length === 0) return plan;
  const targets = new Map(
    await Promise.all(
      plan.files.map(
        async (file): Promise<[string, string]> => [file.path, await snapshot.commitPath(file.path)],
      ),
    ),
  );
  if (plan.files.every((file) => targets.get(file.path) === file.path)) return plan;
  const files = new Map<string, { from: string; file: UpdatePlan["files"][number] }>();
  for (const file of plan.files) {
    const path = targets.get(file.path)!;
    const other = files.get(path);
    if (other && other.file.after !== file.after) {
      throw new UserError(`${file.path} and ${other.from} are the same file, edited two different ways`, {
        file: path,
        hint: "List one of the two paths only; nothing was written.",
      });
    }
    files.set(path, { from: file.path, file: { ...file, path } });
  }
  const seen = new Set<string>();
  const changes = plan.changes
    .map((change) => ({ ...change, file: targets.get(change.file) ?? change.file }))
    .filter((change) => {
      const key = `${change.file}\0${change.line}\0${change.image}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { ...plan, files: [...files.values()].map((entry) => entry.file), changes };
}

/**
 * The token's own identity for a Signed-off-by trailer: the commit createCommitOnBranch makes is authored by
 * it. GitHub's no-reply address stands in when the account shows no public email.
 */
async function tokenIdentity(options: GitHubDeliveryOptions, state: RepositoryState): Promise<Identity> {
  const data = await onGitHub(
    { operation: "read the token's identity for the Signed-off-by trailer", repository: state.nameWithOwner },
    () =>
      options.clients.read.graphql<{
        viewer: { login: string; name: string | null; email: string; databaseId: number | null };
      }>("query { viewer { login name email databaseId } }"),
  );
  const viewer = data.viewer;
  const host = new URL(state.url).host;
  const noreply = `users.noreply.${host}`;
  const email =
    viewer.email ||
    (viewer.databaseId ? `${viewer.databaseId}+${viewer.login}@${noreply}` : `${viewer.login}@${noreply}`);
  return { name: viewer.name || viewer.login, email };
}

/**
 * `delete-branch`: nothing is left to change, so the open pull request (if any) is closed and its head branch
 * deleted, as create-pull-request does when its branch no longer differs from the base.
 */
async function closeAndDeleteHead(
  options: GitHubDeliveryOptions,
  state: RepositoryState,
  pullRequest: PullRequestRef | undefined,
  counted: () => void,
): Promise<PullRequestRef | undefined> {
  const { owner, repo } = options.repository;
  if (pullRequest) {
    counted();
    await closePullRequest(options, pullRequest);
  }
  counted();
  await onGitHub({ operation: `delete branch ${options.branch}`, repository: state.nameWithOwner }, () =>
    options.clients.write.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
      owner,
      repo,
      ref: `heads/${options.branch}`,
    }),
  );
  options.logger.info(`Deleted branch ${options.branch}: nothing is left to change`);
  return pullRequest;
}

/**
 * One query for everything a run decides on: the base branch's commit, the head branch and its open pull
 * request, and the first round of the paths. Contents are always read through the commit id, so a base that
 * moves during the run is caught by `expectedHeadOid`, never half-read.
 */
async function readState(options: GitHubDeliveryOptions): Promise<RepositoryState> {
  const { owner, repo } = options.repository;
  const full = `${owner}/${repo}`;
  const known = "patterns" in options.target ? options.target.patterns : undefined;
  const snapshot = new GitHubSnapshot(options.clients.read, options.repository, known ?? []);
  const wants = snapshot.plan();
  if (!known && "config" in options.target) wants.set(options.target.config, "read");
  // The head branch is asked for whenever pull-request mode is possible: a missing ref costs nothing.
  const head = options.mode === "commit" ? undefined : options.branch;
  const first = pathFields(wants);
  const declarations = ["$owner: String!", "$name: String!", ...first.declarations];
  const variables: Record<string, unknown> = { owner, name: repo, ...first.variables };
  if (options.base) {
    declarations.push("$base: String!");
    variables.base = `refs/heads/${options.base}`;
  }
  if (head) {
    declarations.push("$head: String!");
    variables.head = `refs/heads/${head}`;
  }
  const query =
    `query(${declarations.join(", ")}) { repository(owner: $owner, name: $name) { id nameWithOwner url ` +
    `base: ${options.base ? "ref(qualifiedName: $base)" : "defaultBranchRef"} { name target { oid ... on Commit { ${first.fields} } } } ` +
    (head
      ? "head: ref(qualifiedName: $head) { target { oid } associatedPullRequests(states: [OPEN], first: 5) { nodes { id number url baseRefName } } } "
      : "") +
    `} } ${first.fragments}`;

  type Answer = {
    repository: {
      id: string;
      nameWithOwner: string;
      url: string;
      base: { name: string; target: Record<string, unknown> & { oid: string } } | null;
      head?: { target: { oid: string }; associatedPullRequests: { nodes: RawPullRequest[] } } | null;
    } | null;
  };
  const data = await onGitHub({ operation: "read the repository", repository: full }, () =>
    options.clients.read.graphql<Answer>(query, variables),
  );
  const repository = data.repository;
  if (!repository) {
    throw translateGitHubError(
      { name: "GraphqlResponseError", errors: [{ type: "NOT_FOUND" }], message: "" },
      {
        operation: "read the repository",
        repository: full,
      },
    );
  }
  if (!repository.base) {
    throw new UserError(
      options.base
        ? `branch ${options.base} does not exist in ${repository.nameWithOwner}`
        : `${repository.nameWithOwner} has no default branch (is it empty?)`,
      { hint: "Set `base` to an existing branch of the config repository." },
    );
  }
  snapshot.commit = repository.base.target.oid;
  first.paths.forEach((path, index) => {
    snapshot.seed(path, repository.base!.target[`f${index}`], wants.get(path)!);
  });
  let target: Target = { patterns: known ?? [] };
  if (!known && "config" in options.target) {
    target = options.target.resolve(await snapshot.read(options.target.config));
    snapshot.setPatterns(target.patterns);
  }
  await onGitHub({ operation: "read the paths", repository: full }, () => snapshot.prefetch());
  const headRef = repository.head;
  const open = headRef?.associatedPullRequests.nodes ?? [];
  const pr = open.find((node) => node.baseRefName === repository.base!.name) ?? open[0];
  return {
    mode: options.mode ?? target.mode ?? "pull-request",
    patterns: target.patterns,
    id: repository.id,
    nameWithOwner: repository.nameWithOwner,
    url: repository.url,
    base: { name: repository.base.name, oid: repository.base.target.oid },
    head: headRef ? { oid: headRef.target.oid, pullRequest: pr } : undefined,
    snapshot,
  };
}

/**
 * After a lost compare-and-swap in commit mode: one small query for the new head and the ids of the files we
 * change. When none of them changed, planning again would read the same bytes and produce the same edits, so
 * the same files are committed on the new head; otherwise (undefined) everything is read and planned again.
 */
async function rebaseIfUntouched(
  options: GitHubDeliveryOptions,
  state: RepositoryState,
  plan: DeliveryPlan,
): Promise<RepositoryState | undefined> {
  // A removal lists the files of a folder: anything may have landed there since, so it is planned again.
  if (plan.deletions?.length) return undefined;
  const paths = plan.files.map((file) => file.path);
  // The bytes the plan started from are known: their blob ids need no request.
  const before = new Map(
    plan.files.map((file) => [file.path, gitBlobOid(file.before, state.snapshot.encoding(file.path))]),
  );
  const wants = new Map(paths.map((path): [string, "oid"] => [path, "oid"]));
  const fields = pathFields(wants);
  const query =
    `query(${["$owner: String!", "$name: String!", "$branch: String!", ...fields.declarations].join(", ")}) ` +
    `{ repository(owner: $owner, name: $name) { ref(qualifiedName: $branch) { target { oid ... on Commit { ${fields.fields} } } } } } ${fields.fragments}`;
  const data = await onGitHub({ operation: "read the branch", repository: state.nameWithOwner }, () =>
    options.clients.read.graphql<{
      repository: {
        ref: { target: Record<string, { oid?: string } | null> & { oid: string } } | null;
      } | null;
    }>(query, {
      owner: options.repository.owner,
      name: options.repository.repo,
      branch: `refs/heads/${state.base.name}`,
      ...fields.variables,
    }),
  );
  const target = data.repository?.ref?.target;
  if (!target) return undefined;
  const untouched = fields.paths.every(
    (path, index) => (target[`f${index}`]?.oid ?? undefined) === before.get(path),
  );
  if (!untouched) return undefined;
  return { ...state, base: { ...state.base, oid: target.oid } };
}

/** The single write that changes files: one commit, all files, only if the branch is still where we read it. */
async function commitFiles(
  options: GitHubDeliveryOptions,
  state: RepositoryState,
  branch: string,
  expectedHeadOid: string,
  plan: DeliveryPlan,
  texts: Texts,
): Promise<{ oid: string; url: string }> {
  const message: Record<string, string> = { headline: texts.headline };
  if (texts.body) message.body = texts.body;
  // Empty lists must be left out, not sent as null: GitHub rejects a null `additions`/`deletions`.
  const input = {
    branch: { repositoryNameWithOwner: state.nameWithOwner, branchName: branch },
    expectedHeadOid,
    message,
    fileChanges: {
      ...(plan.files.length > 0 || !plan.deletions?.length
        ? {
            additions: plan.files.map((file) => ({
              path: file.path,
              // In the encoding it was read in: a file that is not UTF-8 keeps its other bytes exactly.
              contents: encodeText(file.after, state.snapshot.encoding(file.path)).toString("base64"),
            })),
          }
        : {}),
      ...(plan.deletions?.length ? { deletions: plan.deletions.map((file) => ({ path: file.path })) } : {}),
    },
  };
  try {
    const data = await options.clients.write.graphql<{
      createCommitOnBranch: { commit: { oid: string; url: string } | null } | null;
    }>(
      "mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid url } } }",
      { input },
    );
    const commit = data.createCommitOnBranch?.commit;
    if (!commit) throw new UserError(`GitHub accepted the commit to ${branch} but returned no commit`);
    const removed = plan.deletions?.length ? `, removed ${plan.deletions.length}` : "";
    options.logger.info(`Committed ${plan.files.length} file(s)${removed} to ${branch}: ${commit.url}`);
    return commit;
  } catch (error) {
    if (isStaleHead(error)) throw error;
    throw translateGitHubError(error, {
      operation: `commit to ${branch}`,
      repository: state.nameWithOwner,
      pullRequests: state.mode === "pull-request",
    });
  }
}

/**
 * Puts the pull request's head branch at the base commit, ready for the one new commit: created when missing,
 * force-moved when it exists. Only ever the head branch: the base branch is only appended to.
 */
async function moveHeadBranch(options: GitHubDeliveryOptions, state: RepositoryState): Promise<void> {
  const { owner, repo } = options.repository;
  const context = { operation: `create branch ${options.branch}`, repository: state.nameWithOwner };
  if (options.branch === state.base.name) throw new UserError("refusing to rewrite the base branch");
  const force = () =>
    onGitHub(context, () =>
      options.clients.write.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        owner,
        repo,
        ref: `heads/${options.branch}`,
        sha: state.base.oid,
        force: true,
      }),
    );
  if (state.head) {
    await force();
    return;
  }
  try {
    await options.clients.write.request("POST /repos/{owner}/{repo}/git/refs", {
      owner,
      repo,
      ref: `refs/heads/${options.branch}`,
      sha: state.base.oid,
    });
  } catch (error) {
    // Another run created it between our read and this write: start over from a fresh read.
    if (isReferenceExists(error)) throw error;
    throw translateGitHubError(error, context);
  }
}

async function restoreHeadBranch(options: GitHubDeliveryOptions, oid: string): Promise<void> {
  const { owner, repo } = options.repository;
  await options.clients.write.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
    owner,
    repo,
    ref: `heads/${options.branch}`,
    sha: oid,
    force: true,
  });
  options.logger.info(`Put branch ${options.branch} back at ${oid.slice(0, 7)}: the new commit was refused`);
}

async function deleteHeadBranch(options: GitHubDeliveryOptions): Promise<void> {
  const { owner, repo } = options.repository;
  await options.clients.write.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
    owner,
    repo,
    ref: `heads/${options.branch}`,
  });
  options.logger.info(`Deleted branch ${options.branch} again: the pull request could not be opened`);
}

/** Where a pull request goes and what it says; shared by API mode and working-directory mode. */
export interface PullRequestTarget {
  clients: { read: GitHub; write: GitHub };
  repository: { owner: string; repo: string };
  branch: string;
  base: string;
  texts: Texts;
  pullRequest: PullRequestOptions;
  logger: Logger;
}

/** Closes a pull request whose branch has nothing left to deliver (delete-branch). */
export async function closePullRequest(
  target: Pick<PullRequestTarget, "clients" | "repository" | "logger">,
  pullRequest: PullRequestRef,
): Promise<void> {
  const { owner, repo } = target.repository;
  await onGitHub(
    {
      operation: `close pull request #${pullRequest.number}`,
      repository: `${owner}/${repo}`,
      pullRequests: true,
    },
    () =>
      target.clients.write.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
        owner,
        repo,
        pull_number: pullRequest.number,
        state: "closed",
      }),
  );
  target.logger.info(`Closed pull request #${pullRequest.number}: the base already has these versions`);
}

/** The open pull request from `branch` into `base`, if any (REST, for callers that did not read it by GraphQL). */
export async function findPullRequest(target: PullRequestTarget): Promise<PullRequestRef | undefined> {
  const { owner, repo } = target.repository;
  const { data: open } = await onGitHub(
    { operation: "find the open pull request", repository: `${owner}/${repo}`, pullRequests: true },
    () =>
      target.clients.read.request("GET /repos/{owner}/{repo}/pulls", {
        owner,
        repo,
        head: `${owner}:${target.branch}`,
        state: "open",
      }),
  );
  const found = open.find((pr) => pr.base.ref === target.base);
  return found ? { number: found.number, url: found.html_url, id: found.node_id } : undefined;
}

/**
 * Opens the pull request, or updates the open one in place (title, body), so there is exactly one per head
 * branch even when runs race: a 422 "already exists" means another run won, and its pull request is updated.
 */
export async function openOrUpdatePullRequest(
  target: PullRequestTarget,
  existing: PullRequestRef | undefined,
  counted: () => void = () => {},
): Promise<{ pullRequest: PullRequestRef; created: boolean }> {
  const { owner, repo } = target.repository;
  const context = { operation: "open the pull request", repository: `${owner}/${repo}`, pullRequests: true };
  const { maintainerCanModify } = target.pullRequest;
  const canModify = maintainerCanModify === undefined ? {} : { maintainer_can_modify: maintainerCanModify };
  const update = async (number: number) => {
    counted();
    const { data } = await onGitHub({ ...context, operation: `update pull request #${number}` }, () =>
      target.clients.write.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
        owner,
        repo,
        pull_number: number,
        title: target.texts.title,
        body: target.texts.pullRequestBody,
        ...canModify,
      }),
    );
    target.logger.info(`Updated pull request #${data.number}: ${data.html_url}`);
    return { number: data.number, url: data.html_url, id: data.node_id };
  };
  if (existing) return { pullRequest: await update(existing.number), created: false };
  try {
    counted();
    const { data } = await target.clients.write.request("POST /repos/{owner}/{repo}/pulls", {
      owner,
      repo,
      title: target.texts.title,
      head: target.branch,
      base: target.base,
      body: target.texts.pullRequestBody,
      draft: target.pullRequest.draft,
      ...canModify,
    });
    target.logger.info(`Opened pull request #${data.number}: ${data.html_url}`);
    return { pullRequest: { number: data.number, url: data.html_url, id: data.node_id }, created: true };
  } catch (error) {
    if (isNoCommitsBetween(error)) throw error;
    if (!isPullRequestExists(error)) throw translateGitHubError(error, context);
  }
  counted();
  const found = await findPullRequest(target);
  if (!found)
    throw new UserError(`GitHub says a pull request from ${target.branch} exists but lists none open`);
  return { pullRequest: await update(found.number), created: false };
}

/**
 * Labels, reviewers and auto-merge: the update itself has landed by now, so a refusal here is a warning that
 * names the permission or setting, never a failed run.
 */
export async function applyMetadata(
  options: PullRequestTarget,
  pullRequest: PullRequestRef,
  counted: () => void = () => {},
): Promise<string[]> {
  const { owner, repo } = options.repository;
  const { labels, reviewers, teamReviewers, autoMerge } = options.pullRequest;
  const warnings: string[] = [];
  const attempt = async (what: string, hint: string, call: () => Promise<unknown>) => {
    counted();
    try {
      await call();
    } catch (error) {
      const message = `could not ${what} on pull request #${pullRequest.number}: ${gitHubMessage(error)}. ${hint}`;
      options.logger.warning(message);
      warnings.push(message);
    }
  };
  if (labels.length > 0) {
    await attempt("add labels", "The token needs `issues: write` or `pull-requests: write`.", () =>
      options.clients.write.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
        owner,
        repo,
        issue_number: pullRequest.number,
        labels,
      }),
    );
  }
  if (reviewers.length > 0 || teamReviewers.length > 0) {
    await attempt(
      "request reviewers",
      "Reviewers must be collaborators other than the token's user; team reviewers need a token that can read the organisation's teams (a GitHub App or PAT, not GITHUB_TOKEN).",
      () =>
        options.clients.write.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
          owner,
          repo,
          pull_number: pullRequest.number,
          reviewers,
          team_reviewers: teamReviewers,
        }),
    );
  }
  if (autoMerge) {
    await attempt(
      "enable auto-merge",
      "Enable Settings → General → 'Allow auto-merge' and protect the base branch with a required check or review; the token needs `pull-requests: write` and `contents: write`.",
      () =>
        options.clients.write.graphql(
          "mutation($input: EnablePullRequestAutoMergeInput!) { enablePullRequestAutoMerge(input: $input) { pullRequest { number } } }",
          { input: { pullRequestId: pullRequest.id, mergeMethod: autoMerge.toUpperCase() } },
        ),
    );
  }
  return warnings;
}
