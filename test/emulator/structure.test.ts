/** Sheets, named ranges, rows and columns, ranges and cell formatting. */
import { describe, expect, it } from "@jest/globals";
import { workbook } from "./helpers";

describe("sheets", () => {
  it("starts with Sheet1; insertSheet goes after the active sheet and activates it", () => {
    const { ss } = workbook();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
    const b = ss.insertSheet("B");
    expect(ss.getActiveSheet().getName()).toBe("B");
    ss.setActiveSheet(ss.getSheetByName("Sheet1")!);
    ss.insertSheet("A");
    ss.insertSheet("First", 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(["First", "Sheet1", "A", "B"]);
    expect(b.getIndex()).toBe(4);
    expect(ss.insertSheet().getName()).toBe("Sheet5");
    expect(ss.getSheetByName("B")).toBe(b);
    expect(ss.getSheetByName("nope")).toBeNull();
  });

  it("keeps every sheet's cells after a sheet was removed and the engine rebuilt", () => {
    const wb = workbook();
    const { ss } = wb;
    const kept = ss.insertSheet("Kept");
    kept.getRange("A1:A2").setValues([[2], [3]]);
    kept.getRange("B1").setFormula("=SUM(A1:A2)");
    ss.deleteSheet(ss.getSheetByName("Sheet1")!);
    wb.emulator.hyperformula.rebuildAndRecalculate();
    expect(kept.getRange("A1:B1").getValues()).toEqual([[2, 5]]);
    expect(kept.getRange("B1").getFormula()).toBe("=SUM(A1:A2)");
  });

  it("names are unique, case-insensitively", () => {
    const { ss } = workbook();
    ss.insertSheet("Leads");
    expect(() => ss.insertSheet("leads")).toThrow(
      'A sheet with the name "leads" already exists. Please enter another name.',
    );
    expect(() => ss.getSheets()[0]!.setName("LEADS")).toThrow("already exists");
  });

  it("formulas survive renaming the sheets they refer to, including names with spaces and dashes", () => {
    const { ss, sheet } = workbook();
    const follow = ss.insertSheet("Follow-up");
    follow.getRange("A1").setValue(21);
    sheet.getRange("A1").setFormula("='Follow-up'!A1*2");
    expect(sheet.getRange("A1").getValue()).toBe(42);
    follow.setName("Follow up (2026)");
    follow.getRange("A1").setValue(5);
    expect(sheet.getRange("A1").getValue()).toBe(10);
    expect(sheet.getRange("A1").getFormula()).toBe("='Follow up (2026)'!A1*2");
    expect(ss.getRange("'Follow up (2026)'!A1").getValue()).toBe(5);
  });

  it("deleting a sheet turns references to it into #REF!; the last sheet can't go", () => {
    const { ss, sheet } = workbook();
    const other = ss.insertSheet("Other");
    other.getRange("A1").setValue(1);
    sheet.getRange("A1").setFormula("=Other!A1+1");
    ss.deleteSheet(other);
    expect(sheet.getRange("A1").getValue()).toBe("#REF!");
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    expect(() => other.getName()).not.toThrow();
    expect(() => other.getRange("A1")).toThrow("has been deleted");
  });

  it("hides and shows sheets, but not all of them", () => {
    const { ss, sheet } = workbook();
    const other = ss.insertSheet("Other");
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
    other.showSheet();
    expect(other.isSheetHidden()).toBe(false);
  });

  it("frozen panes, column widths, row heights, tab color", () => {
    const { sheet } = workbook();
    sheet.setFrozenRows(2);
    sheet.setFrozenColumns(1);
    sheet.setColumnWidth(1, 180);
    sheet.setColumnWidths(2, 3, 90);
    sheet.setRowHeight(1, 40);
    sheet.setTabColor("#FF0000");
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([2, 1]);
    expect([1, 2, 4, 5].map((c) => sheet.getColumnWidth(c))).toEqual([180, 90, 90, 100]);
    expect(sheet.getTabColor()).toBe("#ff0000");
    sheet.setTabColor(null);
    expect(sheet.getTabColor()).toBeNull();
  });
});

describe("named ranges", () => {
  it("are usable in formulas", () => {
    const { ss, sheet } = workbook();
    sheet.getRange("A1:A2").setValues([[20000], ["60%"]]);
    ss.setNamedRange("Quota", sheet.getRange("A1"));
    ss.setNamedRange("MarketingShare", sheet.getRange("A2"));
    sheet.getRange("B1").setFormula("=Quota*MarketingShare");
    expect(sheet.getRange("B1").getValue()).toBe(12000);
    expect(ss.getRangeByName("Quota")!.getA1Notation()).toBe("A1");
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(["Quota", "MarketingShare"]);
  });

  it.each(["AB12", "1st", "TRUE", "false", "my name", "R1C1", "Ziel-Wert", ""])("rejects the name %p", (name) => {
    const { ss, sheet } = workbook();
    expect(() => ss.setNamedRange(name, sheet.getRange("A1"))).toThrow("not valid for a named range");
  });

  it("accepts names like Sheets does and refuses duplicates", () => {
    const { ss, sheet } = workbook();
    for (const name of ["_x", "Leads_Attempts", "Quota_2026", "R2D2", "x1y"])
      ss.setNamedRange(name, sheet.getRange("A1"));
    expect(() => ss.setNamedRange("quota_2026", sheet.getRange("B1"))).toThrow("already exists");
  });

  it("refuses letters-then-digits names like Quota2026 (HyperFormula can't hold them)", () => {
    const { ss, sheet } = workbook();
    expect(() => ss.setNamedRange("Quota2026", sheet.getRange("A1"))).toThrow("not valid for a named range");
  });

  it("can be moved, renamed and removed", () => {
    const { ss, sheet } = workbook();
    sheet.getRange("A1:B1").setValues([[1, 2]]);
    ss.setNamedRange("Goal", sheet.getRange("A1"));
    sheet.getRange("C1").setFormula("=Goal*10");
    const named = ss.getNamedRanges()[0]!;
    named.setRange(sheet.getRange("B1"));
    expect(sheet.getRange("C1").getValue()).toBe(20);
    named.setName("Target");
    expect(ss.getRangeByName("Target")!.getA1Notation()).toBe("B1");
    expect(ss.getRangeByName("Goal")).toBeNull();
    ss.removeNamedRange("Target");
    expect(ss.getNamedRanges()).toEqual([]);
    expect(sheet.getRange("C1").getValue()).toBe("#NAME?");
    expect(() => ss.removeNamedRange("Target")).toThrow('Named range "Target" not found.');
  });

  it("follow inserted rows and renamed sheets", () => {
    const { ss, sheet } = workbook();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    ss.setNamedRange("Block", sheet.getRange("A1:A3"));
    sheet.insertRowsAfter(1, 2);
    sheet.setName("Data");
    expect(ss.getRangeByName("Block")!.getA1Notation()).toBe("A1:A5");
    expect(ss.getRangeByName("Block")!.getSheet().getName()).toBe("Data");
    expect(wbSnapshotNames(ss)).toEqual({ Block: "'Data'!A1:A5" });
  });

  it("keep open-ended ranges open (A2:A)", () => {
    const { emulator, ss, sheet } = workbook();
    ss.setNamedRange("Leads_Source", sheet.getRange("A2:A"));
    sheet.getRange("B1").setFormula("=COUNTA(Leads_Source)");
    sheet.getRange("A2:A3").setValues([["web"], ["event"]]);
    expect(ss.getRangeByName("Leads_Source")!.getA1Notation()).toBe("A2:A");
    sheet.insertRowsAfter(1000, 100);
    sheet.getRange("A1100").setValue("late");
    expect(sheet.getRange("B1").getValue()).toBe(3);
    expect(emulator.snapshot().namedRanges).toEqual({ Leads_Source: "'Sheet1'!A2:A" });
  });
});

function wbSnapshotNames(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Record<string, string> {
  return Object.fromEntries(
    ss
      .getNamedRanges()
      .map((n) => [n.getName(), `'${n.getRange().getSheet().getName()}'!${n.getRange().getA1Notation()}`]),
  );
}

describe("rows and columns", () => {
  it("inserting rows moves cells and formulas and grows ranges that span them", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("B1").setFormula("=SUM(A1:A3)");
    sheet.getRange("B2").setFormula("=A3*10");
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange("A1:A5").getValues()).toEqual([[1], [""], [""], [2], [3]]);
    expect(sheet.getRange("B1").getFormula()).toBe("=SUM(A1:A5)");
    expect(sheet.getRange("B4").getFormula()).toBe("=A5*10");
    sheet.getRange("A2").setValue(10);
    expect(sheet.getRange("B1").getValue()).toBe(16);
  });

  it("inserted rows take the formats and validations of the row above", () => {
    const { app, sheet } = workbook();
    sheet.getRange("A2:B2").setNumberFormat("0.0").setBackground("#eeeeee");
    sheet.getRange("C2").setDataValidation(app.newDataValidation().requireCheckbox().build());
    sheet.insertRowsAfter(2, 2);
    expect(sheet.getRange("A3:B4").getNumberFormats()).toEqual([
      ["0.0", "0.0"],
      ["0.0", "0.0"],
    ]);
    expect(sheet.getRange("A4").getBackground()).toBe("#eeeeee");
    expect(sheet.getRange("C4").getDataValidation()!.getCriteriaType()).toBe("CHECKBOX");
    expect(sheet.getRange("A5").getNumberFormat()).toBe("0.###############");
  });

  it("deleting rows shifts cells up and shrinks references", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:A5").setValues([[1], [2], [3], [4], [5]]);
    sheet.getRange("B1").setFormula("=SUM(A1:A5)");
    sheet.deleteRows(2, 2);
    expect(sheet.getMaxRows()).toBe(998);
    expect(sheet.getRange("A1:A3").getValues()).toEqual([[1], [4], [5]]);
    expect(sheet.getRange("B1").getFormula()).toBe("=SUM(A1:A3)");
    expect(sheet.getRange("B1").getValue()).toBe(10);
    expect(() => sheet.deleteRows(1, 998)).toThrow("Sorry, it is not possible to delete all non-frozen rows.");
  });

  it("columns insert and delete the same way", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:C1").setValues([[1, 2, "=A1+B1"]]);
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getMaxColumns()).toBe(27);
    expect(sheet.getRange("D1").getFormula()).toBe("=A1+C1");
    sheet.deleteColumns(2, 1);
    expect(sheet.getRange("A1:C1").getValues()).toEqual([[1, 2, 3]]);
    expect(sheet.getRange("C1").getFormula()).toBe("=A1+B1");
  });

  it("rows inserted inside an ARRAYFORMULA's result become part of it, also where a range grows over them", () => {
    const { sheet } = workbook();
    sheet.getRange("A2:A5").setValues([[1], [2], [3], [4]]);
    sheet.getRange("B1").setFormula('=VSTACK("Double",ARRAYFORMULA(IF(A2:A="","",A2:A*2)))');
    // A range over the result and the data grows over the new rows: HyperFormula marks those cells first.
    sheet.getRange("D1").setFormula("=SUM(B2:B5)+COUNT(A2:A5)");
    expect(sheet.getRange("D1").getValue()).toBe(24);
    sheet.insertRowsBefore(4, 2);
    expect(sheet.getRange("B1").getFormula()).toBe('=VSTACK("Double",ARRAYFORMULA(IF(A2:A="","",A2:A*2)))');
    expect(sheet.getRange("D1").getFormula()).toBe("=SUM(B2:B7)+COUNT(A2:A7)");
    expect(sheet.getRange("B2:B7").getValues()).toEqual([[2], [4], [""], [""], [6], [8]]);
    sheet.getRange("A4").setValue(10);
    expect(sheet.getRange("B4").getValue()).toBe(20);
    expect(sheet.getRange("D1").getValue()).toBe(45);
  });

  it("columns inserted inside a row-wise array result become part of it", () => {
    const { sheet } = workbook();
    sheet.getRange("B1:E1").setValues([[1, 2, 3, 4]]);
    sheet.getRange("A2").setFormula("=ARRAYFORMULA(A1:E1*3)");
    sheet.getRange("A3").setFormula("=SUM(B2:E2)");
    sheet.insertColumnsBefore(3, 1);
    expect(sheet.getRange("A2:F2").getValues()).toEqual([[0, 3, 0, 6, 9, 12]]);
    expect(sheet.getRange("A3").getFormula()).toBe("=SUM(B2:F2)");
    sheet.getRange("C1").setValue(5);
    expect(sheet.getRange("C2").getValue()).toBe(15);
    expect(sheet.getRange("A3").getValue()).toBe(45);
  });

  it("getLastRow, getLastColumn and getDataRange look at content only", () => {
    const { sheet } = workbook();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
    sheet.getRange("B3").setValue("x");
    sheet.getRange("D10").setBackground("#ff0000");
    sheet.getRange("C2").setFormula("=SEQUENCE(4)");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([5, 3]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:C5");
  });
});

