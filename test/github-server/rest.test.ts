import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type GitHubTestServer, startGitHubServer } from "../support/github/index.js";
import { client, failure, throttledClient } from "./client.js";

const KUSTOMIZATION = "images:\n- name: ghcr.io/acme/web\n  newTag: 1.4.1\n";

let server: GitHubTestServer;

beforeAll(async () => {
  server = await startGitHubServer({
    repositories: {
      "acme/config": {
        files: {
          "apps/web/overlays/dev/kustomization.yaml": KUSTOMIZATION,
          "apps/api/overlays/dev/kustomization.yaml": "images:\n- name: ghcr.io/acme/api\n  newTag: 2.0.0\n",
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

const repo = { owner: "acme", repo: "config" };

async function branchWith(name: string, files: Record<string, string | null>): Promise<string> {
  const main = (await server.headOf("acme", "config", "main")) as string;
  await client(server).rest.git.createRef({ ...repo, ref: `refs/heads/${name}`, sha: main });
  return server.commitFiles("acme", "config", name, files, { message: `change on ${name}` });
}

describe("REST reads over a real bare repository", () => {
  it("serves the repository, refs, contents and trees an Octokit client asks for", async () => {
    const octokit = client(server);
    const { data: meta } = await octokit.rest.repos.get(repo);
    expect(meta.default_branch).toBe("main");
    expect(meta.permissions?.push).toBe(true);

    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: "heads/main" });
    expect(ref.object.sha).toBe(await server.headOf("acme", "config", "main"));

    const { data: file } = await octokit.rest.repos.getContent({
      ...repo,
      path: "apps/web/overlays/dev/kustomization.yaml",
    });
    expect(Array.isArray(file)).toBe(false);
    const content = Buffer.from((file as { content: string }).content, "base64").toString("utf8");
    expect(content).toBe(KUSTOMIZATION);

    const { data: dir } = await octokit.rest.repos.getContent({ ...repo, path: "apps" });
    expect((dir as { name: string; type: string }[]).map((e) => [e.name, e.type])).toEqual([
      ["api", "dir"],
      ["web", "dir"],
    ]);

    const { data: tree } = await octokit.rest.git.getTree({ ...repo, tree_sha: "main", recursive: "1" });
    const blobs = tree.tree.filter((e) => e.type === "blob").map((e) => e.path);
    expect(blobs.sort()).toEqual([
      "README.md",
      "apps/api/overlays/dev/kustomization.yaml",
      "apps/web/overlays/dev/kustomization.yaml",
    ]);
    const blob = tree.tree.find((e) => e.path === "README.md");
    const { data: raw } = await octokit.rest.git.getBlob({ ...repo, file_sha: blob?.sha as string });
    expect(Buffer.from(raw.content, "base64").toString("utf8")).toBe("# config\n");
  });

  it("answers 404 in GitHub's error shape for a missing file and a missing repository", async () => {
    const octokit = client(server);
    const missing = await failure(octokit.rest.repos.getContent({ ...repo, path: "nope.yaml" }));
    expect(missing.status).toBe(404);
    expect(missing.response.data).toMatchObject({ message: "Not Found", status: "404" });
    const noRepo = await failure(octokit.rest.repos.get({ owner: "acme", repo: "missing" }));
    expect(noRepo.status).toBe(404);
  });

  it("rejects an unknown token with 401 Bad credentials", async () => {
    const error = await failure(client(server, "ghp_not-a-token").rest.repos.get(repo));
    expect(error.status).toBe(401);
    expect(error.response.data).toEqual({
      message: "Bad credentials",
      documentation_url: "https://docs.github.com/rest",
      status: "401",
    });
  });
});

describe("schema validation", () => {
  it("catches a response body GitHub would not send", async () => {
    const undo = server.tamper("repos/get", (body) => ({ ...(body as object), default_branch: 42 }));
    try {
      const error = await failure(client(server).rest.repos.get({ ...repo, request: { retries: 0 } }));
      expect(error.status).toBe(500);
      expect(server.violations).toHaveLength(1);
      expect(server.violations[0]).toMatchObject({ kind: "response", operation: "repos/get" });
      expect(server.violations[0]?.problems.join("\n")).toContain("/default_branch");
    } finally {
      undo();
      server.clearViolations();
    }
  });

  it("catches a request body that does not fit the operation, including fields GitHub would ignore", async () => {
    const octokit = client(server);
    const error = await failure(
      octokit.request("POST /repos/{owner}/{repo}/pulls", {
        ...repo,
        title: "t",
        head: "x",
        base: "main",
        labels: ["oops"],
      }),
    );
    expect(error.status).toBe(422);
    expect(server.violations.flatMap((v) => v.problems)).toEqual([
      "body property labels is not part of the operation's request schema",
    ]);
    server.clearViolations();
    const wrongType = await failure(
      octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        ...repo,
        ref: "heads/main",
        sha: 12 as unknown as string,
      }),
    );
    expect(wrongType.status).toBe(422);
    expect(server.violations[0]?.problems[0]).toContain("body/sha: must be string");
    server.clearViolations();
  });

  it("reports a path GitHub has no operation for", async () => {
    const error = await failure(client(server).request("GET /repos/{owner}/{repo}/no-such-thing", repo));
    expect(error.status).toBe(404);
    expect(server.violations[0]).toMatchObject({ kind: "unmatched" });
    server.clearViolations();
  });
});

describe("refs", () => {
  it("creates, fast-forwards, refuses non-fast-forward unless forced, and protects the default branch", async () => {
    const octokit = client(server);
    const main = (await server.headOf("acme", "config", "main")) as string;
    await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/feature", sha: main });
    const dup = await failure(octokit.rest.git.createRef({ ...repo, ref: "refs/heads/feature", sha: main }));
    expect(dup.status).toBe(422);
    expect(dup.response.data.message).toBe("Reference already exists");

    const ahead = await server.commitFiles("acme", "config", "feature", { "a.txt": "a\n" });
    const other = await server.commitFiles(
      "acme",
      "config",
      "feature",
      { "b.txt": "b\n" },
      { expectedHead: ahead },
    );
    const back = await failure(octokit.rest.git.updateRef({ ...repo, ref: "heads/feature", sha: ahead }));
    expect(back.status).toBe(422);
    expect(back.response.data.message).toBe("Update is not a fast forward");
    expect(await server.headOf("acme", "config", "feature")).toBe(other);
    await octokit.rest.git.updateRef({ ...repo, ref: "heads/feature", sha: ahead, force: true });
    expect(await server.headOf("acme", "config", "feature")).toBe(ahead);

    const forced = await octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: ahead, force: true });
    expect(forced.data.object.sha).toBe(ahead); // a fast-forward is allowed even on a protected branch
    const rewind = await failure(
      octokit.rest.git.updateRef({ ...repo, ref: "heads/main", sha: main, force: true }),
    );
    expect(rewind.status).toBe(422);
    expect(await server.headOf("acme", "config", "main")).toBe(ahead);

    // Forced moves of one branch by concurrent writers all land, last writer wins, as on GitHub.
    const git = server.repo("acme", "config").git;
    const who = { name: "t", email: "t@example.test" };
    const tips: string[] = [];
    for (const i of [1, 2, 3, 4, 5]) {
      const tree = await git.applyChanges(undefined, [{ path: `tip-${i}.txt`, content: "x\n" }]);
      tips.push(await git.commitTree(tree, [main], `tip ${i}\n`, who, who));
    }
    const moves = await Promise.all(
      tips.map((sha) => octokit.rest.git.updateRef({ ...repo, ref: "heads/feature", sha, force: true })),
    );
    expect(moves.map((m) => m.status)).toEqual([200, 200, 200, 200, 200]);
    expect(tips).toContain(await server.headOf("acme", "config", "feature"));

    const { data: matching } = await octokit.rest.git.listMatchingRefs({ ...repo, ref: "heads/feat" });
    expect(matching.map((r) => r.ref)).toEqual(["refs/heads/feature"]);
    await octokit.rest.git.deleteRef({ ...repo, ref: "heads/feature" });
    const gone = await failure(octokit.rest.git.getRef({ ...repo, ref: "heads/feature" }));
    expect(gone.status).toBe(404);
  });
});

describe("git data", () => {
  it("builds a commit from a blob, a tree on a base tree and a commit, then fast-forwards a branch to it", async () => {
    const octokit = client(server);
    const main = (await server.headOf("acme", "config", "main")) as string;
    const { data: base } = await octokit.rest.git.getCommit({ ...repo, commit_sha: main });
    const { data: blob } = await octokit.rest.git.createBlob({
      ...repo,
      content: Buffer.from("via rest\n").toString("base64"),
      encoding: "base64",
    });
    const { data: tree } = await octokit.rest.git.createTree({
      ...repo,
      base_tree: base.tree.sha,
      tree: [
        { path: "rest/blob.txt", mode: "100644", type: "blob", sha: blob.sha },
        { path: "rest/inline.txt", mode: "100644", type: "blob", content: "inline\n" },
      ],
    });
    expect(tree.tree.map((e) => e.path)).toEqual(
      expect.arrayContaining(["rest/blob.txt", "rest/inline.txt", "README.md"]),
    );
    const { data: commit } = await octokit.rest.git.createCommit({
      ...repo,
      message: "via git data",
      tree: tree.sha,
      parents: [main],
    });
    expect(commit.verification.verified).toBe(true);
    await octokit.rest.git.createRef({ ...repo, ref: "refs/heads/git-data", sha: commit.sha });
    expect(await server.readFile("acme", "config", "git-data", "rest/blob.txt")).toBe("via rest\n");
    expect(await server.readFile("acme", "config", "git-data", "rest/inline.txt")).toBe("inline\n");
  });
});

describe("pull requests", () => {
  it("creates one pull request per head branch, finds it by head, updates it, labels it and lists its files", async () => {
    const octokit = client(server);
    await branchWith("gitops/dev/web", {
      "apps/web/overlays/dev/kustomization.yaml": KUSTOMIZATION.replace("1.4.1", "1.4.2"),
    });
    const { data: pr } = await octokit.rest.pulls.create({
      ...repo,
      head: "gitops/dev/web",
      base: "main",
      title: "web 1.4.2",
    });
    expect(pr.node_id).toMatch(/^PR_/);
    expect([pr.mergeable, pr.mergeable_state]).toEqual([true, "clean"]);

    const again = await failure(
      octokit.rest.pulls.create({ ...repo, head: "gitops/dev/web", base: "main", title: "web 1.4.2" }),
    );
    expect(again.status).toBe(422);
    expect(again.response.data.errors?.[0]?.message).toBe(
      "A pull request already exists for acme:gitops/dev/web.",
    );

    const { data: found } = await octokit.rest.pulls.list({
      ...repo,
      head: "acme:gitops/dev/web",
      state: "open",
    });
    expect(found.map((p) => p.number)).toEqual([pr.number]);
    const { data: none } = await octokit.rest.pulls.list({
      ...repo,
      head: "acme:gitops/other",
      state: "open",
    });
    expect(none).toEqual([]);

    const { data: updated } = await octokit.rest.pulls.update({
      ...repo,
      pull_number: pr.number,
      title: "web 1.4.3",
      body: "table",
    });
    expect([updated.title, updated.body]).toEqual(["web 1.4.3", "table"]);

    const { data: labels } = await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: pr.number,
      labels: ["gitops", "env:dev"],
    });
    expect(labels.map((l) => l.name)).toEqual(["gitops", "env:dev"]);

    const { data: files } = await octokit.rest.pulls.listFiles({ ...repo, pull_number: pr.number });
    expect(files.map((f) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ["apps/web/overlays/dev/kustomization.yaml", "modified", 1, 1],
    ]);
    expect(files[0]?.patch).toContain("+  newTag: 1.4.2");

    server.addUser("alice", { permission: "write" });
    server.setTeam("acme", "platform", ["carol"]);
    const { data: requested } = await octokit.rest.pulls.requestReviewers({
      ...repo,
      pull_number: pr.number,
      reviewers: ["alice"],
      team_reviewers: ["platform"],
    });
    expect(requested.requested_reviewers?.map((u) => u.login)).toEqual(["alice"]);
    expect(requested.requested_teams?.map((t) => t.slug)).toEqual(["platform"]);
    const unknownTeam = await failure(
      octokit.rest.pulls.requestReviewers({ ...repo, pull_number: pr.number, team_reviewers: ["ghosts"] }),
    );
    expect(unknownTeam.status).toBe(422);
    const self = await failure(
      octokit.rest.pulls.requestReviewers({ ...repo, pull_number: pr.number, reviewers: ["gitops-bot"] }),
    );
    expect(self.status).toBe(422);
    const { data: comment } = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: pr.number,
      body: "hello",
    });
    expect(comment.body).toBe("hello");
  });

  it("opens exactly one pull request when five clients race to create it", async () => {
    await branchWith("race/pr", { "race-pr.txt": "x\n" });
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map(() =>
        client(server).rest.pulls.create({ ...repo, head: "race/pr", base: "main", title: "race" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected.map((r) => (r.reason as { status: number }).status)).toEqual([422, 422, 422, 422]);
    expect(server.repo("acme", "config").pulls.filter((p) => p.headRef === "race/pr")).toHaveLength(1);
  });

  it("merges with merge, squash and rebase into real commits, and checks the expected head sha", async () => {
    const octokit = client(server);
    for (const method of ["merge", "squash", "rebase"] as const) {
      const head = await branchWith(`m/${method}`, { [`merged/${method}.txt`]: `${method}\n` });
      const { data: pr } = await octokit.rest.pulls.create({
        ...repo,
        head: `m/${method}`,
        base: "main",
        title: method,
      });
      const stale = await failure(
        octokit.rest.pulls.merge({
          ...repo,
          pull_number: pr.number,
          sha: "0".repeat(40),
          merge_method: method,
        }),
      );
      expect(stale.status).toBe(409);
      const { data: merged } = await octokit.rest.pulls.merge({
        ...repo,
        pull_number: pr.number,
        sha: head,
        merge_method: method,
      });
      expect(merged.merged).toBe(true);
      expect(await server.headOf("acme", "config", "main")).toBe(merged.sha);
      expect(await server.readFile("acme", "config", "main", `merged/${method}.txt`)).toBe(`${method}\n`);
      const { data: commit } = await octokit.rest.repos.getCommit({ ...repo, ref: merged.sha });
      expect(commit.parents.length).toBe(method === "merge" ? 2 : 1);
      const { data: after } = await octokit.rest.pulls.get({ ...repo, pull_number: pr.number });
      expect([after.state, after.merged, after.merge_commit_sha]).toEqual(["closed", true, merged.sha]);
    }
  });

  it("keeps reviews with the commit they were given on, for gates that ignore stale approvals", async () => {
    const octokit = client(server);
    const first = await branchWith("review/me", { "review.txt": "1\n" });
    const { data: pr } = await octokit.rest.pulls.create({
      ...repo,
      head: "review/me",
      base: "main",
      title: "review",
    });
    await server.addReview("acme", "config", pr.number, "alice", "APPROVED");
    const second = await server.commitFiles("acme", "config", "review/me", { "review.txt": "2\n" });
    server.setToken("ghp_bob", { login: "bob", type: "user" });
    server.addUser("bob", { permission: "write" });
    await client(server, "ghp_bob").rest.pulls.createReview({
      ...repo,
      pull_number: pr.number,
      event: "REQUEST_CHANGES",
      body: "no",
    });
    const own = await failure(
      octokit.rest.pulls.createReview({ ...repo, pull_number: pr.number, event: "APPROVE" }),
    );
    expect(own.status).toBe(422);
    const { data: reviews } = await octokit.rest.pulls.listReviews({ ...repo, pull_number: pr.number });
    expect(reviews.map((r) => [r.user?.login, r.state, r.commit_id])).toEqual([
      ["alice", "APPROVED", first],
      ["bob", "CHANGES_REQUESTED", second],
    ]);

    // Deleting the head branch closes the pull request, as on GitHub.
    await octokit.rest.git.deleteRef({ ...repo, ref: "heads/review/me" });
    const { data: closed } = await octokit.rest.pulls.get({ ...repo, pull_number: pr.number });
    expect([closed.state, closed.merged, closed.head.sha]).toEqual(["closed", false, second]);
  });
});

