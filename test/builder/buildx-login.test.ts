import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBundledAction } from "../support/action.js";
import { registryComponentsPresent, startRegistry, type TestRegistry } from "../support/registry.js";
import { installFakeDocker } from "./fake-docker.js";

const SHA = "0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e";
const PASSWORD = "buildx-Pa55word-q9";
const event = {
  name: "push",
  ref: "refs/heads/main",
  sha: SHA,
  payload: { head_commit: { timestamp: "2026-11-20T09:30:00Z" }, repository: { default_branch: "main" } },
};

/**
 * The buildx path on a machine without a Docker engine: a fake docker CLI records what the action runs and with which
 * DOCKER_CONFIG, and pushes to a real registry with whatever login it finds there.
 */
describe.skipIf(!registryComponentsPresent())(
  "build-push with buildx keeps the login inside the step",
  () => {
    let registry: TestRegistry;
    let work: string;
    let context: string;
    let home: string;
    let userConfig: string;
    const userConfigText = `${JSON.stringify({ credsStore: "desktop", auths: { "other.example": { auth: "b3RoZXI6cHc=" } } })}\n`;

    beforeAll(async () => {
      registry = await startRegistry({ credentials: { username: "ci-bot", password: PASSWORD } });
      work = await mkdtemp(path.join(os.tmpdir(), "gitops-buildx-"));
      context = path.join(work, "app");
      await mkdir(context);
      await writeFile(path.join(context, "Dockerfile"), "FROM scratch\n");
      // The user's own docker config, with a builder created by an earlier setup step and a credential store.
      home = path.join(work, "home");
      userConfig = path.join(home, ".docker");
      await mkdir(path.join(userConfig, "buildx", "instances"), { recursive: true });
      await writeFile(path.join(userConfig, "config.json"), userConfigText);
    });
    afterAll(async () => {
      await registry?.stop();
      await rm(work, { recursive: true, force: true });
    });

    async function runWithFakeDocker(name: string, fail: boolean) {
      const bin = path.join(work, `bin-${name}`);
      const temp = path.join(work, `temp-${name}`);
      await mkdir(bin);
      await mkdir(temp);
      const docker = await installFakeDocker(bin);
      const run = await runBundledAction("build-push", {
        inputs: {
          image: `${registry.host}/acme/${name}`,
          context,
          builder: "buildx",
          username: "ci-bot",
          password: PASSWORD,
        },
        event,
        env: {
          PATH: `${bin}${path.delimiter}${process.env.PATH}`,
          HOME: home,
          RUNNER_TEMP: temp,
          FAKE_DOCKER_LOG: docker.log,
          ...(fail ? { FAKE_DOCKER_FAIL: "build" } : {}),
        },
      });
      return { run, calls: await docker.calls(), temp };
    }

    it("logs in, builds and pushes with a DOCKER_CONFIG of the step's own, gone after success", async () => {
      const { run, calls, temp } = await runWithFakeDocker("web", false);
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.outputs.digest).toBe(await registry.digest("acme/web", "sha-0d1e2f3"));

      const login = calls.find((call) => call.argv[0] === "login")!;
      const build = calls.find((call) => call.argv[1] === "build")!;
      expect(login.argv).toEqual(["login", "--username", "ci-bot", "--password-stdin", registry.host]);
      expect(login.stdin).toBe(PASSWORD);
      // One directory for login and build, below RUNNER_TEMP, with the user's builders linked in.
      expect(login.dockerConfig.startsWith(`${temp}${path.sep}`)).toBe(true);
      expect(build.dockerConfig).toBe(login.dockerConfig);
      expect(build.configEntries).toEqual(["buildx", "config.json"]);
      // The password went in on stdin, and nowhere else.
      for (const call of calls) expect(call.argv.join(" ")).not.toContain(PASSWORD);
      expect(calls.filter((call) => call.stdin.includes(PASSWORD))).toEqual([login]);
      expect(`${run.stdout}${run.stderr}`.replace(/^::add-mask::.*$/m, "")).not.toContain(PASSWORD);

      expect(existsSync(login.dockerConfig)).toBe(false);
      expect(await readFile(path.join(userConfig, "config.json"), "utf8")).toBe(userConfigText);
    });

    it("removes the step's DOCKER_CONFIG when the build fails", async () => {
      const { run, calls } = await runWithFakeDocker("broken", true);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("docker buildx build failed (exit code 1)");
      const login = calls.find((call) => call.argv[0] === "login")!;
      expect(login.dockerConfig).not.toBe("");
      expect(calls.find((call) => call.argv[1] === "build")!.dockerConfig).toBe(login.dockerConfig);
      expect(existsSync(login.dockerConfig)).toBe(false);
      expect(await readFile(path.join(userConfig, "config.json"), "utf8")).toBe(userConfigText);
    });
  },
);
