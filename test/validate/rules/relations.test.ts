import { describe, expect, it } from "vitest";
import { danglingService } from "../../../src/validate/rules/dangling-service.js";
import { duplicateResource } from "../../../src/validate/rules/duplicate-resource.js";
import { hpaTarget } from "../../../src/validate/rules/hpa-target.js";
import { selectorMismatch } from "../../../src/validate/rules/selector-mismatch.js";
import { check, checkYaml, linesWith, load } from "./helpers.js";

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings # name
  namespace: shop
data: {mode: fast}
`;

describe("duplicate-resource", () => {
  it("flags the second definition in one directory, naming the first", () => {
    const resources = [
      ...load(CONFIG_MAP, { file: "apps/shop/config.yaml" }),
      ...load(`# the same ConfigMap again\n${CONFIG_MAP}`, { file: "apps/shop/more.yaml" }),
    ];
    const hits = check(duplicateResource, resources);
    expect(hits).toEqual([
      {
        file: "apps/shop/more.yaml",
        line: 1 + linesWith(CONFIG_MAP, "# name")[0]!,
        name: "settings",
        message:
          'ConfigMap "shop/settings" is already defined at apps/shop/config.yaml:1; keep one definition',
      },
    ]);
  });

  it("treats API versions of one group as the same object and ignores namespaces of cluster-scoped kinds", () => {
    const text = `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 3}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web} # again
spec: {scaleTargetRef: {kind: Deployment, name: web}, maxReplicas: 3}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader, namespace: a}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: reader, namespace: b} # again
`;
    expect(checkYaml(duplicateResource, text).map((hit) => hit.line)).toEqual(linesWith(text, "# again"));
  });

  it("passes one base rendered into several overlays, other directories, namespaces and kinds", () => {
    const resources = [
      ...load(CONFIG_MAP, { file: "apps/shop/base/config.yaml", renderedFrom: "apps/shop/overlays/dev" }),
      ...load(CONFIG_MAP, { file: "apps/shop/base/config.yaml", renderedFrom: "apps/shop/overlays/prod" }),
      ...load(CONFIG_MAP, { file: "apps/cart/config.yaml" }),
      ...load(CONFIG_MAP, { file: "apps/shop/config.yaml" }),
      ...load(CONFIG_MAP.replace("namespace: shop", "namespace: shop-preview"), {
        file: "apps/shop/preview.yaml",
      }),
      ...load(CONFIG_MAP.replace("kind: ConfigMap", "kind: Secret"), { file: "apps/shop/secret.yaml" }),
    ];
    expect(check(duplicateResource, resources)).toEqual([]);
  });

  it("flags a duplicate inside one kustomize build", () => {
    const resources = [
      ...load(CONFIG_MAP, { file: "base/config.yaml", renderedFrom: "overlays/prod" }),
      ...load(CONFIG_MAP, { file: "overlays/prod/extra.yaml", renderedFrom: "overlays/prod" }),
    ];
    const hits = check(duplicateResource, resources);
    expect(hits.map((hit) => [hit.file, hit.line])).toEqual([["overlays/prod/extra.yaml", 4]]);
    expect(hits[0]!.message).toContain("already defined at base/config.yaml:1 in the same kustomize build");
  });
});

describe("selector-mismatch", () => {
  it("flags each selector term the template does not carry, where it is written", () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector:
    matchLabels:
      app: web
      tier: frontend # tier
    matchExpressions:
      - {key: track, operator: In, values: [stable]} # track
      - {key: app, operator: Exists}
  template:
    metadata:
      labels: {app: web, tier: front, track: canary}
    spec:
      containers: [{name: web, image: "nginx:1.27.3"}]
`;
    const hits = checkYaml(selectorMismatch, text);
    expect(hits.map((hit) => hit.line)).toEqual([
      ...linesWith(text, "# tier"),
      ...linesWith(text, "# track"),
    ]);
    expect(hits[0]!.message).toContain("selector tier=frontend does not match the pod template's labels");
    expect(hits[0]!.message).toContain("spec.template.metadata.labels");
    expect(hits[1]!.message).toContain('"track In (stable)"');
  });

  it("checks a ReplicationController's plain selector", () => {
    const text = `apiVersion: v1
kind: ReplicationController
metadata: {name: legacy}
spec:
  selector:
    app: legacy-web # rc
  template:
    metadata: {labels: {app: legacy}}
    spec: {containers: [{name: a, image: "nginx:1.27.3"}]}
`;
    expect(checkYaml(selectorMismatch, text).map((hit) => hit.line)).toEqual(linesWith(text, "# rc"));
  });

  it("passes matching selectors and workloads without one", () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
    matchExpressions:
      - {key: tier, operator: NotIn, values: [cache]}
      - {key: legacy, operator: DoesNotExist}
  template:
    metadata: {labels: {app: db, tier: data}}
    spec: {containers: [{name: db, image: "postgres:16.4"}]}
---
apiVersion: batch/v1
kind: Job
metadata: {name: once}
spec:
  template:
    spec: {restartPolicy: Never, containers: [{name: a, image: "busybox:1.36.1"}]}
`;
    expect(checkYaml(selectorMismatch, text)).toEqual([]);
  });
});

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, tier: frontend}}
    spec: {containers: [{name: web, image: "nginx:1.27.3"}]}
