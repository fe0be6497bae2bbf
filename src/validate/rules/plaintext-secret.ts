import { getAt, isObj, isPlaceholder } from "../object.js";
import type { Rule } from "../types.js";

/** SOPS leaves its values as `ENC[…]` and adds a top-level `sops` block: those Secrets are encrypted. */
function isEncrypted(object: Record<string, unknown>, value: unknown): boolean {
  return isObj(object["sops"]) || (typeof value === "string" && value.startsWith("ENC["));
}

/**
 * Argo CD reads repositories and clusters from labelled Secrets; declaring a public repository needs only these
 * keys, and teams commit such Secrets on purpose. Their credential keys (password, sshPrivateKey, config, …) count.
 */
const ARGOCD_SECRET_TYPE = "argocd.argoproj.io/secret-type";
const ARGOCD_PUBLIC_KEYS = new Set([
  "type",
  "url",
  "name",
  "project",
  "username",
  "server",
  "namespaces",
  "clusterResources",
  "insecure",
  "enableLfs",
  "enableOCI",
  "proxy",
  "noProxy",
  "forceHttpBasicAuth",
  "githubAppID",
  "githubAppInstallationID",
  "githubAppEnterpriseBaseUrl",
]);

/**
 * Base64 is not encryption: a Secret with data in Git hands the credential to everyone who can read the repo,
 * forever (history keeps it). Empty Secrets, ones filled by substitution and SOPS-encrypted ones are fine.
 */
export const plaintextSecret: Rule = {
  id: "plaintext-secret",
  defaultSeverity: "error",
  description: "Secrets must not be committed with data: use a SealedSecret, an ExternalSecret or SOPS.",
  checkResource(resource) {
    const { apiVersion, kind } = resource.id;
    if (kind !== "Secret" || apiVersion !== "v1") return [];
    const argocd = getAt(resource.object, ["metadata", "labels", ARGOCD_SECRET_TYPE]) !== undefined;
    for (const field of ["data", "stringData"] as const) {
      const entries = resource.object[field];
      if (!isObj(entries)) continue;
      const keys = Object.entries(entries).filter(
        ([key, value]) =>
          !(argocd && ARGOCD_PUBLIC_KEYS.has(key)) &&
          value != null &&
          String(value) !== "" &&
          !(typeof value === "string" && isPlaceholder(value)) &&
          !isEncrypted(resource.object, value),
      );
      if (keys.length === 0) continue;
      const names = keys.map(([key]) => key);
      const listed = names.map((name) => `"${name}"`).join(", ");
      const encoding = field === "data" ? "base64" : "text";
      return [
        {
          message: `Secret "${resource.id.name}" holds ${names.length === 1 ? "key" : "keys"} ${listed} in plain ${encoding}; commit a SealedSecret or an ExternalSecret (or encrypt with SOPS) instead`,
          path: [field, names[0]!],
        },
      ];
    }
    return [];
  },
};
