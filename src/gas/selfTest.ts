/**
 * Extensions ▸ Marketing & Sales SLA ▸ Run self-test: in an empty spreadsheet,
 * builds the bundled example with the real add-on code, types its leads,
 * flushes, reads back every calculated cell, named range and chart range, and
 * compares them with what the emulator calculated for the same example at
 * build time (dist/SelfTestExpected.html, loaded only here). This is the one
 * place where the workbook's formulas meet real Sheets; the report says what
 * was compared, what was skipped and why, and every difference.
 */
import { languageOf, type Language } from "../core/i18n";
import {
  compareSelfTest,
  rectA1,
  parseA1,
  reportText,
  type CellValue,
  type Observed,
  type SelfTestExample,
  type SelfTestExpected,
  type SelfTestReport,
} from "../core/selfTest";
import { isDate, wallToSerial, zoneNamed } from "../core/time";
import { labelsFor } from "../workbook/labels";
import { buildSla } from "./buildSla";
import { loadDocumentState } from "./documentState";
import { messagesFor } from "./messages";
import { spreadsheetToday } from "./today";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The HtmlService name of the expected values (dist/SelfTestExpected.html). */
export const SELF_TEST_FILE = "SelfTestExpected";

/**
 * Written by the build into Operations.html: the stamp of the expected-values
 * file built with it, so code and expected values never come from two builds.
 * Undefined when the code runs from source (tests, playground).
 */
declare const SLA_SELF_TEST_STAMP: string | undefined;

export function selfTestMarker(stamp: string): string {
  return `/*sla-self-test:${stamp}*/`;
}

export type SelfTestResult =
  | { readonly ok: true; readonly language: Language; readonly report: SelfTestReport; readonly text: string }
  | {
      readonly ok: false;
      readonly language: Language;
      readonly reason: "notEmpty" | "notBuilt" | "noExpected";
      readonly message: string;
    };

function userLanguage(): Language {
  try {
    return languageOf(Session.getActiveUserLocale());
  } catch {
    return "en";
  }
}

/** The file's expected values, or why they cannot be used (`undefined` stamp: from source, not checked). */
export function parseExpectedFile(
  source: string,
  stamp: string | undefined,
): { expected: SelfTestExpected; stamp: string } | "missing" | "stale" {
  const marker = /^\/\*sla-self-test:([0-9a-f]+)\*\/\n/.exec(source);
  if (!marker) return "missing";
  if (stamp !== undefined && marker[1] !== stamp) return "stale";
  try {
    const expected = JSON.parse(source.slice(marker[0].length)) as SelfTestExpected;
    return expected?.version === 1 ? { expected, stamp: marker[1]! } : "missing";
  } catch {
    return "missing";
  }
}

/**
 * Why the spreadsheet is not empty, in the user's words: the self-test writes
 * a whole example workbook and must never touch anyone's data.
 */
export function notEmptyReasons(spreadsheet: Spreadsheet, language: Language): string[] {
  const messages = messagesFor(language);
  const reasons: string[] = [];
  const sheets = spreadsheet.getSheets();
  if (sheets.length !== 1) reasons.push(messages.selfTestTabs(sheets.length));
  for (const sheet of sheets) {
    if (sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) reasons.push(messages.selfTestValues(sheet.getName()));
  }
  const named = spreadsheet.getNamedRanges().length;
  if (named > 0) reasons.push(messages.selfTestNamedRanges(named));
  if (spreadsheet.createDeveloperMetadataFinder().find().length > 0) reasons.push(messages.selfTestMetadata);
  if (Object.keys(loadDocumentState().all).length > 0) reasons.push(messages.selfTestSavedSla);
  return reasons;
}

/**
 * Builds the example and types its leads into the lead log's first columns,
 * as sales would (dates as text like "2026-12-01 09:52", which Sheets reads
 * as dates), then flushes so every formula has calculated. The build runs
 * the same steps on the emulator to get the expected values.
 */
export function prepareExample(example: SelfTestExample): { ok: true } | { ok: false; message: string } {
  const built = buildSla(example.config);
  if (!built.ok) return { ok: false, message: built.message };
  const language = (example.config as { language?: unknown }).language === "de" ? "de" : "en";
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const leads = spreadsheet.getSheetByName(labelsFor(language).sheets.leads);
  if (!leads) return { ok: false, message: labelsFor(language).sheets.leads };
  const rows = example.leads;
  if (rows.length > 0) {
    const width = rows[0]!.length;
    if (leads.getMaxRows() < rows.length + 1)
      leads.insertRowsAfter(leads.getMaxRows(), rows.length + 1 - leads.getMaxRows());
    leads.getRange(2, 1, rows.length, width).setValues(rows.map((row) => [...row]));
  }
  SpreadsheetApp.flush();
  return { ok: true };
}

