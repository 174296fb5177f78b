/**
 * The self-test's pure half: the expected values the build computed on the
 * emulator for the bundled example (dist/SelfTestExpected.html), how they are
 * compared with what real Sheets calculated, and the report in English and
 * German. The Apps Script half (build, write, flush, read back) is
 * src/gas/selfTest.ts; the build side is scripts/lib/selfTestExpected.ts.
 */
import type { Language, Translations } from "./i18n";

export type CellValue = number | string | boolean;

/**
 * One cell ("B4") or a run of cells down one column that all hold the same
 * value ("M54:M1000"): the lead log's calculated columns are blank in most
 * rows, and runs keep the file small.
 */
export type Run = readonly [where: string, value: CellValue];

/** The calculated cells of one tab, by how they relate to the day the self-test runs. */
export interface ExpectedSheet {
  readonly name: string;
  /** Formulas that read neither TODAY() nor NOW(), directly or through the cells they refer to: the same on every day. */
  readonly fixed: readonly Run[];
  /**
   * Formulas that read TODAY() or NOW() (directly or through other cells) but
   * gave the same value on every sample day from `settledFrom` on: compared
   * only when the spreadsheet's today is on or after `settledFrom`.
   */
  readonly settled: readonly Run[];
  /** Cells whose value changed between the sample days (A1 runs, no values): never compared, counted as skipped. */
  readonly moving: readonly string[];
}

/** A range as Apps Script returns it (bounded: "E2:E1000") and its values, as runs of absolute cells. */
export interface ExpectedRange {
  readonly sheet: string;
  readonly a1: string;
  readonly values: readonly Run[];
}

export interface ExpectedNamedRange extends ExpectedRange {
  readonly name: string;
}

export interface ExpectedChart {
  readonly sheet: string;
  /** 0-based, in the order Sheet.getCharts() lists them. */
  readonly index: number;
  readonly ranges: readonly ExpectedRange[];
}

export interface SelfTestExample {
  /** The SLA config the self-test builds (the bundled example, one month long so its tabs do not depend on the day). */
  readonly config: unknown;
  /** The example leads, written into the lead log's first columns from row 2 as a user would type them. */
  readonly leads: readonly (readonly CellValue[])[];
}

export interface SelfTestExpected {
  readonly version: 1;
  readonly example: SelfTestExample;
  /** The wall-clock times ("YYYY-MM-DDTHH:MM", spreadsheet zone) TODAY()/NOW() gave while the emulator evaluated. */
  readonly samples: readonly string[];
  /** The first sample's day: from then on the example's month has ended. */
  readonly settledFrom: string;
  readonly sheets: readonly ExpectedSheet[];
  readonly namedRanges: readonly ExpectedNamedRange[];
  readonly charts: readonly ExpectedChart[];
}

/** What the self-test read back from the spreadsheet after the flush. */
export interface Observed {
  /** Today in the spreadsheet's time zone, "YYYY-MM-DD". */
  readonly today: string;
  /** Each tab's values from A1 to the last expected cell (Dates already turned into serial numbers); undefined when the tab is missing. */
  readonly sheets: Readonly<Record<string, readonly (readonly CellValue[])[] | undefined>>;
  readonly namedRanges: readonly {
    readonly name: string;
    readonly sheet: string;
    readonly a1: string;
    readonly values: readonly (readonly CellValue[])[];
  }[];
  /** Per tab, its charts in order, each with its ranges. */
  readonly charts: Readonly<
    Record<
      string,
      readonly (readonly {
        readonly sheet: string;
        readonly a1: string;
        readonly values: readonly (readonly CellValue[])[];
      }[])[]
    >
  >;
}

export interface Difference {
  /** "'Follow-up'!E5", a named range's name, or "chart 1 on 'Follow-up'". */
  readonly where: string;
  readonly expected: string;
  readonly got: string;
}

