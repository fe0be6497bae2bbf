import type { Scalar } from "yaml";
import { type ImageRef, normalizedName } from "../image/index.js";
import { type Reached, replaceScalar, type Splice, scalarText } from "../yaml/index.js";
import { type FinderContext, located, type Path, refuse, tryParseRef, where } from "./context.js";
import type { SourceKind, Target, Version } from "./types.js";

/** One scalar holding a part of a reference (its tag or its digest). */
export interface Part {
  node: Scalar;
  reached?: Reached;
  path: Path;
}

/**
 * A reference spread over separate values: a name known from elsewhere, a tag and/or a digest scalar (Helm
 * parameters, Flux `:tag`/`:digest` setters, user-given value paths). Where there is no digest part, a
 * tag@digest update writes the tag; a digest-only update needs a digest part.
 */
export function partsTarget(
  ctx: FinderContext,
  name: string | undefined,
  parts: { tag?: Part; digest?: Part },
  kind: SourceKind,
  digestPlace: string,
): Target | undefined {
  const { content } = ctx.file;
  const primary = parts.tag ?? parts.digest;
  const nameRef = tryParseRef(name);
  if (!primary || !nameRef || nameRef.tag || nameRef.digest) return undefined;
  const text = (part: Part | undefined) => (part ? scalarText(content, part.node) || undefined : undefined);
  const tag = text(parts.tag);
  const digest = text(parts.digest);
  const ref: ImageRef = { ...nameRef, tag, digest };
  const image = located(
    ctx,
    primary.node,
    primary.reached ?? { node: primary.node },
    primary.path,
    ref,
    kind,
  );
  return {
    image,
    names: [normalizedName(nameRef)],
    fit(next, update) {
      if (parts.tag) return fitTagOnly(image, Boolean(parts.digest), next, update, digestPlace);
      if (update.digest === undefined) {
        refuse(
          image,
          `${image.field} holds only a digest`,
          "Pass name@sha256:<digest> or name:tag@sha256:<digest>.",
        );
      }
      return { digest: next.digest };
    },
    write(next: Version): Splice[] {
      const splices: Splice[] = [];
      if (parts.tag && next.tag !== undefined && next.tag !== tag) {
        splices.push(replaceScalar(content, parts.tag.node, next.tag, where(image)));
      }
      if (parts.digest && (next.digest ?? "") !== (digest ?? "")) {
        splices.push(replaceScalar(content, parts.digest.node, next.digest ?? "", where(image)));
      }
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
