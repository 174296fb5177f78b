/**
 * Design decision 1: every native formula the workbook writes gives the same
 * number as its custom-function twin for the same inputs, evaluated in
 * HyperFormula (the emulator's engine).
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  closeRateFormula,
  cumulativeGoalFormula,
  customersNeededFormula,
  dailyTargetFormula,
  dealSizeFormula,
  leadsNeededFormula,
  holidayDayFormula,
  hoursSoFarFormula,
  marketingShareFormula,
  paceFormula,
  responseHoursFormula,
  revenueGoalFormula,
  weekendMask,
  type WorkTimeRefs,
} from "../../src/workbook/formulas";
import { createHyperFormula } from "../../playground/emulator/hyperformulaSetup";
import { zoneNamed } from "../../src/core/time";
import { call, testContext } from "../support/context";

// The emulator's engine: HyperFormula configured as Sheets evaluates (LET, which the working-hours formulas use, included).
const FLAGS = { beforeHandOff: "⚠", notADate: "⚠ not a date" };
const engine = createHyperFormula({ timeZone: "UTC", locale: "en_US" });
const sheet = engine.getSheetId(engine.addSheet("Twins")) as number;
afterAll(() => engine.destroy());

/** Puts inputs in A1, B1, … and evaluates a formula over them in the next free cell. */
function evaluate(inputs: readonly (number | string)[], formula: (refs: string[]) => string): unknown {
  const refs = inputs.map((_, index) => `${String.fromCharCode(65 + index)}1`);
  engine.setSheetContent(sheet, [[...inputs, `=${formula(refs)}`]]);
  return engine.getCellValue({ sheet, row: 0, col: inputs.length });
}

// Amounts and rates as people type them: cents up to ten million, deal sizes from 1,
// rates from 0.5 % in steps of 0.01 %. Far beyond these (a deal of 0.01 at a 0.1 %
// close rate is 10^11 leads) both engines only differ in their last digit of noise.
const money = fc.integer({ min: 0, max: 1e9 }).map((cents) => cents / 100);
const positive = fc.integer({ min: 100, max: 1e7 }).map((cents) => cents / 100);
const rate = fc.integer({ min: 50, max: 10000 }).map((basisPoints) => basisPoints / 10000);
/** Date serials (days since 1899-12-30) in 2020–2030, to the minute. */
const serial = fc.integer({ min: 43831 * 1440, max: 47484 * 1440 }).map((minutes) => minutes / 1440);

/** Equal to spreadsheet precision: HyperFormula, like Sheets, keeps about 15 significant digits. */
function closeTo(actual: unknown, expected: unknown): void {
  const tolerance = typeof expected === "number" ? 1e-9 * Math.max(1, Math.abs(expected)) : 0;
  // Thousands of cases call this; expect() runs only to report a difference.
  if (typeof actual === "number" && typeof expected === "number" && Math.abs(actual - expected) <= tolerance) return;
  expect(typeof actual).toBe("number");
  expect(typeof expected).toBe("number");
  expect(Math.abs((actual as number) - (expected as number))).toBeLessThanOrEqual(tolerance);
}

