/**
 * A "billion laughs": ten levels of anchored lists, each holding ten aliases of the level below, so the last level
 * expands to 10^10 scalars. One level per line, indented by `indent`, to put under a key of a YAML file.
 */
export function aliasBomb(indent: string): string {
  const levels = [`${indent}l0: &l0 [x, x, x, x, x, x, x, x, x, x]`];
  for (let level = 1; level <= 9; level++) {
    levels.push(
      `${indent}l${level}: &l${level} [${Array(10)
        .fill(`*l${level - 1}`)
        .join(", ")}]`,
    );
  }
  return levels.join("\n");
}
