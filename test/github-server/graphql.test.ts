import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";
import { b64, CREATE_COMMIT, client, failure } from "./client.js";

let server: GitHubTestServer;

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: {
      "acme/config": {
        files: {
          "apps/web/overlays/dev/kustomization.yaml": "images:\n- name: web\n  newTag: 1.0.0\n",
          "apps/web/overlays/dev/logo.bin": Buffer.from([0, 1, 2, 3]) as unknown as string,
          "README.md": "# config\n",
        },
      },
    },
  });
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  const violations = [...server.violations];
  server.clearViolations();
  server.faults.clear();
  expect(violations).toEqual([]);
});

function commitInput(expectedHeadOid: string, files: Record<string, string>, deletions: string[] = []) {
  const fileChanges: Record<string, unknown> = {};
  const additions = Object.entries(files).map(([path, text]) => ({ path, contents: b64(text) }));
  if (additions.length > 0) fileChanges.additions = additions;
  if (deletions.length > 0) fileChanges.deletions = deletions.map((path) => ({ path }));
  return {
    input: {
      branch: { repositoryNameWithOwner: "acme/config", branchName: "main" },
      expectedHeadOid,
      message: { headline: "Bump web to 1.0.1", body: "changes: 1" },
      fileChanges,
    },
  };
}

describe("GraphQL documents are checked against GitHub's schema", () => {
  it("rejects a field GitHub does not have, in GitHub's error shape", async () => {
    const error = await failure(
      client(server).graphql(
        `query { repository(owner: "acme", name: "config") { defaultBranchRef { name } notAField } }`,
      ),
    );
    expect(error.name).toBe("GraphqlResponseError");
    expect(error.errors).toEqual([
      {
        path: [],
        extensions: { code: "undefinedField", typeName: "Repository", fieldName: "notAField" },
        locations: [{ line: 1, column: 79 }],
        message: "Field 'notAField' doesn't exist on type 'Repository'",
      },
    ]);
    expect(server.violations.map((v) => v.kind)).toEqual(["graphql-document"]);
    server.clearViolations();
  });

  it("rejects a syntax error and a missing required argument", async () => {
    const syntax = await failure(client(server).graphql(`query { repository(owner: "acme" { id } }`));
    expect(syntax.errors[0].message).toMatch(/^Parse error on /);
    const missing = await failure(client(server).graphql(`query { repository(owner: "acme") { id } }`));
    expect(missing.errors[0].message).toBe("Field 'repository' is missing required arguments: name");
    expect(server.violations).toHaveLength(2);
    server.clearViolations();
  });

  it("reports a valid field the server does not provide instead of answering a silent null", async () => {
    const data = await client(server).graphql<{ repository: { description: string | null } }>(
      `query { repository(owner: "acme", name: "config") { description } }`,
    );
    expect(data.repository.description).toBeNull();
    expect(server.violations).toEqual([
      expect.objectContaining({
        kind: "unimplemented",
        problems: ["the test server does not implement Repository.description"],
      }),
    ]);
    server.clearViolations();
  });

  it("answers without authentication only with 401", async () => {
    const response = await fetch(server.graphqlUrl, {
      method: "POST",
      body: JSON.stringify({ query: "{ viewer { login } }" }),
    });
    expect(response.status).toBe(401);
  });
});

