import { execFileSync, spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/action.js";

// A promotion as it exists on a laptop: main holds staging and production, the branch
// promote/staging-to-production holds one commit made by `gitops-pipeline promote`.

const FIXTURE = path.join(ROOT, "test/fixtures/promote-repo");
const CLI = path.join(ROOT, "dist/cli/index.js");
const PDB = "apps/web/overlays/production/pdb.yaml";
const STAGING_API = "apps/api/overlays/staging/deployment-patch.yaml";
const STAGING_WEB = "apps/web/overlays/staging/kustomization.yaml";
const WEB_NEW = "sha256:4b9a3e0f5c1d2e7a8b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
const WEB_REBUILT = `sha256:${"e".repeat(64)}`;
const PROMOTION = "promote/staging-to-production";
// Monday 23 November 2026, 10:30 in Berlin (UTC+1): inside Mon-Fri 09:00-17:00 Europe/Berlin.
const INSIDE = "2026-11-23T10:30:00+01:00";
// 10:30 the same Monday in Los Angeles is 19:30 in Berlin: outside.
const LOS_ANGELES = "2026-11-23T10:30:00-08:00";
const GREEN = "argocd/staging=success";

let repo: string;
afterAll(() => rm(repo, { recursive: true, force: true }));

function git(...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Dev", "-c", "user.email=dev@example.com", ...args], {
    cwd: repo,
    encoding: "utf8",
  }).trim();
}

function cli(...args: string[]) {
  const result = spawnSync("node", [CLI, ...args], { cwd: repo, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function gate(...args: string[]) {
  return cli("gate", "--repo", ".", "--to", "production", ...args);
}

function json(...args: string[]) {
  const run = gate("--json", ...args);
  return { code: run.code, result: JSON.parse(run.stdout), stderr: run.stderr };
}

/** A new branch from `start` with one commit that replaces text in one file; the promotion stays checked out. */
async function commitOn(branch: string, start: string, file: string, [from, to]: [string, string]) {
  git("checkout", "-qb", branch, start);
  const text = await readFile(path.join(repo, file), "utf8");
  await writeFile(path.join(repo, file), text.replace(from, to));
  git("commit", "-qam", `edit ${file}`);
  git("checkout", "-q", PROMOTION);
}

const approvedByTwo = ["--approved-by", "alice", "--approved-by", "bob", "--member", "@acme/platform=bob"];

let head: string;
beforeAll(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), "gate-cli-"));
  await cp(FIXTURE, repo, { recursive: true });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-qm", "environments");
  git("checkout", "-qb", PROMOTION);
  expect(cli("promote", "--repo", ".", "--to", "production").code).toBe(0);
  git("commit", "-qam", "promote staging to production");
  head = git("rev-parse", "HEAD");
});

