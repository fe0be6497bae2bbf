/**
 * API versions Kubernetes stopped serving, from the upstream deprecation guide: for each, the release that deprecated
 * it, the release that removed it and what to use instead. Removed in the target version → error; deprecated but
 * still served → warning.
 */
interface ApiChange {
  apiVersion: string;
  kinds: string[];
  deprecated: string;
  removed: string;
  replacement?: string;
}

const workloads = ["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"];
const rbac = ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"];
const flowControl = ["FlowSchema", "PriorityLevelConfiguration"];

const changes: ApiChange[] = [
  {
    apiVersion: "extensions/v1beta1",
    kinds: workloads,
    deprecated: "1.9",
    removed: "1.16",
    replacement: "apps/v1",
  },
  {
    apiVersion: "apps/v1beta1",
    kinds: workloads,
    deprecated: "1.9",
    removed: "1.16",
    replacement: "apps/v1",
  },
  {
    apiVersion: "apps/v1beta2",
    kinds: workloads,
    deprecated: "1.9",
    removed: "1.16",
    replacement: "apps/v1",
  },
  {
    apiVersion: "extensions/v1beta1",
    kinds: ["NetworkPolicy"],
    deprecated: "1.9",
    removed: "1.16",
    replacement: "networking.k8s.io/v1",
  },
  {
    apiVersion: "extensions/v1beta1",
    kinds: ["PodSecurityPolicy"],
    deprecated: "1.11",
    removed: "1.16",
    replacement: "policy/v1beta1",
  },
  {
    apiVersion: "extensions/v1beta1",
    kinds: ["Ingress"],
    deprecated: "1.14",
    removed: "1.22",
    replacement: "networking.k8s.io/v1",
  },
  {
    apiVersion: "networking.k8s.io/v1beta1",
    kinds: ["Ingress", "IngressClass"],
    deprecated: "1.19",
    removed: "1.22",
    replacement: "networking.k8s.io/v1",
  },
  {
    apiVersion: "admissionregistration.k8s.io/v1beta1",
    kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
    deprecated: "1.16",
    removed: "1.22",
    replacement: "admissionregistration.k8s.io/v1",
  },
  {
    apiVersion: "apiextensions.k8s.io/v1beta1",
    kinds: ["CustomResourceDefinition"],
    deprecated: "1.16",
    removed: "1.22",
    replacement: "apiextensions.k8s.io/v1",
  },
  {
    apiVersion: "apiregistration.k8s.io/v1beta1",
    kinds: ["APIService"],
    deprecated: "1.19",
    removed: "1.22",
    replacement: "apiregistration.k8s.io/v1",
  },
  {
    apiVersion: "authentication.k8s.io/v1beta1",
    kinds: ["TokenReview"],
    deprecated: "1.19",
    removed: "1.22",
    replacement: "authentication.k8s.io/v1",
  },
  {
    apiVersion: "authorization.k8s.io/v1beta1",
    kinds: [
      "LocalSubjectAccessReview",
      "SelfSubjectAccessReview",
      "SubjectAccessReview",
      "SelfSubjectRulesReview",
    ],
    deprecated: "1.19",
    removed: "1.22",
    replacement: "authorization.k8s.io/v1",
  },
  {
    apiVersion: "certificates.k8s.io/v1beta1",
    kinds: ["CertificateSigningRequest"],
    deprecated: "1.19",
    removed: "1.22",
    replacement: "certificates.k8s.io/v1",
  },
  {
    apiVersion: "coordination.k8s.io/v1beta1",
    kinds: ["Lease"],
    deprecated: "1.19",
    removed: "1.22",
    replacement: "coordination.k8s.io/v1",
  },
  {
    apiVersion: "rbac.authorization.k8s.io/v1beta1",
    kinds: rbac,
    deprecated: "1.17",
    removed: "1.22",
    replacement: "rbac.authorization.k8s.io/v1",
  },
  {
    apiVersion: "rbac.authorization.k8s.io/v1alpha1",
    kinds: rbac,
    deprecated: "1.17",
    removed: "1.22",
    replacement: "rbac.authorization.k8s.io/v1",
  },
  {
    apiVersion: "scheduling.k8s.io/v1beta1",
    kinds: ["PriorityClass"],
    deprecated: "1.14",
    removed: "1.22",
    replacement: "scheduling.k8s.io/v1",
  },
  {
    apiVersion: "storage.k8s.io/v1beta1",
    kinds: ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
    deprecated: "1.19",
    removed: "1.22",
    replacement: "storage.k8s.io/v1",
  },
  {
    apiVersion: "batch/v1beta1",
    kinds: ["CronJob"],
    deprecated: "1.21",
    removed: "1.25",
    replacement: "batch/v1",
  },
  {
    apiVersion: "discovery.k8s.io/v1beta1",
    kinds: ["EndpointSlice"],
    deprecated: "1.21",
    removed: "1.25",
    replacement: "discovery.k8s.io/v1",
  },
  {
    apiVersion: "events.k8s.io/v1beta1",
    kinds: ["Event"],
    deprecated: "1.19",
    removed: "1.25",
    replacement: "events.k8s.io/v1",
  },
  {
    apiVersion: "autoscaling/v2beta1",
    kinds: ["HorizontalPodAutoscaler"],
    deprecated: "1.22",
    removed: "1.25",
    replacement: "autoscaling/v2",
  },
  {
    apiVersion: "policy/v1beta1",
    kinds: ["PodDisruptionBudget"],
    deprecated: "1.21",
    removed: "1.25",
    replacement: "policy/v1",
  },
  { apiVersion: "policy/v1beta1", kinds: ["PodSecurityPolicy"], deprecated: "1.21", removed: "1.25" },
  {
    apiVersion: "node.k8s.io/v1beta1",
    kinds: ["RuntimeClass"],
    deprecated: "1.20",
    removed: "1.25",
    replacement: "node.k8s.io/v1",
  },
  {
    apiVersion: "autoscaling/v2beta2",
    kinds: ["HorizontalPodAutoscaler"],
    deprecated: "1.23",
    removed: "1.26",
    replacement: "autoscaling/v2",
  },
  {
    apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1",
    kinds: flowControl,
    deprecated: "1.23",
    removed: "1.26",
    replacement: "flowcontrol.apiserver.k8s.io/v1",
  },
  {
    apiVersion: "storage.k8s.io/v1beta1",
    kinds: ["CSIStorageCapacity"],
    deprecated: "1.24",
    removed: "1.27",
    replacement: "storage.k8s.io/v1",
  },
  {
    apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2",
    kinds: flowControl,
    deprecated: "1.26",
    removed: "1.29",
    replacement: "flowcontrol.apiserver.k8s.io/v1",
  },
  {
    apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3",
    kinds: flowControl,
    deprecated: "1.29",
    removed: "1.32",
    replacement: "flowcontrol.apiserver.k8s.io/v1",
  },
];

