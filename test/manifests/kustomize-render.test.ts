import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/index.js";
import { updateFile } from "../../src/manifests/index.js";
import { hasComponent } from "../support/components.js";
import { useFixtureRepo } from "../update/repo.js";

const D9 = `sha256:${"9".repeat(64)}`;

async function render(dir: string, overlay: string): Promise<string> {
  const { stdout } = await promisify(execFile)("kubectl", ["kustomize", join(dir, overlay)]);
  return stdout;
}

async function edit(dir: string, path: string, image: string): Promise<void> {
  const before = await readFile(join(dir, path), "utf8");
  await writeFile(join(dir, path), updateFile(path, before, [parseImageRef(image)]).content);
}

/** What kustomize itself makes of the edited files: the rendered image, and nothing else different. */
describe.skipIf(!hasComponent("kubectl", ["version", "--client"]))(
  "kubectl kustomize renders the edits",
  () => {
    const repo = useFixtureRepo();

    it("tag@digest on a CRLF overlay with a digest renders name:tag@digest", async () => {
      const overlay = "apps/web/overlays/production";
      const before = await render(repo.dir, overlay);
      expect(before).toContain(`image: ghcr.io/acme/web:1.4.0@sha256:${"1".repeat(64)}`);
      await edit(repo.dir, `${overlay}/kustomization.yaml`, `ghcr.io/acme/web:1.5.0@${D9}`);
      const after = await render(repo.dir, overlay);
      expect(after).toBe(before.replace(`web:1.4.0@sha256:${"1".repeat(64)}`, `web:1.5.0@${D9}`));
    });

    it("a tag-only update drops the pinned digest so the new tag is what runs", async () => {
      const overlay = "apps/web/overlays/production";
      const before = await render(repo.dir, overlay);
      await edit(repo.dir, `${overlay}/kustomization.yaml`, "ghcr.io/acme/web:1.5.0");
      expect(await render(repo.dir, overlay)).toBe(
        before.replace(`web:1.4.0@sha256:${"1".repeat(64)}`, "web:1.5.0"),
      );
    });

    it("an inserted newTag in a flow entry and a quoted number-like tag render as strings", async () => {
      const overlay = "apps/web/overlays/dev";
      const path = `${overlay}/kustomization.yaml`;
      const text = await readFile(join(repo.dir, path), "utf8");
      await writeFile(
        join(repo.dir, path),
        text.replace(
          "  - name: ghcr.io/acme/web\n    newTag: 1.4.2   # set by update-tag\n",
          "  - {name: ghcr.io/acme/web}\n",
        ),
      );
      const before = await render(repo.dir, overlay);
      await edit(repo.dir, path, "ghcr.io/acme/web:1.10");
      expect(await readFile(join(repo.dir, path), "utf8")).toContain(
        '- {name: ghcr.io/acme/web, newTag: "1.10"}',
      );
      expect(await render(repo.dir, overlay)).toBe(
        before.replace("ghcr.io/acme/web:1.0.0", "ghcr.io/acme/web:1.10"),
      );
    });
  },
);
