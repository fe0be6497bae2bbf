import { createHash } from "node:crypto";
import parse from "spdx-expression-parse";

/** A license a package names that SPDX has no identifier for, kept as `LicenseRef-…` with the words it was given. */
export interface ExtractedLicense {
  id: string;
  text: string;
}

interface Leaf {
  license: string;
  plus?: true;
  exception?: string;
}
interface Branch {
  left: Node;
  conjunction: "and" | "or";
  right: Node;
}
type Node = Leaf | Branch;

const OPERATORS = new Set(["AND", "OR", "WITH", "and", "or", "with"]);

/** `LicenseRef-` followed by what the idstring allows (letters, digits, '.', '-'). */
function licenseRef(text: string): string {
  const cleaned = text
    .trim()
    .replace(/[^A-Za-z0-9.-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // Two texts that clean to the same words ("GPL 2", "GPL-2+") must not share a reference.
  const suffix =
    cleaned === text.trim() ? "" : `-${createHash("sha256").update(text).digest("hex").slice(0, 8)}`;
  return `LicenseRef-${cleaned || "unknown"}${suffix}`;
}

function render(node: Node, parent?: Branch["conjunction"]): string {
  if ("license" in node) {
    return `${node.license}${node.plus ? "+" : ""}${node.exception ? ` WITH ${node.exception}` : ""}`;
  }
  const text = `${render(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${render(node.right, node.conjunction)}`;
  // AND binds tighter than OR: an OR under an AND needs its parentheses back.
  return parent && parent !== node.conjunction ? `(${text})` : text;
}

function tryParse(text: string): Node | undefined {
  try {
    return parse(text) as Node;
  } catch {
    return undefined;
  }
}

/**
 * A package's license field as an SPDX license expression: a valid expression is kept, compound ones too
 * (`MIT OR Apache-2.0`); an identifier SPDX does not list becomes `LicenseRef-<it>`; free text that is no expression
 * at all becomes one `LicenseRef-…`. Each reference made here is returned with the words it stands for, which SPDX
 * wants in `hasExtractedLicensingInfos`. Undefined when the package names no license.
 */
export function licenseExpression(
  field: string | undefined,
): { expression: string; extracted: ExtractedLicense[] } | undefined {
  const text = field?.trim();
  if (!text) return undefined;
  const exact = tryParse(text);
  if (exact) return { expression: render(exact), extracted: [] };
  const extracted: ExtractedLicense[] = [];
  // Unknown identifiers inside an otherwise well-formed expression: each becomes a reference of its own.
  const tokens = text.split(/(\s+|[()])/).filter((token) => token.trim() !== "");
  const replaced = tokens.map((token) => {
    if (token === "(" || token === ")" || OPERATORS.has(token) || tryParse(token)) return token;
    const id = licenseRef(token);
    if (!extracted.some((entry) => entry.id === id)) extracted.push({ id, text: token });
    return id;
  });
  const repaired = tryParse(replaced.join(" ").replace(/\( /g, "(").replace(/ \)/g, ")"));
  if (repaired) return { expression: render(repaired), extracted };
  const id = licenseRef(text);
  return { expression: id, extracted: [{ id, text }] };
}
