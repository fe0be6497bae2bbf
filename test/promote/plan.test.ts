import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { diffEnvironments, planPromotion } from "../../src/promote/plan.js";
import { localReader } from "../../src/update/index.js";
import { ROOT } from "../support/action.js";

const FIXTURE = path.join(ROOT, "test/fixtures/promote-repo");
const staging = { name: "staging", paths: ["apps/*/overlays/staging"] };
const production = { name: "production", paths: ["apps/*/overlays/production"] };
const WEB_NEW = "sha256:4b9a3e0f5c1d2e7a8b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
const WEB_OLD = "sha256:0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4";

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

async function repo(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "promote-plan-"));
  temps.push(dir);
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), content);
  }
  return dir;
}

const fixture = (file: string) => readFile(path.join(FIXTURE, file), "utf8");

describe("planPromotion", () => {
  it("gives each target app the source's versions, changing only the image bytes", async () => {
    const plan = await planPromotion(localReader(FIXTURE), staging, production);
    expect(plan.rows).toEqual([
      { app: "api", image: "ghcr.io/acme/api", from: "2.2.1", to: "2.3.0" },
      { app: "web", image: "ghcr.io/acme/web", from: `1.9@${WEB_OLD}`, to: `1.10@${WEB_NEW}` },
    ]);
    expect(plan.changes).toEqual([
      {
        file: "apps/api/overlays/production/deployment-patch.yaml",
        line: 11,
        image: "ghcr.io/acme/api",
        from: "2.2.1",
        to: "2.3.0",
      },
      {
        file: "apps/web/overlays/production/kustomization.yaml",
        line: 16,
        image: "ghcr.io/acme/web",
        from: `1.9@${WEB_OLD}`,
        to: `1.10@${WEB_NEW}`,
      },
    ]);
    const api = "apps/api/overlays/production/deployment-patch.yaml";
    const web = "apps/web/overlays/production/kustomization.yaml";
    expect(plan.files.map((f) => f.path)).toEqual([api, web]);
    expect(plan.files[0]!.after).toBe(
      (await fixture(api)).replace("'ghcr.io/acme/api:2.2.1'", "'ghcr.io/acme/api:2.3.0'"),
    );
    expect(plan.files[1]!.after).toBe(
      (await fixture(web)).replace('newTag: "1.9"', 'newTag: "1.10"').replace(WEB_OLD, WEB_NEW),
    );
    // The sidecar staging runs is not in production: reported, not added. The worker has no production yet.
    expect(plan.unreferenced).toEqual([
      { app: "api", image: "otel/opentelemetry-collector", version: "0.112.0" },
    ]);
    expect(plan.unpaired).toEqual([{ app: "worker", onlyIn: "staging" }]);
  });

  it("promotes a subset with the apps and images filters", async () => {
    const reader = localReader(FIXTURE);
    const apps = await planPromotion(reader, staging, production, { apps: ["api"] });
    expect(apps.rows.map((r) => r.app)).toEqual(["api"]);
    expect(apps.unpaired).toEqual([]);
    const images = await planPromotion(reader, staging, production, { images: ["ghcr.io/acme/web"] });
    expect(images.rows.map((r) => r.image)).toEqual(["ghcr.io/acme/web"]);
    const short = await planPromotion(reader, staging, production, { images: ["api"] });
    expect(short.rows.map((r) => r.image)).toEqual(["ghcr.io/acme/api"]);
  });

  it("refuses filters that match nothing, naming what exists", async () => {
    const reader = localReader(FIXTURE);
    await expect(planPromotion(reader, staging, production, { apps: ["worker"] })).rejects.toThrow(
      /app "worker" is not in both staging and production/,
    );
    await expect(
      planPromotion(reader, staging, production, { images: ["ghcr.io/acme/cart"] }),
    ).rejects.toThrow(/image filter "ghcr.io\/acme\/cart" matches no image in staging/);
  });

  it("is a no-op when the target already runs the source's versions", async () => {
    const reader = localReader(FIXTURE);
    const plan = await planPromotion(reader, production, production);
    expect(plan.changes).toEqual([]);
    expect(plan.rows).toEqual([]);
  });

  it("refuses two versions of one image in one source app, listing the candidates", async () => {
    const dir = await repo({
      "envs/staging/web/kustomization.yaml": "images:\n  - name: ghcr.io/acme/web\n    newTag: 1.4.2\n",
      "envs/staging/web/job.yaml":
        "apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n        - name: migrate\n          image: ghcr.io/acme/web:1.4.1\n",
      "envs/production/web/kustomization.yaml": "images:\n  - name: ghcr.io/acme/web\n    newTag: 1.4.0\n",
    });
    const error = await planPromotion(
      localReader(dir),
      { name: "staging", paths: ["envs/staging/*"] },
      { name: "production", paths: ["envs/production/*"] },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      "app web in staging runs ghcr.io/acme/web at 2 different versions, so which one to promote is ambiguous:\n" +
        "    envs/staging/web/job.yaml:8: ghcr.io/acme/web:1.4.1\n" +
        "    envs/staging/web/kustomization.yaml:3: ghcr.io/acme/web:1.4.2",
    );
  });

  it("promotes a filtered image even when another image of the app is ambiguous", async () => {
    const dir = await repo({
      "envs/staging/web/kustomization.yaml":
        "images:\n  - name: ghcr.io/acme/web\n    newTag: 1.4.2\n  - name: ghcr.io/acme/migrate\n    newTag: 2.0.0\n",
      "envs/staging/web/job.yaml":
        "apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n        - name: migrate\n          image: ghcr.io/acme/migrate:1.9.0\n",
      "envs/production/web/kustomization.yaml":
        "images:\n  - name: ghcr.io/acme/web\n    newTag: 1.4.0\n  - name: ghcr.io/acme/migrate\n    newTag: 1.8.0\n",
    });
    const plan = await planPromotion(
      localReader(dir),
      { name: "staging", paths: ["envs/staging/*"] },
      { name: "production", paths: ["envs/production/*"] },
      { images: ["web"] },
    );
    expect(plan.rows).toEqual([{ app: "web", image: "ghcr.io/acme/web", from: "1.4.0", to: "1.4.2" }]);
    expect(plan.files[0]!.after).toBe(
      "images:\n  - name: ghcr.io/acme/web\n    newTag: 1.4.2\n  - name: ghcr.io/acme/migrate\n    newTag: 1.8.0\n",
    );
  });

  it("pairs environments whose paths have no wildcard as one app", async () => {
    const dir = await repo({
      "staging/values.yaml": "frontend:\n  image:\n    repository: ghcr.io/acme/web\n    tag: 2.0.0\n",
      "production/values.yaml":
        "frontend:\n  replicas: 3\n  image:\n    repository: ghcr.io/acme/web\n    tag: 1.0.0\n",
    });
    const plan = await planPromotion(
      localReader(dir),
      { name: "staging", paths: ["staging"] },
      { name: "production", paths: ["production"] },
    );
    expect(plan.rows).toEqual([{ app: "(all)", image: "ghcr.io/acme/web", from: "1.0.0", to: "2.0.0" }]);
    expect(plan.files[0]!.after).toBe(
      "frontend:\n  replicas: 3\n  image:\n    repository: ghcr.io/acme/web\n    tag: 2.0.0\n",
    );
  });
});

describe("diffEnvironments", () => {
  it("lists, per app, the images whose versions differ or exist on one side only", async () => {
    const result = await diffEnvironments(localReader(FIXTURE), staging, production);
    expect(result.apps).toBe(3);
    expect(result.differences).toEqual([
      { app: "api", image: "ghcr.io/acme/api", versions: [["2.3.0"], ["2.2.1"]] },
      { app: "api", image: "otel/opentelemetry-collector", versions: [["0.112.0"], []] },
      { app: "web", image: "ghcr.io/acme/web", versions: [[`1.10@${WEB_NEW}`], [`1.9@${WEB_OLD}`]] },
      { app: "worker", image: "ghcr.io/acme/worker", versions: [["0.4.0"], []] },
    ]);
  });
});
