/** The call log: what is recorded, how each call is classified, and that the table covers every method. */
import { describe, expect, it } from "@jest/globals";
import {
  BooleanConditionFacade,
  ConditionalFormatRuleBuilderFacade,
  ConditionalFormatRuleFacade,
  DataValidationBuilderFacade,
  DataValidationFacade,
  TextStyleBuilderFacade,
  TextStyleFacade,
} from "../../playground/emulator/builders";
import { CALL_KINDS, CallLog, kindOf, Recorder } from "../../playground/emulator/callLog";
import {
  DeveloperMetadataFacade,
  DeveloperMetadataFinderFacade,
  DeveloperMetadataLocationFacade,
} from "../../playground/emulator/developerMetadata";
import {
  ChartOptionsFacade,
  ChartsFacade,
  ContainerInfoFacade,
  EmbeddedChartBuilderFacade,
  EmbeddedChartFacade,
} from "../../playground/emulator/charts";
import { ProtectionFacade } from "../../playground/emulator/protection";
import { RangeFacade } from "../../playground/emulator/range";
import { RangeListFacade } from "../../playground/emulator/rangeList";
import {
  LockFacade,
  LockServiceFacade,
  PropertiesFacade,
  PropertiesServiceFacade,
  SessionFacade,
  SpreadsheetAppFacade,
} from "../../playground/emulator/services";
import { SheetFacade } from "../../playground/emulator/sheet";
import { NamedRangeFacade, SpreadsheetFacade } from "../../playground/emulator/spreadsheet";
import { UserFacade } from "../../playground/emulator/user";
import { workbook } from "./helpers";

const FACADES = [
  SpreadsheetAppFacade,
  SpreadsheetFacade,
  SheetFacade,
  RangeFacade,
  RangeListFacade,
  NamedRangeFacade,
  ProtectionFacade,
  UserFacade,
  EmbeddedChartFacade,
  EmbeddedChartBuilderFacade,
  ChartOptionsFacade,
  ContainerInfoFacade,
  ChartsFacade,
  DataValidationBuilderFacade,
  DataValidationFacade,
  ConditionalFormatRuleBuilderFacade,
  ConditionalFormatRuleFacade,
  BooleanConditionFacade,
  TextStyleBuilderFacade,
  TextStyleFacade,
  PropertiesServiceFacade,
  PropertiesFacade,
  LockServiceFacade,
  LockFacade,
  SessionFacade,
  DeveloperMetadataFacade,
  DeveloperMetadataFinderFacade,
  DeveloperMetadataLocationFacade,
];

function publicMethods(cls: { prototype: object }): string[] {
  return Object.entries(Object.getOwnPropertyDescriptors(cls.prototype))
    .filter(([name, d]) => name !== "constructor" && !name.startsWith("_") && typeof d.value === "function")
    .map(([name]) => name);
}

describe("classification table", () => {
  it.each(FACADES.map((cls) => [cls.gasName, cls] as const))(
    "classifies every method of %s, and nothing else",
    (name, cls) => {
      const methods = publicMethods(cls);
      for (const method of methods) expect([method, kindOf(name, method)]).toEqual([method, expect.any(String)]);
      const table = CALL_KINDS[name]!;
      for (const list of Object.values(table))
        if (list !== "*") for (const method of list) expect(methods).toContain(method);
    },
  );

  it("covers exactly the emulator's classes", () => {
    expect(Object.keys(CALL_KINDS).sort()).toEqual(FACADES.map((c) => c.gasName).sort());
  });

  it("follows the documented kinds", () => {
    expect(kindOf("Range", "getValues")).toBe("read");
    expect(kindOf("Range", "setValues")).toBe("write");
    expect(kindOf("Sheet", "getRange")).toBe("handle");
    expect(kindOf("Range", "getA1Notation")).toBe("handle");
    expect(kindOf("EmbeddedChartBuilder", "addRange")).toBe("builder");
    expect(kindOf("Protection", "setDescription")).toBe("write");
    expect(kindOf("NamedRange", "remove")).toBe("write");
    expect(kindOf("Lock", "tryLock")).toBe("service");
    expect(kindOf("SpreadsheetApp", "flush")).toBe("service");
    expect(kindOf("LockService", "getDocumentLock")).toBe("handle");
    expect(kindOf("Range", "noSuchMethod")).toBeUndefined();
  });
});