`;

describe("dangling-service", () => {
  const services = `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: # api
    app: api
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: external-db}
spec: {type: ExternalName, externalName: db.example.com}
---
apiVersion: v1
kind: Service
metadata: {name: manual}
spec: {ports: [{port: 5432}]}
`;

  it("flags a Service whose selector matches no pod template in scope", () => {
    const resources = [
      ...load(WEB, { file: "apps/web/deploy.yaml" }),
      ...load(services, { file: "apps/web/svc.yaml" }),
    ];
    const hits = check(danglingService, resources);
    expect(hits.map((hit) => [hit.name, hit.line])).toEqual([["api", linesWith(services, "# api")[0]]]);
    expect(hits[0]!.message).toBe(
      'Service "api" selects app=api but no pod template in the checked manifests has those labels; it will have no endpoints',
    );
  });

  it("looks only inside the Service's own kustomize build", () => {
    const resources = [
      ...load(WEB, { file: "base/web.yaml", renderedFrom: "overlays/dev" }),
      ...load(services.split("---")[0]!, { file: "base/svc.yaml", renderedFrom: "overlays/prod" }),
    ];
    const hits = check(danglingService, resources);
    expect(hits.map((hit) => hit.message)).toEqual([
      expect.stringContaining("no pod template in the same kustomize build"),
    ]);
  });

  it("does not judge plain Services with no workload in view: their pods are deployed elsewhere", () => {
    const resources = load(services, { file: "platform/services/all.yaml" });
    expect(check(danglingService, resources)).toEqual([]);
  });

  it("passes when plain manifests of the environment are split across directories", () => {
    const resources = [
      ...load(WEB, { file: "env/prod/deployments/web.yaml", environment: "prod" }),
      ...load(services.split("---")[0]!, { file: "env/prod/services/web.yaml", environment: "prod" }),
    ];
    expect(check(danglingService, resources)).toEqual([]);
  });
});

describe("hpa-target", () => {
  const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: web} # again
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web # target
  minReplicas: 2
  maxReplicas: 10
`;

  it("passes a target deployed with it", () => {
    expect(check(hpaTarget, [...load(WEB), ...load(hpa)])).toEqual([]);
  });

  it("flags a missing target at its name", () => {
    const hits = check(hpaTarget, [
      ...load(WEB),
      ...load(hpa.replace("name: web # target", "name: wbe # target")),
    ]);
    expect(hits.map((hit) => hit.line)).toEqual(linesWith(hpa, "# target"));
    expect(hits[0]!.message).toBe(
      'scaleTargetRef Deployment "wbe" is not defined in the checked manifests; the autoscaler would scale nothing',
    );
  });

  it("does not judge a plain autoscaler with no workload in view, but does inside a build", () => {
    expect(check(hpaTarget, load(hpa))).toEqual([]);
    expect(check(hpaTarget, load(hpa, { renderedFrom: "overlays/prod" })).map((hit) => hit.line)).toEqual(
      linesWith(hpa, "# target"),
    );
  });

  it("does not take a StatefulSet of the same name for the Deployment", () => {
    const statefulSet = WEB.replace("kind: Deployment", "kind: StatefulSet");
    expect(check(hpaTarget, [...load(statefulSet), ...load(hpa)])).toHaveLength(1);
  });

  it("flags minReplicas above maxReplicas", () => {
    const text = hpa.replace("minReplicas: 2", "minReplicas: 12 # min");
    const hits = check(hpaTarget, [...load(WEB), ...load(text)]);
    expect(hits.map((hit) => [hit.line, hit.message])).toEqual([
      [linesWith(text, "# min")[0], "minReplicas (12) is greater than maxReplicas (10)"],
    ]);
  });
});
