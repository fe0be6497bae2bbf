import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ROOT } from "../support/action.js";

// docs/compatibility.md against the action.yml files: every input and output of ours is listed exactly once with
// its kind, and every other column names only what that action declares.

/** The names the other actions' action.yml files declare (build-push-action v6, metadata-action v5, create-pull-request v7). */
const ANCHORS: Record<string, { input: string[]; output: string[]; complete: boolean; fed?: boolean }> = {
  "docker/build-push-action": {
    input: [
      "add-hosts",
      "allow",
      "annotations",
      "attests",
      "build-args",
      "build-contexts",
      "builder",
      "cache-from",
      "cache-to",
      "call",
      "cgroup-parent",
      "context",
      "file",
      "labels",
      "load",
      "network",
      "no-cache",
      "no-cache-filters",
      "outputs",
      "platforms",
      "provenance",
      "pull",
      "push",
      "sbom",
      "secrets",
      "secret-envs",
      "secret-files",
      "shm-size",
      "ssh",
      "tags",
      "target",
      "ulimit",
      "github-token",
    ],
    output: ["imageid", "digest", "metadata"],
    complete: true,
  },
  "docker/metadata-action": {
    input: [
      "context",
      "images",
      "tags",
      "flavor",
      "labels",
      "annotations",
      "sep-tags",
      "sep-labels",
      "sep-annotations",
      "bake-target",
      "github-token",
    ],
    output: [
      "version",
      "tags",
      "labels",
      "annotations",
      "json",
      "bake-file-tags",
      "bake-file-labels",
      "bake-file-annotations",
      "bake-file",
    ],
    complete: true,
  },
  "peter-evans/create-pull-request": {
    input: [
      "token",
      "branch-token",
      "path",
      "add-paths",
      "commit-message",
      "committer",
      "author",
      "signoff",
      "branch",
      "delete-branch",
      "branch-suffix",
      "base",
      "push-to-fork",
      "sign-commits",
      "title",
      "body",
      "body-path",
      "labels",
      "assignees",
      "reviewers",
      "team-reviewers",
      "milestone",
      "draft",
      "maintainer-can-modify",
    ],
    output: [
      "pull-request-number",
      "pull-request-url",
      "pull-request-operation",
      "pull-request-head-sha",
      "pull-request-branch",
    ],
    complete: true,
  },
  // A step after ours: its column names the inputs our outputs feed.
  "github/codeql-action/upload-sarif": { input: ["sarif_file"], output: [], complete: false, fed: true },
};

interface Row {
  ours: string | undefined;
  kind: "input" | "output";
  cells: Record<string, string[]>;
}

/** Each `## \`action\`` section's table: our name, its kind, and the names in every other column. */
function sections(markdown: string): Map<string, Row[]> {
  const found = new Map<string, Row[]>();
  let current: Row[] | undefined;
  let header: string[] = [];
  for (const line of markdown.split("\n")) {
    const heading = /^## `([^`]+)`$/.exec(line);
    if (heading) {
      current = [];
      header = [];
      found.set(heading[1]!, current);
      continue;
    }
    if (!current || !line.startsWith("|")) continue;
    const cells = line
      .slice(1, -1)
      .split(" | ")
      .map((cell) => cell.trim());
    if (header.length === 0) {
      header = cells;
      continue;
    }
    if (cells[0]!.startsWith("---")) continue;
    const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    const row: Row = { ours: names(cells[0]!)[0], kind: cells[1] as Row["kind"], cells: {} };
    header.slice(2, -1).forEach((column, index) => {
      row.cells[column] = names(cells[index + 2]!);
    });
    current.push(row);
  }
  return found;
}

const doc = sections(readFileSync(join(ROOT, "docs/compatibility.md"), "utf8"));

describe("docs/compatibility.md", () => {
  for (const action of ["build-push", "update-manifest-tag", "promote-env", "validate-manifests"]) {
    it(`lists every input and output of ${action} once, as its action.yml declares them`, () => {
      const yml = parse(readFileSync(join(ROOT, "actions", action, "action.yml"), "utf8")) as {
        inputs?: Record<string, unknown>;
        outputs?: Record<string, unknown>;
      };
      const declared = [
        ...Object.keys(yml.inputs ?? {}).map((name) => `input ${name}`),
        ...Object.keys(yml.outputs ?? {}).map((name) => `output ${name}`),
      ].sort();
      const rows = doc.get(action);
      expect(rows, `no section for ${action}`).toBeDefined();
      const listed = rows!.filter((row) => row.ours !== undefined).map((row) => `${row.kind} ${row.ours}`);
      expect(listed.sort()).toEqual(declared);
    });
  }

  it("names only what the other actions declare, and every name of the ones compared in full", () => {
    const seen = new Map<string, Set<string>>();
    for (const rows of doc.values()) {
      for (const row of rows) {
        expect(["input", "output"]).toContain(row.kind);
        for (const [column, names] of Object.entries(row.cells)) {
          const anchor = ANCHORS[column];
          if (!anchor) continue; // the notes column
          const kind = anchor.fed ? "input" : row.kind;
          for (const name of names) {
            expect(anchor[kind], `${column} has no ${kind} ${name}`).toContain(name);
            const key = `${column} ${kind}`;
            seen.set(key, (seen.get(key) ?? new Set()).add(name));
          }
        }
      }
    }
    for (const [column, anchor] of Object.entries(ANCHORS)) {
      if (!anchor.complete) continue;
      for (const kind of ["input", "output"] as const) {
        expect([...(seen.get(`${column} ${kind}`) ?? [])].sort(), `${column} ${kind}s`).toEqual(
          [...anchor[kind]].sort(),
        );
      }
    }
  });
});
