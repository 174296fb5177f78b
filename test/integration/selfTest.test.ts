/**
 * The self-test (Extensions ▸ Marketing & Sales SLA ▸ Run self-test) on the
 * emulator, standing in for Sheets: a clean run finds no difference and
 * counts what it checked and skipped; a Sheets that calculates one cell
 * differently shows that cell with its address, expected and got; a
 * spreadsheet that is not empty is refused and nothing is written.
 */
import { beforeAll, describe, expect, it, jest } from "@jest/globals";
import { cachedSelfTestExpected } from "../../scripts/lib/selfTestExpected";
import { cellsOf, compareSelfTest, parseA1, reportText, type SelfTestExpected } from "../../src/core/selfTest";
import {
  notEmptyReasons,
  observe,
  parseExpectedFile,
  prepareExample,
  runSelfTestWith,
  selfTestMarker,
} from "../../src/gas/selfTest";
import { everything, openSpreadsheet, sheet, spreadsheetPerTest } from "./support";

jest.setTimeout(180_000);

let expected: SelfTestExpected;
beforeAll(() => {
  // What `npm run build` computed for dist/SelfTest.html, cached under a hash of every input it depends on.
  expected = cachedSelfTestExpected();
});

const spreadsheets = spreadsheetPerTest();

function count(runs: readonly (readonly [string, unknown])[]): number {
  return runs.reduce((sum, [where]) => {
    const rect = parseA1(where);
    return sum + rect.rows * rect.cols;
  }, 0);
}

describe("the expected values the build computes", () => {
  it("cover every tab's calculated cells, every named range and every chart the example has, and sort each cell by how it depends on the day", () => {
    spreadsheets.open("2027-02-10");
    expect(prepareExample(expected.example)).toEqual({ ok: true });
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const withFormulas = spreadsheet.getSheets().filter((tab) =>
      tab
        .getDataRange()
        .getFormulas()
        .some((row) => row.some((formula) => formula !== "")),
    );
    expect(expected.sheets.map((sheet) => sheet.name)).toEqual(withFormulas.map((tab) => tab.getName()));
    expect(expected.sheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(["Agreement", "2026-12", "Leads", "Follow-up"]),
    );
    expect(expected.namedRanges.map((named) => named.name)).toEqual(
      spreadsheet.getNamedRanges().map((named) => named.getName()),
    );
    expect(expected.namedRanges.length).toBeGreaterThanOrEqual(18);
    expect(expected.charts.map((chart) => `${chart.sheet} ${chart.ranges.length}`)).toEqual(
      spreadsheet
        .getSheets()
        .flatMap((tab) => tab.getCharts().map((chart) => `${tab.getName()} ${chart.getRanges().length}`)),
    );
    expect(expected.charts.length).toBeGreaterThanOrEqual(3);
    const fixed = expected.sheets.reduce((sum, sheet) => sum + count(sheet.fixed), 0);
    const settled = expected.sheets.reduce((sum, sheet) => sum + count(sheet.settled), 0);
    expect(fixed).toBeGreaterThan(100);
    expect(settled).toBeGreaterThan(1000);
    // The month's status reads TODAY(); once December 2026 has ended it no longer changes.
    const month = expected.sheets.find((sheet) => sheet.name === "2026-12")!;
    expect([...cellsOf(month.settled)].find((cell) => cell.row === 10 && cell.col === 2)?.value).toMatch(
      /^Goal (met|missed)$/,
    );
    // Working hours since hand-off of a lead still waiting grow with every working day: never compared.
    const leads = expected.sheets.find((sheet) => sheet.name === "Leads")!;
    expect(leads.moving.length).toBeGreaterThan(0);
    expect(leads.moving.every((where) => where.startsWith("P"))).toBe(true);
  });
});

