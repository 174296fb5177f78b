/** The add-on's real Apps Script code (src/gas) running against the emulator's globals. */
import { afterEach, describe, expect, it } from "@jest/globals";
import { createEmulator } from "../../playground/emulator";
import { sheetsCallContext } from "../../src/gas/callContext";

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
});
