import type { Scalar, YAMLMap } from "yaml";
import { isMap, isScalar, isSeq } from "yaml";
import { type ImageRef, normalizedName } from "../image/index.js";
import {
  asMap,
  doubleQuoted,
  type Entry,
  entries,
  insertPair,
  items,
  needsQuotes,
  type Reached,
  replaceScalar,
  type Splice,
} from "../yaml/index.js";
import {
  type FinderContext,
  located,
  type Path,
  refuse,
  stringOf,
  stringTarget,
  tryParseRef,
  where,
} from "./context.js";
import type { SourceKind, Target, Version } from "./types.js";

/** `image`, `coreImage`, `sidecarImage`: keys whose value is an image in the Helm charts seen in the wild. */
const IMAGE_KEY = /^(?:image|[a-zA-Z0-9_]+Image)$/;
const MAX_DEPTH = 64;

/**
 * Every image in a Helm values tree: maps `{registry?, repository, tag | version, digest?}` at any depth (a
 * `version` map only under an image-like key, since charts use `{repository, version}` for other things too),
 * and `image: "repo:tag"` strings.
 */
export function helmValuesFinder(
  ctx: FinderContext,
  root: Reached,
  path: Path = [],
  kind: SourceKind = "helm-values",
): Target[] {
  const targets: Target[] = [];
  const visit = (reached: Reached, at: Path, parentKey: string | undefined, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (isMap(reached.node)) {
      const map = reached as Reached<YAMLMap>;
      const target = imageMapTarget(ctx, map, at, kind, parentKey !== undefined && IMAGE_KEY.test(parentKey));
      if (target) {
        targets.push(target);
        return;
      }
      for (const entry of entries(ctx.file, ctx.document, map)) {
        if (!entry.value) continue;
        if (IMAGE_KEY.test(entry.key) && isScalar(entry.value.node)) {
          const found = stringTarget(ctx, entry.value, [...at, entry.key], kind, Boolean(map.node.flow));
          if (found) targets.push(found);
          continue;
        }
        visit(entry.value, [...at, entry.key], entry.key, depth + 1);
      }
    } else if (isSeq(reached.node)) {
      items(ctx.file, ctx.document, reached).forEach((item, index) => {
        visit(item, [...at, index], undefined, depth + 1);
      });
    }
  };
  visit(root, path, undefined, 0);
  return targets;
}

/** Targets at the dotted paths a user named (`backend.deploy.img`): an image map or a reference string. */
export function helmPathFinder(ctx: FinderContext, root: Reached, paths: string[]): Target[] {
  const targets: Target[] = [];
  for (const dotted of paths) {
    const keys = dotted.split(".").filter(Boolean);
    let reached: Reached | undefined = root;
    for (const key of keys) {
      const map = asMap(reached);
      reached = map
        ? entries(ctx.file, ctx.document, map).find((entry) => entry.key === key)?.value
        : undefined;
    }
    if (!reached) continue;
    const map = asMap(reached);
    const target = map
      ? imageMapTarget(ctx, map, keys, "helm-values", true)
      : stringTarget(ctx, reached, keys, "helm-values");
    if (target) targets.push(target);
  }
  return targets;
}

/**
 * An image map. The version goes to `tag` (or `version`); `digest` is written only when the map has a digest
 * field — a chart without one has no place for it, so a tag@digest update writes the tag alone. A tag-only
 * update empties an existing digest (`""`): charts fall back to the tag when it is empty, and a stale digest
 * would keep pinning the old image.
 */
function imageMapTarget(
  ctx: FinderContext,
  map: Reached<YAMLMap>,
  path: Path,
  kind: SourceKind,
  imageKeyed: boolean,
): Target | undefined {
  const fields = entries(ctx.file, ctx.document, map);
  const field = (key: string) => fields.find((entry) => entry.key === key);
  const repository = field("repository");
  const repositoryText = stringOf(ctx, repository?.value);
  if (!repository?.value || !repositoryText) return undefined;
  const tagField = field("tag") ?? (imageKeyed ? field("version") : undefined);
  const digest = field("digest");
  if (!tagField && !digest && !imageKeyed) return undefined;
  const registry = stringOf(ctx, field("registry")?.value);
  const nameRef = tryParseRef(
    registry ? `${registry.replace(/\/+$/, "")}/${repositoryText}` : repositoryText,
  );
  if (!nameRef || nameRef.tag || nameRef.digest) return undefined;
  const tag = stringOf(ctx, tagField?.value) || undefined;
  const digestText = stringOf(ctx, digest?.value) || undefined;
  const ref: ImageRef = { ...nameRef, tag, digest: digestText };
  const primary = tagField?.value?.node.range ? tagField.value : repository.value;
  const image = located(
    ctx,
    primary.node,
    primary,
    [...path, tagField ? tagField.key : "repository"],
    ref,
    kind,
  );
  return {
    image,
    names: [normalizedName(nameRef)],
    fit: (next, update) =>
      fitTagOnly(image, Boolean(digest), next, update, "a `digest:` field the chart reads"),
    write(next: Version): Splice[] {
      const splices: Splice[] = [];
      const flow = Boolean(map.node.flow);
      const set = (entry: Entry, value: string) => {
        if (isScalar(entry.value?.node) && entry.value.node.range) {
          splices.push(
            replaceScalar(ctx.file.content, entry.value.node as Scalar, value, where(image), flow),
          );
        } else {
          refuse(
            image,
            `${entry.key} at ${image.field} is not a plain value`,
            "Make it a string and run again.",
          );
        }
      };
      if (next.tag !== undefined && next.tag !== tag) {
        if (tagField) set(tagField, next.tag);
        else {
          const text = needsQuotes(next.tag, flow) ? doubleQuoted(next.tag) : next.tag;
          splices.push(insertPair(ctx.file, map.node, repository.pair, "tag", text));
        }
      }
      if (digest && (next.digest ?? "") !== (digestText ?? "")) set(digest, next.digest ?? "");
      return splices;
    },
  };
}

/** Where there is no digest field, a tag@digest update writes the tag; a digest-only one has nowhere to go. */
export function fitTagOnly(
  image: Target["image"],
  hasDigest: boolean,
  next: Version,
  update: ImageRef,
  missing: string,
): Version {
  if (hasDigest) return next;
  if (update.tag === undefined) {
    refuse(
      image,
      `${image.field} has no place for the digest ${update.digest}`,
      `Pass a tag (name:tag or name:tag@digest), or add ${missing}.`,
    );
  }
  return { tag: next.tag };
}
