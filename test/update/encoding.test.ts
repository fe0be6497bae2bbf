import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type UpdateRequest, updateThroughGitHub } from "../../src/flows/update.js";
import { createGitHubClient } from "../../src/github/client.js";
import { GitHubSnapshot } from "../../src/github/snapshot.js";
import { parseImageRef } from "../../src/image/index.js";
import type { Logger } from "../../src/logger.js";
import { decodeText, encodeText, localReader, planUpdate } from "../../src/update/index.js";
import { configRepoFiles } from "../delivery/fixtures.js";
import { runUpdateAction, updateRequest, useGitHubServer } from "../delivery/helpers.js";
import { aliasBomb } from "../environments/alias-bomb.js";
import type { GitHubTestServer } from "../support/github/index.js";

/** A values file with a Latin-1 comment (0xE9, 0xFC: not UTF-8) and a UTF-8-looking line elsewhere. */
const LATIN1 = Buffer.concat([
  Buffer.from("# r", "latin1"),
  Buffer.from([0xe9]),
  Buffer.from("glages de production, g", "latin1"),
  Buffer.from([0xfc]),
  Buffer.from("ltig ab Q3\nimage:\n  repository: ghcr.io/acme/web\n  tag: 1.0.0 # ", "latin1"),
  Buffer.from([0xa7]),
  Buffer.from(" pinned\nnote: caf\u00e9\n", "utf8"),
]);
const EXPECTED = Buffer.from(LATIN1.toString("latin1").replace("tag: 1.0.0", "tag: 1.4.2"), "latin1");

describe("files that are not UTF-8", () => {
  it("are held one character per byte and written back byte for byte", () => {
    expect(decodeText(Buffer.from("tag: caf\u00e9\n", "utf8"))).toEqual({
      text: "tag: caf\u00e9\n",
      encoding: "utf8",
    });
    // A byte-order mark is part of the text, so it is written back too.
    expect(decodeText(Buffer.from("\ufeffa: 1\n", "utf8")).text).toBe("\ufeffa: 1\n");
    const { text, encoding } = decodeText(LATIN1);
    expect(encoding).toBe("latin1");
    expect(encodeText(text, encoding).equals(LATIN1)).toBe(true);
    expect(() => encodeText("\u20ac", "latin1")).toThrow();
  });

  it("are edited on disk changing only the tag's bytes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "gitops-pipeline-latin1-"));
    try {
      await writeFile(join(dir, "values.yaml"), LATIN1);
      const reader = localReader(dir);
      const plan = await planUpdate(reader, ["values.yaml"], [parseImageRef("ghcr.io/acme/web:1.4.2")]);
      expect(plan.changes).toEqual([
        { file: "values.yaml", line: 4, image: "ghcr.io/acme/web", from: "1.0.0", to: "1.4.2" },
      ]);
      await reader.writeAll(plan.files.map((file) => ({ path: file.path, content: file.after })));
      expect((await readFile(join(dir, "values.yaml"))).equals(EXPECTED)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

let server: GitHubTestServer;
useGitHubServer((started) => {
  server = started;
});

const logger: Logger = { debug: () => {}, info: () => {}, warning: () => {} };
function clients() {
  const make = () =>
    createGitHubClient({ token: server.token, baseUrl: server.url, logger, writeSpacingMs: 0 });
  return { read: make(), write: make() };
}

async function blobAt(repo: string, ref: string, path: string): Promise<Buffer | undefined> {
  const git = server.repo("acme", repo).git;
  const commit = await git.resolveCommit(ref);
  const entry = commit ? await git.entryAt(commit, path) : undefined;
  return entry ? git.readBlob(entry.oid) : undefined;
}

let repos = 0;
async function repoWith(files: Record<string, string | Buffer>): Promise<string> {
  const name = `bytes${++repos}`;
  await server.addRepository("acme", name, { files: { ...configRepoFiles(["api"]), ...files } });
  return name;
}

describe("files that are not UTF-8, through the GitHub API", () => {
  const request = (repo: string, extra: Partial<UpdateRequest> = {}) =>
    updateRequest({
      repository: { owner: "acme", repo },
      environment: undefined,
      paths: ["apps/web"],
      ...extra,
    });

  it("are read as bytes (GraphQL text is not them) and committed with only the tag's bytes changed", async () => {
    const repo = await repoWith({ "apps/web/values.yaml": LATIN1 });
    const result = await updateThroughGitHub(request(repo, { mode: "commit" }), clients(), logger);
    expect(result.operation).toBe("committed");
    expect(result.plan.changes).toEqual([
      { file: "apps/web/values.yaml", line: 4, image: "ghcr.io/acme/web", from: "1.0.0", to: "1.4.2" },
    ]);
    expect((await blobAt(repo, "main", "apps/web/values.yaml"))?.equals(EXPECTED)).toBe(true);
    // A second run sees the committed bytes as already there.
    const again = await updateThroughGitHub(request(repo, { mode: "commit" }), clients(), logger);
    expect(again.operation).toBe("unchanged");
  });

  it("match an open pull request's head by their bytes, so a re-run changes nothing", async () => {
    const repo = await repoWith({ "apps/web/values.yaml": LATIN1 });
    const first = await updateThroughGitHub(request(repo, { mode: "pull-request" }), clients(), logger);
    expect(first.operation).toBe("created");
    const head = server.repo("acme", repo).pulls[0]!.headRef;
    expect((await blobAt(repo, head, "apps/web/values.yaml"))?.equals(EXPECTED)).toBe(true);
    const again = await updateThroughGitHub(request(repo, { mode: "pull-request" }), clients(), logger);
    expect(again.operation).toBe("unchanged");
  });

  it("are told apart from UTF-8 files by the blob's byte size, which GraphQL reports next to its text", async () => {
    const repo = await repoWith({
      "apps/web/values.yaml": LATIN1,
      "apps/web/utf8.yaml": "note: caf\u00e9\n",
    });
    const snapshot = new GitHubSnapshot(clients().read, { owner: "acme", repo }, ["apps/web"]);
    snapshot.commit = (await server.headOf("acme", repo, "main"))!;
    await snapshot.prefetch();
    expect(await snapshot.read("apps/web/utf8.yaml")).toBe("note: caf\u00e9\n");
    expect(snapshot.encoding("apps/web/utf8.yaml")).toBe("utf8");
    expect(await snapshot.read("apps/web/values.yaml")).toBe(LATIN1.toString("latin1"));
    expect(snapshot.encoding("apps/web/values.yaml")).toBe("latin1");
  });
});

describe("an alias bomb in gitops-pipeline.yaml, in the update-manifest-tag action", () => {
  it("fails the step with a clear error naming the file and line, no stack trace", async () => {
    const config = `environments:\n  dev: {paths: [apps/web], mode: commit}\nvalidate:\n  ignoreKinds:\n${aliasBomb("    ")}\n`;
    const repo = await repoWith({ "gitops-pipeline.yaml": config, "apps/web/values.yaml": LATIN1 });
    const run = await runUpdateAction(server, repo, { images: "ghcr.io/acme/web:1.4.2", environment: "dev" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::gitops-pipeline.yaml:3:1: the validate section uses aliases that expand to too many nodes",
    );
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/ReferenceError|\n\s+at /);
    expect(await blobAt(repo, "main", "apps/web/values.yaml")).toEqual(LATIN1);
  });
});
