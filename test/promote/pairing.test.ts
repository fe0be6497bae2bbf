import { describe, expect, it } from "vitest";
import { appOf, inPaths } from "../../src/promote/pairing.js";

describe("appOf", () => {
  it.each([
    [["apps/*/overlays/production"], "apps/web/overlays/production/kustomization.yaml", "web"],
    [["apps/*/overlays/production"], "apps/web/overlays/production/patches/cpu.yaml", "web"],
    [["clusters/*/apps/*/prod"], "clusters/eu-1/apps/web/prod/values.yaml", "eu-1/web"],
    // A wildcard in the last segment selects files, it does not name an app.
    [["envs/prod/**"], "envs/prod/team-a/web/values.yaml", "(all)"],
    [["apps/*/overlays/production/*.yaml"], "apps/api/overlays/production/deployment.yaml", "api"],
    [["production"], "production/values.yaml", "(all)"],
    [["./apps/*/prod/"], "apps/web/prod/values.yaml", "web"],
    [["apps/*/overlays/production"], "apps/web/overlays/staging/kustomization.yaml", undefined],
    [["apps/*/overlays/production"], "apps/web/overlays/production-old/kustomization.yaml", undefined],
  ])("%j names the app of %s: %s", (patterns, file, app) => {
    expect(appOf(file, patterns)).toBe(app);
    expect(inPaths(file, patterns)).toBe(app !== undefined);
  });
});
