/**
 * The section layout: a tab's sections are stacked from their sizes, each
 * placing its cells relative to its own top, none overlapping another.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { type Section, stack, stackTops } from "../../src/workbook/sections";
import { SheetBuilder } from "../../src/workbook/sheetBuilder";

describe("stackTops", () => {
  it("puts each section below the one before, with the stack's gap or its own", () => {
    expect(stackTops([{ rows: 3 }, { rows: 2 }, { rows: 1, gap: 3 }], { top: 2, gap: 1 })).toEqual({
      tops: [2, 6, 11],
      next: 12,
    });
  });

  it("skips absent sections and their gaps", () => {
    expect(stackTops([{ rows: 3 }, undefined, { rows: 2, gap: 2 }], { gap: 1 })).toEqual({
      tops: [1, undefined, 6],
      next: 8,
    });
  });

  it("starts a section no higher than its minTop", () => {
    expect(stackTops([{ rows: 2 }, { rows: 1, minTop: 10 }, { rows: 1 }], { gap: 1 }).tops).toEqual([1, 10, 12]);
  });

  it("never overlaps sections, keeps every gap and minTop, and ends after the last (property)", () => {
    const section = fc.option(
      fc.record(
        {
          rows: fc.integer({ min: 0, max: 40 }),
          gap: fc.integer({ min: 0, max: 5 }),
          minTop: fc.integer({ min: 0, max: 200 }),
        },
        { requiredKeys: ["rows"] },
      ),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.array(section, { maxLength: 12 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 4 }),
        (sections, top, gap) => {
          const { tops, next } = stackTops(sections, { top, gap });
          let end = top;
          let first = true;
          sections.forEach((current, index) => {
            const at = tops[index];
            if (!current) return expect(at).toBeUndefined();
            expect(at).toBeGreaterThanOrEqual(end + (first ? 0 : (current.gap ?? gap)));
            expect(at).toBeGreaterThanOrEqual(current.minTop ?? 0);
            // Exactly as high as the gap and minTop allow: no row left blank without a reason.
            expect(at).toBe(Math.max(end + (first ? 0 : (current.gap ?? gap)), current.minTop ?? 0));
            end = (at ?? 0) + current.rows;
            first = false;
          });
          expect(next).toBe(end);
        },
      ),
      { numRuns: 300, seed: 15 },
    );
  });
});

describe("stack", () => {
  const labelled = (label: string, rows: number): Section<string> => ({
    rows,
    place: (area) => {
      for (let row = 0; row < rows; row++) area.set(row, 1, { value: `${label}${row}` });
      return area.a1(rows - 1, 1, true);
    },
  });

  it("places each section's cells from its own top and returns what each placed", () => {
    const sheet = new SheetBuilder();
    const { placed, next } = stack(sheet, [labelled("a", 2), undefined, labelled("b", 3)], { top: 3, gap: 1 });
    expect(placed).toEqual(["$A$4", undefined, "$A$8"]);
    expect(next).toBe(9);
    const block = sheet.toBlock({ row: 1, column: 1 });
    expect(block.cells.map((line) => line[0]?.value)).toEqual([
      undefined,
      undefined,
      "a0",
      "a1",
      undefined,
      "b0",
      "b1",
      "b2",
    ]);
  });

  it("gives a nested section the rows below an offset", () => {
    const sheet = new SheetBuilder();
    const outer: Section<string> = { rows: 4, place: (area) => labelled("inner", 2).place(area.below(2)) };
    expect(stack(sheet, [outer], { top: 5 }).placed).toEqual(["$A$8"]);
    expect(sheet.toBlock().row).toBe(7);
  });
});
