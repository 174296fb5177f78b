import { createEmulator, type Emulator, type EmulatorOptions } from "../../playground/emulator";

export interface Workbook {
  emulator: Emulator;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
}

/** A fresh emulated spreadsheet (today fixed to 2026-12-01 unless given) and its first sheet. */
export function workbook(options: EmulatorOptions = {}): Workbook {
  const emulator = createEmulator({ today: "2026-12-01", ...options });
  const app = emulator.globals.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0]!;
  emulator.calls.reset();
  return { emulator, app, ss, sheet };
}

/** Writes a formula into a scratch cell and returns what getValue() gives. */
export function evaluate(sheet: GoogleAppsScript.Spreadsheet.Sheet, formula: string, cell = "Z1"): unknown {
  const range = sheet.getRange(cell);
  range.setFormula(formula);
  return range.getValue();
}

/** A `Date` for a wall-clock time in Europe/Berlin. */
export function berlin(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const offset = (ms: number) => {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone: "Europe/Berlin",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    }).formatToParts(new Date(ms));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute")) - ms;
  };
  return new Date(guess - offset(guess - offset(guess)));
}
