import { zoneNamed } from "../core/time";

/** Today in the spreadsheet's time zone, as "YYYY-MM-DD". */
export function spreadsheetToday(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, now: Date = new Date()): string {
  const wall = zoneNamed(spreadsheet.getSpreadsheetTimeZone()).toWall(now.getTime());
  return new Date(wall).toISOString().slice(0, 10);
}
