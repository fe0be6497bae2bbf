import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

/**
 * GitHub's REST description, loaded once per process. The package is never imported: its entry loads every variant
 * (~480 MB); the one file we need is 13 MB and parses in ~0.2 s.
 */
type Json = Record<string, unknown>;

export interface Operation {
  operationId: string;
  method: string;
  template: string;
  pattern: RegExp;
  paramNames: string[];
  literalLength: number;
  spec: Json;
}

export interface OperationMatch {
  operation: Operation;
  params: Record<string, string>;
}

const SCHEMA_BASE = "https://schemas.github.test/";
const METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];
// Keywords that only document; dropping them keeps ajv in strict-free territory and the compiled code small.
const DROPPED = new Set([
  "nullable",
  "example",
  "examples",
  "discriminator",
  "xml",
  "externalDocs",
  "description",
  "title",
  "deprecated",
  "readOnly",
  "writeOnly",
]);

let loaded: Spec | undefined;

export function loadSpec(): Spec {
  loaded ??= new Spec();
  return loaded;
}

/**
 * A file inside an installed package, found on the module search path without importing the package (whose entry
 * may be heavy, and whose `exports` may not list the file).
 */
export function packageFile(name: string, file: string): string {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths(name) ?? []) {
    const candidate = join(dir, name, file);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name}/${file} is not installed; run npm install`);
}

function specPath(): string {
  return packageFile("@octokit/openapi", "generated/api.github.com.json");
}

/**
 * OpenAPI 3.0 schema → JSON Schema for ajv: `nullable` becomes a null alternative, component refs become absolute
 * ids, and `oneOf` becomes `anyOf` because GitHub's description has overlapping branches (a null value matches every
 * nullable branch of `validation-error.errors[].value`), which would fail `oneOf` for documents GitHub really sends.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== "object") return node;
  const source = node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (DROPPED.has(key) || key.startsWith("x-")) continue;
    if (key === "$ref") {
      out.$ref = refToId(value as string);
    } else if (key === "properties" || key === "patternProperties") {
      const props: Json = {};
      for (const [name, schema] of Object.entries(value as Json)) props[name] = toJsonSchema(schema);
      out[key] = props;
    } else if (key === "items" || key === "additionalProperties" || key === "not") {
      out[key] = typeof value === "boolean" ? value : toJsonSchema(value);
    } else if (key === "allOf" || key === "anyOf" || key === "oneOf") {
      const list = (value as unknown[]).map(toJsonSchema);
      if (key === "oneOf") out.anyOf = list;
      else out[key] = list;
    } else {
      out[key] = value;
    }
  }
  if (source.nullable === true) {
    if (typeof out.type === "string" && out.$ref === undefined) {
      out.type = [out.type, "null"];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [{ type: "null" }, out] };
  }
  return out;
}

function refToId(ref: string): string {
  const prefix = "#/components/schemas/";
  if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref in schema: ${ref}`);
  return SCHEMA_BASE + encodeURIComponent(ref.slice(prefix.length));
}

