import { type Document, isMap, isScalar, isSeq, type Node, type YAMLMap } from "yaml";
import { isUserError, UserError } from "../errors.js";
import { parseRequirement } from "../promote/checks.js";
import type { Freeze } from "../promote/freeze.js";
import { parseWindow } from "../promote/window.js";
import { repoPath } from "../update/local.js";
import {
  asMap,
  type Entry,
  entries,
  items,
  parseYamlFile,
  positionOf,
  type YamlFile,
} from "../yaml/index.js";

/** Name of the pipeline configuration file at the root of a config repository. */
import { CONFIG_FILE } from "./file.js";
import { parseFreezes } from "./freezes.js";
import { type PreviewConfig, readPreviews } from "./previews.js";

export type { PreviewConfig };
export { CONFIG_FILE };

export type DeliveryMode = "commit" | "pull-request";

export interface Environment {
  name: string;
  /** Files, directories or globs (picomatch) relative to the repository root. */
  paths: string[];
  /** How changes land: straight on the branch, or as a pull request (the default). */
  mode: DeliveryMode;
  /** Distinct approving reviews a promotion needs (0 when not set). */
  approvals: number;
  /** Who may approve: GitHub logins and `@org/team`; empty means anyone with write access. */
  reviewers: string[];
  /** Deployment windows as written (`Mon-Fri 09:00-17:00 Europe/Berlin`); interpreted by promotion. */
  windows: string[];
  /**
   * Reports that must be `success` on the source commit: a commit status context or check run name, or
   * `status:`/`check:`/`check-suite:` to name one kind (src/promote/checks.ts).
   */
  requireStatus: string[];
  /** Date-range freezes (src/promote/freeze.ts); undefined or empty when none. */
  freezes?: Freeze[];
  /** Approvals a rollback needs; undefined when not set (promotion decides the default). */
  rollbackApprovals?: number;
  /** Line of the environment's key, for messages that point at it. */
  line: number;
}

export interface PipelineConfig {
  file: string;
  /** In the order they are written. */
  environments: Environment[];
  /** Environment names from first to last; the order of `environments` when the file has no `promotion`. */
  promotion: string[];
  /** The `validate:` section as plain data, interpreted by validation; undefined when absent. */
  validate?: unknown;
  /** Line of the `validate:` key, when present. */
  validateLine?: number;
  /** `previews:` entries, in file order (src/environments/previews.ts); empty when absent. */
  previews: PreviewConfig[];
}

const TOP_LEVEL = ["environments", "promotion", "validate", "previews"];
/** The `yaml` package's default bound on alias expansion: ample for sharing a few settings. */
const MAX_ALIAS_EXPANSION = 100;
const ENVIRONMENT_KEYS = [
  "paths",
  "mode",
  "approvals",
  "reviewers",
  "windows",
  "require-status",
  "rollback-approvals",
  "freezes",
];
const ENVIRONMENT_NAME = /^[a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;

/** Reads a section of the file, failing at the line of the node at fault. */
export class Reader {
  constructor(
    readonly file: YamlFile,
    readonly document: Document.Parsed,
  ) {}

  line(node: Node | undefined): number {
    return positionOf(this.file, node?.range?.[0] ?? 0).line;
  }

  fail(node: Node | undefined, message: string, hint?: string): never {
    const { line, column } = positionOf(this.file, node?.range?.[0] ?? 0);
    throw new UserError(message, { file: this.file.path, line, column, hint });
  }

  map(entry: Entry | undefined, what: string): YAMLMap {
    const node = entry?.value?.node;
    if (!isMap(node)) this.fail(node ?? (entry?.pair.key as Node), `${what} must be a map`);
    return node;
  }

  strings(entry: Entry, what: string, check?: (value: string, node: Node) => void): string[] {
    const node = entry.value?.node;
    if (isScalar(node) && typeof node.value === "string") {
      check?.(node.value, node);
      return [node.value];
    }
    if (node === undefined || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) this.fail(node, `${what} must be a list of strings`);
    return items(this.file, this.document, entry.value).map((item) => {
      if (!isScalar(item.node) || typeof item.node.value !== "string" || item.node.value === "") {
        this.fail(item.node, `${what} must be a list of non-empty strings`);
      }
      check?.(item.node.value, item.node);
      return item.node.value;
    });
  }

  count(entry: Entry, what: string): number {
    const node = entry.value?.node;
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
      this.fail(
        node ?? (entry.pair.key as Node),
        `${what} must be a whole number ≥ 0`,
        `For example: ${entry.key}: 1`,
      );
    }
    return value;
  }

  unknownKeys(map: YAMLMap, allowed: string[], what: string): void {
    for (const entry of entries(this.file, this.document, { node: map })) {
      if (!allowed.includes(entry.key)) {
        this.fail(
          entry.pair.key as Node,
          `unknown key '${entry.key}' in ${what}`,
          `Known keys: ${allowed.join(", ")}.`,
        );
      }
    }
  }
}

