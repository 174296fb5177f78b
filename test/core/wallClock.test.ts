import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { wallClockReader } from "../../src/core/wallClock";

/** An independent reading: Intl's Swedish format is ISO-like, "2026-07-01 12:00:00". */
function swedish(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  })
    .format(new Date(instant))
    .replace(" ", "T");
}

const ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"];

describe("wallClockReader", () => {
  it("reads a zone's local date and time at whole seconds, across clock changes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, instant) => {
          const wall = wallClockReader(zone)(instant);
          expect(new Date(wall).toISOString().slice(0, 19)).toBe(swedish(instant, zone));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives Berlin's summer time and refuses an unknown zone", () => {
    expect(wallClockReader("Europe/Berlin")(Date.UTC(2026, 6, 1, 10, 0, 0, 999))).toBe(Date.UTC(2026, 6, 1, 12));
    expect(() => wallClockReader("Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
