import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/commands/index.js";
import { emptyValidateConfig, parseValidateConfig } from "../../src/validate/config.js";
import { type ValidateOptions, validateManifests } from "../../src/validate/engine.js";
import { findKustomize, kustomizeRenderer, localSource } from "../../src/validate/local.js";
import { rules } from "../../src/validate/rules/index.js";
import type { Finding } from "../../src/validate/types.js";
import { hasComponent } from "../support/components.js";

/**
 * Each class of false error seen on public GitOps repositories, from a file shaped like the ones those repositories
 * hold: before, each produced errors on a repository that deploys fine; now none does, while the real defect next
 * to it is still reported.
 */

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

async function check(files: Record<string, string>, options: Partial<ValidateOptions> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), "validate-real-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const tool = options.render === "auto" ? await findKustomize() : undefined;
  return validateManifests(
    { paths: ["."], render: "never", config: emptyValidateConfig, ...options },
    localSource(root),
    tool ? kustomizeRenderer(root, tool) : undefined,
  );
}

const kubectl = hasComponent("kubectl", ["version", "--client"]);
const at = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.rule} ${f.file}:${f.line}`);
const config = (raw: unknown) =>
  parseValidateConfig(
    raw,
    "gitops-pipeline.yaml",
    rules.map((r) => r.id),
  );

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: notifier
  labels: {app.kubernetes.io/name: notifier}
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: notifier}
  template:
    metadata:
      labels: {app.kubernetes.io/name: notifier}
    spec:
      securityContext: {runAsNonRoot: true, runAsUser: 10001}
      containers:
        - name: notifier
          image: ghcr.io/acme/notifier:2.8.1
          command: [/scripts/entrypoint.sh]
          resources:
            requests: {cpu: 50m, memory: 64Mi}
            limits: {memory: 128Mi}
          readinessProbe: {httpGet: {path: /healthz, port: 8080}}
          livenessProbe: {httpGet: {path: /healthz, port: 8080}}
          securityContext: {allowPrivilegeEscalation: false}
          volumeMounts:
            - {name: scripts, mountPath: /scripts}
            - {name: config, mountPath: /etc/notifier}
      volumes:
        - name: scripts
          configMap: {name: notifier-scripts, defaultMode: 0755}
        - name: config
          configMap: {name: notifier-config}
`;

const generatorInputs = {
  "apps/notifier/kustomization.yaml": `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: notifier
resources:
  - deployment.yaml
configMapGenerator:
  - name: notifier-scripts
    files:
      - scripts/entrypoint.sh
      - scripts/healthcheck.js
  - name: notifier-config
    files:
      - config.yml=config/notifier.yml
    envs:
      - config/defaults.env
`,
  "apps/notifier/deployment.yaml": deployment,
  "apps/notifier/scripts/entrypoint.sh": `#!/bin/sh
set -eu
: "\${NOTIFIER_PORT:=8080}"
if [ -f /etc/notifier/config.yml ]; then
  echo "config: /etc/notifier/config.yml"
fi
exec /usr/local/bin/notifier --port "$NOTIFIER_PORT"
`,
  "apps/notifier/scripts/healthcheck.js": `const http = require("node:http");
const req = http.get({ host: "127.0.0.1", port: 8080, path: "/healthz", timeout: 2000 }, (res) => {
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on("error", () => process.exit(1));
`,
  // App configuration read by an env-var-aware loader: its tags mean nothing to a YAML parser.
  "apps/notifier/config/notifier.yml": `smtp:
  host: !env_var SMTP_HOST
  port: !env_var SMTP_PORT
  password: !env_var SMTP_PASSWORD
routes:
  - match: {severity: critical}
    receivers: [pager, email]
`,
  "apps/notifier/config/defaults.env": "LOG_LEVEL=info\nLOG_FORMAT=json\n",
  // Tool configuration next to the manifests, with Python tags.
  "mkdocs.yml": `site_name: Platform docs
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
`,
};

