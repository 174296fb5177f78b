/** What setValue(s) stores and getValue(s) returns, as in Sheets (USER_ENTERED). */
import { describe, expect, it } from "@jest/globals";
import { berlin, workbook } from "./helpers";

describe("writing values", () => {
  it("a string starting with = is a formula", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:B1").setValues([[2, "=A1*21"]]);
    expect(sheet.getRange("B1").getValue()).toBe(42);
    expect(sheet.getRange("B1").getFormula()).toBe("=A1*21");
  });

  it("a leading apostrophe makes literal text and is dropped", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:C1").setValues([['\'=IMPORTXML("http://x","//a")', "'12", "'TRUE"]]);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([['=IMPORTXML("http://x","//a")', "12", "TRUE"]]);
    expect(sheet.getRange("A1").getFormula()).toBe("");
  });

  it('"" and null clear a cell', () => {
    const { sheet } = workbook();
    sheet.getRange("A1:C1").setValues([[1, "=1+1", "x"]]);
    sheet.getRange("A1:C1").setValues([["", null, ""]]);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([["", "", ""]]);
    expect(sheet.getRange("A1:C1").getFormulas()).toEqual([["", "", ""]]);
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange("D1").setValue("=ISBLANK(A1)");
    expect(sheet.getRange("D1").getValue()).toBe(true);
  });

  it("numeric text becomes a number; percent text a number with a percent format", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:E1").setValues([["12", "1.5", "-3", "50%", "12.5%"]]);
    expect(sheet.getRange("A1:E1").getValues()).toEqual([[12, 1.5, -3, 0.5, 0.125]]);
    expect(sheet.getRange("D1:E1").getNumberFormats()).toEqual([["0%", "0.00%"]]);
    expect(sheet.getRange("D1:E1").getDisplayValues()).toEqual([["50%", "12.50%"]]);
  });

  it("inferred formats don't replace a format the cell already has", () => {
    const { sheet } = workbook();
    sheet.getRange("A1").setNumberFormat("0.0").setValue("50%");
    expect(sheet.getRange("A1").getNumberFormat()).toBe("0.0");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("0.5");
  });

  it("TRUE/FALSE text becomes a boolean; other text stays text", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:D1").setValues([["true", "FALSE", "Lead 7", "12 apples"]]);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([[true, false, "Lead 7", "12 apples"]]);
  });

  it("ISO date text becomes a date serial with a date format", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:B1").setValues([["2026-12-01", "2026-12-01 14:30"]]);
    expect(sheet.getRange("A1:B1").getNumberFormats()).toEqual([["yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss"]]);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([[berlin(2026, 12, 1), berlin(2026, 12, 1, 14, 30)]]);
    sheet.getRange("C1").setFormula("=A1+0");
    sheet.getRange("C1").setNumberFormat("0");
    expect(sheet.getRange("C1").getValue()).toBe(46357);
    expect(sheet.getRange("A1:B1").getDisplayValues()).toEqual([["2026-12-01", "2026-12-01 14:30:00"]]);
  });

  it("an impossible date stays text", () => {
    const { sheet } = workbook();
    sheet.getRange("A1").setValue("2026-02-30");
    expect(sheet.getRange("A1").getValue()).toBe("2026-02-30");
  });

  it("a JS Date is stored as the wall clock of the spreadsheet's zone and reads back as the same instant", () => {
    const { sheet } = workbook();
    const winter = new Date("2026-01-15T09:45:00Z"); // 10:45 in Berlin (CET)
    const summer = new Date("2026-07-15T09:45:00Z"); // 11:45 in Berlin (CEST)
    const dstDay = new Date("2026-03-29T01:30:00Z"); // 03:30 CEST, the night clocks went forward
    sheet.getRange("A1:C1").setValues([[winter, summer, dstDay]]);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([[winter, summer, dstDay]]);
    sheet.getRange("D1:F1").setFormulas([["=HOUR(A1)", "=HOUR(B1)", "=HOUR(C1)"]]);
    expect(sheet.getRange("D1:F1").getValues()).toEqual([[10, 11, 3]]);
    expect(sheet.getRange("A1").getNumberFormat()).toBe("M/d/yyyy H:mm:ss");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("1/15/2026 10:45:00");
  });

  it("the same Date lands on another wall clock in another zone", () => {
    const { sheet } = workbook({ timeZone: "America/New_York" });
    sheet.getRange("A1").setValue(new Date("2026-01-15T09:45:00Z"));
    sheet.getRange("B1").setFormula("=HOUR(A1)");
    expect(sheet.getRange("B1").getValue()).toBe(4);
  });

  it("booleans and numbers are kept as they are", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:C1").setValues([[true, 0, -1.25]]);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([[true, 0, -1.25]]);
  });

  it("setValue writes every cell of the range, moving relative references of a formula", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("B1:B3").setValue("=A1*10");
    expect(sheet.getRange("B1:B3").getValues()).toEqual([[10], [20], [30]]);
    expect(sheet.getRange("B1:B3").getFormulas()).toEqual([["=A1*10"], ["=A2*10"], ["=A3*10"]]);
    sheet.getRange("C1:C2").setValue("x");
    expect(sheet.getRange("C1:C2").getValues()).toEqual([["x"], ["x"]]);
  });

  it('setFormulas writes per cell; getFormulas gives "" for values', () => {
    const { sheet } = workbook();
    sheet.getRange("A1:B2").setFormulas([
      ["=1+1", "=A1*2"],
      ["", "=SUM(A1:B1)"],
    ]);
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      [2, 4],
      ["", 6],
    ]);
    sheet.getRange("A2").setValue(5);
    expect(sheet.getRange("A1:B2").getFormulas()).toEqual([
      ["=1+1", "=A1*2"],
      ["", "=SUM(A1:B1)"],
    ]);
  });
});

