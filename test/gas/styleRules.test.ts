import { describe, expect, it } from "@jest/globals";
import { ALWAYS, styleRules } from "../../src/gas/styleRules";
import type { BlockPlan, CellSpec, ConditionalFormatPlan } from "../../src/workbook/types";

const header: CellSpec = { value: "Month", bold: true, background: "#202124", color: "#ffffff" };
const calculated: CellSpec = { formula: "1+1", background: "#f1f3f4" };
const status: CellSpec = { formula: "IF(B2>1,\"met\",\"missed\")", background: "#f1f3f4", bold: true };

/** Header row A1:C1, a calculated column B2:B4 and a bold status column C2:C4. */
const block: BlockPlan = {
  row: 1,
  column: 1,
  cells: [
    [header, header, header],
    [{ value: "a" }, calculated, status],
    [{ value: "b" }, calculated, status],
    [{ value: "c" }, calculated, status],
  ],
};

const missed: ConditionalFormatPlan = { ranges: ["C2:C4"], formula: '=C2="missed"', background: "#fce8e6", color: "#c5221f" };

describe("styleRules", () => {
  it("writes each fixed look once, over as few rectangles as its cells make, after the status rules", () => {
    const rules = styleRules({ blocks: [block], conditionalFormats: [missed] });
    expect(rules).toEqual([
      // The status rule first, with the bold its cells have (Sheets applies only the first rule that holds).
      { ...missed, bold: true },
      { ranges: ["A1:C1"], formula: ALWAYS, background: "#202124", color: "#ffffff", bold: true },
      { ranges: ["B2:B4"], formula: ALWAYS, background: "#f1f3f4" },
      { ranges: ["C2:C4"], formula: ALWAYS, background: "#f1f3f4", bold: true },
    ]);
  });

  it("keeps a status rule as it is where it covers plain cells, including open ranges past the blocks", () => {
    const overdue: ConditionalFormatPlan = { ranges: ["A2:A"], formula: '=$C2="missed"', background: "#fce8e6" };
    expect(styleRules({ blocks: [block], conditionalFormats: [overdue] })?.[0]).toEqual(overdue);
  });

  it("answers undefined when a status rule would have to carry different looks", () => {
    // Over A2:C4 the rule meets plain cells and bold ones: one rule can't keep the bold of some only.
    const wide: ConditionalFormatPlan = { ranges: ["A2:C4"], formula: '=$C2="missed"', background: "#fce8e6" };
    expect(styleRules({ blocks: [block], conditionalFormats: [wide] })).toBeUndefined();
    // Unless the rule sets what differs itself.
    expect(styleRules({ blocks: [block], conditionalFormats: [{ ...wide, bold: true }] })?.[0]).toEqual({ ...wide, bold: true });
  });

  it("adds nothing for a tab without colours or text styles", () => {
    expect(styleRules({ blocks: [{ row: 1, column: 1, cells: [[{ value: 1 }, undefined]] }], conditionalFormats: [] })).toEqual([]);
  });
});
