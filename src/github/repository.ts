import type { Logger } from "../logger.js";
import type { GitHub } from "./client.js";

/** One repository on GitHub and the clients that reach it; what every module of this folder is given. */
export interface GitHubRepository {
  /** Client for reads (no write spacing) and for writes (spaced as GitHub asks); may be the same. */
  clients: { read: GitHub; write: GitHub };
  repository: { owner: string; repo: string };
  logger: Logger;
  /** A link to the workflow run, attached to statuses and deployments. */
  runUrl?: string;
}

export const fullName = (on: Pick<GitHubRepository, "repository">) =>
  `${on.repository.owner}/${on.repository.repo}`;

export const shortSha = (sha: string) => sha.slice(0, 7);

/** Every page of a plain list endpoint, up to 2,000 items. */
export async function paginate<T>(fetchPage: (page: number) => Promise<{ data: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= 20; page++) {
    const { data } = await fetchPage(page);
    all.push(...data);
    if (data.length < 100) break;
  }
  return all;
}

/** Reads every page of a list endpoint that wraps its items (`{ total_count, check_runs }`). */
export async function paginateWrapped<T>(
  fetchPage: (page: number) => Promise<{ total: number; items: T[] }>,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; page <= 20; page++) {
    const { total, items } = await fetchPage(page);
    all.push(...items);
    if (items.length < 100 || all.length >= total) break;
  }
  return all;
}
