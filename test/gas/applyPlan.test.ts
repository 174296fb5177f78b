import { describe, expect, it } from "@jest/globals";
import { mergedBlock } from "../../src/gas/applyPlan";
import type { BlockPlan } from "../../src/workbook/types";

describe("mergedBlock", () => {
  it("puts blocks into their bounding rectangle with blanks between them, each cell where its block had it", () => {
    const header: BlockPlan = {
      row: 1,
      column: 1,
      cells: [[{ value: "Lead" }, { value: "Company" }, { value: "Hours" }]],
    };
    const calculated: BlockPlan = {
      row: 2,
      column: 3,
      cells: [[{ formula: "ARRAYFORMULA(1)" }], [{ formula: "ARRAYFORMULA(2)" }]],
    };
    const merged = mergedBlock([header, calculated]);
    expect(merged?.row).toBe(1);
    expect(merged?.column).toBe(1);
    expect(merged?.cells).toEqual([
      [{ value: "Lead" }, { value: "Company" }, { value: "Hours" }],
      [undefined, undefined, { formula: "ARRAYFORMULA(1)" }],
      [undefined, undefined, { formula: "ARRAYFORMULA(2)" }],
    ]);
  });

  it("starts at the top-left of the blocks, not at A1, and ignores empty blocks", () => {
    const merged = mergedBlock([
      { row: 3, column: 2, cells: [[{ value: 1 }]] },
      { row: 9, column: 9, cells: [] },
      { row: 4, column: 3, cells: [[{ value: 2 }]] },
    ]);
    expect(merged).toEqual({
      row: 3,
      column: 2,
      cells: [
        [{ value: 1 }, undefined],
        [undefined, { value: 2 }],
      ],
    });
    expect(mergedBlock([])).toBeUndefined();
  });
});
