import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(import.meta.dirname, "../..");
const SLUG = "gitops-pipeline/gitops-pipeline";

interface ActionSpec {
  inputs: Record<string, { required?: boolean | string; default?: unknown }>;
  outputs: Record<string, unknown>;
}

interface ActionStep {
  file: string;
  job: string;
  index: number;
  id?: string;
  uses: string;
  action: string;
  with: Record<string, unknown>;
}

function workflowFiles(): string[] {
  return ["examples/workflows", ".github/workflows"].flatMap((dir) =>
    readdirSync(path.join(root, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => path.join(dir, name)),
  );
}

function loadAction(name: string): ActionSpec {
  const action = parse(readFileSync(path.join(root, "actions", name, "action.yml"), "utf8")) ?? {};
  return { inputs: action.inputs ?? {}, outputs: action.outputs ?? {} };
}

/** Every step that runs one of this repository's actions, by its published or its local reference. */
function actionSteps(file: string): { steps: ActionStep[]; foreign: string[]; text: string } {
  const text = readFileSync(path.join(root, file), "utf8");
  const workflow = parse(text);
  const steps: ActionStep[] = [];
  const foreign: string[] = [];
  for (const [job, spec] of Object.entries<{ steps?: Record<string, unknown>[] }>(workflow.jobs ?? {})) {
    (spec.steps ?? []).forEach((step, index) => {
      const uses = typeof step.uses === "string" ? step.uses : undefined;
      if (!uses) return;
      const published = /^([^/]+\/[^/]+)\/actions\/([^@/]+)@(.+)$/.exec(uses);
      const local = /^\.\/actions\/([^@/]+)$/.exec(uses);
      if (published?.[1] !== SLUG && /\/actions\/[^@/]+@/.test(uses) && !uses.startsWith("actions/")) {
        foreign.push(uses);
      }
      const action = published?.[1] === SLUG ? published[2] : local?.[1];
      if (!action) return;
      steps.push({
        file,
        job,
        index,
        id: typeof step.id === "string" ? step.id : undefined,
        uses,
        action,
        with: (step.with as Record<string, unknown>) ?? {},
      });
    });
  }
  return { steps, foreign, text };
}

/** Inputs a step passes that the action does not have, and required inputs it leaves out. */
function inputProblems(step: Pick<ActionStep, "with">, spec: ActionSpec) {
  const unknown = Object.keys(step.with).filter((key) => !(key in spec.inputs));
  const missing = Object.entries(spec.inputs)
    .filter(
      ([, input]) => (input.required === true || input.required === "true") && input.default === undefined,
    )
    .map(([key]) => key)
    .filter((key) => !(key in step.with));
  return { unknown, missing };
}

/** A GitHub expression as written in a workflow, built so it is not mistaken for a JS template. */
const expression = (text: string) => ["$", "{{ ", text, " }}"].join("");

const files = workflowFiles();
const all = files.map((file) => ({ file, ...actionSteps(file) }));

describe("workflows that use this repository's actions", () => {
  it("cover every action, published (@v1) and local (./actions/<name>)", () => {
    const used = new Set(all.flatMap((w) => w.steps.map((s) => s.action)));
    const actions = readdirSync(path.join(root, "actions"));
    expect([...used].sort()).toEqual(actions.sort());
    const examples = all.filter((w) => w.file.startsWith("examples/")).flatMap((w) => w.steps);
    expect(examples.every((s) => s.uses === `${SLUG}/actions/${s.action}@v1`)).toBe(true);
    expect(all.find((w) => w.file === ".github/workflows/self-test.yml")?.steps.map((s) => s.uses)).toEqual([
      "./actions/validate-manifests",
      "./actions/update-manifest-tag",
    ]);
  });

  it("reference the actions under one repository name", () => {
    expect(all.flatMap((w) => w.foreign)).toEqual([]);
  });

  for (const { file, steps } of all) {
    for (const step of steps) {
      it(`${file} jobs.${step.job}.steps[${step.index}] (${step.action}) passes only inputs the action has, and every required one`, () => {
        const { unknown, missing } = inputProblems(step, loadAction(step.action));
        expect(unknown, `not inputs of actions/${step.action}/action.yml`).toEqual([]);
        expect(missing, `required inputs of actions/${step.action}/action.yml`).toEqual([]);
      });
    }
  }

  for (const { file, steps, text } of all) {
    it(`${file} reads only outputs the actions have`, () => {
      const ids = new Map(steps.filter((s) => s.id).map((s) => [s.id!, s.action]));
      const wrong: string[] = [];
      for (const match of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)) {
        const action = ids.get(match[1]!);
        if (action && !(match[2]! in loadAction(action).outputs))
          wrong.push(`${match[1]}.${match[2]} (${action})`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it("the check reports a misspelt input and a missing required one", () => {
    const spec: ActionSpec = {
      inputs: { images: { required: true }, token: { required: true, default: expression("github.token") } },
      outputs: {},
    };
    expect(inputProblems({ with: { image: "web:1" } }, spec)).toEqual({
      unknown: ["image"],
      missing: ["images"],
    });
    expect(inputProblems({ with: { images: "web:1" } }, spec)).toEqual({ unknown: [], missing: [] });
  });
});

describe("example workflow permissions", () => {
  const examples = files.filter((f) => f.startsWith("examples/"));
  it.each(examples)("%s sets permissions at the top and explains them", (file) => {
    const text = readFileSync(path.join(root, file), "utf8");
    const workflow = parse(text);
    expect(workflow.permissions).toBeDefined();
    // Nothing broader than the job needs: no write-all, and no write scope outside the ones the actions use.
    const scopes = [
      workflow.permissions,
      ...Object.values<{ permissions?: unknown }>(workflow.jobs).map((j) => j.permissions),
    ]
      .filter((p): p is Record<string, string> => typeof p === "object" && p !== null)
      .flatMap((p) => Object.entries(p));
    for (const [scope, level] of scopes) {
      expect([
        "actions",
        "contents",
        "packages",
        "security-events",
        "pull-requests",
        "statuses",
        "id-token",
        "attestations",
      ]).toContain(scope);
      expect(["read", "write"]).toContain(level);
    }
    expect(text).not.toMatch(/permissions:\s*write-all/);
    expect(text).toMatch(/#.*\n\s*permissions:|permissions:.*\n\s*#/);
  });

  it("the cross-repository write in ci.yml uses a GitHub App token, not GITHUB_TOKEN", () => {
    const { steps } = actionSteps("examples/workflows/ci.yml");
    const update = steps.find((s) => s.action === "update-manifest-tag");
    expect(update?.with.token).toBe(expression("steps.app-token.outputs.token"));
    expect(update?.with.mode).toBe("commit");
    expect(update?.with.environment).toBe("dev");
    expect(readFileSync(path.join(root, "examples/workflows/ci.yml"), "utf8")).toContain(
      "uses: actions/create-github-app-token@",
    );
  });
});
