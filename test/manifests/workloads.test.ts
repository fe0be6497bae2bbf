import { describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/index.js";
import { findImages, updateFile } from "../../src/manifests/index.js";
import { expectUnchangedOutside } from "../support/exact.js";

const D1 = `sha256:${"c".repeat(64)}`;
const D2 = `sha256:${"d".repeat(64)}`;

const MULTI = `---
# web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: "ghcr.io/acme/web:1.4.2"
      containers:
        - name: web
          image: ghcr.io/acme/web:1.4.2@${D1}
          ports: [{containerPort: 8080}]
        - {name: sidecar, image: nginx}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: report
              image: 'ghcr.io/acme/report:2024.1'
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/api:3.1.0
      ephemeralContainers:
        - name: debug
          image: busybox:1.36
`;

interface Case {
  name: string;
  image: string;
  lines: [number, number];
  expected: string;
  changes: number;
}

const cases: Case[] = [
  {
    name: "tag-only update rewrites both containers, drops the pinned digest",
    image: "ghcr.io/acme/web:1.5.0",
    lines: [12, 15],
    expected: MULTI.replace('"ghcr.io/acme/web:1.4.2"', '"ghcr.io/acme/web:1.5.0"').replace(
      `web:1.4.2@${D1}`,
      "web:1.5.0",
    ),
    changes: 2,
  },
  {
    name: "tag@digest is written whole into image strings",
    image: `ghcr.io/acme/web:1.5.0@${D2}`,
    lines: [12, 15],
    expected: MULTI.replace('"ghcr.io/acme/web:1.4.2"', `"ghcr.io/acme/web:1.5.0@${D2}"`).replace(
      `web:1.4.2@${D1}`,
      `web:1.5.0@${D2}`,
    ),
    changes: 2,
  },
  {
    name: "an untagged image in a flow map gets the tag",
    image: "docker.io/library/nginx:1.27",
    lines: [17, 17],
    expected: MULTI.replace("image: nginx}", "image: nginx:1.27}"),
    changes: 1,
  },
  {
    name: "CronJob jobTemplate, single quotes kept",
    image: "ghcr.io/acme/report:2024.2",
    lines: [31, 31],
    expected: MULTI.replace("report:2024.1'", "report:2024.2'"),
    changes: 1,
  },
  {
    name: "Argo Rollout in the third document",
    image: "ghcr.io/acme/api:3.2.0",
    lines: [42, 42],
    expected: MULTI.replace("api:3.1.0", "api:3.2.0"),
    changes: 1,
  },
  {
    name: "ephemeral containers",
    image: "busybox:1.37",
    lines: [45, 45],
    expected: MULTI.replace("busybox:1.36", "busybox:1.37"),
    changes: 1,
  },
];

describe("workloads", () => {
  it.each(cases)("$name", ({ image, lines, expected, changes }) => {
    const result = updateFile("apps/web.yaml", MULTI, [parseImageRef(image)]);
    expect(result.content).toBe(expected);
    expectUnchangedOutside(MULTI, result.content, lines[0], lines[1]);
    expect(result.changes).toHaveLength(changes);
  });

  it("keeps CRLF and reports 1-based lines per document", () => {
    const crlf = MULTI.replace(/\n/g, "\r\n");
    const result = updateFile("apps/web.yaml", crlf, [parseImageRef("ghcr.io/acme/api:3.2.0")]);
    expect(result.content).toBe(crlf.replace("api:3.1.0", "api:3.2.0"));
    expect(result.changes).toEqual([
      { file: "apps/web.yaml", line: 42, image: "ghcr.io/acme/api", from: "3.1.0", to: "3.2.0" },
    ]);
  });

  it("keeps a BOM, document end markers and tabs in comments", () => {
    const text = `\uFEFF# pods\t(generated)\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: a/b:1 \t# pinned\n...\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers: [{image: a/b:1}]\n`;
    const result = updateFile("pods.yaml", text, [parseImageRef("a/b:2")]);
    expect(result.content).toBe(
      text.replace("a/b:1 \t#", "a/b:2 \t#").replace("{image: a/b:1}", "{image: a/b:2}"),
    );
    expect(result.changes.map((c) => c.line)).toEqual([6, 12]);
  });

  it("locates every container image with its field path and document", () => {
    expect(findImages("apps/web.yaml", MULTI).map((f) => [f.document, f.line, f.field])).toEqual([
      [0, 12, "spec.template.spec.initContainers[0].image"],
      [0, 15, "spec.template.spec.containers[0].image"],
      [0, 17, "spec.template.spec.containers[1].image"],
      [1, 31, "spec.jobTemplate.spec.template.spec.containers[0].image"],
      [2, 42, "spec.template.spec.containers[0].image"],
      [2, 45, "spec.template.spec.ephemeralContainers[0].image"],
    ]);
  });

  it("ignores values that are not references (substitutions) and images outside container lists", () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  annotations:
    image: ghcr.io/acme/web:1.0
spec:
  containers:
    - name: app
      image: \${IMAGE}
`;
    expect(findImages("pod.yaml", pod)).toEqual([]);
  });

  it("refuses malformed YAML with file:line and changes nothing", () => {
    const broken = "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: a:1\n   bad: [\n";
    expect(() => updateFile("pod.yaml", broken, [parseImageRef("a:2")])).toThrow(
      expect.objectContaining({
        name: "UserError",
        location: expect.objectContaining({ file: "pod.yaml", line: 6 }),
      }),
    );
  });
});
