import { UserError } from "../errors.js";
import type { Identity } from "../texts/pull-request.js";
import type { PullRequestRef, Texts } from "../update/delivery.js";
import { encodeText, type UpdatePlan } from "../update/index.js";
import type { GitHubDeliveryOptions, RepositoryState } from "./branch-state.js";
import { isReferenceExists, isStaleHead, onGitHub, translateGitHubError } from "./errors.js";
import { closePullRequest } from "./pull-request-writer.js";

/**
 * The token's own identity for a Signed-off-by trailer: the commit createCommitOnBranch makes is authored by
 * it. GitHub's no-reply address stands in when the account shows no public email.
 */
export async function tokenIdentity(
  options: GitHubDeliveryOptions,
  state: RepositoryState,
): Promise<Identity> {
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
export async function closeAndDeleteHead(
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

/** The single write that changes files: one commit, all files, only if the branch is still where we read it. */
export async function commitFiles(
  options: GitHubDeliveryOptions,
  state: RepositoryState,
  branch: string,
  expectedHeadOid: string,
  plan: UpdatePlan,
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
      additions: plan.files.map((file) => ({
        path: file.path,
        // In the encoding it was read in: a file that is not UTF-8 keeps its other bytes exactly.
        contents: encodeText(file.after, state.snapshot.encoding(file.path)).toString("base64"),
      })),
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
    options.logger.info(`Committed ${plan.files.length} file(s) to ${branch}: ${commit.url}`);
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
export async function moveHeadBranch(options: GitHubDeliveryOptions, state: RepositoryState): Promise<void> {
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

export async function restoreHeadBranch(options: GitHubDeliveryOptions, oid: string): Promise<void> {
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

export async function deleteHeadBranch(options: GitHubDeliveryOptions): Promise<void> {
  const { owner, repo } = options.repository;
  await options.clients.write.request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
    owner,
    repo,
    ref: `heads/${options.branch}`,
  });
  options.logger.info(`Deleted branch ${options.branch} again: the pull request could not be opened`);
}