describe("a clean run", () => {
  it("finds no difference once the example's month has ended, checking fixed and settled cells, named ranges and charts", () => {
    spreadsheets.open("2027-02-10");
    const result = runSelfTestWith(expected, "0123abcd", "en");
    if (!result.ok) throw new Error(result.message);
    const { report } = result;
    expect(report.differenceCount).toBe(0);
    expect(report.differences).toEqual([]);
    expect(report.cellsChecked).toBeGreaterThan(1000);
    expect(report.settledChecked).toBeGreaterThan(0);
    expect(report.skippedNotSettled).toBe(0);
    expect(report.skippedMoving).toBe(
      expected.sheets.reduce((sum, sheet) => sum + count(sheet.moving.map((where) => [where, ""] as const)), 0),
    );
    expect(report.namedRangesChecked).toBe(expected.namedRanges.length);
    expect(report.chartsChecked).toBe(expected.charts.length);
    expect(result.text).toContain(`Calculated cells checked: ${report.cellsChecked}`);
    expect(result.text).toContain(`Skipped, depend on today: ${report.skippedMoving} cells`);
    expect(result.text).toContain("Differences: none.");
    expect(result.text).toContain("Build: 0123abcd");
  });

  it("gives the same values in another time zone and a German spreadsheet", () => {
    const { done } = openSpreadsheet("2027-03-01", { timeZone: "America/Los_Angeles", locale: "de_DE" });
    try {
      const result = runSelfTestWith(expected, "0123abcd", "de");
      if (!result.ok) throw new Error(result.message);
      expect(result.report.differences).toEqual([]);
      expect(result.text).toContain("Abweichungen: keine.");
    } finally {
      done();
    }
  });

  it("while the example's month still runs, compares only the fixed cells and says why the others were skipped", () => {
    spreadsheets.open("2026-12-15");
    const result = runSelfTestWith(expected, "0123abcd", "en");
    if (!result.ok) throw new Error(result.message);
    const fixed = expected.sheets.reduce((sum, sheet) => sum + count(sheet.fixed), 0);
    expect(result.report.cellsChecked).toBe(fixed);
    expect(result.report.skippedNotSettled).toBe(expected.sheets.reduce((sum, sheet) => sum + count(sheet.settled), 0));
    expect(result.report.differences).toEqual([]);
    expect(result.text).toContain(
      `Skipped, the example's month has not ended yet: ${result.report.skippedNotSettled} cells`,
    );
    expect(result.text).toContain("compared from 2027-01-01 on (today is 2026-12-15)");
  });
});

describe("a difference", () => {
  it("shows a cell Sheets calculated differently, with its address, expected and got, and the cells and named range that follow from it", () => {
    spreadsheets.open("2027-02-10");
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    expect(notEmptyReasons(spreadsheet, "en")).toEqual([]);
    const prepared = prepareExample(expected.example);
    expect(prepared).toEqual({ ok: true });
    // A Sheets whose revenue goal came out one higher.
    const cell = sheet("Agreement").getRange("B17");
    expect(cell.getFormula()).not.toBe("");
    cell.setFormula(`=(${cell.getFormula().slice(1)})+1`);
    const report = compareSelfTest(expected, observe(spreadsheet, expected), "en");
    expect(report.differences).toContainEqual({ where: "Agreement!B17", expected: "5000", got: "5001" });
    expect(report.differences).toContainEqual({ where: "RevenueGoal: Agreement!B17", expected: "5000", got: "5001" });
    expect(report.differenceCount).toBeGreaterThan(2);
    const text = reportText(report, "en", "0123abcd");
    expect(text).toContain(`Differences: ${report.differenceCount}`);
    expect(text).toContain("Agreement!B17: expected 5000, got 5001");
  });

  it("shows an expected value that does not match, an error by its type and text in quotes, in German too", () => {
    const patched: SelfTestExpected = {
      ...expected,
      sheets: expected.sheets.map((sheet) =>
        sheet.name === "Follow-up"
          ? {
              ...sheet,
              fixed: [...sheet.fixed, ["Z900", "#N/A"] as const],
              settled: sheet.settled.map((run, i) => (i === 0 ? ([run[0], "patched"] as const) : run)),
            }
          : sheet,
      ),
    };
    spreadsheets.open("2027-02-10");
    const result = runSelfTestWith(patched, "0123abcd", "de");
    if (!result.ok) throw new Error(result.message);
    const first = patched.sheets.find((sheet) => sheet.name === "Follow-up")!.settled[0]![0];
    const firstCell = first.split(":")[0]!;
    expect(result.report.differences).toContainEqual(
      expect.objectContaining({ where: `'Follow-up'!${firstCell}`, expected: "„patched“" }),
    );
    expect(result.report.differences).toContainEqual({
      where: "'Follow-up'!Z900",
      expected: "Fehler #N/A",
      got: "(leer)",
    });
    expect(result.text).toContain("'Follow-up'!Z900: erwartet Fehler #N/A, erhalten (leer)");
  });

  it("lists the first 200 differences and counts the rest", () => {
    const wrong: SelfTestExpected = {
      ...expected,
      sheets: expected.sheets.map((sheet) =>
        sheet.name === "Leads"
          ? { ...sheet, settled: sheet.settled.map(([where]) => [where, "wrong"] as const) }
          : sheet,
      ),
    };
    spreadsheets.open("2027-02-10");
    const result = runSelfTestWith(wrong, "0123abcd", "en");
    if (!result.ok) throw new Error(result.message);
    expect(result.report.differenceCount).toBeGreaterThan(1000);
    expect(result.report.differences).toHaveLength(200);
    expect(result.text).toContain(`… and ${result.report.differenceCount - 200} more`);
  });
});

