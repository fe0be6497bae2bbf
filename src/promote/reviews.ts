/** One pull-request review as GitHub lists them (`GET /pulls/{n}/reviews`, oldest first; order matters). */
export interface Review {
  user: string;
  /** GitHub's account type: `User`, `Bot`, `Organization`. */
  userType?: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING" | string;
  /** The head commit the review was given on. */
  commitId: string;
}

/**
 * Who may approve: the environment's `reviewers` (logins and `@org/team` entries), with each team's members as the
 * adapter resolved them; when `reviewers` is empty, anyone the adapter found to have write access.
 */
export interface ReviewerPolicy {
  reviewers: readonly string[];
  /** `@org/team` (any case) → member logins. A team missing here has no known members. */
  teamMembers: Readonly<Record<string, readonly string[]>>;
  /** Logins with write access; consulted only when `reviewers` is empty. */
  writers: readonly string[];
}

export interface ReviewVerdict {
  /** Allowed reviewers whose latest review approves the head commit, in the order they approved. */
  approvedBy: string[];
  /** Allowed reviewers whose latest verdict asks for changes. */
  changesRequestedBy: string[];
  /** Allowed reviewers whose latest approval is on an older commit. */
  staleApprovals: { user: string; commitId: string }[];
  /** Approvals that do not count and why (author, bot, not an allowed reviewer). */
  ignored: { user: string; why: string }[];
}

export function isBot(login: string, type?: string): boolean {
  return type === "Bot" || /\[bot\]$/i.test(login);
}

export function describeReviewers(policy: ReviewerPolicy): string {
  return policy.reviewers.length === 0 ? "reviewers with write access" : policy.reviewers.join(", ");
}

function allowedSet(policy: ReviewerPolicy): Set<string> {
  const allowed = new Set<string>();
  if (policy.reviewers.length === 0) {
    for (const login of policy.writers) allowed.add(login.toLowerCase());
    return allowed;
  }
  const teams = new Map(
    Object.entries(policy.teamMembers).map(([team, members]) => [team.toLowerCase(), members]),
  );
  for (const entry of policy.reviewers) {
    if (entry.startsWith("@") && entry.includes("/")) {
      for (const login of teams.get(entry.toLowerCase()) ?? []) allowed.add(login.toLowerCase());
    } else {
      allowed.add(entry.replace(/^@/, "").toLowerCase());
    }
  }
  return allowed;
}

/**
 * Reads each reviewer's current verdict the way GitHub's merge box does: comments don't change a verdict, a later
 * approval supersedes a request for changes, a dismissal clears both. Only approvals of `headSha` count, so a push
 * after an approval makes it stale.
 */
export function evaluateReviews(
  reviews: readonly Review[],
  options: { author: string; headSha: string; policy: ReviewerPolicy },
): ReviewVerdict {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    if (review.state === "COMMENTED" || review.state === "PENDING") continue;
    latest.set(review.user.toLowerCase(), review);
  }

  const allowed = allowedSet(options.policy);
  const verdict: ReviewVerdict = { approvedBy: [], changesRequestedBy: [], staleApprovals: [], ignored: [] };
  for (const review of latest.values()) {
    const login = review.user.toLowerCase();
    if (login === options.author.toLowerCase()) {
      if (review.state === "APPROVED")
        verdict.ignored.push({ user: review.user, why: "author of the pull request" });
      continue;
    }
    if (isBot(review.user, review.userType)) {
      if (review.state === "APPROVED") verdict.ignored.push({ user: review.user, why: "a bot" });
      continue;
    }
    if (!allowed.has(login)) {
      if (review.state === "APPROVED")
        verdict.ignored.push({ user: review.user, why: "not an allowed reviewer" });
      continue;
    }
    if (review.state === "CHANGES_REQUESTED") verdict.changesRequestedBy.push(review.user);
    else if (review.state === "APPROVED") {
      if (review.commitId === options.headSha) verdict.approvedBy.push(review.user);
      else verdict.staleApprovals.push({ user: review.user, commitId: review.commitId });
    }
  }
  return verdict;
}
