import type { PipelineConfig } from "../environments/index.js";
import { GitBranchLog } from "../git/commit-reader.js";
import { readLocalHistory } from "./metrics.js";
import type { EnvironmentChange } from "./ports.js";

/**
 * The environment changes a push brought to the default branch (first-parent commits after `before` up to
 * `after`), whatever path each took: a bump, a promotion, a rollback, a hand edit. One per environment and commit.
 */
export async function pushedChanges(
  dir: string,
  config: PipelineConfig,
  before: string | undefined,
  after: string,
): Promise<EnvironmentChange[]> {
  const pushed = new Set(await new GitBranchLog(dir).firstParentRange(before, after));
  const history = await readLocalHistory(dir, config);
  const changes: EnvironmentChange[] = [];
  for (const [environment, list] of history.deployments) {
    for (const deployment of list) {
      if (!pushed.has(deployment.sha)) continue;
      changes.push({
        environment,
        sha: deployment.sha,
        images: [...new Set([...deployment.after.values()].flatMap((refs) => refs.split(" ")))].sort(),
        sourceCommits: deployment.sources.map(({ repository, sha, time }) => ({ repository, sha, time })),
      });
    }
  }
  return changes;
}
