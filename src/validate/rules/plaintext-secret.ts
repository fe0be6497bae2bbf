import { getAt, isObj, isPlaceholder, isSecretReference, isSopsValue } from "../object.js";
import type { Rule } from "../types.js";

/** Where SOPS keeps the keys a file is encrypted to; at least one must list a key for SOPS to decrypt it. */
const KEY_GROUPS = ["pgp", "age", "kms", "gcp_kms", "azure_kv", "hc_vault", "key_groups"];

/**
 * The metadata block SOPS adds to a file it encrypted: a `mac` over the values, itself encrypted, and the keys to
 * decrypt with. `sops: {}` or a block without keys is not something SOPS wrote.
 */
function hasSopsBlock(object: Record<string, unknown>): boolean {
  const sops = object["sops"];
  if (!isObj(sops) || typeof sops["mac"] !== "string" || !isSopsValue(sops["mac"])) return false;
  return KEY_GROUPS.some((group) => Array.isArray(sops[group]) && sops[group].length > 0);
}

/**
 * A dotenv file SOPS encrypted keeps its metadata as `sops_*` keys (`sops_mac`, `sops_age__list_0__map_recipient`);
 * a Secret generated from one carries them among its keys, base64-encoded in `data`.
 */
function hasSopsDotenv(entries: Record<string, unknown>, base64: boolean): boolean {
  const mac = entries["sops_mac"];
  if (typeof mac !== "string" || !isSopsValue(text(mac, base64))) return false;
  return Object.keys(entries).some((key) =>
    /^sops_(?:pgp|age|kms|gcp_kms|azure_kv|hc_vault)__list_\d+__map_/.test(key),
  );
}

/** The text a `data` value stands for; `undefined` when it is not base64. */
function decoded(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s+/g, ""))) return undefined;
  return Buffer.from(value, "base64").toString("utf8");
}

const text = (value: string, base64: boolean) => (base64 ? (decoded(value) ?? value) : value);

/**
 * A Secret a generator made from a SOPS-encrypted YAML or JSON file holds that file, base64-encoded, as one value:
 * ciphertext values, a `sops` block with a `mac`.
 */
function isSopsFile(content: string): boolean {
  return (
    /^sops:\s*$/m.test(content) &&
    /^\s+mac: ENC\[AES256_GCM,/m.test(content) &&
    /ENC\[AES256_GCM,data:[^\]]*,iv:[^\]]+,tag:[^\]]+,type:\w+\]/.test(content)
  );
}

/** A value that is a reference, a placeholder or SOPS ciphertext, written as it is or base64-encoded in `data`. */
function notACredential(value: string, base64: boolean, encrypted: boolean): boolean {
  const plain = text(value, base64);
  if (encrypted && (isSopsValue(value) || isSopsValue(plain))) return true;
  return (
    isPlaceholder(value) ||
    (!isSopsValue(value) && isSecretReference(value)) ||
    (plain !== value &&
      (isPlaceholder(plain) || (!isSopsValue(plain) && isSecretReference(plain)) || isSopsFile(plain)))
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
      const base64 = field === "data";
      // Ciphertext counts as encrypted only next to the metadata SOPS writes with it.
      const block = hasSopsBlock(resource.object);
      const dotenv = hasSopsDotenv(entries, base64);
      const keys = Object.entries(entries).filter(
        ([key, value]) =>
          !(argocd && ARGOCD_PUBLIC_KEYS.has(key)) &&
          !(dotenv && key.startsWith("sops_")) &&
          value != null &&
          String(value) !== "" &&
          !notACredential(String(value), base64, block || dotenv),
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
