import { describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/index.js";
import { findImages, updateFile } from "../../src/manifests/index.js";

const NEXT = [parseImageRef("ghcr.io/acme/app:1.1.0")];

describe("Go templates and substitution variables", () => {
  it("skips the template documents of a file and edits its plain documents", () => {
    const chart = `{{- if .Values.migrate }}
apiVersion: v1
kind: Pod
metadata:
  name: migrate
spec:
  containers:
    - image: ghcr.io/acme/app:1.0.0
{{- end }}
---
apiVersion: v1
kind: Pod
metadata:
  name: smoke-test
spec:
  containers:
    - image: ghcr.io/acme/app:1.0.0
`;
    const result = updateFile("templates/pods.yaml", chart, NEXT);
    const edited = chart.lastIndexOf("app:1.0.0");
    expect(result.content).toBe(`${chart.slice(0, edited)}app:1.1.0${chart.slice(edited + 9)}`);
    expect(result.changes).toEqual([expect.objectContaining({ line: 17, from: "1.0.0", to: "1.1.0" })]);
  });

  it("skips a document where `{{` parses as YAML structure (a flow map), not as a string", () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
spec:
  replicas: {{ .Values.replicas }}
  template:
    spec:
      containers:
        - image: ghcr.io/acme/app:1.0.0
`;
    expect(findImages("templates/deploy.yaml", deployment)).toEqual([]);
    expect(updateFile("templates/deploy.yaml", deployment, NEXT).content).toBe(deployment);
  });

  it("reads a document whose templates sit inside strings, leaving those strings alone", () => {
    const workflow = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: release
spec:
  templates:
    - name: deploy
      inputs:
        parameters: [{name: tag}]
      container:
        image: "ghcr.io/acme/app:{{inputs.parameters.tag}}"
    - name: smoke
      container:
        image: ghcr.io/acme/app:1.0.0
        args: ["--target={{workflow.name}}"]
`;
    const result = updateFile("workflows/release.yaml", workflow, NEXT);
    expect(result.content).toBe(workflow.replace("app:1.0.0", "app:1.1.0"));
    expect(result.changes).toEqual([expect.objectContaining({ line: 14 })]);
  });

  it("reads a values file whose comments mention templates", () => {
    const values = `image:
  repository: ghcr.io/acme/app
  # -- Overrides the image tag; defaults to {{ .Chart.AppVersion }}
  tag: 1.0.0 # {{ not a template either }}
`;
    const result = updateFile("charts/app/values.yaml", values, NEXT);
    expect(result.content).toBe(values.replace("tag: 1.0.0", "tag: 1.1.0"));
  });

  it.each([
    [
      "a Flux post-build substitution in a kustomization",
      "kustomization.yaml",
      `images:\n  - name: ghcr.io/acme/app\n    newTag: \${APP_TAG}\n`,
    ],
    [
      "a substitution in a HelmRelease's values",
      "release.yaml",
      `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: app}\nspec:\n  values:\n    image:\n      repository: ghcr.io/acme/app\n      tag: \${APP_TAG:=1.0.0}\n`,
    ],
    [
      "a Go template in a values file",
      "values.yaml",
      'image:\n  repository: ghcr.io/acme/app\n  tag: "{{ .Chart.AppVersion }}"\n',
    ],
  ])("does not write a literal over %s", (_, path, text) => {
    expect(findImages(path, text)).toEqual([]);
    expect(updateFile(path, text, NEXT)).toMatchObject({ content: text, changes: [], found: [] });
  });
});
