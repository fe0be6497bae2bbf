import { changedSince, extractCommit, resolveCommit, workTreeTop } from "../git/commit-tree.js";
import { type RenderedChange, renderedChange } from "../rendered/change.js";
import { renderTree } from "../rendered/render.js";

export interface RenderedDiffRun extends RenderedChange {
  /** The base commit compared with. */
  base: string;
  /** Files that differ between the base and the working tree. */
  changedFiles: number;
}

/**
 * What the working tree changes in the cluster compared with `ref`: the overlays the changed files affect, rendered
 * from the base commit's files (extracted to a private directory) and from the working tree.
 */
export async function renderedDiffAgainst(
  cwd: string,
  ref: string,
  concurrency = 2,
): Promise<RenderedDiffRun> {
  const top = await workTreeTop(cwd);
  const base = await resolveCommit(top, ref);
  const changed = await changedSince(top, base);
  const extracted = await extractCommit(top, base);
  try {
    const change = await renderedChange(renderTree(extracted.dir), renderTree(top), changed, concurrency);
    return { ...change, base, changedFiles: changed.length };
  } finally {
    await extracted.remove();
  }
}
