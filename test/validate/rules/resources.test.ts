import { describe, expect, it } from "vitest";
import { missingLimits } from "../../../src/validate/rules/missing-limits.js";
import { missingProbes } from "../../../src/validate/rules/missing-probes.js";
import { missingRequests } from "../../../src/validate/rules/missing-requests.js";
import { checkYaml, linesWith } from "./helpers.js";

const UNSET = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      initContainers:
        - name: migrate # init
          image: acme/api:1.4.2
          resources:
            requests: # init-requests
              cpu: 100m
            limits:
              cpu: 200m # init-limits
      containers:
        - name: api # api
          image: acme/api:1.4.2
          readinessProbe:
            httpGet: {path: /ready, port: 8080}
        - name: proxy # proxy
          image: envoyproxy/envoy:v1.31.2
          resources: # proxy-resources
            requests: {cpu: 50m, memory: 64Mi}
            limits: {memory: 128Mi}
          readinessProbe: {tcpSocket: {port: 9901}}
          livenessProbe: {tcpSocket: {port: 9901}}
`;

const SET = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      initContainers:
        - name: init
          image: busybox:1.36.1
          resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}
      containers:
        - name: db
          image: postgres:16.4
          resources:
            requests: {cpu: 250m, memory: 512Mi}
            limits: {memory: 1Gi}
          readinessProbe: {exec: {command: [pg_isready]}}
          livenessProbe: {exec: {command: [pg_isready]}}
`;

describe("missing-requests", () => {
  it("points at the requests block, or the container when there is none", () => {
    const hits = checkYaml(missingRequests, UNSET);
    expect(hits.map((hit) => hit.line)).toEqual([
      ...linesWith(UNSET, "# init-requests"),
      ...linesWith(UNSET, "# api"),
    ]);
    expect(hits[0]!.message).toBe(
      'init container "migrate" has no memory request; set resources.requests.memory',
    );
    expect(hits[1]!.message).toContain('container "api" has no cpu or memory request');
  });

  it("passes containers that request CPU and memory", () => {
    expect(checkYaml(missingRequests, SET)).toEqual([]);
  });
});

describe("missing-limits", () => {
  it("requires a memory limit, not a CPU limit", () => {
    const hits = checkYaml(missingLimits, UNSET);
    expect(hits.map((hit) => hit.line)).toEqual([
      linesWith(UNSET, "# init-limits")[0]! - 1,
      ...linesWith(UNSET, "# api"),
    ]);
    expect(hits[1]!.message).toBe('container "api" has no memory limit; set resources.limits.memory');
  });

  it("passes containers with a memory limit", () => {
    expect(checkYaml(missingLimits, SET)).toEqual([]);
  });
});

describe("missing-probes", () => {
  it("flags long-running containers without readiness or liveness probes, not init containers", () => {
    const hits = checkYaml(missingProbes, UNSET);
    expect(hits.map((hit) => hit.line)).toEqual(linesWith(UNSET, "# api"));
    expect(hits[0]!.message).toBe('container "api" has no livenessProbe');
  });

  it("passes probed containers, Jobs, CronJobs and Pods that run to completion", () => {
    expect(checkYaml(missingProbes, SET)).toEqual([]);
    const batch = `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: migrate, image: "acme/api:1.4.2"}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: report, image: "acme/report:2.0.0"}]
---
apiVersion: v1
kind: Pod
metadata: {name: once}
spec:
  restartPolicy: Never
  containers: [{name: once, image: "busybox:1.36.1"}]
`;
    expect(checkYaml(missingProbes, batch)).toEqual([]);
  });

  it("does check a restarting Pod and a DaemonSet", () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: web # pod
      image: nginx:1.27.3
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers:
        - name: agent # daemon
          image: acme/agent:3.1.0
          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
`;
    const hits = checkYaml(missingProbes, text);
    expect(hits.map((hit) => [hit.name, hit.line])).toEqual([
      ["web", linesWith(text, "# pod")[0]],
      ["agent", linesWith(text, "# daemon")[0]],
    ]);
    expect(hits[1]!.message).toBe('container "agent" has no readinessProbe');
  });
});