function environment(reader: Reader, entry: Entry): Environment {
  const where = `environment '${entry.key}'`;
  if (!ENVIRONMENT_NAME.test(entry.key)) {
    reader.fail(
      entry.pair.key as Node,
      `environment name '${entry.key}' is not valid`,
      "Use lowercase letters, digits, '.', '_' and '-' (it becomes part of branch names and labels).",
    );
  }
  const map = reader.map(entry, where);
  reader.unknownKeys(map, ENVIRONMENT_KEYS, where);
  const fields = entries(reader.file, reader.document, { node: map });
  const field = (key: string) => fields.find((f) => f.key === key);
  const pathsEntry = field("paths");
  if (!pathsEntry)
    reader.fail(entry.pair.key as Node, `${where} has no paths`, "Add paths: [apps/*/overlays/NAME].");
  const paths = reader.strings(pathsEntry, `paths of ${where}`, (value, node) => {
    try {
      repoPath(value);
    } catch (error) {
      reader.fail(node, (error as UserError).message, (error as UserError).hint);
    }
  });
  if (paths.length === 0)
    reader.fail(pathsEntry.value?.node ?? (pathsEntry.pair.key as Node), `paths of ${where} is empty`);

  const modeEntry = field("mode");
  let mode: DeliveryMode = "pull-request";
  if (modeEntry) {
    const node = modeEntry.value?.node;
    const value = isScalar(node) ? node.value : undefined;
    if (value !== "commit" && value !== "pull-request") {
      reader.fail(
        node ?? (modeEntry.pair.key as Node),
        `mode of ${where} must be 'commit' or 'pull-request'`,
      );
    }
    mode = value;
  }
  const approvalsEntry = field("approvals");
  const rollbackEntry = field("rollback-approvals");
  const reviewersEntry = field("reviewers");
  const windowsEntry = field("windows");
  const statusEntry = field("require-status");
  const freezesEntry = field("freezes");
  return {
    name: entry.key,
    paths,
    mode,
    approvals: approvalsEntry ? reader.count(approvalsEntry, `approvals of ${where}`) : 0,
    reviewers: reviewersEntry
      ? reader.strings(reviewersEntry, `reviewers of ${where}`, (value, node) => {
          if (!LOGIN.test(value) && !TEAM.test(value)) {
            reader.fail(
              node,
              `reviewer '${value}' of ${where} is neither a GitHub login nor a team`,
              "Write a login (alice) or a team as \"@org/team\" (quoted: '@' cannot start a plain YAML value).",
            );
          }
        })
      : [],
    // Kept as written (promotion evaluates them), but checked here so a typo points at its own line.
    windows: windowsEntry
      ? reader.strings(windowsEntry, `windows of ${where}`, (value, node) => {
          parseWindow(value, { file: reader.file.path, ...positionOf(reader.file, node.range?.[0] ?? 0) });
        })
      : [],
    requireStatus: statusEntry
      ? reader.strings(statusEntry, `require-status of ${where}`, (value, node) => {
          try {
            parseRequirement(value);
          } catch (error) {
            if (!isUserError(error)) throw error;
            reader.fail(node, `${error.message} (require-status of ${where})`, error.hint);
          }
        })
      : [],
    ...(freezesEntry ? { freezes: parseFreezes(reader.file, reader.document, freezesEntry, where) } : {}),
    ...(rollbackEntry
      ? { rollbackApprovals: reader.count(rollbackEntry, `rollback-approvals of ${where}`) }
      : {}),
    line: reader.line(entry.pair.key as Node),
  };
}

