import type { Scalar, YAMLMap } from "yaml";
import { isMap, isScalar } from "yaml";
import { formatImageRef, normalizedName } from "../image/index.js";
import { asMap, embeddedYaml, get, items, type Reached, replaceScalar } from "../yaml/index.js";
import {
  type FinderContext,
  located,
  type Path,
  stringOf,
  stringTarget,
  tryParseRef,
  where,
  withVersion,
} from "./context.js";
import { helmValuesFinder } from "./helm-values.js";
import { type Part, partsTarget } from "./parts.js";
import type { Target, Version } from "./types.js";

const IMAGE_PARAMETER = /(?:^|\.)(?:image|[a-zA-Z0-9_]+Image)$/;

export function isArgoApplication(apiVersion: string | undefined, kind: string | undefined): boolean {
  return Boolean(
    apiVersion?.startsWith("argoproj.io/") && (kind === "Application" || kind === "ApplicationSet"),
  );
}

/**
 * Argo CD Application / ApplicationSet template sources: `kustomize.images` strings (`[name=]newName[:tag][@digest]`,
 * the `kustomize edit set image` syntax), `helm.parameters` (`P.repository` + `P.tag` groups, or `P.image` holding
 * a whole reference) and `helm.valuesObject` (read like a values file).
 */
export function argoFinder(ctx: FinderContext, root: Reached<YAMLMap>, kind: string): Target[] {
  const { file, document } = ctx;
  let spec = asMap(get(file, document, root, "spec")?.value);
  let path: Path = ["spec"];
  if (kind === "ApplicationSet") {
    spec = asMap(
      get(file, document, asMap(get(file, document, spec!, "template")?.value) ?? spec!, "spec")?.value,
    );
    path = ["spec", "template", "spec"];
  }
  if (!spec) return [];
  const sources: [Reached<YAMLMap>, Path][] = [];
  const single = asMap(get(file, document, spec, "source")?.value);
  if (single) sources.push([single, [...path, "source"]]);
  items(file, document, get(file, document, spec, "sources")?.value).forEach((item, index) => {
    const map = asMap(item);
    if (map) sources.push([map, [...path, "sources", index]]);
  });
  const targets: Target[] = [];
  for (const [source, at] of sources) {
    const kustomize = asMap(get(file, document, source, "kustomize")?.value);
    if (kustomize) {
      items(file, document, get(file, document, kustomize, "images")?.value).forEach((item, index) => {
        const target = kustomizeImageString(ctx, item, [...at, "kustomize", "images", index]);
        if (target) targets.push(target);
      });
    }
    const helm = asMap(get(file, document, source, "helm")?.value);
    if (!helm) continue;
    targets.push(
      ...helmParameters(ctx, get(file, document, helm, "parameters")?.value, [...at, "helm", "parameters"]),
    );
    targets.push(
      ...embeddedValues(ctx, get(file, document, helm, "values")?.value, [...at, "helm", "values"]),
    );
    const valuesObject = get(file, document, helm, "valuesObject")?.value;
    if (valuesObject)
      targets.push(...helmValuesFinder(ctx, valuesObject, [...at, "helm", "valuesObject"], "argocd"));
  }
  return targets;
}

function kustomizeImageString(ctx: FinderContext, reached: Reached, path: Path): Target | undefined {
  const text = stringOf(ctx, reached);
  if (!text || !isScalar(reached.node)) return undefined;
  const node = reached.node as Scalar;
  const equals = text.indexOf("=");
  const left = equals >= 0 ? text.slice(0, equals) : undefined;
  const leftRef = left === undefined ? undefined : tryParseRef(left);
  const ref = tryParseRef(text.slice(equals + 1));
  if (!ref || (left !== undefined && !leftRef)) return undefined;
  const image = located(ctx, node, reached, path, ref, "argocd");
  return {
    image,
    names: [normalizedName(ref), ...(leftRef ? [normalizedName(leftRef)] : [])],
    write: (next) => [
      replaceScalar(
        ctx.file.content,
        node,
        `${left === undefined ? "" : `${left}=`}${formatImageRef(withVersion(ref, next))}`,
        where(image),
      ),
    ],
  };
}

interface Parameter {
  name: string;
  value: Reached | undefined;
  index: number;
}

function helmParameters(ctx: FinderContext, list: Reached | undefined, path: Path): Target[] {
  const parameters: Parameter[] = [];
  items(ctx.file, ctx.document, list).forEach((item, index) => {
    const map = asMap(item);
    const name = map && stringOf(ctx, get(ctx.file, ctx.document, map, "name")?.value);
    if (map && name)
      parameters.push({ name, value: get(ctx.file, ctx.document, map, "value")?.value, index });
  });
  const targets: Target[] = [];
  const byName = new Map(parameters.map((parameter) => [parameter.name, parameter]));
  for (const parameter of parameters) {
    if (IMAGE_PARAMETER.test(parameter.name)) {
      const found = stringTarget(ctx, parameter.value, [...path, parameter.index, "value"], "argocd");
      if (found) targets.push(found);
      continue;
    }
    if (!parameter.name.endsWith(".repository") && parameter.name !== "repository") continue;
    const prefix = parameter.name.slice(0, -"repository".length);
    const group = (suffix: string) => byName.get(`${prefix}${suffix}`);
    const target = parameterGroup(
      ctx,
      parameter,
      group("tag") ?? group("version"),
      group("digest"),
      group("registry"),
      path,
    );
    if (target) targets.push(target);
  }
  return targets;
}

/** A `P.repository` / `P.tag` [/ `P.registry`, `P.digest`] group, with the same digest rules as values maps. */
function parameterGroup(
  ctx: FinderContext,
  repository: Parameter,
  tag: Parameter | undefined,
  digest: Parameter | undefined,
  registry: Parameter | undefined,
  path: Path,
): Target | undefined {
  const repositoryText = stringOf(ctx, repository.value);
  const registryText = stringOf(ctx, registry?.value);
  if (!repositoryText) return undefined;
  const part = (parameter: Parameter | undefined): Part | undefined =>
    parameter?.value && isScalar(parameter.value.node) && parameter.value.node.range
      ? {
          node: parameter.value.node as Scalar,
          reached: parameter.value,
          path: [...path, parameter.index, "value"],
        }
      : undefined;
  const tagPart = part(tag);
  if (!tagPart) return undefined;
  const name = registryText ? `${registryText}/${repositoryText}` : repositoryText;
  return partsTarget(
    ctx,
    name,
    { tag: tagPart, digest: part(digest) },
    "argocd",
    "a digest parameter the chart reads",
  );
}

/**
 * `helm.values` written as a `|` block of YAML text: read like a values file, and edited inside the block at
 * the block's indentation. Other spellings (folded, quoted) are not edited.
 */
function embeddedValues(ctx: FinderContext, reached: Reached | undefined, path: Path): Target[] {
  if (!reached || reached.anchor || !isScalar(reached.node)) return [];
  const embedded = embeddedYaml(ctx.file, reached.node as Scalar);
  const document = embedded?.file.documents[0];
  if (!embedded || !document || !isMap(document.contents)) return [];
  const inner: FinderContext = { ...ctx, file: embedded.file, document };
  return helmValuesFinder(inner, { node: document.contents }, path, "argocd").map((target) => {
    const { line, column } = embedded.position(
      embedded.file.lines.lineStarts[target.image.line - 1]! + target.image.column - 1,
    );
    return {
      ...target,
      image: { ...target.image, file: ctx.file.path, line, column },
      write: (next: Version) => target.write(next).map(embedded.splice),
    };
  });
}
