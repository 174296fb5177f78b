import { SlaInputError } from "./problems";
import { wallClockReader } from "./wallClock";

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
/** Days from Sheets' day zero (1899-12-30) to the Unix epoch. */
const SERIAL_EPOCH_OFFSET_DAYS = 25_569;

/**
 * A time zone as the spreadsheet sees it. "Wall" milliseconds are the local
 * clock reading written as if it were UTC, so calendar maths can use the
 * `getUTC*` methods without caring which zone the script itself runs in.
 */
export interface Zone {
  readonly name: string;
  /** Milliseconds to add to an instant to get its wall-clock reading. */
  offsetAt(instant: number): number;
  toWall(instant: number): number;
  toInstant(wall: number): number;
}

const zoneCache = new Map<string, Zone>();
const UTC_NAMES = new Set(["UTC", "Etc/UTC", "GMT", "Etc/GMT", "Z"]);

/**
 * The zone called `name` (IANA, e.g. `Europe/Berlin`). Falls back to the
 * runtime's own zone when Intl does not know it, so a date is never lost.
 *
 * @example zoneNamed("Europe/Berlin").toWall(Date.UTC(2026, 6, 1, 10)) // 2026-07-01 12:00 as wall ms
 */
export function zoneNamed(name: string): Zone {
  const cached = zoneCache.get(name);
  if (cached) return cached;
  const zone = makeZone(name);
  zoneCache.set(name, zone);
  return zone;
}

/** What one UTC day looks like in a zone: its offset, and where it changes if clocks move that day. */
interface DayOffsets {
  readonly before: number;
  readonly after: number;
  readonly changeAt: number;
}

function makeZone(name: string): Zone {
  if (UTC_NAMES.has(name)) {
    return { name, offsetAt: () => 0, toWall: (instant) => instant, toInstant: (wall) => wall };
  }
  const measure = intlOffset(name) ?? ((instant: number) => -new Date(instant).getTimezoneOffset() * MS_PER_MINUTE);
  // Asking Intl is slow (microseconds), and a call may see thousands of dates, so
  // offsets are measured once per UTC day; a day whose ends differ is searched
  // for the minute the clocks change.
  const days = new Map<number, DayOffsets>();
  const dayOffsets = (day: number): DayOffsets => {
    let found = days.get(day);
    if (found) return found;
    const start = day * MS_PER_DAY;
    const before = measure(start);
    const after = measure(start + MS_PER_DAY);
    let changeAt = start + MS_PER_DAY;
    if (before !== after) {
      let low = start;
      let high = start + MS_PER_DAY;
      while (high - low > MS_PER_MINUTE) {
        const middle = low + Math.floor((high - low) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
        if (measure(middle) === before) low = middle;
        else high = middle;
      }
      changeAt = high;
    }
    if (days.size > 50_000) days.clear();
    found = { before, after, changeAt };
    days.set(day, found);
    return found;
  };
  const offsetAt = (instant: number): number => {
    const day = dayOffsets(Math.floor(instant / MS_PER_DAY));
    return instant < day.changeAt ? day.before : day.after;
  };
  return {
    name,
    offsetAt,
    toWall: (instant) => instant + offsetAt(instant),
    // Two passes find the offset in force at that wall time, also next to a change of offset.
    toInstant: (wall) => wall - offsetAt(wall - offsetAt(wall)),
  };
}

function intlOffset(name: string): ((instant: number) => number) | undefined {
  try {
    const read = wallClockReader(name);
    return (instant: number) => read(instant) - (instant - (instant % 1000));
  } catch {
    return undefined;
  }
}

/** The whole day a wall time falls on, counted from 1970-01-01. */
export function dayNumber(wall: number): number {
  return Math.floor(wall / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday, as in `Date.getDay()`. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * Days in the month of a wall time.
 * @example daysInMonthOf(Date.UTC(2028, 1, 10)) // 29
 */
export function daysInMonthOf(wall: number): number {
  const date = new Date(wall);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
}

/** Day of the month (1..31) of a wall time. */
export function dayOfMonth(wall: number): number {
  return new Date(wall).getUTCDate();
}

/** Wall time of a Sheets date serial (days since 1899-12-30, fraction = time of day). */
export function serialToWall(serial: number): number {
  return Math.round((serial - SERIAL_EPOCH_OFFSET_DAYS) * MS_PER_DAY);
}

/** Sheets date serial of a wall time. */
export function wallToSerial(wall: number): number {
  return wall / MS_PER_DAY + SERIAL_EPOCH_OFFSET_DAYS;
}

/**
 * Whether a value is a `Date`, also one made in another realm (Sheets builds
 * argument dates outside the script, where `instanceof Date` can be false).
 * @example isDate(new Date()) // true
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

// Sheets' first and last serial dates that make sense for an SLA: 1900-01-01 to 9999-12-31.
const MIN_SERIAL = 2;
const MAX_SERIAL = 2_958_465;

/**
 * Reads a date as a wall time. Accepts a `Date` (Sheets passes date cells so,
 * as an instant in the spreadsheet's zone), a date serial number, or text in
 * ISO (`2026-12-01`, `2026-12-01 14:30`) or German (`01.12.2026 14:30`) form.
 * Other text such as `12/1/2026` is refused: month and day order differ by country.
 *
 * @example parseWallDate("01.12.2026 14:30", zone, "created") // Date.UTC(2026, 11, 1, 14, 30)
 */
export function parseWallDate(value: unknown, zone: Zone, field: string): number {
  if (isDate(value)) {
    const instant = value.getTime();
    if (Number.isNaN(instant)) throw new SlaInputError("notDate", field, value);
    return zone.toWall(instant);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < MIN_SERIAL || value > MAX_SERIAL)
      throw new SlaInputError("notDate", field, value);
    return serialToWall(value);
  }
  if (typeof value === "string") {
    const wall = parseDateText(value.trim());
    if (wall !== undefined) return wall;
  }
  if (value === "" || value === undefined || value === null) throw new SlaInputError("required", field, value);
  throw new SlaInputError("notDate", field, value);
}

function parseDateText(text: string): number | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  const parts = iso
    ? [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]]
    : german
      ? [german[3], german[2], german[1], german[4], german[5], german[6]]
      : undefined;
  if (!parts) return undefined;
  const [year, month, day, hour, minute, second] = parts.map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return new Date(wall).getUTCDate() === day ? wall : undefined;
}
