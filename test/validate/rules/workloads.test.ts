import { describe, expect, it } from "vitest";
import { containersOf, podOf } from "../../../src/validate/workloads.js";
import { lineOf, linesWith, load } from "./helpers.js";

const CONTAINERS = `
      initContainers:
        - name: setup # setup
          image: busybox:1.36.1
        - name: proxy # sidecar
          image: envoyproxy/envoy:v1.31.2
          restartPolicy: Always
      containers:
        - name: app # app
          image: acme/app:1.0.0`;

function templated(apiVersion: string, kind: string, indent = ""): string {
  const body = `template:
  metadata: {labels: {app: x}}
  spec:${CONTAINERS.replaceAll("\n      ", "\n    ")}`;
  return `apiVersion: ${apiVersion}
kind: ${kind}
metadata: {name: x}
spec:
${body
  .split("\n")
  .map((line) => `${indent}  ${line}`)
  .join("\n")}
`;
}

const KINDS: Array<[string, string]> = [
  [
    "Pod",
    `apiVersion: v1
kind: Pod
metadata: {name: x, labels: {app: x}}
spec:${CONTAINERS.replaceAll("\n      ", "\n  ")}
`,
  ],
  ["Deployment", templated("apps/v1", "Deployment")],
  ["StatefulSet", templated("apps/v1", "StatefulSet")],
  ["DaemonSet", templated("apps/v1", "DaemonSet")],
  ["ReplicaSet", templated("apps/v1", "ReplicaSet")],
  ["ReplicationController", templated("v1", "ReplicationController")],
  ["Job", templated("batch/v1", "Job")],
  ["Rollout", templated("argoproj.io/v1alpha1", "Rollout")],
  [
    "CronJob",
    `apiVersion: batch/v1
kind: CronJob
metadata: {name: x}
spec:
  schedule: "@hourly"
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: x}}
        spec:${CONTAINERS.replaceAll("\n      ", "\n          ")}
`,
  ],
];

describe("workloads", () => {
  it.each(KINDS)("%s: every container with its role and a path to its own line", (_kind, text) => {
    const [resource] = load(text);
    const found = containersOf(resource!);
    expect(found.map((c) => [c.name, c.role, lineOf(resource!, c.path)])).toEqual([
      ["setup", "init", linesWith(text, "# setup")[0]],
      ["proxy", "sidecar", linesWith(text, "# sidecar")[0]],
      ["app", "container", linesWith(text, "# app")[0]],
    ]);
    expect(podOf(resource!)!.labels).toEqual({ app: "x" });
  });

  it("knows which workloads run to completion", () => {
    const longRunning = Object.fromEntries(
      KINDS.map(([kind, text]) => [kind, podOf(load(text)[0]!)!.longRunning]),
    );
    expect(longRunning).toEqual({
      Pod: true,
      Deployment: true,
      StatefulSet: true,
      DaemonSet: true,
      ReplicaSet: true,
      ReplicationController: true,
      Job: false,
      Rollout: true,
      CronJob: false,
    });
  });

  it("finds no pod in kinds that run none, or in a Rollout using workloadRef", () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: x}
spec: {selector: {app: x}}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: x}
spec:
  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: x}
---
apiVersion: example.com/v1
kind: Deployment
metadata: {name: x}
spec:
  template: {spec: {containers: [{name: a, image: "a:1.0.0"}]}}
`;
    expect(load(text).map((resource) => containersOf(resource).length)).toEqual([0, 0, 0]);
  });
});