export class Spec {
  readonly document: Json;
  readonly operations: Operation[] = [];
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor() {
    this.document = JSON.parse(readFileSync(specPath(), "utf8")) as Json;
    this.ajv = new Ajv({
      strict: false,
      allErrors: false,
      inlineRefs: false,
      validateSchema: false,
      logger: { log() {}, warn() {}, error: console.error },
    });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    addFormats(this.ajv);
    // GitHub-specific formats carry no checkable syntax beyond their type.
    this.ajv.addFormat("uri-template", true);
    this.ajv.addFormat("repo.nwo", true);
    this.ajv.addFormat("int64", { type: "number", validate: () => true });
    const components = (this.document.components as Json).schemas as Json;
    for (const [name, schema] of Object.entries(components)) {
      // addSchema only registers; each component compiles the first time a validator reaches it.
      this.ajv.addSchema({ ...(toJsonSchema(schema) as Json), $id: SCHEMA_BASE + encodeURIComponent(name) });
    }
    for (const [template, item] of Object.entries(this.document.paths as Json)) {
      const pathItem = item as Json;
      for (const method of METHODS) {
        const spec = pathItem[method] as Json | undefined;
        if (!spec) continue;
        const paramNames: string[] = [];
        const multi = new Set(
          this.parameters(spec, pathItem)
            .filter((p) => p.in === "path" && p["x-multi-segment"] === true)
            .map((p) => p.name as string),
        );
        const source = template
          .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
          .replace(/\\?\{([^}]+)\\?\}/g, (_m, name) => {
            paramNames.push(name);
            return multi.has(name) ? "(.+)" : "([^/]+)";
          });
        this.operations.push({
          operationId: spec.operationId as string,
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${source}$`),
          paramNames,
          literalLength: template.replace(/\{[^}]+\}/g, "").length,
          spec,
        });
      }
    }
    // A literal segment beats a parameter: `/commits/{ref}/status` must win over `/commits/{ref}`.
    this.operations.sort((a, b) => b.literalLength - a.literalLength);
  }

  /** Path-level and operation-level parameters with `$ref`s to components resolved. */
  parameters(spec: Json, pathItem?: Json): Json[] {
    const list = [...((pathItem?.parameters as Json[]) ?? []), ...((spec.parameters as Json[]) ?? [])];
    return list.map((p) => this.resolve(p));
  }

  resolve(node: Json): Json {
    let current = node;
    while (typeof current.$ref === "string") {
      const parts = (current.$ref as string).slice(2).split("/");
      let target: unknown = this.document;
      for (const part of parts) target = (target as Json)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
      if (target === undefined) throw new Error(`unresolved $ref ${current.$ref}`);
      current = target as Json;
    }
    return current;
  }

  match(method: string, path: string): OperationMatch | undefined {
    for (const operation of this.operations) {
      if (operation.method !== method) continue;
      const found = operation.pattern.exec(path);
      if (!found) continue;
      const params: Record<string, string> = {};
      operation.paramNames.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] as string);
      });
      return { operation, params };
    }
    return undefined;
  }

  byId(operationId: string): Operation {
    const found = this.operations.find((op) => op.operationId === operationId);
    if (!found) throw new Error(`unknown operation ${operationId}`);
    return found;
  }

  /** Problems with a request: path and query parameters and the JSON body. Empty when GitHub would accept the shape. */
  validateRequest(match: OperationMatch, query: URLSearchParams, body: unknown): string[] {
    const { operation } = match;
    const problems: string[] = [];
    const pathItem = (this.document.paths as Json)[operation.template] as Json;
    const params = this.parameters(operation.spec, pathItem);
    for (const param of params) {
      const name = param.name as string;
      const schema = param.schema as Json | undefined;
      if (param.in === "path") {
        const value = match.params[name];
        if (value === undefined || value === "") problems.push(`path parameter ${name} is empty`);
        else if (schema)
          problems.push(
            ...this.check(
              `param:${operation.operationId}:${name}`,
              schema,
              coerce(value, schema),
              `path ${name}`,
            ),
          );
      } else if (param.in === "query") {
        const values = query.getAll(name);
        if (values.length === 0) {
          if (param.required === true) problems.push(`query parameter ${name} is required`);
          continue;
        }
        if (schema) {
          const value =
            schema.type === "array"
              ? values.map((v) => coerce(v, (schema.items as Json) ?? {}))
              : coerce(values[0] as string, schema);
          problems.push(
            ...this.check(`param:${operation.operationId}:${name}`, schema, value, `query ${name}`),
          );
        }
      }
    }
    const known = new Set(params.filter((p) => p.in === "query").map((p) => p.name as string));
    for (const name of new Set(query.keys())) {
      if (!known.has(name))
        problems.push(`query parameter ${name} is not accepted by ${operation.operationId}`);
    }
    const requestBody = operation.spec.requestBody
      ? this.resolve(operation.spec.requestBody as Json)
      : undefined;
    if (requestBody) {
      const content = requestBody.content as Json;
      const media = (content["application/json"] ?? Object.values(content)[0]) as Json | undefined;
      if (body === undefined) {
        if (requestBody.required === true) problems.push("request body is required");
      } else if (media?.schema) {
        const schema = media.schema as Json;
        problems.push(...this.check(`body:${operation.operationId}`, schema, body, "body"));
        problems.push(...this.unknownProperties(schema, body));
      }
    } else if (
      body !== undefined &&
      !(typeof body === "object" && body !== null && Object.keys(body).length === 0)
    ) {
      problems.push(`${operation.operationId} takes no request body`);
    }
    return problems;
  }

  /**
   * GitHub silently ignores body fields it does not know, so a misspelt field is a bug the real API never reports;
   * the test server reports it.
   */
  private unknownProperties(schema: Json, body: unknown): string[] {
    const resolved = this.resolve(schema);
    if (typeof body !== "object" || body === null || Array.isArray(body)) return [];
    const props = resolved.properties as Json | undefined;
    if (!props || resolved.additionalProperties !== undefined) return [];
    return Object.keys(body)
      .filter((key) => !(key in props))
      .map((key) => `body property ${key} is not part of the operation's request schema`);
  }

  /** Problems with a response body for a status. Undocumented error statuses are checked against basic-error. */
  validateResponse(operation: Operation, status: number, body: unknown): string[] {
    const responses = operation.spec.responses as Json;
    const declared = (responses[String(status)] ?? responses.default) as Json | undefined;
    if (!declared) {
      if (status >= 400) {
        return this.check(
          "basic-error",
          { $ref: "#/components/schemas/basic-error" },
          body,
          `response ${status}`,
        );
      }
      return [`${operation.operationId} does not document status ${status}`];
    }
    const response = this.resolve(declared);
    const content = response.content as Json | undefined;
    const media = content?.["application/json"] as Json | undefined;
    if (!content || !media?.schema) {
      if (body !== undefined && status < 400)
        return [`status ${status} of ${operation.operationId} has no body, one was sent`];
      return [];
    }
    if (body === undefined) return [`status ${status} of ${operation.operationId} needs a JSON body`];
    return this.check(
      `response:${operation.operationId}:${status}`,
      media.schema as Json,
      body,
      `response ${status}`,
    );
  }

  private check(key: string, schema: Json, value: unknown, where: string): string[] {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Json);
      this.compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${where}${e.instancePath || ""}: ${e.message} ${JSON.stringify(e.params)}`);
  }
}

function coerce(value: string, schema: Json): unknown {
  const type = schema.type;
  if (type === "integer" || type === "number") {
    const n = Number(value);
    return value.trim() !== "" && Number.isFinite(n) ? n : value;
  }
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return value;
}
