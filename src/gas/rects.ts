/**
 * Rectangles of cells, 1-based, as the build reads, writes and remembers
 * them: what a plan's blocks cover, what the last build wrote, and what is
 * left over when a layout shrinks.
 */
import { a1, parseA1 } from "../workbook/sheetBuilder";
import type { BlockPlan } from "../workbook/types";

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The smallest rectangle holding all of them. */
export function union(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  return {
    top: Math.min(...rects.map((rect) => rect.top)),
    left: Math.min(...rects.map((rect) => rect.left)),
    bottom: Math.max(...rects.map((rect) => rect.bottom)),
    right: Math.max(...rects.map((rect) => rect.right)),
  };
}

export function contains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

export function blockRect(block: BlockPlan): Rect | undefined {
  const rows = block.cells.length;
  const columns = block.cells[0]?.length ?? 0;
  return rows === 0 || columns === 0
    ? undefined
    : { top: block.row, left: block.column, bottom: block.row + rows - 1, right: block.column + columns - 1 };
}

/**
 * The part of `rect` inside a tab of `size` (rows and columns users removed
 * are gone), or undefined when none of it is left.
 */
export function clampRect(rect: Rect, size: { readonly rows: number; readonly columns: number }): Rect | undefined {
  const clamped = { ...rect, bottom: Math.min(rect.bottom, size.rows), right: Math.min(rect.right, size.columns) };
  return clamped.bottom < clamped.top || clamped.right < clamped.left ? undefined : clamped;
}

/** @example rectA1({ top: 2, left: 1, bottom: 10, right: 3 }) // "A2:C10" */
export function rectA1(rect: Rect): string {
  return `${a1(rect.top, rect.left)}:${a1(rect.bottom, rect.right)}`;
}

/** @example parseRect("A2:C10") // { top: 2, left: 1, bottom: 10, right: 3 }; parseRect("B4") is one cell */
export function parseRect(address: string): Rect {
  const [from, to = from] = address.split(":") as [string, string?];
  const start = parseA1(from);
  const end = parseA1(to);
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
}

/**
 * The cells of `rect` outside `hole`, as at most four rectangles: the bands
 * above and below the hole across the full width, then left and right of it.
 * @example subtract(parseRect("A1:D10"), parseRect("A1:D8")) // [A9:D10]
 */
export function subtract(rect: Rect, hole: Rect): Rect[] {
  const top = Math.max(rect.top, hole.top);
  const bottom = Math.min(rect.bottom, hole.bottom);
  const left = Math.max(rect.left, hole.left);
  const right = Math.min(rect.right, hole.right);
  if (top > bottom || left > right) return [rect];
  const pieces: Rect[] = [];
  if (rect.top < top) pieces.push({ ...rect, bottom: top - 1 });
  if (bottom < rect.bottom) pieces.push({ ...rect, top: bottom + 1 });
  if (rect.left < left) pieces.push({ top, bottom, left: rect.left, right: left - 1 });
  if (right < rect.right) pieces.push({ top, bottom, left: right + 1, right: rect.right });
  return pieces;
}
