import { wallClock } from "./window.js";

/**
 * A date-range freeze of an environment (holidays, a launch, an audit): no promotion lands between `from` and `to`.
 * Rollbacks still do unless `allowRollbacks` is false: a freeze exists to keep production stable, and a rollback is
 * how it gets stable again.
 */
export interface Freeze {
  /** Milliseconds since the epoch; the freeze covers from <= now < to. */
  from: number;
  to: number;
  /** As written, for messages. */
  fromText: string;
  toText: string;
  timezone: string;
  reason: string;
  allowRollbacks: boolean;
  /** Line of the entry in the config file. */
  line?: number;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Offset of `zone` from UTC at instant `ms`, in milliseconds (positive east of Greenwich). */
function offsetAt(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `zone` names: `2026-12-24` (midnight) or `2026-12-24T18:00`. Undefined when
 * the text is not such a time or names a day that does not exist. A time skipped by a DST jump moves forward.
 */
export function zonedInstant(text: string, zone: string): number | undefined {
  const match = LOCAL.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((v) => (v === undefined ? undefined : Number(v))) as number[];
  if (month! < 1 || month! > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day! < 1 || day! > new Date(Date.UTC(year!, month!, 0)).getUTCDate()) return undefined;
  const wall = Date.UTC(year!, month! - 1, day!, hour, minute, second);
  // Two passes settle the offset on either side of a DST change.
  let guess = wall - offsetAt(wall, zone);
  guess = wall - offsetAt(guess, zone);
  return guess;
}

/** The freezes in force at `now`. */
export function activeFreezes(freezes: readonly Freeze[], now: Date): Freeze[] {
  const at = now.getTime();
  return freezes.filter((freeze) => freeze.from <= at && at < freeze.to);
}

/** "until 2027-01-04 00:00 Europe/Berlin (Year-end freeze)" for a reason or a summary. */
export function describeFreeze(freeze: Freeze): string {
  const end = wallClock(new Date(freeze.to), freeze.timezone);
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: freeze.timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date(freeze.to));
  return `frozen from ${freeze.fromText} until ${day} ${end.label.split(" ").slice(1).join(" ")}: ${freeze.reason}`;
}
