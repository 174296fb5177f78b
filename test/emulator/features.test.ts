/** Data validation, conditional formats, protections and charts: recorded, readable back, and in the snapshot. */
import { describe, expect, it } from "@jest/globals";
import { berlin, workbook } from "./helpers";

describe("data validation", () => {
  it("builds every rule type the add-on uses", () => {
    const { app, ss, sheet } = workbook();
    const lists = ss.insertSheet("Lists");
    const dv = () => app.newDataValidation();
    const rules = [
      dv().requireValueInList(["web", "event"], false).build(),
      dv().requireValueInRange(lists.getRange("A1:A5")).build(),
      dv().requireNumberBetween(0, 100).build(),
      dv().requireNumberGreaterThanOrEqualTo(0).build(),
      dv().requireNumberLessThanOrEqualTo(24).build(),
      dv().requireDate().build(),
      dv()
        .requireDateOnOrAfter(berlin(2026, 1, 1))
        .build(),
      dv().requireCheckbox().build(),
      dv().requireTextIsEmail().build(),
      dv().requireFormulaSatisfied("=A1>0").setAllowInvalid(false).setHelpText("Positive only").build(),
    ];
    expect(rules.map((r) => r.getCriteriaType())).toEqual([
      app.DataValidationCriteria.VALUE_IN_LIST,
      "VALUE_IN_RANGE",
      "NUMBER_BETWEEN",
      "NUMBER_GREATER_THAN_OR_EQUAL_TO",
      "NUMBER_LESS_THAN_OR_EQUAL_TO",
      "DATE_IS_VALID_DATE",
      "DATE_ON_OR_AFTER",
      "CHECKBOX",
      "TEXT_IS_VALID_EMAIL",
      "CUSTOM_FORMULA",
    ]);
    expect(rules[0]!.getCriteriaValues()).toEqual([["web", "event"], false]);
    const [range, dropdown] = rules[1]!.getCriteriaValues() as [GoogleAppsScript.Spreadsheet.Range, boolean];
    expect([range.getSheet().getName(), range.getA1Notation(), dropdown]).toEqual(["Lists", "A1:A5", true]);
    expect(rules[6]!.getCriteriaValues()).toEqual([berlin(2026, 1, 1)]);
    expect(rules[0]!.getAllowInvalid()).toBe(true);
    expect([rules[9]!.getAllowInvalid(), rules[9]!.getHelpText()]).toEqual([false, "Positive only"]);
    expect(rules[2]!.getHelpText()).toBeNull();

    sheet.getRange(1, 1, 1, rules.length).setDataValidations([rules]);
    expect(sheet.getRange("C1").getDataValidation()!.getCriteriaValues()).toEqual([0, 100]);
    expect(sheet.getRange("K1").getDataValidation()).toBeNull();
    expect(() => dv().build()).toThrow("needs a criteria");
  });

  it("setDataValidations with null clears a cell; copy() makes a changed rule", () => {
    const { app, sheet } = workbook();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).build();
    sheet.getRange("A1:A3").setDataValidation(rule);
    sheet.getRange("A1:A3").setDataValidations([[null], [rule.copy().setHelpText("1 to 5").build()], [rule]]);
    const got = sheet.getRange("A1:A3").getDataValidations();
    expect(got[0]![0]).toBeNull();
    expect(got[1]![0]!.getHelpText()).toBe("1 to 5");
    sheet.getRange("A1:A3").clearDataValidations();
    expect(sheet.getRange("A1:A3").getDataValidations()).toEqual([[null], [null], [null]]);
  });

  it("insertCheckboxes sets checkbox validation and FALSE", () => {
    const { sheet } = workbook();
    sheet.getRange("A1:A2").setValues([["x"], [""]]);
    sheet.getRange("A1:A2").insertCheckboxes();
    expect(sheet.getRange("A1:A2").getValues()).toEqual([[false], [false]]);
    expect(sheet.getRange("A2").getDataValidation()!.getCriteriaType()).toBe("CHECKBOX");
  });

  it("appears in the snapshot as column runs of identical rules", () => {
    const { app, emulator, ss, sheet } = workbook();
    const list = app.newDataValidation().requireValueInList(["a", "b"]).build();
    const check = app.newDataValidation().requireCheckbox().build();
    sheet.getRange("A2:A100").setDataValidation(list);
    sheet.getRange("B2:B10").setDataValidation(check);
    sheet.getRange("B5").setDataValidation(null);
    sheet
      .getRange("C2")
      .setDataValidation(app.newDataValidation().requireValueInRange(ss.getRange("Sheet1!Z1:Z3")).build());
    sheet.getRange("D2").setDataValidation(
      app
        .newDataValidation()
        .requireDateOnOrAfter(berlin(2026, 12, 1))
        .build(),
    );
    expect(emulator.snapshot().sheets[0]!.validations).toEqual([
      { range: "A2:A100", type: "VALUE_IN_LIST", values: [["a", "b"], true], allowInvalid: true, helpText: null },
      { range: "B2:B4", type: "CHECKBOX", values: [], allowInvalid: true, helpText: null },
      { range: "B6:B10", type: "CHECKBOX", values: [], allowInvalid: true, helpText: null },
      { range: "C2", type: "VALUE_IN_RANGE", values: ["Sheet1!Z1:Z3", true], allowInvalid: true, helpText: null },
      { range: "D2", type: "DATE_ON_OR_AFTER", values: ["2026-12-01"], allowInvalid: true, helpText: null },
    ]);
  });
});

