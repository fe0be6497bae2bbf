import type { Finding } from "./types.js";

/** Read access to the checked-out repository, paths relative to the working directory (POSIX separators). */
export interface ManifestSource {
  read(file: string): string | undefined;
  /** Entries of a directory; names only. */
  list(dir: string): { name: string; dir: boolean }[];
  isDir(p: string): boolean;
  exists(p: string): boolean;
  /** Findings about what the source refused to read (links leading out of the workspace). */
  refusals?(): Finding[];
}

export type RenderResult =
  | {
      ok: true;
      output: string;
      /** Turns an origin annotation's path into a working-directory-relative one. */
      origin(p: string): string;
    }
  | { ok: false; error: string };
/** Builds a kustomization directory with kustomize's origin annotations switched on. */
export type Renderer = (dir: string) => Promise<RenderResult>;
