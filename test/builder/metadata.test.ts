import { describe, expect, it } from "vitest";
import {
  computeMetadata,
  computeTags,
  createdTime,
  type GitHubContext,
  parseKeyValues,
  resolveImageName,
  sanitizeTag,
} from "../../src/builder/metadata.js";
import { UserError } from "../../src/errors.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";
const HEAD = "fedcba9876543210fedcba9876543210fedcba98";

function context(eventName: string, ref: string, payload: Record<string, unknown> = {}): GitHubContext {
  return { eventName, ref, sha: SHA, repository: "Acme/Web", serverUrl: "https://github.com", payload };
}

const repository = { default_branch: "main" };

describe("computeTags from event payloads", () => {
  it.each([
    [
      "push to the default branch",
      context("push", "refs/heads/main", { repository }),
      false,
      [],
      ["sha-0123456", "main"],
    ],
    [
      "push to the default branch with latest",
      context("push", "refs/heads/main", { repository }),
      true,
      [],
      ["sha-0123456", "main", "latest"],
    ],
    [
      "push to another branch with latest: no latest",
      context("push", "refs/heads/release/2.x", { repository }),
      true,
      [],
      ["sha-0123456", "release-2.x"],
    ],
    [
      "push to a branch whose name needs sanitising",
      context("push", "refs/heads/Feature/JIRA-12_fix#1", { repository }),
      false,
      [],
      ["sha-0123456", "Feature-JIRA-12_fix-1"],
    ],
    [
      "push of a release tag",
      context("push", "refs/tags/v1.2.3", { repository }),
      true,
      [],
      ["sha-0123456", "1.2.3", "1.2"],
    ],
    [
      "push of a pre-release tag moves no X.Y",
      context("push", "refs/tags/v2.0.0-rc.1", { repository }),
      false,
      [],
      ["sha-0123456", "2.0.0-rc.1"],
    ],
    [
      "push of a tag that is not semver",
      context("push", "refs/tags/nightly-2026.11.21", {}),
      false,
      [],
      ["sha-0123456", "nightly-2026.11.21"],
    ],
    [
      "pull_request: head commit, pr-N, never latest",
      context("pull_request", "refs/pull/7/merge", {
        number: 7,
        pull_request: { number: 7, head: { sha: HEAD } },
      }),
      true,
      [],
      ["sha-fedcba9", "pr-7"],
    ],
    [
      "pull_request_target: head commit too",
      context("pull_request_target", "refs/heads/main", { pull_request: { number: 9, head: { sha: HEAD } } }),
      false,
      [],
      ["sha-fedcba9", "pr-9"],
    ],
    [
      "workflow_dispatch on a branch",
      context("workflow_dispatch", "refs/heads/main", { ref: "refs/heads/main", repository, inputs: {} }),
      true,
      ["manual"],
      ["sha-0123456", "main", "latest", "manual"],
    ],
    [
      "extra tags repeat computed ones only once",
      context("push", "refs/heads/main", { repository }),
      false,
      ["main", "edge", "edge"],
      ["sha-0123456", "main", "edge"],
    ],
  ])("%s", (_name, ctx, latest, extra, expected) => {
    const { primary, tags } = computeTags(ctx, { latest, extra });
    expect(primary).toBe(expected[0]);
    expect(tags).toEqual(expected);
  });

  it("refuses an invalid extra tag, naming the input", () => {
    expect(() => computeTags(context("push", "refs/heads/main"), { latest: false, extra: ["-bad"] })).toThrow(
      /input 'tags': "-bad" is not a valid image tag/,
    );
  });

  it("refuses a run without a commit id outside pull requests", () => {
    const ctx = { ...context("push", "refs/heads/main"), sha: "" };
    expect(() => computeTags(ctx, { latest: false, extra: [] })).toThrow(UserError);
  });
});

