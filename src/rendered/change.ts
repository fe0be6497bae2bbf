import { diffObjects, type ObjectDiff } from "./diff.js";
import { mapLimit, type RenderTree } from "./render.js";

/** How one overlay a change affects renders before and after it. */
export interface OverlayDiff {
  overlay: string;
  /** added/removed: the overlay exists (as something deployed on its own) on one side only. */
  status: "changed" | "unchanged" | "added" | "removed" | "failed";
  objects: ObjectDiff[];
  /** Why a side did not render; its objects are then not compared. */
  errors: { side: "base" | "head"; error: string }[];
}

export interface RenderedChange {
  overlays: OverlayDiff[];
  /** kustomize builds run on both sides together. */
  renders: number;
}

/**
 * The rendered difference a change makes: only the overlays whose inputs include a changed file (on either side,
 * so an overlay the change removes or adds is shown too) are rendered, on both trees, and compared object by object.
 */
export async function renderedChange(
  base: RenderTree,
  head: RenderTree,
  changed: readonly string[],
  concurrency = 2,
): Promise<RenderedChange> {
  const before = new Set(base.graph.affectedRoots(changed).map((k) => k.dir));
  const after = new Set(head.graph.affectedRoots(changed).map((k) => k.dir));
  const overlays = [...new Set([...before, ...after])].sort();
  const rendersBefore = base.renders + head.renders;
  const results = await mapLimit(overlays, concurrency, async (overlay): Promise<OverlayDiff> => {
    const [left, right] = await Promise.all([
      before.has(overlay) ? base.render(overlay) : undefined,
      after.has(overlay) ? head.render(overlay) : undefined,
    ]);
    const errors: OverlayDiff["errors"] = [];
    if (left && !left.ok) errors.push({ side: "base", error: left.error });
    if (right && !right.ok) errors.push({ side: "head", error: right.error });
    if (errors.length) return { overlay, status: "failed", objects: [], errors };
    const objects = diffObjects(left?.ok ? left.objects : [], right?.ok ? right.objects : []);
    const status = !left ? "added" : !right ? "removed" : objects.length ? "changed" : "unchanged";
    return { overlay, status, objects, errors };
  });
  return { overlays: results, renders: base.renders + head.renders - rendersBefore };
}
