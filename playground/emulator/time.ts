/**
 * Date serials as Sheets stores them: days since 1899-12-30 on the
 * spreadsheet's wall clock, with no offset. Converting to and from JS `Date`
 * goes through the spreadsheet's time zone, as Apps Script does.
 */
import { wallClockReader } from "../../src/core/wallClock";

export const MS_PER_DAY = 86_400_000;
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

export function wallClockToSerial(w: WallClock): number {
  const ms = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (ms - SERIAL_EPOCH) / MS_PER_DAY;
}

export function serialToWallClock(serial: number): WallClock {
  // Round to the millisecond: serials are binary fractions of a day.
  const d = new Date(SERIAL_EPOCH + Math.round(serial * MS_PER_DAY));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

export function isValidTimeZone(zone: string): boolean {
  try {
    wallClockReader(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offsets change only at quarter-hour boundaries (every zone since the
 * 1970s), so one Intl lookup per zone and quarter hour serves every instant
 * in it; a lookup per instant would be most of the time of writing 20,000 dated rows.
 */
const QUARTER_HOUR = 15 * 60_000;
const offsetCaches = new Map<string, Map<number, number>>();

function offsetAt(ms: number, zone: string): number {
  let cache = offsetCaches.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(zone, cache);
  }
  const bucket = Math.floor(ms / QUARTER_HOUR);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR;
    offset = wallClockReader(zone)(start) - start;
    if (cache.size > 100_000) cache.clear();
    cache.set(bucket, offset);
  }
  return offset;
}

export function instantToWallClock(ms: number, zone: string): WallClock {
  const d = new Date(ms + offsetAt(ms, zone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** The instant a wall-clock time names in a zone; a time skipped by a DST jump resolves to the later offset. */
export function wallClockToInstant(w: WallClock, zone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  const first = asUtc - offsetAt(asUtc, zone);
  const second = asUtc - offsetAt(first, zone);
  return second;
}

export function dateToSerial(date: Date, zone: string): number {
  return wallClockToSerial(instantToWallClock(date.getTime(), zone));
}

export function serialToDate(serial: number, zone: string): Date {
  return new Date(wallClockToInstant(serialToWallClock(serial), zone));
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** "2026-12-01" for a whole day, else "2026-12-01T14:30:00" (wall clock, no offset). */
export function serialToIso(serial: number): string {
  const w = serialToWallClock(serial);
  const date = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  if (w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0) return date;
  return `${date}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** The current wall clock in a zone, or a fixed "YYYY-MM-DD[THH:MM[:SS]]" for deterministic TODAY()/NOW(). */
export function currentSerial(zone: string, fixed?: string): number {
  if (fixed !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(fixed);
    if (!m) throw new Error(`today must look like "2026-12-01" or "2026-12-01T14:30", not "${fixed}"`);
    return wallClockToSerial({
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      millisecond: 0,
    });
  }
  return wallClockToSerial({ ...instantToWallClock(Date.now(), zone), millisecond: 0 });
}

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
