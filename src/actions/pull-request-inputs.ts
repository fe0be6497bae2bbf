import { constants } from "node:fs";
import { lstat, open, realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { UserError } from "../errors.js";
import { parseRequestTimeout } from "../github/settings.js";
import { type Identity, MAX_PULL_REQUEST_BODY, parseIdentity } from "../texts/pull-request.js";
import { getBoolean, getString } from "./runtime.js";

/** Inputs named as peter-evans/create-pull-request names them, shared by update-manifest-tag and promote-env. */
export interface PullRequestInputs {
  body?: string;
  deleteBranch: boolean;
  signoff: boolean;
  maintainerCanModify?: boolean;
  author?: Identity;
  committer?: Identity;
}

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * A text file from the workspace, for `body-path`: the path (and every symlink on it) must stay inside the
 * workspace, the file must be a regular UTF-8 file no larger than a pull request body can be.
 */
export async function readWorkspaceFile(path: string, workspace: string, input: string): Promise<string> {
  const root = await realpath(workspace);
  const asked = resolve(root, path);
  const outside = () =>
    new UserError(`input '${input}' names ${JSON.stringify(path)}, which is outside the workspace`, {
      hint: "The file must be inside GITHUB_WORKSPACE, and no symlink on the way may lead out of it.",
    });
  if (!isInside(root, asked)) throw outside();
  const real = await realpath(asked).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(
      `input '${input}' names ${JSON.stringify(path)}, which cannot be read (${error.code})`,
      {
        hint: "Give a path relative to the workspace (GITHUB_WORKSPACE) of a file an earlier step wrote.",
      },
    );
  });
  if (!isInside(root, real)) throw outside();
  // Opening a FIFO waits for a writer, for ever: the type is checked before opening, and O_NONBLOCK keeps an entry
  // swapped in between from blocking the open.
  const notRegular = () =>
    new UserError(`input '${input}' names ${JSON.stringify(path)}, which is not a regular file`, {
      hint: "Write the body to an ordinary file in an earlier step (not a pipe, device or directory).",
    });
  if (!(await lstat(real)).isFile()) throw notRegular();
  // O_NOFOLLOW on the resolved path: nothing can swap a link in between the check and the read.
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegular();
    if (stats.size > MAX_PULL_REQUEST_BODY * 4) {
      throw new UserError(
        `input '${input}' names ${JSON.stringify(path)}, ${stats.size} bytes; a pull request body holds at most ${MAX_PULL_REQUEST_BODY} characters`,
        { hint: "Shorten the file, or link to the full text from it." },
      );
    }
    const bytes = await handle.readFile();
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new UserError(`input '${input}' names ${JSON.stringify(path)}, which is not UTF-8 text`);
    }
  } finally {
    await handle.close();
  }
}

function identityInput(name: string): Identity | undefined {
  const text = getString(name).trim();
  return text ? parseIdentity(text, name) : undefined;
}

/** Reads and checks the create-pull-request-compatible inputs; `body-path` wins over `body`, as there. */
export async function pullRequestInputs(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): Promise<PullRequestInputs> {
  const bodyPath = getString("body-path").trim();
  let body = getString("body");
  if (bodyPath) {
    if (body.trim()) warn("both 'body' and 'body-path' are set; 'body-path' is used");
    body = await readWorkspaceFile(bodyPath, env.GITHUB_WORKSPACE || process.cwd(), "body-path");
  }
  const canModify = getString("maintainer-can-modify").trim();
  return {
    body: body.trim() ? body : undefined,
    deleteBranch: getBoolean("delete-branch", false),
    signoff: getBoolean("signoff", false),
    maintainerCanModify: canModify === "" ? undefined : getBoolean("maintainer-can-modify", true),
    author: identityInput("author"),
    committer: identityInput("committer"),
  };
}

/** The per-request time limit: the `request-timeout` input, else GITOPS_PIPELINE_REQUEST_TIMEOUT, in seconds. */
export function requestTimeoutMs(env: NodeJS.ProcessEnv): number {
  const input = getString("request-timeout").trim();
  if (input) return parseRequestTimeout(input, "input 'request-timeout'");
  return parseRequestTimeout(env.GITOPS_PIPELINE_REQUEST_TIMEOUT ?? "", "GITOPS_PIPELINE_REQUEST_TIMEOUT");
}
