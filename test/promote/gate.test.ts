import { describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/index.js";
import { evaluateGate, type GateInput, gateDescription } from "../../src/promote/gate.js";
import type { Review } from "../../src/promote/reviews.js";

/** The gate's input with lists a test case can edit in place. */
interface Input extends GateInput {
  reviews: Review[];
}

const HEAD = "a".repeat(40);
const OLD_HEAD = "b".repeat(40);
const SOURCE_COMMIT = "c".repeat(40);
const NEW_DIGEST = `sha256:${"1".repeat(64)}`;
const OLD_DIGEST = `sha256:${"2".repeat(64)}`;
const REBUILT_DIGEST = `sha256:${"3".repeat(64)}`;

const kustomization = (tag: string, digest: string, replicas = 3) => `# production overlay
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
replicas:
  - name: web
    count: ${replicas}
images:
  - name: ghcr.io/acme/web
    newTag: ${tag}   # promoted from staging
    digest: ${digest}
`;

const PROD_FILE = "apps/web/overlays/production/kustomization.yaml";
const STAGING_FILE = "apps/web/overlays/staging/kustomization.yaml";
/** A reference the source environment holds, as the adapter read it. */
const running = (text: string) => ({ file: STAGING_FILE, line: 11, ref: parseImageRef(text) });
const promotionFile = {
  path: PROD_FILE,
  status: "modified",
  base: kustomization("1.4.1", OLD_DIGEST),
  head: kustomization("1.4.2", NEW_DIGEST),
};

/** A Monday 10:00 in Berlin (09:00 UTC in winter). */
const MONDAY_MORNING = new Date("2026-11-23T09:00:00Z");

function input(change: (base: Input) => void = () => {}): Input {
  const base: Input = {
    kind: "promotion",
    now: MONDAY_MORNING,
    pullRequest: { number: 7, author: "gitops-bot[bot]", headSha: HEAD, files: [promotionFile] },
    reviews: [
      { user: "alice", userType: "User", state: "APPROVED", commitId: HEAD },
      { user: "dave", userType: "User", state: "APPROVED", commitId: HEAD },
    ],
    reviewers: {
      reviewers: ["alice", "@acme/platform"],
      teamMembers: { "@acme/platform": ["dave", "erin"] },
      writers: [],
    },
    approvals: 2,
    windows: ["Mon-Fri 09:00-17:00 Europe/Berlin"],
    requireStatus: ["argocd/staging"],
    target: { name: "production", paths: ["apps/*/overlays/production"] },
    source: {
      name: "staging",
      commit: SOURCE_COMMIT,
      images: { web: [running(`ghcr.io/acme/web:1.4.2@${NEW_DIGEST}`)] },
      statuses: [{ context: "argocd/staging", state: "success" }],
    },
  };
  change(base);
  return base;
}

describe("evaluateGate", () => {
  it("opens when every condition holds, and says who approved", () => {
    const result = evaluateGate(input());
    expect(result).toMatchObject({ open: true, reasons: [], approvedBy: ["alice", "dave"] });
    expect(result.changes).toEqual([
      {
        app: "web",
        file: PROD_FILE,
        line: 11,
        image: "ghcr.io/acme/web",
        from: `1.4.1@${OLD_DIGEST}`,
        to: `1.4.2@${NEW_DIGEST}`,
      },
    ]);
    expect(gateDescription(result)).toBe("open: approved by alice, dave");
  });

  const blocked: [string, (i: Input) => void, RegExp[]][] = [
    [
      "one approval short",
      (i) => {
        i.reviews = i.reviews.slice(0, 1);
      },
      [/^1 of 2 approvals by alice, @acme\/platform on the latest commit aaaaaaa \(alice\)$/],
    ],
    [
      "a stale approval after a new push",
      (i) => {
        i.reviews[1]!.commitId = OLD_HEAD;
      },
      [/^1 of 2 approvals .*\(alice\); dave approved an older commit bbbbbbb$/],
    ],
    [
      "self-approval by the PR author",
      (i) => {
        i.pullRequest.author = "dave";
      },
      [/^1 of 2 approvals .*; dave does not count \(author of the pull request\)$/],
    ],
    [
      "an approval by a bot (by login or by type)",
      (i) => {
        i.reviewers.reviewers = ["alice", "renovate[bot]", "deployer"];
        i.reviews[1] = { ...i.reviews[1]!, user: "renovate[bot]" };
        i.reviews.push({ user: "deployer", userType: "Bot", state: "APPROVED", commitId: HEAD });
      },
      [/^1 of 2 .*renovate\[bot\] does not count \(a bot\); deployer does not count \(a bot\)$/],
    ],
    [
      "an approval by someone outside the reviewers and their teams",
      (i) => {
        i.reviewers.teamMembers = { "@acme/platform": ["erin"] };
      },
      [/^1 of 2 .*; dave does not count \(not an allowed reviewer\)$/],
    ],
    [
      "changes requested by an allowed reviewer, even after others approved",
      (i) => {
        i.reviews.push({ user: "erin", state: "CHANGES_REQUESTED", commitId: OLD_HEAD });
        i.reviews.push({ user: "erin", state: "COMMENTED", commitId: HEAD });
      },
      [/^erin requested changes$/],
    ],
    [
      "the window closed: Monday 18:30 in Berlin is still Monday afternoon in New York",
      (i) => {
        i.now = new Date("2026-11-23T17:30:00Z");
      },
      [/^outside the deployment window Mon-Fri 09:00-17:00 Europe\/Berlin \(now Mon 18:30 Europe\/Berlin\)$/],
    ],
    [
      "a required status failing on the source commit",
      (i) => {
        i.source.statuses = [{ context: "argocd/staging", state: "failure" }];
      },
      [/^required status argocd\/staging is failure on staging commit ccccccc$/],
    ],
    [
      "a required status still pending",
      (i) => {
        i.source.statuses = [{ context: "argocd/staging", state: "pending" }];
      },
      [/^required status argocd\/staging is pending on staging commit ccccccc$/],
    ],
    [
      "a required status in error",
      (i) => {
        i.source.statuses = [{ context: "argocd/staging", state: "error" }];
      },
      [/^required status argocd\/staging is error on staging commit ccccccc$/],
    ],
    [
      "a required check run skipped, though an earlier run passed",
      (i) => {
        i.requireStatus = ["smoke-test"];
        i.source.checkRuns = [
          { id: 12, name: "smoke-test", status: "completed", conclusion: "skipped" },
          { id: 11, name: "smoke-test", status: "completed", conclusion: "success" },
        ];
      },
      [
        /^required status smoke-test is skipped on staging commit ccccccc \(check run\); neutral and skipped verify nothing/,
      ],
    ],
    [
      "the source rebuilt the same tag under another digest",
      (i) => {
        i.source.images = { web: [running(`ghcr.io/acme/web:1.4.2@${REBUILT_DIGEST}`)] };
      },
      [
        /^staging does not run ghcr\.io\/acme\/web:1\.4\.2@sha256:1{64} \(.*kustomization\.yaml:11\); app web runs 1\.4\.2@sha256:3{64} there now$/,
      ],
    ],
    [
      "a source reference whose tag is not a tag, though it starts like the promoted one",
      (i) => {
        const ref = {
          registry: "ghcr.io",
          repository: "acme/web",
          tag: "1.4.2\nnamePrefix: x-",
          digest: NEW_DIGEST,
        };
        i.source.images = {
          web: [{ file: STAGING_FILE, line: 11, ref }, running(`ghcr.io/acme/web:1.4.2@${NEW_DIGEST}`)],
        };
      },
      [
        /^staging holds an invalid reference to ghcr\.io\/acme\/web, so what it runs is unknown: apps\/web\/overlays\/staging\/kustomization\.yaml:11: ghcr\.io\/acme\/web has an invalid tag "1\.4\.2\\nnamePrefix: x-" \(it contains whitespace or a control character at offset 5\)\. Correct it in staging, then evaluate again$/,
      ],
    ],
    [
      "a required status never reported",
      (i) => {
        i.source.statuses = [{ context: "ci/other", state: "success" }];
      },
      [/^required status argocd\/staging not reported on staging commit ccccccc$/],
    ],
    [
      "the source rolled back meanwhile",
      (i) => {
        i.source.images = { web: [running(`ghcr.io/acme/web:1.4.1@${OLD_DIGEST}`)] };
      },
      [
        /^staging does not run ghcr\.io\/acme\/web:1\.4\.2@sha256:1{64} \(.*kustomization\.yaml:11\); app web runs 1\.4\.1@sha256:2{64} there now$/,
      ],
    ],
    [
      "the PR edited to touch another file",
      (i) => {
        i.pullRequest.files = [
          promotionFile,
          {
            path: "apps/web/overlays/staging/kustomization.yaml",
            status: "modified",
            base: "a: 1\n",
            head: "a: 2\n",
          },
        ];
      },
      [
        /^apps\/web\/overlays\/staging\/kustomization\.yaml is outside production's paths \(apps\/\*\/overlays\/production\)$/,
      ],
    ],
    [
      "the PR edited to change more than an image reference in a target file",
      (i) => {
        i.pullRequest.files = [{ ...promotionFile, head: kustomization("1.4.2", NEW_DIGEST, 1) }];
      },
      [/^apps\/web\/overlays\/production\/kustomization\.yaml changes more than image references$/],
    ],
    [
      "the PR adding a file inside the target paths",
      (i) => {
        i.pullRequest.files = [
          promotionFile,
          { path: "apps/web/overlays/production/extra.yaml", status: "added", head: "kind: ConfigMap\n" },
        ];
      },
      [/^apps\/web\/overlays\/production\/extra\.yaml is added; a promotion only edits image references$/],
    ],
    [
      "a file deleted in the target paths",
      (i) => {
        i.pullRequest.files = [
          promotionFile,
          { path: "apps/web/overlays/production/pdb.yaml", status: "removed", base: "a: 1\n" },
        ];
      },
      [/^apps\/web\/overlays\/production\/pdb\.yaml is removed; a promotion only edits image references$/],
    ],
    [
      "a file moved in from outside the target paths",
      (i) => {
        i.pullRequest.files = [
          promotionFile,
          {
            path: "apps/web/overlays/production/x.yaml",
            previousPath: "secrets/x.yaml",
            status: "renamed",
            base: "",
            head: "",
          },
        ];
      },
      [/^secrets\/x\.yaml is outside production's paths/],
    ],
    [
      "a target file GitHub could not give the text of (binary or truncated)",
      (i) => {
        i.pullRequest.files = [{ ...promotionFile, head: undefined }];
      },
      [/^apps\/web\/overlays\/production\/kustomization\.yaml could not be read on both commits/],
    ],
    [
      "a target file that is not valid YAML on the head",
      (i) => {
        i.pullRequest.files = [{ ...promotionFile, head: "images: [\n" }];
      },
      [/^apps\/web\/overlays\/production\/kustomization\.yaml cannot be read as a manifest: /],
    ],
  ];

  it.each(blocked)("blocks on %s", (_name, change, reasons) => {
    const result = evaluateGate(input(change));
    expect(result.open).toBe(false);
    expect(result.reasons).toHaveLength(reasons.length);
    result.reasons.forEach((reason, index) => {
      expect(reason).toMatch(reasons[index]!);
    });
    expect(gateDescription(result).length).toBeLessThanOrEqual(140);
  });

  const stillOpen: [string, (i: Input) => void][] = [
    [
      "a later approval superseding a request for changes",
      (i) => {
        i.reviews.unshift({ user: "alice", state: "CHANGES_REQUESTED", commitId: OLD_HEAD });
      },
    ],
    [
      "a comment after an approval",
      (i) => {
        i.reviews.push({ user: "alice", state: "COMMENTED", commitId: HEAD });
      },
    ],
    [
      "a request for changes by someone who is not a reviewer",
      (i) => {
        i.reviews.push({ user: "mallory", state: "CHANGES_REQUESTED", commitId: HEAD });
      },
    ],
    [
      "a dismissed request for changes",
      (i) => {
        i.reviews.push({ user: "erin", state: "CHANGES_REQUESTED", commitId: HEAD });
        i.reviews.push({ user: "erin", state: "DISMISSED", commitId: HEAD });
      },
    ],
    [
      "logins in another case than the config",
      (i) => {
        i.reviews[0]!.user = "Alice";
        i.reviews[1]!.user = "DAVE";
      },
    ],
    [
      "empty reviewers, so anyone with write access",
      (i) => {
        i.reviewers = { reviewers: [], teamMembers: {}, writers: ["alice", "dave"] };
      },
    ],
    [
      "a second window open when the first is closed (Saturday morning in New York)",
      (i) => {
        i.now = new Date("2026-11-21T15:00:00Z");
        i.windows = ["Mon-Fri 09:00-17:00 Europe/Berlin", "Sat 09:00-12:00 America/New_York"];
      },
    ],
    [
      "no windows configured on a Sunday night",
      (i) => {
        i.now = new Date("2026-11-22T23:00:00Z");
        i.windows = [];
      },
    ],
    [
      "a rollback outside the window with red statuses and one approval",
      (i) => {
        i.kind = "rollback";
        i.approvals = 1;
        i.reviews = i.reviews.slice(0, 1);
        i.now = new Date("2026-11-22T03:00:00Z");
        i.source.statuses = [{ context: "argocd/staging", state: "failure" }];
      },
    ],
    [
      "a required check run that passed on its re-run, listed first",
      (i) => {
        i.requireStatus = ["smoke-test"];
        i.source.checkRuns = [
          { id: 12, name: "smoke-test", status: "completed", conclusion: "success" },
          { id: 11, name: "smoke-test", status: "completed", conclusion: "failure" },
        ];
      },
    ],
    [
      "a source that pins the same digest under another tag spelling of the registry",
      (i) => {
        i.source.images = { web: [running(`GHCR.IO/acme/web:1.4.2@${NEW_DIGEST}`)] };
      },
    ],
  ];

  it.each(stillOpen)("stays open with %s", (_name, change) => {
    const result = evaluateGate(input(change));
    expect(result.reasons).toEqual([]);
    expect(result.open).toBe(true);
  });

  it("blocks a pull request whose origin the adapter found wrong, before anything else", () => {
    const result = evaluateGate(
      input((i) => {
        i.kind = "rollback";
        i.origin = ["rollback revision aaaaaaa is not in the history of main"];
      }),
    );
    expect(result.reasons).toEqual(["rollback revision aaaaaaa is not in the history of main"]);
    expect(gateDescription(result)).toBe("blocked: not a valid promotion");
  });

  it("names every unmet condition at once, and fits the commit status description", () => {
    const result = evaluateGate(
      input((i) => {
        i.reviews = [{ user: "erin", state: "CHANGES_REQUESTED", commitId: HEAD }];
        i.now = new Date("2026-11-22T10:00:00Z");
        i.source.statuses = [];
        i.source.images = { web: [] };
      }),
    );
    expect(result.reasons).toHaveLength(5);
    expect(gateDescription(result)).toBe(
      "blocked: approvals 0/2; changes requested; outside window; status argocd/staging; source moved",
    );
  });

  it("cuts the status description at GitHub's 140 characters, keeping every reason in the result", () => {
    const contexts = Array.from({ length: 12 }, (_, n) => `argocd/cluster-${n}`);
    const result = evaluateGate(
      input((i) => {
        i.requireStatus = contexts;
      }),
    );
    expect(result.reasons).toHaveLength(12);
    const description = gateDescription(result);
    expect(description).toHaveLength(140);
    expect(description).toMatch(/^blocked: status argocd\/cluster-0; status argocd\/cluster-1; .*…$/);
  });

  it("refuses a PR that changes no image reference", () => {
    const result = evaluateGate(input((i) => (i.pullRequest.files = [])));
    expect(result.reasons).toEqual(["the pull request changes no image reference"]);
  });
});
