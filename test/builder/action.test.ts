import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionRun, runBundledAction } from "../support/action.js";
import { hasComponent } from "../support/components.js";
import {
  freePort,
  registryComponentsPresent,
  startRegistry,
  startRegistryProxy,
  type TestRegistry,
} from "../support/registry.js";

const haveRegistry = registryComponentsPresent();
const haveBuildah = hasComponent("buildah");
const havePodman = hasComponent("podman");
/** The daemonless builders present here (CI has both; hasComponent fails there when one is missing). */
const daemonless = havePodman ? ["buildah", "podman"] : ["buildah"];

const SHA = "4f1c2a9d0e8b7c6a5f4e3d2c1b0a99887766554f";
const SHORT = "4f1c2a9";
const PASSWORD = "s3cret-Pa55word-x7";

let workdir: string;
let context: string;

function pushEvent(sha = SHA) {
  return {
    name: "push",
    ref: "refs/heads/main",
    sha,
    payload: {
      ref: "refs/heads/main",
      after: sha,
      head_commit: { id: sha, timestamp: "2026-11-20T09:30:00Z" },
      repository: { full_name: "acme/web", default_branch: "main" },
    },
  };
}

/** Every line of the run's output except the `::add-mask::` command, the one place a runner must see a secret. */
function logWithoutMask(run: ActionRun): string {
  return `${run.stdout}\n${run.stderr}`
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
}

/** The image config the registry serves for a pushed single-platform manifest. */
async function imageConfig(registry: TestRegistry, repository: string, digest: string) {
  const base = `http://${registry.host}/v2/${repository}`;
  const manifest = (await (
    await fetch(`${base}/manifests/${digest}`, {
      headers: { Accept: "application/vnd.oci.image.manifest.v1+json" },
    })
  ).json()) as { config: { digest: string } };
  return (await (await fetch(`${base}/blobs/${manifest.config.digest}`)).json()) as {
    created: string;
    config: { Labels: Record<string, string> };
  };
}

function failure(run: ActionRun): string {
  return (/^::error::(.*)$/m.exec(run.stdout)?.[1] ?? "").replace(/%0A/g, "\n");
}

