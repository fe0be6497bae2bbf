import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { credentialLikeNames, materializeSecrets, parseSecrets } from "../../src/builder/secrets.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("build secrets on disk", () => {
  it("writes each value to a file only its owner can read, in a directory only its owner can enter", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "secrets-"));
    dirs.push(work);
    const dir = path.join(work, "secrets");
    const mounts = await materializeSecrets(
      parseSecrets("token=abc\nnpmrc=//r/:_authToken=x", "secrets"),
      dir,
    );
    expect(mounts.map((mount) => mount.id)).toEqual(["token", "npmrc"]);
    for (const mount of mounts) expect((await stat(mount.src)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(await readFile(mounts[1]!.src, "utf8")).toBe("//r/:_authToken=x");
  });
});

describe("build-arg names", () => {
  it("names the ones that look like credentials, and only those", () => {
    expect(
      credentialLikeNames([
        "NPM_TOKEN",
        "dbPassword",
        "API_KEY",
        "secret",
        "GH_PAT",
        "NODE_VERSION",
        "KEYBOARD_LAYOUT",
        "TOKENIZER_MODEL",
      ]),
    ).toEqual(["NPM_TOKEN", "dbPassword", "API_KEY", "secret", "GH_PAT"]);
  });
});
