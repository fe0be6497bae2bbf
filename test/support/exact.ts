import { expect } from "vitest";

const lines = (text: string) => text.split(/(?<=\n)/);

/**
 * Asserts nothing changed outside lines `from`..`to` of `before` (1-based): every line above and below, with
 * its line ending, trailing spaces and comments, is byte-identical in `after` and in the same order.
 */
export function expectUnchangedOutside(before: string, after: string, from: number, to = from): void {
  const a = lines(before);
  const b = lines(after);
  expect(b.slice(0, from - 1).join("")).toBe(a.slice(0, from - 1).join(""));
  const below = a.slice(to).join("");
  expect(b.slice(b.length - (a.length - to)).join("")).toBe(below);
  expect(after.endsWith(below)).toBe(true);
}

/** The bytes that differ between two strings: the middle left after removing the common prefix and suffix. */
export function changedSpan(
  before: string,
  after: string,
): { start: number; removed: string; added: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return {
    start,
    removed: before.slice(start, before.length - end),
    added: after.slice(start, after.length - end),
  };
}
