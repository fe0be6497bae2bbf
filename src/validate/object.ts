import type { ObjectPath } from "./types.js";

/** Plain-object access for rules: manifests are untyped data, so every step is checked. */

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function getAt(root: unknown, path: ObjectPath): unknown {
  let node = root;
  for (const key of path) {
    if (typeof key === "number") {
      if (!Array.isArray(node)) return undefined;
      node = node[key];
    } else {
      if (!isObj(node)) return undefined;
      node = node[key];
    }
  }
  return node;
}

export function objAt(root: unknown, path: ObjectPath): Obj | undefined {
  const value = getAt(root, path);
  return isObj(value) ? value : undefined;
}

export function listAt(root: unknown, path: ObjectPath): unknown[] {
  const value = getAt(root, path);
  return Array.isArray(value) ? value : [];
}

/**
 * The longest prefix of `path` that exists in `root`. A finding about something missing points at the closest
 * node that is there (the container, its `resources`), which is where the fix goes.
 */
export function existingPath(root: unknown, path: ObjectPath): ObjectPath {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next =
      typeof key === "number"
        ? Array.isArray(node)
          ? node[key]
          : undefined
        : isObj(node)
          ? node[key]
          : undefined;
    if (next === undefined || next === null) return path.slice(0, i);
    node = next;
  }
  return path;
}

/**
 * Values filled in later by Flux post-build substitution (`${VAR}`), by Kubernetes dependent variables (`$(VAR)`)
 * or by a template engine (`{{ … }}`): they are not the value that will run, so rules judge them as unknown.
 */
export function isPlaceholder(value: string): boolean {
  return /\$\{[^}]*\}|\$\([A-Za-z_][A-Za-z0-9_]*\)|\{\{.*\}\}/.test(value);
}

/**
 * A value that names where a secret is kept rather than holding it: 1Password (`op://vault/item/field`), vals
 * (`ref+vault://…`, `ref+awssecrets://…`), Argo CD Vault Plugin (`<path:secret/data/app#password>` and its `<key>`
 * placeholders), Bank-Vaults (`vault:secret/data/app#password`), Berglas (`sm://project/secret`,
 * `berglas://bucket/secret`), AWS Secrets Manager and Parameter Store ARNs, and SOPS ciphertext as SOPS writes it.
 * Something fills these in at deploy time; the repository holds no credential.
 */
export function isSecretReference(value: string): boolean {
  const v = value.trim();
  return (
    /^op:\/\/[^\s/]+\/[^\s]+$/.test(v) ||
    /^ref\+[a-z0-9]+:\/\//.test(v) ||
    /<path:[^<>\n]+>/.test(v) ||
    /^<[A-Za-z0-9_.-]+(?:\s*\|\s*[a-zA-Z0-9]+)*>$/.test(v) ||
    /^vault:[^\s#]+#\S+$/.test(v) ||
    /^(?:sm|berglas):\/\/\S+$/.test(v) ||
    /^arn:aws[a-z-]*:(?:secretsmanager|ssm):/.test(v) ||
    isSopsValue(v)
  );
}

/**
 * A value SOPS encrypted: `ENC[AES256_GCM,data:…,iv:…,tag:…,type:…]`, each part base64. Anything else in `ENC[…]`
 * is text someone typed, not ciphertext.
 */
export function isSopsValue(value: string): boolean {
  return /^ENC\[AES256_GCM,data:[A-Za-z0-9+/=]*,iv:[A-Za-z0-9+/=]+,tag:[A-Za-z0-9+/=]+,type:(?:str|int|float|bool|bytes|comment)\]$/.test(
    value,
  );
}

/** `apps/v1` → `apps`, `v1` → `` (the core group). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}