/** Parses and validates `gitops-pipeline.yaml`; every mistake is a UserError at file:line. */
export function loadConfig(text: string, file: string = CONFIG_FILE): PipelineConfig {
  const parsed = parseYamlFile(file, text);
  if (parsed.documents.length !== 1) {
    throw new UserError(
      parsed.documents.length === 0
        ? "the configuration file is empty"
        : "the configuration file has more than one YAML document",
      { file, line: 1, hint: "Write one document with an `environments:` map." },
    );
  }
  const document = parsed.documents[0]!;
  const reader: Reader = new Reader(parsed, document);
  const root = document.contents;
  if (!isMap(root)) reader.fail(root ?? undefined, "the configuration must be a map with `environments:`");
  reader.unknownKeys(root, TOP_LEVEL, "the configuration");
  const top = entries(parsed, document, { node: root });
  const environmentsEntry = top.find((entry) => entry.key === "environments");
  if (!environmentsEntry) {
    throw new UserError("the configuration has no `environments:` map", {
      file,
      line: 1,
      hint: "Add environments: { dev: { paths: [apps/*/overlays/dev], mode: commit } }.",
    });
  }
  const environmentsMap = asMap(environmentsEntry.value);
  if (!environmentsMap) reader.map(environmentsEntry, "environments");
  const environments = entries(parsed, document, environmentsMap!).map((entry) => environment(reader, entry));
  if (environments.length === 0) reader.fail(environmentsMap!.node, "environments is empty");

  const names = environments.map((env) => env.name);
  let promotion = names;
  const promotionEntry = top.find((entry) => entry.key === "promotion");
  if (promotionEntry) {
    const seen = new Set<string>();
    promotion = reader.strings(promotionEntry, "promotion", (value, node) => {
      if (!names.includes(value)) {
        reader.fail(
          node,
          `promotion names '${value}', which is not an environment`,
          `Environments: ${names.join(", ")}.`,
        );
      }
      if (seen.has(value)) reader.fail(node, `promotion lists '${value}' twice`);
      seen.add(value);
    });
  }
  const validateEntry = top.find((entry) => entry.key === "validate");
  const previewsEntry = top.find((entry) => entry.key === "previews");
  return {
    file,
    environments,
    promotion,
    previews: previewsEntry ? readPreviews(reader, previewsEntry) : [],
    ...(validateEntry
      ? {
          validate: plainData(reader, validateEntry),
          validateLine: reader.line(validateEntry.pair.key as Node),
        }
      : {}),
  };
}

/**
 * A section as plain data. Aliases are expanded, up to the parser's own bound: nested aliases ("billion laughs")
 * would otherwise expand exponentially, and the parser stops them with an error that names no file.
 */
function plainData(reader: Reader, entry: Entry): unknown {
  try {
    return entry.value?.node.toJS(reader.document, { maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    reader.fail(
      entry.pair.key as Node,
      `the ${entry.key} section uses aliases that expand to too many nodes`,
      "Write the values out instead of nesting aliases (*name) inside anchored lists or maps.",
    );
  }
}

/** The named environment, or a UserError listing the ones the file defines. */
export function findEnvironment(config: PipelineConfig, name: string): Environment {
  const found = config.environments.find((env) => env.name === name);
  if (!found) {
    throw new UserError(`environment '${name}' is not defined in ${config.file}`, {
      file: config.file,
      hint: `Defined environments: ${config.environments.map((env) => env.name).join(", ")}.`,
    });
  }
  return found;
}
