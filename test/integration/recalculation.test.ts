/**
 * "Waiting" and "Overdue" must not go stale (issue 13, item 12): NOW() and
 * TODAY() recalculate only on edits unless the spreadsheet recalculates on a
 * timer, so a build sets it to every hour. The emulator records the setting.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { createEmulator } from "../../playground/emulator";
import { buildSla } from "../../src/gas/buildSla";
import { exampleInput, openSpreadsheet } from "./support";

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

function open(today = "2026-12-15") {
  const opened = openSpreadsheet(today);
  close = opened.done;
  return opened.emulator;
}

function build(): void {
  const result = buildSla(exampleInput("internal-en.json"));
  if (!result.ok) throw new Error(result.message);
}

describe("the spreadsheet's recalculation", () => {
  it("is every hour after the first build: one read and one write", () => {
    const emulator = open();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    expect(String(spreadsheet.getRecalculationInterval())).toBe("ON_CHANGE");
    emulator.calls.reset();
    build();
    expect(emulator.calls.byMethod["Spreadsheet.getRecalculationInterval"]).toBe(1);
    expect(emulator.calls.byMethod["Spreadsheet.setRecalculationInterval"]).toBe(1);
    expect(String(spreadsheet.getRecalculationInterval())).toBe("HOUR");
    expect(emulator.snapshot().recalculationInterval).toBe("HOUR");
  });

  it("costs a rebuild one read, and an interval of a minute a user chose stays", () => {
    const emulator = open();
    build();
    emulator.calls.reset();
    build();
    expect(emulator.calls.byMethod["Spreadsheet.getRecalculationInterval"]).toBe(1);
    expect(emulator.calls.byMethod["Spreadsheet.setRecalculationInterval"]).toBeUndefined();
    SpreadsheetApp.getActiveSpreadsheet().setRecalculationInterval(SpreadsheetApp.RecalculationInterval.MINUTE);
    build();
    expect(String(SpreadsheetApp.getActiveSpreadsheet().getRecalculationInterval())).toBe("MINUTE");
  });
});

describe("the emulator's recalculation interval", () => {
  it("is kept in the saved state, and a saved state without it reads as on change", () => {
    const emulator = createEmulator({ today: "2026-12-15" });
    const spreadsheet = emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    spreadsheet.setRecalculationInterval(emulator.globals.SpreadsheetApp.RecalculationInterval.HOUR);
    const state = emulator.toState();
    expect(state.spreadsheet.recalculationInterval).toBe("HOUR");
    expect(createEmulator({ state }).globals.SpreadsheetApp.getActiveSpreadsheet().getRecalculationInterval()).toBe(
      "HOUR",
    );
    const { recalculationInterval: _left, ...older } = state.spreadsheet;
    expect(
      createEmulator({ state: { ...state, spreadsheet: older } })
        .globals.SpreadsheetApp.getActiveSpreadsheet()
        .getRecalculationInterval(),
    ).toBe("ON_CHANGE");
    expect(() => spreadsheet.setRecalculationInterval("DAILY" as never)).toThrow(
      "Invalid recalculation interval: DAILY",
    );
  });
});
