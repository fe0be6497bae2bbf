import { describe, expect, it } from "vitest";
import { UserError } from "../../src/errors.js";
import { anyWindowOpen, isWindowOpen, parseWindow } from "../../src/promote/window.js";

const at = (iso: string) => new Date(iso);

describe("parseWindow", () => {
  it("reads days, span and zone", () => {
    const window = parseWindow("Mon-Fri 09:00-17:00 Europe/Berlin");
    expect([...window.days].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(window).toMatchObject({ start: 540, end: 1020, zone: "Europe/Berlin" });
  });

  it("walks a range forward through the week, so Fri-Mon covers the weekend", () => {
    expect([...parseWindow("Fri-Mon 00:00-24:00 UTC").days].sort()).toEqual([0, 1, 5, 6]);
    expect([...parseWindow("Mon,Wed,Fri-Sat 10:00-11:00 UTC").days].sort()).toEqual([1, 3, 5, 6]);
    expect([...parseWindow("tuesday 10:00-11:00 UTC").days]).toEqual([2]);
  });

  it.each([
    ["Mon-Fri 09:00-17:00", /expected 3 fields.*found 2/],
    ["Mon-Fry 09:00-17:00 UTC", /unknown day "Fry"/],
    ["Mon- 09:00-17:00 UTC", /bad day range "Mon-"/],
    ["Mon-Fri 9-17 UTC", /bad time "9"/],
    ["Mon-Fri 09:00-25:00 UTC", /bad time "25:00"/],
    ["Mon-Fri 09:00-09:00 UTC", /span 09:00-09:00 is empty/],
    ["Mon-Fri 09:00 UTC", /bad time span "09:00"/],
    ["Mon-Fri 09:00-17:00 Europe/Berln", /unknown time zone "Europe\/Berln"/],
  ])("refuses %j with a clear message", (text, message) => {
    let error: unknown;
    try {
      parseWindow(text, { file: "gitops-pipeline.yaml", line: 7 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(message);
    expect((error as UserError).format()).toMatch(/^gitops-pipeline\.yaml:7: /);
    expect((error as UserError).hint).toBeTruthy();
  });
});

describe("isWindowOpen", () => {
  const berlin = parseWindow("Mon-Fri 09:00-17:00 Europe/Berlin");

  it.each([
    // Winter: Berlin is UTC+1.
    ["2026-11-23T07:59:00Z", false, "Mon 08:59 in Berlin"],
    ["2026-11-23T08:00:00Z", true, "Mon 09:00 in Berlin"],
    ["2026-11-23T15:59:00Z", true, "Mon 16:59 in Berlin"],
    ["2026-11-23T16:00:00Z", false, "Mon 17:00 in Berlin, the end is exclusive"],
    ["2026-11-21T10:00:00Z", false, "Saturday"],
    // Summer: Berlin is UTC+2, so 07:30Z is already 09:30 there.
    ["2026-07-06T07:30:00Z", true, "Mon 09:30 CEST"],
    ["2026-07-06T15:30:00Z", false, "Mon 17:30 CEST"],
    // The morning after the spring change (29 March 2026) is on summer time.
    ["2026-03-30T07:00:00Z", true, "Mon 09:00 CEST after the switch"],
    // New York Friday afternoon is already Saturday in Berlin.
    ["2026-11-27T23:30:00Z", false, "Sat 00:30 Berlin"],
  ])("at %s → %s (%s)", (iso, open) => {
    expect(isWindowOpen(berlin, at(iso))).toBe(open);
  });

  it("keeps an overnight span with the day it starts on", () => {
    const night = parseWindow("Fri 22:00-02:00 UTC");
    expect(isWindowOpen(night, at("2026-11-27T23:00:00Z"))).toBe(true); // Fri 23:00
    expect(isWindowOpen(night, at("2026-11-28T01:59:00Z"))).toBe(true); // Sat 01:59
    expect(isWindowOpen(night, at("2026-11-28T02:00:00Z"))).toBe(false);
    expect(isWindowOpen(night, at("2026-11-28T23:00:00Z"))).toBe(false); // Sat 23:00
    expect(isWindowOpen(night, at("2026-11-27T01:00:00Z"))).toBe(false); // Fri 01:00 belongs to Thursday
  });

  it("opens when any of several windows is open, and always when none is configured", () => {
    const windows = [berlin, parseWindow("Sat 10:00-12:00 America/New_York")];
    expect(anyWindowOpen(windows, at("2026-11-21T16:00:00Z"))).toBe(true); // Sat 11:00 New York
    expect(anyWindowOpen(windows, at("2026-11-21T18:00:00Z"))).toBe(false);
    expect(anyWindowOpen([], at("2026-11-21T18:00:00Z"))).toBe(true);
  });
});