describe("ranges", () => {
  it("open-ended and whole-column/row A1 notations", () => {
    const { sheet } = workbook();
    const cases: [string, number, number, number, number][] = [
      ["A2:A", 2, 1, 999, 1],
      ["A:C", 1, 1, 1000, 3],
      ["1:1", 1, 1, 1, 26],
      ["B2:2", 2, 2, 1, 25],
      ["$B$2:$C$3", 2, 2, 2, 2],
      ["C3:A1", 1, 1, 3, 3],
    ];
    for (const [a1, row, col, rows, cols] of cases) {
      const r = sheet.getRange(a1);
      expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([row, col, rows, cols]);
    }
    expect(sheet.getRange("A2:A").getA1Notation()).toBe("A2:A");
    expect(sheet.getRange("A:C").getA1Notation()).toBe("A:C");
    expect(sheet.getRange("1:1").getA1Notation()).toBe("1:1");
    expect(sheet.getRange(2, 3, 4, 5).getA1Notation()).toBe("C2:G5");
    expect(sheet.getRange(2, 3).getA1Notation()).toBe("C2");
  });

  it("offset, getLastRow/Column of a range, getSheet", () => {
    const { sheet } = workbook();
    const r = sheet.getRange("B2:C3").offset(1, 2);
    expect(r.getA1Notation()).toBe("D3:E4");
    expect(sheet.getRange("B2:C3").offset(0, 0, 1, 1).getA1Notation()).toBe("B2");
    expect([r.getLastRow(), r.getLastColumn()]).toEqual([4, 5]);
    expect(r.getSheet()).toBe(sheet);
    expect(() => sheet.getRange("A1").offset(-1, 0)).toThrow("The starting row of the range is too small.");
  });

  it("formats, fonts, alignment, wrap and notes", () => {
    const { app, sheet } = workbook();
    const r = sheet.getRange("A1:B2");
    r.setBackground("red").setFontColor("#00F").setFontWeight("bold").setFontStyle("italic").setFontSize(12);
    r.setHorizontalAlignment("center").setVerticalAlignment("middle").setWrap(true);
    sheet.getRange("A1:B1").setBackgrounds([["#111111", null]]);
    sheet.getRange("A2").setTextStyle(app.newTextStyle().setBold(false).setForegroundColor("#00ff00").build());
    sheet.getRange("A1").setNote("Typed by hand");
    expect(r.getBackgrounds()).toEqual([
      ["#111111", "#ffffff"],
      ["#ff0000", "#ff0000"],
    ]);
    expect(r.getFontColors()).toEqual([
      ["#0000ff", "#0000ff"],
      ["#00ff00", "#0000ff"],
    ]);
    expect(r.getFontWeights()).toEqual([
      ["bold", "bold"],
      ["normal", "bold"],
    ]);
    expect(r.getNotes()).toEqual([
      ["Typed by hand", ""],
      ["", ""],
    ]);
    expect(r.getWrapStrategies()[0]).toEqual(["WRAP", "WRAP"]);
    sheet.getRange("A2:B2").setWraps([[false, true]]);
    expect(r.getWrapStrategies()[1]).toEqual(["OVERFLOW", "WRAP"]);
    expect(() => sheet.getRange("A2:B2").setWraps([[true]])).toThrow();
    expect(r.getHorizontalAlignments()[1]).toEqual(["center", "center"]);
    expect(() => r.setFontWeight("heavy" as never)).toThrow("Invalid font weight");
    r.clearFormat();
    expect(r.getBackgrounds()).toEqual([
      ["#ffffff", "#ffffff"],
      ["#ffffff", "#ffffff"],
    ]);
    expect(r.getNotes()[0]![0]).toBe("Typed by hand");
  });

  it("clear, clearContent and clearFormat", () => {
    const { sheet } = workbook();
    const r = sheet.getRange("A1:B1");
    r.setValues([[1, "=A1"]]).setNumberFormat("0.00");
    r.clearContent();
    expect(r.getValues()).toEqual([["", ""]]);
    expect(r.getNumberFormats()).toEqual([["0.00", "0.00"]]);
    r.setValue(2).setNote("kept").insertCheckboxes();
    r.clear({ validationsOnly: true });
    expect(r.getDataValidations()).toEqual([[null, null]]);
    r.insertCheckboxes();
    r.clear();
    expect(r.getValues()).toEqual([["", ""]]);
    expect(r.getDataValidations()).toEqual([[null, null]]);
    expect(r.getNotes()).toEqual([["kept", "kept"]]);
    expect(r.getNumberFormats()).toEqual([["0.###############", "0.###############"]]);
    r.setValue(3);
    sheet.clear();
    expect(sheet.getLastRow()).toBe(0);
  });

  it("merges keep the top-left value; partial overlaps throw", () => {
    const { emulator, sheet } = workbook();
    sheet.getRange("A1:B2").setValues([
      ["keep", "x"],
      ["y", "z"],
    ]);
    sheet.getRange("A1:B2").merge();
    expect(sheet.getRange("A1:B2").getValues()).toEqual([
      ["keep", ""],
      ["", ""],
    ]);
    expect(sheet.getRange("A1").isPartOfMerge()).toBe(true);
    expect(() => sheet.getRange("B2:C2").merge()).toThrow(
      "You must select all cells in a merged range to merge or unmerge them.",
    );
    sheet.getRange("D1:E2").mergeAcross();
    expect(emulator.snapshot().sheets[0]!.merges).toEqual(["A1:B2", "D1:E1", "D2:E2"]);
    sheet.getRange("A1:B2").breakApart();
    expect(sheet.getRange("A1").isPartOfMerge()).toBe(false);
  });

  it("RangeList formats scattered ranges in one call", () => {
    const { emulator, sheet } = workbook();
    const list = sheet.getRangeList(["A1", "C3:D4"]);
    list.setBackground("#cccccc").setFontWeight("bold").setNumberFormat("0.0");
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(["A1", "C3:D4"]);
    expect(sheet.getRange("D4").getBackground()).toBe("#cccccc");
    expect(sheet.getRange("B2").getBackground()).toBe("#ffffff");
    expect(emulator.calls.byMethod["RangeList.setBackground"]).toBe(1);
    expect(emulator.calls.byMethod["Range.setBackground"]).toBeUndefined();
  });

  it("borders draw outer edges and inner lines", () => {
    const { app, emulator, sheet } = workbook();
    sheet.getRange("A1:B2").setBorder(true, true, true, true, null, null, "#333333", app.BorderStyle.SOLID_MEDIUM);
    const cells = emulator.snapshot().sheets[0]!.cells;
    expect(cells.A1!.borders).toEqual({
      top: { color: "#333333", style: "SOLID_MEDIUM" },
      left: { color: "#333333", style: "SOLID_MEDIUM" },
    });
    expect(cells.B2!.borders).toEqual({
      bottom: { color: "#333333", style: "SOLID_MEDIUM" },
      right: { color: "#333333", style: "SOLID_MEDIUM" },
    });
  });
});
