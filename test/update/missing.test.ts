import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseImageRef } from "../../src/image/index.js";
import { localReader, missingImagesError, planUpdate } from "../../src/update/index.js";

const FILES: Record<string, string> = {
  "apps/shop/deploy.yaml": `apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec:
  template:
    spec:
      containers:
        - name: shop
          image: ghcr.io/acme/shop:2.0.0
          env:
            - name: WORKER_IMAGE
              value: ghcr.io/acme/worker:1.0.0
          args: ["--sidecar=ghcr.io/acme/worker:1.0.0", "run"]
# image: ghcr.io/acme/worker:0.9.0
`,
  "apps/shop/kustomization.yaml": `resources: [deploy.yaml]
images:
  - name: ghcr.io/acme/worker
    newTag: \${WORKER_TAG}
`,
  "apps/shop/job.yaml": `{{- if .Values.migrate }}
apiVersion: batch/v1
kind: Job
spec:
  template:
    spec:
      containers:
        - image: "ghcr.io/acme/worker:{{ .Values.tag }}"
{{- end }}
`,
  "apps/shop/values.yaml": `worker:
  image:
    repository: ghcr.io/acme/worker
    tag: "{{ .Chart.AppVersion }}"
nginx:
  name: nginx
`,
};

let root = "";
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "gitops-pipeline-missing-"));
  for (const [path, text] of Object.entries(FILES)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("an image named in files but in no place that is edited", () => {
  it("is reported at each file:line with the reason it was not edited", async () => {
    const plan = await planUpdate(localReader(root), ["apps"], [parseImageRef("ghcr.io/acme/worker:1.1.0")]);
    expect(plan.changes).toEqual([]);
    expect(plan.missing.map((image) => image.repository)).toEqual(["acme/worker"]);
    expect(
      plan.unedited?.map((place) => `${place.file}:${place.line}:${place.column} ${place.reason}`),
    ).toEqual([
      "apps/shop/deploy.yaml:12:22 is in spec.template.spec.containers[0].env[0].value, which is not a field read as an image (container images, kustomize images, Helm values image maps, Argo CD and Flux image settings, image fields of custom resources)",
      "apps/shop/deploy.yaml:13:29 is in spec.template.spec.containers[0].args[0], inside a longer value: only values that are whole references are edited",
      "apps/shop/deploy.yaml:14:10 is in a comment",
      "apps/shop/job.yaml:8:19 is in a YAML document with template placeholders ({{ … }}), which is not YAML until something renders it (a Helm chart, a script's templating): set the value the placeholder is filled from",
      `apps/shop/kustomization.yaml:3:11 is in images[0].name, but newTag "\${WORKER_TAG}" is not a literal tag or digest (a variable or template fills it in): set the value it reads instead`,
      'apps/shop/values.yaml:3:17 is in worker.image.repository, but tag "{{ .Chart.AppVersion }}" is not a literal tag or digest (a variable or template fills it in): set the value it reads instead',
    ]);
    const message = missingImagesError(plan, ["apps"], "Check the paths.").format();
    expect(message).toMatch(
      /^not referenced where images are edited under apps: ghcr\.io\/acme\/worker:1\.1\.0; named only here:\n/,
    );
    expect(message).toContain(
      "\n  apps/shop/deploy.yaml:12:22: ghcr.io/acme/worker is in spec.template.spec.containers[0].env[0].value",
    );
    expect(message.endsWith("\n  Check the paths.")).toBe(true);
  });

  it("keeps the short message when no file names the image, and ignores lone names such as `name: nginx`", async () => {
    for (const image of ["ghcr.io/acme/ghost:1.0.0", "nginx:1.27"]) {
      const plan = await planUpdate(localReader(root), ["apps"], [parseImageRef(image)]);
      expect(plan.unedited).toEqual([]);
      expect(missingImagesError(plan, ["apps"], "Check the paths.").format()).toBe(
        `not referenced under apps: ${image}\n  Check the paths.`,
      );
    }
  });
});
