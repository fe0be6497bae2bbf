import type { Pair, Scalar, YAMLMap } from "yaml";
import { isScalar } from "yaml";
import { type ImageRef, normalizedName } from "../image/index.js";
import {
  asMap,
  doubleQuoted,
  type Entry,
  entries,
  get,
  insertPair,
  items,
  needsQuotes,
  type Reached,
  removePair,
  replaceScalar,
  type Splice,
} from "../yaml/index.js";
import { type FinderContext, located, type Path, stringOf, tryParseRef, where } from "./context.js";
import { literalVersion } from "./parts.js";
import type { Target, Version } from "./types.js";

/**
 * `images:` of a kustomization (and `spec.images` of a Flux Kustomization, same shape). An entry answers to its
 * `name` and its `newName`; its version lives in `newTag` and `digest`, which are replaced in place, inserted
 * after the entry's name lines when missing (same indentation, or `, newTag: …` in a flow map), and a `digest`
 * is removed when the update names a tag only — kustomize renders `name:tag@digest`, and a stale digest would
 * keep pinning the old image.
 */
export function kustomizationImages(ctx: FinderContext, list: Reached | undefined, path: Path): Target[] {
  const targets: Target[] = [];
  items(ctx.file, ctx.document, list).forEach((item, index) => {
    const map = asMap(item);
    if (!map) return;
    const target = entryTarget(ctx, map, [...path, index]);
    if (target) targets.push(target);
  });
  return targets;
}

function entryTarget(ctx: FinderContext, map: Reached<YAMLMap>, path: Path): Target | undefined {
  const fields = entries(ctx.file, ctx.document, map);
  const field = (key: string) => fields.find((entry) => entry.key === key);
  const name = field("name");
  const newName = field("newName");
  const newTag = field("newTag");
  const digest = field("digest");
  const nameRef = tryParseRef(stringOf(ctx, name?.value));
  if (!nameRef || !name) return undefined;
  const newNameRef = tryParseRef(stringOf(ctx, newName?.value));
  const version = literalVersion(
    stringOf(ctx, newTag?.value) || undefined,
    stringOf(ctx, digest?.value) || undefined,
    false,
  );
  if (!version) return undefined;
  const { tag, digest: digestText } = version;
  const base = newNameRef ?? nameRef;
  const ref: ImageRef = { registry: base.registry, repository: base.repository, tag, digest: digestText };
  const primary = newTag?.value ?? name.value!;
  const image = located(
    ctx,
    primary.node,
    primary,
    [...path, newTag ? "newTag" : "name"],
    ref,
    "kustomization",
  );
  const names = [normalizedName(nameRef), ...(newNameRef ? [normalizedName(newNameRef)] : [])];
  return {
    image,
    names,
    write(next: Version): Splice[] {
      const splices: Splice[] = [];
      const flow = Boolean(map.node.flow);
      const anchorPair = (newName ?? name).pair;
      const set = (entry: Entry | undefined, key: string, value: string, after: Pair) => {
        if (entry && isScalar(entry.value?.node) && entry.value.node.range) {
          splices.push(
            replaceScalar(ctx.file.content, entry.value.node as Scalar, value, where(image), flow),
          );
        } else {
          splices.push(insertPair(ctx.file, map.node, after, key, plain(value, flow)));
        }
      };
      const tagIsScalar = Boolean(newTag && isScalar(newTag.value?.node) && newTag.value.node.range);
      const digestNode = digest?.value?.node;
      if (
        next.tag !== undefined &&
        next.digest === undefined &&
        !tagIsScalar &&
        digest?.map === map.node &&
        isScalar(digestNode) &&
        digestNode.range
      ) {
        // A tag replacing a digest takes the digest's place: one line changes, and an insertion after the name
        // never meets the removal of a last line (which takes the line break before it).
        const start = (digest.pair.key as Scalar).range![0];
        splices.push({ start, end: digestNode.range[1], text: `newTag: ${plain(next.tag, flow)}` });
        return splices;
      }
      if (next.tag !== undefined && next.tag !== tag) set(newTag, "newTag", next.tag, anchorPair);
      if (next.digest !== undefined && next.digest !== digestText) {
        set(digest, "digest", next.digest, newTag?.pair ?? anchorPair);
      } else if (next.digest === undefined && digest) {
        splices.push(removePair(ctx.file, digest.map, digest.pair));
      }
      return splices;
    },
  };
}

function plain(value: string, flow: boolean): string {
  return needsQuotes(value, flow) ? doubleQuoted(value) : value;
}

/** Root `images:` of a kustomization document. */
export function kustomizationFinder(ctx: FinderContext, root: Reached<YAMLMap>): Target[] {
  return kustomizationImages(ctx, get(ctx.file, ctx.document, root, "images")?.value, ["images"]);
}
