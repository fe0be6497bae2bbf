import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPushed } from "../../src/build/build-push.js";
import { RegistryClient } from "../../src/registry/index.js";
import {
  pushMinimalImage,
  registryComponentsPresent,
  startRegistry,
  type TestRegistry,
} from "../support/registry.js";

const OTHER = `sha256:${"0".repeat(64)}`;

describe.skipIf(!registryComponentsPresent())("verifyPushed against docker-registry", () => {
  let registry: TestRegistry;
  let client: RegistryClient;
  let digest: string;
  beforeAll(async () => {
    registry = await startRegistry();
    client = new RegistryClient(registry.host);
    digest = await pushMinimalImage(registry.host, "team/app", "sha-1234567");
    await pushMinimalImage(registry.host, "team/app", "main");
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it("returns the digest when every tag names what the builder reported", async () => {
    const tags = ["sha-1234567", "main"];
    expect(await verifyPushed(client, "team/app", tags, digest, "buildah", "r:sha-1234567")).toBe(digest);
  });

  it("fails when the registry serves another digest than the builder reported", async () => {
    await expect(verifyPushed(client, "team/app", ["sha-1234567"], OTHER, "podman", "r:t")).rejects.toThrow(
      `the registry has team/app:sha-1234567 at ${digest}, but podman reported ${OTHER}`,
    );
  });

  it("fails when a tag is missing after the push, or the builder reported nothing", async () => {
    await expect(
      verifyPushed(client, "team/app", ["sha-1234567", "gone"], digest, "buildah", "r:t"),
    ).rejects.toThrow("the registry has no team/app:gone after buildah pushed it");
    await expect(verifyPushed(client, "team/app", ["main"], "", "buildx", "r:main")).rejects.toThrow(
      "buildx pushed r:main but reported no digest",
    );
  });
});
