import type { GitHub } from "./client.js";

export interface MarkedComment {
  operation: "created" | "updated" | "unchanged";
  id: number;
  url: string;
}

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
}

/** The first comment on an issue or pull request whose body starts with `marker`, reading every page. */
export async function findMarkedComment(
  client: GitHub,
  repository: { owner: string; repo: string },
  issue: number,
  marker: string,
): Promise<IssueComment | undefined> {
  for (let page = 1; ; page++) {
    const response = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      ...repository,
      issue_number: issue,
      per_page: 100,
      page,
    });
    const comments = response.data as IssueComment[];
    const found = comments.find((c) => c.body?.startsWith(marker));
    if (found) return found;
    const link = String(response.headers.link ?? "");
    if (comments.length < 100 || !/rel="next"/.test(link)) return undefined;
  }
}

/**
 * Keeps one comment per purpose on a pull request: the comment that starts with `marker` is edited in place (left
 * alone when its body is already `body`), and only when there is none is one created (unless `create` is false).
 */
export async function upsertMarkedComment(
  client: GitHub,
  repository: { owner: string; repo: string },
  issue: number,
  marker: string,
  body: string,
  options: { create?: boolean } = {},
): Promise<MarkedComment | undefined> {
  const existing = await findMarkedComment(client, repository, issue, marker);
  // Nothing worth saying and nothing said before: no comment at all.
  if (!existing && options.create === false) return undefined;
  if (existing && existing.body === body)
    return { operation: "unchanged", id: existing.id, url: existing.html_url };
  if (existing) {
    const response = await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      ...repository,
      comment_id: existing.id,
      body,
    });
    return { operation: "updated", id: Number(response.data.id), url: response.data.html_url };
  }
  const response = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repository,
    issue_number: issue,
    body,
  });
  return { operation: "created", id: Number(response.data.id), url: response.data.html_url };
}
