import bundled from "./schemas/kinds.json" with { type: "json" };
import type { ObjectPath } from "./types.js";

/**
 * Compact structural schemas (see scripts/gen-schemas.mjs for the encoding): enough to catch wrong types, values
 * outside an enum, missing required fields and — what the upstream validators miss — fields the schema does not
 * define. Walking the object ourselves is several times cheaper than a generated validator and yields object paths,
 * which the engine turns into line numbers.
 */
export type TypeRef = string | number | { a: TypeRef } | { m: TypeRef } | { e: string[] };
export interface ObjectType {
  p: Record<string, TypeRef>;
  r?: string[];
  /** Fields outside `p` are allowed (x-kubernetes-preserve-unknown-fields with declared properties). */
  open?: boolean;
}

export interface SchemaIssue {
  rule: "schema" | "unknown-field";
  path: ObjectPath;
  message: string;
}

/** API versions Kubernetes itself serves: their kinds are all known, so an unknown one there is a mistake. */
const builtinApiVersions = new Set(bundled.builtin as string[]);

export class SchemaSet {
  private readonly types: ObjectType[];
  private readonly kinds: Map<string, TypeRef>;
  private readonly lowercase = new Map<string, TypeRef>();
  private readonly replaced = new Set<string>();

  constructor() {
    this.types = [...(bundled.types as unknown as ObjectType[])];
    this.kinds = new Map(Object.entries(bundled.kinds as unknown as Record<string, TypeRef>));
  }

  has(apiVersion: string, kind: string): boolean {
    return this.resolve(apiVersion, kind) !== undefined;
  }

  /** A kind of an API version Kubernetes itself serves, whose schema no CRD or schema file replaced. */
  isCore(apiVersion: string, kind: string): boolean {
    return builtinApiVersions.has(apiVersion) && !this.replaced.has(`${apiVersion}/${kind}`);
  }

  /**
   * JSON schema files name kinds in lowercase (`{group}/{kind}_{version}.json`); such a schema answers for the
   * kind spelled in any case, unless a CRD names it exactly.
   */
  private resolve(apiVersion: string, kind: string): TypeRef | undefined {
    return (
      this.kinds.get(`${apiVersion}/${kind}`) ?? this.lowercase.get(`${apiVersion}/${kind.toLowerCase()}`)
    );
  }

  /** Other API versions of the same group that define `kind` (a CRD version that moved on, or a typo in it). */
  versionsOf(apiVersion: string, kind: string): string[] {
    const slash = apiVersion.indexOf("/");
    const group = slash < 0 ? "" : apiVersion.slice(0, slash);
    const out: string[] = [];
    for (const key of this.kinds.keys()) {
      const cut = key.lastIndexOf("/");
      if (key.slice(cut + 1) !== kind) continue;
      const version = key.slice(0, cut);
      const s = version.indexOf("/");
      if ((s < 0 ? "" : version.slice(0, s)) === group) out.push(version);
    }
    return out;
  }

  /** For a built-in API version, its kind spelled nearly like `kind` — `Deploymnet`, `configmap`. */
  closeKind(apiVersion: string, kind: string): string | undefined {
    if (!builtinApiVersions.has(apiVersion)) return undefined;
    const prefix = `${apiVersion}/`;
    let best: string | undefined;
    for (const key of this.kinds.keys()) {
      if (!key.startsWith(prefix) || key.indexOf("/", prefix.length) >= 0) continue;
      const known = key.slice(prefix.length);
      if (known.toLowerCase() === kind.toLowerCase()) return known;
      if (kind.length >= 5 && editDistance(known, kind) <= 2) best ??= known;
    }
    return best;
  }

  /** Registers a kind from a CustomResourceDefinition's openAPIV3Schema; replaces a bundled one of the same name. */
  addOpenApi(apiVersion: string, kind: string, schema: unknown): void {
    this.kinds.set(`${apiVersion}/${kind}`, this.fromOpenApi(schema, true));
    this.replaced.add(`${apiVersion}/${kind}`);
  }

  /** Registers a JSON schema file's kind, known only by its lowercase name; replaces the bundled one. */
  addJsonSchema(apiVersion: string, lowercaseKind: string, schema: unknown): void {
    const key = `${apiVersion}/${lowercaseKind.toLowerCase()}`;
    for (const known of [...this.kinds.keys()])
      if (known.toLowerCase() === key.toLowerCase() && known.startsWith(`${apiVersion}/`)) {
        this.kinds.delete(known);
        this.replaced.add(known);
      }
    this.lowercase.set(key, this.fromOpenApi(schema, true));
  }

  check(object: Record<string, unknown>, strict: boolean): SchemaIssue[] {
    const root = this.resolve(String(object.apiVersion), String(object.kind));
    const issues: SchemaIssue[] = [];
    if (root === undefined) return issues;
    // SOPS keeps its metadata in a top-level `sops` block, which decryption (Flux, ksops, helm-secrets) removes.
    if (isObject(object.sops)) {
      const { sops: _, ...decrypted } = object;
      this.walk(decrypted, root, [], strict, issues);
    } else this.walk(object, root, [], strict, issues);
    return issues;
  }

