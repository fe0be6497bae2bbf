import { isMap, isPair, isScalar, isSeq, type Node, type Scalar } from "yaml";

/** A key that repeats an earlier key of the same mapping, and that earlier key. */
export interface DuplicateKey {
  /** The key as text, for messages. */
  key: string;
  /** Offset where the repeated key starts, and where the first one does. */
  offset: number;
  firstOffset: number;
}

/**
 * The repeated keys of every mapping under `root`, in document order. The `yaml` package's own check compares each
 * new key with every earlier one, which turns a 10 MB mapping into minutes of work; this is the same rule (scalar
 * keys with equal values; other keys never compare equal) with one set per mapping, so it is linear in the size of
 * the document. The walk keeps its own stack: deep nesting cannot overflow the call stack.
 */
export function duplicateKeys(root: unknown): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: unknown[] = [root];
  const seenNodes = new Set<unknown>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== "object" || seenNodes.has(node)) continue;
    seenNodes.add(node);
    if (isMap(node)) {
      const first = new Map<string, Scalar>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (isScalar(key)) {
          const identity = keyIdentity(key.value);
          const earlier = identity === undefined ? undefined : first.get(identity);
          if (earlier) {
            found.push({
              key: String(key.value),
              offset: key.range?.[0] ?? 0,
              firstOffset: earlier.range?.[0] ?? 0,
            });
          } else if (identity !== undefined) first.set(identity, key);
        } else stack.push(key);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Equal for values `===` would call equal (the parser's own rule), so `1` and `"1"` stay different keys. */
function keyIdentity(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isNaN(value)) return undefined;
  if (value !== null && typeof value === "object") return undefined;
  return `${typeof value}:${String(value)}`;
}
