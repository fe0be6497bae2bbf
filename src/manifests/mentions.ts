import { isMap, isPair, isScalar, isSeq, type Node, type Scalar } from "yaml";
import { type ImageRef, normalizedName } from "../image/index.js";
import { positionOf, scalarText } from "../yaml/index.js";
import { formatPath, type Path, tryParseRef } from "./context.js";
import { literalVersion, TEMPLATE } from "./parts.js";
import type { ParsedManifest } from "./types.js";

/** A place in a file that names a requested image although no finder edits it there, and why. */
export interface Unedited {
  file: string;
  line: number;
  column: number;
  /** The requested image it names. */
  image: ImageRef;
  /** Where it sits and why that place is not edited, as a clause: "in spec.args[1], …". */
  reason: string;
}

const REF_CHAR = /[A-Za-z0-9._\-/:@]/;
const VERSION_FIELDS = ["tag", "newTag", "version", "digest"];
/** Places reported per image and file: enough to point the way, few enough to read. */
const PER_IMAGE = 3;

/**
 * The places of a file that spell one of `images` (by name, with or without a version) outside every place the
 * finders edit — a template, a variable, an environment variable, a comment — with the reason for each. Called when
 * an image was found nowhere, so the error can say where it is instead of "not referenced".
 */
export function uneditedMentions(parsed: ParsedManifest, images: ImageRef[]): Unedited[] {
  const { content } = parsed.file;
  const out: Unedited[] = [];
  for (const image of images) {
    const wanted = normalizedName(image);
    const needle = image.repository.slice(image.repository.lastIndexOf("/") + 1);
    let count = 0;
    let from = 0;
    for (let at = content.indexOf(needle); at >= 0 && count < PER_IMAGE; at = content.indexOf(needle, from)) {
      let start = at;
      let end = at + needle.length;
      while (start > 0 && REF_CHAR.test(content[start - 1]!)) start--;
      while (end < content.length && REF_CHAR.test(content[end]!)) end++;
      from = end;
      const token = content.slice(start, end).replace(/[:@]+$/, "");
      // A lone `nginx` (or the key `nginx:`) is as likely a container or release name as an image: only a spelled-out
      // reference counts, or a name whose version a template or variable fills in (`nginx:{{ .Values.tag }}`).
      if (!/[/:@]/.test(token) && !/^[:@][{$]/.test(content.slice(start + token.length, end + 2))) continue;
      const name = tryParseRef(nameOf(token));
      if (!name || normalizedName(name) !== wanted) continue;
      const { line, column } = positionOf(parsed.file, start);
      out.push({ file: parsed.file.path, line, column, image, reason: describe(parsed, start) });
      count++;
    }
  }
  return out;
}

/** `ghcr.io/acme/app` of `ghcr.io/acme/app:1.2@sha256:…`, and of a half reference like `ghcr.io/acme/app:`. */
function nameOf(token: string): string {
  let name = token.replace(/^[:@/]+/, "");
  const at = name.indexOf("@");
  if (at >= 0) name = name.slice(0, at);
  const colon = name.lastIndexOf(":");
  return colon > name.lastIndexOf("/") ? name.slice(0, colon) : name;
}

interface Hit {
  node: Scalar;
  path: Path;
  isKey: boolean;
  /** The map holding the value, for its sibling fields. */
  parent?: Node;
}

function describe(parsed: ParsedManifest, offset: number): string {
  const { file, templates } = parsed;
  // A document that does not parse may end its range early: each reaches up to where the next one starts.
  const index = file.documents.findLastIndex((document) => document.range[0] <= offset);
  const document = file.documents[index];
  if (document && templates.has(index)) {
    return "is in a YAML document with Go template actions ({{ … }}), which is read only after rendering: set the value the template reads";
  }
  const hit = document ? scalarAt(document.contents, offset, []) : undefined;
  if (!hit) {
    const lineStart = file.content.lastIndexOf("\n", offset - 1) + 1;
    return file.content.slice(lineStart, offset).includes("#")
      ? "is in a comment"
      : "is outside any YAML value";
  }
  const where = formatPath(hit.path) || "the document";
  if (hit.isKey) return `is the key ${where}, not a value`;
  const text = scalarText(file.content, hit.node) ?? "";
  const template = TEMPLATE.exec(text);
  if (template) {
    return `is in ${where}, whose value is filled in by a template or variable (${JSON.stringify(text)}): set the value it reads instead`;
  }
  const sibling = unreadableVersion(file.content, hit.parent);
  if (sibling) {
    return `is in ${where}, but ${sibling.key} ${JSON.stringify(sibling.text)} is not a literal tag or digest (a variable or template fills it in): set the value it reads instead`;
  }
  if (tryParseRef(text)) {
    return `is in ${where}, which is not a field read as an image (container images, kustomize images, Helm values image maps, Argo CD and Flux image settings, image fields of custom resources)`;
  }
  return `is in ${where}, inside a longer value: only values that are whole references are edited`;
}

/** A version field of the map that holds something other than a literal tag or digest. */
function unreadableVersion(
  content: string,
  parent: Node | undefined,
): { key: string; text: string } | undefined {
  if (!isMap(parent)) return undefined;
  for (const pair of parent.items) {
    if (!isScalar(pair.key) || !VERSION_FIELDS.includes(String(pair.key.value)) || !isScalar(pair.value))
      continue;
    const key = String(pair.key.value);
    const text = scalarText(content, pair.value) ?? "";
    const literal =
      text === "" ||
      literalVersion(key === "digest" ? undefined : text, key === "digest" ? text : undefined, true);
    if (!literal) return { key, text };
  }
  return undefined;
}

/** The scalar (value or key) covering `offset`, with its path. */
function scalarAt(node: unknown, offset: number, path: Path, parent?: Node): Hit | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range || offset < range[0] || offset >= Math.max(range[1], range[2])) return undefined;
  if (isScalar(node)) return { node, path, isKey: false, parent };
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : "?";
      const keyRange = (pair.key as Node | null)?.range;
      if (isScalar(pair.key) && keyRange && offset >= keyRange[0] && offset < keyRange[1]) {
        return { node: pair.key, path: [...path, key], isKey: true, parent: node };
      }
      const found = scalarAt(pair.value, offset, [...path, key], node);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = scalarAt(item, offset, [...path, index], node);
      if (found) return found;
    }
  }
  return undefined;
}
