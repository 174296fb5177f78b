import { SlaInputError } from "./problems";
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE, dayNumber, weekdayOfDay } from "./time";

/**
 * Working time per weekday (0 = Sunday … 6 = Saturday) as [start, end) windows
 * in milliseconds after midnight, plus days off. Counting happens on the wall
 * clock: a 09:00–17:00 day is 8 working hours even on the day clocks change.
 */
export interface WorkSchedule {
  readonly windows: readonly (readonly (readonly [number, number])[])[];
  /** Day numbers (days since 1970-01-01 on the wall clock) that are holidays. */
  readonly holidays: ReadonlySet<number>;
}

/** Day names people type, English and German; a Map, so a name such as "constructor" is no day. */
const DAY_NAMES: ReadonlyMap<string, number> = new Map(
  Object.entries({
    sun: 0,
    sunday: 0,
    so: 0,
    son: 0,
    sonntag: 0,
    mon: 1,
    monday: 1,
    mo: 1,
    montag: 1,
    tue: 2,
    tues: 2,
    tuesday: 2,
    tu: 2,
    di: 2,
    dienstag: 2,
    wed: 3,
    wednesday: 3,
    we: 3,
    mi: 3,
    mittwoch: 3,
    thu: 4,
    thur: 4,
    thurs: 4,
    thursday: 4,
    th: 4,
    do: 4,
    donnerstag: 4,
    fri: 5,
    friday: 5,
    fr: 5,
    freitag: 5,
    sat: 6,
    saturday: 6,
    sa: 6,
    samstag: 6,
  }),
);

/** Every hour of every day: used when only holidays are given. */
export const ALL_HOURS: readonly (readonly [number, number])[][] = Array.from({ length: 7 }, () => [
  [0, MS_PER_DAY] as const,
]);

/**
 * Parses working hours such as `"Mon-Fri 09:00-17:00"`,
 * `"Mo-Do 8:30-17:00; Fr 8:30-14:00"` or `"Mon-Fri 9-12, 13-17"`.
 * Day ranges may wrap (`"Sat-Sun"`, `"Fri-Mon"`); `24:00` ends a day.
 *
 * @example parseBusinessHours("Mon-Fri 09:00-17:00", "business_hours").windows[1] // [[32400000, 61200000]]
 */
export function parseBusinessHours(spec: string, field: string): (readonly [number, number])[][] {
  const windows: [number, number][][] = Array.from({ length: 7 }, () => []);
  const text = spec.trim().toLowerCase().replace(/[–—]/g, "-");
  if (text === "") throw new SlaInputError("required", field, spec);
  if (text === "24/7") return ALL_HOURS.map((day) => [...day]);
  let days: number[] = [];
  let sawHours = false;
  for (const part of text.split(/[;,]/)) {
    const match =
      /^\s*(?:([a-zä]+)\.?(?:\s*-\s*([a-zä]+)\.?)?\s+)?(\d{1,2})(?::(\d{2}))?\s*(?:uhr\s*)?-\s*(\d{1,2})(?::(\d{2}))?\s*(?:uhr)?\s*$/.exec(
        part,
      );
    if (!match) throw new SlaInputError("businessHours", field, spec);
    const [, from, to, startHour, startMinute, endHour, endMinute] = match;
    if (from !== undefined) days = dayRange(from, to ?? from, spec, field);
    // Later parts without days ("Mon-Fri 9-12, 13-17") reuse the days named before.
    if (days.length === 0) throw new SlaInputError("businessHours", field, spec);
    const start = clock(startHour, startMinute, spec, field);
    const end = clock(endHour, endMinute, spec, field);
    if (end <= start) throw new SlaInputError("businessHours", field, spec);
    for (const day of days) windows[day]?.push([start, end]);
    sawHours = true;
  }
  if (!sawHours) throw new SlaInputError("businessHours", field, spec);
  return windows.map(mergeWindows);
}

function dayRange(from: string, to: string, spec: string, field: string): number[] {
  const first = DAY_NAMES.get(from);
  const last = DAY_NAMES.get(to);
  if (first === undefined || last === undefined) throw new SlaInputError("businessHours", field, spec);
  const days = [first];
  for (let day = first; day !== last; ) {
    day = (day + 1) % 7;
    days.push(day);
  }
  return days;
}

function clock(hour: string | undefined, minute: string | undefined, spec: string, field: string): number {
  const h = Number(hour);
  const m = Number(minute ?? 0);
  if (h > 24 || m > 59 || (h === 24 && m > 0)) throw new SlaInputError("businessHours", field, spec);
  return h * MS_PER_HOUR + m * MS_PER_MINUTE;
}

function mergeWindows(windows: [number, number][]): (readonly [number, number])[] {
  const sorted = [...windows].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Precomputed working time per weekday, and sorted holidays, for fast counting over many rows. */
export interface WorkCounter {
  workingMsBetween(startWall: number, endWall: number): number;
}

/**
 * Builds a counter of working time between two wall times for a schedule.
 * Spans of many days jump whole weeks, so a row costs the same for a day or a year.
 *
 * @example createWorkCounter(schedule).workingMsBetween(friday16h, monday10h) // 2 h in ms
 */
export function createWorkCounter(schedule: WorkSchedule): WorkCounter {
  const windows = schedule.windows;
  const dayMs = windows.map((day) => day.reduce((sum, [start, end]) => sum + end - start, 0));
  const weekMs = dayMs.reduce((sum, ms) => sum + ms, 0);
  const holidays = schedule.holidays;
  const sortedHolidays = [...holidays].sort((a, b) => a - b);

  const withinDay = (day: number, from: number, to: number): number => {
    if (holidays.has(day)) return 0;
    let total = 0;
    for (const [start, end] of windows[weekdayOfDay(day)] ?? []) {
      const overlap = Math.min(to, end) - Math.max(from, start);
      if (overlap > 0) total += overlap;
    }
    return total;
  };

  const wholeDays = (firstDay: number, lastDay: number): number => {
    if (lastDay < firstDay) return 0;
    const count = lastDay - firstDay + 1;
    let total = Math.floor(count / 7) * weekMs;
    for (let day = firstDay + count - (count % 7); day <= lastDay; day++) total += dayMs[weekdayOfDay(day)] ?? 0;
    if (sortedHolidays.length > 0) {
      for (let index = lowerBound(sortedHolidays, firstDay); index < sortedHolidays.length; index++) {
        const holiday = sortedHolidays[index] as number;
        if (holiday > lastDay) break;
        total -= dayMs[weekdayOfDay(holiday)] ?? 0;
      }
    }
    return total;
  };

  return {
    workingMsBetween(startWall, endWall) {
      if (endWall <= startWall) return 0;
      const firstDay = dayNumber(startWall);
      const lastDay = dayNumber(endWall);
      const startInDay = startWall - firstDay * MS_PER_DAY;
      const endInDay = endWall - lastDay * MS_PER_DAY;
      if (firstDay === lastDay) return withinDay(firstDay, startInDay, endInDay);
      return (
        withinDay(firstDay, startInDay, MS_PER_DAY) +
        wholeDays(firstDay + 1, lastDay - 1) +
        withinDay(lastDay, 0, endInDay)
      );
    },
  };
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
