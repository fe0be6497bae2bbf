import { mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectBuilder, run, runChecked } from "../../src/builder/process.js";
import { UserError } from "../../src/errors.js";
import { silentLogger } from "../../src/logger.js";
import { findComponent, hasComponent } from "../support/components.js";

const haveBuildah = hasComponent("buildah");
const havePodman = hasComponent("podman");
const node = process.execPath;
/** A docker CLI without the buildx plugin, as this machine has. */
const dockerCli = findComponent(
  "a docker CLI without the buildx plugin",
  ["/usr/local/bin/docker", "/usr/bin/docker"],
  ["buildx", "version"],
  1,
);

describe("detectBuilder", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "gitops-detect-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.skipIf(!havePodman)("falls back to podman when it is the only builder on PATH", async () => {
    const only = path.join(dir, "podman-only");
    await mkdir(only);
    await symlink("/usr/bin/podman", path.join(only, "podman"));
    expect(await detectBuilder(only, silentLogger)).toBe("podman");
  });

  it.skipIf(!haveBuildah || !dockerCli)("passes over a docker CLI that has no buildx plugin", async () => {
    const both = path.join(dir, "docker-and-buildah");
    await mkdir(both);
    await symlink(dockerCli!, path.join(both, "docker"));
    await symlink("/usr/bin/buildah", path.join(both, "buildah"));
    const debug: string[] = [];
    expect(await detectBuilder(both, { ...silentLogger, debug: (line) => debug.push(line) })).toBe("buildah");
    expect(debug.join("\n")).toContain("`docker buildx version` failed");
  });

  it.skipIf(!haveBuildah || !havePodman)("prefers buildah over podman", async () => {
    expect(await detectBuilder("/usr/bin", silentLogger)).toBe("buildah");
  });

  it("says what to install when no builder is on PATH", async () => {
    await expect(detectBuilder(dir, silentLogger)).rejects.toThrow(/no image builder found/);
  });
});

describe("run", () => {
  it("keeps the last 20 stderr lines and passes stdin", async () => {
    const script =
      "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{for(let i=1;i<=30;i++)console.error('line '+i);console.log(s);process.exit(3)})";
    const lines: string[] = [];
    const result = await run(
      { command: node, args: ["-e", script], stdin: "from-stdin" },
      { ...silentLogger, info: (line) => lines.push(line) },
    );
    expect(result.code).toBe(3);
    expect(result.tail).toHaveLength(20);
    expect(result.tail[0]).toBe("line 11");
    expect(result.tail[19]).toBe("line 30");
    expect(lines).toContain("from-stdin");
  });

  it("turns a failure into a UserError carrying the program's last words", async () => {
    const error = await runChecked(
      "demo build",
      { command: node, args: ["-e", "console.error('Error: no such stage'); process.exit(2)"] },
      silentLogger,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe("demo build failed (exit code 2):\n    Error: no such stage");
  });

  it("names a builder that is not installed", async () => {
    await expect(run({ command: "no-such-builder-here", args: [] }, silentLogger)).rejects.toThrow(
      "no-such-builder-here is not installed or not on PATH",
    );
  });
});
