import { describe, expect, it } from "vitest";
import { workflowCommands } from "../support/workflow-commands.js";
import {
  config,
  gateStatus,
  kustomization,
  newRepo,
  proposed,
  pull,
  reviewEvent,
  run,
  server,
  useServer,
  WEB,
} from "./action-support.js";

// Repository content a promotion reads and must not trust. The tests here read the server's request log, so they
// run one after another.
useServer();

const short = (sha: string) => sha.slice(0, 7);

/** What a run asked of the server since `resetCounters()`: every write it attempted. */
function writes(): string[] {
  return server.requests
    .filter((r) =>
      r.operation === "graphql"
        ? r.graphqlFields.some((field) => field !== "repository")
        : r.method !== "GET" && r.method !== "HEAD",
    )
    .map((r) => `${r.method} ${r.path} ${r.operation} ${r.graphqlFields.join(",")}`);
}

/** The repository as nothing but its default branch, unchanged, with no pull request and no status. */
async function expectUntouched(repo: string, main: string) {
  const refs = [...(await server.repo("acme", repo).git.listRefs()).keys()];
  expect(refs).toEqual(["refs/heads/main"]);
  expect(await server.headOf("acme", repo, "main")).toBe(main);
  expect(server.repo("acme", repo).pulls).toEqual([]);
  expect([...server.repo("acme", repo).statuses.values()].flat()).toEqual([]);
  expect(server.repo("acme", repo).deployments).toEqual([]);
}

// Each YAML spelling is what a file would hold; the value after parsing is what a finder reads.
const HOSTILE_TAGS: [string, string, string][] = [
  [
    String.raw`"sha-1\nnamePrefix: pwned-"`,
    String.raw`"sha-1\nnamePrefix: pwned-"`,
    "whitespace or a control",
  ],
  [String.raw`"1.0\nkind: Secret"`, String.raw`"1.0\nkind: Secret"`, "whitespace or a control"],
  ["'1.0 # x'", '"1.0 # x"', "whitespace or a control"],
  ['"1.0@sha256:0123"', '"1.0@sha256:0123"', "a tag cannot contain '@'"],
];

