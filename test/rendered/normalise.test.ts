import { describe, expect, it } from "vitest";
import { diffObjects } from "../../src/rendered/diff.js";
import { objectDiffLines } from "../../src/rendered/format.js";
import { renderedDiffMarkdown } from "../../src/rendered/markdown.js";
import { parseRendered } from "../../src/rendered/objects.js";

/** What kustomize prints for an overlay with a generated ConfigMap and Secret, origin annotations on. */
const render = (opts: { hash: string; replicas: number; mode: string; password: string }) => `apiVersion: v1
data:
  MODE: ${opts.mode}
kind: ConfigMap
metadata:
  annotations:
    config.kubernetes.io/origin: |
      configuredIn: apps/web/overlays/staging/kustomization.yaml
      configuredBy:
        apiVersion: builtin
        kind: ConfigMapGenerator
  name: web-config-${opts.hash}
  namespace: web
---
apiVersion: v1
data:
  password: ${Buffer.from(opts.password).toString("base64")}
kind: Secret
metadata:
  annotations:
    config.kubernetes.io/origin: |
      configuredIn: apps/web/overlays/staging/kustomization.yaml
      configuredBy:
        apiVersion: builtin
        kind: SecretGenerator
  name: db-${opts.hash}
  namespace: web
type: Opaque
---
apiVersion: apps/v1
kind: Deployment
metadata:
  annotations:
    config.kubernetes.io/origin: |
      path: apps/web/base/deployment.yaml
    team: web
  name: web
  namespace: web
spec:
  replicas: ${opts.replicas}
  template:
    spec:
      containers:
      - name: web
        envFrom:
        - configMapRef:
            name: web-config-${opts.hash}
        env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef: {name: db-${opts.hash}, key: password}
`;

describe("normalising rendered objects", () => {
  it("drops generator hash suffixes from names and references, and origin annotations, keeping others", () => {
    const [configMap, deployment, secret] = parseRendered(
      render({ hash: "5k2mt8b4dc", replicas: 1, mode: "a", password: "x" }),
    );
    expect([configMap!.name, deployment!.name, secret!.name]).toEqual(["web-config", "web", "db"]);
    const spec = (
      deployment!.object.spec as { template: { spec: { containers: { envFrom: unknown; env: unknown }[] } } }
    ).template.spec.containers[0]!;
    expect(spec.envFrom).toEqual([{ configMapRef: { name: "web-config" } }]);
    expect(JSON.stringify(spec.env)).toContain('"name":"db"');
    expect(deployment!.object.metadata).toEqual({
      annotations: { team: "web" },
      name: "web",
      namespace: "web",
    });
    expect(configMap!.object.metadata).toEqual({ name: "web-config", namespace: "web" });
  });

  it("keeps a name that only looks hashed when no generator made it", () => {
    const [cm] = parseRendered("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings-5k2mt8b4dc}\n");
    expect(cm!.name).toBe("settings-5k2mt8b4dc");
  });

  it("reports replicas, changed config and secret keys, never secret values", () => {
    const before = parseRendered(
      render({ hash: "5k2mt8b4dc", replicas: 1, mode: "a", password: "old-pass-1" }),
    );
    const after = parseRendered(
      render({ hash: "h7g9c2ft4b", replicas: 3, mode: "b", password: "new-pass-2" }),
    );
    const diffs = diffObjects(before, after);
    const text = objectDiffLines(diffs, ["base", "head"]).join("\n");
    expect(text).toBe(
      [
        "~ ConfigMap web/web-config",
        "    data.MODE: a -> b",
        "~ Deployment web/web",
        "    spec.replicas: 1 -> 3",
        "~ Secret web/db",
        "    data.password: changed (value hidden)",
      ].join("\n"),
    );
    const markdown = renderedDiffMarkdown(
      {
        overlays: [{ overlay: "apps/web/overlays/staging", status: "changed", objects: diffs, errors: [] }],
        renders: 2,
      },
      { base: "0123456789abcdef" },
    );
    for (const secret of ["old-pass-1", "new-pass-2"]) {
      expect(text + markdown + JSON.stringify(diffs)).not.toContain(secret);
      expect(text + markdown + JSON.stringify(diffs)).not.toContain(Buffer.from(secret).toString("base64"));
    }
  });

  it("shows a changed config file as a hunk and keeps a fence that repository text cannot close", () => {
    const cm = (body: string) =>
      parseRendered(
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n  app.conf: |\n${body.replace(/^/gm, "    ")}`,
      );
    const diffs = diffObjects(cm("a = 1\nb = 2\nc = ```\n"), cm("a = 1\nb = 3\nc = ```\n"));
    expect(objectDiffLines(diffs, ["base", "head"])).toEqual([
      "~ ConfigMap app",
      '    data."app.conf":',
      "      @@ -1,3 +1,3 @@",
      "       a = 1",
      "      -b = 2",
      "      +b = 3",
      "       c = ```",
    ]);
    const markdown = renderedDiffMarkdown(
      { overlays: [{ overlay: "apps/<x>", status: "changed", objects: diffs, errors: [] }], renders: 2 },
      { base: "0123456789abcdef" },
    );
    expect(markdown).toContain("<code>apps/&lt;x&gt;</code>");
    expect(markdown).toContain("````diff\n");
  });
});
