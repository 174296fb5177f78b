/**
 * Speed-to-lead bands (issue 16): how many first follow-ups came within each
 * band edge, cumulative, and how many came later or not at all.
 */

/** The band edges in hours a call gets unless it passes its own: 5 minutes, 1 hour, 24 hours. */
export const DEFAULT_BAND_HOURS: readonly number[] = [5 / 60, 1, 24];

/**
 * Per edge (in the order given), the leads first followed up within it
 * (response hours at most the edge), then the leads followed up later than
 * every edge or not followed up at all (`undefined` response hours).
 * @example speedBandCounts([0.05, 0.5, 3, undefined], [5 / 60, 1, 24]) // [1, 2, 3, 1]
 */
export function speedBandCounts(hours: readonly (number | undefined)[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const value of hours) {
    let inAny = false;
    if (value !== undefined) {
      edges.forEach((edge, index) => {
        if (value <= edge) {
          counts[index] = (counts[index] ?? 0) + 1;
          inAny = true;
        }
      });
    }
    if (!inAny) counts[edges.length] = (counts[edges.length] ?? 0) + 1;
  }
  return counts;
}
