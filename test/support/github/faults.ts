/**
 * Faults GitHub really produces, injected by request matcher and count. A fault either answers in place of the
 * handler (an HTTP error or a GraphQL error) or runs a hook before the handler (the branch moving between a read and
 * the write that depends on it).
 */
export interface FaultMatch {
  method?: string;
  /** REST path below the API prefix (`/repos/o/r/pulls`); a string matches exactly, a RegExp by test. */
  path?: string | RegExp;
  /** REST operationId (`pulls/create`) or `graphql:<rootField>` (`graphql:createCommitOnBranch`), or `graphql`. */
  operation?: string;
}

export type Fault =
  /** Secondary rate limit: 403 (default) or 429 with `retry-after` and the secondary-limit message. */
  | { kind: "secondary-rate-limit"; status?: 403 | 429; retryAfter?: number }
  /** Primary rate limit exhausted: 403 with x-ratelimit-remaining 0 and a reset `resetIn` seconds ahead. */
  | { kind: "rate-limit"; resetIn?: number }
  | { kind: "server-error"; status?: 500 | 502 | 503 | 504 }
  | { kind: "bad-credentials" }
  /** 403 "Resource not accessible by integration"; `permission` fills x-accepted-github-permissions (`contents=write`). */
  | { kind: "not-accessible"; permission?: string }
  | { kind: "actions-cannot-create-pr" }
  | { kind: "not-found" }
  | { kind: "protected-branch"; message?: string }
  /** Any answer at all. */
  | { kind: "respond"; status: number; body?: unknown; headers?: Record<string, string> }
  /** Before handling, commit to `branch` (default: the repository's default branch) so an expected head goes stale. */
  | { kind: "branch-moves"; owner: string; repo: string; branch?: string; files?: Record<string, string> };

export interface FaultOptions {
  /** How many matching requests it fires for (default 1). */
  times?: number;
  /** Matching requests to let through first (default 0): "fail the 3rd" is `{ after: 2 }`. */
  after?: number;
}

export interface FaultHandle {
  readonly fault: Fault;
  /** How often it fired so far. */
  readonly fired: number;
  /** Matching requests seen so far (fired or let through). */
  readonly seen: number;
  remove(): void;
}

interface Entry extends FaultHandle {
  match: FaultMatch;
  times: number;
  after: number;
  fired: number;
  seen: number;
}

export interface RequestFacts {
  method: string;
  path: string;
  operation: string | undefined;
  graphqlFields: string[];
}

export class Faults {
  private entries: Entry[] = [];

  inject(match: FaultMatch, fault: Fault, options: FaultOptions = {}): FaultHandle {
    const entry: Entry = {
      match,
      fault,
      times: options.times ?? 1,
      after: options.after ?? 0,
      fired: 0,
      seen: 0,
      remove: () => {
        this.entries = this.entries.filter((e) => e !== entry);
      },
    };
    this.entries.push(entry);
    return entry;
  }

  clear(): void {
    this.entries = [];
  }

  /** The faults that fire for this request, in injection order; counts advance. */
  take(facts: RequestFacts): Fault[] {
    const firing: Fault[] = [];
    for (const entry of this.entries) {
      if (!matches(entry.match, facts)) continue;
      entry.seen += 1;
      if (entry.seen <= entry.after || entry.fired >= entry.times) continue;
      entry.fired += 1;
      firing.push(entry.fault);
    }
    return firing;
  }
}

function matches(match: FaultMatch, facts: RequestFacts): boolean {
  if (match.method && match.method.toUpperCase() !== facts.method) return false;
  if (match.path !== undefined) {
    if (typeof match.path === "string" ? match.path !== facts.path : !match.path.test(facts.path))
      return false;
  }
  if (match.operation !== undefined) {
    if (match.operation === "graphql") return facts.operation === "graphql";
    if (match.operation.startsWith("graphql:")) {
      return facts.graphqlFields.includes(match.operation.slice("graphql:".length));
    }
    if (match.operation !== facts.operation) return false;
  }
  return true;
}
