import type { Scalar } from "yaml";
import { type ImageRef, isValidDigest, isValidTag, normalizedName } from "../image/index.js";
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
 * tag@digest update writes the tag; a digest-only update needs a digest part. `newDigest` adds a digest value
 * that the user named but the file does not have yet.
 */
export function partsTarget(
  ctx: FinderContext,
  name: string | undefined,
  parts: { tag?: Part; digest?: Part },
  kind: SourceKind,
  digestPlace: string,
  newDigest?: (digest: string) => Splice,
): Target | undefined {
  const { content } = ctx.file;
  const primary = parts.tag ?? parts.digest;
  const nameRef = tryParseRef(name);
  if (!primary || !nameRef || nameRef.tag || nameRef.digest) return undefined;
  const text = (part: Part | undefined) => (part ? scalarText(content, part.node) || undefined : undefined);
  const version = literalVersion(text(parts.tag), text(parts.digest), false);
  if (!version) return undefined;
  const { tag, digest } = version;
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
      if (parts.tag) return fitTagOnly(image, Boolean(parts.digest || newDigest), next, update, digestPlace);
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
      } else if (!parts.digest && newDigest && next.digest !== undefined) {
        splices.push(newDigest(next.digest));
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

/** A version as a place holds it now: a tag (`1.2`, or `1.2@sha256:…` where one value carries both) and a digest. */
export interface LiteralVersion {
  tag?: string;
  digest?: string;
  /** The digest is written in the tag's value (`tag: 1.2@sha256:…`), as charts without a digest field take it. */
  inTag: boolean;
}

/** Template actions and variables (`{{ … }}`, `${VAR}`, `$(VAR)`): something else fills such a value in. */
export const TEMPLATE = /\{\{|\$\{|\$\(/;

/**
 * The version spelled by a tag value and a digest value, each possibly empty. Undefined when either is a template or
 * variable (`${TAG}`, `{{ .Values.tag }}`): such a place is filled in by something else, so it is not a reference to
 * edit — writing a literal over a variable would cut it off from its source. Any other value is taken as written,
 * valid or not: whoever reads it (a promotion, the gate) refuses an invalid one at its line, and an edit replaces it.
 */
export function literalVersion(
  tag: string | undefined,
  digest: string | undefined,
  tagMayCarryDigest: boolean,
): LiteralVersion | undefined {
  if ((tag !== undefined && TEMPLATE.test(tag)) || (digest !== undefined && TEMPLATE.test(digest)))
    return undefined;
  const at = tag?.indexOf("@") ?? -1;
  if (tag !== undefined && tagMayCarryDigest && digest === undefined && at >= 0 && !isValidTag(tag)) {
    const [own, pinned] = [tag.slice(0, at), tag.slice(at + 1)];
    if (isValidTag(own) && isValidDigest(pinned)) return { tag: own, digest: pinned, inTag: true };
  }
  return { tag, digest, inTag: false };
}
