/**
 * What the page draws: one sheet of the emulated workbook as the grid shows
 * it (display values with their number formats, colours, bold, formulas,
 * error messages, simple conditional formats) and its charts as data ready
 * for Chart.js, all computed from the emulator's snapshot and its
 * getDisplayValues, so the page holds no spreadsheet logic of its own.
 */
import { DetailedCellError } from "hyperformula";
import { languageOf, type Language } from "../../src/core/i18n";
import type { ChartSnapshot, SheetSnapshot, WorkbookSnapshot } from "../emulator";
import type { CellView, ChartDataset, ChartView, SheetView, WorkbookView } from "../page/types";
import type { PlaygroundSession } from "./session";
import { toLocaleFormula } from "./formulaLocale";
import { dateToSerial, serialToIso } from "../emulator/time";

export type { CellView, ChartDataset, ChartView, SheetView, WorkbookView } from "../page/types";

const DEFAULT_WIDTH = 100;
const DEFAULT_HEIGHT = 21;
/** Sheets' default chart size. */
const DEFAULT_CHART = { width: 600, height: 371 };
/** Google Charts' default series colours. */
const PALETTE = ["#4285f4", "#db4437", "#f4b400", "#0f9d58", "#ab47bc", "#00acc1", "#ff7043", "#9e9d24"];

export function columnLetters(column: number): string {
  let text = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const char of letters) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

interface CellRef {
  readonly row: number;
  readonly col: number;
}

function parseCell(a1: string): CellRef {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!match) throw new Error(`not a cell: ${a1}`);
  return { col: columnNumber(match[1]!), row: Number(match[2]) };
}

interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

function parseRect(a1: string): Rect {
  const [start, end = start] = a1.split(":") as [string, string?];
  const from = parseCell(start);
  const to = parseCell(end);
  return { row: from.row, col: from.col, rows: to.row - from.row + 1, cols: to.col - from.col + 1 };
}

/** "'Sheet name'!A1:B2" → the sheet's name and the range. */
function splitSheet(a1: string): { sheet: string | undefined; range: string } {
  const bang = a1.lastIndexOf("!");
  if (bang < 0) return { sheet: undefined, range: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: a1.slice(bang + 1) };
}

// ---- conditional formats (the simple comparisons the workbook uses) ----

type Literal = number | string | boolean;

interface Comparison {
  readonly kind: "compare";
  readonly col: number;
  readonly row: number;
  readonly colFixed: boolean;
  readonly rowFixed: boolean;
  readonly op: string;
  readonly literal: Literal;
}

type Condition =
  | Comparison
  | { readonly kind: "and" | "or"; readonly parts: readonly Condition[] }
  | { readonly kind: "always" };

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === "(") depth++;
    else if (!quoted && char === ")") depth--;
    else if (!quoted && depth === 0 && char === ",") {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim());
}

function parseLiteral(text: string): Literal | undefined {
  if (/^".*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return Number(text);
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === "TRUE";
  return undefined;
}

/** Parses `=B10="On track"`, `=$N2="Late"`, `=AND(F14<>"",F14<0)`, `=TRUE` (a tab's fixed colours); anything else is left unevaluated. */
export function parseCondition(formula: string): Condition | undefined {
  const text = formula.trim().replace(/^=/, "").trim();
  if (/^TRUE$/i.test(text)) return { kind: "always" };
  const group = /^(AND|OR)\((.*)\)$/i.exec(text);
  if (group) {
    const parts = splitTopLevel(group[2]!).map(parseCondition);
    if (parts.some((part) => part === undefined)) return undefined;
    return { kind: group[1]!.toUpperCase() === "AND" ? "and" : "or", parts: parts as Condition[] };
  }
  const match = /^(\$?)([A-Z]{1,3})(\$?)(\d+)\s*(<=|>=|<>|=|<|>)\s*(.+)$/.exec(text);
  if (!match) return undefined;
  const literal = parseLiteral(match[6]!.trim());
  if (literal === undefined) return undefined;
  return {
    kind: "compare",
    colFixed: match[1] === "$",
    col: columnNumber(match[2]!),
    rowFixed: match[3] === "$",
    row: Number(match[4]),
    op: match[5]!,
    literal,
  };
}

function compare(value: Literal, op: string, literal: Literal): boolean {
  let order: number;
  if (typeof value === "number" && typeof literal === "number") order = value - literal;
  else if (typeof value === "string" && typeof literal === "string")
    order = value.toLowerCase().localeCompare(literal.toLowerCase());
  else if (value === "" && literal === "") order = 0;
  else if (op === "=" || op === "<>") return op === "<>";
  else if (typeof value === "number" && literal === "") order = 1;
  else return false;
  switch (op) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    default:
      return order >= 0;
  }
}