describe("size and bounds errors", () => {
  it("setValues must match the range", () => {
    const { sheet } = workbook();
    expect(() => sheet.getRange("A1:B2").setValues([[1, 2]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => sheet.getRange("A1:B2").setValues([[1, 2], [3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
  });

  it("a new sheet is 1000 × 26 and ranges outside it throw", () => {
    const { sheet, ss } = workbook();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    const added = ss.insertSheet("Other");
    expect([added.getMaxRows(), added.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1001, 1)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(
      "The coordinates of the range are outside the dimensions of the sheet.",
    );
    expect(() => sheet.getRange("A1001")).toThrow("Range not found");
    expect(() => sheet.getRange("AA1")).toThrow("Range not found");
    expect(() => sheet.getRange(0, 1)).toThrow("The starting row of the range is too small.");
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow("The number of rows in the range must be at least 1.");
    expect(() => ss.getRange("'No such sheet'!A1")).toThrow("Range not found");
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange(1005, 1).setValue("fits now").getValue()).toBe("fits now");
  });

  it("a cell holds at most 50,000 characters", () => {
    const { sheet } = workbook();
    expect(() => sheet.getRange("A1").setValue("x".repeat(50_001))).toThrow(
      "more than the maximum of 50000 characters",
    );
  });
});

describe("reading values", () => {
  it('getValues gives "" for empty cells and computed values for formulas', () => {
    const { sheet } = workbook();
    sheet.getRange("A1:B2").setValues([
      [1, "=A1+1"],
      ["", '=IF(A1>5,"big","")'],
    ]);
    expect(sheet.getRange("A1:C2").getValues()).toEqual([
      [1, 2, ""],
      ["", "", ""],
    ]);
  });

  it('a formula returning "" is not blank, as in Sheets', () => {
    const { sheet } = workbook();
    sheet.getRange("A1:A2").setValues([['=""'], ["=COUNTA(A1)"]]);
    expect(sheet.getRange("A2").getValue()).toBe(1);
    expect(sheet.getLastRow()).toBe(2);
  });

  it("getValue and getDisplayValue read the top-left cell", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:B1").setValues([[0.25, 3]]);
    sheet.getRange("A1").setNumberFormat("0%");
    expect(sheet.getRange("A1:B1").getValue()).toBe(0.25);
    expect(sheet.getRange("A1:B1").getDisplayValue()).toBe("25%");
  });

  it("a date-formatted cell reads back as a Date; the same number unformatted as a number", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:B1").setValues([[46357, 46357]]);
    sheet.getRange("A1").setNumberFormat("dd.mm.yyyy");
    expect(sheet.getRange("A1:B1").getValues()).toEqual([[berlin(2026, 12, 1), 46357]]);
    expect(sheet.getRange("A1").getDisplayValue()).toBe("01.12.2026");
  });
});

describe("formulas over open-ended ranges filled down", () => {
  it("setFormula on a column keeps A2:A open in every row", () => {
    const { sheet } = workbook();
    sheet.getRange("A2:A4").setValues([["web"], ["event"], ["web"]]);
    sheet.getRange("B2:B4").setFormula("=COUNTIF(A2:A,A2)");
    expect(sheet.getRange("B2:B4").getFormulas()).toEqual([
      ["=COUNTIF(A2:A,A2)"],
      ["=COUNTIF(A3:A,A3)"],
      ["=COUNTIF(A4:A,A4)"],
    ]);
    expect(sheet.getRange("B2:B4").getValues()).toEqual([[2], [1], [1]]);
    sheet.getRange("A1000").setValue("web");
    expect(sheet.getRange("B4").getValue()).toBe(2);
  });
});

describe("cells formatted as plain text (@)", () => {
  it("keep what is written as text: no formula, number or date", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:D1").setNumberFormat("@");
    sheet.getRange("A1:E1").setValues([["=SUM(1,2)", "0042", "2026-12-01", "'quoted", "=1+1"]]);
    expect(sheet.getRange("A1:E1").getValues()).toEqual([["=SUM(1,2)", "0042", "2026-12-01", "quoted", 2]]);
    expect(sheet.getRange("A1").getFormula()).toBe("");
    sheet.getRange("A2").setNumberFormat("@").setValue("-5");
    expect(sheet.getRange("A2").getValue()).toBe("-5");
    // setFormula still writes a formula.
    sheet.getRange("A1").setFormula("=SUM(1,2)");
    expect(sheet.getRange("A1").getValue()).toBe(3);
  });
});