describe("conditional formats", () => {
  it("setConditionalFormatRules replaces all rules; rules read back and show in the snapshot", () => {
    const { app, emulator, sheet } = workbook();
    const rule = (
      build: (
        b: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
      ) => GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
    ) =>
      build(app.newConditionalFormatRule())
        .setRanges([sheet.getRange("B2:B31")])
        .build();
    sheet.setConditionalFormatRules([rule((b) => b.whenCellEmpty().setBackground("#eeeeee"))]);
    const rules = [
      rule((b) => b.whenFormulaSatisfied("=$B2<$C2").setBackground("#F4CCCC").setFontColor("#990000").setBold(true)),
      rule((b) => b.whenNumberLessThan(1).setFontColor("red")),
      rule((b) => b.whenNumberGreaterThanOrEqualTo(1).setItalic(true)),
      rule((b) => b.whenNumberBetween(0.9, 1).setBackground("#fff2cc")),
      rule((b) => b.whenTextEqualTo("late").setBackground("#f4cccc")),
      rule((b) => b.whenTextContains("won").setBackground("#d9ead3")),
      rule((b) => b.whenCellNotEmpty().setBold(true)),
      rule((b) => b.whenNumberLessThanOrEqualTo(0)),
      rule((b) => b.whenNumberGreaterThan(10)),
    ];
    sheet.setConditionalFormatRules(rules);
    const back = sheet.getConditionalFormatRules();
    expect(back).toHaveLength(9);
    expect(back[0]!.getBooleanCondition()!.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(back[0]!.getBooleanCondition()!.getCriteriaValues()).toEqual(["=$B2<$C2"]);
    expect(back[0]!.getRanges()[0]!.getA1Notation()).toBe("B2:B31");
    const snap = emulator.snapshot().sheets[0]!.conditionalFormats;
    expect(snap[0]).toEqual({
      ranges: ["B2:B31"],
      condition: "CUSTOM_FORMULA",
      values: ["=$B2<$C2"],
      background: "#f4cccc",
      fontColor: "#990000",
      bold: true,
      italic: null,
    });
    expect(snap.map((r) => r.condition)).toEqual([
      "CUSTOM_FORMULA",
      "NUMBER_LESS_THAN",
      "NUMBER_GREATER_THAN_OR_EQUAL_TO",
      "NUMBER_BETWEEN",
      "TEXT_EQUAL_TO",
      "TEXT_CONTAINS",
      "CELL_NOT_EMPTY",
      "NUMBER_LESS_THAN_OR_EQUAL_TO",
      "NUMBER_GREATER_THAN",
    ]);
    expect(snap[3]!.values).toEqual([0.9, 1]);
    // Appending means reading the rules first, as in Sheets.
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule((b) => b.whenCellEmpty())]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(10);
  });

  it("rule ranges move with inserted rows", () => {
    const { app, sheet } = workbook();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setRanges([sheet.getRange("A5:A10")])
        .build(),
    ]);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe("A7:A12");
  });
});

