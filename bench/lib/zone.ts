/**
 * Wall-clock conversions for one IANA zone, written independently of src/ so
 * benchmarks can build data and check results without trusting the code they
 * measure. "Wall" ms are the local clock reading written as if it were UTC.
 */
export interface WallClock {
  toWall(instant: number): number;
  toInstant(wall: number): number;
}

export function wallClock(timeZone: string): WallClock {
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
  const cache = new Map<number, number>();
  const offsetAt = (instant: number): number => {
    const minute = Math.floor(instant / 60_000);
    const cached = cache.get(minute);
    if (cached !== undefined) return cached;
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(minute * 60_000))) parts[part.type] = Number(part.value);
    const wall = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    const offset = wall - minute * 60_000;
    cache.set(minute, offset);
    return offset;
  };
  return {
    toWall: (instant) => instant + offsetAt(instant),
    toInstant: (wall) => wall - offsetAt(wall - offsetAt(wall)),
  };
}
