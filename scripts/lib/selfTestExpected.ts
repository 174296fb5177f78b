/**
 * The self-test's expected values, computed at build time: the bundled example
 * is built with the real add-on code (src/gas/selfTest.ts prepareExample) on
 * the emulator, and every calculated cell, named range and chart range is read
 * back the way the self-test reads Sheets (observe).
 *
 * TODAY() and NOW(): Sheets runs the self-test on another day than the build.
 * Each calculated cell is therefore sorted into one of three kinds:
 * - fixed: its formula reads neither TODAY() nor NOW(), directly or through
 *   any cell, named range or spill it refers to (found from the formula text,
 *   see todayDependence). Its value cannot depend on the day; the build checks
 *   that it is indeed the same on every sample day and fails otherwise.
 * - settled: it does read them, but gave the same value on every sample day,
 *   from the first day after the example's month to 2099 (e.g. a month's
 *   status once the month has ended). Compared only when the spreadsheet's
 *   today is on or after the first sample day.
 * - moving: its value differed between sample days (e.g. working hours since
 *   hand-off of a lead still waiting). Never compared; the report counts them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { cachedByInputs } from "./inputsCache";
import { createEmulator, type Emulator } from "../../playground/emulator";
import {
  columnLetters,
  rectA1,
  toRuns,
  type CellValue,
  type ExpectedChart,
  type ExpectedNamedRange,
  type ExpectedSheet,
  type Rect,
  type SelfTestExample,
  type SelfTestExpected,
} from "../../src/core/selfTest";
import { observe, prepareExample } from "../../src/gas/selfTest";
import { clock, fixedDay } from "../../src/gas/today";

/**
 * When TODAY()/NOW() are sampled (wall clock in the spreadsheet's zone): the
 * first moment after the example's month (2026-12), a working morning, a
 * month's last working afternoon half a year on, and the far future. Each
 * sample evaluates the whole workbook again (about 2 s of every build).
 */
export const SELF_TEST_SAMPLES = [
  "2027-01-01T00:00",
  "2027-01-04T10:30",
  "2027-06-30T16:45",
  "2099-12-31T23:59",
] as const;

/**
 * The self-test's expected values: about 31 KB for the one-month example.
 * Apps Script reads the file only when the self-test runs, so its size costs
 * no custom-function call; the budget leaves room for a richer example and
 * fails the build if the run encoding breaks (one entry per blank lead-log
 * cell alone would add about 60 KB).
 */
export const MAX_SELF_TEST_BYTES = 64 * 1024;

const TIME_ZONE = "Europe/Berlin";

/**
 * The bundled example (examples/internal-en.json with the December 2026
 * leads), one month long: a build adds month tabs up to today, so a longer
 * SLA would give Sheets more tabs than the emulator had.
 */
export function selfTestExample(root = process.cwd()): SelfTestExample {
  const config = JSON.parse(readFileSync(join(root, "examples/internal-en.json"), "utf8")) as Record<string, unknown>;
  const rows = parse(readFileSync(join(root, "examples/leads-2026-12.csv"), "utf8"), {
    from_line: 2,
    skip_empty_lines: true,
  }) as string[][];
  const leads = rows.map((row) =>
    row.map((cell): CellValue => (cell === "TRUE" ? true : cell === "FALSE" ? false : cell)),
  );
  return { config: { ...config, months: 1 }, leads };
}

// ------------------------------------------------------------ which formulas read TODAY()/NOW()

interface Reference {
  /** undefined: the formula's own tab. */
  readonly sheet: string | undefined;
  readonly rect: Rect;
}

