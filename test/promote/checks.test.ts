import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/environments/index.js";
import {
  type CheckRun,
  type Checks,
  evaluateRequirement,
  latestCheckRuns,
  parseRequirement,
  reportsNeeded,
} from "../../src/promote/checks.js";

const WHERE = "on staging commit ccccccc";
const run = (id: number, name: string, status: string, conclusion: string | null = null): CheckRun => ({
  id,
  name,
  status,
  conclusion,
});
const verdict = (text: string, checks: Checks) => evaluateRequirement(parseRequirement(text), checks, WHERE);

describe("require-status entries", () => {
  it("read a plain name as a status context or check run, and prefixes as one kind", () => {
    expect(parseRequirement("argocd/staging")).toEqual({
      text: "argocd/staging",
      kind: "any",
      name: "argocd/staging",
    });
    expect(parseRequirement("status:ci:lint")).toMatchObject({ kind: "status", name: "ci:lint" });
    expect(parseRequirement("check:smoke / test (staging)")).toMatchObject({
      kind: "check-run",
      name: "smoke / test (staging)",
    });
    expect(parseRequirement("check-suite:trivy")).toMatchObject({ kind: "check-suite", name: "trivy" });
    // An unknown prefix is part of the name: contexts such as "ci:lint" keep working.
    expect(parseRequirement("ci:lint")).toMatchObject({ kind: "any", name: "ci:lint" });
    expect(reportsNeeded(["status:a"])).toEqual({ checkRuns: false, checkSuites: false, checkRunNames: [] });
    expect(reportsNeeded(["a", "check-suite:b", "check:a@github-actions"])).toEqual({
      checkRuns: true,
      checkSuites: true,
      checkRunNames: ["a"],
    });
    // `@APP` pins a check run to an app; an '@' followed by no slug is part of the name.
    expect(parseRequirement("check:smoke-test@github-actions")).toMatchObject({
      kind: "check-run",
      name: "smoke-test",
      app: "github-actions",
    });
    expect(parseRequirement("check:test (node@22.1)")).toMatchObject({ name: "test (node@22.1)" });
    expect(parseRequirement("check:test (node@22.1)").app).toBeUndefined();
    expect(parseRequirement("smoke@github-actions")).toMatchObject({
      kind: "any",
      name: "smoke@github-actions",
    });
  });

  it("refuse a prefix with nothing after it at its line of the config file", () => {
    const config = (entry: string) => `environments:
  staging:
    paths: [staging]
  production:
    paths: [production]
    require-status:
      - argocd/staging
      - "${entry}"
`;
    expect(loadConfig(config("check:smoke-test")).environments[1]!.requireStatus).toEqual([
      "argocd/staging",
      "check:smoke-test",
    ]);
    expect(() => loadConfig(config("check-suite: "))).toThrowError(
      expect.objectContaining({
        message: expect.stringContaining(
          `require-status entry "check-suite: " names nothing after 'check-suite:'`,
        ),
        location: expect.objectContaining({ line: 8 }),
      }),
    );
  });
});

