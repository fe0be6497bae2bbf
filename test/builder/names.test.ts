import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ActionRun, runBundledAction } from "../support/action.js";
import { hasComponent } from "../support/components.js";
import {
  registryComponentsPresent,
  startRegistry,
  startRegistryProxy,
  type TestRegistry,
} from "../support/registry.js";

const haveRegistry = registryComponentsPresent();
const haveBuildah = hasComponent("buildah");
const SHA = "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f";
const event = {
  name: "push",
  ref: "refs/heads/main",
  sha: SHA,
  payload: { head_commit: { timestamp: "2026-11-20T09:30:00Z" }, repository: { default_branch: "main" } },
};
const credentials = { username: "ci-bot", password: "names-Pa55-k3" };
const mirrorLogin = { username: "mirror-bot", password: "mirror-Pa55-w7" };

function failure(run: ActionRun): string {
  return (/^::error::(.*)$/m.exec(run.stdout)?.[1] ?? "").replace(/%0A/g, "\n");
}

/** Full references in `tags`, as docker/metadata-action writes them: the image's own, another repository, another registry. */
describe.skipIf(!haveRegistry || !haveBuildah)("build-push with full references in tags", () => {
  let main: TestRegistry;
  let mirror: TestRegistry;
  let work: string;
  let context: string;
  let authFile: string;
  beforeAll(async () => {
    [main, mirror] = await Promise.all([
      startRegistry({ credentials }),
      startRegistry({ credentials: mirrorLogin }),
    ]);
    work = await mkdtemp(path.join(os.tmpdir(), "gitops-names-"));
    context = path.join(work, "app");
    await mkdir(context);
    await writeFile(path.join(context, "Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
    await writeFile(path.join(context, "hello.txt"), "names\n");
    // The mirror's login, as a login step before this one would have stored it.
    authFile = path.join(work, "auth.json");
    const encoded = Buffer.from(`${mirrorLogin.username}:${mirrorLogin.password}`).toString("base64");
    await writeFile(authFile, JSON.stringify({ auths: { [mirror.host]: { auth: encoded } } }));
  });
  afterAll(async () => {
    await Promise.all([main?.stop(), mirror?.stop()]);
    await rm(work, { recursive: true, force: true });
  });

  const run = (tags: string, env: Record<string, string> = {}) =>
    runBundledAction("build-push", {
      inputs: {
        image: `${main.host}/acme/web`,
        context,
        builder: "buildah",
        username: credentials.username,
        password: credentials.password,
        tags,
      },
      event,
      env: { REGISTRY_AUTH_FILE: authFile, ...env },
    });

  it("pushes to every name given and verifies the digest at each", async () => {
    const first = await run(
      [
        `${main.host}/acme/web:1.2.3`,
        `${main.host}/ACME/mirror:1.2.3`,
        `${mirror.host}/team/web:1.2.3`,
        "stable",
      ].join("\n"),
    );
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const digest = first.outputs.digest!;
    expect(JSON.parse(first.outputs.tags!)).toEqual(["sha-5e6f7a8", "main", "1.2.3", "stable"]);
    for (const tag of ["sha-5e6f7a8", "main", "1.2.3", "stable"])
      expect(await main.digest("acme/web", tag)).toBe(digest);
    expect(await main.digest("acme/mirror", "1.2.3")).toBe(digest);
    expect(await mirror.digest("team/web", "1.2.3")).toBe(digest);
    expect(JSON.parse(first.outputs.metadata!).refs).toEqual([
      `${main.host}/acme/web:sha-5e6f7a8`,
      `${main.host}/acme/web:main`,
      `${main.host}/acme/web:1.2.3`,
      `${main.host}/acme/web:stable`,
      `${main.host}/acme/mirror:1.2.3`,
      `${mirror.host}/team/web:1.2.3`,
    ]);

    // The next release of the same commit: nothing is built (no builder on PATH), the image is copied to the new names.
    const rerun = await run([`${mirror.host}/team/web:1.2.4`, `${main.host}/acme/other:1.2.4`].join("\n"), {
      PATH: path.dirname(process.execPath),
    });
    expect(rerun.code, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.outputs.skipped).toBe("true");
    expect(rerun.outputs.digest).toBe(digest);
    expect(await mirror.digest("team/web", "1.2.4")).toBe(digest);
    expect(await main.digest("acme/other", "1.2.4")).toBe(digest);
    expect(rerun.stdout).toContain(
      `tags added: ${mirror.host}/team/web:1.2.4, ${main.host}/acme/other:1.2.4`,
    );
  });

  it("says which name it cannot push to when no login for that registry is stored", async () => {
    const none = { REGISTRY_AUTH_FILE: path.join(work, "none.json") };
    // The image exists: the copy to the other registry is refused.
    const copy = await run(`${mirror.host}/team/nologin:1`, none);
    expect(copy.code).toBe(1);
    expect(failure(copy)).toContain(
      `cannot copy the existing ${main.host}/acme/web:sha-5e6f7a8 to ${mirror.host}/team/nologin:1: registry ${mirror.host} requires authentication`,
    );
    expect(failure(copy)).toContain("Log in to that registry in an earlier step");
    // A fresh build: the builder's push there is refused.
    const build = await runBundledAction("build-push", {
      inputs: {
        image: `${main.host}/acme/fresh`,
        context,
        builder: "buildah",
        username: credentials.username,
        password: credentials.password,
        tags: `${mirror.host}/team/nologin:1`,
      },
      event,
      env: none,
    });
    expect(build.code).toBe(1);
    expect(failure(build)).toContain(`buildah push ${mirror.host}/team/nologin:1 failed`);
    expect(await mirror.digest("team/nologin", "1")).toBeUndefined();
  });

  it("fails when any other name, not only the first, serves a different digest than was pushed there", async () => {
    const lie = `sha256:${"d".repeat(64)}`;
    const proxy = await startRegistryProxy(mirror.host, (exchange) => {
      if (exchange.method === "HEAD" && exchange.headers["docker-content-digest"]) {
        exchange.headers["docker-content-digest"] = lie;
      }
    });
    const liarAuth = path.join(work, "liar-auth.json");
    const encoded = Buffer.from(`${mirrorLogin.username}:${mirrorLogin.password}`).toString("base64");
    await writeFile(
      liarAuth,
      JSON.stringify({ auths: { [proxy.host]: { auth: encoded }, [mirror.host]: { auth: encoded } } }),
    );
    try {
      const result = await runBundledAction("build-push", {
        inputs: {
          image: `${main.host}/acme/verified`,
          context,
          builder: "buildah",
          username: credentials.username,
          password: credentials.password,
          // An honest name first: each pushed name is read back, not only the first.
          tags: `${mirror.host}/team/honest:1\n${proxy.host}/team/liar:1`,
        },
        event,
        env: { REGISTRY_AUTH_FILE: liarAuth },
      });
      expect(result.code).toBe(1);
      const pushed = await mirror.digest("team/liar", "1");
      expect(pushed).toBe(await main.digest("acme/verified", "sha-5e6f7a8"));
      expect(await mirror.digest("team/honest", "1")).toBe(pushed);
      expect(failure(result)).toContain(
        `the registry has team/liar:1 at ${lie}, but buildah reported ${pushed}`,
      );
      expect(result.outputs.digest ?? "").toBe("");
    } finally {
      await proxy.stop();
    }
  });

  it("refuses a digest or a missing tag in a full reference", async () => {
    const digest = await run(`${main.host}/acme/web@sha256:${"a".repeat(64)}`);
    expect(digest.code).toBe(1);
    expect(failure(digest)).toContain("must name a tag, not a digest");
    const bare = await run(`${mirror.host}/team/web`);
    expect(bare.code).toBe(1);
    expect(failure(bare)).toContain(`input 'tags': "${mirror.host}/team/web" must name a tag`);
  });
});
