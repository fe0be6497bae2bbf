/** A realistic kustomize overlay; the tag is on line 8. */
export function kustomization(image: string, tag: string): string {
  return [
    "apiVersion: kustomize.config.k8s.io/v1beta1",
    "kind: Kustomization",
    "# deployed by the pipeline",
    "resources:",
    "  - ../../base",
    "images:",
    `  - name: ${image}`,
    `    newTag: "${tag}"`,
    "",
  ].join("\n");
}

export const ENVIRONMENTS = ["dev", "staging", "production"] as const;

/** gitops-pipeline.yaml for the three usual environments over apps/<service>/overlays/<env>. */
export const CONFIG = `environments:
  dev:        { paths: [apps/*/overlays/dev],        mode: commit }
  staging:    { paths: [apps/*/overlays/staging],    mode: pull-request }
  production: { paths: [apps/*/overlays/production], mode: pull-request }
promotion: [dev, staging, production]
`;

function deployment(service: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${service}
spec:
  template:
    spec:
      containers:
        - name: ${service}
          image: ghcr.io/acme/${service}
`;
}

/**
 * A config repository: one base and three overlays per service, plus `extra` unrelated files (docs, other
 * clusters) so repositories of different sizes select the same files.
 */
export function configRepoFiles(services: string[], extra = 0): Record<string, string> {
  const files: Record<string, string> = { "gitops-pipeline.yaml": CONFIG, "README.md": "# deploy\n" };
  for (const service of services) {
    files[`apps/${service}/base/deployment.yaml`] = deployment(service);
    files[`apps/${service}/base/kustomization.yaml`] = "resources:\n  - deployment.yaml\n";
    for (const env of ENVIRONMENTS) {
      files[`apps/${service}/overlays/${env}/kustomization.yaml`] = kustomization(
        `ghcr.io/acme/${service}`,
        "1.0.0",
      );
    }
  }
  for (let index = 0; index < extra; index++) {
    const dir = `clusters/c${Math.floor(index / 100)}/ns${Math.floor(index / 10) % 10}`;
    files[`${dir}/config-${index}.yaml`] =
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${index}\ndata:\n  n: "${index}"\n`;
  }
  return files;
}
