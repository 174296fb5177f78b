/**
 * Verdicts people can trust while a month runs (issue 13, items 8–10): the
 * month tab's pace status and the Follow-up tab's speed and depth verdicts,
 * each formula evaluated in HyperFormula (the emulator's engine) on a fixed
 * day, against the rules of method §4 and §5 written out in TypeScript.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { createHyperFormula } from "../../playground/emulator/hyperformulaSetup";
import { depthVerdictFormula, speedVerdictFormula } from "../../src/workbook/followUp";
import { labelsFor } from "../../src/workbook/labels";
import { paceStatusFormula } from "../../src/workbook/month";

const engine = createHyperFormula({ timeZone: "UTC", locale: "en_US" });
const sheet = engine.getSheetId(engine.addSheet("Verdicts")) as number;
afterAll(() => engine.destroy());

/** Serial number of a date, as Sheets counts days (1899-12-30 is 0). */
function serial(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569;
}

/** Puts inputs in A1, B1, … and evaluates a formula over them in the next free cell. */
function evaluate(inputs: readonly (number | string)[], formula: (refs: string[]) => string): unknown {
  const refs = inputs.map((_, index) => `${String.fromCharCode(65 + index)}1`);
  engine.setSheetContent(sheet, [[...inputs, `=${formula(refs)}`]]);
  return engine.getCellValue({ sheet, row: 0, col: inputs.length });
}

const month = labelsFor("en").month;
const followUp = labelsFor("en").followUp;

/** The month tab's status for December 2026 (31 days, starting on the 1st) on `today`. */
function paceStatus(today: string, goal: number, delivered: number, tolerance = 0.9): unknown {
  return evaluate([serial("2026-12-01"), goal, delivered, tolerance, serial(today)], ([start, g, d, t, now]) =>
    paceStatusFormula({ start: start!, days: 31, goal: g!, delivered: d!, tolerance: t!, today: now! }, month),
  );
}

describe("the month tab's pace status (method §4)", () => {
  it("is at risk, not behind, at 48 of 48.4 leads (99 %)", () => {
    // On 16 December, 15 days have passed: 15 × 100 ÷ 31 = 48.4 leads.
    expect(paceStatus("2026-12-16", 100, 48)).toBe("At risk");
    expect(paceStatus("2026-12-16", 100, 49)).toBe("On track");
  });

  it("is behind below the tolerance, and the tolerance moves the line", () => {
    expect(paceStatus("2026-12-16", 100, 43)).toBe("Behind"); // 89 %
    expect(paceStatus("2026-12-16", 100, 44)).toBe("At risk"); // 91 %
    expect(paceStatus("2026-12-16", 100, 43, 0.8)).toBe("At risk");
    expect(paceStatus("2026-12-16", 100, 48, 1)).toBe("Behind");
  });

  it("gives no verdict before the first day has passed, nor before the month", () => {
    expect(paceStatus("2026-12-01", 100, 0)).toBe("Too early to tell");
    expect(paceStatus("2026-11-30", 100, 0)).toBe("Not started");
    expect(paceStatus("2026-12-02", 100, 0)).toBe("Behind");
  });

  it("says met or missed only once the month has ended", () => {
    // On the last day 30 of 31 days have passed: 96.8 leads.
    expect(paceStatus("2026-12-31", 100, 95)).toBe("At risk");
    expect(paceStatus("2027-01-01", 100, 99)).toBe("Goal missed");
    expect(paceStatus("2027-01-01", 100, 100)).toBe("Goal met");
    expect(paceStatus("2027-03-10", 0, 0)).toBe("Goal met");
  });

  it("follows the three bands for any goal, day, delivery and tolerance", () => {
    // The rule as the method states it, on the days that have passed.
    const expected = (day: number, goal: number, delivered: number, tolerance: number): string => {
      if (day === 1) return month.tooEarly;
      const goalToDate = ((day - 1) * goal) / 31;
      if (delivered >= goalToDate) return month.onTrack;
      return delivered >= tolerance * goalToDate ? month.atRisk : month.behind;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 1, max: 100 }),
        (day, goal, delivered, percent) => {
          const today = `2026-12-${String(day).padStart(2, "0")}`;
          expect(paceStatus(today, goal, delivered, percent / 100)).toBe(expected(day, goal, delivered, percent / 100));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** The Follow-up tab's verdicts for December 2026 on `today`. */
function speedVerdict(today: string, average: number | string, overdue: number): unknown {
  return evaluate([serial("2026-12-01"), average, overdue, 4, serial(today)], ([start, a, o, g, now]) =>
    speedVerdictFormula({ start: start!, average: a!, overdue: o!, goal: g!, today: now! }, followUp),
  );
}
function depthVerdict(today: string, depth: number | string): unknown {
  return evaluate([serial("2026-12-01"), depth, 6, serial(today)], ([start, d, g, now]) =>
    depthVerdictFormula({ start: start!, depth: d!, goal: g!, today: now! }, followUp),
  );
}

describe("the Follow-up tab's speed and depth verdicts (method §5)", () => {
  it("are open while the month runs, with on track or at risk from the figures so far", () => {
    expect(speedVerdict("2026-12-15", 9, 0)).toBe("open · at risk");
    expect(speedVerdict("2026-12-15", 2, 0)).toBe("open · on track");
    expect(speedVerdict("2026-12-15", "", 0)).toBe("open");
    expect(depthVerdict("2026-12-15", 2)).toBe("open · at risk");
    expect(depthVerdict("2026-12-15", 6)).toBe("open · on track");
    expect(depthVerdict("2026-12-15", "")).toBe("open");
  });

  it("are met or missed once the month has ended, blank without figures or before the month", () => {
    expect(speedVerdict("2027-01-01", 9, 0)).toBe("✗ missed");
    expect(speedVerdict("2027-01-01", 4, 0)).toBe("✓ met");
    expect(speedVerdict("2027-01-01", "", 0)).toBe("");
    expect(depthVerdict("2027-02-10", 5.9)).toBe("✗ missed");
    expect(depthVerdict("2027-02-10", 6)).toBe("✓ met");
    expect(depthVerdict("2027-02-10", "")).toBe("");
    expect(speedVerdict("2026-11-30", 2, 0)).toBe("");
    expect(depthVerdict("2026-11-30", 6)).toBe("");
  });

  it("count a lead waiting past the goal as outside it, however good the average", () => {
    expect(speedVerdict("2026-12-15", 1, 1)).toBe("open · at risk");
    expect(speedVerdict("2027-01-01", 1, 1)).toBe("✗ missed");
    // Nobody followed up yet, but a lead is overdue: at risk, not just open.
    expect(speedVerdict("2026-12-15", "", 2)).toBe("open · at risk");
    expect(speedVerdict("2027-01-01", "", 2)).toBe("✗ missed");
  });

  it("speak German in a German workbook", () => {
    const german = labelsFor("de").followUp;
    const result = evaluate([serial("2026-12-01"), 9, 0, 4, serial("2026-12-15")], ([start, a, o, g, now]) =>
      speedVerdictFormula({ start: start!, average: a!, overdue: o!, goal: g!, today: now! }, german),
    );
    expect(result).toBe("offen · gefährdet");
  });
});