type Grid = CellValue[][];

/** Where the expected cells of each tab end: one read per tab covers them all. */
function extents(expected: SelfTestExpected): Map<string, { rows: number; cols: number }> {
  const found = new Map<string, { rows: number; cols: number }>();
  for (const sheet of expected.sheets) {
    let rows = 0;
    let cols = 0;
    for (const where of [...sheet.fixed.map((run) => run[0]), ...sheet.settled.map((run) => run[0]), ...sheet.moving]) {
      const rect = parseA1(where);
      rows = Math.max(rows, rect.row + rect.rows - 1);
      cols = Math.max(cols, rect.col + rect.cols - 1);
    }
    found.set(sheet.name, { rows, cols });
  }
  return found;
}

/** Reads back, after the flush, every tab, named range and chart range the expected values name. */
export function observe(spreadsheet: Spreadsheet, expected: SelfTestExpected): Observed {
  const zone = zoneNamed(spreadsheet.getSpreadsheetTimeZone());
  // getValues gives a date cell as a Date: its serial number is what the emulator recorded.
  const cell = (value: unknown): CellValue =>
    isDate(value) ? wallToSerial(zone.toWall(value.getTime())) : (value as CellValue);
  const values = (range: GoogleAppsScript.Spreadsheet.Range): Grid => range.getValues().map((row) => row.map(cell));
  const bounded = (range: GoogleAppsScript.Spreadsheet.Range): string =>
    rectA1({ row: range.getRow(), col: range.getColumn(), rows: range.getNumRows(), cols: range.getNumColumns() });

  const sheets: Record<string, Grid | undefined> = {};
  for (const [name, size] of extents(expected)) {
    const sheet = spreadsheet.getSheetByName(name);
    if (!sheet || size.rows === 0) {
      sheets[name] = sheet ? [] : undefined;
      continue;
    }
    const rows = Math.min(size.rows, sheet.getMaxRows());
    const cols = Math.min(size.cols, sheet.getMaxColumns());
    sheets[name] = values(sheet.getRange(1, 1, rows, cols));
  }

  const wanted = new Set(expected.namedRanges.map((named) => named.name));
  const namedRanges = spreadsheet
    .getNamedRanges()
    .map((named) => ({ named, name: named.getName() }))
    .filter(({ name }) => wanted.has(name))
    .map(({ named, name }) => {
      const range = named.getRange();
      return { name, sheet: range.getSheet().getName(), a1: bounded(range), values: values(range) };
    });

  const charts: Record<string, { sheet: string; a1: string; values: Grid }[][]> = {};
  for (const tab of new Set(expected.charts.map((chart) => chart.sheet))) {
    const sheet = spreadsheet.getSheetByName(tab);
    charts[tab] = sheet
      ? sheet
          .getCharts()
          .map((chart) =>
            chart
              .getRanges()
              .map((range) => ({ sheet: range.getSheet().getName(), a1: bounded(range), values: values(range) })),
          )
      : [];
  }
  return { today: spreadsheetToday(spreadsheet), sheets, namedRanges, charts };
}

/** The self-test with given expected values: refuses a non-empty spreadsheet before writing anything. */
export function runSelfTestWith(
  expected: SelfTestExpected,
  stamp: string,
  language: Language = userLanguage(),
): SelfTestResult {
  const messages = messagesFor(language);
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const reasons = notEmptyReasons(spreadsheet, language);
  if (reasons.length > 0)
    return { ok: false, language, reason: "notEmpty", message: messages.selfTestNotEmpty(reasons) };
  const prepared = prepareExample(expected.example);
  if (!prepared.ok)
    return { ok: false, language, reason: "notBuilt", message: messages.selfTestNotBuilt(prepared.message) };
  const report = compareSelfTest(expected, observe(spreadsheet, expected), language);
  return { ok: true, language, report, text: reportText(report, language, stamp) };
}

/** The menu's self-test (through the report dialog): loads the expected values the build wrote, then runs. */
export function runSelfTest(): SelfTestResult {
  const language = userLanguage();
  const messages = messagesFor(language);
  let source = "";
  try {
    source = HtmlService.createHtmlOutputFromFile(SELF_TEST_FILE).getContent();
  } catch {
    // A project pushed without the file: said below.
  }
  const parsed = parseExpectedFile(source, typeof SLA_SELF_TEST_STAMP === "string" ? SLA_SELF_TEST_STAMP : undefined);
  if (parsed === "missing") return { ok: false, language, reason: "noExpected", message: messages.selfTestFileMissing };
  if (parsed === "stale") return { ok: false, language, reason: "noExpected", message: messages.selfTestFileStale };
  return runSelfTestWith(parsed.expected, parsed.stamp, language);
}
