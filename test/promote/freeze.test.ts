import { execFileSync, spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/environments/index.js";
import { isUserError } from "../../src/errors.js";
import { parseImageRef } from "../../src/image/index.js";
import { evaluateGate } from "../../src/promote/gate.js";
import { ROOT } from "../support/action.js";

const FIXTURE = path.join(ROOT, "test/fixtures/promote-repo");
const CLI = path.join(ROOT, "dist/cli/index.js");
const FREEZES = `    freezes:
      - from: 2026-12-21
        to: 2027-01-03
        timezone: Europe/Berlin
        reason: Year-end freeze
      - from: 2026-11-27T18:00
        to: 2026-11-30T08:00
        timezone: America/New_York
        reason: Black Friday weekend
        allow-rollbacks: false
`;
const GREEN = ["--approved-by", "alice", "--approved-by", "bob", "--member", "@acme/platform=bob"];

let repo: string;
afterAll(() => rm(repo, { recursive: true, force: true }));

function git(...args: string[]) {
  return execFileSync("git", ["-c", "user.name=Dev", "-c", "user.email=dev@example.com", ...args], {
    cwd: repo,
    encoding: "utf8",
  });
}

function cli(...args: string[]) {
  const result = spawnSync("node", [CLI, ...args], { cwd: repo, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const gate = (now: string) =>
  cli(
    "gate",
    "--repo",
    ".",
    "--to",
    "production",
    "--status",
    "argocd/staging=success",
    ...GREEN,
    "--now",
    now,
  );

beforeAll(async () => {
  repo = await mkdtemp(path.join(os.tmpdir(), "freeze-"));
  await cp(FIXTURE, repo, { recursive: true });
  const config = await readFile(path.join(repo, "gitops-pipeline.yaml"), "utf8");
  await writeFile(
    path.join(repo, "gitops-pipeline.yaml"),
    config.replace("    rollback-approvals: 1\n", `    rollback-approvals: 1\n${FREEZES}`),
  );
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-qm", "environments");
  git("checkout", "-qb", "promote/staging-to-production");
  expect(cli("promote", "--repo", ".", "--to", "production").code).toBe(0);
  git("commit", "-qam", "promote staging to production");
});

describe("freezes (gitops-pipeline gate, built bundle)", () => {
  it("block a promotion inside a freeze and name it; the day after the last day it opens", () => {
    // Monday 28 December 2026, 10:30 in Berlin: a window day, but frozen.
    const frozen = gate("2026-12-28T10:30:00+01:00");
    expect(frozen.code).toBe(1);
    expect(frozen.stdout).toContain(
      "✗ freeze: production is frozen from 2026-12-21 until 2027-01-04 00:00 Europe/Berlin: Year-end freeze",
    );
    // `to: 2027-01-03` includes the 3rd; Monday the 4th is open again.
    const after = gate("2027-01-04T10:30:00+01:00");
    expect(after.stdout).not.toContain("freeze");
    expect(after.code).toBe(0);
    // A freeze in New York time: Friday 27 November 18:00 there is midnight in Berlin, so 09:30 Berlin on Monday
    // 30 November is 03:30 in New York, still frozen.
    const json = JSON.parse(
      cli(
        "gate",
        "--repo",
        ".",
        "--to",
        "production",
        "--status",
        "argocd/staging=success",
        ...GREEN,
        "--now",
        "2026-11-30T09:30:00+01:00",
        "--json",
      ).stdout,
    );
    expect(json.gate).toBe("blocked");
    expect(json.reasons).toEqual([
      "production is frozen from 2026-11-27T18:00 until 2026-11-30 08:00 America/New_York: Black Friday weekend",
    ]);
  });

  it("refuse invalid freezes at their line", async () => {
    const base = await readFile(path.join(FIXTURE, "gitops-pipeline.yaml"), "utf8");
    const cases: [string, RegExp][] = [
      [
        "      - {from: 2026-02-30, to: 2026-03-02, reason: x}\n",
        /bad\.yaml:15:16: from "2026-02-30" of a freeze of environment 'production' is not a date/,
      ],
      [
        "      - {from: 2026-03-05, to: 2026-03-02, reason: x}\n",
        /bad\.yaml:15:\d+: a freeze of environment 'production' ends \(2026-03-02\) before it starts \(2026-03-05\)/,
      ],
      [
        "      - {from: 2026-03-01, to: 2026-03-02, timezone: Mars/Olympus, reason: x}\n",
        /bad\.yaml:15:\d+: unknown time zone "Mars\/Olympus"/,
      ],
      [
        "      - {from: 2026-03-01, to: 2026-03-02}\n",
        /bad\.yaml:15:\d+: a freeze of environment 'production' has no reason/,
      ],
    ];
    for (const [entry, message] of cases) {
      await writeFile(
        path.join(repo, "bad.yaml"),
        base.replace("    rollback-approvals: 1\n", `    rollback-approvals: 1\n    freezes:\n${entry}`),
      );
      const run = cli("gate", "--repo", ".", "--to", "production", "--config", "bad.yaml");
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
    }
  });
});

describe("freezes and rollbacks", () => {
  const config = loadConfig(
    `environments:\n  production:\n    paths: [apps/*/overlays/production]\n${FREEZES}`,
    "gitops-pipeline.yaml",
  );
  const freezes = config.environments[0]!.freezes!;
  const file = "apps/web/overlays/production/kustomization.yaml";
  const overlay = (tag: string) => `images:\n  - name: ghcr.io/acme/web\n    newTag: "${tag}"\n`;
  const rollback = (now: string) =>
    evaluateGate({
      kind: "rollback",
      now: new Date(now),
      pullRequest: {
        number: 9,
        author: "bot",
        headSha: "a".repeat(40),
        files: [{ path: file, status: "modified", base: overlay("1.1.0"), head: overlay("1.0.0") }],
      },
      reviews: [],
      reviewers: { reviewers: [], teamMembers: {}, writers: [] },
      approvals: 0,
      windows: [],
      freezes,
      requireStatus: [],
      target: { name: "production", paths: ["apps/*/overlays/production"] },
      source: {
        name: "production at 1234567",
        commit: "b".repeat(40),
        images: { web: [{ file, line: 3, ref: parseImageRef("ghcr.io/acme/web:1.0.0") }] },
        statuses: [],
      },
    });

  it("let a rollback through a freeze unless the freeze says otherwise", () => {
    const holidays = rollback("2026-12-28T10:30:00+01:00");
    expect(holidays.open).toBe(true);
    expect(holidays.conditions.find((c) => c.name === "freeze")?.detail).toMatch(/rollbacks are allowed$/);
    const weekend = rollback("2026-11-28T12:00:00Z");
    expect(weekend.open).toBe(false);
    expect(weekend.reasons).toEqual([
      expect.stringMatching(/^production is frozen .*: Black Friday weekend$/),
    ]);
  });

  it("are read with their lines, and allow-rollbacks must be a boolean", () => {
    expect(freezes.map((f) => [f.line, f.allowRollbacks])).toEqual([
      [5, true],
      [9, false],
    ]);
    try {
      loadConfig(
        "environments:\n  production:\n    paths: [p]\n    freezes:\n      - {from: 2026-01-01, to: 2026-01-02, reason: x, allow-rollbacks: maybe}\n",
      );
      expect.unreachable();
    } catch (error) {
      expect(isUserError(error) && error.format()).toMatch(
        /^gitops-pipeline.yaml:5:\d+: allow-rollbacks of a freeze/,
      );
    }
  });
});
