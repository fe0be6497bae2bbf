import { UserError } from "../errors.js";

/** What was being done when GitHub said no, so the message can name it. */
export interface GitHubErrorContext {
  /** e.g. "commit to main", "open the pull request" */
  operation: string;
  /** `owner/name` */
  repository: string;
  /** Whether the operation needs pull-request permissions (names `pull-requests: write` in the hint). */
  pullRequests?: boolean;
}

interface HttpLikeError {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

interface GraphqlLikeError {
  name: "GraphqlResponseError";
  errors?: { type?: string; message?: string }[];
  message: string;
}

export function httpStatus(error: unknown): number | undefined {
  const status = (error as HttpLikeError | undefined)?.status;
  return typeof status === "number" && status > 0 ? status : undefined;
}

/** GraphQL answers with 200 and an `errors` list; their `type` plays the role of the HTTP status. */
export function graphqlErrors(error: unknown): { type?: string; message?: string }[] | undefined {
  const candidate = error as GraphqlLikeError | undefined;
  if (candidate?.name === "GraphqlResponseError") return candidate.errors ?? [];
  return undefined;
}

/** The text GitHub gave, from a REST body or GraphQL errors. */
export function gitHubMessage(error: unknown): string {
  const gql = graphqlErrors(error);
  if (gql) return gql.map((entry) => entry.message ?? entry.type ?? "").join("; ");
  const http = error as HttpLikeError;
  const data = http?.response?.data as { message?: string; errors?: { message?: string }[] } | undefined;
  const details = (data?.errors ?? [])
    .map((entry) => (typeof entry === "string" ? entry : entry?.message))
    .filter(Boolean);
  const base = data?.message ?? http?.message ?? String(error);
  return details.length > 0 ? `${base} (${details.join("; ")})` : base;
}

/** True for 422 "Reference already exists" from POST git/refs. */
export function isReferenceExists(error: unknown): boolean {
  return httpStatus(error) === 422 && /reference already exists/i.test(gitHubMessage(error));
}

/** True for 422 "A pull request already exists for owner:branch." */
export function isPullRequestExists(error: unknown): boolean {
  return httpStatus(error) === 422 && /pull request already exists/i.test(gitHubMessage(error));
}

/** 422 "No commits between main and branch": the head branch was reset by a concurrent run at that moment. */
export function isNoCommitsBetween(error: unknown): boolean {
  return httpStatus(error) === 422 && /no commits between/i.test(gitHubMessage(error));
}

/** createCommitOnBranch's compare-and-swap failure: someone else moved the branch after we read it. */
export function isStaleHead(error: unknown): boolean {
  const gql = graphqlErrors(error);
  if (!gql) return false;
  return gql.some(
    (entry) => entry.type === "STALE_DATA" || /expected branch to point to/i.test(entry.message ?? ""),
  );
}

const PROTECTION =
  /protected branch|branch protection|repository rule|rule violation|through a pull request/i;
const NOT_PERMITTED_PR = /not permitted to create or approve pull requests/i;
const NOT_ACCESSIBLE = /resource not accessible by (integration|personal access token)/i;

function rateLimitReset(error: unknown): string | undefined {
  const reset = Number((error as HttpLikeError)?.response?.headers?.["x-ratelimit-reset"]);
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  return new Date(reset * 1000).toISOString().replace(/\.\d+Z$/, "Z");
}

function isRateLimited(error: unknown, status: number | undefined, message: string): boolean {
  const remaining = (error as HttpLikeError)?.response?.headers?.["x-ratelimit-remaining"];
  return (
    status === 429 ||
    (status === 403 && (String(remaining) === "0" || /rate limit/i.test(message))) ||
    (graphqlErrors(error) ?? []).some((entry) => entry.type === "RATE_LIMITED")
  );
}

/** `1.5 s`: durations in messages, as the user configured them. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

interface Caused {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  timeoutMs?: unknown;
}

/** Error codes of the layers below HTTP, in the words a user checks them by. */
function networkReason(code: string): { reason: string; tls: boolean } {
  if (code === "ECONNREFUSED") return { reason: "connection refused", tls: false };
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME")
    return { reason: "the host name does not resolve", tls: false };
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT")
    return { reason: "connecting timed out", tls: false };
  if (code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET")
    return { reason: "the connection was reset", tls: false };
  if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)|^EPROTO$/.test(code))
    return { reason: "the TLS handshake failed", tls: true };
  return { reason: code, tls: false };
}

/**
 * A request that never got an HTTP answer: Octokit reports it as a 500 without a response, the network's error
 * (or our time limit) as its cause. Undefined for anything GitHub answered.
 */
export function networkFailure(
  error: unknown,
): { host: string; reason: string; tls: boolean; timeout: boolean; attempts?: number } | undefined {
  const http = error as
    | (HttpLikeError & { request?: { url?: string; request?: { retryCount?: number } } })
    | undefined;
  if (httpStatus(error) !== 500 || http?.response) return undefined;
  let host = "the API URL";
  try {
    if (http?.request?.url) host = new URL(http.request.url).host;
  } catch {
    // keep the generic name
  }
  const retryCount = http?.request?.request?.retryCount;
  const attempts = typeof retryCount === "number" ? retryCount + 1 : undefined;
  let cause: Caused | undefined = (error as Caused).cause as Caused | undefined;
  for (let depth = 0; cause && depth < 6; depth++, cause = cause.cause as Caused | undefined) {
    if (cause.name === "RequestTimeout" && typeof cause.timeoutMs === "number") {
      return {
        host,
        reason: `no answer within ${formatSeconds(cause.timeoutMs)}`,
        tls: false,
        timeout: true,
        attempts,
      };
    }
    if (typeof cause.code === "string" && cause.code !== "") {
      return { host, ...networkReason(cause.code), timeout: false, attempts };
    }
  }
  if ((error as Caused).cause === undefined) return undefined;
  return { host, reason: String(http?.message ?? "network error"), tls: false, timeout: false, attempts };
}

