import { getAt, isObj, isPlaceholder, isSecretReference } from "../object.js";
import type { Rule } from "../types.js";

/**
 * SOPS leaves its values as `ENC[…]` and adds a top-level `sops` block. A Secret that kustomize generates from a
 * SOPS-encrypted env or YAML file (decrypted later by Flux or ksops) carries the ciphertext base64-encoded in
 * `data`, next to `sops_*` metadata keys.
 */
function isEncrypted(object: Record<string, unknown>, key: string, value: unknown): boolean {
  if (isObj(object["sops"]) || key.startsWith("sops_")) return true;
  return typeof value === "string" && value.startsWith("ENC[");
}

/** The text a `data` value stands for; `undefined` when it is not base64. */
function decoded(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s+/g, ""))) return undefined;
  return Buffer.from(value, "base64").toString("utf8");
}

/** A value that is a reference, a placeholder or ciphertext, written as it is or base64-encoded in `data`. */
function notACredential(
  object: Record<string, unknown>,
  key: string,
  value: string,
  base64: boolean,
): boolean {
  const text = base64 ? (decoded(value) ?? value) : value;
  return (
    isPlaceholder(value) ||
    isEncrypted(object, key, value) ||
    isSecretReference(value) ||
    (text !== value &&
      (isPlaceholder(text) ||
        isSecretReference(text) ||
        text.includes("ENC[AES256_GCM,") ||
        /^sops:$/m.test(text)))
  );
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
          !notACredential(resource.object, key, String(value), field === "data"),
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
