/** toState → createEmulator({ state }) restores the workbook exactly, and it keeps working. */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { createEmulator, type Emulator } from "../../playground/emulator";
import { cloneJson } from "../../playground/emulator/specs";
import { berlin, workbook } from "./helpers";

function buildRichWorkbook(): Emulator {
  const { app, emulator, ss, sheet } = workbook({ locale: "de_DE" });
  sheet.setName("Setup");
  sheet.getRange("A1:B3").setValues([
    ["Quota", 20000],
    ["Share", "60%"],
    ["Start", "2026-12-01"],
  ]);
  sheet.getRange("A5:B5").setValues([["'=literal", "'12"]]);
  sheet.getRange("C1").setValue(new Date("2026-03-29T01:30:00Z"));
  ss.setNamedRange("Quota", sheet.getRange("B1"));
  ss.setNamedRange("MarketingShare", sheet.getRange("B2"));
  const log = ss.insertSheet("Lead log");
  log.getRange("A1:C1").setValues([["Source", "Hours", "Done"]]);
  log.getRange("A2:C4").setValues([
    ["web", 2.5, true],
    ["event", 4, false],
    ["web", "", false],
  ]);
  log.getRange("C2:C100").insertCheckboxes();
  log.getRange("C2:C3").setValues([[true], [false]]);
  ss.setNamedRange("Leads_Source", log.getRange("A2:A"));
  log
    .getRange("A2:A")
    .setDataValidation(app.newDataValidation().requireValueInList(["web", "event"]).setHelpText("Pick one").build());
  log.setFrozenRows(1);
  log.setColumnWidth(1, 160);
  log.setTabColor("#1a73e8");
  log.getRange("A1:C1").setFontWeight("bold").setBackground("#eeeeee").setNote("Header");
  log.getRange("E1:F1").merge();
  const report = ss.insertSheet("Report");
  report
    .getRange("A1:A6")
    .setFormulas([
      ["=Quota*MarketingShare"],
      ['=COUNTIF(Leads_Source,"web")'],
      ["=AVERAGEIFS('Lead log'!B2:B,'Lead log'!A2:A,\"web\")"],
      ["=SEQUENCE(2)"],
      [""],
      ["=TODAY()"],
    ]);
  report.getRange("B1").setFormula("=Setup!B3+30").setNumberFormat("dd.mm.yyyy");
  report.getRange("A1").setNumberFormat('#,##0 "€"');
  report.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenNumberLessThan(1)
      .setBackground("#f4cccc")
      .setRanges([report.getRange("A1:A3")])
      .build(),
  ]);
  report.insertChart(
    report
      .newChart()
      .asLineChart()
      .addRange(log.getRange("A1:B4"))
      .setOption("title", "Hours")
      .setPosition(3, 3, 0, 0)
      .build(),
  );
  report
    .protect()
    .setDescription("Generated")
    .setUnprotectedRanges([report.getRange("D1:D5")]);
  log.getRange("B1").protect().setWarningOnly(true).addEditor("sales@example.com");
  report.hideSheet();
  ss.addEditor("sales@example.com");
  emulator.globals.PropertiesService.getDocumentProperties().setProperty("config", '{"v":1}');
  emulator.globals.PropertiesService.getUserProperties().setProperty("seen", "yes");
  ss.setActiveSheet(log);
  return emulator;
}