beforeAll(async () => {
  workdir = await mkdtemp(path.join(os.tmpdir(), "gitops-build-push-"));
  context = path.join(workdir, "app");
  await mkdir(context);
  // FROM scratch + COPY: a real image with no base to pull, so the tests need no network.
  await writeFile(path.join(context, "Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
  await writeFile(path.join(context, "hello.txt"), "hello from the build-push tests\n");
});

afterAll(async () => {
  await rm(workdir, { recursive: true, force: true });
});

describe.skipIf(!haveRegistry || !haveBuildah)("build-push bundle, registry without auth", () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it("pushes with buildah and outputs the digest the registry serves, then skips the re-run", async () => {
    const image = `${registry.host}/Acme/Web`;
    const run = await runBundledAction("build-push", {
      inputs: { image, context, builder: "buildah", latest: "true", tags: "stable" },
      event: pushEvent(),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const served = await registry.digest("acme/web", `sha-${SHORT}`);
    expect(served).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs.digest).toBe(served);
    expect(run.outputs.image).toBe(`${registry.host}/acme/web`);
    expect(run.stdout).toContain("::notice::image name lowercased");
    expect(run.outputs.tag).toBe(`sha-${SHORT}`);
    expect(JSON.parse(run.outputs.tags!)).toEqual([`sha-${SHORT}`, "main", "latest", "stable"]);
    expect(run.outputs["image-ref"]).toBe(`${registry.host}/acme/web@${served}`);
    expect(run.outputs["image-tag-ref"]).toBe(`${registry.host}/acme/web:sha-${SHORT}@${served}`);
    expect(run.outputs.skipped).toBe("false");
    for (const tag of ["main", "latest", "stable"])
      expect(await registry.digest("acme/web", tag)).toBe(served);
    const metadata = JSON.parse(run.outputs.metadata!);
    expect(metadata).toMatchObject({ builder: "buildah", digest: served });
    expect(metadata.labels["org.opencontainers.image.revision"]).toBe(SHA);
    expect(run.summary).toContain(`${registry.host}/acme/web:sha-${SHORT}@${served}`);
    expect(run.summary).toContain("Builder: buildah");

    // Same commit again, with no builder on PATH at all: it can only pass by not building. It still owes its new tag.
    const rerun = await runBundledAction("build-push", {
      inputs: { image, context, latest: "true", tags: "stable,hotfix-1" },
      event: pushEvent(),
      env: { PATH: path.dirname(process.execPath) },
    });
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.outputs.skipped).toBe("true");
    expect(rerun.outputs.digest).toBe(served);
    expect(rerun.outputs["image-ref"]).toBe(`${registry.host}/acme/web@${served}`);
    expect(rerun.summary).toContain("build skipped");
    expect(await registry.digest("acme/web", "hotfix-1")).toBe(served);
    // The log says what happened: nothing was built or pushed, one tag was added.
    expect(rerun.stdout).toContain(
      `${registry.host}/acme/web:sha-${SHORT}@${served} was already in the registry: not built, not pushed; tags added: hotfix-1`,
    );
    expect(rerun.stdout).not.toMatch(/^pushed /m);
    expect(rerun.summary).toContain("Tags added to the existing image: `hotfix-1`");
  });

  it("writes the OCI labels into the pushed image config", async () => {
    const run = await runBundledAction("build-push", {
      inputs: {
        image: `${registry.host}/acme/labels`,
        context,
        builder: "buildah",
        // A '#' inside a value is part of it; only a line starting with '#' is a comment.
        labels: "team=payments\n# a comment line\npriority=priority #1\nurl=https://example.com/#top",
      },
      event: pushEvent(),
    });
    expect(run.code, run.stdout).toBe(0);
    const config = await imageConfig(registry, "acme/labels", run.outputs.digest!);
    expect(config.config.Labels).toMatchObject({
      "org.opencontainers.image.source": "https://github.com/acme/web",
      "org.opencontainers.image.revision": SHA,
      "org.opencontainers.image.version": "main",
      "org.opencontainers.image.created": "2026-11-20T09:30:00.000Z",
      "org.opencontainers.image.title": "web",
      team: "payments",
      priority: "priority #1",
      url: "https://example.com/#top",
    });
    expect(Object.keys(config.config.Labels).filter((key) => key.startsWith("#"))).toEqual([]);
    // The image's own creation time is the commit's, so rebuilding the commit reproduces the digest.
    expect(config.created).toBe("2026-11-20T09:30:00Z");
  });

  it("passes file, target and build-args to the builder", async () => {
    const dockerfile = path.join(workdir, "Dockerfile.multi");
    await writeFile(
      dockerfile,
      [
        "FROM scratch AS app",
        "ARG GREETING",
        "COPY hello.txt /hello.txt",
        "LABEL greeting=$GREETING stage=app",
        "FROM app AS debug",
        "LABEL stage=debug",
        "",
      ].join("\n"),
    );
    const run = await runBundledAction("build-push", {
      inputs: {
        image: `${registry.host}/acme/stages`,
        context,
        file: dockerfile,
        target: "app",
        "build-args": "GREETING=hello, world",
        builder: "podman",
      },
      event: pushEvent(),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const config = await imageConfig(registry, "acme/stages", run.outputs.digest!);
    expect(config.config.Labels).toMatchObject({ greeting: "hello, world", stage: "app" });
  });

  it("rebuilding the same commit without skip-existing reproduces the digest", async () => {
    const inputs = {
      image: `${registry.host}/acme/repro`,
      context,
      builder: "buildah",
      "skip-existing": "false",
    };
    const first = await runBundledAction("build-push", { inputs, event: pushEvent() });
    const second = await runBundledAction("build-push", { inputs, event: pushEvent() });
    expect(first.code, first.stdout).toBe(0);
    expect(second.code, second.stdout).toBe(0);
    expect(second.outputs.skipped).toBe("false");
    expect(second.outputs.digest).toBe(first.outputs.digest);
    expect(await registry.digest("acme/repro", `sha-${SHORT}`)).toBe(first.outputs.digest);
  });

  it.each(
    daemonless,
  )("pushes several platforms as one index with %s and outputs its digest", async (builder) => {
    const run = await runBundledAction("build-push", {
      inputs: {
        image: `${registry.host}/acme/multi-${builder}`,
        context,
        builder,
        platforms: "linux/amd64,linux/arm64",
      },
      event: pushEvent(),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const served = await registry.digest(`acme/multi-${builder}`, `sha-${SHORT}`);
    expect(run.outputs.digest).toBe(served);
    expect(await registry.digest(`acme/multi-${builder}`, "main")).toBe(served);
    const index = (await (
      await fetch(`http://${registry.host}/v2/acme/multi-${builder}/manifests/${served}`, {
        headers: { Accept: "application/vnd.oci.image.index.v1+json" },
      })
    ).json()) as { manifests: { platform: { architecture: string } }[] };
    expect(index.manifests.map((entry) => entry.platform.architecture).sort()).toEqual(["amd64", "arm64"]);
  });

  it.skipIf(!havePodman)("pushes with podman and outputs the registry's digest", async () => {
    const run = await runBundledAction("build-push", {
      inputs: { image: `${registry.host}/acme/podman`, context, builder: "podman" },
      event: pushEvent(),
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const served = await registry.digest("acme/podman", `sha-${SHORT}`);
    expect(served).toMatch(/^sha256:/);
    expect(run.outputs.digest).toBe(served);
    expect(await registry.digest("acme/podman", "main")).toBe(served);
    expect(JSON.parse(run.outputs.metadata!).builder).toBe("podman");
  });

  it("builds a pull request at its head commit without pushing, even when a fork's secret is empty", async () => {
    const head = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    const run = await runBundledAction("build-push", {
      inputs: {
        image: `${registry.host}/acme/pr`,
        context,
        builder: "buildah",
        username: "octocat",
        password: "",
      },
      event: {
        name: "pull_request",
        ref: "refs/pull/42/merge",
        sha: "ffffffffffffffffffffffffffffffffffffffff",
        payload: { number: 42, pull_request: { number: 42, head: { sha: head, ref: "feature" } } },
      },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(run.outputs.tags!)).toEqual(["sha-a1b2c3d", "pr-42"]);
    expect(run.outputs.digest).toBe("");
    expect(run.outputs["image-ref"]).toBe("");
    // Nothing pushed: the image ID still names the built image (its config digest); no SBOM or provenance.
    expect(run.outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs["sbom-path"]).toBe("");
    expect(run.outputs["provenance-path"]).toBe("");
    expect(run.summary).toContain("not pushed");
    expect(run.stdout).toContain(
      "::warning::input 'password' is empty, so the build runs without a registry login",
    );
    expect(await registry.digest("acme/pr", "sha-a1b2c3d")).toBeUndefined();
  });

  it("fails clearly on a missing Dockerfile, before building anything", async () => {
    const empty = path.join(workdir, "empty");
    await mkdir(empty, { recursive: true });
    const run = await runBundledAction("build-push", {
      inputs: { image: `${registry.host}/acme/none`, context: empty, builder: "buildah" },
      event: pushEvent(),
    });
    expect(run.code).toBe(1);
    expect(failure(run)).toContain(`Dockerfile not found: ${path.join(empty, "Dockerfile")}`);
    expect(await registry.digest("acme/none", `sha-${SHORT}`)).toBeUndefined();
  });

  it("returns the builder's last stderr lines when the build fails", async () => {
    const broken = path.join(workdir, "broken");
    await mkdir(broken, { recursive: true });
    await writeFile(path.join(broken, "Dockerfile"), "FROM scratch\nCOPY missing-file.txt /\n");
    const run = await runBundledAction("build-push", {
      inputs: { image: `${registry.host}/acme/broken`, context: broken, builder: "buildah" },
      event: pushEvent(),
    });
    expect(run.code).toBe(1);
    const message = failure(run);
    expect(message).toMatch(/buildah bud failed \(exit code \d+\)/);
    expect(message).toContain("missing-file.txt");
    expect(await registry.digest("acme/broken", `sha-${SHORT}`)).toBeUndefined();
  });

  it("refuses an unknown platform before building, naming the entry and the valid forms", async () => {
    const run = await runBundledAction("build-push", {
      inputs: {
        image: `${registry.host}/acme/bogus`,
        context,
        builder: "buildah",
        platforms: "linux/amd64,linux/bogus",
      },
      event: pushEvent(),
    });
    expect(run.code).toBe(1);
    expect(failure(run)).toContain(`input 'platforms': "linux/bogus" names an unknown architecture "bogus"`);
    expect(failure(run)).toContain("os/arch[/variant], e.g. linux/amd64");
    expect(run.stdout).not.toContain("building ");
    expect(await registry.digest("acme/bogus", `sha-${SHORT}`)).toBeUndefined();
  });

  it("finishes the step when the runner gives no job summary file", async () => {
    const run = await runBundledAction("build-push", {
      inputs: { image: `${registry.host}/acme/nosummary`, context, builder: "buildah" },
      event: pushEvent(),
      env: { GITHUB_STEP_SUMMARY: "" },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.digest).toBe(await registry.digest("acme/nosummary", `sha-${SHORT}`));
    expect(run.stdout).not.toContain("::error::");
  });

  it("refuses to push with a username but no password", async () => {
    const run = await runBundledAction("build-push", {
      inputs: { image: `${registry.host}/acme/half`, context, builder: "buildah", username: "octocat" },
      event: pushEvent(),
    });
    expect(run.code).toBe(1);
    expect(failure(run)).toContain("input 'password' is empty but 'username' is set");
    expect(await registry.digest("acme/half", `sha-${SHORT}`)).toBeUndefined();
  });

  it("refuses an image name with a tag, and an unknown builder", async () => {
    const tagged = await runBundledAction("build-push", {
      inputs: { image: `${registry.host}/acme/web:v1`, context },
      event: pushEvent(),
    });
    expect(tagged.code).toBe(1);
    expect(failure(tagged)).toContain("input 'image' must be a name without tag or digest");
    const unknown = await runBundledAction("build-push", {
      inputs: { image: `${registry.host}/acme/web`, context, builder: "kaniko" },
      event: pushEvent(),
    });
    expect(unknown.code).toBe(1);
    expect(failure(unknown)).toContain("input 'builder' must be one of auto, buildx, buildah, podman");
  });
});

describe.skipIf(!haveRegistry || !haveBuildah)("build-push bundle, registry errors", () => {
  it("says the registry is unreachable when nothing listens", async () => {
    const port = await freePort();
    const run = await runBundledAction("build-push", {
      inputs: { image: `127.0.0.1:${port}/acme/web`, context, builder: "buildah" },
      event: pushEvent(),
    });
    expect(run.code).toBe(1);
    expect(failure(run)).toContain(`cannot reach registry 127.0.0.1:${port}`);
    expect(failure(run)).toContain("connection refused");
  });
});

describe.skipIf(!haveRegistry || !haveBuildah)(
  "build-push bundle, a registry that disagrees with the push",
  () => {
    let registry: TestRegistry;
    beforeAll(async () => {
      registry = await startRegistry();
    });
    afterAll(async () => {
      await registry?.stop();
    });

    it("fails with no digest output when the registry serves another digest than the builder pushed", async () => {
      const lie = `sha256:${"e".repeat(64)}`;
      // Everything reaches docker-registry; only the digest it reports for a manifest read is replaced on the way back.
      const proxy = await startRegistryProxy(registry.host, (exchange) => {
        if (
          (exchange.method === "HEAD" || exchange.method === "GET") &&
          /\/manifests\//.test(exchange.path)
        ) {
          if (exchange.headers["docker-content-digest"]) exchange.headers["docker-content-digest"] = lie;
        }
      });
      try {
        const run = await runBundledAction("build-push", {
          inputs: { image: `${proxy.host}/acme/liar`, context, builder: "buildah", "skip-existing": "false" },
          event: pushEvent(),
        });
        expect(run.code).toBe(1);
        const pushed = await registry.digest("acme/liar", `sha-${SHORT}`);
        expect(pushed).toMatch(/^sha256:/);
        expect(failure(run)).toContain(
          `the registry has acme/liar:sha-${SHORT} at ${lie}, but buildah reported ${pushed}`,
        );
        expect(run.outputs.digest ?? "").toBe("");
        expect(run.outputs["image-ref"] ?? "").toBe("");
      } finally {
        await proxy.stop();
      }
    });
  },
);

describe.skipIf(!haveRegistry || !haveBuildah).each(["basic", "bearer"] as const)(
  "build-push bundle, registry with %s auth",
  (auth) => {
    let registry: TestRegistry;
    beforeAll(async () => {
      registry = await startRegistry({ credentials: { username: "ci-bot", password: PASSWORD }, auth });
    });
    afterAll(async () => {
      await registry?.stop();
    });

    it("logs in with the password on stdin, pushes, and never prints the password", async () => {
      const run = await runBundledAction("build-push", {
        inputs: {
          image: `${registry.host}/acme/private`,
          context,
          builder: "buildah",
          username: "ci-bot",
          password: PASSWORD,
        },
        event: pushEvent(),
      });
      expect(run.code, logWithoutMask(run)).toBe(0);
      expect(run.stdout).toContain(`::add-mask::${PASSWORD}`);
      expect(logWithoutMask(run)).not.toContain(PASSWORD);
      expect(run.summary).not.toContain(PASSWORD);
      const served = await registry.digest("acme/private", `sha-${SHORT}`);
      expect(served).toMatch(/^sha256:/);
      expect(run.outputs.digest).toBe(served);
    });

    // Only a token service grants anonymous pull while refusing push; htpasswd refuses both.
    if (auth === "bearer") {
      it("says so when the image exists but a new tag cannot be added without credentials", async () => {
        const image = `${registry.host}/acme/tagging`;
        const first = await runBundledAction("build-push", {
          inputs: { image, context, builder: "buildah", username: "ci-bot", password: PASSWORD },
          event: pushEvent(),
        });
        expect(first.code, logWithoutMask(first)).toBe(0);
        // The token service lets anyone pull, so the skip check passes; adding the tag needs push rights.
        const run = await runBundledAction("build-push", {
          inputs: { image, context, tags: "release-7" },
          event: pushEvent(),
        });
        expect(run.code).toBe(1);
        expect(failure(run)).toContain(
          `${image}:sha-${SHORT} already exists, but release-7 could not be pointed at it`,
        );
        expect(await registry.digest("acme/tagging", "release-7")).toBeUndefined();
      });
    }

    it("fails cleanly on a wrong password, pushes nothing, and never prints it", async () => {
      const wrong = "definitely-Not-the-pa55";
      const run = await runBundledAction("build-push", {
        inputs: {
          image: `${registry.host}/acme/denied`,
          context,
          builder: "buildah",
          username: "ci-bot",
          password: wrong,
        },
        event: pushEvent(),
      });
      expect(run.code).toBe(1);
      expect(failure(run)).toContain(`registry ${registry.host} refused the credentials of user "ci-bot"`);
      expect(logWithoutMask(run)).not.toContain(wrong);
      expect(await registry.digest("acme/denied", `sha-${SHORT}`)).toBeUndefined();
    });

    it("uses the login an earlier step stored when username and password are not given", async () => {
      const authFile = path.join(workdir, `auth-${auth}.json`);
      const encoded = Buffer.from(`ci-bot:${PASSWORD}`).toString("base64");
      await writeFile(authFile, JSON.stringify({ auths: { [registry.host]: { auth: encoded } } }));
      const inputs = { image: `${registry.host}/acme/stored`, context, builder: "buildah" };
      const env = { REGISTRY_AUTH_FILE: authFile };
      const run = await runBundledAction("build-push", { inputs, event: pushEvent(), env });
      expect(run.code, logWithoutMask(run)).toBe(0);
      expect(run.outputs.digest).toBe(await registry.digest("acme/stored", `sha-${SHORT}`));
      expect(`${run.stdout}${run.stderr}`).not.toContain(PASSWORD);
      const rerun = await runBundledAction("build-push", { inputs, event: pushEvent(), env });
      expect(rerun.outputs.skipped).toBe("true");
      expect(rerun.outputs.digest).toBe(run.outputs.digest);
    });

    it("asks for credentials when none are given", async () => {
      const run = await runBundledAction("build-push", {
        inputs: { image: `${registry.host}/acme/anon`, context, builder: "buildah" },
        event: pushEvent(),
      });
      expect(run.code).toBe(1);
      expect(failure(run)).toMatch(/authentication required|requires authentication/);
      expect(await registry.digest("acme/anon", `sha-${SHORT}`)).toBeUndefined();
    });
  },
);
