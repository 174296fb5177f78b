/**
 * Wall-clock conversions for one IANA zone, written independently of
 * src/core/time.ts so benchmarks can build data and check results without
 * trusting the conversions they measure; only the Intl reading is shared.
 * "Wall" ms are the local clock reading written as if it were UTC.
 */
import { wallClockReader } from "../../src/core/wallClock";

export interface WallClock {
  toWall(instant: number): number;
  toInstant(wall: number): number;
}

export function wallClock(timeZone: string): WallClock {
  const read = wallClockReader(timeZone);
  const cache = new Map<number, number>();
  const offsetAt = (instant: number): number => {
    const minute = Math.floor(instant / 60_000);
    const cached = cache.get(minute);
    if (cached !== undefined) return cached;
    const wall = read(minute * 60_000);
    const offset = wall - minute * 60_000;
    cache.set(minute, offset);
    return offset;
  };
  return {
    toWall: (instant) => instant + offsetAt(instant),
    toInstant: (wall) => wall - offsetAt(wall - offsetAt(wall)),
  };
}