function holds(
  condition: Condition,
  anchor: CellRef,
  cell: CellRef,
  valueAt: (row: number, col: number) => Literal,
): boolean {
  if (condition.kind === "always") return true;
  if (condition.kind !== "compare") {
    const check = (part: Condition) => holds(part, anchor, cell, valueAt);
    return condition.kind === "and" ? condition.parts.every(check) : condition.parts.some(check);
  }
  const row = condition.rowFixed ? condition.row : condition.row + cell.row - anchor.row;
  const col = condition.colFixed ? condition.col : condition.col + cell.col - anchor.col;
  return compare(valueAt(row, col), condition.op, condition.literal);
}

function applyConditionalFormats(
  sheet: SheetSnapshot,
  cells: Record<string, CellView>,
  rows: number,
  cols: number,
): void {
  const valueAt = (row: number, col: number): Literal => sheet.cells[`${columnLetters(col)}${row}`]?.value ?? "";
  const styled = new Set<string>();
  for (const rule of sheet.conditionalFormats) {
    if (rule.condition !== "CUSTOM_FORMULA" || typeof rule.values[0] !== "string") continue;
    const condition = parseCondition(rule.values[0]);
    if (!condition) continue;
    for (const a1 of rule.ranges) {
      if (a1.includes("!")) continue;
      const rect = parseRect(a1);
      const anchor = { row: rect.row, col: rect.col };
      for (let row = rect.row; row < rect.row + rect.rows && row <= rows; row++) {
        for (let col = rect.col; col < rect.col + rect.cols && col <= cols; col++) {
          const key = `${columnLetters(col)}${row}`;
          // The first rule that matches a cell wins, as in Sheets.
          if (styled.has(key) || !holds(condition, anchor, { row, col }, valueAt)) continue;
          styled.add(key);
          cells[key] ??= { v: "" };
          const cell = cells[key]!;
          if (rule.background) cell.bg = rule.background;
          if (rule.fontColor) cell.fc = rule.fontColor;
          if (rule.bold) cell.b = true;
          if (rule.italic) cell.i = true;
        }
      }
    }
  }
}

// ---- charts ----

interface Line {
  readonly values: unknown[];
  readonly display: string[];
}

