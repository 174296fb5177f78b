/** Developer metadata, Sheet.moveRows/moveColumns and Range.sort, as Sheets documents them. */
import { describe, expect, it } from "@jest/globals";
import { createEmulator } from "../../playground/emulator";
import { workbook } from "./helpers";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Where the metadata with this key is now, found again as an add-on would: "C" for a column, "5" for a row. */
function whereIs(sheet: Sheet, key: string): string[] {
  return sheet
    .createDeveloperMetadataFinder()
    .withKey(key)
    .find()
    .map((m) => {
      const location = m.getLocation();
      const column = location.getColumn();
      if (column) return column.getA1Notation().replace(/\d+/g, "");
      const row = location.getRow();
      return row ? String(row.getRow()) : String(location.getLocationType());
    });
}

describe("developer metadata: creating and finding", () => {
  it("adds metadata on the spreadsheet, a sheet, a whole column and a whole row, with the four argument forms", () => {
    const { app, ss, sheet } = workbook();
    const { DOCUMENT, PROJECT } = app.DeveloperMetadataVisibility;
    ss.addDeveloperMetadata("sla.version", "3");
    sheet.addDeveloperMetadata("sla.tab", PROJECT);
    sheet.getRange("C:C").addDeveloperMetadata("sla.column", "closedOn", DOCUMENT);
    sheet.getRange(5, 1, 1, sheet.getMaxColumns()).addDeveloperMetadata("sla.row");

    const all = ss.createDeveloperMetadataFinder().find();
    expect(
      all.map((m) => [m.getKey(), m.getValue(), String(m.getVisibility()), String(m.getLocation().getLocationType())]),
    ).toEqual([
      ["sla.version", "3", "DOCUMENT", "SPREADSHEET"],
      ["sla.tab", null, "PROJECT", "SHEET"],
      ["sla.column", "closedOn", "DOCUMENT", "COLUMN"],
      ["sla.row", null, "DOCUMENT", "ROW"],
    ]);
    expect(new Set(all.map((m) => m.getId())).size).toBe(4);
    expect(all.every((m) => Number.isInteger(m.getId()) && m.getId() > 0)).toBe(true);
    // A visibility is the enum member: the same object, whose text is its name.
    expect(all[1]!.getVisibility()).toBe(PROJECT);
    // A string second argument is a value, even one that reads like a visibility.
    sheet.addDeveloperMetadata("word", "PROJECT");
    const word = sheet.getDeveloperMetadata().find((m) => m.getKey() === "word")!;
    expect([word.getValue(), word.getVisibility()]).toEqual(["PROJECT", DOCUMENT]);
  });

  it("getDeveloperMetadata answers each location's own metadata only", () => {
    const { ss, sheet } = workbook();
    ss.addDeveloperMetadata("file");
    sheet.addDeveloperMetadata("tab");
    sheet.getRange("B:B").addDeveloperMetadata("column");
    expect(ss.getDeveloperMetadata().map((m) => m.getKey())).toEqual(["file"]);
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(["tab"]);
    expect(
      sheet
        .getRange("B:B")
        .getDeveloperMetadata()
        .map((m) => m.getKey()),
    ).toEqual(["column"]);
    expect(sheet.getRange("C:C").getDeveloperMetadata()).toEqual([]);
    expect(sheet.getRange("B1:B5").getDeveloperMetadata()).toEqual([]);
  });

  it("finds by key, value, id, location type and visibility, within the finder's scope", () => {
    const { app, ss, sheet } = workbook();
    const { COLUMN, SHEET, ROW } = app.DeveloperMetadataLocationType;
    const other = ss.insertSheet("Other");
    sheet.addDeveloperMetadata("sla.tab", "Leads");
    sheet.getRange("A:A").addDeveloperMetadata("sla.column", "email");
    sheet.getRange("D:D").addDeveloperMetadata("sla.column", "closedOn", app.DeveloperMetadataVisibility.PROJECT);
    sheet.getRange("3:3").addDeveloperMetadata("sla.row", "header");
    other.getRange("A:A").addDeveloperMetadata("sla.column", "email");

    const keys = (found: GoogleAppsScript.Spreadsheet.DeveloperMetadata[]) =>
      found.map((m) => `${m.getKey()}=${m.getValue()}`);
    expect(keys(ss.createDeveloperMetadataFinder().withKey("sla.column").find())).toEqual([
      "sla.column=email",
      "sla.column=closedOn",
      "sla.column=email",
    ]);
    expect(keys(sheet.createDeveloperMetadataFinder().withKey("sla.column").find())).toEqual([
      "sla.column=email",
      "sla.column=closedOn",
    ]);
    expect(keys(sheet.createDeveloperMetadataFinder().withValue("closedOn").find())).toEqual(["sla.column=closedOn"]);
    expect(keys(ss.createDeveloperMetadataFinder().withLocationType(SHEET).find())).toEqual(["sla.tab=Leads"]);
    expect(keys(ss.createDeveloperMetadataFinder().withLocationType(ROW).find())).toEqual(["sla.row=header"]);
    expect(
      keys(
        sheet
          .createDeveloperMetadataFinder()
          .withLocationType(COLUMN)
          .withVisibility(app.DeveloperMetadataVisibility.PROJECT)
          .find(),
      ),
    ).toEqual(["sla.column=closedOn"]);
    const id = ss.createDeveloperMetadataFinder().withValue("closedOn").find()[0]!.getId();
    expect(keys(ss.createDeveloperMetadataFinder().withId(id).find())).toEqual(["sla.column=closedOn"]);
    expect(other.createDeveloperMetadataFinder().withKey("sla.tab").find()).toEqual([]);

    // A range finds what lies wholly inside it; with onIntersectingLocations, what it touches.
    expect(keys(sheet.getRange("A1:D10").createDeveloperMetadataFinder().find())).toEqual([]);
    expect(keys(sheet.getRange("A:D").createDeveloperMetadataFinder().find())).toEqual([
      "sla.column=email",
      "sla.column=closedOn",
    ]);
    expect(keys(sheet.getRange("1:5").createDeveloperMetadataFinder().find())).toEqual(["sla.row=header"]);
    expect(keys(sheet.getRange("C1:D2").createDeveloperMetadataFinder().onIntersectingLocations().find())).toEqual([
      "sla.column=closedOn",
    ]);
    expect(() => ss.createDeveloperMetadataFinder().onIntersectingLocations()).toThrow(
      "only valid for searches scoped to a range",
    );
    expect(() => sheet.createDeveloperMetadataFinder().withLocationType("COLUMN" as never)).toThrow(
      "don't match the method signature",
    );
  });

  it("refuses a range that is not one whole row or column, and a key that is empty", () => {
    const { sheet } = workbook();
    const refused = "Adding developer metadata to arbitrary ranges is not currently supported.";
    expect(() => sheet.getRange("E2:E").addDeveloperMetadata("k")).toThrow(refused);
    expect(() => sheet.getRange("E1:E999").addDeveloperMetadata("k")).toThrow(refused);
    expect(() => sheet.getRange("E:F").addDeveloperMetadata("k")).toThrow(refused);
    expect(() => sheet.getRange("A1").addDeveloperMetadata("k")).toThrow(refused);
    expect(() => sheet.getRange("2:3").addDeveloperMetadata("k")).toThrow(refused);
    expect(() => sheet.addDeveloperMetadata("")).toThrow("Invalid argument: key");
    expect(sheet.getParent().createDeveloperMetadataFinder().find()).toEqual([]);
    sheet.getRange(1, 5, sheet.getMaxRows(), 1).addDeveloperMetadata("k");
    expect(whereIs(sheet, "k")).toEqual(["E:E"]);
  });

  it("sets key, value and visibility, moves between locations and removes", () => {
    const { app, ss, sheet } = workbook();
    const other = ss.insertSheet("Other");
    sheet.getRange("B:B").addDeveloperMetadata("a", "1");
    const m = ss.createDeveloperMetadataFinder().withKey("a").find()[0]!;
    m.setKey("b").setValue("2").setVisibility(app.DeveloperMetadataVisibility.PROJECT);
    const again = ss.createDeveloperMetadataFinder().withId(m.getId()).find()[0]!;
    expect([again.getKey(), again.getValue(), String(again.getVisibility())]).toEqual(["b", "2", "PROJECT"]);

    m.moveToColumn(sheet.getRange("F:F"));
    expect(whereIs(sheet, "b")).toEqual(["F:F"]);
    m.moveToRow(other.getRange("7:7"));
    expect(whereIs(other, "b")).toEqual(["7"]);
    expect(whereIs(sheet, "b")).toEqual([]);
    m.moveToSheet(sheet);
    expect(m.getLocation().getSheet()!.getName()).toBe("Sheet1");
    m.moveToSpreadsheet();
    expect(m.getLocation().getSpreadsheet()).not.toBeNull();
    expect(m.getLocation().getSheet()).toBeNull();
    expect(() => m.moveToColumn(sheet.getRange("F1:F9"))).toThrow("is not a single whole column");
    m.remove();
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
    expect(() => m.setValue("3")).toThrow(`No developer metadata with id ${m.getId()}`);
  });

  it("classifies the calls: find and get are reads, changes are writes, the rest is free", () => {
    const { emulator, ss, sheet } = workbook();
    sheet.getRange("C:C").addDeveloperMetadata("k", "v");
    const found = ss.createDeveloperMetadataFinder().withKey("k").find();
    found[0]!.getLocation().getColumn()!.getColumn();
    found[0]!.getValue();
    sheet.getDeveloperMetadata();
    found[0]!.setValue("w");
    expect(emulator.calls.byMethod).toEqual({
      "Sheet.getRange": 1,
      "Range.addDeveloperMetadata": 1,
      "Spreadsheet.createDeveloperMetadataFinder": 1,
      "DeveloperMetadataFinder.withKey": 1,
      "DeveloperMetadataFinder.find": 1,
      "DeveloperMetadata.getLocation": 1,
      "DeveloperMetadataLocation.getColumn": 1,
      "Range.getColumn": 1,
      "DeveloperMetadata.getValue": 1,
      "Sheet.getDeveloperMetadata": 1,
      "DeveloperMetadata.setValue": 1,
    });
    expect(emulator.calls.documentCalls).toBe(4);
  });
});

