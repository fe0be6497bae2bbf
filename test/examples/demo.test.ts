import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hasComponent } from "../support/components.js";

const root = path.resolve(import.meta.dirname, "../..");

/** `npm run demo` without npm: the same script, with the same Node that runs the tests. */
function runDemo(env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [path.join(root, "scripts/demo.mjs")], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
    env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const canBuild =
  hasComponent("buildah") && hasComponent("podman") && hasComponent("docker-registry", ["--version"]);

describe("npm run demo", () => {
  let demo: ReturnType<typeof runDemo>;
  beforeAll(() => {
    demo = runDemo();
  }, 60_000);

  it("runs to the end without an error", () => {
    expect(demo.stderr).toBe("");
    expect(demo.code).toBe(0);
    expect(demo.stdout).not.toContain("not available yet");
  });

  it.runIf(hasComponent("kubectl", ["version", "--client"]))(
    "validates the example repository without errors",
    () => {
      expect(demo.stdout).toContain("$ gitops-pipeline validate .");
      expect(demo.stdout).toContain("✔ no errors");
    },
  );

  it.runIf(canBuild)("builds and pushes an image to a local registry and uses the registry's digest", () => {
    // The image comes from the shipped build-push bundle, not from a builder run beside it.
    expect(demo.stdout).toMatch(/built and pushed with the build-push action \((buildah|podman)\)/);
    const digest = /digest \(read back from the registry\): (sha256:[0-9a-f]{64})/.exec(demo.stdout)?.[1];
    expect(digest).toBeDefined();
    expect(demo.stdout).toContain(`--env dev --image ghcr.io/acme/guestbook-frontend:`);
    expect(demo.stdout).toContain(`+    digest: ${digest}`);
  });

  it("bumps dev as a diff of the tag and digest only, and commits it", () => {
    const bump = demo.stdout.slice(demo.stdout.indexOf("Bump dev"), demo.stdout.indexOf("Compare dev"));
    expect(bump).toContain("apps/guestbook/overlays/dev/kustomization.yaml");
    const changed = bump.split("\n").filter((line) => /^ {4}[-+] /.test(line));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((line) => /^ {4}[-+] {4}(newTag|digest): /.test(line))).toBe(true);
    expect(bump).toMatch(/committed to main as [0-9a-f]{7}/);
  });

  it("compares dev with staging, then promotes staging and merges it", () => {
    const compare = demo.stdout.slice(demo.stdout.indexOf("Compare dev"), demo.stdout.indexOf("Promote dev"));
    expect(compare).toContain("guestbook");
    expect(compare).toContain("sha-5e1a7c0");
    const staging = demo.stdout.slice(
      demo.stdout.indexOf("Promote dev"),
      demo.stdout.indexOf("Promote staging"),
    );
    expect(staging).toContain("apps/guestbook/overlays/staging/kustomization.yaml");
    expect(staging).toContain("merged into main");
  });

  it("ends with production waiting for approval, and says why", () => {
    const production = demo.stdout.slice(demo.stdout.indexOf("Promote staging"));
    expect(production).toContain("apps/guestbook/overlays/production/kustomization.yaml");
    expect(production).toContain("production: still waiting for approval");
    expect(production).toMatch(/0 of 2 approvals/);
    expect(production).toContain("argocd/guestbook-staging");
    // The reasons come from the gate promote-env runs, through the CLI's own command: always, whatever --help lists.
    expect(production).toContain("$ gitops-pipeline gate --repo . --from staging --to production");
  });

  it("removes its temporary repository", () => {
    const repo = /copied into a new Git repository at (\S+)/.exec(demo.stdout)?.[1];
    expect(repo).toBeDefined();
    expect(existsSync(repo!)).toBe(false);
  });
});

describe("npm run demo on a machine without a builder or a registry", () => {
  it("says so, uses a fixed digest, and still ends with production waiting", () => {
    // A PATH with only what the rest of the pipeline needs: git, and kubectl to render the overlays.
    const bin = mkdtempSync(path.join(os.tmpdir(), "demo-path-"));
    try {
      for (const tool of ["git", "kubectl"]) {
        const found = spawnSync("sh", ["-c", 'command -v "$0"', tool], { encoding: "utf8" }).stdout.trim();
        if (found) symlinkSync(found, path.join(bin, tool));
      }
      const demo = runDemo({ ...process.env, PATH: bin });
      expect(demo.stderr).toBe("");
      expect(demo.code).toBe(0);
      expect(demo.stdout).toContain("buildah or podman and docker-registry not installed");
      expect(demo.stdout).toContain("using a fixed digest");
      expect(demo.stdout).toContain("production: still waiting for approval");
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