describe("promote-env with hostile repository content", () => {
  it.each(
    HOSTILE_TAGS,
  )("refuses the source tag %s before any branch, commit, pull request or status exists", async (yaml, shown, why) => {
    const repo = await newRepo();
    const main = await server.commitFiles("acme", repo, "main", {
      [WEB("staging")]: kustomization("staging", yaml, 1),
    });
    server.resetCounters();
    const refused = await run(repo, {});
    expect(refused.code, refused.stdout).toBe(1);
    const error = workflowCommands(refused.stdout).filter((c) => c.name === "error");
    expect(error).toHaveLength(1);
    expect(error[0]!.data).toContain(
      `${WEB("staging")}:11: staging references ghcr.io/acme/web with an invalid tag ${shown}: `,
    );
    expect(error[0]!.data).toContain(why);
    expect(error[0]!.data).toContain(`Correct it in ${WEB("staging")}`);
    expect(writes()).toEqual([]);
    await expectUntouched(repo, main);
  });

  it("refuses a rollback to a commit whose references are not valid, writing nothing", async () => {
    const repo = await newRepo();
    const broken = await server.commitFiles("acme", repo, "main", {
      [WEB("production")]: kustomization("production", String.raw`"1.0\nkind: Secret"`, 6),
    });
    const main = await server.commitFiles("acme", repo, "main", {
      [WEB("production")]: kustomization("production", "sha-0f0e0d0", 6),
    });
    server.resetCounters();
    const refused = await run(repo, { mode: "rollback" });
    expect(refused.code, refused.stdout).toBe(1);
    expect(refused.stdout).toContain(
      `::error::${WEB("production")}:11: production at ${short(broken)} references ghcr.io/acme/web with an invalid tag "1.0\\nkind: Secret": `,
    );
    expect(writes()).toEqual([]);
    await expectUntouched(repo, main);
  });

  it("blocks the gate when the source's reference turns invalid, naming where, and never matches it", async () => {
    const repo = await newRepo(undefined, "[]");
    await server.commitFiles("acme", repo, "main", {
      "gitops-pipeline.yaml": config("Mon-Sun 00:00-24:00 UTC", "[]")
        .replace("approvals: 2", "approvals: 0")
        .replace('    require-status: ["argocd/staging"]\n', ""),
    });
    const { number, head } = await proposed(repo);
    // The text staging holds spells the tag the promotion carries, followed by a new key.
    await server.commitFiles("acme", repo, "main", {
      [WEB("staging")]: kustomization("staging", String.raw`"sha-1a2b3c4\nnamePrefix: pwned-"`, 1),
    });
    const gated = await run(repo, { mode: "gate", merge: "true" }, reviewEvent(number));
    expect(gated.code, gated.stdout).toBe(0);
    expect(gated.outputs.gate).toBe("blocked");
    expect(JSON.parse(gated.outputs["gate-reasons"]!)).toEqual([
      "staging holds an invalid reference to ghcr.io/acme/web, so what it runs is unknown: " +
        `${WEB("staging")}:11: ghcr.io/acme/web has an invalid tag "sha-1a2b3c4\\nnamePrefix: pwned-" ` +
        "(it contains whitespace or a control character at offset 11). Correct it in staging, then evaluate again",
    ]);
    expect(pull(repo, number).state).toBe("open");
    expect(await gateStatus(repo, head)).toMatchObject({
      state: "failure",
      description: "blocked: source moved",
    });
  });

  it("blocks the gate when the pull request's head writes an invalid version", async () => {
    const repo = await newRepo(undefined, "[]");
    const { number } = await proposed(repo);
    await server.commitFiles("acme", repo, "promote/staging-to-production", {
      [WEB("production")]: kustomization("production", String.raw`"sha-1a2b3c4\nkind: Secret"`, 6),
    });
    const gated = await run(repo, { mode: "gate", merge: "true" }, reviewEvent(number));
    expect(gated.code, gated.stdout).toBe(0);
    const reasons = JSON.parse(gated.outputs["gate-reasons"]!) as string[];
    expect(reasons.filter((r) => r.includes(WEB("production")))).toEqual([
      expect.stringMatching(
        /^apps\/web\/overlays\/production\/kustomization\.yaml(:11 sets ghcr\.io\/acme\/web to "sha-1a2b3c4\\nkind: Secret" \(.*\): not a valid image version| cannot be read as a manifest: .*)$/,
      ),
    ]);
    expect(pull(repo, number).state).toBe("open");
  });

  it("writes repository text to the log as text: no workflow command from an app's name or a file's lines", async () => {
    const app = "web##[warning]from-an-app-name";
    const file = (env: string) => `apps/${app}/overlays/${env}/kustomization.yaml`;
    // A block scalar line the runner would read as a command once trimmed, as context of the diff.
    const annotated = (env: string, tag: string) =>
      kustomization(env, tag, 1).replace(
        "images:\n",
        "commonAnnotations:\n  note: |\n    ::warning::from-file-content\nimages:\n",
      );
    const repo = await newRepo(undefined, "[]");
    await server.commitFiles("acme", repo, "main", {
      [file("staging")]: annotated("staging", "sha-1a2b3c4"),
      [file("production")]: annotated("production", "sha-0f0e0d0"),
    });
    for (const inputs of [{ "dry-run": "true" }, {}] as Record<string, string>[]) {
      const logged = await run(repo, inputs);
      expect(logged.code, logged.stdout).toBe(0);
      // The text did reach the log, and nothing in it became a command.
      expect(logged.stdout).toContain(
        `${file("production")}:14: ghcr.io/acme/web sha-0f0e0d0 -> sha-1a2b3c4`,
      );
      if (inputs["dry-run"]) expect(logged.stdout).toContain("     ::warning::from-file-content");
      const commands = workflowCommands(logged.stdout).filter((c) => !["add-mask", "debug"].includes(c.name));
      expect(commands).toEqual([]);
    }
    expect(await server.readFile("acme", repo, "promote/staging-to-production", file("production"))).toBe(
      annotated("production", "sha-1a2b3c4"),
    );
  });
});
