import { getProxyForUrl } from "proxy-from-env";
import { type Dispatcher, ProxyAgent, fetch as undiciFetch } from "undici";

/**
 * Outbound HTTP that honours the runner's proxy variables. Node's built-in fetch connects directly whatever
 * HTTPS_PROXY says, which on a self-hosted runner behind a corporate proxy means no connection at all. Here each
 * request asks the variables (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY, NO_PROXY, either case) which proxy it goes through;
 * requests that need none use the plain global fetch, exactly as before.
 *
 * Credentials in a proxy URL (`http://user:pass@proxy:3128`) are sent as Proxy-Authorization and never appear in
 * what this module reports: `redactProxy` is the only form of a proxy URL that may be logged.
 */

const agents = new Map<string, Dispatcher>();

function agentFor(proxy: string): Dispatcher {
  let agent = agents.get(proxy);
  if (!agent) {
    agent = new ProxyAgent(proxy);
    agents.set(proxy, agent);
  }
  return agent;
}

/** The proxy URL without its credentials, for log lines. */
export function redactProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.username || url.password) {
      url.username = "***";
      url.password = "";
    }
    return url.href.replace(/\/$/, "");
  } catch {
    return "(unparsable proxy URL)";
  }
}

/** The password (or lone user name) in a proxy URL, so entries can mask it in the runner log. */
export function proxyCredentials(env: NodeJS.ProcessEnv): string[] {
  const found = new Set<string>();
  for (const name of ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"])
    for (const value of [env[name], env[name.toLowerCase()]]) {
      if (!value) continue;
      try {
        const url = new URL(value.includes("://") ? value : `http://${value}`);
        // A lone user name is often a token; with a password, the name alone is not worth hiding.
        const secret = url.password || url.username;
        if (secret) {
          found.add(secret);
          found.add(decodeURIComponent(secret));
        }
      } catch {
        // An unparsable proxy fails the first request with its own message; there is nothing to mask.
      }
    }
  return [...found];
}

/** The proxy a request to `url` goes through, or "" for a direct connection. */
export const proxyFor = (url: string): string => getProxyForUrl(url);

/** A fetch that goes through the proxy the environment names for each URL, and connects directly otherwise. */
export function proxyAwareFetch(base: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const proxy = proxyFor(url);
    if (!proxy) return base(input, init);
    // undici's own fetch with its own dispatcher: the two come from one package, so they always fit together.
    return undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: agentFor(proxy),
    }) as unknown as Promise<Response>;
  };
}
