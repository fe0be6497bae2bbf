import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { layoutProblems } from "./check.js";
import { importGraph, type SourceFile } from "./graph.js";
import { ADAPTERS, LAYERS, TRANSPORT_PAIRS } from "./rules.js";

const root = path.resolve(import.meta.dirname, "../..");
let graph: SourceFile[] | undefined;
/** The graph of src/ as it is now, read once for the tests that need it. */
const sources = () => (graph ??= importGraph(root));

/** A source file as the graph would read it, for checking that each rule catches what it should. */
function file(
  name: string,
  imports: [specifier: string, target?: string, typeOnly?: boolean][],
  extra: Partial<SourceFile> = {},
): SourceFile {
  return {
    file: name,
    text: "",
    lines: 10,
    envReads: [],
    imports: imports.map(([specifier, target, typeOnly = false]) => ({
      specifier,
      target,
      typeOnly,
      line: 1,
    })),
    ...extra,
  };
}

describe("the layout of src/ (docs/architecture.md)", () => {
  it("holds: layers, ports, packages, process.env, no cycles, no file over 500 lines", () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(100);
    expect(layoutProblems(files)).toEqual([]);
  });

  it("finds the imports of every form the code uses", () => {
    const files = sources();
    const find = (name: string) => files.find((f) => f.file === name)!;
    // A lazy `import()` of an entry's work, a `export … from` re-export, and an `import type`.
    expect(
      find("src/actions/promote-env.ts").imports.some((i) => i.target === "src/actions/promote-env.work.ts"),
    ).toBe(true);
    expect(
      find("src/actions/promote-env.work.ts").imports.some((i) => i.target === "src/flows/gate.ts"),
    ).toBe(true);
    const ports = find("src/git/commit-reader.ts").imports.find((i) => i.target === "src/flows/ports.ts");
    expect(ports?.typeOnly).toBe(true);
    expect(find("src/process/env.ts").envReads.length).toBeGreaterThan(0);
  });

  it("refuses a core module that imports a flow, a transport or an entry", () => {
    const problems = layoutProblems([
      file("src/promote/plan.ts", [
        ["../flows/gate.js", "src/flows/gate.ts"],
        ["../github/pulls.js", "src/github/pulls.ts"],
        ["../actions/runtime.js", "src/actions/runtime.ts"],
      ]),
    ]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(
      /^src\/promote\/plan\.ts:1: imports src\/flows\/gate\.ts: core code .* may not import flow code/,
    );
    expect(problems[1]).toMatch(/may not import transport code/);
    expect(problems[2]).toMatch(/may not import entry code/);
  });

  it("refuses a flow that builds requests, runs git, speaks the runner protocol or imports an entry", () => {
    const problems = layoutProblems([
      file("src/flows/propose.ts", [
        ["../github/pulls.js", "src/github/pulls.ts"],
        ["@octokit/core"],
        ["node:child_process"],
        ["@actions/core"],
        ["../commands/gate.js", "src/commands/gate.ts"],
        ["../github/client.js", "src/github/client.ts"],
      ]),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(
        /imports src\/github\/pulls\.ts: a flow may reach a transport only through the port implementations/,
      ),
      expect.stringMatching(/imports @octokit\/core, allowed only in src\/github\//),
      expect.stringMatching(/imports node:child_process, allowed only in src\/git\//),
      expect.stringMatching(/imports @actions\/core, allowed only in entry/),
      expect.stringMatching(/imports src\/commands\/gate\.ts: flow code .* may not import entry code/),
      expect.stringMatching(
        /imports src\/github\/client\.ts: a flow may import src\/github\/client\.ts only as a type/,
      ),
    ]);
    // The same flow over a port implementation, and the client as a type, is fine.
    expect(
      layoutProblems([
        file("src/flows/propose.ts", [
          ["../github/config-repository.js", "src/github/config-repository.ts"],
          ["../github/client.js", "src/github/client.ts", true],
        ]),
      ]),
    ).toEqual([]);
  });

  it("refuses a transport that imports a flow other than the ports' types, or another transport", () => {
    const problems = layoutProblems([
      file("src/git/working-tree.ts", [
        ["../flows/update.js", "src/flows/update.ts"],
        ["../flows/ports.js", "src/flows/ports.ts"],
        ["../flows/ports.js", "src/flows/ports.ts", true],
        ["../github/pull-request-writer.js", "src/github/pull-request-writer.ts"],
      ]),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(
        /imports src\/flows\/update\.ts: a transport may import from the flows only the ports/,
      ),
      expect.stringMatching(
        /imports src\/flows\/ports\.ts: a transport may import from the flows only the ports/,
      ),
      expect.stringMatching(/transport src\/git\/ may not use transport src\/github\//),
    ]);
  });

  it("refuses process.env outside the entries, and src/process/ in core or flows", () => {
    const problems = layoutProblems([
      file("src/update/plan.ts", [["../process/env.js", "src/process/env.ts"]], { envReads: [7] }),
      file("src/flows/update.ts", [["../process/env.js", "src/process/env.ts"]]),
      file("src/actions/update-manifest-tag.ts", [], { envReads: [3] }),
    ]);
    expect(problems).toEqual([
      expect.stringMatching(
        /^src\/update\/plan\.ts:1: imports src\/process\/env\.ts: only entries and transports/,
      ),
      expect.stringMatching(/^src\/update\/plan\.ts:7: reads process\.env/),
      expect.stringMatching(/^src\/flows\/update\.ts:1: imports src\/process\/env\.ts/),
    ]);
  });

  it("refuses an import cycle, a file over 500 lines and a folder that belongs to no layer", () => {
    const problems = layoutProblems([
      file("src/manifests/index.ts", [["./mentions.js", "src/manifests/mentions.ts", true]]),
      file("src/manifests/mentions.ts", [["./index.js", "src/manifests/index.ts"]], { lines: 501 }),
      file("src/validate/schemas/kinds.ts", [], { lines: 9000 }),
      file("src/delivery/github.ts", []),
    ]);
    expect(problems).toEqual([
      "src/manifests/mentions.ts: 501 lines, over 500; split it by what its parts do",
      expect.stringMatching(/^src\/delivery\/github\.ts: belongs to no layer/),
      "import cycle among src/manifests/index.ts, src/manifests/mentions.ts",
    ]);
  });

  it("is the map docs/architecture.md draws: every folder of the table and every port implementation named", () => {
    const doc = readFileSync(path.join(root, "docs/architecture.md"), "utf8");
    const named = (p: string) => doc.includes(`\`${p}\``) || doc.includes(`\`${p.replace(/^src\//, "")}\``);
    const missing = [
      ...LAYERS.flatMap((layer) => layer.paths),
      ...ADAPTERS.map((adapter) => adapter.file),
      ...TRANSPORT_PAIRS.flat(),
    ].filter((p) => !named(p) && !named(p.replace(/\/$/, "")));
    expect(missing).toEqual([]);
  });
});
