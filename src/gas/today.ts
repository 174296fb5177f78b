import { zoneNamed } from "../core/time";

/**
 * Where the add-on reads the current time. Apps Script has no other clock
 * than `new Date()`; local tools (the emulator, snapshots, the playground)
 * set `clock.now` to pretend another day, the way they set TODAY().
 */
export const clock = { now: (): Date => new Date() };

/** Today in the spreadsheet's time zone, as "YYYY-MM-DD". */
export function spreadsheetToday(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, now: Date = clock.now()): string {
  const wall = zoneNamed(spreadsheet.getSpreadsheetTimeZone()).toWall(now.getTime());
  return new Date(wall).toISOString().slice(0, 10);
}

/** A clock that reads a fixed day ("YYYY-MM-DD", noon UTC), for local tools. */
export function fixedDay(day: string): () => Date {
  return () => new Date(`${day}T12:00:00Z`);
}