describe("reading a repository", () => {
  it("reads the default branch, trees with blob texts, a single blob and a ref", async () => {
    const head = await server.headOf("acme", "config", "main");
    const data = await client(server).graphql<{
      repository: {
        defaultBranchRef: { name: string; target: { oid: string } };
        dir: {
          entries: {
            name: string;
            type: string;
            mode: number;
            object: { text: string | null; byteSize: number; isBinary: boolean };
          }[];
        };
        file: { text: string };
        missing: null;
        ref: { target: { oid: string } };
        noRef: null;
      };
    }>(
      `query($owner: String!, $name: String!) {
      repository(owner: $owner, name: $name) {
        defaultBranchRef { name target { oid } }
        dir: object(expression: "main:apps/web/overlays/dev") {
          ... on Tree { entries { name type mode object { ... on Blob { text byteSize isBinary oid } } } }
        }
        file: object(expression: "main:README.md") { ... on Blob { text } }
        missing: object(expression: "main:nope.yaml") { oid }
        ref(qualifiedName: "refs/heads/main") { target { oid } }
        noRef: ref(qualifiedName: "refs/heads/nope") { name }
      }
    }`,
      { owner: "acme", name: "config" },
    );
    const repo = data.repository;
    expect(repo.defaultBranchRef).toEqual({ name: "main", target: { oid: head } });
    expect(repo.ref.target.oid).toBe(head);
    expect(repo.noRef).toBeNull();
    expect(repo.missing).toBeNull();
    expect(repo.file.text).toBe("# config\n");
    expect(
      repo.dir.entries.map((e) => [
        e.name,
        e.type,
        e.mode,
        e.object.text,
        e.object.byteSize,
        e.object.isBinary,
      ]),
    ).toEqual([
      ["kustomization.yaml", "blob", 0o100644, "images:\n- name: web\n  newTag: 1.0.0\n", 36, false],
      ["logo.bin", "blob", 0o100644, null, 4, true],
    ]);
  });

  it("refuses a connection read without first or last, or with more than 100, as GitHub does", async () => {
    const missing = await failure(
      client(server).graphql(
        `query { repository(owner: "acme", name: "config") { pullRequests(states: [OPEN]) { totalCount } } }`,
      ),
    );
    expect(missing.errors[0]).toMatchObject({
      type: "MISSING_PAGINATION_BOUNDARIES",
      message:
        "You must provide a `first` or `last` value to properly paginate the `pullRequests` connection.",
    });
    const excessive = await failure(
      client(server).graphql(
        `query { repository(owner: "acme", name: "config") { pullRequests(first: 101) { totalCount } } }`,
      ),
    );
    expect(excessive.errors[0]?.type).toBe("EXCESSIVE_PAGINATION");
  });

  it("cuts the text of a blob beyond the limit and says so with isTruncated", async () => {
    server.blobTextLimit = 10;
    try {
      const data = await client(server).graphql<{
        repository: { object: { text: string; isTruncated: boolean; byteSize: number } };
      }>(
        `query { repository(owner: "acme", name: "config") { object(expression: "main:apps/web/overlays/dev/kustomization.yaml") { ... on Blob { text isTruncated byteSize } } } }`,
      );
      expect(data.repository.object).toEqual({ text: "images:\n- ", isTruncated: true, byteSize: 36 });
    } finally {
      server.blobTextLimit = 512 * 1024;
    }
  });

  it("reports a missing repository as NOT_FOUND with data null", async () => {
    const error = await failure(
      client(server).graphql(`query { repository(owner: "acme", name: "nope") { id } }`),
    );
    expect(error.errors[0]).toMatchObject({
      type: "NOT_FOUND",
      path: ["repository"],
      message: "Could not resolve to a Repository with the name 'acme/nope'.",
    });
    expect(error.data).toEqual({ repository: null });
  });
});