describe("files that are not manifests", () => {
  it("never reports scripts, app config or tool YAML as manifests", async () => {
    const report = await check(generatorInputs);
    expect(at(report.findings)).toEqual([]);
    // Only the Deployment is a resource.
    expect(report.summary.resources).toBe(1);
  });

  it("still reports a resource that does not parse, a broken patch and a broken file that names apiVersion and kind", async () => {
    const report = await check({
      ...generatorInputs,
      "apps/notifier/kustomization.yaml":
        `${generatorInputs["apps/notifier/kustomization.yaml"]}  - service.yaml\npatches:\n  - path: patch.yaml\n`.replace(
          "  - deployment.yaml\n",
          "  - deployment.yaml\n  - service.yaml\n",
        ),
      "apps/notifier/service.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: notifier\nspec: {}\n",
      "apps/notifier/patch.yaml":
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: notifier\n   spec: {}\n",
      "monitoring/alerts.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\ndata:\n  a: [\n",
      "apps/notifier/config/notifier.yml": "smtp: [unterminated\n",
    });
    expect(at(report.findings.filter((f) => f.rule === "yaml-syntax"))).toEqual([
      "error yaml-syntax apps/notifier/patch.yaml:4",
      "error yaml-syntax apps/notifier/service.yaml:4",
      "error yaml-syntax monitoring/alerts.yaml:7",
    ]);
  });

  it.runIf(kubectl)(
    "reads nothing under skipPaths, generator inputs of a rendered build included",
    async () => {
      const report = await check(
        {
          ...generatorInputs,
          "apps/notifier/kustomization.yaml": generatorInputs["apps/notifier/kustomization.yaml"].replace(
            "namespace: notifier\n",
            "namespace: notifier\npatches:\n  - path: replicas.yaml\n",
          ),
          "apps/notifier/replicas.yaml":
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: notifier}\nspec: {replicas: 2}\n",
        },
        { render: "auto", config: config({ skipPaths: ["**/scripts/**", "**/config/**"] }) },
      );
      expect(report.rendered).toEqual(["apps/notifier"]);
      expect(at(report.findings.filter((f) => f.severity === "error"))).toEqual([]);
    },
  );
});

