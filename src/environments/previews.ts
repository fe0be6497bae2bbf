import type { Document, YAMLMap } from "yaml";
import { isMap, isScalar, type Node } from "yaml";
import { isUserError, UserError } from "../errors.js";
import { repoPath } from "../update/local.js";
import type { YamlFile } from "../yaml/index.js";
import { type Entry, entries, positionOf } from "../yaml/index.js";

type DeliveryMode = "commit" | "pull-request";

/** What a section reader of config.ts offers (kept structural: config.ts imports this module). */
interface Reader {
  readonly file: YamlFile;
  readonly document: Document.Parsed;
  line(node: Node | undefined): number;
  fail(node: Node | undefined, message: string, hint?: string): never;
  map(entry: Entry | undefined, what: string): YAMLMap;
  unknownKeys(map: YAMLMap, allowed: string[], what: string): void;
}

/** One entry of `previews:`: where each pull request's preview lives and what it is built from. */
export interface PreviewConfig {
  name: string;
  /** The overlay every preview builds from (a directory holding a kustomization). */
  template: string;
  /** Where preview N lives: `{number}` in its last segment (`apps/guestbook/previews/pr-{number}`). */
  path: string;
  /** The namespace of preview N (`guestbook-pr-{number}`). */
  namespace: string;
  /** Time since its last update after which a sweep removes a preview, in milliseconds; undefined: never. */
  ttlMs?: number;
  /** `ttl` as written, for messages. */
  ttl?: string;
  /** Delivery of preview commits; commit (straight on the branch) unless set. */
  mode: DeliveryMode;
  /** Lines of the entry's key and of its template, for messages that point at them. */
  line: number;
  templateLine: number;
}

const PREVIEW_KEYS = ["template", "path", "namespace", "ttl", "mode"];
const PREVIEW_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
export const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** The largest pull request number a pattern is checked with: GitHub's numbers are 32-bit integers. */
const LARGEST_NUMBER = "2147483647";
const TTL = /^([1-9][0-9]{0,4})([mhdw])$/;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `7d`, `48h`, `30m`, `2w` in milliseconds; undefined when the text is none of those. */
export function parseTtl(text: string): number | undefined {
  const match = TTL.exec(text);
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : undefined;
}

/** A pattern with the pull request number filled in. */
export function fillNumber(pattern: string, number: number | string): string {
  return pattern.replaceAll("{number}", String(number));
}

function scalarText(reader: Reader, entry: Entry, what: string): { text: string; node: Node } {
  const node = entry.value?.node;
  if (!isScalar(node) || typeof node.value !== "string" || node.value.trim() === "") {
    reader.fail(node ?? (entry.pair.key as Node), `${what} must be a non-empty string`);
  }
  return { text: node.value.trim(), node };
}

