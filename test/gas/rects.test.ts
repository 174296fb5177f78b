import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { clampRect, contains, parseRect, rectA1, subtract, type Rect } from "../../src/gas/rects";

const rect = fc
  .tuple(
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 0, max: 8 }),
    fc.integer({ min: 0, max: 8 }),
  )
  .map(([top, left, rows, columns]): Rect => ({ top, left, bottom: top + rows, right: left + columns }));

function cells(area: Rect): string[] {
  const out: string[] = [];
  for (let row = area.top; row <= area.bottom; row++)
    for (let column = area.left; column <= area.right; column++) out.push(`${row}|${column}`);
  return out;
}

describe("rectangles", () => {
  it("reads and writes A1 ranges", () => {
    expect(parseRect("B4:D10")).toEqual({ top: 4, left: 2, bottom: 10, right: 4 });
    expect(parseRect("C7")).toEqual({ top: 7, left: 3, bottom: 7, right: 3 });
    expect(rectA1({ top: 2, left: 1, bottom: 10, right: 27 })).toBe("A2:AA10");
  });

  it("subtract leaves exactly the cells of the rectangle outside the hole, each once", () => {
    fc.assert(
      fc.property(rect, rect, (area, hole) => {
        const pieces = subtract(area, hole);
        const covered = pieces.flatMap(cells);
        const expected = cells(area).filter((key) => {
          const [row, column] = key.split("|").map(Number) as [number, number];
          return !contains(hole, row, column);
        });
        expect(covered.sort()).toEqual(expected.sort());
        expect(pieces.length).toBeLessThanOrEqual(4);
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it("subtract of a rectangle that shrank by rows is the band below", () => {
    expect(subtract(parseRect("A1:D10"), parseRect("A1:D8")).map(rectA1)).toEqual(["A9:D10"]);
    expect(subtract(parseRect("A1:D10"), parseRect("A1:F12"))).toEqual([]);
  });

  it("clamps a rectangle to what is left of a tab, or to nothing", () => {
    expect(clampRect(parseRect("A5:D40"), { rows: 30, columns: 3 })).toEqual(parseRect("A5:C30"));
    expect(clampRect(parseRect("A5:D40"), { rows: 50, columns: 10 })).toEqual(parseRect("A5:D40"));
    expect(clampRect(parseRect("A31:D40"), { rows: 30, columns: 10 })).toBeUndefined();
  });
});
