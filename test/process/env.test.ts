import os from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { git } from "../../src/git/working-tree.js";
import { childEnv } from "../../src/process/env.js";

describe("the environment child tools get", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("git run by the delivery code sees neither the action's token nor the runner's", async () => {
    process.env.INPUT_TOKEN = "ghs_inputsecret";
    process.env.GITHUB_TOKEN = "ghs_githubsecret";
    process.env.ACTIONS_RUNTIME_TOKEN = "runtime-secret";
    // An alias that prints git's own environment, as a hook or credential helper would see it.
    const result = await git(os.tmpdir(), ["-c", "alias.showenv=!env", "showenv"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("PATH=");
    expect(result.stdout).toContain("GIT_TERMINAL_PROMPT=0");
    expect(result.stdout).not.toMatch(/secret/);
  });

  it("keeps what git needs to reach a server: proxies, certificates and its own configuration", () => {
    const env = childEnv({
      PATH: "/usr/bin",
      HTTPS_PROXY: "http://proxy:3128",
      SSL_CERT_FILE: "/etc/ca.pem",
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: "http.extraHeader",
      GIT_CONFIG_VALUE_0: "x",
      INPUT_PASSWORD: "p",
      RUNNER_TEMP: "/tmp/r",
    });
    expect(env).toEqual({
      PATH: "/usr/bin",
      HTTPS_PROXY: "http://proxy:3128",
      // curl, and so git, reads only the lower-case form of some of these.
      https_proxy: "http://proxy:3128",
      SSL_CERT_FILE: "/etc/ca.pem",
      GIT_CONFIG_COUNT: "1",
      GIT_CONFIG_KEY_0: "http.extraHeader",
      GIT_CONFIG_VALUE_0: "x",
    });
  });
});