describe("statuses, deployments, teams", () => {
  it("combines the latest status per context", async () => {
    const octokit = client(server);
    const sha = (await server.headOf("acme", "config", "main")) as string;
    await octokit.rest.repos.createCommitStatus({
      ...repo,
      sha,
      state: "pending",
      context: "argocd/staging",
    });
    await octokit.rest.repos.createCommitStatus({
      ...repo,
      sha,
      state: "success",
      context: "argocd/staging",
    });
    await octokit.rest.repos.createCommitStatus({ ...repo, sha, state: "success", context: "ci" });
    const { data: combined } = await octokit.rest.repos.getCombinedStatusForRef({ ...repo, ref: "main" });
    expect(combined.state).toBe("success");
    expect(combined.statuses.map((s) => [s.context, s.state]).sort()).toEqual([
      ["argocd/staging", "success"],
      ["ci", "success"],
    ]);
    const tooLong = await failure(
      octokit.rest.repos.createCommitStatus({ ...repo, sha, state: "failure", description: "x".repeat(141) }),
    );
    expect(tooLong.status).toBe(422);
  });

  it("pages long lists with GitHub's link header, so octokit.paginate sees every item", async () => {
    const octokit = client(server);
    const sha = (await server.headOf("acme", "config", "main")) as string;
    for (const context of ["a", "b", "c"]) {
      await octokit.rest.repos.createCommitStatus({
        ...repo,
        sha,
        state: "success",
        context: `page/${context}`,
      });
    }
    const first = await octokit.rest.repos.listCommitStatusesForRef({ ...repo, ref: sha, per_page: 2 });
    expect(first.headers.link).toContain('rel="next"');
    const all = await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, {
      ...repo,
      ref: sha,
      per_page: 2,
    });
    expect(
      all
        .filter((s) => s.context.startsWith("page/"))
        .map((s) => s.context)
        .sort(),
    ).toEqual(["page/a", "page/b", "page/c"]);
  });

  it("records deployments with their payload and statuses", async () => {
    const octokit = client(server);
    const { data } = await octokit.rest.repos.createDeployment({
      ...repo,
      ref: "main",
      environment: "production",
      payload: { images: ["ghcr.io/acme/web:1.4.2"] },
      auto_merge: false,
      required_contexts: [],
    });
    const id = (data as { id: number }).id;
    // Without required_contexts every status context on the commit must be green, as on GitHub.
    const sha = (await server.headOf("acme", "config", "main")) as string;
    await server.setStatus("acme", "config", sha, "argocd/production", "pending");
    const blocked = await failure(
      octokit.rest.repos.createDeployment({
        ...repo,
        ref: sha,
        environment: "production",
        auto_merge: false,
      }),
    );
    expect([blocked.status, blocked.response.data.message]).toEqual([
      409,
      `Conflict: Commit status checks failed for ${sha}.`,
    ]);
    await server.setStatus("acme", "config", sha, "argocd/production", "success");
    await octokit.rest.repos.createDeploymentStatus({
      ...repo,
      deployment_id: id,
      state: "success",
      environment_url: "https://web.example.test",
    });
    const { data: list } = await octokit.rest.repos.listDeployments({ ...repo, environment: "production" });
    expect(list.map((d) => [d.id, d.payload])).toEqual([[id, { images: ["ghcr.io/acme/web:1.4.2"] }]]);
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: id,
    });
    expect(statuses.map((s) => s.state)).toEqual(["success"]);
  });

  it("answers team membership for members and 404 for others", async () => {
    server.setTeam("acme", "platform", ["carol"]);
    const octokit = client(server);
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({
      org: "acme",
      team_slug: "platform",
      username: "carol",
    });
    expect(data).toMatchObject({ role: "member", state: "active" });
    const other = await failure(
      octokit.rest.teams.getMembershipForUserInOrg({
        org: "acme",
        team_slug: "platform",
        username: "mallory",
      }),
    );
    expect(other.status).toBe(404);
  });
});

