import type { Scalar, YAMLMap } from "yaml";
import { isMap, isScalar, isSeq } from "yaml";
import { UserError } from "../errors.js";
import { type ImageRef, normalizedName } from "../image/index.js";
import {
  aliasWalkGuard,
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
import { fitTagOnly, literalVersion, type Part, partsTarget } from "./parts.js";
import type { SourceKind, Target, Version } from "./types.js";

/** `image`, `coreImage`, `sidecarImage`: keys whose value is an image in the Helm charts seen in the wild. */
const IMAGE_KEY = /^(?:image|[a-zA-Z0-9_]+Image)$/;
const MAX_DEPTH = 64;

/**
 * Every image in a Helm values tree: maps `{registry?, repository, tag | version, digest?}` at any depth (a
 * `version` map only under an image-like key, since charts use `{repository, version}` for other things too; there
 * the repository may also be called `image` or `name`), and `image: "repo:tag"` strings.
 */
export function helmValuesFinder(
  ctx: FinderContext,
  root: Reached,
  path: Path = [],
  kind: SourceKind = "helm-values",
): Target[] {
  const targets: Target[] = [];
  const guard = aliasWalkGuard(ctx.file);
  const visit = (reached: Reached, at: Path, parentKey: string | undefined, depth: number) => {
    if (depth > MAX_DEPTH || !guard.enter(reached.node)) return;
    if (isMap(reached.node)) {
      const map = reached as Reached<YAMLMap>;
      const target = imageMapTarget(ctx, map, at, kind, parentKey !== undefined && IMAGE_KEY.test(parentKey));
      if (target) {
        targets.push(target);
        guard.leave(reached.node);
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
    guard.leave(reached.node);
  };
  visit(root, path, undefined, 0);
  return targets;
}

function valueAt(ctx: FinderContext, root: Reached, keys: string[]): Reached | undefined {
  let reached: Reached | undefined = root;
  for (const key of keys) {
    const map = asMap(reached);
    reached = map
      ? entries(ctx.file, ctx.document, map).find((entry) => entry.key === key)?.value
      : undefined;
  }
  return reached;
}

const PART_KEYS = ["registry", "repository", "tag", "digest"];

/**
 * Targets at the paths a user named: `backend.deploy.img` (an image map or a `repo:tag` string), or the parts
 * of one image in separate values, `repository=app.imageRepo,tag=app.imageTag[,digest=…][,registry=…]`.
 */
export function helmPathFinder(ctx: FinderContext, root: Reached, paths: string[]): Target[] {
  const targets: Target[] = [];
  for (const dotted of paths) {
    const target = dotted.includes("=") ? partsAt(ctx, root, dotted) : wholeAt(ctx, root, dotted);
    if (target) targets.push(target);
  }
  return targets;
}

function wholeAt(ctx: FinderContext, root: Reached, dotted: string): Target | undefined {
  const keys = dotted.split(".").filter(Boolean);
  const reached = valueAt(ctx, root, keys);
  if (!reached) return undefined;
  const map = asMap(reached);
  return map
    ? imageMapTarget(ctx, map, keys, "helm-values", true)
    : stringTarget(ctx, reached, keys, "helm-values");
}

function partsAt(ctx: FinderContext, root: Reached, spec: string): Target | undefined {
  const fields = new Map<string, string[]>();
  for (const item of spec.split(",")) {
    const [key = "", path = ""] = item.split("=").map((text) => text.trim());
    if (!PART_KEYS.includes(key) || path === "") {
      throw new UserError(
        `the values path ${JSON.stringify(spec)} is not understood at ${JSON.stringify(item)}`,
        {
          hint: "Write repository=a.b,tag=a.c (optionally digest=… and registry=…), or one dotted path.",
        },
      );
    }
    fields.set(key, path.split(".").filter(Boolean));
  }
  const text = (key: string) => {
    const keys = fields.get(key);
    return keys ? stringOf(ctx, valueAt(ctx, root, keys)) : undefined;
  };
  const part = (key: string): Part | undefined => {
    const keys = fields.get(key);
    const reached = keys && valueAt(ctx, root, keys);
    return reached && isScalar(reached.node) && reached.node.range
      ? { node: reached.node as Scalar, reached, path: keys }
      : undefined;
  };
  const repository = text("repository");
  const registry = text("registry");
  if (!repository) return undefined;
  const name = registry ? `${registry.replace(/\/+$/, "")}/${repository}` : repository;
  const digestKeys = fields.get("digest");
  return partsTarget(
    ctx,
    name,
    { tag: part("tag"), digest: part("digest") },
    "helm-values",
    "digest=PATH to the values path",
    digestKeys && !valueAt(ctx, root, digestKeys) ? newValueAt(ctx, root, digestKeys) : undefined,
  );
}

/**
 * Where a value named by a path that is not in the file yet can be added: as the last key of its parent map, when
 * that map exists and is not shared through an alias. A digest the user names with `digest=PATH` goes there.
 */
function newValueAt(
  ctx: FinderContext,
  root: Reached,
  keys: string[],
): ((text: string) => Splice) | undefined {
  const parent = asMap(valueAt(ctx, root, keys.slice(0, -1)));
  const last = parent?.node.items.at(-1);
  if (!parent || parent.anchor || !last || !isScalar(last.key)) return undefined;
  const flow = Boolean(parent.node.flow);
  return (text) =>
    insertPair(
      ctx.file,
      parent.node,
      last,
      keys.at(-1)!,
      needsQuotes(text, flow) ? doubleQuoted(text) : text,
    );
}

/**
 * An image map. The version goes to `tag` (or `version`); `digest` is written only when the map has a digest
 * field, or into the tag as `tag@digest` when the tag already carries one (charts that pin that way) — a chart with
 * neither has no place for it, so a tag@digest update writes the tag alone. A tag-only update empties an existing
 * digest (`""`): charts fall back to the tag when it is empty, and a stale digest would keep pinning the old image.
 */
export function imageMapTarget(
  ctx: FinderContext,
  map: Reached<YAMLMap>,
  path: Path,
  kind: SourceKind,
  imageKeyed: boolean,
): Target | undefined {
  const fields = entries(ctx.file, ctx.document, map);
  const field = (key: string) => fields.find((entry) => entry.key === key);
  const tagField = field("tag") ?? (imageKeyed ? field("version") : undefined);
  const digest = field("digest");
  // Under an image key, some charts name the repository `image` (ingress-nginx) or `name`: with a version beside it.
  const repository =
    field("repository") ??
    (imageKeyed && (tagField || digest) ? (field("image") ?? field("name")) : undefined);
  const repositoryText = stringOf(ctx, repository?.value);
  if (!repository?.value || !repositoryText) return undefined;
  if (!tagField && !digest && !imageKeyed) return undefined;
  const registry = stringOf(ctx, field("registry")?.value);
  const nameRef = tryParseRef(
    registry ? `${registry.replace(/\/+$/, "")}/${repositoryText}` : repositoryText,
  );
  if (!nameRef || nameRef.tag || nameRef.digest) return undefined;
  const version = literalVersion(
    stringOf(ctx, tagField?.value) || undefined,
    stringOf(ctx, digest?.value) || undefined,
    !digest,
  );
  if (!version) return undefined;
  const { tag, digest: digestText, inTag } = version;
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
      fitTagOnly(image, Boolean(digest) || inTag, next, update, "a `digest:` field the chart reads"),
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
      if (inTag && tagField) {
        const value = next.digest === undefined ? next.tag! : `${next.tag}@${next.digest}`;
        if (value !== `${tag}@${digestText}`) set(tagField, value);
        return splices;
      }
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
