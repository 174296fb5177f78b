/**
 * Reads the wall clock of an IANA time zone through Intl: the one place the
 * add-on (src/core/time.ts), the Sheets emulator, the playground server and the
 * benchmarks ask Intl for a zone's local time. Each builds its own offsets and
 * conversions on this reading, so the emulator and the benchmarks still check
 * the add-on's conversions rather than repeat them.
 */

/** The local date and time at an instant, as milliseconds written as if UTC (whole seconds). */
export type WallClockReader = (instant: number) => number;

const readers = new Map<string, WallClockReader>();

/**
 * The reader of a zone's wall clock. Throws a RangeError for a zone Intl does not know.
 * @example new Date(wallClockReader("Europe/Berlin")(Date.UTC(2026, 6, 1, 10))).toISOString() // "2026-07-01T12:00:00.000Z"
 */
export function wallClockReader(timeZone: string): WallClockReader {
  const cached = readers.get(timeZone);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const reader: WallClockReader = (instant) => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(instant)))
      if (part.type !== "literal") parts[part.type] = Number(part.value);
    return Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      (parts.hour ?? 0) % 24,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
  };
  readers.set(timeZone, reader);
  return reader;
}
