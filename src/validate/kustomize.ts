import path from "node:path";
import { load as loadYaml } from "js-yaml";

export const kustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

/** What one kustomization reads, as repository-relative POSIX paths. */
export interface KustomizationInputs {
  dir: string;
  file: string;
  /** `kind: Component`: only used through another kustomization's `components`, never built alone. */
  component: boolean;
  /** Files listed as resources: documents that are whole resources. */
  resourceFiles: string[];
  /** Patches, generator inputs, replacements…: fragments, never validated alone. */
  otherFiles: string[];
  /** Directories this kustomization builds on (resources, bases, components). */
  dirs: string[];
  /** A parse problem in the kustomization file itself; kustomize will report it too. */
  problem?: string;
}

const isRemote = (ref: string) => /^[a-z]+:\/\/|^git@|^github\.com\/|\?ref=/.test(ref);

/** Reads the file and directory references of a kustomization file (kustomize's own field names). */
export function parseKustomization(
  file: string,
  text: string,
  isDir: (p: string) => boolean,
): KustomizationInputs {
  const dir = path.posix.dirname(file);
  const inputs: KustomizationInputs = {
    dir,
    file,
    component: false,
    resourceFiles: [],
    otherFiles: [],
    dirs: [],
  };
  let k: Record<string, unknown>;
  try {
    const loaded = loadYaml(text);
    k = loaded && typeof loaded === "object" ? (loaded as Record<string, unknown>) : {};
  } catch (error) {
    inputs.problem = (error as Error).message;
    return inputs;
  }
  inputs.component = k.kind === "Component";
  const local = (ref: unknown): string | undefined => {
    if (typeof ref !== "string" || ref.includes("\n") || isRemote(ref)) return undefined;
    return path.posix.normalize(path.posix.join(dir, ref));
  };
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const addRef = (ref: unknown, asResource: boolean) => {
    const target = local(ref);
    if (target === undefined) return;
    if (isDir(target)) inputs.dirs.push(target);
    else (asResource ? inputs.resourceFiles : inputs.otherFiles).push(target);
  };
  for (const ref of [...list(k.resources), ...list(k.bases), ...list(k.components)]) addRef(ref, true);
  for (const ref of list(k.patchesStrategicMerge)) addRef(ref, false);
  for (const ref of list(k.crds)) addRef(ref, false);
  for (const key of ["generators", "transformers", "validators"])
    for (const ref of list(k[key])) addRef(ref, false);
  for (const key of ["patches", "patchesJson6902", "replacements"]) {
    for (const entry of list(k[key])) {
      if (entry && typeof entry === "object") addRef((entry as { path?: unknown }).path, false);
    }
  }
  for (const key of ["configMapGenerator", "secretGenerator"]) {
    for (const generator of list(k[key])) {
      if (!generator || typeof generator !== "object") continue;
      const g = generator as { files?: unknown; envs?: unknown; env?: unknown };
      for (const entry of list(g.files))
        addRef(typeof entry === "string" ? entry.replace(/^[^=]*=/, "") : entry, false);
      for (const entry of [...list(g.envs), g.env]) addRef(entry, false);
    }
  }
  return inputs;
}

/**
 * The kustomizations of a repository as a graph: which to build (roots, not used by another) and, transitively,
 * every file each root reads — so a change can be mapped to the few roots it affects.
 */
export class KustomizationGraph {
  private readonly byDir = new Map<string, KustomizationInputs>();
  private readonly closure = new Map<string, Set<string>>();

  constructor(kustomizations: KustomizationInputs[]) {
    for (const k of kustomizations) this.byDir.set(k.dir, k);
  }

  get(dir: string): KustomizationInputs | undefined {
    return this.byDir.get(dir);
  }

  get all(): KustomizationInputs[] {
    return [...this.byDir.values()];
  }

  /** Kustomizations no other kustomization builds on: what Argo CD or Flux would point at. */
  roots(): KustomizationInputs[] {
    const used = new Set<string>();
    for (const k of this.byDir.values()) for (const d of k.dirs) used.add(d);
    return this.all.filter((k) => !used.has(k.dir) && !k.component);
  }

  /** Every file a kustomization reads, through its bases and components. */
  inputsOf(dir: string): Set<string> {
    const cached = this.closure.get(dir);
    if (cached) return cached;
    const files = new Set<string>();
    this.closure.set(dir, files);
    const k = this.byDir.get(dir);
    if (!k) return files;
    files.add(k.file);
    for (const f of k.resourceFiles) files.add(f);
    for (const f of k.otherFiles) files.add(f);
    for (const d of k.dirs) for (const f of this.inputsOf(d)) files.add(f);
    return files;
  }

  /** Files some kustomization reads: validated through a build, not on their own. */
  memberFiles(): { resources: Set<string>; fragments: Set<string> } {
    const resources = new Set<string>();
    const fragments = new Set<string>();
    for (const k of this.byDir.values()) {
      fragments.add(k.file);
      for (const f of k.resourceFiles) resources.add(f);
      for (const f of k.otherFiles) fragments.add(f);
    }
    return { resources, fragments };
  }

  /** Roots whose inputs include one of the changed files, or that sit under a changed directory. */
  affectedRoots(changed: readonly string[]): KustomizationInputs[] {
    const set = new Set(changed);
    return this.roots().filter((root) => {
      for (const file of this.inputsOf(root.dir)) if (set.has(file)) return true;
      return false;
    });
  }
}