describe("recording", () => {
  it("records Class.method with its kind, in order", () => {
    const { app, emulator, ss, sheet } = workbook();
    const lock = emulator.globals.LockService.getDocumentLock();
    lock.tryLock(1000);
    const range = sheet.getRange("A1:B2");
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    ss.setNamedRange("Block", range);
    const rule = app.newDataValidation().requireCheckbox().build();
    range.setDataValidation(rule);
    sheet.newChart().asLineChart().addRange(range).build();
    app.flush();
    lock.releaseLock();
    expect(emulator.calls.entries).toEqual([
      { method: "LockService.getDocumentLock", kind: "handle" },
      { method: "Lock.tryLock", kind: "service" },
      { method: "Sheet.getRange", kind: "handle" },
      { method: "Range.setValues", kind: "write" },
      { method: "Range.getValues", kind: "read" },
      { method: "Spreadsheet.setNamedRange", kind: "write" },
      { method: "SpreadsheetApp.newDataValidation", kind: "handle" },
      { method: "DataValidationBuilder.requireCheckbox", kind: "builder" },
      { method: "DataValidationBuilder.build", kind: "builder" },
      { method: "Range.setDataValidation", kind: "write" },
      { method: "Sheet.newChart", kind: "handle" },
      { method: "EmbeddedChartBuilder.asLineChart", kind: "builder" },
      { method: "EmbeddedChartBuilder.addRange", kind: "builder" },
      { method: "EmbeddedChartBuilder.build", kind: "builder" },
      { method: "SpreadsheetApp.flush", kind: "service" },
      { method: "Lock.releaseLock", kind: "service" },
    ]);
    expect(emulator.calls.total).toBe(16);
    expect(emulator.calls.documentCalls).toBe(7);
    expect(emulator.calls.byKind).toEqual({ read: 1, write: 3, handle: 4, builder: 5, service: 3 });
    expect(emulator.calls.byMethod["EmbeddedChartBuilder.addRange"]).toBe(1);
    expect(emulator.snapshot().calls).toEqual({
      total: 16,
      documentCalls: 7,
      byMethod: emulator.calls.byMethod,
    });
    emulator.calls.reset();
    expect([emulator.calls.total, emulator.calls.documentCalls, emulator.calls.entries]).toEqual([0, 0, []]);
  });

  it("counts failed calls too, since they cost a round trip as well", () => {
    const { emulator, sheet } = workbook();
    expect(() => sheet.getRange("A1:B2").setValues([[1]])).toThrow();
    expect(emulator.calls.byMethod["Range.setValues"]).toBe(1);
  });

  it("does not record the emulator's own work (snapshot, internal calls between objects)", () => {
    const { emulator, sheet } = workbook();
    sheet.getRangeList(["A1", "B2:C3"]).setBackground("#eeeeee");
    emulator.snapshot();
    emulator.toState();
    expect(emulator.calls.byMethod).toEqual({ "Sheet.getRangeList": 1, "RangeList.setBackground": 1 });
  });

  it("hands out the same object for the same sheet or spreadsheet", () => {
    const { app, ss, sheet } = workbook();
    expect(app.getActiveSpreadsheet()).toBe(ss);
    expect(ss.getSheetByName("Sheet1")).toBe(sheet);
    expect(sheet.getRange("A1").getSheet()).toBe(sheet);
    expect(sheet.getParent()).toBe(ss);
    expect(String(sheet)).toBe("Sheet");
  });

  it("wraps the emulator's objects inside arrays it hands out, copying the arrays, holes and all", () => {
    const log = new CallLog();
    const recorder = new Recorder(log);
    const user = new UserFacade("sam@example.com");
    // biome-ignore lint/suspicious/noSparseArray: a hole, which map keeps too
    const values = [1, , "text", [user, , null]];
    const wrapped = recorder.wrap(values) as unknown[];
    expect(wrapped).not.toBe(values);
    expect(1 in wrapped).toBe(false);
    expect(Object.keys(wrapped[3] as object)).toEqual(["0", "2"]);
    const handedOut = (wrapped[3] as UserFacade[])[0]!;
    expect(handedOut).not.toBe(user);
    expect(handedOut.getEmail()).toBe("sam@example.com");
    expect(log.byMethod).toEqual({ "User.getEmail": 1 });
    const back = recorder.unwrap(wrapped) as unknown[];
    expect(1 in back).toBe(false);
    expect((back[3] as unknown[])[0]).toBe(user);
  });

  it("enums are plain properties, not calls", () => {
    const { app, emulator } = workbook();
    expect(app.ProtectionType.RANGE).toBe("RANGE");
    expect(app.WrapStrategy.WRAP).toBe("WRAP");
    expect(emulator.globals.Charts.ChartType.COMBO).toBe("COMBO");
    expect(emulator.calls.total).toBe(0);
  });
});

describe("objects handed out", () => {
  it("stringify like Apps Script objects", () => {
    const { sheet } = workbook();
    expect(JSON.stringify(sheet.getRange("A1"))).toBe("{}");
    expect(`${sheet.getRange("A1")}`).toBe("Range");
  });
});
