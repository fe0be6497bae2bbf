/**
 * Opaque node ids shared by REST `node_id` and GraphQL `id`. Clients must treat them as opaque, as on GitHub; the
 * server decodes its own ids for `node(id:)`.
 */
const PREFIX: Record<string, string> = {
  Repository: "R",
  PullRequest: "PR",
  User: "U",
  Bot: "BOT",
  Organization: "O",
  Commit: "C",
  Ref: "REF",
  Tree: "TR",
  Blob: "BL",
  Label: "LA",
  IssueComment: "IC",
  Status: "SC",
  StatusContext: "SC",
  Deployment: "DE",
  DeploymentStatus: "DES",
  PullRequestReview: "PRR",
  Team: "T",
  Issue: "I",
};

export function nodeId(kind: string, key: string): string {
  const prefix = PREFIX[kind] ?? "N";
  return `${prefix}_kw${Buffer.from(`${kind}\u0000${key}`).toString("base64url")}`;
}

export function decodeNodeId(id: string): { kind: string; key: string } | undefined {
  const match = /^[A-Z]+_kw([A-Za-z0-9_-]+)$/.exec(id);
  if (!match) return undefined;
  const text = Buffer.from(match[1] as string, "base64url").toString("utf8");
  const split = text.indexOf("\u0000");
  if (split < 0) return undefined;
  return { kind: text.slice(0, split), key: text.slice(split + 1) };
}

/** GitHub timestamps: ISO 8601 in UTC without milliseconds. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