export interface SelfTestReport {
  readonly cellsChecked: number;
  /** Of cellsChecked: cells whose formulas read TODAY()/NOW() but are settled once the example's month has ended. */
  readonly settledChecked: number;
  readonly namedRangesChecked: number;
  readonly chartsChecked: number;
  /** Cells whose value depends on the day (different on the sample days): never compared. */
  readonly skippedMoving: number;
  /** Settled cells not compared because the example's month has not ended on the spreadsheet's today. */
  readonly skippedNotSettled: number;
  readonly settledFrom: string;
  readonly today: string;
  readonly differenceCount: number;
  /** The first MAX_LISTED differences. */
  readonly differences: readonly Difference[];
}

/** More than this many differences are counted, not listed: the report stays readable and small enough to send. */
export const MAX_LISTED = 200;

// ------------------------------------------------------------ A1

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export function columnLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  let col = 0;
  for (const char of letters.toUpperCase()) col = col * 26 + char.charCodeAt(0) - 64;
  return col;
}

export function rectA1(rect: Rect): string {
  const start = `${columnLetters(rect.col)}${rect.row}`;
  return rect.rows === 1 && rect.cols === 1
    ? start
    : `${start}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows - 1}`;
}

/** "B4" or "M54:M1000" (bounded, no sheet, no `$`). */
export function parseA1(a1: string): Rect {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1);
  if (!match) throw new Error(`Not a bounded A1 range: ${a1}`);
  const row = Number(match[2]);
  const col = columnNumber(match[1]!);
  const lastRow = match[4] === undefined ? row : Number(match[4]);
  const lastCol = match[3] === undefined ? col : columnNumber(match[3]);
  return { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
}

/** A tab's name as a formula writes it: quoted unless it is a plain word. */
export function quotedTab(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function sheetA1(sheet: string, a1: string): string {
  return `${quotedTab(sheet)}!${a1}`;
}

/** Every cell of a run, with its value. */
export function* cellsOf(runs: readonly Run[]): Generator<{ row: number; col: number; value: CellValue }> {
  for (const [where, value] of runs) {
    const rect = parseA1(where);
    for (let r = 0; r < rect.rows; r++)
      for (let c = 0; c < rect.cols; c++) yield { row: rect.row + r, col: rect.col + c, value };
  }
}

/** Cells as runs down each column: neighbours with the same value share one run. */
export function toRuns(cells: readonly { row: number; col: number; value: CellValue }[]): Run[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Run[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    const first = sorted[start]!;
    const next = sorted[i];
    const previous = sorted[i - 1]!;
    if (next && next.col === first.col && next.row === previous.row + 1 && Object.is(next.value, first.value)) continue;
    runs.push([rectA1({ row: first.row, col: first.col, rows: previous.row - first.row + 1, cols: 1 }), first.value]);
    start = i;
  }
  return runs;
}

// ------------------------------------------------------------ comparing

/** Sheets' error values as getValues returns them: text starting with "#". */
const ERROR = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!)$/;

/**
 * Relative tolerance for numbers. Sheets and the emulator both compute in
 * IEEE doubles but may add in another order or round an intermediate result
 * differently, which moves the last few of the 53 bits (a relative error near
 * 1e-15, more after a long sum). 1e-9 is a million times that, and still far
 * below anything the workbook shows (cents, hundredths of an hour, whole
 * leads): a date serial near 46,000 may differ by 4 seconds at most. A real
 * formula difference cannot hide inside it.
 */
export const RELATIVE_TOLERANCE = 1e-9;

export function sameValue(expected: CellValue, got: CellValue | undefined): boolean {
  if (got === undefined) return false;
  if (typeof expected === "number") {
    if (typeof got !== "number" || !Number.isFinite(got)) return false;
    return Math.abs(expected - got) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(expected), Math.abs(got));
  }
  // Errors compare by their type (#N/A, #VALUE!, …): that is all getValues tells of an error. Text and booleans exactly.
  return expected === got;
}

export function isErrorValue(value: CellValue | undefined): boolean {
  return typeof value === "string" && ERROR.test(value);
}

