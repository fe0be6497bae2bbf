import { type Document, isMap, isScalar, visit, type YAMLMap } from "yaml";
import { UserError } from "../errors.js";
import {
  type ImageRef,
  imageName,
  isValidDigest,
  isValidTag,
  normalizedName,
  versionOf,
} from "../image/index.js";
import {
  anchorUses,
  applySplices,
  asMap,
  documentError,
  get,
  parseYamlDocuments,
  parseYamlFile,
  type Reached,
  type Splice,
  type YamlFile,
} from "../yaml/index.js";
import { argoFinder, isArgoApplication } from "./argocd.js";
import type { FinderContext } from "./context.js";
import { customResourceFinder } from "./custom-resources.js";
import { fluxFinder } from "./flux.js";
import { helmPathFinder, helmValuesFinder } from "./helm-values.js";
import { kustomizationFinder, kustomizationImages } from "./kustomization.js";
import { type Unedited, uneditedMentions } from "./mentions.js";
import type {
  Change,
  FindOptions,
  LocatedImage,
  ParsedManifest,
  Target,
  UpdateOptions,
  UpdateResult,
  UpdateWarning,
  Version,
} from "./types.js";
import { workloadFinder } from "./workloads.js";

export type { Unedited } from "./mentions.js";
export type * from "./types.js";

const KUSTOMIZATION_FILE = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;
const YAML_FILE = /\.ya?ml$/i;

/** Files the finders read: YAML files and kustomization files (`Kustomization` has no extension). */
export function isManifestPath(path: string): boolean {
  return YAML_FILE.test(path) || KUSTOMIZATION_FILE.test(path);
}

function targetsOf(parsed: ParsedManifest, options: FindOptions): Target[] {
  const { file, templates } = parsed;
  const targets: Target[] = [];
  const isKustomizationFile = KUSTOMIZATION_FILE.test(file.path);
  const isChart = /(?:^|\/)Chart\.ya?ml$/.test(file.path);
  file.documents.forEach((document, index) => {
    if (templates.has(index)) return;
    const ctx: FinderContext = { file, document, index, options };
    const root = isMap(document.contents) ? ({ node: document.contents } as Reached<YAMLMap>) : undefined;
    if (root && !isChart) {
      const text = (key: string) => {
        const value = get(file, document, root, key)?.value?.node;
        return isScalar(value) && typeof value.value === "string" ? value.value : undefined;
      };
      const apiVersion = text("apiVersion");
      const kind = text("kind");
      if (isKustomizationFile || apiVersion?.startsWith("kustomize.config.k8s.io/")) {
        targets.push(...kustomizationFinder(ctx, root));
      } else if (apiVersion && kind) {
        const spec = asMap(get(file, document, root, "spec")?.value);
        if (apiVersion.startsWith("kustomize.toolkit.fluxcd.io/") && kind === "Kustomization") {
          const images = spec && get(file, document, spec, "images");
          targets.push(...kustomizationImages(ctx, images?.value, ["spec", "images"]));
        }
        if (apiVersion.startsWith("helm.toolkit.fluxcd.io/") && kind === "HelmRelease") {
          const values = spec && get(file, document, spec, "values")?.value;
          if (values) targets.push(...helmValuesFinder(ctx, values, ["spec", "values"], "helmrelease"));
        }
        if (isArgoApplication(apiVersion, kind)) targets.push(...argoFinder(ctx, root, kind));
        targets.push(...workloadFinder(ctx, root));
        targets.push(...customResourceFinder(ctx, root));
      } else {
        targets.push(...helmValuesFinder(ctx, root));
        if (options.helmPaths?.length) targets.push(...helmPathFinder(ctx, root, options.helmPaths));
      }
    }
    if (file.content.includes("$imagepolicy")) targets.push(...fluxFinder(ctx));
  });
  // Two conventions can reach one value (a workload image that also carries a Flux marker): keep the first.
  const seen = new Set<string>();
  return targets.filter((target) => {
    const position = `${target.image.line}:${target.image.column}`;
    if (seen.has(position)) return false;
    seen.add(position);
    return true;
  });
}

/**
 * Parses a file for the finders. A document holding Go template actions (`{{ … }}`) is a template when it is not
 * YAML as written (Helm chart templates: it does not parse, or a `{{` opens a flow collection): it is left out, and
 * the other documents of the file are read as usual. A document that is YAML whose strings hold `{{ … }}` (Argo CD
 * ApplicationSet templates, Argo Workflows parameters) is read; those strings are simply not image references.
 */
