/** The add-on's real Apps Script code (src/gas) running against the emulator's globals. */
import { afterEach, describe, expect, it } from "@jest/globals";
import { createEmulator } from "../../playground/emulator";
import { sheetsCallContext } from "../../src/gas/callContext";
import { todayWhereItMatters } from "../../src/gas/today";

let uninstall: (() => void) | undefined;

afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe("src/gas on the emulator", () => {
  it("custom functions learn the spreadsheet's zone and the user's language, lazily", () => {
    const emulator = createEmulator({ timeZone: "America/New_York", locale: "de_DE" });
    uninstall = emulator.install();
    const context = sheetsCallContext();
    expect(emulator.calls.total).toBe(0);
    expect(context.zone().name).toBe("America/New_York");
    expect(context.language()).toBe("de");
    context.zone();
    expect(emulator.calls.byMethod).toEqual({
      "SpreadsheetApp.getActiveSpreadsheet": 1,
      "Spreadsheet.getSpreadsheetTimeZone": 1,
      "Session.getActiveUserLocale": 1,
    });
    expect(emulator.calls.documentCalls).toBe(2);
  });

  it("today's date asks the spreadsheet's zone only when the zone could change what today decides", () => {
    const emulator = createEmulator({ timeZone: "Pacific/Kiritimati" });
    uninstall = emulator.install();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const month = (day: string): string => day.slice(0, 7);
    // Mid-month at noon UTC: the same month everywhere on Earth, no call.
    expect(todayWhereItMatters(spreadsheet, month, new Date("2026-11-15T12:00:00Z"))).toBe("2026-11-15");
    expect(emulator.calls.byMethod["Spreadsheet.getSpreadsheetTimeZone"]).toBeUndefined();
    // 30 November 20:00 UTC is already 1 December in Kiritimati (UTC+14): the zone decides, and is asked.
    expect(todayWhereItMatters(spreadsheet, month, new Date("2026-11-30T20:00:00Z"))).toBe("2026-12-01");
    expect(emulator.calls.byMethod["Spreadsheet.getSpreadsheetTimeZone"]).toBe(1);
    // What today decides, not the date itself: a day-level decision near midnight asks too.
    expect(todayWhereItMatters(spreadsheet, (day) => day, new Date("2026-11-15T12:00:00Z"))).toBe("2026-11-16");
    expect(emulator.calls.byMethod["Spreadsheet.getSpreadsheetTimeZone"]).toBe(2);
  });
});
