import { describe, expect, it } from "vitest";
import { authFileCandidates, findStoredCredentials } from "../../src/registry/index.js";

const encode = (value: string) => Buffer.from(value).toString("base64");

describe("stored registry logins", () => {
  it("looks where buildah, podman and docker keep logins, in their order", () => {
    expect(
      authFileCandidates({ REGISTRY_AUTH_FILE: "/a.json", XDG_RUNTIME_DIR: "/run/user/1", HOME: "/home/r" }),
    ).toEqual(["/a.json", "/run/user/1/containers/auth.json", "/home/r/.docker/config.json"]);
    expect(authFileCandidates({ DOCKER_CONFIG: "/cfg", HOME: "/home/r" })).toEqual(["/cfg/config.json"]);
  });

  it.each([
    [{ "ghcr.io": { auth: encode("bot:tok:en") } }, "ghcr.io", { username: "bot", password: "tok:en" }],
    [{ "https://ghcr.io": { auth: encode("bot:x") } }, "ghcr.io", { username: "bot", password: "x" }],
    [
      { "https://index.docker.io/v1/": { auth: encode("me:pw") } },
      "docker.io",
      { username: "me", password: "pw" },
    ],
    [{ "quay.io": { auth: encode("me:pw") } }, "ghcr.io", undefined],
    [{ "ghcr.io": {} }, "ghcr.io", undefined],
    [{ "ghcr.io": { auth: encode("no-colon") } }, "ghcr.io", undefined],
  ])("%j for %s", (auths, registry, expected) => {
    expect(findStoredCredentials(JSON.stringify({ auths }), registry)).toEqual(expected);
  });

  it("ignores a file that is not JSON", () => {
    expect(findStoredCredentials("{oops", "ghcr.io")).toBeUndefined();
  });
});