describe("createCommitOnBranch", () => {
  it("writes all files as one verified commit guarded by expectedHeadOid", async () => {
    const octokit = client(server);
    const head = (await server.headOf("acme", "config", "main")) as string;
    const result = await octokit.graphql<{ createCommitOnBranch: { commit: { oid: string; url: string } } }>(
      CREATE_COMMIT,
      commitInput(
        head,
        {
          "apps/web/overlays/dev/kustomization.yaml": "images:\n- name: web\n  newTag: 1.0.1\n",
          "apps/new/file.yaml": "x: 1\n",
        },
        ["README.md"],
      ),
    );
    const oid = result.createCommitOnBranch.commit.oid;
    expect(await server.headOf("acme", "config", "main")).toBe(oid);
    expect(result.createCommitOnBranch.commit.url).toBe(`${server.webUrl}/acme/config/commit/${oid}`);
    expect(
      await server.readFile("acme", "config", "main", "apps/web/overlays/dev/kustomization.yaml"),
    ).toContain("1.0.1");
    expect(await server.readFile("acme", "config", "main", "README.md")).toBeUndefined();
    const { data: commit } = await octokit.rest.git.getCommit({
      owner: "acme",
      repo: "config",
      commit_sha: oid,
    });
    expect(commit.parents.map((p) => p.sha)).toEqual([head]);
    expect(commit.message).toBe("Bump web to 1.0.1\n\nchanges: 1");
    expect(commit.verification.verified).toBe(true);
    expect(commit.committer.email).toBe("noreply@github.com");
  });

  it("refuses a stale expectedHeadOid with STALE_DATA and changes nothing", async () => {
    const stale = (await server.headOf("acme", "config", "main")) as string;
    const moved = await server.commitFiles("acme", "config", "main", { "other.txt": "someone else\n" });
    const error = await failure(
      client(server).graphql(CREATE_COMMIT, commitInput(stale, { "a.txt": "a\n" })),
    );
    expect(error.errors).toEqual([
      {
        type: "STALE_DATA",
        path: ["createCommitOnBranch"],
        locations: [{ line: 2, column: 3 }],
        message: `Expected branch to point to "${stale}" but it did not.  Pull and try again.`,
      },
    ]);
    expect(error.data).toEqual({ createCommitOnBranch: null });
    expect(await server.headOf("acme", "config", "main")).toBe(moved);
    expect(await server.readFile("acme", "config", "main", "a.txt")).toBeUndefined();
  });

  it("lets exactly one of several concurrent commits with the same expected head land", async () => {
    const head = (await server.headOf("acme", "config", "main")) as string;
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        client(server).graphql(CREATE_COMMIT, commitInput(head, { [`race/${i}.txt`]: `${i}\n` })),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const files = (await server.listFiles("acme", "config", "main")).filter((f) => f.startsWith("race/"));
    expect(files).toHaveLength(1);
  });

  it("the branch-moves fault makes the expected head stale between read and write", async () => {
    const handle = server.faults.inject(
      { operation: "graphql:createCommitOnBranch" },
      { kind: "branch-moves", owner: "acme", repo: "config" },
    );
    const head = (await server.headOf("acme", "config", "main")) as string;
    const error = await failure(client(server).graphql(CREATE_COMMIT, commitInput(head, { "b.txt": "b\n" })));
    expect(error.errors[0].type).toBe("STALE_DATA");
    expect(handle.fired).toBe(1);
    const fresh = (await server.headOf("acme", "config", "main")) as string;
    expect(fresh).not.toBe(head);
    await client(server).graphql(CREATE_COMMIT, commitInput(fresh, { "b.txt": "b\n" }));
    expect(await server.readFile("acme", "config", "main", "b.txt")).toBe("b\n");
  });

  it("refuses an expectedHeadOid that is not an object id, as a variable GitHub cannot coerce", async () => {
    const error = await failure(
      client(server).graphql(CREATE_COMMIT, commitInput("main", { "e.txt": "e\n" })),
    );
    expect(error.errors[0]?.message).toContain("GitObjectID cannot represent");
    expect(server.violations.map((v) => v.kind)).toEqual(["graphql-document"]);
    server.clearViolations();
  });

  it("reports deleting a missing file and explicit null file lists", async () => {
    const head = (await server.headOf("acme", "config", "main")) as string;
    const missing = await failure(
      client(server).graphql(CREATE_COMMIT, commitInput(head, {}, ["not/there.yaml"])),
    );
    expect(missing.errors[0]).toMatchObject({ type: "UNPROCESSABLE" });
    expect(missing.errors[0].message).toContain("A path was requested for deletion which does not exist");
    const input = commitInput(head, { "c.txt": "c\n" });
    (input.input.fileChanges as Record<string, unknown>).deletions = null;
    const nulls = await failure(client(server).graphql(CREATE_COMMIT, input));
    expect(nulls.errors[0].message).toContain("fileChanges.deletions");
    expect(await server.headOf("acme", "config", "main")).toBe(head);
  });

  it("maps GraphQL faults to GitHub's error types", async () => {
    server.faults.inject({ operation: "graphql:createCommitOnBranch" }, { kind: "not-accessible" });
    const head = (await server.headOf("acme", "config", "main")) as string;
    const error = await failure(client(server).graphql(CREATE_COMMIT, commitInput(head, { "d.txt": "d\n" })));
    expect(error.errors[0]).toMatchObject({
      type: "FORBIDDEN",
      message: "Resource not accessible by integration",
    });
    server.faults.inject({ operation: "graphql" }, { kind: "server-error", status: 502 });
    const bad = await failure(
      client(server).graphql(CREATE_COMMIT, {
        ...commitInput(head, { "d.txt": "d\n" }),
        request: { retries: 0 },
      }),
    );
    expect(bad.status).toBe(502);
  });
});

