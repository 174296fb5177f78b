import type { WorkCounter } from "./businessHours";
import { SlaInputError } from "./problems";
import { mean, percentile } from "./stats";
import { MS_PER_HOUR, type Zone } from "./time";

/**
 * Hours from hand-off to first follow-up (method §5), on the wall clock of
 * the spreadsheet's time zone: with a work counter only working time counts
 * (holidays off), without one every hour the clock shows. One rule with or
 * without business hours and holidays, and the rule of the workbook's native
 * formulas, whose date-times are wall-clock serials: a night across a change
 * of clocks, 20:00 to 08:00, is 12 hours, not the 11 or 13 that pass.
 * A follow-up before its hand-off is a data error, never a negative time; in
 * the hour clocks turn back, a later instant may show an earlier wall time,
 * which counts as 0.
 *
 * @example responseHours(Date.UTC(2026, 0, 5, 9), Date.UTC(2026, 0, 5, 11, 30), zoneNamed("UTC")) // 2.5
 */
export function responseHours(handedOff: number, firstFollowUp: number, zone: Zone, counter?: WorkCounter): number {
  if (firstFollowUp < handedOff) throw new SlaInputError("beforeHandOff", "first_follow_up", undefined);
  const from = zone.toWall(handedOff);
  const to = zone.toWall(firstFollowUp);
  if (!counter) return Math.max(0, to - from) / MS_PER_HOUR;
  return counter.workingMsBetween(from, to) / MS_PER_HOUR;
}

/**
 * "mean", a percentile as a fraction (0.5 is the median), or a count: of the
 * leads measured ("count", the Follow-up tab's "Followed up"), or of the rows
 * left out because their follow-up is before their hand-off or they have no
 * hand-off ("skipped", the rows the lead log flags).
 */
export type SpeedStatistic = "mean" | "count" | "skipped" | number;

/** A Map, so a word such as "constructor" is no statistic. */
const STATISTIC_WORDS: ReadonlyMap<string, SpeedStatistic> = new Map<string, SpeedStatistic>([
  ["average", "mean"],
  ["avg", "mean"],
  ["mean", "mean"],
  ["durchschnitt", "mean"],
  ["mittelwert", "mean"],
  ["schnitt", "mean"],
  ["median", 0.5],
  ["zentralwert", 0.5],
  ["count", "count"],
  ["anzahl", "count"],
  ["skipped", "skipped"],
  ["übersprungen", "skipped"],
  ["uebersprungen", "skipped"],
]);

/**
 * Reads the statistic a speed report uses: `"average"` (default), `"median"`,
 * a percentile `"p1"` … `"p99"` such as `"p90"`, `"count"` or `"skipped"`.
 * German words work too.
 * @example parseStatistic("p90", "statistic") // 0.9
 */
export function parseStatistic(text: string, field: string): SpeedStatistic {
  const word = text.trim().toLowerCase();
  const named = STATISTIC_WORDS.get(word);
  if (named !== undefined) return named;
  const match = /^p(\d{1,2})$/.exec(word);
  const rank = match ? Number(match[1]) : 0;
  if (rank < 1 || rank > 99) throw new SlaInputError("statistic", field, text);
  return rank / 100;
}

/**
 * Summarizes response hours with a statistic; undefined when nothing was
 * followed up, except for the counts, which are then 0. `skipped` is the
 * number of rows the caller left out.
 * @example summarizeHours([1, 2, 9], "mean", 0) // 4
 */
export function summarizeHours(
  hours: readonly number[],
  statistic: SpeedStatistic,
  skipped: number,
): number | undefined {
  if (statistic === "count") return hours.length;
  if (statistic === "skipped") return skipped;
  return statistic === "mean" ? mean(hours) : percentile(hours, statistic);
}

/**
 * Follow-up depth: average attempts over leads not yet connected (method §5).
 * Connected leads are left out: the aim of the attempts has been reached.
 * @example followUpDepth([3, 6, 2], [false, false, true]) // 4.5
 */
export function followUpDepth(attempts: readonly number[], connected: readonly boolean[]): number | undefined {
  let sum = 0;
  let count = 0;
  attempts.forEach((value, index) => {
    if (connected[index]) return;
    sum += value;
    count += 1;
  });
  return count === 0 ? undefined : sum / count;
}