describe("a spreadsheet that is not empty", () => {
  const cases: { name: string; setUp: () => void; reason: RegExp; german: RegExp }[] = [
    {
      name: "a value in its one tab",
      setUp: () => sheet("Sheet1").getRange("C3").setValue("notes"),
      reason: /the tab "Sheet1" holds values/,
      german: /der Tab „Sheet1“ enthält Werte/,
    },
    {
      name: "a second tab",
      setUp: () => SpreadsheetApp.getActiveSpreadsheet().insertSheet("Plans"),
      reason: /it has 2 tabs/,
      german: /sie hat 2 Tabs/,
    },
    {
      name: "a named range",
      setUp: () => SpreadsheetApp.getActiveSpreadsheet().setNamedRange("Budget", sheet("Sheet1").getRange("A1")),
      reason: /it has 1 named range\b/,
      german: /1 benannten Bereich/,
    },
    {
      name: "developer metadata",
      setUp: () => sheet("Sheet1").addDeveloperMetadata("other.addon", "x"),
      reason: /developer metadata/,
      german: /Entwickler-Metadaten/,
    },
    {
      name: "a saved SLA",
      setUp: () => PropertiesService.getDocumentProperties().setProperty("sla.config", "{}"),
      reason: /a saved SLA/,
      german: /gespeichertes SLA/,
    },
  ];

  it.each(cases)("is refused with $name, and nothing is written", ({ setUp, reason, german }) => {
    const emulator = spreadsheets.open("2027-02-10");
    setUp();
    const before = everything(emulator);
    const properties = JSON.stringify(PropertiesService.getDocumentProperties().getProperties());
    const writes = (): number => emulator.calls.entries.filter((call) => call.kind === "write").length;
    const written = writes();
    const english = runSelfTestWith(expected, "0123abcd", "en");
    expect(english).toEqual({ ok: false, language: "en", reason: "notEmpty", message: expect.stringMatching(reason) });
    expect(english.ok ? "" : english.message).toMatch(
      /needs an empty spreadsheet.*File ▸ New ▸ Spreadsheet.*nothing was changed\.$/,
    );
    const deutsch = runSelfTestWith(expected, "0123abcd", "de");
    expect(deutsch).toEqual({ ok: false, language: "de", reason: "notEmpty", message: expect.stringMatching(german) });
    expect(deutsch.ok ? "" : deutsch.message).toMatch(
      /braucht eine leere Tabelle.*Datei ▸ Neu ▸ Tabelle.*Es wurde nichts geändert\.$/,
    );
    expect(everything(emulator)).toBe(before);
    expect(JSON.stringify(PropertiesService.getDocumentProperties().getProperties())).toBe(properties);
    expect(writes()).toBe(written);
  });
});

describe("the expected-values file", () => {
  it("is used only with the stamp of the code it was built with", () => {
    const source = `${selfTestMarker("00ff")}\n${JSON.stringify(expected)}`;
    const read = parseExpectedFile(source, "00ff");
    expect(read).toEqual({ expected, stamp: "00ff" });
    expect(parseExpectedFile(source, "11ee")).toBe("stale");
    expect(parseExpectedFile("<!DOCTYPE html>", "00ff")).toBe("missing");
    expect(parseExpectedFile(`${selfTestMarker("00ff")}\n{"version":`, "00ff")).toBe("missing");
  });
});
