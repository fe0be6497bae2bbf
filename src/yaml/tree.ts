import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  visit,
  type YAMLMap,
} from "yaml";
import { UserError } from "../errors.js";
import { type Position, positionOf, type YamlFile } from "./document.js";

/** A node reached while walking a document; `anchor` is set when the way there went through an alias. */
export interface Reached<T = Node> {
  node: T;
  /** Where the anchored node starts. */
  anchor?: Position;
  /** Where the first alias on the way (`*name`, or a `<<` merge) was used. */
  alias?: Position;
}

/** Follows an alias to its anchored node, remembering where the anchor is (edits there would change every use). */
export function deref(
  file: YamlFile,
  document: Document.Parsed,
  node: unknown,
  parent?: Pick<Reached, "anchor" | "alias">,
): Reached | undefined {
  if (isAlias(node)) {
    const target = node.resolve(document) as Node | undefined;
    if (!target) return undefined;
    if (parent?.anchor) return { node: target, anchor: parent.anchor, alias: parent.alias };
    return {
      node: target,
      anchor: positionOf(file, target.range?.[0] ?? 0),
      alias: positionOf(file, node.range?.[0] ?? 0),
    };
  }
  if (node === null || node === undefined) return undefined;
  return { node: node as Node, anchor: parent?.anchor, alias: parent?.alias };
}

export interface Entry {
  key: string;
  pair: Pair;
  value: Reached | undefined;
  /** The map the pair lives in (a merged map when reached through `<<`). */
  map: YAMLMap;
}

export function keyOf(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key) && (typeof key.value === "string" || typeof key.value === "number"))
    return String(key.value);
  return undefined;
}

/**
 * The entries of a map as a reader sees them: its own keys first, then keys merged in with `<<: *anchor`
 * (those count as reached through an alias). Later duplicates are ignored, as YAML readers keep the first.
 */
export function entries(file: YamlFile, document: Document.Parsed, reached: Reached<YAMLMap>): Entry[] {
  return mapEntries(file, document, reached, new Set());
}

/** `entries` with the maps being merged so far: a map that merges itself (`&a {<<: *a}`) must not loop forever. */
function mapEntries(
  file: YamlFile,
  document: Document.Parsed,
  reached: Reached<YAMLMap>,
  merging: Set<YAMLMap>,
): Entry[] {
  merging.add(reached.node);
  const out: Entry[] = [];
  const seen = new Set<string>();
  const merges: Reached[] = [];
  for (const pair of reached.node.items) {
    const key = keyOf(pair);
    if (key === undefined) continue;
    if (key === "<<" && !(isScalar(pair.key) && pair.key.type !== "PLAIN")) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const target = deref(file, document, source, reached);
        if (target) merges.push(target);
      }
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ key, pair, value: deref(file, document, pair.value, reached), map: reached.node });
  }
  for (const merged of merges) {
    if (!isMap(merged.node) || merging.has(merged.node)) continue;
    for (const entry of mapEntries(file, document, merged as Reached<YAMLMap>, merging)) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      out.push(entry);
    }
  }
  merging.delete(reached.node);
  return out;
}

export function get(
  file: YamlFile,
  document: Document.Parsed,
  map: Reached<YAMLMap>,
  key: string,
): Entry | undefined {
  return entries(file, document, map).find((entry) => entry.key === key);
}

export function asMap(reached: Reached | undefined): Reached<YAMLMap> | undefined {
  return reached && isMap(reached.node) ? (reached as Reached<YAMLMap>) : undefined;
}

export function items(file: YamlFile, document: Document.Parsed, reached: Reached | undefined): Reached[] {
  if (!reached || !isSeq(reached.node)) return [];
  const out: Reached[] = [];
  for (const item of reached.node.items) {
    const target = deref(file, document, item, reached);
    if (target) out.push(target);
  }
  return out;
}

/** True when the node sits in a flow collection (`[a, b]`, `{k: v}`), where `,[]{}` need quoting. */
export function isFlow(node: Node | undefined): boolean {
  return Boolean(node && (isMap(node) || isSeq(node)) && node.flow);
}

/** An anchored node that aliases point at, with where each alias (or `<<` merge) uses it. */
export interface AnchorUse {
  name: string;
  start: number;
  end: number;
  at: Position;
  uses: Position[];
}

/** Every anchor that is used through an alias in a document; editing inside one changes all of its uses. */
export function anchorUses(file: YamlFile, document: Document.Parsed): AnchorUse[] {
  const found = new Map<Node, AnchorUse>();
  visit(document, {
    Alias(_, alias) {
      const target = alias.resolve(document) as Node | undefined;
      if (!target?.range) return;
      let use = found.get(target);
      if (!use) {
        use = {
          name: alias.source,
          start: target.range[0],
          end: target.range[2],
          at: positionOf(file, target.range[0]),
          uses: [],
        };
        found.set(target, use);
      }
      use.uses.push(positionOf(file, alias.range?.[0] ?? 0));
    },
  });
  return [...found.values()];
}

/** Repeated visits one walk may make: far above any real manifest, far below what nested aliases can expand to. */
const MAX_WALK_VISITS = 100_000;

/**
 * Guards a recursive walk that follows aliases. A node that contains an alias to itself (`&a {b: *a}`) would be
 * walked forever, and aliases of aliases (`&b [*a, *a]`, `&c [*b, *b]`, …) double the work at every level: `enter`
 * skips a node already on the current path and stops the walk with a UserError once the expansion is absurd. Only
 * visits of a node already walked count: a first visit is bounded by the file's size, so a large file without
 * aliases is walked whole.
 */
export function aliasWalkGuard(file: YamlFile): { enter(node: Node): boolean; leave(node: Node): void } {
  const onPath = new Set<Node>();
  const walked = new Set<Node>();
  let repeats = 0;
  return {
    enter(node) {
      if (onPath.has(node)) return false;
      if (walked.has(node)) {
        if (++repeats > MAX_WALK_VISITS) {
          const { line, column } = positionOf(file, node.range?.[0] ?? 0);
          throw new UserError(`aliases in this file expand to more than ${MAX_WALK_VISITS} nodes`, {
            file: file.path,
            line,
            column,
            hint: "Replace nested aliases (*name) with the values they stand for; nothing was changed.",
          });
        }
      } else walked.add(node);
      onPath.add(node);
      return true;
    },
    leave(node) {
      onPath.delete(node);
    },
  };
}