function preview(reader: Reader, entry: Entry): PreviewConfig {
  const where = `preview '${entry.key}'`;
  if (!PREVIEW_NAME.test(entry.key)) {
    reader.fail(
      entry.pair.key as Node,
      `preview name '${entry.key}' is not valid`,
      "Use lowercase letters, digits and '-' (it names branches and commit messages).",
    );
  }
  const map = reader.map(entry, where);
  reader.unknownKeys(map, PREVIEW_KEYS, where);
  const fields = entries(reader.file, reader.document, { node: map });
  const field = (key: string, example: string) => {
    const found = fields.find((f) => f.key === key);
    if (!found) reader.fail(entry.pair.key as Node, `${where} has no ${key}`, `Add ${key}: ${example}.`);
    return scalarText(reader, found, `${key} of ${where}`);
  };
  const inRepo = (text: string, node: Node, what: string) => {
    try {
      return repoPath(text);
    } catch (error) {
      if (!isUserError(error)) throw error;
      reader.fail(node, `${what} of ${where}: ${error.message}`, error.hint);
    }
  };

  const template = field("template", "apps/NAME/overlays/dev");
  const templatePath = inRepo(template.text, template.node, "template");
  if (templatePath === "") reader.fail(template.node, `template of ${where} is the repository root`);

  const path = field("path", "apps/NAME/previews/pr-{number}");
  const segments = path.text.replace(/\/+$/, "").split("/");
  if (!segments.at(-1)!.includes("{number}") || segments.slice(0, -1).some((s) => s.includes("{"))) {
    reader.fail(
      path.node,
      `path of ${where} must contain {number} in its last segment, and only there`,
      "For example: path: apps/guestbook/previews/pr-{number} (each preview is one folder beside the others).",
    );
  }
  if (/[*?[\]{}]/.test(path.text.replaceAll("{number}", ""))) {
    reader.fail(path.node, `path of ${where} holds a glob or brace; only {number} is filled in`);
  }
  const filled = inRepo(fillNumber(path.text, 1), path.node, "path");
  if (!filled.includes("/") && filled === "")
    reader.fail(path.node, `path of ${where} is the repository root`);
  if (
    filled === templatePath ||
    filled.startsWith(`${templatePath}/`) ||
    templatePath.startsWith(`${filled}/`)
  ) {
    reader.fail(
      path.node,
      `path of ${where} overlaps its template ${templatePath}`,
      "Keep previews in a folder of their own.",
    );
  }

  const namespace = field("namespace", "NAME-pr-{number}");
  if (!namespace.text.includes("{number}")) {
    reader.fail(
      namespace.node,
      `namespace of ${where} must contain {number}`,
      "Each preview needs a namespace of its own, e.g. namespace: guestbook-pr-{number}.",
    );
  }
  for (const sample of ["1", LARGEST_NUMBER]) {
    const value = fillNumber(namespace.text, sample);
    if (!DNS_LABEL.test(value)) {
      reader.fail(
        namespace.node,
        `namespace of ${where} gives '${value}' for pull request ${sample}, which is not a valid namespace name`,
        "A namespace is a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.",
      );
    }
  }

  const ttlEntry = fields.find((f) => f.key === "ttl");
  let ttl: { text: string; ms: number } | undefined;
  if (ttlEntry) {
    const value = scalarText(reader, ttlEntry, `ttl of ${where}`);
    const ms = parseTtl(value.text);
    if (ms === undefined) {
      reader.fail(
        value.node,
        `ttl of ${where} is '${value.text}', not a duration`,
        "Write a number and a unit: 30m, 48h, 7d or 2w.",
      );
    }
    ttl = { text: value.text, ms };
  }
  const modeEntry = fields.find((f) => f.key === "mode");
  let mode: DeliveryMode = "commit";
  if (modeEntry) {
    const value = scalarText(reader, modeEntry, `mode of ${where}`);
    if (value.text !== "commit" && value.text !== "pull-request")
      reader.fail(value.node, `mode of ${where} must be 'commit' or 'pull-request'`);
    mode = value.text;
  }
  return {
    name: entry.key,
    template: templatePath,
    path: path.text.replace(/\/+$/, "").replace(/^\.\//, ""),
    namespace: namespace.text,
    ...(ttl ? { ttl: ttl.text, ttlMs: ttl.ms } : {}),
    mode,
    line: reader.line(entry.pair.key as Node),
    templateLine: positionOf(reader.file, template.node.range?.[0] ?? 0).line,
  };
}

/** The `previews:` section: a map of names to preview settings, each checked where it is written. */
export function readPreviews(reader: Reader, entry: Entry): PreviewConfig[] {
  const map = reader.map(entry, "previews");
  if (!isMap(map)) return [];
  return entries(reader.file, reader.document, { node: map }).map((item) => preview(reader, item));
}

/** The named preview entry; the only one when no name is given. A UserError lists what the file defines. */
export function findPreview(
  config: { file: string; previews: PreviewConfig[] },
  name?: string,
): PreviewConfig {
  const names = config.previews.map((p) => p.name);
  if (config.previews.length === 0) {
    throw new UserError(`${config.file} has no previews: section`, {
      file: config.file,
      hint: "Add previews: { NAME: { template: apps/NAME/overlays/dev, path: apps/NAME/previews/pr-{number}, namespace: NAME-pr-{number} } }.",
    });
  }
  if (!name) {
    if (config.previews.length === 1) return config.previews[0]!;
    throw new UserError(`${config.file} defines ${names.length} previews; say which one`, {
      file: config.file,
      hint: `Name one of: ${names.join(", ")}.`,
    });
  }
  const found = config.previews.find((p) => p.name === name);
  if (!found) {
    throw new UserError(`preview '${name}' is not defined in ${config.file}`, {
      file: config.file,
      hint: `Defined previews: ${names.join(", ")}.`,
    });
  }
  return found;
}
