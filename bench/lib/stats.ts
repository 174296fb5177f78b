/** Small helpers for taking and summarizing timings, and deterministic test data. */
import { performance } from "node:perf_hooks";

/** Percentile with linear interpolation between closest ranks (0..1). */
export function quantile(values: readonly number[], fraction: number): number {
  if (values.length === 0) throw new Error("quantile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = fraction * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.min(lower + 1, sorted.length - 1);
  const low = sorted[lower] as number;
  return low + (rank - lower) * ((sorted[upper] as number) - low);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export interface Timing {
  readonly medianMs: number;
  readonly p90Ms: number;
  readonly samplesMs: readonly number[];
}

/**
 * Runs `body` `warmup` times untimed, then `runs` times timed, and returns the
 * median and p90 in milliseconds. `body` gets the run index (warm-up runs
 * count from -warmup), so it can vary its input or check its output.
 */
export function timeRuns(runs: number, warmup: number, body: (index: number) => void): Timing {
  for (let index = -warmup; index < 0; index++) body(index);
  const samplesMs: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    body(index);
    samplesMs.push(performance.now() - start);
  }
  return { medianMs: median(samplesMs), p90Ms: quantile(samplesMs, 0.9), samplesMs };
}

export { seededRandom } from "../../playground/seededRandom";

/** Milliseconds with a precision that suits their size, e.g. `3.42 ms`. */
export function formatMs(ms: number): string {
  return `${ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2)} ms`;
}