function chartLines(session: PlaygroundSession, chart: ChartSnapshot, defaultSheet: string): Line[] {
  const lines: Line[] = [];
  const spreadsheet = session.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
  for (const a1 of chart.ranges) {
    const { sheet, range } = splitSheet(a1);
    const target = spreadsheet.getSheetByName(sheet ?? defaultSheet);
    if (!target) continue;
    const block = target.getRange(range);
    const values = block.getValues();
    const display = block.getDisplayValues();
    const width = values[0]?.length ?? 0;
    for (let col = 0; col < width; col++)
      lines.push({ values: values.map((row) => row[col]), display: display.map((row) => row[col] ?? "") });
  }
  return lines;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function seriesKind(chartType: string, type: unknown, defaultType: unknown): ChartDataset["kind"] {
  const named = typeof type === "string" ? type : typeof defaultType === "string" ? defaultType : undefined;
  switch (chartType) {
    case "LINE":
      return named === "bars" ? "bar" : "line";
    case "AREA":
      return "area";
    case "COMBO":
      return named === "line" ? "line" : named === "area" || named === "steppedArea" ? "area" : "bar";
    default:
      return named === "line" ? "line" : "bar";
  }
}

/** A domain value as the page's checks read it: a date as "YYYY-MM-DD" in the spreadsheet's zone, text as it is. */
function domainValue(value: unknown, zone: string): string | number | null {
  if (value instanceof Date) return serialToIso(Math.floor(dateToSerial(value, zone)));
  if (typeof value === "string") return value === "" ? null : value;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function numberOrNull(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (value instanceof Date) return null;
  return null;
}

export function chartView(session: PlaygroundSession, chart: ChartSnapshot, sheetName: string): ChartView {
  const options = record(chart.options);
  const lines = chartLines(session, chart, sheetName);
  const headers = chart.series.some((label) => label !== null) ? 1 : 0;
  const domain = lines.length > 1 ? lines[0] : undefined;
  const series = lines.length > 1 ? lines.slice(1) : lines;
  // Sheets leaves out the rows at the end of a chart's ranges that are empty (months still ahead, left blank).
  let length = Math.max(0, ...lines.map((line) => line.values.length - headers));
  while (
    length > 0 &&
    lines.every((line) => line.values[headers + length - 1] === "" || line.values[headers + length - 1] === null)
  )
    length -= 1;
  const labels = domain
    ? domain.display.slice(headers, headers + length)
    : Array.from({ length }, (_, i) => String(i + 1));
  const zone = session.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const seriesOptions = record(options.series);
  const colors = Array.isArray(options.colors) ? (options.colors as unknown[]) : [];
  const datasets = series.map((line, index): ChartDataset => {
    const own = record(seriesOptions[String(index)]);
    const color =
      typeof own.color === "string"
        ? own.color
        : typeof colors[index] === "string"
          ? (colors[index] as string)
          : PALETTE[index % PALETTE.length]!;
    const dash = Array.isArray(own.lineDashStyle)
      ? (own.lineDashStyle as unknown[]).filter((n): n is number => typeof n === "number")
      : undefined;
    return {
      label: chart.series[index] ?? `Series ${index + 1}`,
      data: line.values.slice(headers, headers + length).map(numberOrNull),
      kind: seriesKind(chart.type, own.type, options.seriesType),
      color,
      axis: own.targetAxisIndex === 1 ? 1 : 0,
      ...(dash && dash.length > 0 ? { dash } : {}),
      ...(typeof own.lineWidth === "number" ? { lineWidth: own.lineWidth } : {}),
      ...(typeof own.pointSize === "number" ? { pointSize: own.pointSize } : {}),
    };
  });
  const vAxes = record(options.vAxes);
  const vAxis = record(options.vAxis);
  const axis = (index: number): ChartView["axes"][number] => {
    const spec = { ...(index === 0 ? vAxis : {}), ...record(vAxes[String(index)]) };
    return {
      ...(typeof spec.title === "string" ? { title: spec.title } : {}),
      ...(typeof spec.minValue === "number" ? { min: spec.minValue } : {}),
      ...(typeof spec.maxValue === "number" ? { max: spec.maxValue } : {}),
      ...(spec.format === "0" || record(spec.gridlines).multiple === 1 ? { whole: true } : {}),
    };
  };
  const legend = record(options.legend).position;
  const hAxis = record(options.hAxis);
  return {
    id: chart.id,
    title: chart.title ?? (typeof options.title === "string" ? options.title : ""),
    type: chart.type,
    width: typeof options.width === "number" ? options.width : DEFAULT_CHART.width,
    height: typeof options.height === "number" ? options.height : DEFAULT_CHART.height,
    anchor: { ...chart.position },
    labels,
    ...(domain ? { domain: domain.values.slice(headers).map((value) => domainValue(value, zone)) } : {}),
    datasets,
    axes: datasets.some((set) => set.axis === 1) ? [axis(0), axis(1)] : [axis(0)],
    ...(typeof hAxis.title === "string" ? { domainTitle: hAxis.title } : {}),
    legend: legend === "top" || legend === "left" || legend === "none" || legend === "bottom" ? legend : "right",
    horizontal: chart.type === "BAR",
    ...(options.isStacked === true ? { stacked: true } : {}),
    ...(typeof options.backgroundColor === "string" ? { background: options.backgroundColor } : {}),
    ...(typeof record(options.titleTextStyle).color === "string"
      ? { titleColor: record(options.titleTextStyle).color as string }
      : {}),
  };
}

// ---- cells ----

function editText(value: unknown, format: string | undefined, display: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (format?.includes("%")) return `${Number((value * 100).toPrecision(15))}%`;
    return String(value);
  }
  // Dates come as ISO text in the snapshot; what the cell shows can be typed back.
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) && display !== "") return display;
  return String(value ?? "");
}

const ERROR_VALUE = /^#(DIV\/0!|N\/A|NAME\?|NUM!|REF!|VALUE!|ERROR!|NULL!)$/;