describe("developer metadata follows its row or column", () => {
  it("column metadata shifts with inserted columns, goes with its deleted column, stays when others go", () => {
    const { sheet } = workbook();
    sheet.getRange("C:C").addDeveloperMetadata("closedOn");
    sheet.getRange("E:E").addDeveloperMetadata("hours");
    sheet.insertColumnsBefore(3, 1);
    expect([whereIs(sheet, "closedOn"), whereIs(sheet, "hours")]).toEqual([["D:D"], ["F:F"]]);
    sheet.insertColumnsAfter(4, 2);
    expect([whereIs(sheet, "closedOn"), whereIs(sheet, "hours")]).toEqual([["D:D"], ["H:H"]]);
    sheet.deleteColumns(1, 2);
    expect([whereIs(sheet, "closedOn"), whereIs(sheet, "hours")]).toEqual([["B:B"], ["F:F"]]);
    sheet.deleteColumn(2);
    expect([whereIs(sheet, "closedOn"), whereIs(sheet, "hours")]).toEqual([[], ["E:E"]]);
  });

  it("moveColumns carries the column's metadata, values, formats and the formulas pointing at it", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:D2").setValues([
      ["a", "b", "c", "d"],
      [1, 2, 3, 4],
    ]);
    sheet.getRange("B2").setBackground("#ff0000");
    sheet.getRange("F1").setFormula("=B2*10");
    sheet.getRange("B:B").addDeveloperMetadata("b");
    sheet.getRange("D:D").addDeveloperMetadata("d");
    sheet.moveColumns(sheet.getRange("B1"), 4); // B goes before the old D: a, c, b, d
    expect(sheet.getRange("A1:D1").getValues()).toEqual([["a", "c", "b", "d"]]);
    expect(sheet.getRange("C2").getBackground()).toBe("#ff0000");
    expect(sheet.getRange("B2").getBackground()).toBe("#ffffff");
    expect([whereIs(sheet, "b"), whereIs(sheet, "d")]).toEqual([["C:C"], ["D:D"]]);
    expect(sheet.getRange("F1").getFormula()).toBe("=C2*10");
    expect(sheet.getRange("F1").getValue()).toBe(20);
    // Two columns to the front.
    sheet.moveColumns(sheet.getRange("C1:D1"), 1);
    expect(sheet.getRange("A1:D1").getValues()).toEqual([["b", "d", "a", "c"]]);
    expect([whereIs(sheet, "b"), whereIs(sheet, "d")]).toEqual([["A:A"], ["B:B"]]);
    expect(sheet.getRange("F1").getValue()).toBe(20);
  });

  it("moveColumns moves a column holding an ARRAYFORMULA", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:A3").setValues([[1], [2], [3]]);
    sheet.getRange("C1").setFormula("=ARRAYFORMULA(A1:A3*2)");
    sheet.getRange("C:C").addDeveloperMetadata("doubled");
    sheet.moveColumns(sheet.getRange("C:C"), 1);
    expect(sheet.getRange("A1").getFormula()).toBe("=ARRAYFORMULA(B1:B3*2)");
    expect(sheet.getRange("A1:A3").getValues()).toEqual([[2], [4], [6]]);
    expect(whereIs(sheet, "doubled")).toEqual(["A:A"]);
  });

  it("row metadata shifts with inserted rows, goes with its deleted row, and moveRows carries it", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:A4").setValues([["r1"], ["r2"], ["r3"], ["r4"]]);
    sheet.getRange("2:2").addDeveloperMetadata("two");
    sheet.getRange("4:4").addDeveloperMetadata("four");
    sheet.insertRowsBefore(1, 2);
    expect([whereIs(sheet, "two"), whereIs(sheet, "four")]).toEqual([["4"], ["6"]]);
    sheet.deleteRows(1, 2);
    sheet.moveRows(sheet.getRange("A2"), 5); // row 2 goes after row 4, as the reference's example
    expect(sheet.getRange("A1:A4").getValues()).toEqual([["r1"], ["r3"], ["r4"], ["r2"]]);
    expect([whereIs(sheet, "two"), whereIs(sheet, "four")]).toEqual([["4"], ["3"]]);
    sheet.deleteRow(3);
    expect([whereIs(sheet, "two"), whereIs(sheet, "four")]).toEqual([["3"], []]);
    expect(() => sheet.moveRows(sheet.getRange("A1:A3"), 2)).toThrow("inside themselves");
  });

  it("sheet metadata survives a rename and dies with the sheet, its rows' and columns' too", () => {
    const { ss } = workbook();
    const leads = ss.insertSheet("Leads");
    leads.addDeveloperMetadata("sla.tab", "leads");
    leads.getRange("B:B").addDeveloperMetadata("sla.column", "email");
    leads.setName("Meine Leads");
    const found = ss.createDeveloperMetadataFinder().withKey("sla.tab").find();
    expect(found.map((m) => m.getLocation().getSheet()!.getName())).toEqual(["Meine Leads"]);
    ss.deleteSheet(leads);
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
  });
});

