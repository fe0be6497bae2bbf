import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { gitHubRepositoryOf } from "../../src/git/working-tree.js";
import { translateGitHubError } from "../../src/github/errors.js";
import { parseImageRef } from "../../src/image/index.js";
import {
  changeTable,
  defaultTitle,
  headBranchName,
  PR_MARKER,
  pullRequestBody,
} from "../../src/texts/pull-request.js";
import { outputsOf, summaryOf } from "../../src/texts/update-summary.js";
import { gitBlobOid } from "../../src/update/delivery.js";

const web = parseImageRef("ghcr.io/acme/web:1.4.2");
const api = parseImageRef("ghcr.io/acme/api@sha256:" + "a".repeat(64));

describe("head branch names", () => {
  it("is one branch per environment and image, whatever the version", () => {
    expect(headBranchName({ environment: "staging" }, [web])).toBe("gitops/staging/acme-web");
    expect(headBranchName({ environment: "staging" }, [parseImageRef("ghcr.io/acme/web:2.0.0")])).toBe(
      "gitops/staging/acme-web",
    );
  });

  it("keeps images of different organisations apart", () => {
    expect(headBranchName({ environment: "dev" }, [parseImageRef("ghcr.io/other/web:1")])).not.toBe(
      headBranchName({ environment: "dev" }, [web]),
    );
  });

  it("names an image set by its first image and a hash that ignores order and versions", () => {
    const one = headBranchName({ environment: "Prod EU" }, [web, api]);
    expect(one).toMatch(/^gitops\/prod-eu\/acme-api-and-1-more-[0-9a-f]{8}$/);
    expect(headBranchName({ environment: "Prod EU" }, [api, parseImageRef("ghcr.io/acme/web:9")])).toBe(one);
  });

  it("names paths by a hash of the sorted paths", () => {
    const a = headBranchName({ paths: ["b/x", "a/y"] }, [web]);
    expect(a).toMatch(/^gitops\/paths-[0-9a-f]{8}\/acme-web$/);
    expect(headBranchName({ paths: ["a/y", "b/x"] }, [web])).toBe(a);
    expect(headBranchName({ paths: ["a/y"] }, [web])).not.toBe(a);
  });

  it("produces names git accepts", () => {
    const name = headBranchName({ environment: "..weird env.lock" }, [
      parseImageRef("localhost:5000/a/b__c.d-e:1"),
    ]);
    expect(() => execFileSync("git", ["check-ref-format", `refs/heads/${name}`])).not.toThrow();
  });
});

describe("texts", () => {
  const changes = [
    { file: "apps/web/kustomization.yaml", line: 8, image: "ghcr.io/acme/web", from: "1.0.0", to: "1.4.2" },
  ];

  it("titles name the image, version and environment", () => {
    expect(defaultTitle([web], { environment: "dev" })).toBe("Update ghcr.io/acme/web to 1.4.2 in dev");
    expect(defaultTitle([web, api], {})).toBe("Update 2 images");
  });

  it("tables escape pipes and link files to their line", () => {
    const table = changeTable(
      [{ ...changes[0]!, file: "a|b.yaml" }],
      (file, line) => `https://x/${encodeURIComponent(file)}#L${line}`,
    );
    expect(table).toContain("[a\\|b.yaml:8](https://x/a%7Cb.yaml#L8)");
  });

  it("pull request bodies carry the change table, the run and the marker", () => {
    const body = pullRequestBody(changes, { environment: "dev", base: "main", run: "https://run/1" });
    expect(body).toContain("| apps/web/kustomization.yaml:8 | `ghcr.io/acme/web` | `1.0.0` | `1.4.2` |");
    expect(body).toContain("https://run/1");
    expect(body.endsWith(PR_MARKER)).toBe(true);
  });

  it("outputs and summary say what happened", () => {
    const plan = {
      changes,
      files: [{ path: changes[0]!.file, before: "a", after: "b" }],
      missing: [],
      scanned: [],
    };
    const outcome = {
      operation: "created" as const,
      mode: "pull-request" as const,
      plan,
      repository: "acme/deploy",
      repositoryUrl: "https://github.com/acme/deploy",
      base: "main",
      branch: "gitops/dev/acme-web",
      commit: { oid: "0123456789abcdef", url: "https://github.com/acme/deploy/commit/0123456789abcdef" },
      pullRequest: { number: 7, url: "https://github.com/acme/deploy/pull/7" },
      dryRun: false,
      warnings: ["could not add labels"],
    };
    expect(outputsOf(outcome)).toEqual({
      changed: "true",
      changes: JSON.stringify(changes),
      "changed-files": '["apps/web/kustomization.yaml"]',
      "commit-sha": "0123456789abcdef",
      "pull-request-number": "7",
      "pull-request-url": "https://github.com/acme/deploy/pull/7",
      "pull-request-operation": "created",
      "pull-request-head-sha": "0123456789abcdef",
      "pull-request-branch": "gitops/dev/acme-web",
      operation: "created",
    });
    const summary = summaryOf(outcome);
    expect(summary).toContain("Pull request opened");
    expect(summary).toContain("[#7](https://github.com/acme/deploy/pull/7)");
    expect(summary).toContain(
      "(https://github.com/acme/deploy/blob/0123456789abcdef/apps/web/kustomization.yaml#L8)",
    );
    expect(summary).toContain("- could not add labels");
  });
});