export function parseManifest(path: string, content: string): ParsedManifest {
  if (!content.includes("{{")) return { file: parseYamlFile(path, content), templates: new Set() };
  const file = parseYamlDocuments(path, content);
  const templates = new Set<number>();
  file.documents.forEach((document, index) => {
    // In a file with templates, a document that does not parse may owe it to a neighbour's `{{`: skipped too.
    if (document.errors.length > 0 || templateOutsideStrings(content, document)) templates.add(index);
    else {
      const error = documentError(file, document);
      if (error) throw error;
    }
  });
  return { file, templates };
}

/**
 * True when a `{{` of the document lies outside every string value and every comment: YAML read template syntax
 * as structure. (`# defaults to {{ .Chart.AppVersion }}` in a values file is a comment, not a template.)
 */
function templateOutsideStrings(content: string, document: Document.Parsed): boolean {
  const [start, , end] = document.range;
  const strings: [number, number][] = [];
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value === "string" && node.range) strings.push([node.range[0], node.range[1]]);
    },
  });
  strings.sort((a, b) => a[0] - b[0]);
  const inString = (offset: number) => {
    let low = 0;
    let high = strings.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [from, to] = strings[middle]!;
      if (offset < from) high = middle - 1;
      else if (offset >= to) low = middle + 1;
      else return true;
    }
    return false;
  };
  for (let at = content.indexOf("{{", start); at >= 0 && at < end; at = content.indexOf("{{", at + 2)) {
    if (inString(at)) continue;
    const lineStart = content.lastIndexOf("\n", at - 1) + 1;
    const comment = /(?:^|[ \t])#/.exec(content.slice(lineStart, at));
    if (comment && !inString(lineStart + comment.index + comment[0].length - 1)) continue;
    return true;
  }
  return false;
}

/** Every image reference in one file, in document order. Throws a UserError (file:line) on malformed YAML. */
export function findImages(path: string, content: string, options: FindOptions = {}): LocatedImage[] {
  return targetsOf(parseManifest(path, content), options).map((target) => target.image);
}

/**
 * The version an update leaves on a reference. A tag-only update drops the old digest (it would keep pinning the
 * old image); a digest-only update keeps the tag (it usually means the tag was rebuilt), so `name:tag@digest`.
 */
export function nextVersion(current: ImageRef, update: ImageRef): Version {
  if (update.tag !== undefined) return { tag: update.tag, digest: update.digest };
  // A bare name asks for no version: it leaves the reference as it is (replays of found references rely on it).
  return { tag: current.tag, digest: update.digest ?? current.digest };
}

function spliceKey(splice: Splice): string {
  return `${splice.start}:${splice.end}:${splice.text}`;
}

/**
 * Rewrites every reference to one of `images` so it carries the requested version, changing only the bytes of
 * those values. Pure: returns the new content and the changes. A reference that is only reached through an
 * alias is refused (changing the anchor would change every other use of it) unless the anchor itself is
 * being changed to the same value.
 */
export function updateFile(
  path: string,
  content: string,
  images: ImageRef[],
  options: UpdateOptions = {},
): UpdateResult {
  const parsed = parseManifest(path, content);
  const { file } = parsed;
  // Every way of referencing an image spells its last path component out (`app` of `ghcr.io/acme/app`), so a
  // file without any of them needs no finder; it was still parsed, so malformed YAML is reported all the same.
  if (
    !images.some((image) => content.includes(image.repository.slice(image.repository.lastIndexOf("/") + 1)))
  ) {
    return { content, changes: [], found: [], warnings: [] };
  }
  const wanted = images.map((image) => ({ image, name: normalizedName(image) }));
  const found = new Set<ImageRef>();
  const splices: Splice[] = [];
  const changes: Change[] = [];
  const deferred: { target: Target; next: Version }[] = [];
  const warnings: UpdateWarning[] = [];
  for (const target of targetsOf(parsed, options)) {
    const match = wanted.find((w) => target.names.includes(w.name));
    if (!match) continue;
    found.add(match.image);
    checkWritable(target.image, match.image);
    const wantedVersion = nextVersion(target.image.ref, match.image);
    const next = target.fit ? target.fit(wantedVersion, match.image) : wantedVersion;
    checkWritable(target.image, next);
    const warning = unpinned(target.image, match.image, next);
    if (warning) warnings.push({ file: target.image.file, line: target.image.line, message: warning });
    if (versionOf(target.image.ref) === versionOf({ ...target.image.ref, ...next })) continue;
    if (target.image.anchor) {
      deferred.push({ target, next });
      continue;
    }
    splices.push(...target.write(next));
    changes.push({ ...change(target.image, next), ...(warning ? { warning } : {}) });
  }
  const planned = new Set(splices.map(spliceKey));
  const covered = new Set<string>();
  for (const { target, next } of deferred) {
    const { image } = target;
    if (!target.write(next).every((splice) => planned.has(spliceKey(splice)))) {
      throw new UserError(
        `${image.field} (at ${image.file}:${image.line}) is an alias; its value is defined by the anchor here`,
        {
          file: image.file,
          line: image.anchor!.line,
          column: image.anchor!.column,
          hint: "Change the anchored value by hand, or replace the alias with its own value, then run again.",
        },
      );
    }
    covered.add(`${image.line}:${image.column}`);
  }
  checkAnchors(file, splices, covered);
  changes.sort((a, b) => a.line - b.line);
  return { content: applySplices(content, splices), changes, found: [...found], warnings };
}

