import { chmod, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { parseImageRef } from "../../src/image/index.js";
import { localReader, planUpdate, resolvePaths, unifiedDiff } from "../../src/update/index.js";
import { FIXTURE, useFixtureRepo } from "./repo.js";

const refs = (...texts: string[]) => texts.map((text) => parseImageRef(text));

describe("resolvePaths", () => {
  const reader = localReader(FIXTURE);

  it("expands globs to the manifest files of matching directories", async () => {
    expect(await resolvePaths(reader, ["apps/*/overlays/dev"])).toEqual([
      "apps/api/overlays/dev/values.yaml",
      "apps/web/overlays/dev/kustomization.yaml",
      "apps/worker/overlays/dev/cronjob.yaml",
    ]);
  });

  it("reads a glob written with a trailing slash or a leading ./ as the same directories", async () => {
    const expected = await resolvePaths(reader, ["apps/*/overlays/dev"]);
    expect(await resolvePaths(reader, ["apps/*/overlays/dev/"])).toEqual(expected);
    expect(await resolvePaths(reader, ["./apps/*/overlays/dev//"])).toEqual(expected);
  });

  it("takes files, directories and file globs, de-duplicated and sorted", async () => {
    expect(
      await resolvePaths(reader, [
        "apps/web/base",
        "apps/web/base/deployment.yaml",
        "apps/api/**/values.yaml",
      ]),
    ).toEqual([
      "apps/api/overlays/dev/values.yaml",
      "apps/api/overlays/production/values.yaml",
      "apps/api/overlays/staging/values.yaml",
      "apps/web/base/deployment.yaml",
      "apps/web/base/kustomization.yaml",
    ]);
  });

  it("skips hidden directories when walking the root", async () => {
    const all = await resolvePaths(reader, ["."]);
    expect(all).toContain("gitops-pipeline.yaml");
    expect(all.some((path) => path.startsWith(".github/"))).toBe(false);
  });

  it("refuses paths that leave the repository through '..' or are absolute", async () => {
    await expect(resolvePaths(reader, ["apps/../../etc"])).rejects.toThrow(
      /leaves the repository through '\.\.'/,
    );
    await expect(resolvePaths(reader, ["../*/x"])).rejects.toThrow(/leaves the repository/);
    await expect(resolvePaths(reader, ["/etc/passwd"])).rejects.toThrow(/absolute/);
  });

  it("refuses a pattern that matches nothing", async () => {
    await expect(resolvePaths(reader, ["apps/*/overlays/qa"])).rejects.toThrow(/matches no YAML files/);
  });
});

describe("planUpdate on a copy of the fixture repository", () => {
  const repo = useFixtureRepo();

  it("plans the changes for an environment's paths and reports what is missing", async () => {
    const plan = await planUpdate(
      localReader(repo.dir),
      ["apps/*/overlays/dev"],
      refs("ghcr.io/acme/web:1.5.0", "ghcr.io/acme/api:2.4.0", "ghcr.io/acme/nope:1"),
    );
    expect(plan.changes).toEqual([
      {
        file: "apps/api/overlays/dev/values.yaml",
        line: 6,
        image: "ghcr.io/acme/api",
        from: "2.3.1",
        to: "2.4.0",
      },
      {
        file: "apps/web/overlays/dev/kustomization.yaml",
        line: 11,
        image: "ghcr.io/acme/web",
        from: "1.4.2",
        to: "1.5.0",
      },
    ]);
    expect(plan.files.map((f) => f.path)).toEqual([
      "apps/api/overlays/dev/values.yaml",
      "apps/web/overlays/dev/kustomization.yaml",
    ]);
    expect(plan.files[0]!.after).toBe(plan.files[0]!.before.replace("tag: '2.3.1'", "tag: '2.4.0'"));
    expect(plan.missing.map((m) => m.repository)).toEqual(["acme/nope"]);
    expect(unifiedDiff(plan.files)).toContain(
      "-    newTag: 1.4.2   # set by update-tag\n+    newTag: 1.5.0   # set by update-tag\n",
    );
  });

  it("is empty when everything is already at the requested version", async () => {
    const plan = await planUpdate(
      localReader(repo.dir),
      ["apps/*/overlays/staging"],
      refs("ghcr.io/acme/web:1.4.2"),
    );
    expect(plan).toMatchObject({ changes: [], files: [], missing: [] });
  });

  it("fails as a whole on one malformed file, naming it", async () => {
    await writeFile(join(repo.dir, "apps/web/overlays/dev/broken.yaml"), "a: [1,\nb: 2\n");
    await expect(
      planUpdate(localReader(repo.dir), ["apps/*/overlays/dev"], refs("ghcr.io/acme/web:1.5.0")),
    ).rejects.toMatchObject({ location: { file: "apps/web/overlays/dev/broken.yaml" } });
  });

  it("refuses a symlink that leads out of the repository, and follows one that stays inside", async () => {
    await symlink(
      join(repo.dir, "apps/web/base/deployment.yaml"),
      join(repo.dir, "apps/web/overlays/dev/inside.yaml"),
    );
    const inside = await planUpdate(
      localReader(repo.dir),
      ["apps/web/overlays/dev"],
      refs("ghcr.io/acme/web:1.5.0"),
    );
    expect(inside.files.map((f) => f.path)).toContain("apps/web/overlays/dev/inside.yaml");
    await symlink("/etc/hostname", join(repo.dir, "apps/web/overlays/dev/outside.yaml"));
    await expect(
      planUpdate(localReader(repo.dir), ["apps/web/overlays/dev"], refs("ghcr.io/acme/web:1.5.0")),
    ).rejects.toThrow(/leaves the repository through a symlink/);
  });

  it("refuses an image without version, and one image given twice with different versions", async () => {
    await expect(planUpdate(localReader(repo.dir), ["apps"], refs("ghcr.io/acme/web"))).rejects.toThrow(
      /no tag or digest/,
    );
    await expect(
      planUpdate(localReader(repo.dir), ["apps"], refs("ghcr.io/acme/web:1", "ghcr.io/acme/web:2")),
    ).rejects.toThrow(/given twice/);
  });
});

describe("localReader.writeAll", () => {
  const repo = useFixtureRepo();

  it("replaces files through renames, keeps their mode and leaves no temporary file", async () => {
    const path = "apps/worker/overlays/dev/cronjob.yaml";
    await chmod(join(repo.dir, path), 0o640);
    await localReader(repo.dir).writeAll([{ path, content: "new\n" }]);
    expect(await readFile(join(repo.dir, path), "utf8")).toBe("new\n");
    expect((await stat(join(repo.dir, path))).mode & 0o777).toBe(0o640);
    expect(await readdir(join(repo.dir, "apps/worker/overlays/dev"))).toEqual(["cronjob.yaml"]);
  });

  it("writes nothing when one target cannot be written", async () => {
    const good = "apps/api/overlays/dev/values.yaml";
    const before = await readFile(join(repo.dir, good), "utf8");
    // The second target's directory does not exist, so its temporary file cannot be created.
    const writes = localReader(repo.dir).writeAll([
      { path: good, content: "changed\n" },
      { path: "apps/no-such-dir/new.yaml", content: "x\n" },
    ]);
    await expect(writes).rejects.toThrow();
    expect(await readFile(join(repo.dir, good), "utf8")).toBe(before);
    expect((await readdir(join(repo.dir, "apps/api/overlays/dev"))).sort()).toEqual(["values.yaml"]);
  });

  it("writes nothing when one target is a directory, and says which", async () => {
    const good = "apps/api/overlays/dev/values.yaml";
    const before = await readFile(join(repo.dir, good), "utf8");
    const listing = (await readdir(join(repo.dir, "apps/worker/overlays"))).sort();
    const writes = localReader(repo.dir).writeAll([
      { path: good, content: "changed\n" },
      { path: "apps/worker/overlays/dev", content: "x\n" },
    ]);
    await expect(writes).rejects.toThrow('"apps/worker/overlays/dev" is not a regular file');
    expect(await readFile(join(repo.dir, good), "utf8")).toBe(before);
    expect((await readdir(join(repo.dir, "apps/api/overlays/dev"))).sort()).toEqual(["values.yaml"]);
    expect((await readdir(join(repo.dir, "apps/worker/overlays"))).sort()).toEqual(listing);
  });
});

/** Leaf paths whose values differ between two parsed YAML streams. */
function changedLeaves(a: unknown, b: unknown, path = ""): string[] {
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((key) =>
      changedLeaves(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}/${key}`,
      ),
    );
  }
  return Object.is(a, b) ? [] : [path];
}

describe("what the edited files mean", () => {
  const repo = useFixtureRepo();

  it("reads back, under YAML 1.1 and 1.2, as the same data except the image fields", async () => {
    const plan = await planUpdate(
      localReader(repo.dir),
      ["."],
      refs(
        "ghcr.io/acme/web:1.10",
        "ghcr.io/acme/api:on",
        `ghcr.io/acme/worker:1e3@sha256:${"f".repeat(64)}`,
      ),
    );
    expect(plan.files).toHaveLength(8);
    for (const { path, before, after } of plan.files) {
      for (const version of ["1.1", "1.2"] as const) {
        const read = (text: string) => parseAllDocuments(text, { version }).map((doc) => doc.toJS());
        const leaves = changedLeaves(read(before), read(after));
        expect(leaves.length, path).toBeGreaterThan(0);
        for (const leaf of leaves) expect(leaf, path).toMatch(/\/(newTag|digest|tag|image)$/);
      }
    }
  });
});