/** A value as the report shows it: numbers in full, text in quotes, errors by type. */
export function showValue(value: CellValue | undefined, language: Language): string {
  const words = REPORT[language].shown;
  if (value === undefined) return words.missing;
  if (value === "") return words.blank;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isErrorValue(value)) return `${words.error} ${value}`;
  return words.text(value);
}

type Grid = readonly (readonly CellValue[])[];

function at(grid: Grid | undefined, row: number, col: number): CellValue | undefined {
  return grid?.[row - 1]?.[col - 1];
}

type ObservedRange = { readonly sheet: string; readonly a1: string; readonly values: Grid };

/** What one comparison collects: every difference counted, the first MAX_LISTED listed, and the cells left out. */
interface Comparison {
  readonly language: Language;
  readonly differences: Difference[];
  differenceCount: number;
  /** Which cells are not compared, per tab, by "row,col": ranges over them skip them too. */
  readonly notCompared: Map<string, Set<string>>;
}

interface TabCounts {
  cellsChecked: number;
  settledChecked: number;
  skippedMoving: number;
  skippedNotSettled: number;
}

/**
 * Compares what Sheets calculated with what the emulator expected. Cells that
 * depend on the day are never compared; settled ones only once the example's
 * month has ended on the spreadsheet's today. Every cell of a tab that exists
 * lands in exactly one count, checked or skipped; a missing tab is one difference.
 */
export function compareSelfTest(expected: SelfTestExpected, observed: Observed, language: Language): SelfTestReport {
  const comparison: Comparison = { language, differences: [], differenceCount: 0, notCompared: new Map() };
  const counts = compareTabs(comparison, expected, observed);
  for (const named of expected.namedRanges) {
    const got = observed.namedRanges.find((candidate) => candidate.name === named.name);
    compareRange(comparison, named.name, named, got);
  }
  compareCharts(comparison, expected.charts, observed.charts);
  return {
    cellsChecked: counts.cellsChecked,
    settledChecked: counts.settledChecked,
    namedRangesChecked: expected.namedRanges.length,
    chartsChecked: expected.charts.length,
    skippedMoving: counts.skippedMoving,
    skippedNotSettled: counts.skippedNotSettled,
    settledFrom: expected.settledFrom,
    today: observed.today,
    differenceCount: comparison.differenceCount,
    differences: comparison.differences,
  };
}

function differ(comparison: Comparison, where: string, want: string, got: string): void {
  comparison.differenceCount++;
  if (comparison.differences.length < MAX_LISTED) comparison.differences.push({ where, expected: want, got });
}

function skip(comparison: Comparison, sheet: string, row: number, col: number): void {
  const set = comparison.notCompared.get(sheet) ?? new Set<string>();
  set.add(`${row},${col}`);
  comparison.notCompared.set(sheet, set);
}

/** Each tab's fixed cells, its settled ones once the month has ended; moving cells are skipped and counted. */
function compareTabs(comparison: Comparison, expected: SelfTestExpected, observed: Observed): TabCounts {
  const settledNow = observed.today >= expected.settledFrom;
  const words = REPORT[comparison.language];
  const counts: TabCounts = { cellsChecked: 0, settledChecked: 0, skippedMoving: 0, skippedNotSettled: 0 };
  for (const sheet of expected.sheets) {
    const grid = observed.sheets[sheet.name];
    if (!grid) {
      differ(comparison, sheetA1(sheet.name, "A1"), words.tabExists, words.tabMissing);
      continue;
    }
    for (const cell of cellsOf(sheet.fixed)) {
      counts.cellsChecked++;
      compareCell(comparison, sheet.name, grid, cell);
    }
    for (const cell of cellsOf(sheet.settled)) {
      if (settledNow) {
        counts.cellsChecked++;
        counts.settledChecked++;
        compareCell(comparison, sheet.name, grid, cell);
      } else {
        counts.skippedNotSettled++;
        skip(comparison, sheet.name, cell.row, cell.col);
      }
    }
    for (const where of sheet.moving) {
      const rect = parseA1(where);
      counts.skippedMoving += rect.rows * rect.cols;
      for (let r = 0; r < rect.rows; r++)
        for (let c = 0; c < rect.cols; c++) skip(comparison, sheet.name, rect.row + r, rect.col + c);
    }
  }
  return counts;
}

