import path from "node:path";
import { appOf } from "../promote/pairing.js";
import { localReader, resolvePaths } from "../update/index.js";
import { type DiffOptions, diffObjects, type ObjectDiff } from "./diff.js";
import type { RenderedObject } from "./objects.js";
import { mapLimit, type RenderTree } from "./render.js";

export interface EnvironmentSide {
  name: string;
  paths: readonly string[];
}

/** The rendered difference of one app between two environments. */
export interface AppDiff {
  app: string;
  /** What was rendered on each side (overlay directories, plain manifest files). */
  units: [string[], string[]];
  objects: ObjectDiff[];
  /** Overlays that did not render, with kustomize's reason: their objects are missing from the comparison. */
  errors: { unit: string; error: string }[];
}

/**
 * What an environment deploys, unit by unit: each kustomization among its files that no other one of them builds
 * on (its overlays), and each plain manifest file outside those overlays.
 */
export async function environmentUnits(tree: RenderTree, env: EnvironmentSide): Promise<string[]> {
  const files = await resolvePaths(localReader(tree.dir), [...env.paths]);
  const dirs = new Set(
    files.filter((f) => tree.graph.get(path.posix.dirname(f))?.file === f).map((f) => path.posix.dirname(f)),
  );
  const used = new Set<string>();
  for (const dir of dirs) for (const below of tree.graph.get(dir)?.dirs ?? []) used.add(below);
  const overlays = [...dirs].filter((d) => !used.has(d) && !tree.graph.get(d)?.component);
  const inside = (file: string) => [...dirs].some((d) => d === "." || file.startsWith(`${d}/`));
  const plain = files.filter((f) => !inside(f));
  return [...overlays, ...plain].sort();
}

/** Renders two environments of one tree and compares them app by app (apps named by the paths' wildcards). */
export async function diffEnvironmentsRendered(
  tree: RenderTree,
  left: EnvironmentSide,
  right: EnvironmentSide,
  options: DiffOptions = { acrossNamespaces: true },
): Promise<AppDiff[]> {
  const sides = await Promise.all([left, right].map((env) => environmentUnits(tree, env)));
  const rendered = await Promise.all(
    sides.map((units) => mapLimit(units, 2, async (unit) => ({ unit, outcome: await tree.render(unit) }))),
  );
  const apps = new Map<string, AppDiff & { sides: [RenderedObject[], RenderedObject[]] }>();
  rendered.forEach((results, side) => {
    const env = side === 0 ? left : right;
    for (const { unit, outcome } of results) {
      const app = appOf(unit, env.paths) ?? unit;
      let entry = apps.get(app);
      if (!entry) {
        entry = { app, units: [[], []], objects: [], errors: [], sides: [[], []] };
        apps.set(app, entry);
      }
      entry.units[side]!.push(unit);
      if (outcome.ok) entry.sides[side]!.push(...outcome.objects);
      else entry.errors.push({ unit, error: outcome.error });
    }
  });
  return [...apps.values()]
    .sort((a, b) => (a.app < b.app ? -1 : a.app > b.app ? 1 : 0))
    .map(({ sides: objects, ...entry }) => ({
      ...entry,
      objects: diffObjects(objects[0], objects[1], options),
    }));
}
