import { describe, expect, it } from "@jest/globals";
import { ALL_HOURS, createWorkCounter, parseBusinessHours } from "../../src/core/businessHours";
import { responseHours } from "../../src/core/followUp";
import { MS_PER_HOUR, dayNumber, zoneNamed } from "../../src/core/time";

const H = MS_PER_HOUR;
const at = (month: number, day: number, hour = 0, minute = 0): number => Date.UTC(2026, month - 1, day, hour, minute);
const officeHours = parseBusinessHours("Mon-Fri 09:00-17:00", "business_hours");
const office = createWorkCounter({ windows: officeHours, holidays: new Set() });
const hoursBetween = (from: number, to: number, counter = office): number => counter.workingMsBetween(from, to) / H;

describe("parseBusinessHours", () => {
  it("reads English and German day names, ranges that wrap, and several parts", () => {
    expect(parseBusinessHours("Mon-Fri 09:00-17:00", "x")[1]).toEqual([[9 * H, 17 * H]]);
    expect(parseBusinessHours("Mon-Fri 09:00-17:00", "x")[0]).toEqual([]);
    const german = parseBusinessHours("Mo-Do 8:30-17:00; Fr 8:30-14:00", "x");
    expect(german[4]).toEqual([[8.5 * H, 17 * H]]);
    expect(german[5]).toEqual([[8.5 * H, 14 * H]]);
    expect(german[6]).toEqual([]);
    const split = parseBusinessHours("Mon-Fri 9-12, 13-17", "x");
    expect(split[3]).toEqual([
      [9 * H, 12 * H],
      [13 * H, 17 * H],
    ]);
    const weekend = parseBusinessHours("Sat-Sun 10:00-14:00", "x");
    expect(weekend[6]).toEqual([[10 * H, 14 * H]]);
    expect(weekend[0]).toEqual([[10 * H, 14 * H]]);
    expect(parseBusinessHours("Mon–Fri 00:00–24:00", "x")[2]).toEqual([[0, 24 * H]]);
    expect(parseBusinessHours("24/7", "x")[0]).toEqual([[0, 24 * H]]);
  });

  it.each(["", "Mon-Fri", "9-17", "Mon-Fri 17:00-09:00", "Funday 9-17", "Mon-Fri 09:00-25:00", "Mon-Fri 9:75-17"])(
    "refuses %p naming the field",
    (spec) => {
      expect(() => parseBusinessHours(spec, "business_hours")).toThrow(
        expect.objectContaining({ field: "business_hours" }),
      );
    },
  );
});

describe("working time between two moments", () => {
  it("counts within one working day", () => {
    expect(hoursBetween(at(12, 1, 10), at(12, 1, 12, 30))).toBe(2.5); // Tuesday
  });

  it("skips the night and the weekend: Friday 16:00 to Monday 10:00 is 2 hours", () => {
    expect(hoursBetween(at(12, 4, 16), at(12, 7, 10))).toBe(2);
  });

  it("counts nothing for a hand-off and follow-up within one weekend", () => {
    expect(hoursBetween(at(12, 5, 10), at(12, 6, 18))).toBe(0);
  });

  it("starts the clock at opening time for a lead handed off at night", () => {
    expect(hoursBetween(at(12, 1, 22), at(12, 2, 9, 45))).toBe(0.75);
  });

  it("leaves out holidays", () => {
    const christmas = createWorkCounter({
      windows: officeHours,
      holidays: new Set([dayNumber(at(12, 24)), dayNumber(at(12, 25))]),
    });
    // Wednesday 23 Dec 16:00 → Monday 28 Dec 10:00: 1 h on the 23rd, Thu/Fri off, 1 h on Monday.
    expect(hoursBetween(at(12, 23, 16), at(12, 28, 10), christmas)).toBe(2);
  });

  it("jumps whole weeks on long spans and still agrees with day-by-day counting", () => {
    const holidays = new Set([dayNumber(at(3, 3)), dayNumber(at(4, 6)), dayNumber(at(4, 11))]);
    const counter = createWorkCounter({ windows: officeHours, holidays });
    let expected = 0;
    for (let day = dayNumber(at(2, 2)); day < dayNumber(at(6, 1)); day++) {
      const weekday = (day + 4) % 7;
      if (weekday >= 1 && weekday <= 5 && !holidays.has(day)) expected += 8;
    }
    expect(hoursBetween(at(2, 2), at(6, 1), counter)).toBe(expected);
  });
});

describe("responseHours", () => {
  const berlin = zoneNamed("Europe/Berlin");

  it("counts wall-clock hours without business hours, also across a change of clocks, as with only holidays", () => {
    // Saturday 28 March 2026 20:00 to Sunday 29 March 08:00 in Berlin: clocks spring forward, 11 real hours, 12 on the clock.
    const from = berlin.toInstant(at(3, 28, 20));
    const to = berlin.toInstant(at(3, 29, 8));
    const onlyHolidays = createWorkCounter({ windows: ALL_HOURS, holidays: new Set([dayNumber(at(12, 25))]) });
    expect(responseHours(from, to, berlin)).toBe(12);
    expect(responseHours(from, to, berlin, onlyHolidays)).toBe(12);
    // Autumn: 24 October 20:00 to 25 October 08:00 is 13 real hours, 12 on the clock.
    const autumn = [berlin.toInstant(at(10, 24, 20)), berlin.toInstant(at(10, 25, 8))] as const;
    expect(responseHours(...autumn, berlin)).toBe(12);
    expect(responseHours(...autumn, berlin, onlyHolidays)).toBe(12);
  });

  it("counts 0, not a negative time, for a follow-up in the hour clocks turn back that shows an earlier time", () => {
    // 25 October 2026, Berlin: 02:45 summer time, then 02:15 winter time, 30 minutes later.
    const handed = Date.UTC(2026, 9, 25, 0, 45);
    const followed = Date.UTC(2026, 9, 25, 1, 15);
    expect(responseHours(handed, followed, berlin)).toBe(0);
  });

  it("counts wall-clock working hours across a change of clocks: Friday 16:00 to Monday 10:00 stays 2 hours", () => {
    const from = berlin.toInstant(at(3, 27, 16));
    const to = berlin.toInstant(at(3, 30, 10));
    expect(responseHours(from, to, berlin, office)).toBe(2);
  });

  it("refuses a follow-up before its hand-off instead of a negative time", () => {
    expect(() => responseHours(at(12, 2), at(12, 1), berlin)).toThrow(
      expect.objectContaining({ problem: "beforeHandOff" }),
    );
  });
});