describe("sanitizeTag", () => {
  it.each([
    ["main", "main"],
    ["feature/login", "feature-login"],
    ["-leading.dots", "leading.dots"],
    ["a".repeat(200), "a".repeat(128)],
    ["///", ""],
  ])("%s → %s", (input, expected) => {
    expect(sanitizeTag(input)).toBe(expected);
  });
});

describe("computeMetadata labels", () => {
  it("sets the OCI labels from the run and lets the user's labels win", () => {
    const metadata = computeMetadata(context("push", "refs/tags/v3.1.0", { repository }), {
      latest: false,
      extra: [],
      labels: { "org.opencontainers.image.title": "web frontend", team: "payments" },
      created: 1_763_700_000,
    });
    expect(metadata.labels).toEqual({
      "org.opencontainers.image.source": "https://github.com/Acme/Web",
      "org.opencontainers.image.revision": SHA,
      "org.opencontainers.image.created": new Date(1_763_700_000_000).toISOString(),
      "org.opencontainers.image.version": "3.1.0",
      "org.opencontainers.image.title": "web frontend",
      team: "payments",
    });
  });

  it("names a pull request build by its PR and revision by its head", () => {
    const metadata = computeMetadata(
      context("pull_request", "refs/pull/7/merge", { number: 7, pull_request: { head: { sha: HEAD } } }),
      { latest: false, extra: [], labels: {}, created: 0 },
    );
    expect(metadata.labels["org.opencontainers.image.version"]).toBe("pr-7");
    expect(metadata.labels["org.opencontainers.image.revision"]).toBe(HEAD);
  });
});

describe("createdTime", () => {
  const now = new Date("2026-11-21T12:00:00Z");
  it("prefers SOURCE_DATE_EPOCH, then the pushed commit's time, then now", () => {
    const push = context("push", "refs/heads/main", {
      head_commit: { timestamp: "2026-11-20T09:30:00+01:00" },
    });
    expect(createdTime(push, "1700000000", now)).toBe(1_700_000_000);
    expect(createdTime(push, undefined, now)).toBe(Date.parse("2026-11-20T08:30:00Z") / 1000);
    expect(createdTime(context("workflow_dispatch", "refs/heads/main"), "", now)).toBe(now.getTime() / 1000);
  });
  it("refuses a SOURCE_DATE_EPOCH that is not a number", () => {
    expect(() => createdTime(context("push", "refs/heads/main"), "yesterday", now)).toThrow(
      /SOURCE_DATE_EPOCH/,
    );
  });
});

describe("parseKeyValues", () => {
  it("keeps commas and '=' inside values and skips comments", () => {
    expect(parseKeyValues("A=1,2\n# note\n\nB = x=y \n", "build-args")).toEqual({ A: "1,2", B: "x=y" });
  });
  it("names the input and line of an entry without '=', never the entry itself", () => {
    expect(() => parseKeyValues("A=1\nBROKEN", "labels")).toThrow(/input 'labels' line 2 is not key=value/);
    const pasted = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB";
    let message = "";
    try {
      parseKeyValues(`A=1\n${pasted}`, "build-args");
    } catch (error) {
      message = `${(error as Error).message} ${JSON.stringify(error)}`;
    }
    expect(message).toMatch(/line 2/);
    expect(message).not.toContain(pasted);
  });
});

describe("resolveImageName", () => {
  it("lowercases an owner written in uppercase and says so", () => {
    const { ref, lowercased } = resolveImageName("ghcr.io/Acme/Web");
    expect(ref).toEqual({ registry: "ghcr.io", repository: "acme/web", tag: undefined, digest: undefined });
    expect(lowercased).toBe(true);
  });
  it("leaves a lowercase name alone", () => {
    expect(resolveImageName("localhost:5000/app").lowercased).toBe(false);
  });
  it.each([
    ["", /input 'image' is required/],
    ["ghcr.io/acme/web:1.0", /must be a name without tag or digest/],
    ["ghcr.io/acme/we b", /whitespace/],
    ["ghcr.io/acme//web", /empty path component/],
  ])("refuses %j", (input, message) => {
    expect(() => resolveImageName(input)).toThrow(message);
  });
});
