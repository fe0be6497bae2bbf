import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tagInRegistry, verifyPushed } from "../../src/builder/registry-side.js";
import { silentLogger } from "../../src/logger.js";
import { RegistryClient } from "../../src/registry/index.js";
import {
  pushMinimalImage,
  registryComponentsPresent,
  startRegistry,
  type TestRegistry,
} from "../support/registry.js";

const OTHER = `sha256:${"0".repeat(64)}`;

describe.skipIf(!registryComponentsPresent())("after the push, against docker-registry", () => {
  let registry: TestRegistry;
  let locked: TestRegistry;
  let client: RegistryClient;
  let digest: string;
  beforeAll(async () => {
    [registry, locked] = await Promise.all([
      startRegistry(),
      startRegistry({ credentials: { username: "u", password: "p-for-tests" } }),
    ]);
    client = new RegistryClient(registry.host);
    digest = await pushMinimalImage(registry.host, "team/app", "sha-1234567");
    await pushMinimalImage(registry.host, "team/app", "main");
  });
  afterAll(async () => {
    await Promise.all([registry?.stop(), locked?.stop()]);
  });

  it("verifyPushed returns the digest when every tag names what the builder reported", async () => {
    const tags = ["sha-1234567", "main"];
    expect(await verifyPushed(client, "team/app", tags, digest, "buildah", "r:sha-1234567")).toBe(digest);
  });

  it("verifyPushed fails when the registry serves another digest than the builder reported", async () => {
    await expect(verifyPushed(client, "team/app", ["sha-1234567"], OTHER, "podman", "r:t")).rejects.toThrow(
      `the registry has team/app:sha-1234567 at ${digest}, but podman reported ${OTHER}`,
    );
  });

  it("verifyPushed fails when a tag is missing after the push, or the builder reported nothing", async () => {
    await expect(
      verifyPushed(client, "team/app", ["sha-1234567", "gone"], digest, "buildah", "r:t"),
    ).rejects.toThrow("the registry has no team/app:gone after buildah pushed it");
    await expect(verifyPushed(client, "team/app", ["main"], "", "buildx", "r:main")).rejects.toThrow(
      "buildx pushed r:main but reported no digest",
    );
  });

  it("tagInRegistry points more tags at the pushed manifest without changing its digest", async () => {
    expect(await tagInRegistry(client, "team/app", digest, ["1.2.3", "1.2"], silentLogger)).toBe(true);
    expect(await registry.digest("team/app", "1.2.3")).toBe(digest);
    expect(await registry.digest("team/app", "1.2")).toBe(digest);
  });

  it("tagInRegistry declines when this client may not write, so the builder pushes instead", async () => {
    const anonymous = new RegistryClient(locked.host);
    expect(await tagInRegistry(anonymous, "team/app", digest, ["main"], silentLogger)).toBe(false);
    expect(await tagInRegistry(client, "team/app", OTHER, ["main"], silentLogger)).toBe(false);
  });
});