describe("custom resources of common CRDs", () => {
  const crs = `apiVersion: external-secrets.io/v1
kind: ExternalSecret
metadata: {name: grafana-admin, namespace: monitoring}
spec:
  refreshInterval: 1h
  secretStoreRef: {kind: ClusterSecretStore, name: onepassword}
  target:
    name: grafana-admin
    template:
      engineVersion: v2
      data:
        admin-user: "{{ .username }}"
        admin-password: "{{ .password }}"
  dataFrom:
    - extract: {key: grafana}
---
apiVersion: cert-manager.io/v1
kind: ClusterIssuer
metadata: {name: letsencrypt-production}
spec:
  acme:
    server: https://acme-v02.api.letsencrypt.org/directory
    email: ops@example.org
    privateKeySecretRef: {name: letsencrypt-production}
    solvers:
      - dns01:
          cloudflare:
            apiTokenSecretRef: {name: cloudflare-api-token, key: api-token}
        selector:
          dnsZones: [example.org]
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata: {name: wildcard, namespace: networking}
spec:
  secretName: wildcard-tls
  issuerRef: {name: letsencrypt-production, kind: ClusterIssuer}
  dnsNames: [example.org, "*.example.org"]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: grafana, namespace: monitoring}
spec:
  parentRefs:
    - {name: external, namespace: networking, sectionName: https}
  hostnames: [grafana.example.org]
  rules:
    - matches: [{path: {type: PathPrefix, value: /}}]
      backendRefs: [{name: grafana, port: 80}]
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: podinfo, namespace: apps}
spec:
  selector:
    matchLabels: {app.kubernetes.io/name: podinfo}
  endpoints:
    - {port: http-metrics, interval: 30s, path: /metrics}
---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: worker, namespace: apps}
spec:
  scaleTargetRef: {name: worker}
  minReplicaCount: 0
  maxReplicaCount: 20
  triggers:
    - type: rabbitmq
      metadata: {queueName: jobs, mode: QueueLength, value: "50"}
      authenticationRef: {name: rabbitmq-auth}
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: dashboard, namespace: traefik}
spec:
  entryPoints: [websecure]
  routes:
    - match: Host(\`traefik.example.org\`)
      kind: Rule
      services: [{name: api@internal, kind: TraefikService}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: frontend}
spec:
  hosts: ["*"]
  gateways: [frontend-gateway]
  http:
    - route:
        - destination: {host: frontend, port: {number: 80}}
---
apiVersion: karpenter.sh/v1
kind: NodePool
metadata: {name: default}
spec:
  template:
    spec:
      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      requirements:
        - {key: karpenter.sh/capacity-type, operator: In, values: [spot, on-demand]}
  limits: {cpu: "1000"}
`;
  const cilium = (name: string) => `apiVersion: cilium.io/v2
kind: CiliumNetworkPolicy
metadata: {name: ${name}, namespace: apps}
spec:
  endpointSelector:
    matchLabels: {app.kubernetes.io/name: ${name}}
  ingress:
    - fromEndpoints:
        - matchLabels: {io.kubernetes.pod.namespace: networking}
`;
  const tools = {
    "skaffold.yaml": `apiVersion: skaffold/v4beta11
kind: Config
metadata: {name: notifier}
build:
  artifacts:
    - image: ghcr.io/acme/notifier
manifests:
  kustomize:
    paths: [apps/notifier]
`,
    "talos/patches/volumes.yaml": `apiVersion: v1alpha1
kind: UserVolumeConfig
name: local-hostpath
provisioning:
  diskSelector:
    match: disk.transport == "nvme"
  minSize: 100GB
`,
    "kind-cluster.yaml":
      "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n  - role: control-plane\n",
  };

  it("validates them with bundled schemas, reports a kind without one once as a warning, and skips tool files", async () => {
    const report = await check({
      "infrastructure/crs.yaml": crs,
      "apps/policies/podinfo.yaml": cilium("podinfo"),
      "apps/policies/worker.yaml": `${cilium("worker")}---\n${cilium("redis")}`,
      ...tools,
    });
    expect(at(report.findings)).toEqual(["warning unknown-kind apps/policies/podinfo.yaml:2"]);
    expect(report.findings[0].message).toContain(
      "no schema for cilium.io/v2 CiliumNetworkPolicy, so the fields of its 3 resources in 2 files are not checked",
    );
    expect(report.summary.resources).toBe(12);
  });

  it("makes a kind without a schema an error under strict: true, and still catches typos in known kinds", async () => {
    const files = {
      "apps/policies/podinfo.yaml": cilium("podinfo"),
      "infrastructure/crs.yaml": crs
        .replace("  dnsNames: [", "  dnsName: [")
        .replace("kind: ScaledObject", "kind: ScaledObjects"),
      "apps/web.yaml": deployment.replace("kind: Deployment", "kind: Deploymnet"),
    };
    const strict = await check(files, { strict: true });
    expect(
      at(strict.findings.filter((f) => ["unknown-kind", "unknown-field", "schema"].includes(f.rule))),
    ).toEqual([
      "error unknown-kind apps/policies/podinfo.yaml:2",
      "error schema apps/web.yaml:2",
      "error unknown-field infrastructure/crs.yaml:38",
      "error unknown-kind infrastructure/crs.yaml:61",
    ]);
    expect(strict.findings.find((f) => f.rule === "schema")?.message).toBe(
      'apps/v1 has no kind "Deploymnet": did you mean "Deployment"?',
    );
    expect(
      strict.findings.find((f) => f.file === "infrastructure/crs.yaml" && f.rule === "unknown-kind")?.message,
    ).toContain("no schema for keda.sh/v1alpha1 ScaledObjects");
    const relaxed = await check(files, { config: config({ strict: false }) });
    expect(at(relaxed.findings.filter((f) => f.rule.startsWith("unknown")))).toEqual([
      "warning unknown-kind apps/policies/podinfo.yaml:2",
      "warning unknown-kind infrastructure/crs.yaml:61",
    ]);
  });
});

describe("Skaffold projects", () => {
  it("treat the untagged images Skaffold builds as placeholders, and still report other untagged images", async () => {
    const manifest = (name: string, image: string) =>
      deployment.replace(/notifier/g, name).replace(`image: ghcr.io/acme/${name}:2.8.1`, `image: ${image}`);
    const report = await check({
      "skaffold.yaml": `apiVersion: skaffold/v4beta11
kind: Config
metadata: {name: shop}
build:
  artifacts:
    - image: frontend
      context: src/frontend
manifests:
  rawYaml: [kubernetes-manifests/*.yaml]
profiles:
  - name: with-cart
    build:
      artifacts:
        - image: cartservice
          context: src/cartservice
`,
      "kubernetes-manifests/frontend.yaml": manifest("frontend", "frontend"),
      "kubernetes-manifests/cart.yaml": manifest("cartservice", "cartservice"),
      "kubernetes-manifests/redis.yaml": manifest("redis", "redis"),
    });
    expect(at(report.findings.filter((f) => f.rule === "latest-tag"))).toEqual([
      "error latest-tag kubernetes-manifests/redis.yaml:16",
    ]);
  });
});

