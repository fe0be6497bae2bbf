import { chmod, readdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/index.js";
import { localReader, planUpdate, resolvePaths, unifiedDiff } from "../../src/update/index.js";
import { copyFixture, FIXTURE } from "./repo.js";

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
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await copyFixture());
  });
  afterEach(() => cleanup());

  it("plans the changes for an environment's paths and reports what is missing", async () => {
    const plan = await planUpdate(
      localReader(dir),
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
      localReader(dir),
      ["apps/*/overlays/staging"],
      refs("ghcr.io/acme/web:1.4.2"),
    );
    expect(plan).toMatchObject({ changes: [], files: [], missing: [] });
  });

  it("fails as a whole on one malformed file, naming it", async () => {
    await writeFile(join(dir, "apps/web/overlays/dev/broken.yaml"), "a: [1,\nb: 2\n");
    await expect(
      planUpdate(localReader(dir), ["apps/*/overlays/dev"], refs("ghcr.io/acme/web:1.5.0")),
    ).rejects.toMatchObject({ location: { file: "apps/web/overlays/dev/broken.yaml" } });
  });

  it("refuses a symlink that leads out of the repository, and follows one that stays inside", async () => {
    await symlink(join(dir, "apps/web/base/deployment.yaml"), join(dir, "apps/web/overlays/dev/inside.yaml"));
    const inside = await planUpdate(
      localReader(dir),
      ["apps/web/overlays/dev"],
      refs("ghcr.io/acme/web:1.5.0"),
    );
    expect(inside.files.map((f) => f.path)).toContain("apps/web/overlays/dev/inside.yaml");
    await symlink("/etc/hostname", join(dir, "apps/web/overlays/dev/outside.yaml"));
    await expect(
      planUpdate(localReader(dir), ["apps/web/overlays/dev"], refs("ghcr.io/acme/web:1.5.0")),
    ).rejects.toThrow(/leaves the repository through a symlink/);
  });

  it("refuses an image without version, and one image given twice with different versions", async () => {
    await expect(planUpdate(localReader(dir), ["apps"], refs("ghcr.io/acme/web"))).rejects.toThrow(
      /no tag or digest/,
    );
    await expect(
      planUpdate(localReader(dir), ["apps"], refs("ghcr.io/acme/web:1", "ghcr.io/acme/web:2")),
    ).rejects.toThrow(/given twice/);
  });
});

describe("localReader.writeAll", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ dir, cleanup } = await copyFixture());
  });
  afterEach(() => cleanup());

  it("replaces files through renames, keeps their mode and leaves no temporary file", async () => {
    const path = "apps/worker/overlays/dev/cronjob.yaml";
    await chmod(join(dir, path), 0o640);
    await localReader(dir).writeAll([{ path, content: "new\n" }]);
    expect(await readFile(join(dir, path), "utf8")).toBe("new\n");
    expect((await stat(join(dir, path))).mode & 0o777).toBe(0o640);
    expect(await readdir(join(dir, "apps/worker/overlays/dev"))).toEqual(["cronjob.yaml"]);
  });

  it("writes nothing when one target cannot be written", async () => {
    const good = "apps/api/overlays/dev/values.yaml";
    const before = await readFile(join(dir, good), "utf8");
    // The second target's directory does not exist, so its temporary file cannot be created.
    const writes = localReader(dir).writeAll([
      { path: good, content: "changed\n" },
      { path: "apps/no-such-dir/new.yaml", content: "x\n" },
    ]);
    await expect(writes).rejects.toThrow();
    expect(await readFile(join(dir, good), "utf8")).toBe(before);
    expect((await readdir(join(dir, "apps/api/overlays/dev"))).sort()).toEqual(["values.yaml"]);
  });
});
