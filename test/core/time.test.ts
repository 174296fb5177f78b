import { describe, expect, it } from "@jest/globals";
import { SlaInputError } from "../../src/core/problems";
import {
  dayOfMonth,
  daysInMonthOf,
  parseWallDate,
  serialToWall,
  wallToSerial,
  weekdayOfDay,
  zoneNamed,
  dayNumber,
} from "../../src/core/time";

const berlin = zoneNamed("Europe/Berlin");
const newYork = zoneNamed("America/New_York");

describe("zones", () => {
  it("reads wall-clock time in the spreadsheet's zone, summer and winter", () => {
    expect(berlin.toWall(Date.UTC(2026, 0, 15, 12))).toBe(Date.UTC(2026, 0, 15, 13));
    expect(berlin.toWall(Date.UTC(2026, 6, 15, 12))).toBe(Date.UTC(2026, 6, 15, 14));
    expect(newYork.toWall(Date.UTC(2026, 6, 15, 12))).toBe(Date.UTC(2026, 6, 15, 8));
  });

  it("round-trips wall times on both sides of a change of clocks", () => {
    // Berlin springs forward on 2026-03-29 at 02:00 and falls back on 2026-10-25 at 03:00.
    for (const wall of [
      Date.UTC(2026, 2, 29, 1, 30),
      Date.UTC(2026, 2, 29, 3, 30),
      Date.UTC(2026, 9, 25, 1),
      Date.UTC(2026, 9, 25, 4),
    ]) {
      expect(berlin.toWall(berlin.toInstant(wall))).toBe(wall);
    }
  });

  it("falls back to a working zone for an unknown zone name instead of failing", () => {
    const zone = zoneNamed("Not/AZone");
    expect(Number.isFinite(zone.toWall(Date.UTC(2026, 0, 1)))).toBe(true);
  });
});

describe("calendar helpers", () => {
  it("knows month lengths including leap years", () => {
    expect(daysInMonthOf(Date.UTC(2026, 1, 10))).toBe(28);
    expect(daysInMonthOf(Date.UTC(2028, 1, 10))).toBe(29);
    expect(daysInMonthOf(Date.UTC(2026, 11, 31, 23, 59))).toBe(31);
    expect(daysInMonthOf(Date.UTC(2026, 3, 1))).toBe(30);
    expect(dayOfMonth(Date.UTC(2026, 3, 17, 22))).toBe(17);
  });

  it("counts weekdays from the epoch (1970-01-01 was a Thursday)", () => {
    expect(weekdayOfDay(0)).toBe(4);
    expect(weekdayOfDay(dayNumber(Date.UTC(2026, 10, 28)))).toBe(6); // a Saturday
    expect(weekdayOfDay(-1)).toBe(3);
  });

  it("converts Sheets date serials both ways", () => {
    expect(serialToWall(46357)).toBe(Date.UTC(2026, 11, 1));
    expect(serialToWall(46357.5)).toBe(Date.UTC(2026, 11, 1, 12));
    expect(wallToSerial(Date.UTC(2026, 11, 1))).toBe(46357);
  });
});

describe("parseWallDate", () => {
  it("accepts Date objects in the spreadsheet's zone", () => {
    const midnightInBerlin = new Date(Date.UTC(2026, 11, 31, 23)); // 2027-01-01 00:00 in Berlin
    expect(parseWallDate(midnightInBerlin, berlin, "date")).toBe(Date.UTC(2027, 0, 1));
  });

  it.each([
    ["2026-12-01", Date.UTC(2026, 11, 1)],
    ["2026-12-01 14:30", Date.UTC(2026, 11, 1, 14, 30)],
    ["2026-12-01T14:30:15", Date.UTC(2026, 11, 1, 14, 30, 15)],
    ["01.12.2026", Date.UTC(2026, 11, 1)],
    ["1.12.2026 9:05", Date.UTC(2026, 11, 1, 9, 5)],
    [46357, Date.UTC(2026, 11, 1)],
  ])("reads %p", (input, expected) => {
    expect(parseWallDate(input, berlin, "date")).toBe(expected);
  });

  it.each(["12/1/2026", "2026-02-30", "31.04.2026", "tomorrow", "2026-13-01", true, -5, 1e12])(
    "refuses %p with notDate",
    (input) => {
      expect(() => parseWallDate(input, berlin, "created")).toThrow(SlaInputError);
      try {
        parseWallDate(input, berlin, "created");
      } catch (error) {
        expect((error as SlaInputError).field).toBe("created");
        expect((error as SlaInputError).problem).toBe("notDate");
      }
    },
  );

  it("calls a blank date missing", () => {
    expect(() => parseWallDate("", berlin, "created")).toThrow(expect.objectContaining({ problem: "required" }));
  });
});

describe("offsets measured per day", () => {
  it("switch at the exact minute the clocks change", () => {
    // Berlin: 2026-03-29 01:00 UTC summer time starts; 2026-10-25 01:00 UTC it ends.
    const spring = Date.UTC(2026, 2, 29, 1);
    expect(berlin.offsetAt(spring - 1)).toBe(3_600_000);
    expect(berlin.offsetAt(spring)).toBe(7_200_000);
    const autumn = Date.UTC(2026, 9, 25, 1);
    expect(berlin.offsetAt(autumn - 60_000)).toBe(7_200_000);
    expect(berlin.offsetAt(autumn)).toBe(3_600_000);
  });

  it("agree with Intl on every hour of a year in a zone with half-hour changes", () => {
    const lordHowe = zoneNamed("Australia/Lord_Howe");
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone: "Australia/Lord_Howe",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 3_600_000 + 17 * 60_000) {
      const parts = Object.fromEntries(
        format.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]),
      );
      const wall = Date.UTC(
        parts.year ?? 0,
        (parts.month ?? 1) - 1,
        parts.day ?? 1,
        parts.hour ?? 0,
        parts.minute ?? 0,
      );
      expect(lordHowe.toWall(instant) - (instant % 60_000)).toBe(wall);
    }
  });
});