describe("developer metadata is saved", () => {
  it("goes through toState and back, with its ids, and new ids stay unique", () => {
    const { emulator, ss, sheet } = workbook();
    ss.addDeveloperMetadata("sla.version", "3");
    sheet.getRange("C:C").addDeveloperMetadata("sla.column", "closedOn");
    sheet.insertColumnsBefore(1, 1);
    const before = ss
      .createDeveloperMetadataFinder()
      .find()
      .map((m) => [m.getId(), m.getKey(), m.getValue()]);
    const state = JSON.parse(JSON.stringify(emulator.toState()));
    const restored = createEmulator({ state });
    const rss = restored.globals.SpreadsheetApp.getActiveSpreadsheet();
    expect(
      rss
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => [m.getId(), m.getKey(), m.getValue()]),
    ).toEqual(before);
    expect(whereIs(rss.getSheets()[0]!, "sla.column")).toEqual(["D:D"]);
    rss.addDeveloperMetadata("next");
    const ids = rss
      .createDeveloperMetadataFinder()
      .find()
      .map((m) => m.getId());
    expect(new Set(ids).size).toBe(3);
    expect(restored.snapshot().developerMetadata.map((m) => [m.key, m.location])).toEqual([
      ["sla.version", "spreadsheet"],
      ["sla.column", "'Sheet1'!D:D"],
      ["next", "spreadsheet"],
    ]);
  });

  it("reads a state saved before metadata existed", () => {
    const { emulator } = workbook();
    const state = emulator.toState();
    delete state.developerMetadata;
    delete state.counters.metadataSeed;
    const restored = createEmulator({ state });
    expect(restored.globals.SpreadsheetApp.getActiveSpreadsheet().createDeveloperMetadataFinder().find()).toEqual([]);
  });
});

