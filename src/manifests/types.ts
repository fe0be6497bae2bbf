import type { ImageRef } from "../image/index.js";
import type { Position, Splice, YamlFile } from "../yaml/index.js";

/** Which convention a reference was found through. */
export type SourceKind =
  | "kustomization"
  | "helm-values"
  | "helmrelease"
  | "workload"
  | "custom-resource"
  | "argocd"
  | "flux-marker";

/** An image reference found in a file, with where it is and how it is spelled there. */
export interface LocatedImage {
  /** Path as given to the finder (relative to the repository root for everything in `update/`). */
  file: string;
  /** 1-based line and column of the value that carries the version (or the name when there is none). */
  line: number;
  column: number;
  /** Where it is in the document, e.g. `spec.template.spec.containers[0].image` or `images[2]`. */
  field: string;
  /** The reference as it currently resolves (for kustomize: newName or name, newTag, digest). */
  ref: ImageRef;
  kind: SourceKind;
  /** Set when the value is only reached through an alias or merge key: where its anchor is. */
  anchor?: Position;
  /** 0-based index of the YAML document in a multi-document file. */
  document: number;
}

/** One reference changed: `from`/`to` are versions (`tag`, `@digest` or `tag@digest`). */
export interface Change {
  file: string;
  line: number;
  /** The image name as written in the file. */
  image: string;
  from: string;
  to: string;
  /** Set when the update could not be written whole here (a digest with no place to go). */
  warning?: string;
}

/** Something a user should know about an update that was still made (or already in place). */
export interface UpdateWarning {
  file: string;
  line: number;
  message: string;
}

export interface ChangeSet {
  changes: Change[];
  files: { path: string; before: string; after: string }[];
}

export interface FindOptions {
  /**
   * Dotted paths in Helm values files (`backend.deploy.img`) that hold an image map or a `repo:tag` string,
   * for layouts the built-in conventions do not recognise.
   */
  helmPaths?: string[];
}

export type UpdateOptions = FindOptions;

export interface UpdateResult {
  content: string;
  changes: Change[];
  /** The requested images that this file references (changed or already at the requested version). */
  found: ImageRef[];
  warnings: UpdateWarning[];
}

/** The version an update asks for. */
export interface Version {
  tag?: string;
  digest?: string;
}

/** A located reference plus how to rewrite it; internal to the manifests layer. */
export interface Target {
  image: LocatedImage;
  /** Normalised names that select this reference (kustomize entries answer to `name` and `newName`). */
  names: string[];
  /**
   * The part of `next` this place can hold (an image map without a digest field holds the tag only); throws a
   * UserError when it can hold nothing the update asks for. Absent: it holds tag and digest.
   */
  fit?(next: Version, update: ImageRef): Version;
  /** Splices that make the reference carry `next` (already fitted). */
  write(next: Version): Splice[];
}

/** A parsed file and the documents in it that are Go templates rather than YAML (never searched or edited). */
export interface ParsedManifest {
  file: YamlFile;
  templates: Set<number>;
}