describe("protections", () => {
  it("start with the file's editors (the current user), keep owner and current user on removal", () => {
    const { emulator, ss, sheet } = workbook({ userEmail: "me@example.com" });
    ss.addEditors(["sales@example.com", "lead@example.com"]);
    const p = sheet.getRange("A1:D1").protect().setDescription("Formulas");
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([
      "me@example.com",
      "sales@example.com",
      "lead@example.com",
    ]);
    expect(p.canEdit()).toBe(true);
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual(["me@example.com"]);
    p.addEditor("lead@example.com");
    const w = sheet.getRange("F1").protect().setWarningOnly(true);
    expect(w.isWarningOnly()).toBe(true);
    expect(emulator.snapshot().sheets[0]!.protections).toEqual([
      {
        type: "RANGE",
        range: "Sheet1!A1:D1",
        description: "Formulas",
        warningOnly: false,
        editors: ["me@example.com", "lead@example.com"],
        unprotectedRanges: [],
      },
      {
        type: "RANGE",
        range: "Sheet1!F1",
        description: "",
        warningOnly: true,
        editors: ["me@example.com", "sales@example.com", "lead@example.com"],
        unprotectedRanges: [],
      },
    ]);
  });

  it("a sheet has one sheet protection, with unprotected ranges", () => {
    const { app, emulator, sheet } = workbook();
    const p = sheet.protect().setDescription("Goals");
    expect(sheet.protect().getDescription()).toBe("Goals");
    p.setUnprotectedRanges([sheet.getRange("B2:B10")]);
    expect(p.getUnprotectedRanges().map((r) => r.getA1Notation())).toEqual(["B2:B10"]);
    expect(p.getRange().getA1Notation()).toBe("A1:Z1000");
    sheet.getRange("A1").protect();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    expect(() => sheet.getProtections(app.ProtectionType.RANGE)[0]!.setUnprotectedRanges([])).toThrow(
      "protected sheet",
    );
    const snap = emulator.snapshot().sheets[0]!.protections[0]!;
    expect([snap.type, snap.range, snap.unprotectedRanges]).toEqual(["SHEET", "sheet", ["Sheet1!B2:B10"]]);
    p.remove();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toEqual([]);
    expect(() => p.setDescription("gone")).toThrow("removed");
  });

  it("domain editing is refused for a gmail.com owner", () => {
    const gmail = workbook({ userEmail: "someone@gmail.com" });
    expect(() => gmail.sheet.protect().setDomainEdit(false)).toThrow("Google Workspace");
    const work = workbook();
    expect(work.sheet.protect().setDomainEdit(true).canDomainEdit()).toBe(true);
  });
});