function compareCell(
  comparison: Comparison,
  sheet: string,
  grid: Grid,
  cell: { row: number; col: number; value: CellValue },
): void {
  const got = at(grid, cell.row, cell.col) ?? "";
  if (!sameValue(cell.value, got))
    differ(
      comparison,
      sheetA1(sheet, rectA1({ ...cell, rows: 1, cols: 1 })),
      showValue(cell.value, comparison.language),
      showValue(got, comparison.language),
    );
}

/** A range's values, except the cells the tab's counts already skip. */
function compareRange(
  comparison: Comparison,
  label: string,
  want: ExpectedRange,
  got: ObservedRange | undefined,
): void {
  const { language } = comparison;
  if (!got) {
    differ(comparison, label, sheetA1(want.sheet, want.a1), REPORT[language].missing);
    return;
  }
  if (got.sheet !== want.sheet || got.a1 !== want.a1) {
    differ(comparison, label, sheetA1(want.sheet, want.a1), sheetA1(got.sheet, got.a1));
    return;
  }
  const origin = parseA1(want.a1);
  const skipped = comparison.notCompared.get(want.sheet);
  for (const cell of cellsOf(want.values)) {
    if (skipped?.has(`${cell.row},${cell.col}`)) continue;
    const value = at(got.values, cell.row - origin.row + 1, cell.col - origin.col + 1) ?? "";
    if (!sameValue(cell.value, value)) {
      differ(
        comparison,
        `${label}: ${sheetA1(want.sheet, rectA1({ ...cell, rows: 1, cols: 1 }))}`,
        showValue(cell.value, language),
        showValue(value, language),
      );
    }
  }
}

/** How many charts each tab has, then every range each expected chart draws. */
function compareCharts(comparison: Comparison, expected: readonly ExpectedChart[], observed: Observed["charts"]): void {
  const words = REPORT[comparison.language];
  const chartsByTab = new Map<string, number>();
  for (const chart of expected) chartsByTab.set(chart.sheet, (chartsByTab.get(chart.sheet) ?? 0) + 1);
  for (const [tab, count] of chartsByTab) {
    const got = observed[tab]?.length ?? 0;
    if (got !== count) differ(comparison, words.chartsOn(tab), String(count), String(got));
  }
  for (const chart of expected) {
    const got = observed[chart.sheet]?.[chart.index];
    const label = words.chart(chart.index + 1, chart.sheet);
    if (!got) continue;
    if (got.length !== chart.ranges.length) {
      differ(comparison, label, words.ranges(chart.ranges.length), words.ranges(got.length));
      continue;
    }
    chart.ranges.forEach((range, index) => compareRange(comparison, label, range, got[index]));
  }
}

// ------------------------------------------------------------ the report as text