describe("gitops-pipeline gate (built bundle)", () => {
  it("is blocked without approvals, outside the window and without the required status, and says so", () => {
    const run = gate("--now", LOS_ANGELES);
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^BLOCKED: staging → production, [0-9a-f]{7} onto main \([0-9a-f]{7}\)$/);
    expect(lines).toContain(
      `✗ approvals: 0 of 2 approvals by alice, @acme/platform on the latest commit ${head.slice(0, 7)}`,
    );
    expect(lines).toContain(
      "✗ window: outside the deployment window Mon-Fri 09:00-17:00 Europe/Berlin (now Mon 19:30 Europe/Berlin)",
    );
    expect(lines.some((l) => /^✗ status: required status argocd\/staging not reported/.test(l))).toBe(true);
    expect(run.stdout).toContain(
      "apps/api/overlays/production/deployment-patch.yaml:11: ghcr.io/acme/api 2.2.1 -> 2.3.0",
    );
    expect(run.stderr).toContain("team @acme/platform cannot be resolved from Git");

    const blocked = json("--now", LOS_ANGELES);
    expect(blocked.code).toBe(1);
    expect(blocked.result.gate).toBe("blocked");
    expect(blocked.result.approvedBy).toEqual([]);
    expect(blocked.result.reasons).toHaveLength(3);
    expect(blocked.result.reasons[0]).toMatch(/^0 of 2 approvals/);
    expect(blocked.result.conditions.map((c: { name: string }) => c.name)).toEqual([
      "approvals",
      "window",
      "status",
    ]);
  });

  it("opens with two allowed approvals on the head commit, a green status and the window open", () => {
    const run = gate(...approvedByTwo, "--status", GREEN, "--now", INSIDE, "--author", "carol");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n").slice(0, 4)).toEqual([
      `OPEN: staging → production, ${head.slice(0, 7)} onto main (${git("rev-parse", "--short=7", "main")})`,
      `✓ approvals: 2 of 2 approvals by alice, @acme/platform on the latest commit ${head.slice(0, 7)} (alice, bob)`,
      "✓ window: inside the deployment window (Mon-Fri 09:00-17:00 Europe/Berlin)",
      `✓ status: required status argocd/staging is success on staging commit ${git("rev-parse", "--short=7", "main")}`,
    ]);
    const open = json(...approvedByTwo, "--status", GREEN, "--now", INSIDE);
    expect(open.code).toBe(0);
    expect(open.result).toMatchObject({ gate: "open", reasons: [], approvedBy: ["alice", "bob"] });
  });

  it("stays blocked when the window is closed in Berlin, though it is 10:30 where the caller is", () => {
    const run = json(...approvedByTwo, "--status", GREEN, "--now", LOS_ANGELES);
    expect(run.code).toBe(1);
    expect(run.result.reasons).toEqual([
      "outside the deployment window Mon-Fri 09:00-17:00 Europe/Berlin (now Mon 19:30 Europe/Berlin)",
    ]);
  });

  it("does not count the author, reviewers not allowed, or team members nobody vouched for", () => {
    const run = json(
      ...["--approved-by", "alice", "--approved-by", "mallory", "--approved-by", "bob"],
      ...["--author", "alice", "--status", GREEN, "--now", INSIDE],
    );
    expect(run.code).toBe(1);
    expect(run.result.approvedBy).toEqual([]);
    expect(run.result.reasons).toEqual([
      `0 of 2 approvals by alice, @acme/platform on the latest commit ${head.slice(0, 7)}; ` +
        "alice does not count (author of the pull request); mallory does not count (not an allowed reviewer); " +
        "bob does not count (not an allowed reviewer)",
    ]);
  });

  it("is blocked when the promotion commit also edits a line that is not an image reference", async () => {
    await commitOn("edited", PROMOTION, PDB, ["minAvailable: 2", "minAvailable: 0"]);
    const run = json(...approvedByTwo, "--status", GREEN, "--now", INSIDE, "--head", "edited");
    expect(run.code).toBe(1);
    expect(run.result.reasons).toEqual([`${PDB} changes more than image references`]);
    expect(run.result.conditions.at(-1)).toMatchObject({ name: "files", met: false });
  });

  it("reads its policy from the base commit, so a promotion that lowers the approvals does not open itself", async () => {
    await commitOn("loosened", PROMOTION, "gitops-pipeline.yaml", ["approvals: 2", "approvals: 0"]);
    const run = json("--status", GREEN, "--now", INSIDE, "--head", "loosened");
    expect(run.code).toBe(1);
    expect(run.result.reasons).toEqual([
      expect.stringMatching(/^0 of 2 approvals /),
      "gitops-pipeline.yaml is outside production's paths (apps/*/overlays/production)",
    ]);
  });

  it("is blocked when staging no longer runs what the promotion carries", async () => {
    await commitOn("moved", "main", STAGING_API, ["api:2.3.0", "api:2.2.9"]);
    const run = json(...approvedByTwo, "--status", GREEN, "--now", INSIDE, "--base", "moved");
    expect(run.code).toBe(1);
    expect(run.result.reasons).toEqual([
      "staging does not run ghcr.io/acme/api:2.3.0 (apps/api/overlays/production/deployment-patch.yaml:11); " +
        "app api runs 2.2.9 there now",
    ]);
  });

  it("opens on a success status only: pending, error and failure block, each named", () => {
    const main = git("rev-parse", "--short=7", "main");
    for (const state of ["pending", "error", "failure"]) {
      const run = json(...approvedByTwo, "--status", `argocd/staging=${state}`, "--now", INSIDE);
      expect(run.code, state).toBe(1);
      expect(run.result.reasons).toEqual([
        `required status argocd/staging is ${state} on staging commit ${main}`,
      ]);
    }
    expect(json(...approvedByTwo, "--status", GREEN, "--now", INSIDE).code).toBe(0);
  });

  it("takes a check run of the required name, the last one given as its latest run", () => {
    const main = git("rev-parse", "--short=7", "main");
    const check = (...states: string[]) =>
      json(...approvedByTwo, "--now", INSIDE, ...states.flatMap((s) => ["--check", `argocd/staging=${s}`]));
    expect(check("failure", "success").code).toBe(0);
    for (const [states, shown] of [
      [["success", "in_progress"], "in_progress"],
      [["success", "skipped"], "skipped"],
      [["cancelled"], "cancelled"],
    ] as const) {
      const run = check(...states);
      expect(run.code).toBe(1);
      expect(run.result.reasons[0]).toMatch(
        new RegExp(`^required status argocd/staging is ${shown} on staging commit ${main} \\(check run\\)`),
      );
    }
    const bad = cli("gate", "--repo", ".", "--to", "production", "--check", "smoke=green");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--check "smoke=green": state must be a check status');
  });

  it("is blocked when staging rebuilt the promoted tag under another digest", async () => {
    await commitOn("rebuilt", "main", STAGING_WEB, [WEB_NEW, WEB_REBUILT]);
    const run = json(...approvedByTwo, "--status", GREEN, "--now", INSIDE, "--base", "rebuilt");
    expect(run.code).toBe(1);
    expect(run.result.reasons).toEqual([
      `staging does not run ghcr.io/acme/web:1.10@${WEB_NEW} (apps/web/overlays/production/kustomization.yaml:16); ` +
        `app web runs 1.10@${WEB_REBUILT} there now`,
    ]);
  });

  it("exits 2 on bad usage and 1 on a revision that does not exist", () => {
    for (const args of [
      ["gate", "--repo", "."],
      ["gate", "--repo", ".", "--to", "production", "--status", "argocd/staging"],
      ["gate", "--repo", ".", "--to", "production", "--status", "argocd/staging=green"],
      ["gate", "--repo", ".", "--to", "production", "--now", "2026-11-23T10:30"],
      ["gate", "--repo", ".", "--to", "production", "--member", "platform=bob"],
      ["gate", "--repo", ".", "--to", "production", "--approved"],
    ]) {
      const run = cli(...args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr).toContain("usage: gitops-pipeline gate --repo DIR --to ENV");
    }
    const missing = gate("--base", "release");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('git could not find commit "release" (--base)');
    const unknown = gate("--from", "qa");
    expect(unknown.code).toBe(1);
  });
});
