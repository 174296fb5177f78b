/**
 * How stored ranges move when rows or columns are inserted or deleted, as in
 * Sheets: a range below or right of the change moves, a range spanning an
 * insertion grows, a range losing cells shrinks, and one losing all is gone.
 */
import type { Rect } from "./a1";

export type Axis = "rows" | "cols";

/** Rows (or columns) `at`..`at+count-1` (1-based) were inserted (count > 0) or deleted (count < 0). */
export interface DimensionChange {
  axis: Axis;
  at: number;
  count: number;
}

function span(rect: Rect, axis: Axis): [number, number] {
  return axis === "rows" ? [rect.row, rect.row + rect.numRows - 1] : [rect.col, rect.col + rect.numCols - 1];
}

function withSpan(rect: Rect, axis: Axis, first: number, last: number): Rect {
  return axis === "rows"
    ? { ...rect, row: first, numRows: last - first + 1 }
    : { ...rect, col: first, numCols: last - first + 1 };
}

/** The rect after the change, or undefined when all its cells were deleted. */
export function shiftRect(rect: Rect, change: DimensionChange): Rect | undefined {
  const [first, last] = span(rect, change.axis);
  const { at, count } = change;
  if (count > 0) {
    if (first >= at) return withSpan(rect, change.axis, first + count, last + count);
    if (last >= at) return withSpan(rect, change.axis, first, last + count);
    return rect;
  }
  const removed = -count;
  const end = at + removed - 1;
  const newFirst = first < at ? first : first > end ? first - removed : at;
  const newLast = last < at ? last : last > end ? last - removed : at - 1;
  return newLast < newFirst ? undefined : withSpan(rect, change.axis, newFirst, newLast);
}

/** A single position (a chart's anchor row): moves with the cells, or to the first row after a deleted block. */
export function shiftIndex(index: number, change: DimensionChange): number {
  const { at, count } = change;
  if (count > 0) return index >= at ? index + count : index;
  const end = at - count - 1;
  if (index < at) return index;
  return index > end ? index + count : at;
}

/** Shifts a sparse array indexed from 1 (meta rows, row heights) the way the sheet's cells move. */
export function spliceSparse<T>(
  items: (T | undefined)[],
  change: DimensionChange,
  fill?: (index: number) => T | undefined,
): void {
  const start = change.at - 1;
  if (change.count < 0) {
    if (items.length > start) items.splice(start, -change.count);
    return;
  }
  if (items.length < start) {
    if (!fill) return;
    items.length = start;
  }
  const inserted: (T | undefined)[] = [];
  for (let i = 0; i < change.count; i++) inserted.push(fill?.(i));
  items.splice(start, 0, ...inserted);
}

export function shiftNumberMap(map: Map<number, number>, change: DimensionChange): Map<number, number> {
  const next = new Map<number, number>();
  for (const [index, value] of map) {
    const { at, count } = change;
    if (count < 0 && index >= at && index < at - count) continue;
    next.set(shiftIndex(index, change), value);
  }
  return next;
}
