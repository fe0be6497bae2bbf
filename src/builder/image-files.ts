import { Readable } from "node:stream";
import zlib from "node:zlib";
import { UserError } from "../errors.js";
import type { RegistryClient } from "../registry/index.js";
import { type Descriptor, OCI_INDEX } from "../registry/referrers.js";
import { readTar, TarError } from "./tar.js";

/**
 * Package databases are kilobytes (a large dpkg status is a few MB): a bigger file is not read, and the files kept
 * for one image stay under a total, so a layer of huge `package.json` files cannot exhaust the runner's memory.
 */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

const INDEX_TYPES = new Set([OCI_INDEX, "application/vnd.docker.distribution.manifest.list.v2+json"]);

export interface PlatformFiles {
  /** `os/arch[/variant]` from the index entry or the image config. */
  platform: string;
  /** The image manifest these files come from. */
  digest: string;
  /** Path (no leading `/`) → content, for the files `want` picked, as the image's filesystem has them. */
  files: Map<string, Buffer>;
  /** What was not read, as sentences: files over the caps, layers that could not be read. */
  skipped: string[];
}

/** The words for a layer that cannot be read, instead of zlib's or the tar reader's. */
function layerProblem(error: unknown, mediaType: string): string | undefined {
  if (error instanceof TarError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? "";
  if (!code.startsWith("Z_") && !code.startsWith("ERR_ZSTD")) return undefined;
  if (/unexpected end/i.test((error as Error).message))
    return "the compressed stream ends early (the layer is truncated)";
  return `the layer is labelled ${mediaType.replace(/^.*\+/, "") || "compressed"} but is not data of that kind`;
}

function decompress(mediaType: string, source: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const stream = Readable.from(source);
  if (/gzip$/.test(mediaType)) return stream.pipe(zlib.createGunzip());
  if (/zstd$/.test(mediaType)) {
    const create = (zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream })
      .createZstdDecompress;
    if (!create) {
      throw new UserError(`a layer is zstd-compressed (${mediaType}) and this Node.js cannot read zstd`, {
        hint: "Run the action on node24, or set 'sbom: false'.",
      });
    }
    return stream.pipe(create()) as unknown as AsyncIterable<Buffer>;
  }
  return stream;
}

/**
 * The files an image's filesystem ends up with, read layer by layer from the registry: later layers replace earlier
 * files, and whiteouts (`.wh.<name>`, `.wh..wh..opq`) delete what the layers below had.
 */
async function filesOf(
  registry: RegistryClient,
  repository: string,
  image: string,
  layers: Descriptor[],
  want: (path: string) => boolean,
): Promise<{ files: Map<string, Buffer>; skipped: string[] }> {
  const files = new Map<string, Buffer>();
  const skipped: string[] = [];
  let kept = 0;
  for (const layer of layers) {
    const added = new Map<string, Buffer>();
    const deleted: string[] = [];
    const opaque: string[] = [];
    const source = decompress(layer.mediaType, await registry.blobStream(repository, layer.digest));
    try {
      for await (const entry of readTar(source, want, MAX_FILE_BYTES)) {
        const slash = entry.path.lastIndexOf("/");
        const dir = slash < 0 ? "" : entry.path.slice(0, slash);
        const base = entry.path.slice(slash + 1);
        if (base === ".wh..wh..opq") opaque.push(dir);
        else if (base.startsWith(".wh.")) deleted.push(dir ? `${dir}/${base.slice(4)}` : base.slice(4));
        else if (entry.content && kept + entry.content.length <= MAX_TOTAL_BYTES) {
          kept += entry.content.length;
          added.set(entry.path, entry.content);
        } else {
          // A later entry at the same path replaces the earlier one, whatever it is: a symlink is never followed.
          added.delete(entry.path);
          files.delete(entry.path);
          if (entry.type === "file" && want(entry.path)) {
            skipped.push(
              entry.content
                ? `/${entry.path} (layer ${layer.digest}): over the ${MAX_TOTAL_BYTES / 1024 / 1024} MiB read per image`
                : `/${entry.path} (layer ${layer.digest}): ${entry.size} bytes, over the ${MAX_FILE_BYTES / 1024 / 1024} MiB read per file`,
            );
          }
        }
      }
    } catch (error) {
      const problem = layerProblem(error, layer.mediaType);
      if (!problem) throw error;
      throw new UserError(`cannot read layer ${layer.digest} of ${image} for the SBOM: ${problem}`, {
        hint: "Rebuild and push the image; set 'sbom: false' to push without an SBOM.",
        cause: error,
      });
    }
    for (const path of [...files.keys()]) {
      const gone =
        deleted.some((target) => path === target || path.startsWith(`${target}/`)) ||
        opaque.some((dir) => dir === "" || path.startsWith(`${dir}/`));
      if (gone) files.delete(path);
    }
    for (const [path, content] of added) files.set(path, content);
  }
  return { files, skipped };
}

function platformText(
  platform: { os?: string; architecture?: string; variant?: string } | undefined,
): string {
  if (!platform?.os || !platform.architecture) return "";
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join("/");
}

/** The picked files of every platform image behind `digest` (one for an image manifest, one per entry of an index). */
export async function imageFiles(
  registry: RegistryClient,
  repository: string,
  digest: string,
  want: (path: string) => boolean,
): Promise<PlatformFiles[]> {
  const manifest = await registry.getManifest(repository, digest);
  if (!manifest) throw new UserError(`the registry has no manifest ${repository}@${digest}`);
  const parsed = JSON.parse(manifest.body.toString("utf8")) as {
    mediaType?: string;
    manifests?: (Descriptor & { platform?: { os?: string; architecture?: string; variant?: string } })[];
    config?: Descriptor;
    layers?: Descriptor[];
  };
  if (INDEX_TYPES.has(parsed.mediaType ?? manifest.mediaType) || parsed.manifests) {
    const images = (parsed.manifests ?? []).filter(
      (entry) => platformText(entry.platform) !== "unknown/unknown",
    );
    const result: PlatformFiles[] = [];
    for (const entry of images) {
      const [files] = await imageFiles(registry, repository, entry.digest, want);
      if (files) result.push({ ...files, platform: platformText(entry.platform) || files.platform });
    }
    return result;
  }
  let platform = "";
  if (parsed.config) {
    const config = JSON.parse((await registry.getBlob(repository, parsed.config.digest)).toString("utf8"));
    platform = platformText(config);
  }
  const read = await filesOf(registry, repository, `${repository}@${digest}`, parsed.layers ?? [], want);
  return [{ platform, digest, ...read }];
}
