import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ImageRef } from "../../src/image/index.js";
import { updateFile } from "../../src/manifests/index.js";

const D1 = `sha256:${"1".repeat(64)}`;

/** Every convention that writes a version, each holding ghcr.io/acme/app at 1.0.0. */
const FILES: [string, string][] = [
  ["kustomization.yaml", "images:\n  - name: ghcr.io/acme/app\n    newTag: 1.0.0\n"],
  ["values.yaml", "image:\n  repository: ghcr.io/acme/app\n  tag: '1.0.0'\n  digest: \"\"\n"],
  ["values-block.yaml", "image:\n  repository: ghcr.io/acme/app\n  tag: |\n    1.0.0\n"],
  [
    "deploy.yaml",
    "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/app:1.0.0\n",
  ],
  [
    "app.yaml",
    "apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    kustomize:\n      images: [ghcr.io/acme/app:1.0.0]\n",
  ],
  ["flux.yaml", 'tag: 1.0.0 # {"$imagepolicy": "flux-system:app:tag"}\nrepository: ghcr.io/acme/app\n'],
];

/** Values a caller could hand over without parsing them (a source environment's file, an event). */
const HOSTILE: [string, Partial<ImageRef>][] = [
  ["a line break that adds a key", { tag: "sha-1\nnamePrefix: pwned-" }],
  ["a line break that adds a document", { tag: "1.0\n---\nkind: Secret" }],
  ["a comment", { tag: "1.0 # x" }],
  ["a quote", { tag: "1.0'" }],
  ["a flow indicator", { tag: "1.0}" }],
  ["a leading dash", { tag: "-1" }],
  ["a digest with a line break", { tag: "1.1", digest: `${D1}\nx: y` }],
  ["a digest that is not hex", { digest: "sha256:zz" }],
];

describe("every value written into a file is a valid image-reference part", () => {
  const cases = FILES.flatMap(([path, text]) =>
    HOSTILE.map(([what, parts]) => ({ path, text, what, parts, label: `${path}: ${what}` })),
  );

  it.each(cases)("$label is refused at file:line, nothing written", ({ path, text, parts }) => {
    const update: ImageRef = { registry: "ghcr.io", repository: "acme/app", ...parts };
    let error: unknown;
    try {
      updateFile(path, text, [update]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      name: "UserError",
      message: expect.stringMatching(/^refusing to write ".*" as the (tag|digest) of ghcr\.io\/acme\/app/),
      location: { file: path, line: expect.any(Number) },
    });
  });

  it.each(FILES)("%s: a valid update still reads back as that tag", (path, text) => {
    const result = updateFile(path, text, [{ registry: "ghcr.io", repository: "acme/app", tag: "1.1.0" }]);
    expect(result.changes).toHaveLength(1);
    expect(JSON.stringify(parse(result.content))).toContain("1.1.0");
  });
});
