import { apiGroup } from "../object.js";
import { renderUnit, whereIs } from "../scope.js";
import type { Resource, Rule, Violation } from "../types.js";

/** Kinds whose objects live outside namespaces: a namespace written on them is ignored by the API server. */
const CLUSTER_SCOPED = new Set([
  "/Namespace",
  "/Node",
  "/PersistentVolume",
  "rbac.authorization.k8s.io/ClusterRole",
  "rbac.authorization.k8s.io/ClusterRoleBinding",
  "apiextensions.k8s.io/CustomResourceDefinition",
  "storage.k8s.io/StorageClass",
  "storage.k8s.io/CSIDriver",
  "storage.k8s.io/VolumeAttachment",
  "scheduling.k8s.io/PriorityClass",
  "networking.k8s.io/IngressClass",
  "node.k8s.io/RuntimeClass",
  "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
  "admissionregistration.k8s.io/MutatingWebhookConfiguration",
  "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
  "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
  "admissionregistration.k8s.io/MutatingAdmissionPolicy",
  "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
  "certificates.k8s.io/CertificateSigningRequest",
  "flowcontrol.apiserver.k8s.io/FlowSchema",
  "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
  "apiregistration.k8s.io/APIService",
  "cert-manager.io/ClusterIssuer",
]);

/**
 * Identity as the API server sees it: the group but not the version (apps/v1 and apps/v1beta2 Deployments are
 * one object), and no namespace for cluster-scoped kinds.
 */
function identity(resource: Resource): string {
  const group = apiGroup(resource.id.apiVersion);
  const kind = `${group}/${resource.id.kind}`;
  const namespace = CLUSTER_SCOPED.has(kind) ? "" : (resource.id.namespace ?? "");
  return `${kind}|${namespace}|${resource.id.name}`;
}

/**
 * Two definitions of one object in what is applied together: the second silently replaces the first, or the
 * sync fails. Scope is the render unit — one kustomize build, or one directory of plain manifests — so the same
 * base rendered into several overlays is not a duplicate.
 */
export const duplicateResource: Rule = {
  id: "duplicate-resource",
  defaultSeverity: "error",
  description: "The same object (group, kind, namespace, name) must not be defined twice in one render unit.",
  checkAll(resources) {
    const first = new Map<string, Resource>();
    const violations: Violation[] = [];
    for (const resource of resources) {
      if (!resource.id.kind || !resource.id.name) continue;
      const key = `${renderUnit(resource)}|${identity(resource)}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, resource);
        continue;
      }
      const { kind, name, namespace } = resource.id;
      violations.push({
        message: `${kind} "${namespace ? `${namespace}/` : ""}${name}" is already defined at ${whereIs(earlier)}${
          resource.renderedFrom !== undefined ? " in the same kustomize build" : ""
        }; keep one definition`,
        path: ["metadata", "name"],
        resource,
      });
    }
    return violations;
  },
};