describe("charts", () => {
  function data(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    sheet.getRange("A1:C4").setValues([
      ["Day", "Goal", "Actual"],
      [1, 10, 8],
      [2, 20, 21],
      [3, 30, 33],
    ]);
  }

  it("builds, inserts, reads back and snapshots a chart", () => {
    const { emulator, sheet, emulator: em } = workbook();
    const charts = em.globals.Charts;
    data(sheet);
    const chart = sheet
      .newChart()
      .asLineChart()
      .addRange(sheet.getRange("A1:C4"))
      .setPosition(2, 5, 10, 0)
      .setOption("title", "Pace")
      .setOption("series", { 0: { lineDashStyle: [4, 4] } })
      .setNumHeaders(1)
      .setMergeStrategy(charts.ChartMergeStrategy.MERGE_COLUMNS)
      .setHiddenDimensionStrategy(charts.ChartHiddenDimensionStrategy.IGNORE_ROWS)
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted!.getOptions().get("title")).toBe("Pace");
    expect(inserted!.getRanges().map((r) => r.getA1Notation())).toEqual(["A1:C4"]);
    expect(inserted!.getContainerInfo().getAnchorColumn()).toBe(5);
    expect(emulator.snapshot().sheets[0]!.charts).toEqual([
      {
        id: inserted!.getChartId(),
        type: "LINE",
        title: "Pace",
        ranges: ["Sheet1!A1:C4"],
        series: ["Goal", "Actual"],
        options: { title: "Pace", series: { 0: { lineDashStyle: [4, 4] } } },
        position: { row: 2, column: 5, offsetX: 10, offsetY: 0 },
      },
    ]);
  });

  it("modify() + updateChart() changes it; removeChart() removes it", () => {
    const { emulator, sheet } = workbook();
    data(sheet);
    sheet.insertChart(sheet.newChart().asColumnChart().addRange(sheet.getRange("A1:B4")).build());
    const [chart] = sheet.getCharts();
    const builder = chart!
      .modify()
      .asComboChart()
      .clearRanges()
      .addRange(sheet.getRange("A1:A4"))
      .addRange(sheet.getRange("C1:C4"));
    expect(builder.getChartType()).toBe("COMBO");
    expect(sheet.getCharts()[0]!.getRanges()[0]!.getA1Notation()).toBe("A1:B4");
    sheet.updateChart(builder.setOption("title", "Actual").build());
    const snap = emulator.snapshot().sheets[0]!.charts[0]!;
    expect([snap.type, snap.ranges, snap.series, snap.title]).toEqual([
      "COMBO",
      ["Sheet1!A1:A4", "Sheet1!C1:C4"],
      ["Actual"],
      "Actual",
    ]);
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toEqual([]);
  });

  it("series labels honour numHeaders and transposition", () => {
    const { emulator, sheet } = workbook();
    data(sheet);
    sheet.insertChart(sheet.newChart().asAreaChart().addRange(sheet.getRange("A1:C4")).setNumHeaders(0).build());
    sheet.insertChart(sheet.newChart().asBarChart().addRange(sheet.getRange("A2:C4")).build());
    // Transposed, each row is a series and its first cell the label.
    const transposed = sheet
      .newChart()
      .setChartType(emulator.globals.Charts.ChartType.COLUMN)
      .addRange(sheet.getRange("A1:C4"));
    sheet.insertChart(transposed.setTransposeRowsAndColumns(true).setNumHeaders(1).build());
    expect(emulator.snapshot().sheets[0]!.charts.map((c) => [c.type, c.series])).toEqual([
      ["AREA", [null, null]],
      ["BAR", [null, null]],
      ["COLUMN", ["1", "2", "3"]],
    ]);
  });

  it("typed-builder shortcuts set the matching options", () => {
    const { sheet, emulator } = workbook();
    data(sheet);
    const c = emulator.globals.Charts;
    const chart = sheet
      .newChart()
      .asLineChart()
      .setTitle("Pace")
      .setXAxisTitle("Day")
      .setYAxisTitle("Leads")
      .setLegendPosition(c.Position.BOTTOM)
      .setColors(["#1a73e8", "#d93025"])
      .addRange(sheet.getRange("A1:B4"))
      .build();
    sheet.insertChart(chart);
    expect(emulator.snapshot().sheets[0]!.charts[0]!.options).toEqual({
      title: "Pace",
      "hAxis.title": "Day",
      "vAxis.title": "Leads",
      "legend.position": "bottom",
      colors: ["#1a73e8", "#d93025"],
    });
    expect(() => sheet.newChart().setChartType("NOPE" as never)).toThrow("Invalid chart type");
  });
});