describe("native formulas and their custom-function twins", () => {
  it("agree on the guide's worked example: 100 leads", () => {
    expect(
      evaluate([5000, 1, 100, 0.5], ([q, s, d, c]) =>
        leadsNeededFormula(`(${customersNeededFormula(`(${revenueGoalFormula(q!, s!)})`, d!)})`, c!),
      ),
    ).toBe(100);
    expect(call("SLA_LEADS_NEEDED", [5000, 1, 100, 0.5])).toBe(100);
  });

  it("agree on revenue goal, customers needed and leads needed", () => {
    fc.assert(
      fc.property(money, rate, positive, rate, (q, s, d, c) => {
        closeTo(
          evaluate([q, s], ([a, b]) => revenueGoalFormula(a!, b!)),
          call("SLA_REVENUE_GOAL", [q, s]),
        );
        expect(evaluate([q, s, d], ([a, b, e]) => customersNeededFormula(`(${revenueGoalFormula(a!, b!)})`, e!))).toBe(
          call("SLA_CUSTOMERS_NEEDED", [q, s, d]),
        );
        const native = evaluate([q, s, d, c], ([a, b, e, f]) =>
          leadsNeededFormula(`(${customersNeededFormula(`(${revenueGoalFormula(a!, b!)})`, e!)})`, f!),
        );
        expect(native).toBe(call("SLA_LEADS_NEEDED", [q, s, d, c]));
      }),
      { numRuns: 400 },
    );
  });

  it("agree on the daily target, the cumulative goal and the pace", () => {
    fc.assert(
      fc.property(money, serial, fc.integer({ min: 0, max: 10000 }), (goal, date, actual) => {
        closeTo(
          evaluate([goal, date], ([g, t]) => dailyTargetFormula(g!, t!)),
          call("SLA_DAILY_TARGET", [goal, date]),
        );
        closeTo(
          evaluate([goal, date], ([g, t]) => cumulativeGoalFormula(g!, t!)),
          call("SLA_CUMULATIVE_GOAL", [goal, date]),
        );
        if (goal > 0.01)
          closeTo(
            evaluate([actual, goal, date], ([a, g, t]) => paceFormula(a!, g!, t!)),
            call("SLA_PACE", [actual, goal, date]),
          );
      }),
      { numRuns: 300 },
    );
  });

  it("agree on close rate, deal size and marketing share recalculated from actuals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        money,
        money,
        (leads, won, revenue, total) => {
          const customers = Math.min(won, leads);
          closeTo(
            evaluate([customers, leads], ([w, m]) => closeRateFormula(w!, m!)),
            call("SLA_CLOSE_RATE", [customers, leads]),
          );
          if (customers > 0)
            closeTo(
              evaluate([revenue, customers], ([v, w]) => dealSizeFormula(v!, w!)),
              call("SLA_DEAL_SIZE", [revenue, customers]),
            );
          if (total > 0) {
            const marketing = Math.min(revenue, total);
            closeTo(
              evaluate([marketing, total], ([t, all]) => marketingShareFormula(t!, all!)),
              call("SLA_MARKETING_SHARE", [marketing, total]),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("give blanks, not errors, before there are actuals", () => {
    expect(evaluate([0, 0], ([w, m]) => closeRateFormula(w!, m!))).toBe("");
    expect(evaluate([10, ""], ([t, all]) => marketingShareFormula(t!, all!))).toBe("");
  });

  describe("response hours", () => {
    const hours = "Mon-Fri 09:00-17:00";
    // Mask, start, end in G1:I1; holidays in J1:J3 (two holidays and a blank), the working days they take off in K1:K3.
    const holidays = [46380, 46381]; // 2026-12-24 and 2026-12-25
    const refs: WorkTimeRefs = { mask: "$G$1", dayStart: "$H$1", dayEnd: "$I$1", holidayDays: "$K$1:$K$3" };
    const holidayDays = (row: number): string =>
      `=${holidayDayFormula(`J${row}`, refs.mask, row > 1 ? `$K$1:$K$${row - 1}` : undefined)}`;
    function workCells(
      mask: string,
      start: string,
      end: string,
      days: readonly (number | string)[],
    ): (number | string)[][] {
      return [
        ["", "", "", "", "", "", `'${mask}`, start, end, days[0] ?? "", holidayDays(1)],
        ["", "", "", "", "", "", "", "", "", days[1] ?? "", holidayDays(2)],
        ["", "", "", "", "", "", "", "", "", days[2] ?? "", holidayDays(3)],
      ];
    }
    function responseNative(
      from: number,
      to: number,
      work: boolean,
      settings = workCells(weekendMask([1, 2, 3, 4, 5]), "=9/24", "=17/24", holidays),
    ): unknown {
      const cells = settings.map((line) => [...line]);
      const used = work ? refs : undefined;
      // C1 counts the working time itself; E1 reads it from D1, as the lead log's columns do.
      cells[0]!.splice(
        0,
        5,
        from,
        to,
        `=${responseHoursFormula("A1", "B1", used, FLAGS)}`,
        `=${hoursSoFarFormula("A1", "B1", used)}`,
        `=${responseHoursFormula("A1", "B1", used, FLAGS, "D1")}`,
      );
      engine.setSheetContent(sheet, cells);
      const direct = engine.getCellValue({ sheet, row: 0, col: 2 });
      const composed = engine.getCellValue({ sheet, row: 0, col: 4 });
      if (typeof direct === "number") closeTo(composed, direct);
      else expect(composed).toEqual(direct);
      return direct;
    }

    it("agree on elapsed and business hours, with holidays, for any hand-off and follow-up", () => {
      fc.assert(
        fc.property(serial, fc.integer({ min: 0, max: 21 * 1440 }), (from, minutes) => {
          const to = from + minutes / 1440;
          closeTo(responseNative(from, to, false), call("SLA_RESPONSE_HOURS", [from, to]));
          closeTo(
            responseNative(from, to, true),
            call("SLA_RESPONSE_HOURS", [from, to, hours, [[holidays[0]], [holidays[1]], [""]]]),
          );
        }),
        { numRuns: 500 },
      );
    });

    it("agree for any working week, working day and holidays (on weekends and listed twice too)", () => {
      const names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
      const clockText = (quarters: number): string =>
        `${String(Math.floor(quarters / 4)).padStart(2, "0")}:${String((quarters % 4) * 15).padStart(2, "0")}`;
      fc.assert(
        fc.property(
          serial,
          fc.integer({ min: 0, max: 40 * 1440 }),
          fc.integer({ min: 0, max: 6 }),
          fc.integer({ min: 0, max: 6 }),
          fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 2 }),
          fc.array(fc.integer({ min: -3, max: 45 }), { maxLength: 3 }),
          (from, minutes, firstDay, span, quarters, offsets) => {
            const to = from + minutes / 1440;
            const [start, end] = [...quarters].sort((x, y) => x - y) as [number, number];
            const days = Array.from({ length: span + 1 }, (_, index) => (firstDay + index) % 7);
            const spec = `${names[firstDay]}-${names[(firstDay + span) % 7]} ${clockText(start)}-${clockText(end)}`;
            // Holidays near the hand-off; a repeated offset lists a day twice.
            const listed = offsets.map((offset) => Math.floor(from) + offset);
            const settings = workCells(weekendMask(days), `=${start}/96`, `=${end}/96`, listed);
            closeTo(
              responseNative(from, to, true, settings),
              call("SLA_RESPONSE_HOURS", [from, to, spec, [0, 1, 2].map((index) => [listed[index] ?? ""])]),
            );
          },
        ),
        { numRuns: 500 },
      );
    });

    it("agree row by row when one ARRAYFORMULA fills a whole column", () => {
      const rows = fc.sample(fc.tuple(serial, fc.integer({ min: -2 * 1440, max: 21 * 1440 })), {
        numRuns: 300,
        seed: 42,
      });
      // Empty cells are null: HyperFormula keeps "" as a text cell, which would block the results.
      const cells: (number | string | null)[][] = workCells(
        weekendMask([1, 2, 3, 4, 5]),
        "=9/24",
        "=17/24",
        holidays,
      ).map((line) => line.map((cell) => (cell === "" ? null : cell)));
      rows.forEach(([from, minutes], index) => {
        // Some rows not handed off or not followed up yet, like a real log.
        const line = cells[index] ?? [];
        line[0] = index % 17 === 5 ? null : from;
        line[1] = index % 11 === 3 ? null : from + minutes / 1440;
        line[2] = null;
        cells[index] = line;
      });
      const last = rows.length;
      // As in the lead log: D holds the working hours so far, C the response hours read from D.
      cells.forEach((line) => {
        line[3] = null;
      });
      cells[0]![3] = `=${hoursSoFarFormula(`A1:A${last}`, `B1:B${last}`, refs)}`;
      cells[0]![2] = `=${responseHoursFormula(`A1:A${last}`, `B1:B${last}`, refs, FLAGS, `D1:D${last}`)}`;
      engine.setSheetContent(sheet, cells);
      rows.forEach(([from, minutes], index) => {
        const native = engine.getCellValue({ sheet, row: index, col: 2 });
        const handed = cells[index]![0];
        const followed = cells[index]![1];
        if (handed === null || followed === null) return expect(native).toBe("");
        if (minutes < 0) return expect(native).toBe("⚠");
        closeTo(
          native,
          call("SLA_RESPONSE_HOURS", [from, from + minutes / 1440, hours, [[holidays[0]], [holidays[1]], [""]]]),
        );
      });
    });

    it("give exactly the goal, or an exact multiple of it, across days, weekends, holidays and DST", () => {
      // Working weeks as the wizard writes them: working weekdays (0 = Sunday) and the working day in seconds.
      const schedules = [
        { spec: "Mon-Fri 09:00-17:00", days: [1, 2, 3, 4, 5], start: 9 * 3600, end: 17 * 3600 },
        { spec: "Mon-Sat 08:30-17:45", days: [1, 2, 3, 4, 5, 6], start: 8.5 * 3600, end: 17.75 * 3600 },
        { spec: "Sun-Thu 07:15-15:00", days: [0, 1, 2, 3, 4], start: 7.25 * 3600, end: 15 * 3600 },
        { spec: "Mon-Sun 06:00-22:00", days: [0, 1, 2, 3, 4, 5, 6], start: 6 * 3600, end: 22 * 3600 },
      ];
      // Days the clocks change in 2026-2027 (serials): Europe 29 Mar, 25 Oct, 28 Mar, 31 Oct; US 8 Mar, 1 Nov, 14 Mar, 7 Nov.
      const dstDays = {
        "Europe/Berlin": [46110, 46320, 46474, 46691],
        "America/New_York": [46089, 46327, 46460, 46698],
      } as const;
      const zones = Object.keys(dstDays) as (keyof typeof dstDays)[];
      const wallSerial = (day: number, second: number): number => (day * 86400 + second) / 86400;
      /** Where `seconds` of working time after (day, second) end: an oracle walking the calendar day by day. */
      function after(
        day: number,
        second: number,
        seconds: number,
        schedule: (typeof schedules)[number],
        off: ReadonlySet<number>,
      ): [number, number] {
        let left = seconds;
        for (let today = day, clock = second; ; today++, clock = 0) {
          if (!schedule.days.includes((today + 6) % 7) || off.has(today)) continue;
          const begin = Math.max(clock, schedule.start);
          const open = Math.max(0, schedule.end - begin);
          if (left <= open) return [today, begin + left];
          left -= open;
        }
      }
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: schedules.length - 1 }),
          fc.constantFrom(1, 2, 3, 4, 6, 8, 24),
          fc.integer({ min: 1, max: 5 }),
          fc.integer({ min: 0, max: zones.length - 1 }),
          fc.oneof(
            fc.integer({ min: 0, max: 3 }).map((index) => ({ dst: index, day: 0 })),
            serial.map((day) => ({ dst: -1, day: Math.floor(day) })),
          ),
          fc.integer({ min: -4, max: 2 }),
          fc.integer({ min: 0, max: 86399 }),
          fc.array(fc.integer({ min: -1, max: 20 }), { maxLength: 3 }),
          (which, goal, multiple, zoneIndex, near, shift, second, offsets) => {
            const schedule = schedules[which]!;
            const zone = zones[zoneIndex]!;
            const fromDay = (near.dst >= 0 ? dstDays[zone][near.dst]! : near.day) + shift;
            const listed = offsets.map((offset) => fromDay + offset);
            const [toDay, toSecond] = after(fromDay, second, multiple * goal * 3600, schedule, new Set(listed));
            const from = wallSerial(fromDay, second);
            const to = wallSerial(toDay, toSecond);
            const settings = workCells(
              weekendMask(schedule.days),
              `=${schedule.start}/86400`,
              `=${schedule.end}/86400`,
              listed,
            );
            expect(responseNative(from, to, true, settings)).toBe(multiple * goal);
            // The twin gets the dates as Sheets passes date cells of a spreadsheet in that zone: instants.
            const instant = (serialValue: number): Date =>
              new Date(zoneNamed(zone).toInstant(Math.round((serialValue - 25569) * 86400000)));
            const holidayCells = [0, 1, 2].map((index) => [listed[index] ?? ""]);
            expect(
              call("SLA_RESPONSE_HOURS", [instant(from), instant(to), schedule.spec, holidayCells], testContext(zone)),
            ).toBe(multiple * goal);
            // Elapsed time (no working hours) on the wall clock.
            const elapsedTo = wallSerial(fromDay, second + multiple * goal * 3600);
            expect(responseNative(from, elapsedTo, false)).toBe(multiple * goal);
            expect(call("SLA_RESPONSE_HOURS", [from, elapsedTo])).toBe(multiple * goal);
          },
        ),
        { numRuns: 400 },
      );
    });

    it("agree on the hand-picked cases: a weekend, a night, the Christmas holidays", () => {
      const at = (day: number, hour: number): number => day + hour / 24;
      const cases: [number, number, number][] = [
        [at(46360, 16), at(46363, 10), 2], // Fri 4 Dec 16:00 → Mon 7 Dec 10:00
        [at(46357, 22), at(46358, 9.75), 0.75], // night, then 45 minutes
        [at(46379, 16), at(46384, 10), 2], // Wed 23 Dec 16:00 → Mon 28 Dec 10:00 over Christmas
      ];
      for (const [from, to, expected] of cases) {
        closeTo(responseNative(from, to, true), expected);
        closeTo(call("SLA_RESPONSE_HOURS", [from, to, hours, [[holidays[0]], [holidays[1]]]]), expected);
      }
    });

    it("agree across a change of clocks: both count the wall clock, with no business hours and with only holidays", () => {
      // The workbook's date-times are wall-clock serials; the function reads the same serials in the spreadsheet's zone.
      const berlin = testContext("Europe/Berlin");
      const allWeek = workCells(weekendMask([0, 1, 2, 3, 4, 5, 6]), "=0/24", "=24/24", holidays);
      const changes = [46110, 46320]; // 2026-03-29 and 2026-10-25, Berlin's changes of clocks
      const nearChange = fc
        .tuple(
          fc.constantFrom(...changes),
          fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
          fc.integer({ min: 0, max: 4 * 1440 }),
        )
        .map(([day, offset, minutes]) => [day + offset / 1440, day + (offset + minutes) / 1440] as const)
        // 02:00–03:00 on the spring day is no time in Berlin: no cell can hold it.
        .filter(
          ([from, to]) =>
            ![from, to].some((time) => Math.floor(time) === changes[0] && time % 1 >= 2 / 24 && time % 1 < 3 / 24),
        );
      fc.assert(
        fc.property(nearChange, ([from, to]) => {
          const clock = (to - from) * 24;
          closeTo(responseNative(from, to, false), clock);
          closeTo(call("SLA_RESPONSE_HOURS", [from, to], berlin), clock);
          closeTo(responseNative(from, to, true, allWeek), clock);
          closeTo(call("SLA_RESPONSE_HOURS", [from, to, "", [[holidays[0]], [holidays[1]], [""]]], berlin), clock);
        }),
        { numRuns: 300 },
      );
      // Saturday 28 March 20:00 to Sunday 08:00: 11 hours pass, the clock shows 12, and both say 12.
      expect(call("SLA_RESPONSE_HOURS", [46109 + 20 / 24, 46110 + 8 / 24], berlin)).toBe(12);
    });

    it("flag a follow-up before its hand-off in both", () => {
      expect(responseNative(46360, 46359, true)).toBe("⚠");
      expect(call("SLA_RESPONSE_HOURS", [[[46360]], [[46359]]])).toEqual([
        ["SLA_RESPONSE_HOURS: first_follow_up is before handed_off"],
      ]);
    });
  });
});
