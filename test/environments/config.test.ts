import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findEnvironment, loadConfig } from "../../src/environments/index.js";
import { aliasBomb } from "./alias-bomb.js";

const FIXTURE = readFileSync(
  new URL("../fixtures/config-repo/gitops-pipeline.yaml", import.meta.url),
  "utf8",
);

describe("loadConfig", () => {
  it("reads environments in file order with every field", () => {
    const config = loadConfig(FIXTURE);
    expect(config.environments.map((env) => env.name)).toEqual(["dev", "staging", "production"]);
    expect(config.environments[2]).toEqual({
      name: "production",
      paths: ["apps/*/overlays/production"],
      mode: "pull-request",
      approvals: 2,
      reviewers: ["alice", "@acme/platform"],
      windows: ["Mon-Fri 09:00-17:00 Europe/Berlin"],
      requireStatus: ["argocd/shop-staging"],
      rollbackApprovals: 1,
      line: 9,
    });
    expect(config.environments[0]).toMatchObject({
      mode: "commit",
      approvals: 0,
      reviewers: [],
      windows: [],
    });
    expect(config.environments[0]!.rollbackApprovals).toBeUndefined();
    expect(config.promotion).toEqual(["dev", "staging", "production"]);
    expect(config.validate).toEqual({ rules: { "latest-tag": "error" } });
    expect(config.validateLine).toBe(19);
  });

  it("keeps the order of a map whose keys are not alphabetical, and defaults promotion to it", () => {
    const config = loadConfig("environments:\n  zeta: {paths: [z]}\n  alpha: {paths: [a], mode: commit}\n");
    expect(config.environments.map((env) => env.name)).toEqual(["zeta", "alpha"]);
    expect(config.promotion).toEqual(["zeta", "alpha"]);
    expect(config.environments[0]!.mode).toBe("pull-request");
  });

  const errors: [string, string, RegExp, number][] = [
    ["no environments", "promotion: [dev]\n", /no `environments:`/, 1],
    [
      "unknown key (typo)",
      "environments:\n  dev:\n    paths: [a]\n    aprovals: 1\n",
      /unknown key 'aprovals'/,
      4,
    ],
    ["missing paths", "environments:\n  dev:\n    mode: commit\n", /has no paths/, 2],
    ["bad mode", "environments:\n  dev:\n    paths: [a]\n    mode: push\n", /'commit' or 'pull-request'/, 4],
    ["negative approvals", "environments:\n  dev: {paths: [a], approvals: -1}\n", /whole number/, 2],
    ["approvals as text", "environments:\n  dev:\n    paths: [a]\n    approvals: two\n", /whole number/, 4],
    [
      "bad reviewer",
      'environments:\n  dev:\n    paths: [a]\n    reviewers: ["not a user"]\n',
      /neither a GitHub login nor a team/,
      4,
    ],
    ["path escaping the repo", "environments:\n  dev:\n    paths: [../other]\n", /leaves the repository/, 3],
    [
      "promotion naming an unknown env",
      "environments:\n  dev: {paths: [a]}\npromotion: [dev, prod]\n",
      /'prod', which is not an environment/,
      3,
    ],
    ["promotion repeating an env", "environments:\n  dev: {paths: [a]}\npromotion: [dev, dev]\n", /twice/, 3],
    ["syntax error", "environments:\n  dev: {paths: [a]\n", /malformed YAML/, 3],
    [
      "bad deployment window, at its own line",
      "environments:\n  prod:\n    paths: [a]\n    windows:\n      - Mon-Fri 09:00-17:00 UTC\n      - Mon-Fry 09:00-17:00 UTC\n",
      /deployment window/,
      6,
    ],
    [
      "unknown top-level key",
      "environments:\n  dev: {paths: [a]}\nenviroments: {}\n",
      /unknown key 'enviroments'/,
      3,
    ],
  ];
  it.each(errors)("%s → a UserError at file:line", (_, text, message, line) => {
    let caught: unknown;
    try {
      loadConfig(text, "gitops-pipeline.yaml");
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ name: "UserError", location: { file: "gitops-pipeline.yaml", line } });
    expect((caught as Error).message).toMatch(message);
  });

  it("findEnvironment lists the defined names when one is unknown", () => {
    expect(() => findEnvironment(loadConfig(FIXTURE), "qa")).toThrow(
      expect.objectContaining({ hint: "Defined environments: dev, staging, production." }),
    );
  });

  it("refuses aliases nested into a billion laughs at the section's line, and keeps a few shared settings", () => {
    const bomb = `environments:\n  dev: {paths: [apps]}\nvalidate:\n${aliasBomb("  ")}\n`;
    expect(() => loadConfig(bomb, "gitops-pipeline.yaml")).toThrow(
      expect.objectContaining({
        name: "UserError",
        message: "the validate section uses aliases that expand to too many nodes",
        location: { file: "gitops-pipeline.yaml", line: 3, column: 1 },
      }),
    );
    const shared = "environments:\n  dev: {paths: [apps]}\nvalidate:\n  skip: &s [a, b]\n  also: *s\n";
    expect(loadConfig(shared).validate).toEqual({ skip: ["a", "b"], also: ["a", "b"] });
  });
});
