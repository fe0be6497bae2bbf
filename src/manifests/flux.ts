import type { Node, Scalar, YAMLMap } from "yaml";
import { isMap, isPair, isScalar, isSeq } from "yaml";
import { scalarText } from "../yaml/index.js";
import { type FinderContext, type Path, stringTarget } from "./context.js";
import { partsTarget } from "./parts.js";
import type { Target } from "./types.js";

const MARKER = /^[^\r\n#]*#\s*\{\s*"\$imagepolicy"\s*:\s*"([^"]+)"\s*\}/;

interface Slot {
  node: Scalar;
  path: Path;
  parent: YAMLMap | undefined;
}

/**
 * Flux image-automation setters: a `# {"$imagepolicy": "ns:policy"}` comment on the line of a value holding the
 * whole reference, or `ns:policy:tag`, `:name`, `:digest` on values holding one part. Parts of one policy in a
 * document form one reference; a `:tag` without `:name` takes its name from a sibling `repository` key.
 */
export function fluxFinder(ctx: FinderContext): Target[] {
  const { content } = ctx.file;
  const policies = new Map<string, Partial<Record<"full" | "name" | "tag" | "digest", Slot>>>();
  const visit = (node: unknown, path: Path, parent: YAMLMap | undefined) => {
    if (isScalar(node) && node.range) {
      const end = content.indexOf("\n", node.range[1]);
      const marker = MARKER.exec(content.slice(node.range[1], end < 0 ? undefined : end));
      if (!marker) return;
      const parts = marker[1]!.split(":");
      const part = parts.length > 2 ? parts.pop()! : "full";
      if (!["full", "name", "tag", "digest"].includes(part)) return;
      const key = parts.join(":");
      const slots = policies.get(key) ?? {};
      slots[part as "full"] ??= { node, path, parent };
      policies.set(key, slots);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : "?";
        visit(pair.value, [...path, key], node);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        visit(item, [...path, index], undefined);
      });
    }
  };
  visit(ctx.document.contents, [], undefined);
  const targets: Target[] = [];
  for (const slots of policies.values()) {
    if (slots.full) {
      const found = stringTarget(ctx, { node: slots.full.node }, slots.full.path, "flux-marker");
      if (found) targets.push(found);
    }
    const target = fluxParts(ctx, slots);
    if (target) targets.push(target);
  }
  return targets;
}

function fluxParts(
  ctx: FinderContext,
  slots: Partial<Record<"name" | "tag" | "digest", Slot>>,
): Target | undefined {
  const { content } = ctx.file;
  const primary = slots.tag ?? slots.digest;
  if (!primary) return undefined;
  let name = slots.name ? scalarText(content, slots.name.node) : undefined;
  if (!name && primary.parent) {
    const sibling = primary.parent.get("repository", true) as Node | undefined;
    name = isScalar(sibling) ? scalarText(content, sibling as Scalar) : undefined;
  }
  return partsTarget(ctx, name, { tag: slots.tag, digest: slots.digest }, "flux-marker", "a :digest setter");
}
