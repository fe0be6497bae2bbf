import { UserError } from "../errors.js";
import type { PullRequestFile } from "../promote/diff.js";
import { httpStatus, onGitHub, translateGitHubError } from "./errors.js";
import { fullName, type GitHubRepository } from "./repository.js";

/** The branch's name (the default branch when undefined) and its current commit. */
export async function branchHead(
  on: GitHubRepository,
  name?: string,
): Promise<{ name: string; oid: string }> {
  const { owner, repo } = on.repository;
  const context = { operation: "read the base branch", repository: fullName(on) };
  let branch = name;
  if (!branch) {
    const { data } = await onGitHub(context, () =>
      on.clients.read.request("GET /repos/{owner}/{repo}", { owner, repo }),
    );
    branch = data.default_branch;
  }
  try {
    const { data } = await on.clients.read.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
      owner,
      repo,
      ref: `heads/${branch}`,
    });
    return { name: branch, oid: data.object.sha };
  } catch (error) {
    if (httpStatus(error) === 404) {
      throw new UserError(`branch ${branch} does not exist in ${fullName(on)}`, {
        hint: "Set `base` to the branch the environments live on.",
      });
    }
    throw translateGitHubError(error, context);
  }
}

export async function resolveCommit(on: GitHubRepository, revision: string): Promise<string> {
  const { owner, repo } = on.repository;
  try {
    const { data } = await on.clients.read.request("GET /repos/{owner}/{repo}/commits/{ref}", {
      owner,
      repo,
      ref: revision,
    });
    return data.sha;
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus(error) === 422) {
      throw new UserError(
        `revision ${JSON.stringify(revision)} is not a commit, branch or tag of ${fullName(on)}`,
        {
          hint: "Give a commit SHA (or a tag) from the config repository's history.",
        },
      );
    }
    throw translateGitHubError(error, {
      operation: `resolve revision ${revision}`,
      repository: fullName(on),
    });
  }
}

export async function commitsTouching(
  on: GitHubRepository,
  from: string,
  path: string,
  limit: number,
): Promise<{ sha: string; date: string; parent?: string }[]> {
  const { owner, repo } = on.repository;
  const { data } = await onGitHub(
    { operation: `read the history of ${path}`, repository: fullName(on) },
    () =>
      on.clients.read.request("GET /repos/{owner}/{repo}/commits", {
        owner,
        repo,
        sha: from,
        path,
        per_page: limit,
      }),
  );
  return data.map((commit) => ({
    sha: commit.sha,
    date: commit.commit.committer?.date ?? "",
    parent: commit.parents[0]?.sha,
  }));
}

/** Files listed by one comparison; GitHub lists at most 300. */
export async function compare(
  on: GitHubRepository,
  base: string,
  head: string,
  operation: string,
): Promise<{ mergeBase: string; files: { path: string; status: string; previousPath?: string }[] }> {
  const { owner, repo } = on.repository;
  const { data } = await onGitHub({ operation, repository: fullName(on), pullRequests: true }, () =>
    on.clients.read.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      owner,
      repo,
      basehead: `${base}...${head}`,
    }),
  );
  return {
    mergeBase: data.merge_base_commit.sha,
    files: (data.files ?? []).map((file) => ({
      path: file.filename,
      status: file.status,
      ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
    })),
  };
}

/** Whether `ancestor` is `descendant` or behind it; false for a commit GitHub does not know. */
export async function inHistory(
  on: GitHubRepository,
  ancestor: string,
  descendant: string,
  operation: string,
): Promise<boolean> {
  const { owner, repo } = on.repository;
  const status = await on.clients.read
    .request("GET /repos/{owner}/{repo}/compare/{basehead}", {
      owner,
      repo,
      basehead: `${ancestor}...${descendant}`,
      per_page: 1,
    })
    .then(
      ({ data }) => data.status,
      (error: unknown) => {
        if (httpStatus(error) === 404) return "missing";
        throw translateGitHubError(error, { operation, repository: fullName(on), pullRequests: true });
      },
    );
  return status === "ahead" || status === "identical";
}

/** Files per GraphQL document: two blobs each, well inside GitHub's query limits. */
const FILES_PER_QUERY = 50;

export async function fileContents(
  on: GitHubRepository,
  files: { path: string; previousPath?: string; status: string }[],
  baseOid: string,
  headOid: string,
): Promise<PullRequestFile[]> {
  const read: PullRequestFile[] = [];
  for (let start = 0; start < files.length; start += FILES_PER_QUERY) {
    read.push(
      ...(await fileContentsBatch(on, files.slice(start, start + FILES_PER_QUERY), baseOid, headOid)),
    );
  }
  return read;
}

async function fileContentsBatch(
  on: GitHubRepository,
  files: { path: string; previousPath?: string; status: string }[],
  baseOid: string,
  headOid: string,
): Promise<PullRequestFile[]> {
  const declarations: string[] = ["$owner: String!", "$name: String!"];
  const variables: Record<string, string> = { owner: on.repository.owner, name: on.repository.repo };
  const fields: string[] = [];
  files.forEach((file, index) => {
    for (const [side, oid, path] of [
      ["b", baseOid, file.previousPath ?? file.path],
      ["h", headOid, file.path],
    ] as const) {
      declarations.push(`$${side}${index}: String!`);
      variables[`${side}${index}`] = `${oid}:${path}`;
      fields.push(
        `${side}${index}: object(expression: $${side}${index}) { ... on Blob { text isBinary isTruncated } }`,
      );
    }
  });
  type Blob = { text: string | null; isBinary: boolean | null; isTruncated: boolean } | null;
  const data = await onGitHub({ operation: "read the pull request's files", repository: fullName(on) }, () =>
    on.clients.read.graphql<{ repository: Record<string, Blob> | null }>(
      `query(${declarations.join(", ")}) { repository(owner: $owner, name: $name) { ${fields.join(" ")} } }`,
      variables,
    ),
  );
  const text = (blob: Blob | undefined) =>
    blob && !blob.isBinary && !blob.isTruncated && typeof blob.text === "string" ? blob.text : undefined;
  return files.map((file, index) => ({
    ...file,
    base: text(data.repository?.[`b${index}`]),
    head: text(data.repository?.[`h${index}`]),
  }));
}
