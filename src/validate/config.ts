import picomatch from "picomatch";
import { UserError } from "../errors.js";
import type { Severity } from "./types.js";

export type RuleSetting = Severity | "off";

/**
 * The `validate:` section of gitops-pipeline.yaml:
 *
 * ```yaml
 * validate:
 *   kubernetesVersion: "1.31"
 *   strict: true                      # kinds without a schema are errors too (unset: warnings; false: no unknown-field)
 *   ignoreKinds: [Certificate, monitoring.coreos.com/v1/ServiceMonitor]   # not schema-checked
 *   skipPaths: ["charts/**"]          # never read
 *   production: [prod]                # environments where mutable-tag and argocd-sync-policy apply
 *   crds: [crds/]                     # CustomResourceDefinition files or directories, relative to this file
 *   schemas: [schemas/]               # JSON schema directories, {group}/{kind}_{version}.json (kubeconform's layout)
 *   rules:
 *     missing-probes: off             # off | warning | error
 *     latest-tag: error
 *   overrides:
 *     - paths: ["overlays/dev/**"]
 *       rules: { missing-limits: off }
 * ```
 * and per resource the annotation `gitops-pipeline.dev/ignore: "rule-a,rule-b"` (or `all`).
 */
export interface ValidateConfig {
  kubernetesVersion?: string;
  strict?: boolean;
  ignoreKinds: string[];
  skipPaths: string[];
  /**
   * Environments (names from `environments:`) held to production rules; undefined leaves it to the promotion
   * order, `[]` names none.
   */
  production?: string[];
  rules: Record<string, RuleSetting>;
  overrides: { paths: string[]; rules: Record<string, RuleSetting> }[];
  /** CRD files (or directories of them) whose kinds are validated like built-in ones. */
  crds?: string[];
  /** Directories of JSON schemas in kubeconform's `{group}/{kind}_{version}.json` layout. */
  schemas?: string[];
}

export const ignoreAnnotation = "gitops-pipeline.dev/ignore";

export const emptyValidateConfig: ValidateConfig = {
  ignoreKinds: [],
  skipPaths: [],
  rules: {},
  overrides: [],
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks and normalises the raw section; `knownRules` catches typos in rule ids, which would otherwise do nothing. */
export function parseValidateConfig(
  raw: unknown,
  file: string,
  knownRules: readonly string[],
): ValidateConfig {
  if (raw === undefined || raw === null) return emptyValidateConfig;
  const fail = (what: string, hint?: string): never => {
    throw new UserError(`validate: ${what}`, { file, hint });
  };
  if (!isObject(raw)) fail("must be a mapping");
  const section = raw as Record<string, unknown>;
  const known = [
    "kubernetesVersion",
    "strict",
    "ignoreKinds",
    "skipPaths",
    "production",
    "rules",
    "overrides",
    "crds",
    "schemas",
  ];
  for (const key of Object.keys(section)) {
    if (!known.includes(key)) fail(`unknown key "${key}"`, `known keys: ${known.join(", ")}`);
  }
  const strings = (value: unknown, what: string): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
      return fail(`${what} must be a list of strings`);
    return value as string[];
  };
  const settings = (value: unknown, what: string): Record<string, RuleSetting> => {
    if (value === undefined) return {};
    if (!isObject(value)) return fail(`${what} must map rule ids to off, warning or error`);
    const out: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(value)) {
      if (!knownRules.includes(id)) fail(`${what}: unknown rule "${id}"`, `rules: ${knownRules.join(", ")}`);
      // YAML 1.1 readers turn a bare `off` into false; accept both spellings.
      const normal = setting === false ? "off" : setting;
      if (normal !== "off" && normal !== "warning" && normal !== "error") {
        fail(`${what}.${id} must be off, warning or error, got ${JSON.stringify(setting)}`);
      }
      out[id] = normal as RuleSetting;
    }
    return out;
  };
  const version = section.kubernetesVersion;
  if (version !== undefined && typeof version !== "string" && typeof version !== "number") {
    fail('kubernetesVersion must be a string such as "1.31"');
  }
  if (section.strict !== undefined && typeof section.strict !== "boolean")
    fail("strict must be true or false");
  const overrides = section.overrides === undefined ? [] : section.overrides;
  if (!Array.isArray(overrides)) fail("overrides must be a list of {paths, rules}");
  return {
    kubernetesVersion: version === undefined ? undefined : String(version),
    strict: section.strict as boolean | undefined,
    ignoreKinds: strings(section.ignoreKinds, "ignoreKinds"),
    skipPaths: strings(section.skipPaths, "skipPaths"),
    ...(section.production === undefined ? {} : { production: strings(section.production, "production") }),
    ...(section.crds === undefined ? {} : { crds: strings(section.crds, "crds") }),
    ...(section.schemas === undefined ? {} : { schemas: strings(section.schemas, "schemas") }),
    rules: settings(section.rules, "rules"),
    overrides: (overrides as unknown[]).map((entry, i) => {
      if (!isObject(entry)) return fail(`overrides[${i}] must be a mapping with paths and rules`);
      return {
        paths: strings(entry.paths, `overrides[${i}].paths`),
        rules: settings(entry.rules, `overrides[${i}].rules`),
      };
    }),
  };
}

/** Answers "what severity does rule R have for file F", with globs compiled once. */
export class RuleSettings {
  private readonly overrides: { match: (file: string) => boolean; rules: Record<string, RuleSetting> }[];
  private readonly skip: (file: string) => boolean;

  constructor(
    private readonly config: ValidateConfig,
    private readonly defaults: ReadonlyMap<string, Severity>,
  ) {
    this.overrides = config.overrides.map((o) => ({
      match: picomatch(o.paths, { dot: true }),
      rules: o.rules,
    }));
    this.skip = config.skipPaths.length ? picomatch(config.skipPaths, { dot: true }) : () => false;
  }

  skipped(file: string): boolean {
    return this.skip(file);
  }

  /** `fallback`: the finding's own default, used when the config does not set the rule's severity. */
  severity(rule: string, file: string, fallback?: Severity): RuleSetting {
    let setting: RuleSetting = this.config.rules[rule] ?? fallback ?? this.defaults.get(rule) ?? "error";
    for (const override of this.overrides) {
      if (override.rules[rule] !== undefined && override.match(file)) setting = override.rules[rule];
    }
    return setting;
  }

  ignoresKind(apiVersion: string, kind: string): boolean {
    return this.config.ignoreKinds.some((k) => k === kind || k === `${apiVersion}/${kind}`);
  }
}

/** Rule ids a resource opts out of through its annotation. */
export function ignoredByAnnotation(object: Record<string, unknown>): Set<string> | undefined {
  const metadata = object.metadata;
  if (!isObject(metadata) || !isObject(metadata.annotations)) return undefined;
  const value = metadata.annotations[ignoreAnnotation];
  if (typeof value !== "string") return undefined;
  return new Set(
    value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
}