  private walk(
    value: unknown,
    ref: TypeRef,
    path: (string | number)[],
    strict: boolean,
    out: SchemaIssue[],
  ): void {
    // null means "unset" to the API server (kubectl writes `creationTimestamp: null`).
    if (value === null || value === undefined || ref === "*") return;
    if (typeof ref === "number") {
      if (!isObject(value)) {
        mismatch(value, "an object", path, out);
        return;
      }
      const type = this.types[ref];
      for (const key in value) {
        const field = type.p[key];
        if (field === undefined) {
          if (strict && !type.open) out.push(unknownField(key, type, path));
          continue;
        }
        path.push(key);
        this.walk(value[key], field, path, strict, out);
        path.pop();
      }
      if (type.r) {
        for (const key of type.r) {
          if (value[key] === undefined) {
            out.push({
              rule: "schema",
              path: [...path],
              message: `${where(path, "object")} is missing required field "${key}"`,
            });
          }
        }
      }
      return;
    }
    if (typeof ref === "string") {
      if (placeholder(value)) return;
      switch (ref) {
        case "s":
          if (typeof value !== "string") mismatch(value, "a string", path, out);
          return;
        case "n":
          if (typeof value !== "number") mismatch(value, "a number", path, out);
          return;
        case "b":
          if (typeof value !== "boolean") mismatch(value, "true or false", path, out);
          return;
        case "x":
          if (typeof value !== "string" && typeof value !== "number")
            mismatch(value, "a number or a string", path, out);
          return;
      }
      return;
    }
    if ("a" in ref) {
      if (!Array.isArray(value)) {
        mismatch(value, "a list", path, out);
        return;
      }
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        this.walk(value[i], ref.a, path, strict, out);
        path.pop();
      }
      return;
    }
    if ("m" in ref) {
      if (!isObject(value)) {
        mismatch(value, "a map", path, out);
        return;
      }
      for (const key in value) {
        path.push(key);
        this.walk(value[key], ref.m, path, strict, out);
        path.pop();
      }
      return;
    }
    if (typeof value !== "string") {
      mismatch(value, `one of ${ref.e.join(", ")}`, path, out);
      return;
    }
    if (!ref.e.includes(value) && !placeholder(value)) {
      out.push({
        rule: "schema",
        path: [...path],
        message: `${where(path, "value")} must be one of ${ref.e.map((e) => JSON.stringify(e)).join(", ")}, got ${JSON.stringify(value)}`,
      });
    }
  }

  private fromOpenApi(schema: unknown, topLevel = false): TypeRef {
    if (!isObject(schema)) return "*";
    if (schema["x-kubernetes-int-or-string"] === true) return "x";
    if (schema["x-kubernetes-preserve-unknown-fields"] === true && !isObject(schema.properties)) return "*";
    const type = schema.type;
    if (Array.isArray(schema.enum) && schema.enum.every((e) => typeof e === "string"))
      return { e: schema.enum as string[] };
    if (type === "string") return "s";
    if (type === "integer" || type === "number") return "n";
    if (type === "boolean") return "b";
    if (type === "array") return { a: this.fromOpenApi(schema.items) };
    if (isObject(schema.properties)) {
      const at = this.types.length;
      const entry: ObjectType = { p: {} };
      this.types.push(entry);
      for (const [key, sub] of Object.entries(schema.properties)) entry.p[key] = this.fromOpenApi(sub);
      if (topLevel) {
        entry.p.apiVersion ??= "s";
        entry.p.kind ??= "s";
        entry.p.metadata = this.metadataRef();
        if (entry.p.status !== undefined) entry.p.status = "*";
      }
      if (Array.isArray(schema.required)) entry.r = schema.required.filter((r) => typeof r === "string");
      if (schema["x-kubernetes-preserve-unknown-fields"] === true) entry.open = true;
      if (isObject(schema.additionalProperties) || schema.additionalProperties === true) entry.open = true;
      return at;
    }
    if (isObject(schema.additionalProperties)) return { m: this.fromOpenApi(schema.additionalProperties) };
    return "*";
  }

  private metadataRef(): TypeRef {
    const configMap = this.types[this.kinds.get("v1/ConfigMap") as number];
    return configMap.p.metadata;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Flux post-build substitution (`${VAR}`, `${VAR:=default}`) fills any field type at apply time, and a SOPS value
 * (`ENC[AES256_GCM,data:…,type:int]`) is whatever type it decrypts to; so is a templated value (`{{ … }}`) of an
 * ApplicationSet or an ExternalSecret template.
 */
function placeholder(value: unknown): boolean {
  return (
    typeof value === "string" && (value.includes("${") || value.includes("{{") || value.startsWith("ENC["))
  );
}

function where(path: ObjectPath, what: string): string {
  return path.length ? formatPathShort(path) : `the ${what}`;
}

function formatPathShort(path: ObjectPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (isObject(value)) return "a map";
  return `${typeof value} ${JSON.stringify(value)}`;
}

function mismatch(value: unknown, expected: string, path: ObjectPath, out: SchemaIssue[]): void {
  out.push({
    rule: "schema",
    path: [...path],
    message: `${where(path, "value")} must be ${expected}, got ${describe(value)}`,
  });
}

function unknownField(key: string, type: ObjectType, path: ObjectPath): SchemaIssue {
  const known = Object.keys(type.p);
  const close =
    known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? known.find((k) => editDistance(k, key) <= 2);
  const field = formatPathShort([...path, key]);
  return {
    rule: "unknown-field",
    path: [...path, key],
    message: `unknown field "${field}"${close ? `: did you mean "${close}"?` : ""} (the API server would drop it)`,
  };
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length];
}
