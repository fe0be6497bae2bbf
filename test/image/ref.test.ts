import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import {
  formatImageRef,
  normalizedName,
  parseImageRef,
  sameImage,
  versionOf,
  withVersionText,
} from "../../src/image/index.js";

const DIGEST = `sha256:${"a".repeat(64)}`;

describe("parseImageRef", () => {
  it.each([
    ["nginx", { registry: "", repository: "nginx" }, "docker.io/library/nginx"],
    ["nginx:1.27", { registry: "", repository: "nginx", tag: "1.27" }, "docker.io/library/nginx"],
    ["bitnami/redis:7", { registry: "", repository: "bitnami/redis", tag: "7" }, "docker.io/bitnami/redis"],
    ["localhost:5000/a/b", { registry: "localhost:5000", repository: "a/b" }, "localhost:5000/a/b"],
    ["localhost/app", { registry: "localhost", repository: "app" }, "localhost/app"],
    [
      "ghcr.io/org/app:1.4.2",
      { registry: "ghcr.io", repository: "org/app", tag: "1.4.2" },
      "ghcr.io/org/app",
    ],
    [
      `ghcr.io/org/app@${DIGEST}`,
      { registry: "ghcr.io", repository: "org/app", digest: DIGEST },
      "ghcr.io/org/app",
    ],
    [
      `ghcr.io/org/app:1.4.2@${DIGEST}`,
      { registry: "ghcr.io", repository: "org/app", tag: "1.4.2", digest: DIGEST },
      "ghcr.io/org/app",
    ],
    [
      "index.docker.io/library/nginx",
      { registry: "index.docker.io", repository: "library/nginx" },
      "docker.io/library/nginx",
    ],
    ["[::1]:5000/app:v1", { registry: "[::1]:5000", repository: "app", tag: "v1" }, "[::1]:5000/app"],
  ])("parses %s", (input, expected, name) => {
    const ref = parseImageRef(input);
    expect(ref).toEqual(expect.objectContaining(expected));
    expect(normalizedName(ref)).toBe(name);
    expect(formatImageRef(ref)).toBe(input);
  });

  it.each([
    ["", "empty"],
    ["ghcr.io/Acme/app:1", "must be lowercase"],
    ["app:", "tag after ':' is empty"],
    ["app:-bad", "tag is not valid"],
    [`app@sha256:${"a".repeat(63)}`, "64 lowercase hex"],
    ["app@sha256:ZZ", "digest is not valid"],
    ["ghcr.io//app", "empty path component"],
    ["app :1", "whitespace"],
    ["app\u0007", "control character"],
    ["a--/b", "path component is not valid"],
  ])("refuses %j with a message showing the bad part", (input, why) => {
    expect(() => parseImageRef(input)).toThrow(UserError);
    expect(() => parseImageRef(input)).toThrow(why);
  });
});

describe("sameImage", () => {
  it("treats Docker Hub spellings as one image and other registries as others", () => {
    expect(sameImage("nginx", "docker.io/library/nginx:1.2")).toBe(true);
    expect(sameImage("nginx", "index.docker.io/library/nginx")).toBe(true);
    expect(sameImage("nginx", "ghcr.io/nginx")).toBe(false);
    expect(sameImage("ghcr.io/org/app:1", `ghcr.io/org/app@${DIGEST}`)).toBe(true);
  });
});

describe("withVersionText", () => {
  it.each([
    "localhost:5000/a/b:1.2",
    `ghcr.io/org/app@${DIGEST}`,
    `ghcr.io/org/app:1.4.2@${DIGEST}`,
  ])("spells %s back from its name and versionOf()", (text) => {
    const ref = parseImageRef(text);
    expect(
      withVersionText(formatImageRef({ ...ref, tag: undefined, digest: undefined }), versionOf(ref)),
    ).toBe(text);
  });
});

describe("refusals", () => {
  it.each([
    "ghcr.io/acme/web :1",
    "ghcr.io//web:1",
    "my_registry.io/web:1",
  ])("say how to write %j", (input) => {
    const error = (() => {
      try {
        parseImageRef(input);
      } catch (caught) {
        return caught as UserError;
      }
    })();
    expect(error).toBeInstanceOf(UserError);
    expect(error!.hint).toMatch(/e\.g\. /);
  });
});
