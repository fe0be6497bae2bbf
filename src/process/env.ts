/**
 * The environment a child tool (git, kustomize) gets: what it needs to find itself, its configuration, certificates
 * and proxies — never the action's inputs (INPUT_TOKEN), the runner's tokens or anything else a tool could leak into
 * an error message, a hook or a credential helper.
 */
const PASSED = new Set([
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "TMPDIR",
  "TEMP",
  "TMP",
  "LANG",
  "TZ",
  "XDG_CONFIG_HOME",
  "XDG_CACHE_HOME",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "NODE_EXTRA_CA_CERTS",
  "GIT_SSL_CAINFO",
  "GIT_SSL_CAPATH",
  "GIT_CONFIG_GLOBAL",
  "GIT_CONFIG_SYSTEM",
  "GIT_CONFIG_NOSYSTEM",
  "GIT_EXEC_PATH",
  "GIT_AUTHOR_NAME",
  "GIT_AUTHOR_EMAIL",
  "GIT_COMMITTER_NAME",
  "GIT_COMMITTER_EMAIL",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "KUBECONFIG",
]);

export function childEnv(
  env: NodeJS.ProcessEnv = process.env,
  extra: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (
      value !== undefined &&
      (PASSED.has(name) ||
        name.startsWith("GIT_CONFIG_KEY_") ||
        name.startsWith("GIT_CONFIG_VALUE_") ||
        name === "GIT_CONFIG_COUNT")
    )
      out[name] = value;
  }
  return { ...withBothProxyCases(out), ...extra };
}

/**
 * Tools disagree on the case they read: curl (and so git) ignores an upper-case HTTP_PROXY and reads http_proxy, Go
 * tools (buildah, podman, kubectl) read either. The runner documents the upper-case names, so each is passed in both
 * cases, a form the user set themselves winning over a copy.
 */
function withBothProxyCases(env: Record<string, string>): Record<string, string> {
  const out = { ...env };
  for (const name of ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"]) {
    const lower = name.toLowerCase();
    if (out[lower] === undefined && out[name] !== undefined) out[lower] = out[name];
    if (out[name] === undefined && out[lower] !== undefined) out[name] = out[lower];
  }
  return out;
}

/** git's environment: no prompt (a missing credential fails fast) and untranslated messages the code can read. */
export const gitEnv = (env: NodeJS.ProcessEnv = process.env): Record<string, string> =>
  childEnv(env, { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" });