const en = {
  /** How a value shows inside a difference. */
  shown: { blank: "(blank)", missing: "(missing)", error: "error", text: (text: string) => JSON.stringify(text) },
  title: "Marketing & Sales SLA self-test",
  tabExists: "the tab",
  tabMissing: "no such tab",
  missing: "(missing)",
  chartsOn: (tab: string) => `charts on ${quotedTab(tab)}`,
  chart: (n: number, tab: string) => `chart ${n} on ${quotedTab(tab)}`,
  ranges: (n: number) => `${n} ranges`,
  cells: (n: number, settled: number) =>
    `Calculated cells checked: ${n}${settled > 0 ? ` (${settled} of them read TODAY() or NOW() but no longer change once the example's month has ended)` : ""}`,
  named: (n: number) => `Named ranges checked: ${n}`,
  charts: (n: number) => `Embedded charts checked: ${n} (every range each one draws)`,
  moving: (n: number) =>
    `Skipped, depend on today: ${n} cells whose value changes from day to day (e.g. working hours since hand-off of leads still waiting)`,
  notSettled: (n: number, from: string, today: string) =>
    `Skipped, the example's month has not ended yet: ${n} cells that read TODAY() or NOW(); they are compared from ${from} on (today is ${today})`,
  result: (n: number) =>
    n === 0 ? "Differences: none. Sheets calculated every checked value as the emulator did." : `Differences: ${n}`,
  more: (n: number) => `… and ${n} more`,
  line: (d: Difference) => `${d.where}: expected ${d.expected}, got ${d.got}`,
  build: (build: string) => `Build: ${build}`,
};

/** The self-test report's words in one language. */
export type ReportWords = typeof en;

const de: ReportWords = {
  shown: { blank: "(leer)", missing: "(fehlt)", error: "Fehler", text: (text: string) => `„${text}“` },
  title: "Marketing & Sales SLA – Selbsttest",
  tabExists: "der Tab",
  tabMissing: "kein solcher Tab",
  missing: "(fehlt)",
  chartsOn: (tab: string) => `Diagramme auf ${quotedTab(tab)}`,
  chart: (n: number, tab: string) => `Diagramm ${n} auf ${quotedTab(tab)}`,
  ranges: (n: number) => `${n} Bereiche`,
  cells: (n: number, settled: number) =>
    `Geprüfte berechnete Zellen: ${n}${settled > 0 ? ` (davon ${settled}, die HEUTE() oder JETZT() lesen, sich nach dem Ende des Beispielmonats aber nicht mehr ändern)` : ""}`,
  named: (n: number) => `Geprüfte benannte Bereiche: ${n}`,
  charts: (n: number) => `Geprüfte Diagramme: ${n} (jeder Bereich, den sie zeichnen)`,
  moving: (n: number) =>
    `Übersprungen, vom heutigen Tag abhängig: ${n} Zellen, deren Wert sich von Tag zu Tag ändert (z. B. Arbeitsstunden seit Übergabe noch wartender Leads)`,
  notSettled: (n: number, from: string, today: string) =>
    `Übersprungen, der Beispielmonat ist noch nicht zu Ende: ${n} Zellen, die HEUTE() oder JETZT() lesen; sie werden ab ${from} verglichen (heute ist ${today})`,
  result: (n: number) =>
    n === 0 ? "Abweichungen: keine. Sheets hat jeden geprüften Wert wie der Emulator berechnet." : `Abweichungen: ${n}`,
  more: (n: number) => `… und ${n} weitere`,
  line: (d: Difference) => `${d.where}: erwartet ${d.expected}, erhalten ${d.got}`,
  build: (build: string) => `Build: ${build}`,
};

const REPORT: Translations<ReportWords> = { en, de };

export function reportWords(language: Language): ReportWords {
  return REPORT[language];
}

/** The plain-text report a user copies and sends us: counts, what was skipped and why, every listed difference. */
export function reportText(report: SelfTestReport, language: Language, build: string): string {
  const words = REPORT[language];
  const lines = [
    words.title,
    words.build(build),
    "",
    words.cells(report.cellsChecked, report.settledChecked),
    words.named(report.namedRangesChecked),
    words.charts(report.chartsChecked),
  ];
  if (report.skippedMoving > 0) lines.push(words.moving(report.skippedMoving));
  if (report.skippedNotSettled > 0)
    lines.push(words.notSettled(report.skippedNotSettled, report.settledFrom, report.today));
  lines.push("", words.result(report.differenceCount));
  for (const difference of report.differences) lines.push(words.line(difference));
  if (report.differenceCount > report.differences.length)
    lines.push(words.more(report.differenceCount - report.differences.length));
  return `${lines.join("\n")}\n`;
}
