import { zoneNamed } from "../core/time";

/**
 * Where the add-on reads the current time. Apps Script has no other clock
 * than `new Date()`; local tools (the emulator, snapshots, the playground)
 * set `clock.now` to pretend another day, the way they set TODAY().
 */
export const clock = { now: (): Date => new Date() };

/** Today in the spreadsheet's time zone, as "YYYY-MM-DD". */
export function spreadsheetToday(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: Date = clock.now(),
): string {
  const wall = zoneNamed(spreadsheet.getSpreadsheetTimeZone()).toWall(now.getTime());
  return new Date(wall).toISOString().slice(0, 10);
}

/** Time zones run from UTC−12 to UTC+14: the spreadsheet's date is one of the days in that span around now. */
const EARLIEST_OFFSET_MS = -12 * 3_600_000;
const LATEST_OFFSET_MS = 14 * 3_600_000;

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Today in the spreadsheet's time zone, read only where it changes something:
 * `decides(day)` says what today decides (e.g. which month tabs a build
 * makes). When it decides the same on the earliest and the latest day it can
 * be anywhere on Earth, that day is answered and the zone is not asked: a
 * first build before the SLA starts spares the call.
 * @example todayWhereItMatters(spreadsheet, (day) => day.slice(0, 7)) // "2026-11-28" on 28 November at noon UTC, without a call
 */
export function todayWhereItMatters(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  decides: (day: string) => string,
  now: Date = clock.now(),
): string {
  const earliest = utcDay(now.getTime() + EARLIEST_OFFSET_MS);
  const latest = utcDay(now.getTime() + LATEST_OFFSET_MS);
  return decides(earliest) === decides(latest) ? earliest : spreadsheetToday(spreadsheet, now);
}

/** A clock that reads a fixed day ("YYYY-MM-DD", noon UTC), for local tools. */
export function fixedDay(day: string): () => Date {
  return () => new Date(`${day}T12:00:00Z`);
}
