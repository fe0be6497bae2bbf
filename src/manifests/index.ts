import { isMap, isScalar, type YAMLMap } from "yaml";
import { UserError } from "../errors.js";
import { type ImageRef, imageName, normalizedName, versionOf } from "../image/index.js";
import {
  anchorUses,
  applySplices,
  get,
  parseYamlFile,
  type Reached,
  type Splice,
  type YamlFile,
} from "../yaml/index.js";
import { argoFinder, isArgoApplication } from "./argocd.js";
import type { FinderContext } from "./context.js";
import { fluxFinder } from "./flux.js";
import { helmPathFinder, helmValuesFinder } from "./helm-values.js";
import { kustomizationFinder, kustomizationImages } from "./kustomization.js";
import type {
  Change,
  FindOptions,
  LocatedImage,
  Target,
  UpdateOptions,
  UpdateResult,
  Version,
} from "./types.js";
import { workloadFinder } from "./workloads.js";

export type * from "./types.js";

const KUSTOMIZATION_FILE = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;
const YAML_FILE = /\.ya?ml$/i;

/** Files the finders read: YAML files and kustomization files (`Kustomization` has no extension). */
export function isManifestPath(path: string): boolean {
  return YAML_FILE.test(path) || KUSTOMIZATION_FILE.test(path);
}

/** Go templates (Helm chart templates) are not YAML until rendered; editing them as YAML would be wrong. */
export function isTemplated(content: string): boolean {
  return content.includes("{{");
}

function targetsOf(file: YamlFile, options: FindOptions): Target[] {
  const targets: Target[] = [];
  const isKustomizationFile = KUSTOMIZATION_FILE.test(file.path);
  const isChart = /(?:^|\/)Chart\.ya?ml$/.test(file.path);
  file.documents.forEach((document, index) => {
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
        if (apiVersion.startsWith("kustomize.toolkit.fluxcd.io/") && kind === "Kustomization") {
          const spec = get(file, document, root, "spec")?.value;
          const images =
            spec && isMap(spec.node) ? get(file, document, spec as Reached<YAMLMap>, "images") : undefined;
          targets.push(...kustomizationImages(ctx, images?.value, ["spec", "images"]));
        }
        if (isArgoApplication(apiVersion, kind)) targets.push(...argoFinder(ctx, root, kind));
        targets.push(...workloadFinder(ctx, root));
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

function parse(path: string, content: string): YamlFile | undefined {
  if (isTemplated(content)) return undefined;
  return parseYamlFile(path, content);
}

/** Every image reference in one file, in document order. Throws a UserError (file:line) on malformed YAML. */
export function findImages(path: string, content: string, options: FindOptions = {}): LocatedImage[] {
  const file = parse(path, content);
  return file ? targetsOf(file, options).map((target) => target.image) : [];
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
  const file = parse(path, content);
  if (!file) return { content, changes: [], found: [] };
  // Every way of referencing an image spells its last path component out (`app` of `ghcr.io/acme/app`), so a
  // file without any of them needs no finder; it was still parsed, so malformed YAML is reported all the same.
  if (
    !images.some((image) => content.includes(image.repository.slice(image.repository.lastIndexOf("/") + 1)))
  ) {
    return { content, changes: [], found: [] };
  }
  const wanted = images.map((image) => ({ image, name: normalizedName(image) }));
  const found = new Set<ImageRef>();
  const splices: Splice[] = [];
  const changes: Change[] = [];
  const deferred: { target: Target; next: Version }[] = [];
  for (const target of targetsOf(file, options)) {
    const match = wanted.find((w) => target.names.includes(w.name));
    if (!match) continue;
    found.add(match.image);
    const wantedVersion = nextVersion(target.image.ref, match.image);
    const next = target.fit ? target.fit(wantedVersion, match.image) : wantedVersion;
    if (versionOf(target.image.ref) === versionOf({ ...target.image.ref, ...next })) continue;
    if (target.image.anchor) {
      deferred.push({ target, next });
      continue;
    }
    splices.push(...target.write(next));
    changes.push(change(target.image, next));
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
  return { content: applySplices(content, splices), changes, found: [...found] };
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
