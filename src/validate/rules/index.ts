import type { Rule } from "../types.js";
import { argocdAppPath } from "./argocd-app-path.js";
import { argocdSyncPolicy } from "./argocd-sync-policy.js";
import { danglingService } from "./dangling-service.js";
import { deprecatedApi } from "./deprecated-api.js";
import { duplicateKey } from "./duplicate-key.js";
import { duplicateResource } from "./duplicate-resource.js";
import { hostNamespace } from "./host-namespace.js";
import { hostPath } from "./host-path.js";
import { hpaTarget } from "./hpa-target.js";
import { kustomizeBuild } from "./kustomize-build.js";
import { kustomizeRemote } from "./kustomize-remote.js";
import { latestTag } from "./latest-tag.js";
import { missingLimits } from "./missing-limits.js";
import { missingProbes } from "./missing-probes.js";
import { missingRequests } from "./missing-requests.js";
import { mutableTag } from "./mutable-tag.js";
import { plaintextSecret } from "./plaintext-secret.js";
import { privilegeEscalation } from "./privilege-escalation.js";
import { privileged } from "./privileged.js";
import { removedApi } from "./removed-api.js";
import { runAsRoot } from "./run-as-root.js";
import { schema } from "./schema.js";
import { secretInEnv } from "./secret-in-env.js";
import { selectorMismatch } from "./selector-mismatch.js";
import { symlink } from "./symlink.js";
import { unknownField } from "./unknown-field.js";
import { unknownKind } from "./unknown-kind.js";
import { yamlSyntax } from "./yaml-syntax.js";

/** Every rule, engine rules first; ids are unique and stable because users switch rules off by id. */
export const rules: readonly Rule[] = [
  yamlSyntax,
  duplicateKey,
  schema,
  unknownField,
  unknownKind,
  removedApi,
  deprecatedApi,
  kustomizeBuild,
  kustomizeRemote,
  symlink,
  duplicateResource,
  latestTag,
  mutableTag,
  missingRequests,
  missingLimits,
  missingProbes,
  runAsRoot,
  privileged,
  privilegeEscalation,
  hostNamespace,
  hostPath,
  plaintextSecret,
  secretInEnv,
  selectorMismatch,
  danglingService,
  hpaTarget,
  argocdAppPath,
  argocdSyncPolicy,
];

export function findRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
