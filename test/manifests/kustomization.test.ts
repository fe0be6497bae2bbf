import { describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/index.js";
import { findImages, nextVersion, updateFile } from "../../src/manifests/index.js";
import { changedSpan, expectUnchangedOutside } from "../support/exact.js";

const D1 = `sha256:${"1".repeat(64)}`;
const D2 = `sha256:${"2".repeat(64)}`;

const OVERLAY = `# production overlay — reviewed by @acme/platform
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization

namespace: shop-prod   
resources:
  - ../../base

images:
  # the storefront, built by CI
  - name: ghcr.io/acme/web
    newTag: 1.4.2 # bumped by CI

  - name: redis
    newName: ghcr.io/acme/redis-mirror
    newTag: '7.2'
  - name: api
    newName: ghcr.io/acme/api
    newTag: "2.0.0"
    digest: ${D1}
  - {name: ghcr.io/acme/worker, newTag: v3}
  - name: ghcr.io/acme/cron
replicas:
  - name: web
    count: 3
`;

interface Case {
  name: string;
  input: string;
  image: string;
  /** Lines of the input that may change (an insertion after line N is N+1..N). */
  lines: [number, number];
  expected: string;
  change?: { line: number; image: string; from: string; to: string };
}

const cases: Case[] = [
  {
    name: "plain newTag, comment after it kept",
    input: OVERLAY,
    image: "ghcr.io/acme/web:1.5.0",
    lines: [12, 12],
    expected: OVERLAY.replace("newTag: 1.4.2 # bumped", "newTag: 1.5.0 # bumped"),
    change: { line: 12, image: "ghcr.io/acme/web", from: "1.4.2", to: "1.5.0" },
  },
  {
    name: "plain value that would read back as a number is double-quoted",
    input: OVERLAY,
    image: "ghcr.io/acme/web:1.10",
    lines: [12, 12],
    expected: OVERLAY.replace("newTag: 1.4.2 #", 'newTag: "1.10" #'),
  },
  {
    name: "matched through newName, single quotes kept",
    input: OVERLAY,
    image: "ghcr.io/acme/redis-mirror:7.4",
    lines: [16, 16],
    expected: OVERLAY.replace("newTag: '7.2'", "newTag: '7.4'"),
    change: { line: 16, image: "ghcr.io/acme/redis-mirror", from: "7.2", to: "7.4" },
  },
  {
    name: "matched through name (docker.io/library/redis ≡ redis)",
    input: OVERLAY,
    image: "docker.io/library/redis:7.4",
    lines: [16, 16],
    expected: OVERLAY.replace("newTag: '7.2'", "newTag: '7.4'"),
  },
  {
    name: "tag-only update drops a stale digest line",
    input: OVERLAY,
    image: "ghcr.io/acme/api:2.1.0",
    lines: [19, 20],
    expected: OVERLAY.replace(`newTag: "2.0.0"\n    digest: ${D1}\n`, 'newTag: "2.1.0"\n'),
    change: { line: 19, image: "ghcr.io/acme/api", from: `2.0.0@${D1}`, to: "2.1.0" },
  },
  {
    name: "digest-only update keeps the tag",
    input: OVERLAY,
    image: `ghcr.io/acme/api@${D2}`,
    lines: [20, 20],
    expected: OVERLAY.replace(`digest: ${D1}`, `digest: ${D2}`),
    change: { line: 19, image: "ghcr.io/acme/api", from: `2.0.0@${D1}`, to: `2.0.0@${D2}` },
  },
  {
    name: "flow entry: tag replaced, digest appended in flow style",
    input: OVERLAY,
    image: `ghcr.io/acme/worker:v4@${D2}`,
    lines: [21, 21],
    expected: OVERLAY.replace(
      "{name: ghcr.io/acme/worker, newTag: v3}",
      `{name: ghcr.io/acme/worker, newTag: v4, digest: ${D2}}`,
    ),
  },
  {
    name: "entry without newTag gets one at the entry's indentation",
    input: OVERLAY,
    image: "ghcr.io/acme/cron:0.9.1",
    lines: [23, 22],
    expected: OVERLAY.replace(
      "  - name: ghcr.io/acme/cron\n",
      "  - name: ghcr.io/acme/cron\n    newTag: 0.9.1\n",
    ),
    change: { line: 22, image: "ghcr.io/acme/cron", from: "", to: "0.9.1" },
  },
  {
    name: "tag@digest on an entry with only a name inserts both, in that order",
    input: OVERLAY,
    image: `ghcr.io/acme/cron:0.9.1@${D2}`,
    lines: [23, 22],
    expected: OVERLAY.replace(
      "  - name: ghcr.io/acme/cron\n",
      `  - name: ghcr.io/acme/cron\n    newTag: 0.9.1\n    digest: ${D2}\n`,
    ),
  },
  {
    name: "CRLF line endings and a BOM are kept, inserted lines use CRLF",
    input: `\uFEFF${OVERLAY.replace(/\n/g, "\r\n")}`,
    image: "ghcr.io/acme/cron:on",
    lines: [23, 22],
    expected: `\uFEFF${OVERLAY.replace("  - name: ghcr.io/acme/cron\n", '  - name: ghcr.io/acme/cron\n    newTag: "on"\n').replace(/\n/g, "\r\n")}`,
  },
  {
    name: "CRLF file without a final line break: the inserted line uses CRLF, still no final line break",
    input: "images:\r\n  - name: ghcr.io/acme/cron",
    image: "ghcr.io/acme/cron:0.9.1",
    lines: [2, 2],
    expected: "images:\r\n  - name: ghcr.io/acme/cron\r\n    newTag: 0.9.1",
  },
  {
    name: "stale digest on the last line without a final line break: removed with its line, no line break added",
    input: `images:\r\n  - name: ghcr.io/acme/api\r\n    newTag: 2.0.0\r\n    digest: ${D1}`,
    image: "ghcr.io/acme/api:2.1.0",
    lines: [3, 4],
    expected: "images:\r\n  - name: ghcr.io/acme/api\r\n    newTag: 2.1.0",
  },
  {
    name: "Kustomization file name without extension, yes-like tag quoted",
    input: OVERLAY,
    image: "ghcr.io/acme/web:yes",
    lines: [12, 12],
    expected: OVERLAY.replace("newTag: 1.4.2 #", 'newTag: "yes" #'),
  },
];

describe("kustomization images", () => {
  it.each(cases)("$name", ({ input, image, lines, expected, change }) => {
    const result = updateFile("overlays/prod/kustomization.yaml", input, [parseImageRef(image)]);
    expect(result.content).toBe(expected);
    expectUnchangedOutside(input, result.content, lines[0], lines[1]);
    expect(result.changes).toHaveLength(1);
    if (change) expect(result.changes[0]).toEqual({ file: "overlays/prod/kustomization.yaml", ...change });
  });

  it("changes only the scalar's bytes", () => {
    const result = updateFile("kustomization.yaml", OVERLAY, [parseImageRef("ghcr.io/acme/web:1.5.0")]);
    expect(changedSpan(OVERLAY, result.content)).toEqual({
      start: OVERLAY.indexOf("1.4.2") + 2,
      removed: "4.2",
      added: "5.0",
    });
  });

  it("leaves a file already at the version byte-identical, with no change but the image found", () => {
    const result = updateFile("kustomization.yaml", OVERLAY, [
      parseImageRef("ghcr.io/acme/redis-mirror:7.2"),
    ]);
    expect(result.content).toBe(OVERLAY);
    expect(result.changes).toEqual([]);
    expect(result.found).toHaveLength(1);
  });

  it("finds every entry with its location", () => {
    const found = findImages("Kustomization", OVERLAY);
    expect(found.map((f) => [f.line, f.column, f.field, f.kind])).toEqual([
      [12, 13, "images[0].newTag", "kustomization"],
      [16, 13, "images[1].newTag", "kustomization"],
      [19, 13, "images[2].newTag", "kustomization"],
      [21, 41, "images[3].newTag", "kustomization"],
      [22, 11, "images[4].name", "kustomization"],
    ]);
    expect(found[2]!.ref).toEqual({ registry: "ghcr.io", repository: "acme/api", tag: "2.0.0", digest: D1 });
  });

  it("reads Flux Kustomization spec.images", () => {
    const flux = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: web
spec:
  path: ./apps/web
  images:
    - name: ghcr.io/acme/web
      newTag: 1.0.0
`;
    const result = updateFile("clusters/prod/web.yaml", flux, [parseImageRef("ghcr.io/acme/web:1.0.1")]);
    expect(result.content).toBe(flux.replace("1.0.0", "1.0.1"));
  });

  it("refuses a newTag reached through an alias, pointing at the anchor", () => {
    const aliased = `images:
  - name: ghcr.io/acme/web
    newTag: &release 1.4.2
  - name: ghcr.io/acme/api
    newTag: *release
`;
    expect(() =>
      updateFile("kustomization.yaml", aliased, [parseImageRef("ghcr.io/acme/api:2.0.0")]),
    ).toThrow(
      expect.objectContaining({ location: expect.objectContaining({ file: "kustomization.yaml", line: 3 }) }),
    );
    // Changing the anchor alone would silently change the alias too.
    expect(() =>
      updateFile("kustomization.yaml", aliased, [parseImageRef("ghcr.io/acme/web:2.0.0")]),
    ).toThrow(/anchored as &release and also used through \*release at line 5/);
    // Both at once to the same version is exactly one edit, at the anchor.
    const both = updateFile("kustomization.yaml", aliased, [
      parseImageRef("ghcr.io/acme/web:2.0.0"),
      parseImageRef("ghcr.io/acme/api:2.0.0"),
    ]);
    expect(both.content).toBe(aliased.replace("&release 1.4.2", "&release 2.0.0"));
  });
});

describe("kustomization edits at the end of a file, with CRLF and a byte-order mark", () => {
  const entry = (eol: string) => ["images:", "  - name: ghcr.io/acme/app", `    digest: ${D1}`].join(eol);

  it.each([
    "\n",
    "\r\n",
  ])("a tag replacing a digest on a last line without a line break takes the digest's place (%j)", (eol) => {
    const before = entry(eol);
    const result = updateFile("kustomization.yaml", before, [parseImageRef("ghcr.io/acme/app:1.2.0")]);
    expect(result.content).toBe(before.replace(`digest: ${D1}`, "newTag: 1.2.0"));
    expect(result.changes).toEqual([
      { file: "kustomization.yaml", line: 2, image: "ghcr.io/acme/app", from: `@${D1}`, to: "1.2.0" },
    ]);
    // With a comment after the digest, and with a line break after it, only the pair changes.
    const commented = `${before} # pinned by CI`;
    expect(
      updateFile("kustomization.yaml", commented, [parseImageRef("ghcr.io/acme/app:1.2.0")]).content,
    ).toBe(commented.replace(`digest: ${D1}`, "newTag: 1.2.0"));
    expect(
      updateFile("kustomization.yaml", before + eol, [parseImageRef("ghcr.io/acme/app:1.2.0")]).content,
    ).toBe(`${before.replace(`digest: ${D1}`, "newTag: 1.2.0")}${eol}`);
  });

  const cases: [string, string, string, string][] = [
    [
      "newTag and digest inserted after a last name line without a line break",
      "images:\n- name: ghcr.io/acme/app",
      `ghcr.io/acme/app:1.2@${D2}`,
      `images:\n- name: ghcr.io/acme/app\n  newTag: "1.2"\n  digest: ${D2}`,
    ],
    [
      "CRLF kept for a line added at the end",
      "images:\r\n- name: ghcr.io/acme/app",
      "ghcr.io/acme/app:1.2.0",
      "images:\r\n- name: ghcr.io/acme/app\r\n  newTag: 1.2.0",
    ],
    [
      "a digest removed from the last line keeps the file without a final line break",
      `images:\n- name: ghcr.io/acme/app\n  newTag: 1.0.0\n  digest: ${D1}`,
      "ghcr.io/acme/app:1.2.0",
      "images:\n- name: ghcr.io/acme/app\n  newTag: 1.2.0",
    ],
    [
      "a flow entry on the last line",
      `images: [{name: ghcr.io/acme/app, digest: ${D1}}]`,
      "ghcr.io/acme/app:1.2.0",
      "images: [{name: ghcr.io/acme/app, newTag: 1.2.0}]",
    ],
    [
      "a digest sharing the line of the dash",
      `images:\n- digest: ${D1}\n  name: ghcr.io/acme/app`,
      "ghcr.io/acme/app:1.2.0",
      "images:\n- newTag: 1.2.0\n  name: ghcr.io/acme/app",
    ],
    [
      "a byte-order mark before the first key stays",
      `\uFEFFimages:\r\n- name: ghcr.io/acme/app\r\n  digest: ${D1}`,
      `ghcr.io/acme/app:1.2.0@${D2}`,
      `\uFEFFimages:\r\n- name: ghcr.io/acme/app\r\n  newTag: 1.2.0\r\n  digest: ${D2}`,
    ],
  ];
  it.each(cases)("%s", (_, before, image, expected) => {
    expect(updateFile("kustomization.yaml", before, [parseImageRef(image)]).content).toBe(expected);
  });
});

describe("nextVersion", () => {
  it("tag-only drops the digest, digest-only keeps the tag, a bare name keeps both", () => {
    const current = parseImageRef(`a/b:1@${D1}`);
    expect(nextVersion(current, parseImageRef("a/b:2"))).toEqual({ tag: "2", digest: undefined });
    expect(nextVersion(current, parseImageRef(`a/b@${D2}`))).toEqual({ tag: "1", digest: D2 });
    expect(nextVersion(current, parseImageRef(`a/b:2@${D2}`))).toEqual({ tag: "2", digest: D2 });
    expect(nextVersion(current, parseImageRef("a/b"))).toEqual({ tag: "1", digest: D1 });
  });
});
