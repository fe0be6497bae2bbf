import { type Location, UserError } from "../errors.js";

/**
 * A deployment window such as `Mon-Fri 09:00-17:00 Europe/Berlin`: the days and the wall-clock span in one IANA
 * zone. Wall-clock time is read in that zone at the moment of evaluation, so DST shifts move the window with the
 * clocks of the people who own it, which is what a team writing "09:00 Europe/Berlin" means.
 */
export interface DeploymentWindow {
  text: string;
  /** Days the window starts on, 0 = Sunday … 6 = Saturday. */
  days: ReadonlySet<number>;
  /** Minutes after local midnight; `end <= start` means the span runs past midnight into the next day. */
  start: number;
  end: number;
  zone: string;
}

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const FORMAT_HINT =
  'Write a window as "DAYS HH:MM-HH:MM ZONE", e.g. "Mon-Fri 09:00-17:00 Europe/Berlin"; DAYS is a day (Mon), a range ' +
  "(Mon-Fri, Fri-Mon wraps over the weekend) or a comma list of those; ZONE is an IANA time zone such as UTC.";

function dayIndex(name: string, window: string, where: Location): number {
  const index = DAY_NAMES.indexOf(name.slice(0, 3).toLowerCase() as (typeof DAY_NAMES)[number]);
  const full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
  if (index < 0 || !(name.length === 3 || name.toLowerCase() === full[index])) {
    throw new UserError(`deployment window ${JSON.stringify(window)}: unknown day ${JSON.stringify(name)}`, {
      ...where,
      hint: "Days are Mon, Tue, Wed, Thu, Fri, Sat, Sun (or their full English names).",
    });
  }
  return index;
}

function parseDays(spec: string, window: string, where: Location): Set<number> {
  const days = new Set<number>();
  for (const part of spec.split(",")) {
    const [first, last, extra] = part.split("-");
    if (!first || extra !== undefined || last === "") {
      throw new UserError(
        `deployment window ${JSON.stringify(window)}: bad day range ${JSON.stringify(part)}`,
        {
          ...where,
          hint: FORMAT_HINT,
        },
      );
    }
    const from = dayIndex(first, window, where);
    const to = last === undefined ? from : dayIndex(last, window, where);
    // A range walks forward through the week, so Fri-Mon is Fri, Sat, Sun, Mon.
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(day);
      if (day === to) break;
    }
  }
  return days;
}

function parseTime(text: string, window: string, where: Location): number {
  const match = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(text);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || minutes > 24 * 60) {
    throw new UserError(`deployment window ${JSON.stringify(window)}: bad time ${JSON.stringify(text)}`, {
      ...where,
      hint: "Times are 24-hour HH:MM, from 00:00 to 24:00.",
    });
  }
  return minutes;
}

/** Parses one window; `where` points errors at the config line that holds it. */
export function parseWindow(text: string, where: Location = {}): DeploymentWindow {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 3) {
    throw new UserError(
      `deployment window ${JSON.stringify(text)}: expected 3 fields (days, time span, time zone), found ${fields[0] === "" ? 0 : fields.length}`,
      { ...where, hint: FORMAT_HINT },
    );
  }
  const [daySpec, span, zone] = fields as [string, string, string];
  const days = parseDays(daySpec, text, where);
  const times = span.split("-");
  if (times.length !== 2) {
    throw new UserError(`deployment window ${JSON.stringify(text)}: bad time span ${JSON.stringify(span)}`, {
      ...where,
      hint: FORMAT_HINT,
    });
  }
  const start = parseTime(times[0]!, text, where);
  const end = parseTime(times[1]!, text, where);
  if (start === end) {
    throw new UserError(`deployment window ${JSON.stringify(text)}: the span ${span} is empty`, {
      ...where,
      hint: "Use 00:00-24:00 for a whole day.",
    });
  }
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    throw new UserError(
      `deployment window ${JSON.stringify(text)}: unknown time zone ${JSON.stringify(zone)}`,
      {
        ...where,
        hint: "Use an IANA zone name such as Europe/Berlin, America/New_York or UTC.",
      },
    );
  }
  return { text, days, start, end, zone };
}

/** Weekday (0 = Sunday) and minutes after midnight of `now` on the wall clocks of `zone`. */
export function wallClock(now: Date, zone: string): { day: number; minutes: number; label: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekday = part("weekday");
  const hour = Number(part("hour"));
  const minute = Number(part("minute"));
  return {
    day: DAY_NAMES.indexOf(weekday.toLowerCase() as (typeof DAY_NAMES)[number]),
    minutes: hour * 60 + minute,
    label: `${weekday} ${part("hour")}:${part("minute")} ${zone}`,
  };
}

export function isWindowOpen(window: DeploymentWindow, now: Date): boolean {
  const { day, minutes } = wallClock(now, window.zone);
  if (window.start < window.end) {
    return window.days.has(day) && minutes >= window.start && minutes < window.end;
  }
  // An overnight span belongs to the day it starts on: "Fri 22:00-02:00" includes Saturday 01:00.
  const yesterday = (day + 6) % 7;
  return (
    (window.days.has(day) && minutes >= window.start) || (window.days.has(yesterday) && minutes < window.end)
  );
}

/** Several windows are alternatives: the gate is inside when any one of them is open; none configured = always. */
export function anyWindowOpen(windows: readonly DeploymentWindow[], now: Date): boolean {
  return windows.length === 0 || windows.some((window) => isWindowOpen(window, now));
}
