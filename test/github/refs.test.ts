import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { branchNameProblem, checkBranchName } from "../../src/github/refs.js";
import { hasComponent } from "../support/components.js";

// [name, valid]: every rule of git check-ref-format, each on its own and at the edges.
const TABLE: [string, boolean][] = [
  ["main", true],
  ["gitops/staging/acme-web", true],
  ["release-1.2", true],
  ["feat/ü-umlaut", true],
  ["x@y", true],
  ["@a", true],
  ["a.b/c.d", true],
  ["a.lockx", true],
  ["x..y~^:", false],
  ["", false],
  ["@", false],
  ["HEAD", false],
  ["-x", false],
  ["a b", false],
  ["a\tb", false],
  ["a\u007fb", false],
  ["a~b", false],
  ["a^b", false],
  ["a:b", false],
  ["a?b", false],
  ["a*b", false],
  ["a[b", false],
  ["a\\b", false],
  ["a..b", false],
  ["a@{b", false],
  ["/a", false],
  ["a/", false],
  ["a//b", false],
  ["a.", false],
  [".a", false],
  ["a/.b", false],
  ["a.lock", false],
  ["a.lock/b", false],
  ["a/b.lock/c", false],
];

describe("branch names", () => {
  it.each(TABLE)("%j is %s", (name, valid) => {
    expect(branchNameProblem(name) === undefined).toBe(valid);
  });

  // `@` alone is a shorthand for HEAD to `--branch`, which git expands instead of checking.
  it.skipIf(!hasComponent("git"))("agree with git check-ref-format --branch", () => {
    for (const [name, valid] of TABLE) {
      if (name === "@" || name === "") continue;
      let gitSays = true;
      try {
        execFileSync("git", ["check-ref-format", "--branch", name], { stdio: "ignore" });
      } catch {
        gitSays = false;
      }
      expect([name, gitSays]).toEqual([name, valid]);
    }
  });

  it("refuse with the input's name, the value and the rule", () => {
    expect(() => checkBranchName("x..y~^:", "branch")).toThrow(UserError);
    expect(() => checkBranchName("x..y~^:", "branch")).toThrow(
      /input 'branch' is not a valid branch name: "x\.\.y~\^:" \(it contains `~`\)/,
    );
    expect(() => checkBranchName("gitops/dev/web", "base")).not.toThrow();
  });
});