describe("encrypted values and secret references", () => {
  it("accepts SOPS-encrypted Secrets and values, and references to secret stores", async () => {
    const report = await check({
      "clusters/home/secrets/cloudflare.sops.yaml": `apiVersion: v1
kind: Secret
metadata:
    name: cloudflare-api-token
    namespace: cert-manager
type: Opaque
stringData:
    api-token: ENC[AES256_GCM,data:0sBSm3UUxVHrmCfiWgaQ1N8=,iv:7Vn0=,tag:Zz1Q==,type:str]
sops:
    kms: []
    gcp_kms: []
    age:
        - recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
          enc: |
            -----BEGIN AGE ENCRYPTED FILE-----
            YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBkZW1v
            -----END AGE ENCRYPTED FILE-----
    lastmodified: "2024-11-02T09:12:44Z"
    mac: ENC[AES256_GCM,data:Qm9ndXM=,iv:aXY=,tag:dGFn,type:str]
    encrypted_regex: ^(data|stringData)$
    version: 3.9.1
`,
      "apps/grafana/secret.yaml": `apiVersion: v1
kind: Secret
metadata:
  name: grafana-oauth
  annotations:
    avp.kubernetes.io/path: secret/data/grafana
stringData:
  client-id: <client-id>
  client-secret: <path:secret/data/grafana#client-secret>
  admin-password: op://homelab/grafana/password
  smtp-password: ref+vault://secret/data/smtp#password
data:
  db-password: <path:secret/data/grafana#db-password | base64encode>
  oidc-secret: ${Buffer.from("ref+awssecrets://grafana/oidc#secret").toString("base64")}
`,
      "apps/grafana/deployment.yaml": deployment.replace(
        "          command: [/scripts/entrypoint.sh]\n",
        "          env:\n            - {name: DB_PASSWORD, value: 'op://homelab/postgres/password'}\n            - {name: API_TOKEN, value: 'vault:secret/data/notifier#token'}\n",
      ),
    });
    expect(at(report.findings.filter((f) => f.severity === "error"))).toEqual([]);
  });

  it("still reports a Secret with a real value next to references", async () => {
    const report = await check({
      "apps/grafana/secret.yaml":
        "apiVersion: v1\nkind: Secret\nmetadata: {name: grafana}\nstringData:\n  client-id: op://homelab/grafana/id\n  client-secret: 8f4e2c1a9b7d\n",
    });
    expect(at(report.findings)).toEqual(["error plaintext-secret apps/grafana/secret.yaml:6"]);
  });

  it("resolves YAML merge keys before checking the schema", async () => {
    const report = await check({
      "apps/worker.yaml": `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  labels: &labels
    app.kubernetes.io/name: worker
    app.kubernetes.io/part-of: queue
spec:
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels:
        <<: *labels
        app.kubernetes.io/version: "3.1.0"
    spec:
      securityContext: {runAsNonRoot: true, runAsUser: 1000}
      containers:
        - name: worker
          image: ghcr.io/acme/worker:3.1.0
          resources:
            requests: &resources
              cpu: 100m
              memory: 256Mi
            limits:
              <<: *resources
              cpu: 1
          securityContext: {allowPrivilegeEscalation: false}
`,
    });
    expect(at(report.findings.filter((f) => f.severity === "error"))).toEqual([]);
  });

  it("accepts the event-source kinds Flux documents for Alerts, including Flux Operator's", async () => {
    const report = await check({
      "clusters/home/notifications.yaml": `apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Provider
metadata: {name: discord, namespace: flux-system}
spec:
  type: discord
  secretRef: {name: discord-webhook}
---
apiVersion: notification.toolkit.fluxcd.io/v1beta3
kind: Alert
metadata: {name: flux, namespace: flux-system}
spec:
  providerRef: {name: discord}
  eventSeverity: error
  eventSources:
    - {kind: FluxInstance, name: flux}
    - {kind: ResourceSet, name: '*'}
    - {kind: Kustomization, name: '*'}
    - {kind: HelmRelease, name: '*', namespace: apps}
  exclusionList: ["waiting.*socket"]
---
apiVersion: notification.toolkit.fluxcd.io/v1
kind: Receiver
metadata: {name: github, namespace: flux-system}
spec:
  type: github
  events: [ping, push]
  secretRef: {name: github-webhook-token}
  resources:
    - {kind: GitRepository, name: flux-system}
    - {kind: ResourceSetInputProvider, name: pull-requests, apiVersion: fluxcd.controlplane.io/v1}
`,
    });
    expect(at(report.findings)).toEqual([]);
  });
});

