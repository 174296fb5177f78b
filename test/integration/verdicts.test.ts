/**
 * The verdicts of a built workbook while a month runs and once it has ended
 * (issue 13, items 8–10), evaluated on the local Sheets emulator.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { buildSla } from "../../src/gas/buildSla";
import { exampleInput, ledgerA1, openSpreadsheet, typeLeads, value } from "./support";

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

function buildOn(today: string): void {
  const opened = openSpreadsheet(today);
  close = opened.done;
  const result = buildSla(exampleInput("internal-en.json"));
  if (!result.ok) throw new Error(result.message);
}

// December 2026 under Mon–Fri 09:00–17:00 and a 4-hour goal: one lead answered in an hour,
// one handed off on Thursday 10 December and still waiting (overdue by the 15th).
const LEADS = [
  [
    "Ada",
    "Contoso",
    "",
    "2026-12-14 09:00",
    "2026-12-14 10:00",
    "Kendra Miles",
    "2026-12-14 11:00",
    6,
    false,
    false,
    "",
    "",
  ],
  ["Ben", "Fabrikam", "", "2026-12-10 09:00", "2026-12-10 10:00", "Sam Ortiz", "", 6, false, false, "", ""],
];

describe("verdicts on the emulator", () => {
  it("count a lead waiting past the goal as outside it and show it as overdue now, the month still open", () => {
    buildOn("2026-12-15");
    typeLeads(LEADS);
    expect(value("Leads", "N3")).toBe("Overdue");
    // Share within goal: one of the answered and overdue leads, not one of one answered.
    expect(value("Follow-up", "I5")).toBe(0.5);
    expect(value("Follow-up", "N5")).toBe("open · at risk");
    expect(value("Follow-up", "O5")).toBe("open · on track");
    expect(value("Follow-up", "D3")).toBe("Leads overdue now");
    expect(value("Follow-up", "E3")).toBe(1);
    expect(value("Agreement", ledgerA1("E", 1))).toBe("open");
    // The month tab: 2 leads against 14 × 100 ÷ 31 = 45.2 so far.
    expect(value("2026-12", "B10")).toBe("Behind");
    expect(value("2026-12", "D10")).toBe(0.9);
  });

  it("say missed once the month has ended with a lead still overdue, in the ledger too", () => {
    buildOn("2027-01-05");
    typeLeads(LEADS);
    expect(value("Follow-up", "N5")).toBe("✗ missed");
    expect(value("Follow-up", "O5")).toBe("✓ met");
    expect(value("Agreement", ledgerA1("E", 1))).toBe("missed");
    expect(value("2026-12", "B10")).toBe("Goal missed");
  });
});
