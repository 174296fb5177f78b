/**
 * Dates as CRM exports write them, read into the spreadsheet's wall clock:
 * ISO (`2026-12-01`, `2026-12-01T09:52:00Z`), German (`01.12.2026 09:52`),
 * slashed (`12/01/2026 9:52 AM`, day or month first) and epoch milliseconds.
 * Slashed dates are read per column: a value whose first number is above 12
 * proves day first, one whose second number is, month first; a column no
 * value decides is for the user to decide, never guessed.
 *
 * The result is wall-clock text `YYYY-MM-DD HH:MM` (`:SS` when not zero):
 * that is what crosses to the server, which turns it into a date serial.
 */
import type { Zone } from "../core/time";

export type DayOrder = "dayFirst" | "monthFirst";

/** How a column of slashed dates reads: decided, for the user to decide, or not slashed at all. */
export type ColumnOrder =
  | { readonly kind: "decided"; readonly order: DayOrder }
  | { readonly kind: "ask"; readonly sample: string }
  | { readonly kind: "none" };

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const EPOCH_MS = /^\d{12,13}$/;
/** Epoch milliseconds from 2000-01-01 to 2100-01-01: a longer number is an ID, not a date. */
const EPOCH_RANGE = [946_684_800_000, 4_102_444_800_000] as const;
/** Wall-clock text as it crosses to the server. */
export const WALL_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Which order a column of slashed dates has: a value above 12 in the first
 * place proves day first, in the second month first.
 * @example columnOrder(["03/04/2026", "13/04/2026"]) // { kind: "decided", order: "dayFirst" }
 */
export function columnOrder(values: readonly string[]): ColumnOrder {
  let dayFirst = false;
  let monthFirst = false;
  let sample: string | undefined;
  for (const raw of values) {
    const match = SLASHED.exec(raw.trim());
    if (!match) continue;
    sample ??= raw.trim();
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12 && second <= 12) dayFirst = true;
    if (second > 12 && first <= 12) monthFirst = true;
  }
  if (sample === undefined) return { kind: "none" };
  // Values proving both orders leave it to the user too: the ones that don't fit are rejected, each with its row.
  if (dayFirst !== monthFirst) return { kind: "decided", order: dayFirst ? "dayFirst" : "monthFirst" };
  return { kind: "ask", sample };
}

export type DateReading = { readonly ok: true; readonly wall: string } | { readonly ok: false };

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** Wall-clock text of wall milliseconds (the clock reading written as if UTC). */
export function wallText(wall: number): string {
  const date = new Date(wall);
  const seconds = date.getUTCSeconds();
  const text = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return seconds === 0 ? text : `${text}:${pad(seconds)}`;
}

function fromParts(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59)
    return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return new Date(wall).getUTCDate() === day ? wall : undefined;
}

/**
 * Reads one date. Instants (epoch milliseconds, ISO with `Z` or an offset)
 * become the spreadsheet's wall clock in `zone`; the others are wall-clock
 * readings already. Slashed dates need the column's order.
 * @example readDate("01.12.2026 09:52", zone) // { ok: true, wall: "2026-12-01 09:52" }
 */
export function readDate(raw: string, zone: Zone, order?: DayOrder): DateReading {
  const text = raw.trim();
  const fail: DateReading = { ok: false };
  if (EPOCH_MS.test(text)) {
    const instant = Number(text);
    if (instant < EPOCH_RANGE[0] || instant >= EPOCH_RANGE[1]) return fail;
    return { ok: true, wall: wallText(zone.toWall(instant)) };
  }
  const iso = ISO.exec(text);
  if (iso) {
    const [year, month, day, hour, minute, second] = [iso[1], iso[2], iso[3], iso[4], iso[5], iso[6]].map((part) =>
      Number(part ?? 0),
    ) as [number, number, number, number, number, number];
    const wall = fromParts(year, month, day, hour, minute, second);
    if (wall === undefined) return fail;
    const offset = iso[7];
    if (!offset) return { ok: true, wall: wallText(wall) };
    const minutes =
      offset === "Z"
        ? 0
        : (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2)));
    return { ok: true, wall: wallText(zone.toWall(wall - minutes * 60_000)) };
  }
  const german = GERMAN.exec(text);
  if (german) {
    const wall = fromParts(
      Number(german[3]),
      Number(german[2]),
      Number(german[1]),
      Number(german[4] ?? 0),
      Number(german[5] ?? 0),
      Number(german[6] ?? 0),
    );
    return wall === undefined ? fail : { ok: true, wall: wallText(wall) };
  }
  const slashed = SLASHED.exec(text);
  if (slashed && order) {
    const first = Number(slashed[1]);
    const second = Number(slashed[2]);
    let hour = Number(slashed[4] ?? 0);
    const meridiem = slashed[7]?.toUpperCase();
    if (meridiem) {
      if (hour < 1 || hour > 12) return fail;
      hour = (hour % 12) + (meridiem === "PM" ? 12 : 0);
    }
    const [day, month] = order === "dayFirst" ? [first, second] : [second, first];
    const wall = fromParts(Number(slashed[3]), month, day, hour, Number(slashed[5] ?? 0), Number(slashed[6] ?? 0));
    return wall === undefined ? fail : { ok: true, wall: wallText(wall) };
  }
  return fail;
}

/** Wall-clock text back to its parts, for the server's check; undefined when it is not one. */
export function parseWallText(text: string): number | undefined {
  const match = WALL_TEXT.exec(text);
  if (!match) return undefined;
  return fromParts(
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
    Number(match[4]),
    Number(match[5]),
    Number(match[6] ?? 0),
  );
}
