import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../support/action.js";

interface Manifest {
  name: string;
  version: string;
  engines?: { node?: string };
  dependencies?: Record<string, string>;
}

const read = (file: string): Manifest => JSON.parse(readFileSync(file, "utf8"));
const ours = read(path.join(ROOT, "package.json"));

/** Bare package names a bundle entry reaches through static and dynamic imports of the sources. */
function packagesReached(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(
      /(?:^import(?! type)[^"]*?from |^export [^"]*?from |import\()"([^"]+)"/gm,
    )) {
      if (spec!.startsWith(".")) visit(path.resolve(path.dirname(file), spec!.replace(/\.js$/, ".ts")));
      else if (!spec!.startsWith("node:"))
        packages.add(
          spec!
            .split("/")
            .slice(0, spec!.startsWith("@") ? 2 : 1)
            .join("/"),
        );
    }
  };
  visit(path.join(ROOT, entry));
  return packages;
}

/** The packages those names install, and theirs, as npm resolved them. */
function closure(names: Iterable<string>): Manifest[] {
  const seen = new Map<string, Manifest>();
  const visit = (name: string, from: string) => {
    // Node's own lookup, without export maps (not every package exports its package.json).
    let file = "";
    for (let dir = from; !file; dir = path.dirname(dir)) {
      const candidate = path.join(dir, "node_modules", name, "package.json");
      if (existsSync(candidate)) file = candidate;
      else if (path.dirname(dir) === dir) throw new Error(`${name} is not installed below ${from}`);
    }
    if (seen.has(file)) return;
    const manifest = read(file);
    seen.set(file, manifest);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, path.dirname(file));
  };
  for (const name of names) visit(name, ROOT);
  return [...seen.values()];
}

const refusing = (packages: Manifest[], range: string) =>
  packages
    .filter((p) => p.engines?.node && !semver.subset(range, p.engines.node))
    .map((p) => `${p.name}@${p.version} needs node ${p.engines!.node}`);

describe("what the bundles contain", () => {
  it("runs the CLI on every Node version package.json promises", () => {
    const range = ours.engines?.node ?? "*";
    expect(semver.satisfies("20.0.0", range)).toBe(true);
    expect(refusing(closure(packagesReached("src/cli.ts")), range)).toEqual([]);
  });

  it.each(readdirSync(path.join(ROOT, "actions")))("runs %s on the Node its action.yml names", (name) => {
    const using = parse(readFileSync(path.join(ROOT, "actions", name, "action.yml"), "utf8")).runs.using;
    const node = `>=${/^node(\d+)$/.exec(using)![1]}`;
    expect(refusing(closure(packagesReached(`src/main/${name}.ts`)), node)).toEqual([]);
  });

  it("lists as dependencies exactly the packages the shipped code imports", () => {
    const reached = new Set([
      ...packagesReached("src/cli.ts"),
      ...readdirSync(path.join(ROOT, "actions")).flatMap((name) => [
        ...packagesReached(`src/main/${name}.ts`),
      ]),
    ]);
    expect(Object.keys(ours.dependencies ?? {}).sort()).toEqual([...reached].sort());
  });
});