describe("tokens and permissions", () => {
  it("refuses what an integration token was not granted, with GitHub's messages", async () => {
    server.setToken("ghs_readonly", {
      login: "github-actions[bot]",
      type: "github-actions",
      permissions: { contents: "read", "pull-requests": "read" },
    });
    const octokit = client(server, "ghs_readonly");
    await octokit.rest.repos.getContent({ ...repo, path: "README.md" });
    const main = (await server.headOf("acme", "config", "main")) as string;
    const write = await failure(octokit.rest.git.createRef({ ...repo, ref: "refs/heads/nope", sha: main }));
    expect(write.status).toBe(403);
    expect(write.response.data.message).toBe("Resource not accessible by integration");
    expect(write.response.headers["x-accepted-github-permissions"]).toBe("contents=write");

    server.setToken("ghs_noprs", {
      login: "github-actions[bot]",
      type: "github-actions",
      canCreatePullRequests: false,
    });
    await branchWith("actions/pr", { "x.txt": "x\n" });
    const pr = await failure(
      client(server, "ghs_noprs").rest.pulls.create({
        ...repo,
        head: "actions/pr",
        base: "main",
        title: "x",
      }),
    );
    expect(pr.status).toBe(403);
    expect(pr.response.data.message).toBe(
      "GitHub Actions is not permitted to create or approve pull requests.",
    );
  });
});