describe("patch files", () => {
  const files = {
    "apps/podinfo/base/kustomization.yaml": "resources: [deployment.yaml]\n",
    "apps/podinfo/base/deployment.yaml": deployment,
    "apps/podinfo/overlays/prod/kustomization.yaml": `resources: [../../base]
patches:
  - path: replicas.yaml
  - path: resources.yaml
    target: {kind: Deployment, name: notifier}
patchesStrategicMerge:
  - env.yaml
`,
    "apps/podinfo/overlays/prod/replicas.yaml":
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: notifier\nspec:\n  replicas: 3\n",
    "apps/podinfo/overlays/prod/resources.yaml":
      "- op: replace\n  path: /spec/template/spec/containers/0/resources/limits/memory\n  value: 512Mi\n",
    "apps/podinfo/overlays/prod/env.yaml":
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: notifier\nspec:\n  template:\n    spec:\n      containers:\n        - name: notifier\n          env: [{name: MODE, value: production}]\n",
  };

  it("are never validated as whole resources, even when checked on their own", async () => {
    for (const file of Object.keys(files).filter(
      (f) => f.includes("/overlays/") && !f.endsWith("kustomization.yaml"),
    )) {
      const report = await check(files, { paths: [file] });
      expect(at(report.findings), file).toEqual([]);
      expect(report.summary.resources, file).toBe(0);
    }
  });

  it("still have their syntax checked", async () => {
    const report = await check(
      {
        ...files,
        "apps/podinfo/overlays/prod/replicas.yaml":
          "apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: [3\n",
      },
      { paths: ["apps/podinfo/overlays/prod/replicas.yaml"] },
    );
    expect(at(report.findings)).toEqual(["error yaml-syntax apps/podinfo/overlays/prod/replicas.yaml:5"]);
  });
});

describe.runIf(kubectl)("remote kustomize bases", () => {
  it("leave the overlay unrendered with a warning that says why, and check its local files", async () => {
    const report = await check(
      {
        "kustomize/base/kustomization.yaml": "resources: [frontend.yaml]\n",
        "kustomize/base/frontend.yaml": deployment.replace(/notifier/g, "frontend"),
        "kustomize/overlays/branding/kustomization.yaml": `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
  - https://github.com/GoogleCloudPlatform/microservices-demo/kustomize/components/redis?ref=v0.10.2
components:
  - github.com/GoogleCloudPlatform/microservices-demo/kustomize/components/cymbal-branding?ref=main
  - ../../components/network-policies
`,
        "kustomize/components/network-policies/kustomization.yaml":
          "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources: [frontend.yaml]\n",
        "kustomize/components/network-policies/frontend.yaml":
          "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: frontend}\nspec:\n  podSelector:\n    matchLabels: {app: frontend}\n  policyTypes: [Ingres]\n",
        "kustomize/overlays/local/kustomization.yaml": "resources: [../../base]\nnamePrefix: local-\n",
      },
      { render: "auto" },
    );
    expect(report.rendered).toEqual(["kustomize/overlays/local"]);
    expect(
      at(report.findings.filter((f) => f.severity === "error" || f.rule === "kustomize-remote")),
    ).toEqual([
      "error schema kustomize/components/network-policies/frontend.yaml:7",
      "warning kustomize-remote kustomize/overlays/branding/kustomization.yaml:5",
      "warning kustomize-remote kustomize/overlays/branding/kustomization.yaml:7",
    ]);
    expect(report.findings.find((f) => f.rule === "kustomize-remote")?.message).toBe(
      'kustomize/overlays/branding was not rendered: kustomize would fetch "https://github.com/GoogleCloudPlatform/microservices-demo/kustomize/components/redis?ref=v0.10.2" over the network, and validation works offline; its local files were checked as they are',
    );
  });
});

describe("gitops-pipeline validate --strict", () => {
  it("turns the once-per-kind warning into an error, and refuses --strict with --no-strict", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "validate-real-cli-"));
    roots.push(root);
    mkdirSync(path.join(root, "apps"));
    writeFileSync(
      path.join(root, "apps/policy.yaml"),
      "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\nmetadata: {name: web}\nspec:\n  endpointSelector: {}\n",
    );
    const cli = async (...args: string[]) => {
      let stdout = "";
      let stderr = "";
      const code = await runCli(["validate", "--render", "never", ...args], {
        stdout: (text) => {
          stdout += text;
        },
        stderr: (text) => {
          stderr += text;
        },
        cwd: root,
        env: {},
      });
      return { code, stdout, stderr };
    };
    const plain = await cli();
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain("apps/policy.yaml:2:1: warning [unknown-kind]");
    const strict = await cli("--strict");
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain("apps/policy.yaml:2:1: error [unknown-kind]");
    expect((await cli("--strict", "--no-strict")).code).toBe(2);
  });
});
