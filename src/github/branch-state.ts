import { UserError } from "../errors.js";
import type { DeliveryRequest } from "../flows/ports.js";
import type { Logger } from "../logger.js";
import { type DeliveryMode, gitBlobOid, type PullRequestRef, type Target } from "../update/delivery.js";
import type { UpdatePlan } from "../update/index.js";
import type { GitHub } from "./client.js";
import { onGitHub, translateGitHubError } from "./errors.js";
import { GitHubSnapshot } from "./snapshot.js";
import { pathFields } from "./snapshot-query.js";

/** A delivery through the API: the request, and the repository and clients it goes to. */
export interface GitHubDeliveryOptions extends DeliveryRequest {
  /** Client for reads (no write spacing) and for writes (spaced as GitHub asks); may be the same. */
  clients: { read: GitHub; write: GitHub };
  repository: { owner: string; repo: string };
  logger: Logger;
  /** Attempts when the branch moves between read and write. */
  attempts?: number;
  backoffMs?: number;
}

export interface RepositoryState {
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

/**
 * The plan as a commit through the API writes it. createCommitOnBranch writes each path as a regular 100644 file:
 * an edit reached through a symlink lands on the link's target (as an edit of a checkout does), and a file
 * whose mode would change is refused (see GitHubSnapshot.commitPath). Changes are reported where they land.
 */
export async function deliverable(plan: UpdatePlan, snapshot: GitHubSnapshot): Promise<UpdatePlan> {
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
 * One query for everything a run decides on: the base branch's commit, the head branch and its open pull
 * request, and the first round of the paths. Contents are always read through the commit id, so a base that
 * moves during the run is caught by `expectedHeadOid`, never half-read.
 */
export async function readState(options: GitHubDeliveryOptions): Promise<RepositoryState> {
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
export async function rebaseIfUntouched(
  options: GitHubDeliveryOptions,
  state: RepositoryState,
  plan: UpdatePlan,
): Promise<RepositoryState | undefined> {
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