describe("check runs and suites answering a requirement", () => {
  it("takes the latest run of a name by id, in whatever order GitHub lists them", () => {
    const runs = [
      run(7, "smoke", "completed", "success"),
      run(9, "smoke", "completed", "failure"),
      run(8, "smoke", "in_progress"),
    ];
    expect(latestCheckRuns(runs).get("smoke")?.id).toBe(9);
    expect(latestCheckRuns([...runs].reverse()).get("smoke")?.id).toBe(9);
    expect(verdict("smoke", { statuses: [], checkRuns: [...runs].reverse() }).verdict).toBe("failure");
  });

  const states: [string, string | null, "success" | "pending" | "failure"][] = [
    ["completed", "success", "success"],
    ["completed", "failure", "failure"],
    ["completed", "cancelled", "failure"],
    ["completed", "timed_out", "failure"],
    ["completed", "action_required", "failure"],
    ["completed", "stale", "failure"],
    ["completed", "startup_failure", "failure"],
    ["completed", "neutral", "failure"],
    ["completed", "skipped", "failure"],
    ["completed", "a-conclusion-from-the-future", "failure"],
    ["queued", null, "pending"],
    ["in_progress", null, "pending"],
    ["waiting", null, "pending"],
    ["requested", null, "pending"],
    ["pending", null, "pending"],
  ];
  it.each(states)("a check run %s/%s is %s", (status, conclusion, expected) => {
    expect(verdict("smoke", { statuses: [], checkRuns: [run(1, "smoke", status, conclusion)] }).verdict).toBe(
      expected,
    );
  });

  it("maps commit status states: only success passes, pending waits, error fails", () => {
    for (const [state, expected] of [
      ["success", "success"],
      ["pending", "pending"],
      ["failure", "failure"],
      ["error", "failure"],
    ]) {
      expect(
        verdict("argocd/staging", { statuses: [{ context: "argocd/staging", state: state! }] }),
      ).toMatchObject({
        verdict: expected,
        detail: `required status argocd/staging is ${state} ${WHERE}`,
      });
    }
  });

  it("needs every report of a plain name to pass, and says which failed", () => {
    const checks: Checks = {
      statuses: [{ context: "scan", state: "success" }],
      checkRuns: [run(3, "scan", "in_progress")],
    };
    expect(verdict("scan", checks)).toMatchObject({
      verdict: "pending",
      detail: `required status scan is in_progress ${WHERE} (commit status success, check run in_progress)`,
    });
    expect(verdict("status:scan", checks)).toMatchObject({ verdict: "success" });
    expect(verdict("check:scan", checks)).toMatchObject({ verdict: "pending" });
    expect(verdict("check:nothing", checks)).toMatchObject({
      verdict: undefined,
      detail: `required check run nothing not reported ${WHERE}`,
    });
  });

  it("says when the listing of a name was cut, found or not", () => {
    const truncated = { names: ["scan"], limit: 5000 };
    const cut = "; only the first 5000 check runs of this name were read, GitHub lists more";
    expect(verdict("check:scan", { statuses: [], checkRuns: [], truncated }).detail).toBe(
      `required check run scan not reported ${WHERE}${cut}`,
    );
    expect(
      verdict("scan", { statuses: [], checkRuns: [run(1, "scan", "in_progress")], truncated }).detail,
    ).toBe(`required status scan is in_progress ${WHERE} (check run)${cut}`);
    expect(verdict("status:scan", { statuses: [], truncated }).detail).toBe(
      `required status scan not reported ${WHERE}`,
    );
  });

  it("a pinned app's failure stands whatever other apps report; unpinned, every app's latest must pass", () => {
    const runs = [
      { ...run(1, "smoke", "completed", "failure"), app: "github-actions" },
      { ...run(2, "smoke", "completed", "success"), app: "imposter" },
    ];
    expect(verdict("check:smoke@github-actions", { statuses: [], checkRuns: runs })).toMatchObject({
      verdict: "failure",
    });
    expect(verdict("check:smoke@imposter", { statuses: [], checkRuns: runs })).toMatchObject({
      verdict: "success",
    });
    expect(verdict("smoke", { statuses: [], checkRuns: runs })).toMatchObject({ verdict: "failure" });
    // A re-run of the same app replaces its failure.
    const rerun = [...runs, { ...run(3, "smoke", "completed", "success"), app: "github-actions" }];
    expect(verdict("check:smoke@github-actions", { statuses: [], checkRuns: rerun }).verdict).toBe("success");
    expect(verdict("check:smoke@other-app", { statuses: [], checkRuns: rerun }).detail).toBe(
      `required check run smoke (app other-app) not reported ${WHERE}`,
    );
  });

  it("reads suites of one app, skipping the empty ones GitHub leaves queued", () => {
    const suite = (id: number, status: string | null, conclusion: string | null, runs = 1) => ({
      id,
      app: "trivy",
      status,
      conclusion,
      runs,
    });
    expect(
      verdict("check-suite:trivy", { statuses: [], checkSuites: [suite(1, "queued", null, 0)] }).verdict,
    ).toBe(undefined);
    expect(
      verdict("check-suite:trivy", {
        statuses: [],
        checkSuites: [suite(1, "queued", null, 0), suite(2, "completed", "success")],
      }),
    ).toMatchObject({
      verdict: "success",
      detail: `required check suite trivy is success ${WHERE} (check suite)`,
    });
    expect(
      verdict("check-suite:trivy", {
        statuses: [],
        checkSuites: [
          suite(2, "completed", "success"),
          suite(3, null, null),
          { ...suite(4, "completed", "success"), app: "snyk" },
        ],
      }),
    ).toMatchObject({
      verdict: "pending",
      detail: `required check suite trivy is queued ${WHERE} (2 check suites)`,
    });
    // A check run of the app's name is not its suite.
    expect(
      verdict("check-suite:trivy", { statuses: [], checkRuns: [run(1, "trivy", "completed", "success")] })
        .verdict,
    ).toBe(undefined);
  });
});
