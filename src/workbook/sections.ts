/**
 * Tabs as lists of sections. A section says how many rows it takes and places
 * its cells relative to its own top row; `stack` hands each section its top
 * from the sizes of the sections above it, so no planner keeps a row cursor.
 * What a section places that others refer to (a named range, a checklist
 * cell, a chart's range) it returns from `place`.
 */
import { type SheetBuilder, a1, rangeA1 } from "./sheetBuilder";
import type { CellSpec } from "./types";

/** A section's part of the sheet: rows count from the section's top (0 is its first row), columns are the tab's. */
export interface Area {
  /** The section's first row on the sheet (1-based). */
  readonly top: number;
  /** The sheet row of a row of the section. */
  row(offset: number): number;
  /** Places a cell; returns its A1 address. */
  set(offset: number, column: number, cell: CellSpec): string;
  /** Places cells side by side from a column; undefined leaves a cell out. */
  line(offset: number, column: number, cells: readonly (CellSpec | undefined)[]): void;
  /** The A1 address of a cell of the section. */
  a1(offset: number, column: number, absolute?: boolean): string;
  /** The A1 range of `rows` × `columns` cells from a cell of the section. */
  range(offset: number, column: number, rows: number, columns: number, absolute?: boolean): string;
  /** The part of this area from a row down, for a section nested inside another. */
  below(offset: number): Area;
}

/** A block of rows of a tab. `Out` is what it tells other sections and tabs about where it put things. */
export interface Section<Out = void> {
  /** Rows the section takes. */
  readonly rows: number;
  /** Blank rows above it; the stack's gap when left out. Ignored for the first section. */
  readonly gap?: number;
  /** The first row it may start on, e.g. below a list that runs down beside the stack. */
  readonly minTop?: number;
  place(area: Area): Out;
}

/** What a list of sections returns, position by position; an absent (undefined) section returns undefined. */
export type Placed<S extends readonly (Section<unknown> | undefined)[]> = { -readonly [K in keyof S]: OutOf<S[K]> };
type OutOf<S> = S extends Section<infer Out> ? Out : undefined;

/**
 * The area of a sheet from row `top` down.
 * @example areaAt(sheet, 5).set(1, 2, { value: 1 }) // "B6"
 */
export function areaAt(sheet: SheetBuilder, top: number): Area {
  return {
    top,
    row: (offset) => top + offset,
    set: (offset, column, cell) => sheet.set(top + offset, column, cell),
    line: (offset, column, cells) => sheet.row(top + offset, column, cells),
    a1: (offset, column, absolute) => a1(top + offset, column, absolute),
    range: (offset, column, rows, columns, absolute) => rangeA1(top + offset, column, rows, columns, absolute),
    below: (offset) => areaAt(sheet, top + offset),
  };
}

/**
 * The top row of each section when they are stacked from row `top`, `gap`
 * blank rows between them unless a section sets its own; `next` is the row
 * after the last. Needs the sizes only: other tabs can find a section
 * without planning this one.
 * @example
 * stackTops([{ rows: 3 }, undefined, { rows: 2, gap: 2 }], { top: 1, gap: 1 })
 * // { tops: [1, undefined, 6], next: 8 }
 */
export function stackTops(
  sections: readonly (Pick<Section<unknown>, "rows" | "gap" | "minTop"> | undefined)[],
  options: { readonly top?: number; readonly gap?: number } = {},
): { tops: (number | undefined)[]; next: number } {
  let next = options.top ?? 1;
  let first = true;
  const tops = sections.map((section) => {
    if (!section) return undefined;
    const top = Math.max(next + (first ? 0 : (section.gap ?? options.gap ?? 0)), section.minTop ?? 0);
    first = false;
    next = top + section.rows;
    return top;
  });
  return { tops, next };
}

/**
 * Places sections one under the other (see stackTops) and returns what each
 * one's `place` returned, in order; `next` is the row after the last section.
 * @example
 * const { placed: [, goal] } = stack(sheet, [titleSection, goalSection], { gap: 1 });
 */
export function stack<const S extends readonly (Section<unknown> | undefined)[]>(
  sheet: SheetBuilder,
  sections: S,
  options: { readonly top?: number; readonly gap?: number } = {},
): { placed: Placed<S>; next: number } {
  const { tops, next } = stackTops(sections, options);
  const placed = sections.map((section, index) => section?.place(areaAt(sheet, tops[index] ?? 0)));
  return { placed: placed as Placed<S>, next };
}
