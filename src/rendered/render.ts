import path from "node:path";
import { UserError } from "../errors.js";
import { collectFiles, type ManifestSource, type Renderer } from "../validate/engine.js";
import { KustomizationGraph, kustomizationNames, parseKustomization } from "../validate/kustomize.js";
import { findKustomize, kustomizeRenderer, localSource } from "../validate/local.js";
import { parseRendered, type RenderedObject } from "./objects.js";

/** What one overlay (or directory of plain manifests) renders to, or why it could not be rendered. */
export type RenderOutcome = { ok: true; objects: RenderedObject[] } | { ok: false; error: string };

/** A checked-out tree to render from: the working tree, or a commit's tree extracted to a directory. */
export interface RenderTree {
  /** Absolute directory of the tree's root. */
  dir: string;
  source: ManifestSource;
  /** Every kustomization of the tree, to find roots and what a change affects. */
  graph: KustomizationGraph;
  render(dir: string): Promise<RenderOutcome>;
  /** kustomize builds run so far, for the summary and the bench. */
  readonly renders: number;
}

/** The kustomizations of a tree as a graph (the same reading validation uses). */
export function kustomizationGraph(source: ManifestSource): KustomizationGraph {
  const files = collectFiles(["."], source, kustomizationNames);
  return new KustomizationGraph(
    files.map((file) => parseKustomization(file, source.read(file) ?? "", (p) => source.isDir(p))),
  );
}

let tool: Promise<{ file: string; args: string[] } | undefined> | undefined;

async function kustomize(): Promise<{ file: string; args: string[] }> {
  tool ??= findKustomize();
  const found = await tool;
  if (!found)
    throw new UserError("neither kustomize nor kubectl is on PATH, so overlays cannot be rendered", {
      hint: "Install kubectl (it includes kustomize) or kustomize.",
    });
  return found;
}

/**
 * A tree whose kustomizations render with kustomize (through validation's renderer, so both read a repository the
 * same way and refuse the same escapes), and whose plain manifest directories are read as they are.
 */
export function renderTree(dir: string): RenderTree {
  const root = path.resolve(dir);
  const source = localSource(root, root);
  const graph = kustomizationGraph(source);
  let renderer: Promise<Renderer> | undefined;
  let renders = 0;
  return {
    dir: root,
    source,
    graph,
    get renders() {
      return renders;
    },
    async render(unit) {
      if (graph.get(unit) === undefined) return plainManifests(source, unit);
      renderer ??= kustomize().then((found) => kustomizeRenderer(root, found, source));
      renders++;
      const result = await (await renderer)(unit);
      if (!result.ok) return { ok: false, error: result.error };
      try {
        return { ok: true, objects: parseRendered(result.output) };
      } catch (error) {
        return { ok: false, error: `kustomize's output of ${unit} is not YAML: ${(error as Error).message}` };
      }
    },
  };
}

/** A directory (or file) of plain manifests: every YAML document in it that is a Kubernetes object. */
function plainManifests(source: ManifestSource, unit: string): RenderOutcome {
  if (!source.exists(unit)) return { ok: true, objects: [] };
  const objects: RenderedObject[] = [];
  for (const file of collectFiles([unit], source)) {
    try {
      objects.push(...parseRendered(source.read(file) ?? ""));
    } catch (error) {
      return { ok: false, error: `${file} is not valid YAML: ${(error as Error).message}` };
    }
  }
  return { ok: true, objects };
}

/** Runs `fn` over `items`, at most `limit` at a time, results in the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