describe("state round trip", () => {
  it("restores an identical snapshot", () => {
    const original = buildRichWorkbook();
    original.calls.reset();
    const before = original.snapshot();
    const state = JSON.parse(JSON.stringify(original.toState()));
    const restored = createEmulator({ state });
    expect(restored.snapshot()).toEqual(before);
    // A second round trip is stable too.
    expect(createEmulator({ state: restored.toState() }).snapshot()).toEqual(before);
  });

  it("the snapshot shows what the workbook holds", () => {
    const snap = buildRichWorkbook().snapshot();
    const [setup, log, report] = snap.sheets;
    expect(setup!.cells.A5).toEqual({ value: "=literal" });
    expect(setup!.cells.B5).toEqual({ value: "12" });
    expect(setup!.cells.B3).toEqual({ value: "2026-12-01", format: "yyyy-mm-dd" });
    expect(setup!.cells.C1!.value).toBe("2026-03-29T03:30:00");
    expect(report!.cells.A1).toEqual({ value: 12000, formula: "=Quota*MarketingShare", format: '#,##0 "€"' });
    expect(report!.cells.A3!.value).toBe(2.5);
    expect(report!.cells.A5).toEqual({ value: 2 });
    expect(report!.cells.B1).toEqual({ value: "2026-12-31", formula: "=Setup!B3+30", format: "dd.mm.yyyy" });
    expect(report!.cells.A6).toEqual({ value: "2026-12-01", formula: "=TODAY()" });
    expect(report!.hidden).toBe(true);
    expect(log!.cells.A1).toEqual({ value: "Source", background: "#eeeeee", bold: true, note: "Header" });
    expect(log!.validations[0]).toEqual({
      range: "A2:A1000",
      type: "VALUE_IN_LIST",
      values: [["web", "event"], true],
      allowInvalid: true,
      helpText: "Pick one",
    });
    expect(snap.namedRanges).toEqual({
      Quota: "'Setup'!B1",
      MarketingShare: "'Setup'!B2",
      Leads_Source: "'Lead log'!A2:A",
    });
    expect(snap.properties).toEqual({ document: { config: '{"v":1}' } });
  });

  it("the restored workbook keeps computing and keeps its settings", () => {
    const restored = createEmulator({ state: buildRichWorkbook().toState() });
    const { SpreadsheetApp, PropertiesService, Session } = restored.globals;
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getActiveSheet().getName()).toBe("Lead log");
    expect(ss.getSpreadsheetLocale()).toBe("de_DE");
    expect(Session.getActiveUserLocale()).toBe("de");
    ss.getSheetByName("Setup")!.getRange("B1").setValue(10000);
    expect(ss.getRange("Report!A1").getValue()).toBe(6000);
    expect(ss.getRange("Report!A1").getDisplayValue()).toBe("6.000 €");
    ss.getSheetByName("Lead log")!.getRange("A5").setValue("web");
    expect(ss.getRange("Report!A2").getValue()).toBe(3);
    expect(ss.getRange("Setup!B3").getValue()).toEqual(berlin(2026, 12, 1));
    expect(PropertiesService.getUserProperties().getProperty("seen")).toBe("yes");
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(["owner@example.com", "sales@example.com"]);
    expect(ss.getRangeByName("Leads_Source")!.getA1Notation()).toBe("A2:A");
    const report = ss.getSheetByName("Report")!;
    expect(
      report.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]!.getUnprotectedRanges()[0]!.getA1Notation(),
    ).toBe("D1:D5");
    const [chart] = report.getCharts();
    report.insertChart(chart!.modify().build());
    expect(report.getCharts()[1]!.getChartId()).toBe(chart!.getChartId()! + 1);
  });

  it("workbooks restored from one state share no cell's formats, borders or validation", () => {
    const original = buildRichWorkbook();
    const log = original.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Lead log")!;
    log.getRange("A1:C1").setBorder(true, true, true, true, null, null, "#333333", null);
    const state = original.toState();
    const saved = JSON.stringify(state);
    const first = createEmulator({ state });
    const second = createEmulator({ state });
    const firstLog = first.globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Lead log")!;
    // Borders change in place: taking the top off one cell's must leave the other workbook's alone.
    firstLog.getRange("A1:C1").setBorder(false, null, null, null, null, null).setFontWeight(null);
    firstLog.getRange("A2").clearDataValidations();
    expect(JSON.stringify(first.toState())).not.toBe(saved);
    expect(JSON.stringify(second.toState())).toBe(saved);
    expect(JSON.stringify(state)).toBe(saved);
  });

  it("new sheets get the same ids whether or not the workbook was restored", () => {
    const a = workbook().emulator;
    const b = createEmulator({ state: a.toState() });
    const idA = a.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet("X").getSheetId();
    const idB = b.globals.SpreadsheetApp.getActiveSpreadsheet().insertSheet("X").getSheetId();
    expect(idA).toBe(idB);
    expect(a.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getSheetId()).toBe(0);
  });

  it("options given with a state win over it", () => {
    const state = workbook().emulator.toState();
    const later = createEmulator({ state, today: "2027-01-15", userEmail: "sales@example.com" });
    const sheet = later.globals.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange("A1").setFormula('=TEXT(TODAY(),"yyyy-mm-dd")');
    expect(sheet.getRange("A1").getValue()).toBe("2027-01-15");
    expect(later.globals.Session.getEffectiveUser().getEmail()).toBe("sales@example.com");
    // The file keeps its owner; another person is running the script now.
    expect(later.globals.SpreadsheetApp.getActiveSpreadsheet().getOwner()!.getEmail()).toBe("owner@example.com");
  });
});

describe("cloneJson", () => {
  it("copies as a JSON round trip does, sharing nothing with the original", () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: false, withBoxedValues: false, withDate: true }), (value) => {
        const copy = cloneJson(value);
        expect(copy).toStrictEqual(value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
        if (copy !== null && typeof copy === "object") expect(copy).not.toBe(value);
      }),
      { numRuns: 500, examples: [[{ ["__proto__"]: { a: -0 }, b: [undefined, Number.NaN], c: undefined }]] },
    );
  });
});
