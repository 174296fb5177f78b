import { MS_PER_DAY, MS_PER_MINUTE } from "./time";

export type DowntimePeriod = "year" | "month" | "week" | "day";

/** Period lengths in days; a month is a twelfth of a 365-day year, so 12 months add up to the year. */
export const PERIOD_DAYS: Readonly<Record<DowntimePeriod, number>> = { year: 365, month: 365 / 12, week: 7, day: 1 };

/**
 * Minutes of downtime an availability promise allows (method §7).
 * @example allowedDowntimeMinutes(0.999, "year") // 525.6 (8.76 hours)
 */
export function allowedDowntimeMinutes(availability: number, period: DowntimePeriod = "year"): number {
  return ((1 - availability) * PERIOD_DAYS[period] * MS_PER_DAY) / MS_PER_MINUTE;
}
