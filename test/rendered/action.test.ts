import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RENDERED_DIFF_MARKER } from "../../src/rendered/markdown.js";
import { expectCleanEnd } from "../delivery/helpers.js";
import { type ActionRun, runBundledAction } from "../support/action.js";
import { hasComponent } from "../support/components.js";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";
import { configRepo, git, gitAsync, writeFiles } from "./fixture.js";

/**
 * The bundled validate-manifests action on pull requests of a real repository (served over git smart HTTP by the
 * GitHub API test server), rendering with real kustomize: one comment, created once and then edited in place.
 */

const ACTIONS_TOKEN = "ghs_rendered_diff_actions";
const roots: string[] = [];
let server: GitHubTestServer;

const enabled = hasComponent("git") && hasComponent("kubectl", ["version", "--client"]);

beforeAll(async () => {
  if (!enabled) return;
  server = await startGitHubServer();
  server.setToken(ACTIONS_TOKEN, { login: "github-actions[bot]", type: "github-actions" });
});
afterAll(async () => {
  await server?.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A repository on the server, a clone of it as the runner's workspace, and a pull request from a branch. */
async function pullRequest(name: string): Promise<{ workspace: string; base: string; number: number }> {
  const repo = await server.addRepository("acme", name, { files: configRepo() });
  const workspace = mkdtempSync(path.join(tmpdir(), "rendered-diff-ws-"));
  roots.push(workspace);
  await gitAsync(tmpdir(), ["clone", "--quiet", server.cloneUrl("acme", name, server.token), workspace]);
  const base = git(workspace, ["rev-parse", "HEAD"]);
  git(workspace, ["checkout", "-qb", "bump"]);
  await push(workspace, { ...configRepo({ baseReplicas: 2, stagingPassword: "rotated-pw-2" }) });
  const pr = await server.openPullRequest(repo, "acme", {
    headRef: "bump",
    baseRef: "main",
    title: "Bump",
    body: null,
    draft: false,
    maintainerCanModify: false,
  });
  return { workspace, base, number: pr.number };
}

async function push(workspace: string, files: Record<string, string | null>): Promise<string> {
  writeFiles(workspace, files);
  git(workspace, ["add", "-A"]);
  git(workspace, ["commit", "-qm", "change"]);
  await gitAsync(workspace, ["push", "--quiet", "origin", "HEAD:bump"]);
  return git(workspace, ["rev-parse", "HEAD"]);
}

function runAction(
  name: string,
  pr: { workspace: string; base: string; number: number },
  options: { fork?: boolean; inputs?: Record<string, string> } = {},
): Promise<ActionRun> {
  const head = git(pr.workspace, ["rev-parse", "HEAD"]);
  const repo = { full_name: `acme/${name}` };
  return runBundledAction("validate-manifests", {
    cwd: pr.workspace,
    inputs: { "fail-on": "never", annotations: "false", token: ACTIONS_TOKEN, ...options.inputs },
    event: {
      name: "pull_request",
      ref: `refs/pull/${pr.number}/merge`,
      sha: head,
      payload: {
        number: pr.number,
        pull_request: {
          number: pr.number,
          base: { sha: pr.base, ref: "main", repo },
          head: { sha: head, ref: "bump", repo: options.fork ? { full_name: "someone/fork" } : repo },
        },
      },
    },
    env: { GITHUB_API_URL: server.url, GITHUB_REPOSITORY: `acme/${name}`, GITHUB_SERVER_URL: server.webUrl },
  });
}

/** Issue-comment API calls since the counters were reset, by operation. */
const issueCalls = () =>
  Object.fromEntries(Object.entries(server.tally()).filter(([operation]) => operation.startsWith("issues/")));

const comments = (name: string, number: number) => server.repo("acme", name).comments.get(number) ?? [];

describe.runIf(enabled)("rendered diff on pull requests (validate-manifests bundle)", () => {
  it("comments once, edits that comment on the next push, cuts it to GitHub's limit, never shows secret values", async () => {
    const pr = await pullRequest("config");
    server.resetCounters();
    const first = await runAction("config", pr);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs["rendered-diff-overlays"]).toBe("1");
    const [comment] = comments("config", pr.number);
    expect(comments("config", pr.number)).toHaveLength(1);
    expect(comment!.login).toBe("github-actions[bot]");
    expect(comment!.body.startsWith(RENDERED_DIFF_MARKER)).toBe(true);
    expect(comment!.body).toContain(
      "<details><summary><code>apps/web/overlays/staging</code>: 2 changed</summary>",
    );
    expect(comment!.body).toContain("    spec.replicas: 1 -> 2\n");
    expect(comment!.body).toContain("    data.password: changed (value hidden)\n");
    // production overrides replicas: rendered, unchanged, not listed.
    expect(comment!.body).toContain("2 overlays affected");
    expect(comment!.body).not.toContain("apps/web/overlays/production</code>");
    expect(first.summary).toContain(comment!.body);
    expect(first.outputs["diff-comment-url"]).toContain(
      `/acme/config/pull/${pr.number}#issuecomment-${comment!.id}`,
    );
    for (const text of [comment!.body, first.summary, first.stdout]) {
      expect(text).not.toContain("rotated-pw-2");
      expect(text).not.toContain(Buffer.from("rotated-pw-2").toString("base64"));
    }

    // The next push changes a config file far beyond what a comment can hold.
    const big = (word: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  app.conf: |\n${Array.from({ length: 4000 }, (_, i) => `    setting_${i} = ${word}`).join("\n")}\n`;
    // Meanwhile main gained an overlay with a large config file; the branch merges main, then rewrites the file.
    const base = await server.commitFiles("acme", "config", "main", {
      "apps/big/overlays/staging/kustomization.yaml": "resources: [big.yaml]\n",
      "apps/big/overlays/staging/big.yaml": big("old"),
    });
    await gitAsync(pr.workspace, ["fetch", "--quiet", "origin", "main"]);
    git(pr.workspace, ["merge", "--quiet", "--no-edit", "FETCH_HEAD"]);
    await push(pr.workspace, { "apps/big/overlays/staging/big.yaml": big("new") });
    const second = await runAction("config", { ...pr, base });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(comments("config", pr.number)).toHaveLength(1);
    const edited = comments("config", pr.number)[0]!;
    expect(edited.id).toBe(comment!.id);
    expect(edited.body.length).toBeLessThanOrEqual(65_536);
    expect(edited.body).toContain("-setting_0 = old");
    expect(edited.body).toContain("The rendered diff was cut to fit GitHub's limit of 65,536 characters");
    expect(issueCalls()).toEqual({
      "issues/list-comments": 2,
      "issues/create-comment": 1,
      "issues/update-comment": 1,
    });
    expectCleanEnd(server);
  }, 60_000);

  it("on a pull request from a fork, writes the summary only and says why, without failing", async () => {
    const pr = await pullRequest("forked");
    server.resetCounters();
    const run = await runAction("forked", pr, { fork: true });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("::notice::rendered diff: this pull request comes from a fork");
    expect(run.summary).toContain("spec.replicas: 1 -> 2");
    expect(comments("forked", pr.number)).toHaveLength(0);
    expect(issueCalls()).toEqual({});

    // A token that may only read (a fork's, or a job without `pull-requests: write`) degrades the same way.
    server.setToken("ghs_read_only", {
      login: "github-actions[bot]",
      type: "github-actions",
      permissions: { issues: "read", "pull-requests": "read", contents: "read" },
    });
    const readOnly = await runAction("forked", pr, { inputs: { token: "ghs_read_only" } });
    expect(readOnly.code, readOnly.stdout + readOnly.stderr).toBe(0);
    expect(readOnly.stdout).toContain(
      "::notice::rendered diff: the token may not comment on pull request #1 (HTTP 403)",
    );
    expect(comments("forked", pr.number)).toHaveLength(0);
    expectCleanEnd(server);
  }, 60_000);
});
