import { type Document, isMap, isScalar, isSeq, type Node, type Scalar } from "yaml";
import { UserError } from "../errors.js";
import { type Freeze, zonedInstant } from "../promote/freeze.js";
import { type Entry, entries, items, positionOf, type YamlFile } from "../yaml/index.js";

const FREEZE_KEYS = ["from", "to", "timezone", "reason", "allow-rollbacks"];
const HINT =
  "Write each freeze as { from: 2026-12-20, to: 2027-01-04, timezone: Europe/Berlin, reason: Year-end freeze }; " +
  "a date alone covers the whole day, or give a time as 2026-12-20T18:00.";

/**
 * The `freezes:` list of an environment. Each mistake is a UserError at the line that holds it: a freeze that is
 * silently ignored would let a promotion through on the day it was meant to stop.
 */
export function parseFreezes(
  file: YamlFile,
  document: Document.Parsed,
  entry: Entry,
  where: string,
): Freeze[] {
  const fail = (node: Node | undefined, message: string, hint = HINT): never => {
    const { line, column } = positionOf(file, node?.range?.[0] ?? (entry.pair.key as Node).range?.[0] ?? 0);
    throw new UserError(message, { file: file.path, line, column, hint });
  };
  const node = entry.value?.node;
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) fail(node ?? (entry.pair.key as Node), `freezes of ${where} must be a list`);
  return items(file, document, entry.value).map((item) => {
    if (!isMap(item.node)) fail(item.node, `each freeze of ${where} must be a map`);
    const fields = entries(file, document, item as never);
    for (const field of fields) {
      if (!FREEZE_KEYS.includes(field.key)) {
        fail(
          field.pair.key as Node,
          `unknown key '${field.key}' in a freeze of ${where}`,
          `Known keys: ${FREEZE_KEYS.join(", ")}.`,
        );
      }
    }
    const field = (key: string) => fields.find((f) => f.key === key);
    const text = (key: string, required: boolean): { value: string; node?: Node } | undefined => {
      const found = field(key);
      const value = found?.value?.node;
      if (!found) {
        if (required) fail(item.node, `a freeze of ${where} has no ${key}`);
        return undefined;
      }
      if (
        !isScalar(value) ||
        (typeof value.value !== "string" && typeof value.value !== "number") ||
        String(value.value).trim() === ""
      ) {
        return fail(
          value ?? (found.pair.key as Node),
          `${key} of a freeze of ${where} must be a non-empty value`,
        );
      }
      return { value: String(value.value).trim(), node: value };
    };
    const zone = text("timezone", false) ?? { value: "UTC" };
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone.value });
    } catch {
      fail(
        zone.node,
        `unknown time zone ${JSON.stringify(zone.value)} in a freeze of ${where}`,
        "Use an IANA zone name such as Europe/Berlin, America/New_York or UTC.",
      );
    }
    const reason = text("reason", true)!;
    const from = text("from", true)!;
    const to = text("to", true)!;
    const instant = (part: { value: string; node?: Node }, key: string, endOfDay: boolean) => {
      let ms = zonedInstant(part.value, zone.value);
      if (ms === undefined)
        fail(part.node, `${key} ${JSON.stringify(part.value)} of a freeze of ${where} is not a date`);
      // A date alone as `to` includes that day: "to: 2027-01-04" means back to work on the 5th.
      if (endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(part.value)) {
        const [y, m, d] = part.value.split("-").map(Number);
        ms = zonedInstant(new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10), zone.value)!;
      }
      return ms!;
    };
    const fromMs = instant(from, "from", false);
    const toMs = instant(to, "to", true);
    if (toMs <= fromMs)
      fail(to.node, `a freeze of ${where} ends (${to.value}) before it starts (${from.value})`);
    const rollbacks = field("allow-rollbacks");
    let allowRollbacks = true;
    if (rollbacks) {
      const value = rollbacks.value?.node;
      if (!isScalar(value) || typeof value.value !== "boolean") {
        fail(
          value ?? (rollbacks.pair.key as Node),
          `allow-rollbacks of a freeze of ${where} must be true or false`,
        );
      }
      allowRollbacks = (value as Scalar).value as boolean;
    }
    return {
      from: fromMs,
      to: toMs,
      fromText: from.value,
      toText: to.value,
      timezone: zone.value,
      reason: reason.value,
      allowRollbacks,
      line: positionOf(file, item.node.range?.[0] ?? 0).line,
    };
  });
}