/**
 * Turns what GitHub answered into a UserError that says what to change: the token, the workflow's `permissions:`,
 * a repository setting, or the branch protection. Errors that are not GitHub's come back unchanged.
 */
export function translateGitHubError(error: unknown, context: GitHubErrorContext): unknown {
  if (error instanceof UserError) return error;
  const status = httpStatus(error);
  const gql = graphqlErrors(error);
  if (status === undefined && gql === undefined) return error;
  const network = networkFailure(error);
  if (network) {
    const tried = network.attempts && network.attempts > 1 ? `, ${network.attempts} attempts` : "";
    return new UserError(
      `could not ${context.operation} in ${context.repository}: the GitHub API at ${network.host} could not be reached (${network.reason}${tried})`,
      {
        hint:
          `This is the network or the API URL, not GitHub itself: check that ${network.host} is the GitHub server ` +
          "(GITHUB_API_URL and GITHUB_GRAPHQL_URL; on GitHub Enterprise Server https://HOST/api/v3 and " +
          "https://HOST/api/graphql) and that the runner reaches it (DNS, proxy, firewall)." +
          (network.tls
            ? " A server certificate from a private CA needs NODE_EXTRA_CA_CERTS on the runner."
            : network.timeout
              ? " A slow server needs a larger `request-timeout`."
              : ""),
        cause: error,
      },
    );
  }
  const message = gitHubMessage(error);
  const types = new Set((gql ?? []).map((entry) => entry.type));
  const what = `GitHub refused to ${context.operation} in ${context.repository}`;
  const permissions = context.pullRequests
    ? "`permissions: { contents: write, pull-requests: write }`"
    : "`permissions: { contents: write }`";

  if (status === 401) {
    return new UserError(`${what}: the token was not accepted (401 ${message})`, {
      hint: "Pass a valid token: check the secret behind the `token` input is set, not expired and not revoked.",
      cause: error,
    });
  }
  if (isRateLimited(error, status, message)) {
    const reset = rateLimitReset(error);
    return new UserError(
      `${what}: the API rate limit is exhausted${reset ? ` until ${reset}` : ""} (${message})`,
      {
        hint:
          "Re-run the job after the reset. GITHUB_TOKEN has 1,000 requests per hour per repository; a GitHub App " +
          "installation token has its own, larger budget.",
        cause: error,
      },
    );
  }
  if (NOT_PERMITTED_PR.test(message)) {
    return new UserError(`${what}: GitHub Actions is not permitted to create or approve pull requests`, {
      hint:
        "Enable Settings → Actions → General → Workflow permissions → 'Allow GitHub Actions to create and approve " +
        "pull requests' (on the repository, and on the organisation if it is locked there), or pass a GitHub App " +
        "installation token as `token`.",
      cause: error,
    });
  }
  if (types.has("INSUFFICIENT_SCOPES")) {
    return new UserError(`${what}: the token's scopes do not allow it (${message})`, {
      hint:
        "A classic personal access token needs the `repo` scope (and `workflow` to change workflow files); a " +
        "fine-grained token or GitHub App needs Contents and Pull requests: Read and write.",
      cause: error,
    });
  }
  if ((status === 403 || types.has("FORBIDDEN")) && NOT_ACCESSIBLE.test(message)) {
    return new UserError(`${what}: the token lacks a permission (${message})`, {
      hint:
        `Give the job ${permissions}. GITHUB_TOKEN cannot write to another repository: for a separate config ` +
        "repository use a GitHub App installation token with Contents and Pull requests write.",
      cause: error,
    });
  }
  if ((status === 422 || status === 403 || status === 409 || gql) && PROTECTION.test(message)) {
    return new UserError(`${what}: branch protection refused the change (${message})`, {
      hint:
        "Use `mode: pull-request` for this branch, or allow the token's app to bypass the rule in the branch " +
        "protection / ruleset settings.",
      cause: error,
    });
  }
  if (status === 404 || types.has("NOT_FOUND")) {
    return new UserError(
      `${what}: not found — the repository or branch does not exist, or the token cannot see it`,
      {
        hint:
          "Check the `repository` and `base` inputs. GITHUB_TOKEN only reaches the workflow's own repository; to " +
          "write to another one pass a GitHub App installation token (or a fine-grained PAT) that can access it.",
        cause: error,
      },
    );
  }
  if (status === 403 || types.has("FORBIDDEN")) {
    return new UserError(`${what}: access denied (403 ${message})`, {
      hint: `Give the job ${permissions}, or use a token that can write to ${context.repository}.`,
      cause: error,
    });
  }
  if (status !== undefined && status >= 500) {
    return new UserError(`${what}: GitHub kept failing (${status} ${message}) after retries`, {
      hint: "This is on GitHub's side; nothing was changed. Re-run the job, or check https://www.githubstatus.com.",
      cause: error,
    });
  }
  return new UserError(`${what}: ${status ? `${status} ` : ""}${message}`, { cause: error });
}

/** Runs a GitHub call and translates its failure; the one wrapper every delivery step uses. */
export async function onGitHub<T>(context: GitHubErrorContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw translateGitHubError(error, context);
  }
}