/** Release from which an API version is served ("available since" in the same guide), for targets older than that. */
const introduced: { apiVersion: string; kinds: string[]; since: string }[] = [
  { apiVersion: "apiextensions.k8s.io/v1", kinds: ["CustomResourceDefinition"], since: "1.16" },
  {
    apiVersion: "admissionregistration.k8s.io/v1",
    kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
    since: "1.16",
  },
  { apiVersion: "networking.k8s.io/v1", kinds: ["Ingress", "IngressClass"], since: "1.19" },
  { apiVersion: "events.k8s.io/v1", kinds: ["Event"], since: "1.19" },
  { apiVersion: "certificates.k8s.io/v1", kinds: ["CertificateSigningRequest"], since: "1.19" },
  { apiVersion: "node.k8s.io/v1", kinds: ["RuntimeClass"], since: "1.20" },
  { apiVersion: "batch/v1", kinds: ["CronJob"], since: "1.21" },
  { apiVersion: "policy/v1", kinds: ["PodDisruptionBudget"], since: "1.21" },
  { apiVersion: "discovery.k8s.io/v1", kinds: ["EndpointSlice"], since: "1.21" },
  { apiVersion: "autoscaling/v2", kinds: ["HorizontalPodAutoscaler"], since: "1.23" },
  { apiVersion: "storage.k8s.io/v1", kinds: ["CSIStorageCapacity"], since: "1.24" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kinds: flowControl, since: "1.26" },
  { apiVersion: "flowcontrol.apiserver.k8s.io/v1", kinds: flowControl, since: "1.29" },
];

export type ApiStatus =
  | { status: "removed" | "deprecated"; message: string; replacement?: string }
  | { status: "served" };

/** Minor version of "1.29" / "v1.29.3"; throws on anything else. */
export function parseKubernetesVersion(version: string): number {
  const match = /^v?1\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  if (!match) throw new Error(`not a Kubernetes version: ${JSON.stringify(version)} (expected e.g. 1.31)`);
  return Number(match[1]);
}

const minor = (version: string) => Number(version.split(".")[1]);

export function apiStatus(apiVersion: string, kind: string, kubernetesVersion: string): ApiStatus {
  const target = parseKubernetesVersion(kubernetesVersion);
  const newer = introduced.find((c) => c.apiVersion === apiVersion && c.kinds.includes(kind));
  if (newer && target < minor(newer.since)) {
    return {
      status: "removed",
      message: `${apiVersion} ${kind} is served only from Kubernetes ${newer.since} on (target ${kubernetesVersion}): use an API version the target serves, or raise kubernetes-version`,
    };
  }
  const change = changes.find((c) => c.apiVersion === apiVersion && c.kinds.includes(kind));
  if (!change) return { status: "served" };
  const instead = change.replacement ? `use ${change.replacement}` : "it has no replacement; remove it";
  if (target >= minor(change.removed)) {
    return {
      status: "removed",
      replacement: change.replacement,
      message: `${apiVersion} ${kind} is not served since Kubernetes ${change.removed} (target ${kubernetesVersion}): ${instead}`,
    };
  }
  if (target >= minor(change.deprecated)) {
    return {
      status: "deprecated",
      replacement: change.replacement,
      message: `${apiVersion} ${kind} is deprecated since Kubernetes ${change.deprecated} and removed in ${change.removed}: ${instead}`,
    };
  }
  return { status: "served" };
}

/** Whether the table knows this apiVersion/kind at all (an old API has no bundled schema, but is no unknown kind). */
export function isKnownOldApi(apiVersion: string, kind: string): boolean {
  return changes.some((c) => c.apiVersion === apiVersion && c.kinds.includes(kind));
}
