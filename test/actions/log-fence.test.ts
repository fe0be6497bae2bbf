import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBundledAction } from "../support/action.js";
import { workflowCommands } from "../support/workflow-commands.js";

// A config repository is untrusted: names and tags in it must reach the log as text, never as workflow commands.
describe("repository text in the runner log", () => {
  let repo: string;
  beforeAll(async () => {
    repo = await mkdtemp(path.join(os.tmpdir(), "gitops-log-fence-"));
    await writeFile(
      path.join(repo, "deployment.yaml"),
      [
        "apiVersion: apps/v1",
        "kind: Deployment",
        "metadata:",
        '  name: "web\\n::warning::pwned-v2\\n##[error]pwned-v1"',
        "spec:",
        "  selector: {matchLabels: {app: web}}",
        "  template:",
        "    metadata: {labels: {app: web}}",
        "    spec:",
        "      containers:",
        "        - name: web",
        "          image: nginx:latest",
        "",
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it("validate-manifests prints a hostile resource name without the runner reading a command in it", async () => {
    const run = await runBundledAction("validate-manifests", {
      inputs: { paths: ".", "fail-on": "never", render: "never" },
      cwd: repo,
      env: { GITHUB_WORKSPACE: repo },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // The name is in the log as text …
    expect(run.stdout).toContain("::warning::pwned-v2");
    // … and every command the runner would act on is one the action meant to send.
    const injected = workflowCommands(run.stdout).filter((c) => /^pwned/.test(c.data));
    expect(injected).toEqual([]);
  });
});