describe("pull requests over GraphQL", () => {
  it("opens a pull request with createPullRequest and refuses a duplicate like GitHub", async () => {
    const octokit = client(server);
    const main = (await server.headOf("acme", "config", "main")) as string;
    await octokit.rest.git.createRef({ owner: "acme", repo: "config", ref: "refs/heads/gql/pr", sha: main });
    await server.commitFiles("acme", "config", "gql/pr", { "gql.txt": "1\n" });
    const { repository } = await octokit.graphql<{ repository: { id: string } }>(
      `query { repository(owner: "acme", name: "config") { id } }`,
    );
    const create = `mutation($repo: ID!) {
      createPullRequest(input: { repositoryId: $repo, baseRefName: "main", headRefName: "gql/pr", title: "gql", body: "b" }) {
        pullRequest { number title headRefName url }
      }
    }`;
    const created = await octokit.graphql<{
      createPullRequest: { pullRequest: { number: number; title: string; headRefName: string } };
    }>(create, { repo: repository.id });
    expect(created.createPullRequest.pullRequest).toMatchObject({ title: "gql", headRefName: "gql/pr" });
    const duplicate = await failure(octokit.graphql(create, { repo: repository.id }));
    expect(duplicate.errors[0]).toMatchObject({
      type: "UNPROCESSABLE",
      message: "A pull request already exists for acme:gql/pr.",
    });
  });

  it("finds a pull request by head branch; its node id is the REST node_id; auto-merge follows the repository's rules", async () => {
    const octokit = client(server);
    const main = (await server.headOf("acme", "config", "main")) as string;
    await octokit.rest.git.createRef({
      owner: "acme",
      repo: "config",
      ref: "refs/heads/gitops/dev/web",
      sha: main,
    });
    await server.commitFiles("acme", "config", "gitops/dev/web", { "web.txt": "2\n" });
    const { data: pr } = await octokit.rest.pulls.create({
      owner: "acme",
      repo: "config",
      head: "gitops/dev/web",
      base: "main",
      title: "web",
    });

    const found = await octokit.graphql<{
      repository: { pullRequests: { nodes: { id: string; number: number; headRefOid: string }[] } };
    }>(
      `query { repository(owner: "acme", name: "config") { pullRequests(headRefName: "gitops/dev/web", states: [OPEN], first: 5) { nodes { id number headRefOid } } } }`,
    );
    expect(found.repository.pullRequests.nodes).toEqual([
      { id: pr.node_id, number: pr.number, headRefOid: pr.head.sha },
    ]);

    const enable = `mutation($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: SQUASH }) { pullRequest { autoMergeRequest { mergeMethod } } } }`;
    const clean = await failure(octokit.graphql(enable, { id: pr.node_id }));
    expect(clean.errors[0]).toMatchObject({
      type: "UNPROCESSABLE",
      message: "Pull request Pull request is in clean status",
    });

    const repo = server.repo("acme", "config");
    repo.settings.allowAutoMerge = false;
    const notAllowed = await failure(octokit.graphql(enable, { id: pr.node_id }));
    expect(notAllowed.errors[0].message).toBe("Pull request Auto merge is not allowed for this repository");

    repo.settings.allowAutoMerge = true;
    server.protectBranch(repo, "main", { requiredStatusChecks: ["ci"] });
    const enabled = await octokit.graphql<{
      enablePullRequestAutoMerge: { pullRequest: { autoMergeRequest: { mergeMethod: string } } };
    }>(enable, { id: pr.node_id });
    expect(enabled.enablePullRequestAutoMerge.pullRequest.autoMergeRequest.mergeMethod).toBe("SQUASH");
    const { data: rest } = await octokit.rest.pulls.get({
      owner: "acme",
      repo: "config",
      pull_number: pr.number,
    });
    expect(rest.auto_merge?.merge_method).toBe("squash");

    const state = await octokit.graphql<{ repository: { pullRequest: { mergeStateStatus: string } } }>(
      `query($n: Int!) { repository(owner: "acme", name: "config") { pullRequest(number: $n) { mergeStateStatus } } }`,
      { n: pr.number },
    );
    expect(state.repository.pullRequest.mergeStateStatus).toBe("BLOCKED");
    expect(rest.mergeable_state).toBe("blocked");

    // The required check arriving lets GitHub merge it with the chosen method.
    await octokit.rest.repos.createCommitStatus({
      owner: "acme",
      repo: "config",
      sha: pr.head.sha,
      state: "success",
      context: "ci",
    });
    const { data: merged } = await octokit.rest.pulls.get({
      owner: "acme",
      repo: "config",
      pull_number: pr.number,
    });
    expect([merged.state, merged.merged]).toEqual(["closed", true]);
    expect(await server.readFile("acme", "config", "main", "web.txt")).toBe("2\n");

    // A new commit straight onto a branch that requires a check is refused, as a push would be.
    const tip = (await server.headOf("acme", "config", "main")) as string;
    const direct = await failure(octokit.graphql(CREATE_COMMIT, commitInput(tip, { "direct.txt": "d\n" })));
    expect(direct.errors[0]).toMatchObject({
      type: "UNPROCESSABLE",
      message: 'Protected branch update failed for refs/heads/main: Required status check "ci" is expected.',
    });
    expect(await server.headOf("acme", "config", "main")).toBe(tip);

    const node = await octokit.graphql<{ node: { number: number } }>(
      `query($id: ID!) { node(id: $id) { ... on PullRequest { number } } }`,
      { id: pr.node_id },
    );
    expect(node.node.number).toBe(pr.number);
  });
});