describe("git helpers", () => {
  it("computes the blob id git computes", () => {
    for (const content of ["", "kind: Deployment\n", "ünïcode\r\nlines\n"]) {
      const expected = execFileSync("git", ["hash-object", "--stdin"], { input: content }).toString().trim();
      expect(gitBlobOid(content)).toBe(expected);
    }
  });

  it("recognises remotes on the workflow's GitHub server", () => {
    const server = "https://github.com";
    expect(gitHubRepositoryOf("https://github.com/acme/deploy.git", server)).toEqual({
      owner: "acme",
      repo: "deploy",
    });
    expect(gitHubRepositoryOf("https://x-access-token:t@github.com/acme/deploy", server)).toEqual({
      owner: "acme",
      repo: "deploy",
    });
    expect(gitHubRepositoryOf("git@github.com:acme/deploy.git", server)).toEqual({
      owner: "acme",
      repo: "deploy",
    });
    expect(gitHubRepositoryOf("https://gitlab.com/acme/deploy.git", server)).toBeUndefined();
    expect(gitHubRepositoryOf("https://ghe.corp/acme/deploy.git", "https://ghe.corp")).toEqual({
      owner: "acme",
      repo: "deploy",
    });
  });
});

describe("GitHub error translation", () => {
  const context = { operation: "commit to main", repository: "acme/deploy" };
  const graphql = (type: string, message: string) => ({
    name: "GraphqlResponseError",
    errors: [{ type, message }],
    message,
  });

  it("explains GraphQL refusals like their REST twins", () => {
    const forbidden = translateGitHubError(
      graphql("FORBIDDEN", "Resource not accessible by integration"),
      context,
    );
    expect(forbidden).toBeInstanceOf(UserError);
    expect((forbidden as UserError).hint).toContain("permissions: { contents: write }");
    const missing = translateGitHubError(graphql("NOT_FOUND", "Could not resolve to a Repository"), context);
    expect((missing as UserError).message).toContain("not found");
    const scopes = translateGitHubError(
      graphql("INSUFFICIENT_SCOPES", "Your token has not been granted the required scopes"),
      context,
    );
    expect((scopes as UserError).hint).toContain("`repo` scope");
    const rate = translateGitHubError(graphql("RATE_LIMITED", "API rate limit exceeded"), context);
    expect((rate as UserError).message).toContain("rate limit");
  });

  it("leaves errors that are not GitHub's alone", () => {
    const error = new TypeError("boom");
    expect(translateGitHubError(error, context)).toBe(error);
  });
});