/**
 * Refuses a version that is not a valid tag or digest (a line break, `#`, a space, a quote…) before anything is
 * written, whoever asks: a value read from another file or environment must never become YAML structure here.
 * Names are never written (a reference is selected by its name and keeps the one the file spells).
 */
function checkWritable(image: LocatedImage, update: Version): void {
  const bad =
    update.tag !== undefined && !isValidTag(update.tag)
      ? ["tag", update.tag]
      : update.digest !== undefined && !isValidDigest(update.digest)
        ? ["digest", update.digest]
        : undefined;
  if (!bad) return;
  throw new UserError(
    `refusing to write ${JSON.stringify(bad[1])} as the ${bad[0]} of ${imageName(image.ref)}: it is not a valid image ${bad[0]}`,
    {
      file: image.file,
      line: image.line,
      column: image.column,
      hint: "A tag is 1–128 letters, digits, '_', '.' or '-' (not starting with '.' or '-'); a digest is sha256:<64 hex>. Nothing was changed.",
    },
  );
}

/** What to tell when the update names a digest this place cannot hold: only its tag is written. */
function unpinned(image: LocatedImage, update: ImageRef, next: Version): string | undefined {
  if (update.digest === undefined || next.digest === update.digest) return undefined;
  return `${image.field} has no place for a digest, so only the tag ${next.tag} is written and ${update.digest} is not pinned`;
}

/**
 * Where a file names one of `images` without any finder reaching it there (a template, a variable, an environment
 * variable, a comment), with the reason; for explaining an image found nowhere.
 */
export function explainMissing(path: string, content: string, images: ImageRef[]): Unedited[] {
  const named = images.filter((image) =>
    content.includes(image.repository.slice(image.repository.lastIndexOf("/") + 1)),
  );
  return named.length === 0 ? [] : uneditedMentions(parseManifest(path, content), named);
}

/**
 * Editing inside an anchored node changes every alias of it too; that is only allowed when each of those
 * aliases is itself a reference being set to the same version.
 */
function checkAnchors(file: YamlFile, splices: Splice[], covered: Set<string>): void {
  if (splices.length === 0 || !file.content.includes("*")) return;
  for (const document of file.documents) {
    for (const anchor of anchorUses(file, document)) {
      if (!splices.some((splice) => splice.start >= anchor.start && splice.start < anchor.end)) continue;
      const others = anchor.uses.filter((use) => !covered.has(`${use.line}:${use.column}`));
      if (others.length === 0) continue;
      throw new UserError(
        `this value is anchored as &${anchor.name} and also used through *${anchor.name} at line ${others
          .map((use) => use.line)
          .join(", ")}; changing it would change those too`,
        {
          file: file.path,
          line: anchor.at.line,
          column: anchor.at.column,
          hint: "Give each use its own value (replace the aliases), then run again.",
        },
      );
    }
  }
}

function change(image: LocatedImage, next: Version): Change {
  return {
    file: image.file,
    line: image.line,
    image: imageName(image.ref),
    from: versionOf(image.ref),
    to: versionOf({ ...image.ref, tag: next.tag, digest: next.digest }),
  };
}