/** Functions whose value changes with the clock, and those whose references cannot be read from the text. */
const VOLATILE = /\b(TODAY|NOW|RAND|RANDBETWEEN|RANDARRAY)\s*\(/i;
const DYNAMIC = /\b(INDIRECT|OFFSET)\s*\(/i;

const SHEET = `(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?`;
const CELL_OR_RANGE = new RegExp(
  String.raw`(?<![A-Za-z0-9_.$])${SHEET}\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})(?:\$?(\d+))?)?(?![A-Za-z0-9_(!])`,
  "g",
);
const COLUMNS = new RegExp(
  String.raw`(?<![A-Za-z0-9_.$])${SHEET}\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![A-Za-z0-9_(!])`,
  "g",
);
const NAME = /(?<![A-Za-z0-9_.$!'])([A-Za-z_][A-Za-z0-9_.]*)(?![A-Za-z0-9_.(!])/g;

function columnOf(letters: string): number {
  let col = 0;
  for (const char of letters.toUpperCase()) col = col * 26 + char.charCodeAt(0) - 64;
  return col;
}

function unquote(prefix: string | undefined): string | undefined {
  if (prefix === undefined) return undefined;
  return prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
}

/**
 * The cells a formula refers to, from its text: cells, ranges (open ones up
 * to the tab's last row), whole columns, and named ranges. String literals
 * are left out. `unknown` when the text cannot tell (INDIRECT, OFFSET).
 */
export function referencesOf(
  formula: string,
  names: ReadonlyMap<string, { sheet: string; rect: Rect }>,
  maxRows: (sheet: string | undefined) => number,
): Reference[] | "unknown" {
  if (DYNAMIC.test(formula)) return "unknown";
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const found: Reference[] = [];
  const rest = code.replace(
    CELL_OR_RANGE,
    (
      _match,
      prefix: string | undefined,
      col: string,
      row: string,
      endCol: string | undefined,
      endRow: string | undefined,
    ) => {
      const sheet = unquote(prefix);
      const first = { row: Number(row), col: columnOf(col) };
      const lastCol = endCol === undefined ? first.col : columnOf(endCol);
      const lastRow = endCol === undefined ? first.row : endRow === undefined ? maxRows(sheet) : Number(endRow);
      found.push({
        sheet,
        rect: {
          row: Math.min(first.row, lastRow),
          col: Math.min(first.col, lastCol),
          rows: Math.abs(lastRow - first.row) + 1,
          cols: Math.abs(lastCol - first.col) + 1,
        },
      });
      return " ";
    },
  );
  const rest2 = rest.replace(COLUMNS, (_match, prefix: string | undefined, from: string, to: string) => {
    const sheet = unquote(prefix);
    const [a, b] = [columnOf(from), columnOf(to)];
    found.push({ sheet, rect: { row: 1, col: Math.min(a, b), rows: maxRows(sheet), cols: Math.abs(b - a) + 1 } });
    return " ";
  });
  for (const match of rest2.matchAll(NAME)) {
    const named = names.get(match[1]!.toLowerCase());
    if (named) found.push({ sheet: named.sheet, rect: named.rect });
  }
  return found;
}

interface Formula {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly text: string;
  /** The formula's cell and the cells its result spills into. */
  region: Rect;
  dependsOnDay: boolean;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/**
 * Marks every formula that reads TODAY()/NOW() directly, or refers to a cell
 * (or a spill) of a formula that does, until nothing changes. Cautious: a
 * formula whose references the text cannot tell counts as reading them.
 */
export function todayDependence(
  formulas: Formula[],
  names: ReadonlyMap<string, { sheet: string; rect: Rect }>,
  maxRows: (sheet: string | undefined) => number,
): void {
  const references = new Map<Formula, Reference[] | "unknown">();
  for (const formula of formulas) {
    const refs = referencesOf(formula.text, names, (sheet) => maxRows(sheet ?? formula.sheet));
    references.set(formula, refs);
    formula.dependsOnDay = VOLATILE.test(formula.text.replace(/"(?:[^"]|"")*"/g, '""')) || refs === "unknown";
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const formula of formulas) {
      if (formula.dependsOnDay) continue;
      const refs = references.get(formula) as Reference[];
      const reads = refs.some((ref) =>
        formulas.some(
          (other) =>
            other.dependsOnDay && other.sheet === (ref.sheet ?? formula.sheet) && overlaps(other.region, ref.rect),
        ),
      );
      if (reads) {
        formula.dependsOnDay = true;
        changed = true;
      }
    }
  }
}

// ------------------------------------------------------------ the calculated cells

/** Each tab's formulas with the cells their results spill into (HyperFormula knows which cells belong to an array). */
export function formulasOf(emulator: Emulator, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Formula[] {
  const hf = emulator.hyperformula;
  const formulas: Formula[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    if (rows === 0 || cols === 0) continue;
    const texts = sheet.getRange(1, 1, rows, cols).getFormulas();
    const hfId = hf.getSheetId(name);
    if (hfId === undefined) throw new Error(`the emulator has no sheet ${name}`);
    const inArray = (row: number, col: number): boolean =>
      row <= rows &&
      col <= cols &&
      texts[row - 1]![col - 1] === "" &&
      hf.isCellPartOfArray({ sheet: hfId, row: row - 1, col: col - 1 });
    texts.forEach((line, r) =>
      line.forEach((text, c) => {
        if (text === "") return;
        const row = r + 1;
        const col = c + 1;
        // A spill runs right and down from an array formula until another formula or a plain cell. Where a
        // neighbouring spill makes this too wide, a cell is claimed by two formulas and counts as reading
        // TODAY()/NOW() if either does: cautious, never the other way round.
        const spills = hf.isCellPartOfArray({ sheet: hfId, row: r, col: c });
        let width = 1;
        while (spills && inArray(row, col + width)) width++;
        let height = 1;
        while (spills && inArray(row + height, col)) height++;
        formulas.push({
          sheet: name,
          row,
          col,
          text,
          region: { row, col, rows: height, cols: width },
          dependsOnDay: false,
        });
      }),
    );
  }
  return formulas;
}

type Grid = readonly (readonly CellValue[])[];

function openAt(sample: string, state?: ReturnType<Emulator["toState"]>): { emulator: Emulator; done: () => void } {
  const emulator = createEmulator({ ...(state ? { state } : {}), today: sample, timeZone: TIME_ZONE, locale: "en_US" });
  const uninstall = emulator.install();
  const realNow = clock.now;
  clock.now = fixedDay(sample.slice(0, 10));
  return {
    emulator,
    done: () => {
      clock.now = realNow;
      uninstall();
    },
  };
}

/** Builds the example on the emulator and records what the self-test will compare. */
export function computeSelfTestExpected(
  example: SelfTestExample = selfTestExample(),
  samples: readonly string[] = SELF_TEST_SAMPLES,
): SelfTestExpected {
  const [first] = samples;
  if (!first) throw new Error("no sample day");
  const start = openAt(first);
  let state: ReturnType<Emulator["toState"]>;
  let formulas: Formula[];
  let skeleton: SelfTestExpected;
  try {
    const prepared = prepareExample(example);
    if (!prepared.ok) throw new Error(`the example was not built: ${prepared.message}`);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    formulas = formulasOf(start.emulator, spreadsheet);
    const names = new Map<string, { sheet: string; rect: Rect }>();
    for (const named of spreadsheet.getNamedRanges()) {
      const range = named.getRange();
      names.set(named.getName().toLowerCase(), {
        sheet: range.getSheet().getName(),
        rect: { row: range.getRow(), col: range.getColumn(), rows: range.getNumRows(), cols: range.getNumColumns() },
      });
    }
    const maxRows = (sheet: string | undefined): number => spreadsheet.getSheetByName(sheet ?? "")?.getMaxRows() ?? 1;
    todayDependence(formulas, names, maxRows);
    // Every calculated cell once, as `moving` for now: observe() reads what the runs cover.
    const sheets = [...new Set(formulas.map((formula) => formula.sheet))].map(
      (name): ExpectedSheet => ({
        name,
        fixed: [],
        settled: [],
        moving: formulas.filter((formula) => formula.sheet === name).map((formula) => rectA1(formula.region)),
      }),
    );
    const namedRanges = spreadsheet
      .getNamedRanges()
      .map((named): ExpectedNamedRange => ({ name: named.getName(), sheet: "", a1: "A1", values: [] }));
    const charts = spreadsheet
      .getSheets()
      .flatMap((sheet) =>
        sheet.getCharts().map((_chart, index): ExpectedChart => ({ sheet: sheet.getName(), index, ranges: [] })),
      );
    skeleton = { version: 1, example, samples, settledFrom: first.slice(0, 10), sheets, namedRanges, charts };
    state = start.emulator.toState();
  } finally {
    start.done();
  }

  const observations = samples.map((sample) => {
    const opened = openAt(sample, state);
    try {
      return observe(SpreadsheetApp.getActiveSpreadsheet(), skeleton);
    } finally {
      opened.done();
    }
  });
  const [base] = observations;
  if (!base) throw new Error("nothing observed");
  const valueAt = (grid: Grid | undefined, row: number, col: number): CellValue => grid?.[row - 1]?.[col - 1] ?? "";
  const same = (a: CellValue, b: CellValue): boolean =>
    Object.is(a, b) || (typeof a === "number" && typeof b === "number" && a === b);

  const sheets = skeleton.sheets.map((sheet): ExpectedSheet => {
    const fixed: { row: number; col: number; value: CellValue }[] = [];
    const settled: typeof fixed = [];
    const moving: typeof fixed = [];
    // Each calculated cell once: reading the day if any formula that covers it does.
    const cells = new Map<string, { row: number; col: number; dependsOnDay: boolean }>();
    for (const formula of formulas.filter((candidate) => candidate.sheet === sheet.name)) {
      for (let r = 0; r < formula.region.rows; r++) {
        for (let c = 0; c < formula.region.cols; c++) {
          const row = formula.region.row + r;
          const col = formula.region.col + c;
          const known = cells.get(`${row},${col}`);
          cells.set(`${row},${col}`, {
            row,
            col,
            dependsOnDay: formula.dependsOnDay || (known?.dependsOnDay ?? false),
          });
        }
      }
    }
    for (const { row, col, dependsOnDay } of cells.values()) {
      const value = valueAt(base.sheets[sheet.name], row, col);
      const steady = observations.every((observed) => same(valueAt(observed.sheets[sheet.name], row, col), value));
      if (!dependsOnDay && !steady) {
        throw new Error(
          `${sheet.name}!${columnLetters(col)}${row} reads neither TODAY() nor NOW() by its formulas, yet changed with the day: the dependence check missed a reference`,
        );
      }
      (dependsOnDay ? (steady ? settled : moving) : fixed).push({ row, col, value });
    }
    return {
      name: sheet.name,
      fixed: toRuns(fixed),
      settled: toRuns(settled),
      moving: toRuns(moving).map(([where]) => where),
    };
  });

  const runsOf = (a1: string, values: Grid): ReturnType<typeof toRuns> => {
    const origin = /^([A-Z]+)(\d+)/.exec(a1)!;
    const row0 = Number(origin[2]);
    const col0 = columnOf(origin[1]!);
    return toRuns(values.flatMap((line, r) => line.map((value, c) => ({ row: row0 + r, col: col0 + c, value }))));
  };
  const namedRanges = base.namedRanges.map(
    (named): ExpectedNamedRange => ({
      name: named.name,
      sheet: named.sheet,
      a1: named.a1,
      values: runsOf(named.a1, named.values),
    }),
  );
  const charts = Object.entries(base.charts).flatMap(([tab, list]) =>
    list.map(
      (ranges, index): ExpectedChart => ({
        sheet: tab,
        index,
        ranges: ranges.map((range) => ({ sheet: range.sheet, a1: range.a1, values: runsOf(range.a1, range.values) })),
      }),
    ),
  );
  return { version: 1, example, samples, settledFrom: first.slice(0, 10), sheets, namedRanges, charts };
}

// ------------------------------------------------------------ reuse between builds

/** What the expected values are computed from: the add-on's code, the emulator, the example, the locked dependencies. */
const INPUTS = ["src", "playground/emulator", "examples", "scripts/lib/selfTestExpected.ts", "package-lock.json"];

/**
 * computeSelfTestExpected, reused while none of its inputs changed: it builds
 * the example and evaluates it on every sample day, seconds that every
 * `npm start` and `npm test` would pay again for the same answer.
 */
export function cachedSelfTestExpected(root = process.cwd()): SelfTestExpected {
  return cachedByInputs(root, "sla-self-test", INPUTS, "expected", () =>
    computeSelfTestExpected(selfTestExample(root)),
  );
}
