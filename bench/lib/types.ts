/**
 * The shape every benchmark module shares. A module is a file in bench/ that
 * exports `run()`; bench/run.ts lists the modules, runs them and prints the
 * results. Benchmarks report figures: missing a target is reported, never a
 * failure. A module that throws (a crash, or a sanity check that fails) makes
 * `npm run bench` exit non-zero.
 */

/** Bounds a figure should stay within; either side may be left open. */
export interface BenchTarget {
  readonly max?: number;
  readonly min?: number;
}

export interface BenchResult {
  /** What was measured, e.g. `dist/Code.js size`. Unique within a module. */
  readonly name: string;
  /** The figure; must be a finite number. */
  readonly value: number;
  /** Unit of the figure: `bytes`, `ms`, `rows/s`, … */
  readonly unit: string;
  /** Without a target the figure is for information. */
  readonly target?: BenchTarget;
  /** Short context shown under the table, e.g. how the figure was taken. */
  readonly note?: string;
}

export interface BenchModule {
  run(): Promise<BenchResult[]>;
}

/** Whether a result meets its target; undefined when it has none. */
export function meetsTarget(result: BenchResult): boolean | undefined {
  const target = result.target;
  if (!target || (target.max === undefined && target.min === undefined)) return undefined;
  if (target.max !== undefined && !(result.value <= target.max)) return false;
  if (target.min !== undefined && !(result.value >= target.min)) return false;
  return true;
}
