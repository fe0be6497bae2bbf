import { parse, Scalar } from "yaml";
import { UserError } from "../errors.js";
import type { Splice } from "./splice.js";

/**
 * Plain spellings that YAML 1.1 readers (Go's yaml.v2/v3 as used by kustomize and Helm, PyYAML) turn into
 * something other than the same string. The `yaml` package checks cover most of them; these patterns keep the
 * decision independent of one library's schema details.
 */
const YAML11_SPECIAL = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^[-+]?(?:0b[01_]+|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|(?:0|[1-9][0-9_]*))$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$/,
  /^(?:=|<<)$/,
];

/** True when `value` written as a plain scalar would not read back as this exact string under YAML 1.1 or 1.2. */
export function needsQuotes(value: string, inFlow = false): boolean {
  if (YAML11_SPECIAL.some((re) => re.test(value))) return true;
  if (value !== value.trim() || /[\n\r\t]/.test(value)) return true;
  // Indicators that cannot start a plain scalar (some parsers only warn, Go's yaml refuses).
  if (/^[,[\]{}#&*!|>'"%@`]|^[-?:](?:\s|$)/.test(value) || /:\s|\s#/.test(value)) return true;
  if (inFlow && /[,[\]{}]/.test(value)) return true;
  for (const version of ["1.1", "1.2"] as const) {
    try {
      if (parse(`${value}\n`, { version, logLevel: "silent" }) !== value) return true;
      if (parse(`k: ${value}\n`, { version, logLevel: "silent" })?.k !== value) return true;
    } catch {
      return true;
    }
  }
  return false;
}

export function doubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

export function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * The string a scalar holds as the user sees it. Plain scalars are read from the source so `tag: 1.10` is
 * "1.10" (what a Go template prints from the text is irrelevant: the author meant 1.10), not the number 1.1.
 */
export function scalarText(content: string, node: Scalar): string | undefined {
  if (!node.range) return undefined;
  if (node.type === Scalar.PLAIN) {
    return content.slice(node.range[0], node.range[1]).trim();
  }
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    return typeof node.value === "string" ? node.value.trim() : undefined;
  }
  return typeof node.value === "string" ? node.value : undefined;
}

/** The splice that makes `node` hold `value`, written in the node's own style. */
export function replaceScalar(
  content: string,
  node: Scalar,
  value: string,
  where: { file: string; line: number },
  inFlow = false,
): Splice {
  const [start, end] = node.range!;
  switch (node.type) {
    case Scalar.QUOTE_SINGLE:
      return { start, end, text: singleQuoted(value) };
    case Scalar.QUOTE_DOUBLE:
      return { start, end, text: doubleQuoted(value) };
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED:
      return replaceBlockScalar(content, start, end, value, where);
    default: {
      if (start === end) {
        // An empty value (`newTag:`): keep the separator space YAML needs on either side.
        const text = needsQuotes(value, inFlow) ? doubleQuoted(value) : value;
        const before = content[start - 1] === ":" ? " " : "";
        const after = content[start] === "#" ? " " : "";
        return { start, end, text: `${before}${text}${after}` };
      }
      if (content.slice(start, end).includes("\n")) {
        // A multi-line plain scalar: rewriting it on one line keeps the value but joins its lines.
        return { start, end, text: doubleQuoted(value) };
      }
      return { start, end, text: needsQuotes(value, inFlow) ? doubleQuoted(value) : value };
    }
  }
}

/** Keeps the `|`/`>` header, indentation and trailing blank lines; only a one-line body can be rewritten. */
function replaceBlockScalar(
  content: string,
  start: number,
  end: number,
  value: string,
  where: { file: string; line: number },
): Splice {
  const source = content.slice(start, end);
  const headerEnd = source.indexOf("\n") + 1;
  const body = source.slice(headerEnd);
  const match = /^([ \t]*)(\S[^\r\n]*)(\r?\n|$)/.exec(body);
  const restOfBody = match ? body.slice(match[0].length) : "";
  if (!match || restOfBody.trim() !== "") {
    throw new UserError("cannot rewrite a multi-line block scalar holding an image reference", {
      ...where,
      hint: "Write the reference on one line (plain or quoted) and run again.",
    });
  }
  return {
    start: start + headerEnd + match[1]!.length,
    end: start + headerEnd + match[1]!.length + match[2]!.length,
    text: value,
  };
}
