import { type ChildProcess, spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOutputFile, ROOT } from "../support/action.js";
import { hasComponent } from "../support/components.js";
import { registryComponentsPresent, startRegistry, type TestRegistry } from "../support/registry.js";

// A cancelled step: the runner signals the action while the builder is in the middle of a RUN. Whatever happens
// then, no credential or build secret may stay in RUNNER_TEMP, and no builder may keep running.
const present = registryComponentsPresent() && hasComponent("buildah");
const USER = { username: "pusher", password: "Cancel-Registry-Pa55-41" };
const SECRET = "Build-Secret-Cancel-7Qz9";

let registry: TestRegistry;
let work: string;
let context: string;

/** Every file below `dir` (symbolic links as their target's name), for a search of its content. */
async function files(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await files(full)));
    else if (entry.isFile()) found.push(full);
    else if (entry.isSymbolicLink()) found.push(`${full} -> ${await readlink(full)}`);
  }
  return found;
}

/** Files under `dir` whose content holds the password, its Basic form or the build secret. */
async function secretsIn(dir: string): Promise<string[]> {
  const basic = Buffer.from(`${USER.username}:${USER.password}`).toString("base64");
  const holding: string[] = [];
  for (const file of await files(dir)) {
    if (file.includes(" -> ")) continue;
    const text = await readFile(file, "latin1").catch(() => "");
    if ([USER.password, basic, SECRET].some((secret) => text.includes(secret))) holding.push(file);
  }
  return holding;
}

/** Processes whose command line mentions `marker`: the RUN's sleep and the builders working in `temp`. */
async function processesWith(marker: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).replace(/\0/g, " ");
    if (cmdline.includes(marker)) found.push(`${pid}: ${cmdline}`);
  }
  return found;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Starts the bundle as the runner does, with a state file for the post step. */
async function startBuild(temp: string, sleepSeconds: number) {
  const stateFile = path.join(temp, "..", `state-${sleepSeconds}`);
  await writeFile(stateFile, "");
  const dockerfile = path.join(work, `Containerfile.${sleepSeconds}`);
  await writeFile(
    dockerfile,
    `FROM scratch\nCOPY rootfs/ /\nRUN --mount=type=secret,id=token sleep ${sleepSeconds}\n`,
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: work,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "push",
    GITHUB_REF: "refs/heads/main",
    GITHUB_SHA: "4f1c2a9d0e8b7c6a5f4e3d2c1b0a99887766554f",
    GITHUB_REPOSITORY: "acme/web",
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: path.join(temp, "..", "output"),
    GITHUB_STATE: stateFile,
    RUNNER_TEMP: temp,
    INPUT_IMAGE: `${registry.host}/acme/cancel`,
    INPUT_CONTEXT: context,
    INPUT_FILE: dockerfile,
    INPUT_BUILDER: "buildah",
    INPUT_USERNAME: USER.username,
    INPUT_PASSWORD: USER.password,
    INPUT_SECRETS: `token=${SECRET}`,
    INPUT_PUSH: "true",
    INPUT_SBOM: "false",
    INPUT_PROVENANCE: "false",
  };
  const child = spawn("node", [path.join(ROOT, "dist/build-push/index.js")], {
    cwd: work,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr!.on("data", (chunk) => {
    log += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, env, stateFile, exited, log: () => log };
}

function signal(child: ChildProcess, name: NodeJS.Signals) {
  child.kill(name);
}

beforeAll(async () => {
  if (!present) return;
  registry = await startRegistry({ credentials: USER });
  work = await mkdtemp(path.join(os.tmpdir(), "gitops-cancel-"));
  context = path.join(work, "app");
  const rootfs = path.join(context, "rootfs");
  for (const sub of ["bin", "lib/x86_64-linux-gnu", "lib64"])
    await mkdir(path.join(rootfs, sub), { recursive: true });
  await copyFile("/bin/sleep", path.join(rootfs, "bin/sleep")).catch(() =>
    copyFile("/usr/bin/sleep", path.join(rootfs, "bin/sleep")),
  );
  await copyFile("/bin/dash", path.join(rootfs, "bin/sh"));
  await copyFile("/lib/x86_64-linux-gnu/libc.so.6", path.join(rootfs, "lib/x86_64-linux-gnu/libc.so.6"));
  await copyFile("/lib64/ld-linux-x86-64.so.2", path.join(rootfs, "lib64/ld-linux-x86-64.so.2"));
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!present && process.env.CI !== "true")("a cancelled build-push step", () => {
  it("stops buildah mid-RUN and leaves no credential, build secret or builder behind (SIGINT, then SIGTERM)", async () => {
    const temp = path.join(work, "runner-temp-signal");
    await mkdir(temp, { recursive: true });
    const build = await startBuild(temp, 317);
    await until("the RUN step to start", async () => (await processesWith("sleep 317")).length > 0);
    // The secret material is there while the build runs: the check below can see it.
    expect((await secretsIn(temp)).length).toBeGreaterThan(0);

    signal(build.child, "SIGINT");
    setTimeout(() => signal(build.child, "SIGTERM"), 300);
    const code = await build.exited;
    expect(code, build.log()).not.toBe(0);
    expect(build.log()).toContain("cancelled (SIGINT)");
    expect(await secretsIn(temp)).toEqual([]);
    expect(await processesWith("sleep 317")).toEqual([]);
    expect(await processesWith(temp)).toEqual([]);
    const shown = build
      .log()
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"));
    expect(shown.join("\n")).not.toContain(SECRET);
  }, 240_000);

  it("has its post step remove what a killed step left, and stop its builder", async () => {
    const temp = path.join(work, "runner-temp-killed");
    await mkdir(temp, { recursive: true });
    const build = await startBuild(temp, 318);
    await until("the RUN step to start", async () => (await processesWith("sleep 318")).length > 0);
    // No chance to clean up: the process is killed outright, as the runner does when a step overstays.
    signal(build.child, "SIGKILL");
    await build.exited;
    expect((await secretsIn(temp)).length).toBeGreaterThan(0);

    const state = parseOutputFile(await readFile(build.stateFile, "utf8"));
    expect(state.isPost).toBe("true");
    const post = spawn("node", [path.join(ROOT, "dist/build-push/index.js")], {
      cwd: work,
      env: {
        PATH: build.env.PATH,
        RUNNER_TEMP: temp,
        GITHUB_ACTIONS: "true",
        ...Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value])),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    post.stdout!.on("data", (chunk) => {
      log += chunk;
    });
    post.stderr!.on("data", (chunk) => {
      log += chunk;
    });
    const code = await new Promise<number | null>((resolve) => post.on("close", resolve));
    expect(code, log).toBe(0);
    await until(
      "the builder to be gone",
      async () => (await processesWith("sleep 318")).length === 0,
      10_000,
    );
    expect(await secretsIn(temp)).toEqual([]);
    expect(await processesWith(temp)).toEqual([]);
  }, 240_000);
});