describe("Range.sort", () => {
  it("sorts the range's rows by a column, keeping each row's values and formats together", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:C5").setValues([
      ["name", "revenue", "region"],
      ["Cleo", 300, "north"],
      ["Abe", "", "south"],
      ["Bea", 100, "east"],
      ["Dan", 200, "west"],
    ]);
    sheet.getRange("A4:C4").setBackground("#00ff00");
    sheet.getRange("E1").setValue("outside");
    sheet.getRange("A2:C5").sort(2);
    expect(sheet.getRange("A1:C5").getValues()).toEqual([
      ["name", "revenue", "region"],
      ["Bea", 100, "east"],
      ["Dan", 200, "west"],
      ["Cleo", 300, "north"],
      ["Abe", "", "south"],
    ]);
    expect(sheet.getRange("A2:C2").getBackgrounds()).toEqual([["#00ff00", "#00ff00", "#00ff00"]]);
    expect(sheet.getRange("A4").getBackground()).toBe("#ffffff");
    // Descending keeps empty cells last; several keys in order.
    sheet.getRange("A2:C5").sort({ column: 2, ascending: false });
    expect(sheet.getRange("A2:A5").getValues()).toEqual([["Cleo"], ["Dan"], ["Bea"], ["Abe"]]);
    sheet.getRange("A2:C5").sort([{ column: 1, ascending: true }]);
    expect(sheet.getRange("A2:A5").getValues()).toEqual([["Abe"], ["Bea"], ["Cleo"], ["Dan"]]);
    expect(sheet.getRange("E1").getValue()).toBe("outside");
    expect(() => sheet.getRange("A2:C5").sort(4)).toThrow("outside the range");
  });

  it("moves a row's formula with its row and keeps row metadata in place", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:B3").setValues([
      [3, "=A1*2"],
      [1, "=A2*2"],
      [2, "=A3*2"],
    ]);
    sheet.getRange("2:2").addDeveloperMetadata("row2");
    sheet.getRange("A1:B3").sort(1);
    expect(sheet.getRange("A1:B3").getValues()).toEqual([
      [1, 2],
      [2, 4],
      [3, 6],
    ]);
    expect(sheet.getRange("B1").getFormula()).toBe("=A1*2");
    expect(whereIs(sheet, "row2")).toEqual(["2"]);
  });
});
