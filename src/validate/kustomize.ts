import path from "node:path";
import { loadDocuments } from "./load.js";

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
  /** Patch files (`patches`, `patchesStrategicMerge`, `patchesJson6902`): YAML fragments of resources. */
  patchFiles: string[];
  /**
   * Files read as data: generator inputs (scripts, app config, env files), Helm values, replacement and
   * transformer configuration. Whatever they contain, they are not manifests.
   */
  dataFiles: string[];
  /** Directories this kustomization builds on (resources, bases, components). */
  dirs: string[];
  /**
   * What kustomize would fetch over the network — remote bases, components and resources, Helm charts to inflate —
   * where the kustomization names it.
   */
  remote: { ref: string; path: (string | number)[]; what: string }[];
  /** `images:` entries that set a name, tag or digest, with their index in the list. */
  images: { index: number; name: string; newName?: string; newTag?: string; digest?: string }[];
  /** A parse problem in the kustomization file itself; kustomize will report it too. */
  problem?: string;
}

export type RemoteInput = { file: string } & KustomizationInputs["remote"][number];

/** kustomize's remote targets: URLs, scp-like git addresses, `github.com/…` shorthands and `?ref=` pins. */
export const isRemote = (ref: string) =>
  /^[a-z][a-z0-9+.-]*:\/\/|^[^/\s]+@[^/\s]+:|^(?:github|gitlab|bitbucket)\.(?:com|org)\/|[?&](?:ref|version|submodules|timeout)=/i.test(
    ref,
  );

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
    patchFiles: [],
    dataFiles: [],
    dirs: [],
    remote: [],
    images: [],
  };
  let k: Record<string, unknown>;
  try {
    const loaded = loadDocuments(text)[0];
    k = loaded && typeof loaded === "object" ? (loaded as Record<string, unknown>) : {};
  } catch (error) {
    inputs.problem = (error as Error).message;
    return inputs;
  }
  inputs.component = k.kind === "Component";
  (Array.isArray(k.images) ? k.images : []).forEach((entry: unknown, index: number) => {
    if (!entry || typeof entry !== "object") return;
    const e = entry as Record<string, unknown>;
    if (typeof e.name !== "string") return;
    const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);
    inputs.images.push({
      index,
      name: e.name,
      newName: text(e.newName),
      newTag: text(e.newTag),
      digest: text(e.digest),
    });
  });
  const local = (ref: unknown): string | undefined => {
    if (typeof ref !== "string" || ref.includes("\n") || isRemote(ref)) return undefined;
    return path.posix.normalize(path.posix.join(dir, ref));
  };
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const add = (ref: unknown, role: "resource" | "patch" | "data") => {
    const target = local(ref);
    if (target === undefined) return;
    if (isDir(target)) inputs.dirs.push(target);
    else if (role === "resource") inputs.resourceFiles.push(target);
    else {
      inputs.otherFiles.push(target);
      (role === "patch" ? inputs.patchFiles : inputs.dataFiles).push(target);
    }
  };
  for (const key of ["resources", "bases", "components"]) {
    list(k[key]).forEach((ref, index) => {
      if (typeof ref === "string" && isRemote(ref))
        inputs.remote.push({ ref, path: [key, index], what: `fetch ${JSON.stringify(ref)}` });
      else add(ref, "resource");
    });
  }
  for (const ref of list(k.patchesStrategicMerge)) add(ref, "patch");
  for (const key of ["patches", "patchesJson6902"]) {
    for (const entry of list(k[key])) {
      // Older kustomizations list patch files by name under `patches` too.
      if (typeof entry === "string") add(entry, "patch");
      else if (entry && typeof entry === "object") add((entry as { path?: unknown }).path, "patch");
    }
  }
  for (const entry of list(k.replacements)) {
    if (entry && typeof entry === "object") add((entry as { path?: unknown }).path, "data");
  }
  for (const key of ["crds", "configurations", "generators", "transformers", "validators"])
    for (const ref of list(k[key])) add(ref, "data");
  if (k.openapi && typeof k.openapi === "object") add((k.openapi as { path?: unknown }).path, "data");
  for (const key of ["configMapGenerator", "secretGenerator"]) {
    for (const generator of list(k[key])) {
      if (!generator || typeof generator !== "object") continue;
      const g = generator as { files?: unknown; envs?: unknown; env?: unknown };
      for (const entry of list(g.files))
        add(typeof entry === "string" ? entry.replace(/^[^=]*=/, "") : entry, "data");
      for (const entry of [...list(g.envs), g.env]) add(entry, "data");
    }
  }
  list(k.helmCharts).forEach((chart, index) => {
    if (!chart || typeof chart !== "object") return;
    const c = chart as {
      name?: unknown;
      repo?: unknown;
      valuesFile?: unknown;
      additionalValuesFiles?: unknown;
    };
    for (const entry of [c.valuesFile, ...list(c.additionalValuesFiles)]) add(entry, "data");
    // Inflating a chart needs `--enable-helm`, the helm binary and, for a chart repository, the network.
    const from = typeof c.repo === "string" ? ` from ${JSON.stringify(c.repo)}` : "";
    inputs.remote.push({
      ref: String(c.name),
      path: ["helmCharts", index],
      what: `inflate the Helm chart ${JSON.stringify(String(c.name))}${from} with helm`,
    });
  });
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

  /**
   * Files some kustomization reads, by the role they play: resources (validated through a build), patches
   * (fragments: their syntax is checked, never their completeness) and data (never parsed as manifests).
   */
  memberFiles(): {
    resources: Set<string>;
    patches: Set<string>;
    data: Set<string>;
    kustomizations: Set<string>;
  } {
    const resources = new Set<string>();
    const patches = new Set<string>();
    const data = new Set<string>();
    const kustomizations = new Set<string>();
    for (const k of this.byDir.values()) {
      kustomizations.add(k.file);
      for (const f of k.resourceFiles) resources.add(f);
      for (const f of k.patchFiles) patches.add(f);
      for (const f of k.dataFiles) data.add(f);
    }
    return { resources, patches, data, kustomizations };
  }

  /** Remote references anywhere in what `dir` builds on, with the kustomization that names each. */
  remoteOf(dir: string, seen = new Set<string>()): RemoteInput[] {
    if (seen.has(dir)) return [];
    seen.add(dir);
    const k = this.byDir.get(dir);
    if (!k) return [];
    return [
      ...k.remote.map((r) => ({ file: k.file, ...r })),
      ...k.dirs.flatMap((d) => this.remoteOf(d, seen)),
    ];
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
