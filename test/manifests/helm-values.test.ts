import { describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/index.js";
import { findImages, updateFile } from "../../src/manifests/index.js";
import { expectUnchangedOutside } from "../support/exact.js";

const D1 = `sha256:${"a".repeat(64)}`;
const D2 = `sha256:${"b".repeat(64)}`;

const VALUES = `# Values for the shop chart (production)
global:
  imageRegistry: ghcr.io

defaults: &defaults
  pullPolicy: IfNotPresent

frontend:
  replicaCount: 3
  image:
    registry: ghcr.io
    repository: acme/frontend
    tag: "1.4.2"   # keep in sync with the API
    digest: ""
    <<: *defaults

backend:
  coreImage: ghcr.io/acme/backend:2.0.0
  sidecars:
    - name: proxy
      image: 'docker.io/envoyproxy/envoy:v1.30.1'
  db:
    image: {repository: postgres, tag: 16.2}

monitoring:
  exporter:
    image:
      repository: quay.io/prometheus/node-exporter
      version: v1.8.0

deploy:
  img:
    repository: ghcr.io/acme/legacy
    release: "5"
  custom: ghcr.io/acme/custom:1.0
`;

interface Case {
  name: string;
  image: string;
  lines: [number, number];
  expected: string;
  helmPaths?: string[];
}

const cases: Case[] = [
  {
    name: "registry + repository + quoted tag; comment and trailing spaces kept",
    image: "ghcr.io/acme/frontend:1.5.0",
    lines: [13, 13],
    expected: VALUES.replace('tag: "1.4.2"   # keep', 'tag: "1.5.0"   # keep'),
  },
  {
    name: "tag@digest fills the chart's digest field",
    image: `ghcr.io/acme/frontend:1.5.0@${D1}`,
    lines: [13, 14],
    expected: VALUES.replace('tag: "1.4.2"', 'tag: "1.5.0"').replace('digest: ""', `digest: "${D1}"`),
  },
  {
    name: "a string under a *Image key",
    image: "ghcr.io/acme/backend:2.1.0",
    lines: [18, 18],
    expected: VALUES.replace("backend:2.0.0", "backend:2.1.0"),
  },
  {
    name: "single-quoted string in a list",
    image: "envoyproxy/envoy:v1.31.0",
    lines: [21, 21],
    expected: VALUES.replace("envoy:v1.30.1'", "envoy:v1.31.0'"),
  },
  {
    name: "flow map with a number-looking tag",
    image: "postgres:16.10",
    lines: [23, 23],
    expected: VALUES.replace("tag: 16.2}", 'tag: "16.10"}'),
  },
  {
    name: "{repository, version} under an image key",
    image: "quay.io/prometheus/node-exporter:v1.8.2",
    lines: [29, 29],
    expected: VALUES.replace("version: v1.8.0", "version: v1.8.2"),
  },
  {
    name: "an explicit dotted path to a reference string",
    image: "ghcr.io/acme/custom:1.1",
    lines: [35, 35],
    helmPaths: ["deploy.custom"],
    expected: VALUES.replace("custom:1.0", "custom:1.1"),
  },
];

describe("Helm values", () => {
  it.each(cases)("$name", ({ image, lines, expected, helmPaths }) => {
    const result = updateFile("charts/shop/values-prod.yaml", VALUES, [parseImageRef(image)], { helmPaths });
    expect(result.content).toBe(expected);
    expectUnchangedOutside(VALUES, result.content, lines[0], lines[1]);
    expect(result.changes).toHaveLength(1);
  });

  it("takes an image spread over separate values from repository=…,tag=… paths", () => {
    const spec = ["repository=deploy.img.repository,tag=deploy.img.release"];
    const result = updateFile("values.yaml", VALUES, [parseImageRef("ghcr.io/acme/legacy:6")], {
      helmPaths: spec,
    });
    expect(result.content).toBe(VALUES.replace('release: "5"', 'release: "6"'));
    expect(result.changes).toEqual([
      { file: "values.yaml", line: 34, image: "ghcr.io/acme/legacy", from: "5", to: "6" },
    ]);
    expect(() =>
      updateFile("values.yaml", VALUES, [parseImageRef(`ghcr.io/acme/legacy@${D2}`)], { helmPaths: spec }),
    ).toThrow(/no place for the digest/);
    expect(() =>
      updateFile("values.yaml", VALUES, [parseImageRef("ghcr.io/acme/legacy:6")], {
        helmPaths: ["repo=deploy.img"],
      }),
    ).toThrow(/not understood/);
  });

  it("empties an existing digest when only a tag is given", () => {
    const withDigest = VALUES.replace('digest: ""', `digest: ${D1}`);
    const result = updateFile("values.yaml", withDigest, [parseImageRef("ghcr.io/acme/frontend:1.6.0")]);
    expect(result.content).toBe(
      withDigest.replace('"1.4.2"', '"1.6.0"').replace(`digest: ${D1}`, 'digest: ""'),
    );
    expect(result.changes[0]).toMatchObject({ line: 13, from: `1.4.2@${D1}`, to: "1.6.0" });
  });

  it("writes the tag alone where the map has no digest field, and refuses a digest-only update there", () => {
    const result = updateFile("values.yaml", VALUES, [parseImageRef(`postgres:17@${D2}`)]);
    expect(result.content).toBe(VALUES.replace("tag: 16.2}", 'tag: "17"}'));
    expect(() => updateFile("values.yaml", VALUES, [parseImageRef(`postgres@${D2}`)])).toThrow(
      /has no place for the digest/,
    );
  });

  it("says so when a tag@digest update finds no place for the digest, changed or not", () => {
    const warning = `backend.db.image.tag has no place for a digest, so only the tag 17 is written and ${D2} is not pinned`;
    const result = updateFile("values.yaml", VALUES, [parseImageRef(`postgres:17@${D2}`)]);
    expect(result.changes).toEqual([
      { file: "values.yaml", line: 23, image: "postgres", from: "16.2", to: "17", warning },
    ]);
    expect(result.warnings).toEqual([{ file: "values.yaml", line: 23, message: warning }]);
    // Already at that tag: nothing to change, and the digest is still not pinned.
    const again = updateFile("values.yaml", result.content, [parseImageRef(`postgres:17@${D2}`)]);
    expect(again.changes).toEqual([]);
    expect(again.warnings).toEqual([{ file: "values.yaml", line: 23, message: warning }]);
    // A map with a digest field takes it: no warning.
    expect(
      updateFile("values.yaml", VALUES, [parseImageRef(`ghcr.io/acme/frontend:1.5.0@${D1}`)]).warnings,
    ).toEqual([]);
  });

  it("adds the digest at a values path named with digest=… that the file does not have yet", () => {
    const values =
      "app:\n  imageRepo: ghcr.io/acme/app\n  imageTag: 1.0.0 # CI\n  pullPolicy: IfNotPresent\n";
    const spec = ["repository=app.imageRepo,tag=app.imageTag,digest=app.imageDigest"];
    const result = updateFile("values.yaml", values, [parseImageRef(`ghcr.io/acme/app:1.1.0@${D1}`)], {
      helmPaths: spec,
    });
    expect(result.content).toBe(
      values.replace("imageTag: 1.0.0", "imageTag: 1.1.0").concat(`  imageDigest: ${D1}\n`),
    );
    expect(result.warnings).toEqual([]);
    // Then it is a digest part like any other: replaced in place, emptied for a tag-only update.
    const next = updateFile("values.yaml", result.content, [parseImageRef("ghcr.io/acme/app:1.2.0")], {
      helmPaths: spec,
    });
    expect(next.content).toBe(
      values.replace("imageTag: 1.0.0", "imageTag: 1.2.0").concat('  imageDigest: ""\n'),
    );
  });

  it("finds the images of a values tree with their fields", () => {
    const found = findImages("values.yaml", VALUES);
    expect(found.map((f) => [f.field, f.line, f.kind])).toEqual([
      ["frontend.image.tag", 13, "helm-values"],
      ["backend.coreImage", 18, "helm-values"],
      ["backend.sidecars[0].image", 21, "helm-values"],
      ["backend.db.image.tag", 23, "helm-values"],
      ["monitoring.exporter.image.version", 29, "helm-values"],
    ]);
    expect(found[0]!.ref).toEqual({
      registry: "ghcr.io",
      repository: "acme/frontend",
      tag: "1.4.2",
      digest: undefined,
    });
  });

  it("refuses a tag reached through an alias, at the anchor's line", () => {
    const aliased = `shared:
  release: &v 1.0.0
web:
  image:
    repository: ghcr.io/acme/app
    tag: *v
`;
    expect(() => updateFile("values.yaml", aliased, [parseImageRef("ghcr.io/acme/app:1.0.1")])).toThrow(
      expect.objectContaining({ location: expect.objectContaining({ file: "values.yaml", line: 2 }) }),
    );
  });

  it("edits a merged image map once, at its anchor, when the anchored map is itself the same image", () => {
    const merged = `base: &base
  repository: ghcr.io/acme/app
  tag: 1.0.0
web:
  image:
    <<: *base
`;
    const result = updateFile("values.yaml", merged, [parseImageRef("ghcr.io/acme/app:1.0.1")]);
    expect(result.content).toBe(merged.replace("1.0.0", "1.0.1"));
  });

  it("reads a map that merges itself (`&a {<<: *a}`) without looping, keeping its own keys", () => {
    const looped =
      "frontend: &front\n  <<: *front\n  image: ghcr.io/acme/app:1.0.0\nbackend:\n  image: ghcr.io/acme/api:2.0.0\n";
    expect(findImages("values.yaml", looped).map((image) => [image.line, image.field])).toEqual([
      [3, "frontend.image"],
      [5, "backend.image"],
    ]);
    const result = updateFile("values.yaml", looped, [parseImageRef("ghcr.io/acme/api:2.0.1")]);
    expect(result.content).toBe(looped.replace("api:2.0.0", "api:2.0.1"));
  });

  it("walks a map that holds aliases of itself once, finding its image", () => {
    const cyclic = "a: &x\n  b: *x\n  c: *x\n  image: ghcr.io/acme/app:1.0.0\n";
    expect(findImages("values.yaml", cyclic).map((image) => [image.line, image.field])).toEqual([
      [4, "a.image"],
    ]);
  });

  it("refuses aliases of aliases that expand to an absurd number of nodes, at file:line", () => {
    const levels = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level <= 9; level++) {
      const previous = `*l${level - 1}`;
      levels.push(`l${level}: &l${level} [${Array(10).fill(previous).join(", ")}]`);
    }
    const bomb = `${levels.join("\n")}\nimage: ghcr.io/acme/app:1.0.0\n`;
    for (const run of [
      () => findImages("values.yaml", bomb),
      () => updateFile("values.yaml", bomb, [parseImageRef("ghcr.io/acme/app:1.0.1")]),
    ]) {
      expect(run).toThrow("aliases in this file expand to more than 100000 nodes");
      expect(run).toThrow(
        expect.objectContaining({ location: expect.objectContaining({ file: "values.yaml" }) }),
      );
    }
  });

  it("does not parse Helm templates", () => {
    const template =
      "image: {{ .Values.image.repository }}:{{ .Values.image.tag }}\nother: ghcr.io/acme/app:1\n";
    expect(findImages("templates/deploy.yaml", template)).toEqual([]);
    expect(updateFile("templates/deploy.yaml", template, [parseImageRef("ghcr.io/acme/app:2")]).content).toBe(
      template,
    );
  });
});
