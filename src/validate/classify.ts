/**
 * What in a config repository is a Kubernetes manifest. Repositories hold much else in YAML — Helm values, app
 * config with its own tags, CI files, tool configuration that borrows `apiVersion`/`kind` — and none of it may
 * turn into findings about manifests.
 */

/**
 * A file whose text names both an `apiVersion` and a `kind` key: when such a file does not parse, it was meant to
 * be a manifest and the syntax error is a real defect. Anything else that does not parse is someone else's data.
 */
export function looksLikeManifest(text: string): boolean {
  return /^[ \t-]*["']?apiVersion["']?[ \t]*:/m.test(text) && /^[ \t-]*["']?kind["']?[ \t]*:/m.test(text);
}

/**
 * Groups whose objects configure a tool and never reach a cluster: kustomize's own files, kubeconfig pieces,
 * component configuration of kubelet, scheduler, API server and kubeadm, local-cluster and test tools.
 */
const toolGroups = new Set([
  "kustomize.config.k8s.io",
  "kubeadm.k8s.io",
  "audit.k8s.io",
  "apiserver.k8s.io",
  "client.authentication.k8s.io",
  "config.kubernetes.io",
  "kpt.dev",
  "fn.kpt.dev",
  "kind.x-k8s.io",
  "k3d.io",
  "eksctl.io",
  "clusterctl.cluster.x-k8s.io",
  "ctlptl.dev",
  "kuttl.dev",
  "chainsaw.kyverno.io",
  "cli.kyverno.io",
  "skaffold.dev",
]);

/** Kubernetes' own API groups without a dot in their name; every other group is a domain (CRD groups must be). */
const dotlessGroups = new Set(["apps", "batch", "autoscaling", "policy", "extensions"]);

/**
 * True when `apiVersion`/`kind` can name an object of a Kubernetes API server. Skaffold's `skaffold/v4beta11`
 * Config, kustomize's builtin plugin configs (`apiVersion: builtin`), Talos machine-config documents
 * (`apiVersion: v1alpha1`), kubeconfig (`v1` Config) and the component configs (`kubelet.config.k8s.io`…) are
 * files for tools, so they are not resources and never findings.
 */
export function isClusterApi(apiVersion: string, kind: string): boolean {
  const slash = apiVersion.indexOf("/");
  if (slash < 0) return apiVersion === "v1" && kind !== "Config";
  const group = apiVersion.slice(0, slash);
  if (toolGroups.has(group) || group.endsWith(".config.k8s.io")) return false;
  return group.includes(".") || dotlessGroups.has(group);
}

/** Image names Skaffold builds (`build.artifacts[].image`, profiles included) from a Skaffold `Config` document. */
export function skaffoldArtifacts(object: unknown): string[] {
  if (
    !isRecord(object) ||
    typeof object.apiVersion !== "string" ||
    !object.apiVersion.startsWith("skaffold/")
  )
    return [];
  const builds = [
    object.build,
    ...(Array.isArray(object.profiles) ? object.profiles.map((p) => isRecord(p) && p.build) : []),
  ];
  return builds.flatMap((build) =>
    isRecord(build) && Array.isArray(build.artifacts)
      ? build.artifacts.flatMap((a) => (isRecord(a) && typeof a.image === "string" ? [a.image] : []))
      : [],
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
