import { describe, expect, it } from "vitest";
import { latestTag } from "../../../src/validate/rules/latest-tag.js";
import { isExactTag, mutableTag } from "../../../src/validate/rules/mutable-tag.js";
import { application, checkYaml, context, linesWith, workload } from "./helpers.js";

const DIGEST = `sha256:${"0123456789abcdef".repeat(4)}`;

function deployment(images: string[], init: string[] = []): string {
  const list = (items: string[], marker: string) =>
    items.map((image, i) => `  - name: c${i}\n    image: ${image} # ${marker}${i}\n`).join("");
  return workload(
    "Deployment",
    "web",
    `${init.length ? `initContainers:\n${list(init, "init")}` : ""}containers:\n${list(images, "main")}`,
  );
}

describe("latest-tag", () => {
  it("flags an untagged image and :latest where they are written, init containers included", () => {
    const text = deployment(["nginx", "ghcr.io/acme/api:latest", "nginx:1.27.3"], ["busybox"]);
    const hits = checkYaml(latestTag, text);
    expect(hits.map((hit) => hit.line)).toEqual([
      ...linesWith(text, "# init0"),
      ...linesWith(text, "# main0"),
      ...linesWith(text, "# main1"),
    ]);
    expect(hits[0]!.message).toContain('init container "c0"');
    expect(hits[1]!.message).toMatch(/"nginx" without a tag/);
    expect(hits[2]!.message).toContain("ghcr.io/acme/api:latest");
  });

  it("passes version tags and digests, even a digest behind latest", () => {
    const text = deployment(["nginx:1.27.3", `ghcr.io/acme/api@${DIGEST}`, `redis:latest@${DIGEST}`]);
    expect(checkYaml(latestTag, text)).toEqual([]);
  });

  it("leaves substitution placeholders alone", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a Flux substitution, meant literally
    expect(checkYaml(latestTag, deployment(["ghcr.io/acme/api:${IMAGE_TAG}"]))).toEqual([]);
  });

  it("finds images in CronJobs, Pods and Argo Rollouts", () => {
    const text = `apiVersion: batch/v1
kind: CronJob
metadata: {name: report}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: acme/report # cron
---
apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  containers:
    - name: shell
      image: busybox:latest # pod
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: canary}
spec:
  selector: {matchLabels: {app: canary}}
  template:
    metadata: {labels: {app: canary}}
    spec:
      containers:
        - name: app
          image: acme/canary # rollout
`;
    expect(checkYaml(latestTag, text).map((hit) => [hit.name, hit.line])).toEqual([
      ["report", linesWith(text, "# cron")[0]],
      ["debug", linesWith(text, "# pod")[0]],
      ["canary", linesWith(text, "# rollout")[0]],
    ]);
  });
});

describe("mutable-tag", () => {
  const production = context({ productionEnvironments: new Set(["production"]) });

  it.each([
    ["1.4.2", true],
    ["v1.4.2", true],
    ["1.4.2-rc.1", true],
    ["1.25.3-alpine", true],
    ["sha-abc1234", true],
    ["0f3c9e2a71d4", true],
    ["1.4", false],
    ["1", false],
    ["1.25-alpine", false],
    ["main", false],
    ["stable", false],
    ["latest", false],
    ["20241121", false],
  ])("tag %s is exact: %s", (tag, exact) => {
    expect(isExactTag(tag)).toBe(exact);
  });

  it("in a production environment flags moving tags at their line", () => {
    const text = deployment(["acme/api:1.4", "acme/web:main", "acme/worker:1.4.2", `acme/db@${DIGEST}`]);
    const hits = checkYaml(mutableTag, text, { environment: "production", ctx: production });
    expect(hits.map((hit) => hit.line)).toEqual([
      ...linesWith(text, "# main0"),
      ...linesWith(text, "# main1"),
    ]);
    expect(hits[0]!.message).toContain('tag "1.4" can be moved');
    expect(hits[0]!.message).toContain('production environment "production"');
  });

  it("does not apply outside production-like environments", () => {
    const text = deployment(["acme/api:1.4", "acme/web:main"]);
    expect(checkYaml(mutableTag, text, { environment: "staging", ctx: production })).toEqual([]);
    expect(checkYaml(mutableTag, text, { ctx: production })).toEqual([]);
  });

  it("passes exact versions and digests in production", () => {
    const text = deployment(["acme/api:v2.0.1", "acme/web:sha-1a2b3c4d", `acme/db:16@${DIGEST}`]);
    expect(checkYaml(mutableTag, text, { environment: "production", ctx: production })).toEqual([]);
  });
});

describe("Argo CD Application image overrides", () => {
  const production = context({ productionEnvironments: new Set(["production"]) });
  const overrides = (images: string[], name = "web-production") =>
    application(
      name,
      "apps/web/overlays/web",
      "",
      `    kustomize:\n      images:\n${images.map((image, i) => `        - ${image} # override${i}\n`).join("")}`,
    );

  it("holds the images an Application forces on its kustomize source to the same rules", () => {
    const text = overrides([
      "ghcr.io/acme/web:latest",
      "redis=docker.io/library/redis:7.2",
      `ghcr.io/acme/api@${DIGEST}`,
    ]);
    expect(checkYaml(latestTag, text).map((hit) => [hit.line, hit.message])).toEqual([
      [
        linesWith(text, "# override0")[0],
        'Application kustomize image override uses image "ghcr.io/acme/web:latest"; pin a version tag or a digest instead of latest',
      ],
    ]);
    expect(checkYaml(mutableTag, text, { ctx: production }).map((hit) => hit.line)).toEqual([
      ...linesWith(text, "# override0"),
      ...linesWith(text, "# override1"),
    ]);
  });

  it("passes pinned overrides, and moving ones outside production", () => {
    expect(checkYaml(mutableTag, overrides(["ghcr.io/acme/web:1.4.2"]), { ctx: production })).toEqual([]);
    expect(
      checkYaml(mutableTag, overrides(["ghcr.io/acme/web:1.4"], "web-staging"), { ctx: production }),
    ).toEqual([]);
  });
});
