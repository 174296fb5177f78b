import type { WorkCounter } from "./businessHours";
import { SlaInputError } from "./problems";
import { mean, percentile } from "./stats";
import { MS_PER_HOUR, type Zone } from "./time";

/**
 * Hours from hand-off to first follow-up (method §5). With a work counter only
 * working time counts (wall clock, holidays off); without one, elapsed time,
 * so a night across a change of clocks counts its real 7 or 9 hours.
 * A follow-up before its hand-off is a data error, never a negative time.
 *
 * @example responseHours(Date.UTC(2026, 0, 5, 9), Date.UTC(2026, 0, 5, 11, 30), zoneNamed("UTC")) // 2.5
 */
export function responseHours(handedOff: number, firstFollowUp: number, zone: Zone, counter?: WorkCounter): number {
  if (firstFollowUp < handedOff) throw new SlaInputError("beforeHandOff", "first_follow_up", undefined);
  if (!counter) return (firstFollowUp - handedOff) / MS_PER_HOUR;
  return counter.workingMsBetween(zone.toWall(handedOff), zone.toWall(firstFollowUp)) / MS_PER_HOUR;
}

/** "mean" or a percentile as a fraction (0.5 is the median). */
export type SpeedStatistic = "mean" | number;

/** A Map, so a word such as "constructor" is no statistic. */
const STATISTIC_WORDS: ReadonlyMap<string, SpeedStatistic> = new Map<string, SpeedStatistic>([
  ["average", "mean"], ["avg", "mean"], ["mean", "mean"], ["durchschnitt", "mean"], ["mittelwert", "mean"], ["schnitt", "mean"],
  ["median", 0.5], ["zentralwert", 0.5],
]);

/**
 * Reads the statistic a speed report uses: `"average"` (default), `"median"`,
 * or a percentile `"p1"` … `"p99"` such as `"p90"`. German words work too.
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
 * Summarizes response hours with a statistic; undefined when nothing was followed up.
 * @example summarizeHours([1, 2, 9], "mean") // 4
 */
export function summarizeHours(hours: readonly number[], statistic: SpeedStatistic): number | undefined {
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