export function sheetView(session: PlaygroundSession, snapshot: WorkbookSnapshot, sheet: SheetSnapshot): SheetView {
  let lastRow = 0;
  let lastCol = 0;
  for (const a1 of Object.keys(sheet.cells)) {
    const { row, col } = parseCell(a1);
    lastRow = Math.max(lastRow, row);
    lastCol = Math.max(lastCol, col);
  }
  for (const chart of sheet.charts) {
    lastRow = Math.max(lastRow, chart.position.row);
    lastCol = Math.max(lastCol, chart.position.column);
  }
  const rows = Math.min(sheet.maxRows, Math.max(lastRow + 20, 60));
  const cols = Math.min(sheet.maxColumns, Math.max(lastCol + 3, 26));
  const facade = session.sheet(sheet.name);
  const display = facade.getRange(1, 1, rows, cols).getDisplayValues();
  const checkboxColumns: Rect[] = sheet.validations.filter((v) => v.type === "CHECKBOX").map((v) => parseRect(v.range));
  const isCheckbox = (row: number, col: number) =>
    checkboxColumns.some((r) => row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols);
  const hf = session.emulator.hyperformula;
  const hfSheet = hf.getSheetId(sheet.name);
  // The formula bar shows formulas as Sheets does in the spreadsheet's locale (`;` and 0,5 in de_DE).
  const locale = session.emulator.globals.SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale();
  const cells: Record<string, CellView> = {};
  for (let row = 1; row <= rows; row++) {
    const line = display[row - 1] ?? [];
    for (let col = 1; col <= cols; col++) {
      const a1 = `${columnLetters(col)}${row}`;
      const snap = sheet.cells[a1];
      const shown = line[col - 1] ?? "";
      if (!snap && shown === "") continue;
      const cell: CellView = { v: shown };
      const value = snap?.value ?? "";
      if (snap?.formula) cell.f = toLocaleFormula(snap.formula, locale);
      else if (value !== "") cell.e = editText(value, snap?.format, shown);
      if (typeof value === "number") cell.n = true;
      if (typeof value === "boolean") {
        cell.t = value;
        if (isCheckbox(row, col)) cell.x = true;
      }
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) && snap?.format) cell.n = true;
      if (snap?.bold) cell.b = true;
      if (snap?.italic) cell.i = true;
      if (snap?.background && snap.background !== "#ffffff") cell.bg = snap.background;
      if (snap?.fontColor && snap.fontColor !== "#000000") cell.fc = snap.fontColor;
      if (snap?.fontSize) cell.fs = snap.fontSize;
      if (snap?.horizontalAlignment) cell.ha = snap.horizontalAlignment;
      if (snap?.verticalAlignment) cell.va = snap.verticalAlignment;
      if (snap?.wrapStrategy === "WRAP") cell.w = true;
      if (snap?.note) cell.note = snap.note;
      if (typeof value === "string" && ERROR_VALUE.test(value) && hfSheet !== undefined) {
        const computed = hf.getCellValue({ sheet: hfSheet, row: row - 1, col: col - 1 });
        cell.err = computed instanceof DetailedCellError && computed.message ? computed.message : value;
      }
      if (cell.v === "" && Object.keys(cell).length === 1) continue;
      cells[a1] = cell;
    }
  }
  // Unchecked checkboxes in empty rows show as boxes too.
  for (const rect of checkboxColumns)
    for (let row = rect.row; row < rect.row + rect.rows && row <= rows; row++)
      for (let col = rect.col; col < rect.col + rect.cols && col <= cols; col++) {
        const key = `${columnLetters(col)}${row}`;
        cells[key] ??= { v: "" };
        const cell = cells[key]!;
        if (cell.f === undefined && cell.t === undefined) {
          cell.x = true;
          cell.t = false;
        }
      }
  applyConditionalFormats(sheet, cells, rows, cols);
  const widths = Array.from({ length: cols }, (_, i) => sheet.columnWidths[columnLetters(i + 1)] ?? DEFAULT_WIDTH);
  const heights: Record<string, number> = {};
  for (const [row, height] of Object.entries(sheet.rowHeights))
    if (Number(row) <= rows && height !== DEFAULT_HEIGHT) heights[row] = height;
  return {
    name: sheet.name,
    rows,
    cols,
    maxRows: sheet.maxRows,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    widths,
    heights,
    merges: sheet.merges.map(parseRect).map((r) => ({ row: r.row, col: r.col, rows: r.rows, cols: r.cols })),
    cells,
    charts: sheet.charts.map((chart) => chartView(session, chart, sheet.name)),
    namedRanges: Object.keys(snapshot.namedRanges).length,
  };
}

export function workbookView(session: PlaygroundSession, sheetName?: string): WorkbookView {
  const snapshot = session.snapshot();
  const spreadsheet = session.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
  const activeName = spreadsheet.getActiveSheet().getName();
  const sheet =
    snapshot.sheets.find((s) => s.name === sheetName) ??
    snapshot.sheets.find((s) => s.name === activeName) ??
    snapshot.sheets[0]!;
  const config = snapshot.properties.document["sla.config"];
  let language: Language = languageOf(spreadsheet.getSpreadsheetLocale());
  if (config) {
    try {
      const stated = (JSON.parse(config) as { language?: unknown }).language;
      if (stated === "de" || stated === "en") language = stated;
    } catch {
      // An unreadable config keeps the locale's language.
    }
  }
  const view: WorkbookView = {
    title: spreadsheet.getName(),
    today: session.todayText(),
    realToday: session.today === undefined,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
    locale: spreadsheet.getSpreadsheetLocale(),
    language,
    hasSla: config !== undefined,
    active: activeName,
    tabs: snapshot.sheets.map((s) => ({ name: s.name, hidden: s.hidden, color: s.tabColor })),
    editors: spreadsheet.getEditors().map((user) => user.getEmail()),
    sheet: sheetView(session, snapshot, sheet),
  };
  session.emulator.calls.reset();
  return view;
}