describe("faults", () => {
  it("a secondary rate limit with retry-after is retried by the throttling plugin", async () => {
    const handle = server.faults.inject(
      { operation: "repos/get" },
      { kind: "secondary-rate-limit", status: 429, retryAfter: 1 },
    );
    server.resetCounters();
    const { data } = await throttledClient(server).rest.repos.get(repo);
    expect(data.name).toBe("config");
    expect(handle.fired).toBe(1);
    expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("a 502 is retried by the retry plugin; a second fault after one success fires on the right request", async () => {
    server.faults.inject({ operation: "pulls/list" }, { kind: "server-error", status: 502 }, { times: 2 });
    server.resetCounters();
    const { data } = await client(server).rest.pulls.list({ ...repo, state: "all" });
    expect(data.length).toBeGreaterThan(0);
    expect(server.count({ operation: "pulls/list", status: 502 })).toBe(2);

    server.faults.inject({ path: /\/contents\// }, { kind: "not-found" }, { after: 1 });
    await client(server).rest.repos.getContent({ ...repo, path: "README.md" });
    const second = await failure(client(server).rest.repos.getContent({ ...repo, path: "README.md" }));
    expect(second.status).toBe(404);
  });

  it("403 faults carry GitHub's messages and are not retried", async () => {
    server.faults.inject({ operation: "pulls/create" }, { kind: "actions-cannot-create-pr" });
    server.faults.inject({ operation: "git/create-ref" }, { kind: "not-accessible" });
    server.faults.inject({ operation: "repos/get" }, { kind: "bad-credentials" });
    const octokit = client(server);
    const pr = await failure(octokit.rest.pulls.create({ ...repo, head: "x", base: "main", title: "t" }));
    expect([pr.status, pr.response.data.message]).toEqual([
      403,
      "GitHub Actions is not permitted to create or approve pull requests.",
    ]);
    const ref = await failure(
      octokit.rest.git.createRef({ ...repo, ref: "refs/heads/y", sha: "0".repeat(40) }),
    );
    expect([ref.status, ref.response.data.message]).toEqual([403, "Resource not accessible by integration"]);
    const meta = await failure(octokit.rest.repos.get(repo));
    expect(meta.status).toBe(401);
  });

  it("counts requests and bytes per operation", async () => {
    server.resetCounters();
    const octokit = client(server);
    await octokit.rest.repos.get(repo);
    await octokit.rest.repos.getContent({ ...repo, path: "README.md" });
    expect(server.count()).toBe(2);
    expect(server.count({ operation: "repos/get-content", status: 200 })).toBe(1);
    const bytes = server.bytes({ operation: "repos/get" });
    expect(bytes.response).toBeGreaterThan(1000);
    expect(bytes.request).toBeGreaterThan(50);
    expect(server.requests[0]).toMatchObject({ method: "GET", path: "/repos/acme/config", status: 200 });
  });
});

describe("as the bundled actions reach it", () => {
  it("@actions/github's getOctokit finds REST and GraphQL through GITHUB_API_URL as on GitHub Enterprise", async () => {
    const saved = process.env.GITHUB_API_URL;
    process.env.GITHUB_API_URL = server.url;
    try {
      // @actions/github reads GITHUB_API_URL when it is first imported, as in a runner's fresh process.
      vi.resetModules();
      const { getOctokit } = await import("@actions/github");
      const octokit = getOctokit(server.token);
      const { data } = await octokit.rest.repos.get(repo);
      expect(data.full_name).toBe("acme/config");
      const result = await octokit.graphql<{ repository: { defaultBranchRef: { name: string } } }>(
        `query { repository(owner: "acme", name: "config") { defaultBranchRef { name } } }`,
      );
      expect(result.repository.defaultBranchRef.name).toBe("main");
      expect(server.requests.slice(-2).map((r) => r.path)).toEqual(["/repos/acme/config", "/api/graphql"]);
    } finally {
      if (saved === undefined) delete process.env.GITHUB_API_URL;
      else process.env.GITHUB_API_URL = saved;
    }
  });
});
