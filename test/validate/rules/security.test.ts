import { describe, expect, it } from "vitest";
import { hostNamespace } from "../../../src/validate/rules/host-namespace.js";
import { hostPath } from "../../../src/validate/rules/host-path.js";
import { privilegeEscalation } from "../../../src/validate/rules/privilege-escalation.js";
import { privileged } from "../../../src/validate/rules/privileged.js";
import { runAsRoot } from "../../../src/validate/rules/run-as-root.js";
import { checkYaml, linesWith, workload } from "./helpers.js";

function pod(spec: string): string {
  return workload("DaemonSet", "agent", spec);
}

const HARDENED = pod(`securityContext:
  runAsNonRoot: true
  runAsUser: 10001
containers:
  - name: app
    image: acme/app:1.0.0
    securityContext:
      allowPrivilegeEscalation: false
      privileged: false
      readOnlyRootFilesystem: true
volumes:
  - name: tmp
    emptyDir: {}
`);

describe("run-as-root", () => {
  it("judges each container on the effective value, container over pod", () => {
    const text = pod(`securityContext:
  runAsNonRoot: true
initContainers:
  - name: chown # chown
    image: busybox:1.36.1
    securityContext:
      runAsUser: 0 # user0
containers:
  - name: ok
    image: acme/app:1.0.0
  - name: opted-out
    image: acme/app:1.0.0
    securityContext:
      runAsNonRoot: false # nonroot-false
`);
    const hits = checkYaml(runAsRoot, text);
    expect(hits.map((hit) => hit.line)).toEqual([
      ...linesWith(text, "# user0"),
      ...linesWith(text, "# nonroot-false"),
    ]);
    expect(hits[0]!.message).toBe('init container "chown" runs as root (runAsUser: 0)');
    expect(hits[1]!.message).toContain("runAsNonRoot is false");
  });

  it("flags a container with nothing set at its own line", () => {
    const text = pod(`containers:
  - name: app # app
    image: acme/app:1.0.0
`);
    const hits = checkYaml(runAsRoot, text);
    expect(hits.map((hit) => hit.line)).toEqual(linesWith(text, "# app"));
    expect(hits[0]!.message).toContain("runAsNonRoot is not set");
  });

  it("passes runAsNonRoot at pod level and a non-zero runAsUser", () => {
    expect(checkYaml(runAsRoot, HARDENED)).toEqual([]);
    const byUser = pod(`containers:
  - name: app
    image: acme/app:1.0.0
    securityContext: {runAsUser: 1000}
`);
    expect(checkYaml(runAsRoot, byUser)).toEqual([]);
  });
});

describe("privileged", () => {
  it("flags privileged: true at its line", () => {
    const text = pod(`containers:
  - name: cni
    image: acme/cni:1.0.0
    securityContext:
      privileged: true # priv
`);
    const hits = checkYaml(privileged, text);
    expect(hits.map((hit) => hit.line)).toEqual(linesWith(text, "# priv"));
    expect(hits[0]!.message).toContain('container "cni" runs privileged');
  });

  it("passes unprivileged containers", () => {
    expect(checkYaml(privileged, HARDENED)).toEqual([]);
  });
});

describe("privilege-escalation", () => {
  it("flags an explicit true and a missing false", () => {
    const text = pod(`containers:
  - name: a
    image: acme/app:1.0.0
    securityContext:
      allowPrivilegeEscalation: true # explicit
  - name: b
    image: acme/app:1.0.0
    securityContext: # context
      runAsNonRoot: true
  - name: c # bare
    image: acme/app:1.0.0
`);
    const hits = checkYaml(privilegeEscalation, text);
    expect(hits.map((hit) => hit.line)).toEqual([
      ...linesWith(text, "# explicit"),
      ...linesWith(text, "# context"),
      ...linesWith(text, "# bare"),
    ]);
    expect(hits[0]!.message).toBe('container "a" allows privilege escalation');
    expect(hits[2]!.message).toBe('container "c" does not set allowPrivilegeEscalation: false');
  });

  it("passes allowPrivilegeEscalation: false", () => {
    expect(checkYaml(privilegeEscalation, HARDENED)).toEqual([]);
  });
});

describe("host-namespace", () => {
  it("flags each shared host namespace at its key", () => {
    const text = pod(`hostNetwork: true # net
hostPID: true # pid
hostIPC: false
containers:
  - name: a
    image: acme/app:1.0.0
`);
    const hits = checkYaml(hostNamespace, text);
    expect(hits.map((hit) => hit.line)).toEqual([...linesWith(text, "# net"), ...linesWith(text, "# pid")]);
    expect(hits.map((hit) => hit.message)).toEqual([
      "the pod shares the host's network namespace (hostNetwork: true)",
      "the pod shares the host's process namespace (hostPID: true)",
    ]);
  });

  it("passes pods in their own namespaces", () => {
    expect(checkYaml(hostNamespace, HARDENED)).toEqual([]);
  });
});

describe("host-path", () => {
  it("flags hostPath volumes at the hostPath key", () => {
    const text = pod(`containers:
  - name: a
    image: acme/app:1.0.0
volumes:
  - name: config
    configMap: {name: agent}
  - name: logs
    hostPath: # logs
      path: /var/log
`);
    const hits = checkYaml(hostPath, text);
    expect(hits.map((hit) => hit.line)).toEqual(linesWith(text, "# logs"));
    expect(hits[0]!.message).toBe('volume "logs" mounts host path "/var/log" from the node');
  });

  it("passes pods without hostPath volumes", () => {
    expect(checkYaml(hostPath, HARDENED)).toEqual([]);
  });
});
