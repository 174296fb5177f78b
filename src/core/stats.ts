/**
 * Arithmetic mean; undefined for no values.
 * @example mean([1, 2, 6]) // 3
 */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * Percentile with linear interpolation between closest ranks, the same rule as
 * Sheets' `PERCENTILE` (inclusive), so the workbook's native formula agrees.
 * @param fraction 0..1, e.g. 0.9 for the 90th percentile
 * @example percentile([1, 2, 3, 4], 0.5) // 2.5
 */
export function percentile(values: readonly number[], fraction: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const rank = fraction * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.min(lower + 1, sorted.length - 1);
  const low = sorted[lower] as number;
  return low + (rank - lower) * ((sorted[upper] as number) - low);
}

/** @example median([5, 1, 3]) // 3 */
export function median(values: readonly number[]): number | undefined {
  return percentile(values, 0.5);
}
