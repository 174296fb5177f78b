/**
 * Start next month in the middle of a month (issue 13, item 11): it asks
 * first, recalculates from complete months only, and flags a recalculated
 * goal far from the agreed one, on the local Sheets emulator.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { loadDocumentState } from "../../src/gas/documentState";
import { messagesFor } from "../../src/gas/messages";
import { farFromAgreed, startNextMonth } from "../../src/gas/startNextMonth";
import { clock, fixedDay } from "../../src/gas/today";
import { exampleLeads, openBuiltSpreadsheet, sheet, typeLeads, value } from "./support";

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

const messages = messagesFor("en");

/** The example SLA (from December 2026) as built on `day`, with the example leads typed in, all handed off in December. */
function builtWithLeads(day: string, totalRevenue: number): void {
  const opened = openBuiltSpreadsheet(day);
  close = opened.done;
  typeLeads(exampleLeads());
  sheet("2026-12").getRange("F7").setValue(totalRevenue);
}

function sheetNames(): string[] {
  return SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .map((found) => found.getName());
}

describe("startNextMonth before the month has ended", () => {
  it("asks first and changes nothing; started early, it uses no incomplete month's actuals, then the last complete month's", () => {
    builtWithLeads("2026-12-20", 2000);
    const revision = loadDocumentState().state.revision;
    const asked = startNextMonth({ use: "recalculated" });
    expect(asked).toEqual({
      ok: false,
      reason: "monthRunning",
      message: messages.monthRunning("2026-12", "2027-01"),
      problems: [],
    });
    expect(sheetNames()).not.toContain("2027-01");
    expect(loadDocumentState().state.revision).toBe(revision);

    // Half of December is no base for January: with no complete month, every input stays as agreed.
    const started = startNextMonth({ use: "recalculated", early: true });
    expect(started).toEqual(expect.objectContaining({ ok: true, notes: [messages.noCompleteMonth] }));
    expect(value("2027-01", "B9")).toBe(100);
    expect(loadDocumentState().state.months.find((state) => state.month === "2027-01")?.inputs).toEqual({
      mode: "recalculated",
      from: "2026-12",
    });

    // December has ended and January runs: February, started early, takes December's actuals, not January's (none
    // yet).
    clock.now = fixedDay("2027-01-02");
    const december = sheet("2026-12")
      .getRange("F9:F11")
      .getValues()
      .map((row) => row[0]);
    const february = startNextMonth({ use: "recalculated", early: true });
    expect(value("2027-02", "B2")).toBe("recalculated from actuals (2026-12)");
    expect(value("2027-02", "B6") as number).toBeCloseTo(december[0] as number, 12);
    expect(value("2027-02", "B5") as number).toBeCloseTo(december[1] as number, 9);
    // A recalculated goal near the agreed one is left unflagged.
    const goal = value("2027-02", "B9") as number;
    expect(goal).toBeGreaterThanOrEqual(50);
    expect(goal).toBeLessThanOrEqual(200);
    expect(february).toEqual(expect.objectContaining({ ok: true, notes: [] }));
    expect(value("2027-02", "C9")).toBe("");
  });

  it("flags a recalculated goal less than half the agreed one, in the answer and on the month tab", () => {
    // A total revenue far above marketing's: the recalculated marketing share is tiny, and so is the goal.
    builtWithLeads("2026-12-20", 1_000_000);
    clock.now = fixedDay("2027-01-02");
    const result = startNextMonth({ use: "recalculated" });
    const goal = value("2027-01", "B9") as number;
    expect(goal).toBeLessThan(50);
    expect(result).toEqual(expect.objectContaining({ ok: true, notes: [messages.goalFarOff(goal, 100)] }));
    expect(messages.goalFarOff(goal, 100)).toContain("less than half the agreed 100");
    expect(value("2027-01", "C9")).toBe("⚠ far from the agreed 100");
  });
});

describe("a recalculated goal far from the agreed one", () => {
  it("is more than twice or less than half of it, and nothing for an agreed goal of 0", () => {
    expect([408, 201, 200, 100, 50, 49, 7].map((goal) => farFromAgreed(goal, 100))).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(farFromAgreed(5, 0)).toBe(false);
  });
});
