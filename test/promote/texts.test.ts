import path from "node:path";
import { describe, expect, it } from "vitest";
import { planPromotion } from "../../src/promote/plan.js";
import {
  commitLink,
  markerOf,
  parseMarker,
  promotionBody,
  promotionBranch,
  promotionTitle,
} from "../../src/promote/texts.js";
import { localReader } from "../../src/update/index.js";
import { ROOT } from "../support/action.js";

const SHA = "0123456789abcdef0123456789abcdef01234567";

describe("the promotion marker", () => {
  it("round-trips through a pull request body and names the branch", () => {
    const promotion = { kind: "promotion", from: "staging", to: "production" } as const;
    const rollback = { kind: "rollback", from: "production", to: "production", revision: SHA } as const;
    expect(parseMarker(`text\n\n${markerOf(promotion)}\n`)).toEqual({ ...promotion, revision: undefined });
    expect(parseMarker(markerOf(rollback))).toEqual(rollback);
    expect(promotionBranch(promotion)).toBe("promote/staging-to-production");
    expect(promotionBranch(rollback)).toBe("rollback/production");
  });

  it.each([
    ["no marker", "a pull request someone else opened"],
    ["broken JSON", '<!-- gitops-pipeline:promote-env {"kind": -->'],
    ["an unknown kind", '<!-- gitops-pipeline:promote-env {"kind":"deploy","from":"a","to":"b"} -->'],
    [
      "a revision that is not a commit",
      '<!-- gitops-pipeline:promote-env {"kind":"rollback","from":"a","to":"a","revision":"HEAD~1"} -->',
    ],
  ])("ignores a body with %s", (_name, body) => {
    expect(parseMarker(body)).toBeUndefined();
  });
});

describe("commitLink", () => {
  it.each([
    ["ghcr.io/acme/web", "sha-1a2b3c4", "https://github.com/acme/web/commit/1a2b3c4"],
    [
      "ghcr.io/acme/web",
      `sha-1a2b3c4@sha256:${"a".repeat(64)}`,
      "https://github.com/acme/web/commit/1a2b3c4",
    ],
    ["ghcr.io/acme/web", "1.4.2", undefined],
    ["ghcr.io/acme/team/web", "sha-1a2b3c4", undefined],
    ["docker.io/acme/web", "sha-1a2b3c4", undefined],
  ])("%s:%s → %s", (image, version, link) => {
    expect(commitLink(image, version, "https://github.com")).toBe(link);
  });
});

describe("promotion texts", () => {
  it("describe the table, the skipped images and the marker", async () => {
    const plan = await planPromotion(
      localReader(path.join(ROOT, "test/fixtures/promote-repo")),
      { name: "staging", paths: ["apps/*/overlays/staging"] },
      { name: "production", paths: ["apps/*/overlays/production"] },
    );
    const marker = { kind: "promotion", from: "staging", to: "production" } as const;
    expect(promotionTitle(plan, marker)).toBe("Promote staging to production: 2 images in 2 apps");
    const body = promotionBody(plan, marker, { base: "main", baseOid: SHA, serverUrl: "https://github.com" });
    expect(body).toBe(
      [
        "Promotes what **staging** runs to **production** (`main` at 0123456). Only image references change.",
        "",
        "| App | Image | From → To |",
        "| --- | --- | --- |",
        "| api | `ghcr.io/acme/api` | `2.2.1` → `2.3.0` |",
        "| web | `ghcr.io/acme/web` | `1.9@sha256:0d1c2b3a4f5e` → `1.10@sha256:4b9a3e0f5c1d` |",
        "",
        "- staging app api runs `otel/opentelemetry-collector` (`0.112.0`), which production does not reference: not added.",
        "- App worker exists only in staging: skipped.",
        "",
        "The `gitops-pipeline/promotion` status says whether this pull request may merge: approvals on its latest commit, " +
          "the deployment window, the source's statuses, and that it still changes nothing but these image references.",
        "This branch is rewritten when the source moves on; edits pushed to it block the gate.",
        "",
        markerOf(marker),
      ].join("\n"),
    );
    expect(parseMarker(body)).toEqual({ ...marker, revision: undefined });
  });
});
