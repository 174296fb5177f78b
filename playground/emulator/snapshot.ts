/**
 * A JSON-safe picture of the workbook for tests and the playground preview:
 * per sheet its non-empty cells (computed value, formula, format), charts,
 * protections, validations and conditional formats; named ranges, document
 * properties and the call counts.
 */
import { DetailedCellError } from "hyperformula";
import { wallClockReader } from "../../src/core/wallClock";
import { columnToLetters, quoteSheetName, rectToA1, type Rect } from "./a1";
import type { CallLog } from "./callLog";
import { describeLocation } from "./developerMetadata";
import { isDateTimeFormat } from "./formats";
import type { SheetModel, WorkbookModel } from "./model";
import type { Borders, ChartPosition, ChartSpec, StoredRange, StoredValue } from "./specs";
import { serialToIso } from "./time";
import { sheetsErrorText } from "./values";

export interface CellSnapshot {
  /** Computed value; a date-formatted number as "2026-12-01" or "2026-12-01T14:30:00" (wall clock); "" when empty. */
  value: number | string | boolean;
  formula?: string;
  format?: string;
  note?: string;
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapStrategy?: string;
  borders?: Borders;
}

export interface ChartSnapshot {
  id: number | null;
  type: string;
  title: string | null;
  ranges: string[];
  /** The header text of each series column (or row, transposed); null where there is no header. */
  series: (string | null)[];
  options: Record<string, unknown>;
  position: ChartPosition;
}

export interface ProtectionSnapshot {
  type: "RANGE" | "SHEET";
  /** "Sheet!A1:B2" for a range protection, "sheet" for the whole sheet. */
  range: string;
  description: string;
  warningOnly: boolean;
  editors: string[];
  unprotectedRanges: string[];
}

export interface ValidationSnapshot {
  /** A column run of cells with the identical rule ("B2:B100"). */
  range: string;
  type: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface ConditionalFormatSnapshot {
  ranges: string[];
  condition: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
}

export interface SheetSnapshot {
  name: string;
  /** 1-based, as Sheet.getIndex(). */
  index: number;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  maxRows: number;
  maxColumns: number;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  merges: string[];
  cells: Record<string, CellSnapshot>;
  charts: ChartSnapshot[];
  protections: ProtectionSnapshot[];
  validations: ValidationSnapshot[];
  conditionalFormats: ConditionalFormatSnapshot[];
}

export interface DeveloperMetadataSnapshot {
  id: number;
  key: string;
  value: string | null;
  visibility: string;
  /** "spreadsheet", "'Leads'", "'Leads'!C:C" or "'Leads'!5:5", where the metadata is now. */
  location: string;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  namedRanges: Record<string, string>;
  developerMetadata: DeveloperMetadataSnapshot[];
  properties: { document: Record<string, string> };
  /** File ▸ Settings ▸ Calculation: ON_CHANGE, MINUTE or HOUR. */
  recalculationInterval: string;
  calls: { total: number; documentCalls: number; byMethod: Record<string, number> };
}

function rangeA1(model: WorkbookModel, range: StoredRange): string {
  const sheet = model.sheetById(range.sheetId);
  return `${sheet ? quoteSheetName(sheet.name) : "#REF"}!${rectToA1(range.rect)}`;
}

/** Criteria values as JSON: ranges as "Sheet!A1:A5", dates as ISO wall-clock text in the spreadsheet's zone. */
export function storedToJson(model: WorkbookModel, value: StoredValue): unknown {
  if (Array.isArray(value)) return value.map((v) => storedToJson(model, v));
  if (value !== null && typeof value === "object") {
    if (value.kind === "range") return rangeA1(model, value.range);
    const wall = new Date(wallClockReader(model.timeZone)(value.ms)).toISOString().slice(0, 19);
    return wall.endsWith("T00:00:00") ? wall.slice(0, 10) : wall;
  }
  return value;
}

function cellValue(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
  raw: unknown,
): number | string | boolean {
  if (raw === null || raw === undefined) return "";
  if (raw instanceof DetailedCellError) return sheetsErrorText(raw);
  if (typeof raw === "number") {
    const format = model.effectiveFormat(sheet, row, col);
    return format !== undefined && isDateTimeFormat(format) ? serialToIso(raw) : raw;
  }
  return raw as string | boolean;
}

function cells(model: WorkbookModel, sheet: SheetModel): Record<string, CellSnapshot> {
  const values = model.reader.getSheetValues(sheet.hfId);
  const letters: string[] = [];
  const out: Record<string, CellSnapshot> = {};
  // Row by row, each row's cells left to right: cells with a value or with meta, in that order.
  for (let r = 0; r < Math.max(values.length, sheet.meta.length); r++) {
    const rowValues = values[r] ?? [];
    const rowMeta = sheet.meta[r] ?? [];
    for (let c = 0; c < Math.max(rowValues.length, rowMeta.length); c++) {
      const value = rowValues[c];
      const meta = rowMeta[c];
      if ((value === null || value === undefined) && (meta === undefined || Object.keys(meta).length === 0)) continue;
      const row = r + 1;
      const col = c + 1;
      const cell: CellSnapshot = { value: cellValue(model, sheet, row, col, value) };
      if (meta?.formula) cell.formula = model.formulaText(sheet, row, col);
      if (meta?.numberFormat) cell.format = meta.numberFormat;
      if (meta?.note) cell.note = meta.note;
      if (meta?.background) cell.background = meta.background;
      if (meta?.fontColor) cell.fontColor = meta.fontColor;
      if (meta?.fontWeight) cell.bold = true;
      if (meta?.fontStyle) cell.italic = true;
      if (meta?.fontSize) cell.fontSize = meta.fontSize;
      if (meta?.horizontalAlignment) cell.horizontalAlignment = meta.horizontalAlignment;
      if (meta?.verticalAlignment) cell.verticalAlignment = meta.verticalAlignment;
      if (meta?.wrapStrategy) cell.wrapStrategy = meta.wrapStrategy;
      if (meta?.borders) cell.borders = structuredClone(meta.borders);
      const hasContent = cell.value !== "" || cell.formula !== undefined || Object.keys(cell).length > 1;
      letters[c] ??= columnToLetters(col);
      if (hasContent) out[`${letters[c]}${row}`] = cell;
    }
  }
  return out;
}

/** Each chart's data split into lines: columns (rows when transposed); the first line is the domain. */
function seriesLabels(model: WorkbookModel, chart: ChartSpec): (string | null)[] {
  const lines: { sheet: SheetModel; rect: Rect }[] = [];
  for (const r of chart.ranges) {
    const sheet = model.sheetById(r.sheetId);
    if (!sheet) continue;
    const { row, col, numRows, numCols } = r.rect;
    if (chart.transpose)
      for (let i = 0; i < numRows; i++) lines.push({ sheet, rect: { row: row + i, col, numRows: 1, numCols } });
    else for (let j = 0; j < numCols; j++) lines.push({ sheet, rect: { row, col: col + j, numRows, numCols: 1 } });
  }
  const series = lines.length > 1 ? lines.slice(1) : lines;
  const firstCells = series.map(
    (line) => model.readValues(line.sheet, { ...line.rect, numRows: 1, numCols: 1 })[0]![0],
  );
  // Sheets guesses headers when their number is not set: text above the data.
  const headers =
    chart.numHeaders >= 0
      ? chart.numHeaders
      : firstCells.length > 0 && firstCells.every((v) => typeof v === "string" && v !== "")
        ? 1
        : 0;
  return series.map((line) => {
    if (headers === 0) return null;
    const size = chart.transpose ? { numRows: 1, numCols: headers } : { numRows: headers, numCols: 1 };
    return model
      .readDisplayValues(line.sheet, { ...line.rect, ...size })
      .flat()
      .join(" ");
  });
}

function validationRuns(model: WorkbookModel, sheet: SheetModel): ValidationSnapshot[] {
  const byColumn = new Map<number, { row: number; key: string }[]>();
  sheet.forEachMeta((meta, row, col) => {
    if (!meta.validation) return;
    const list = byColumn.get(col) ?? [];
    list.push({ row, key: JSON.stringify(meta.validation) });
    byColumn.set(col, list);
  });
  const out: ValidationSnapshot[] = [];
  for (const col of [...byColumn.keys()].sort((a, b) => a - b)) {
    const cells = byColumn.get(col)!.sort((a, b) => a.row - b.row);
    let start = 0;
    for (let i = 1; i <= cells.length; i++) {
      const run = cells[start]!;
      const next = cells[i];
      if (next && next.key === run.key && next.row === cells[i - 1]!.row + 1) continue;
      const spec = sheet.cellMeta(run.row, col)!.validation!;
      out.push({
        range: rectToA1({ row: run.row, col, numRows: cells[i - 1]!.row - run.row + 1, numCols: 1 }),
        type: spec.criteria,
        values: spec.values.map((v) => storedToJson(model, v)),
        allowInvalid: spec.allowInvalid,
        helpText: spec.helpText,
      });
      start = i;
    }
  }
  return out;
}

function sheetSnapshot(model: WorkbookModel, sheet: SheetModel, index: number): SheetSnapshot {
  const inSheet = (rect: Rect) => `${quoteSheetName(sheet.name)}!${rectToA1(rect)}`;
  return {
    name: sheet.name,
    index,
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    tabColor: sheet.tabColor,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    columnWidths: Object.fromEntries(
      [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [columnToLetters(c), w]),
    ),
    rowHeights: Object.fromEntries([...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r), h])),
    merges: sheet.merges.map((m) => rectToA1(m)),
    cells: cells(model, sheet),
    charts: sheet.charts.map((chart) => ({
      id: chart.id,
      type: chart.type,
      title: typeof chart.options.title === "string" ? chart.options.title : null,
      ranges: chart.ranges.map((r) => rangeA1(model, r)),
      series: seriesLabels(model, chart),
      options: structuredClone(chart.options),
      position: { ...chart.position },
    })),
    protections: sheet.protections.map((p) => ({
      type: p.type,
      range: p.rect ? inSheet(p.rect) : "sheet",
      description: p.description,
      warningOnly: p.warningOnly,
      editors: model.protectionEditors(p),
      unprotectedRanges: p.unprotected.map(inSheet),
    })),
    validations: validationRuns(model, sheet),
    conditionalFormats: sheet.conditionalFormats.map((rule) => ({
      ranges: rule.ranges.map((r) => (r.sheetId === sheet.id ? rectToA1(r.rect) : rangeA1(model, r))),
      condition: rule.criteria,
      values: rule.values.map((v) => storedToJson(model, v)),
      background: rule.format.background ?? null,
      fontColor: rule.format.fontColor ?? null,
      bold: rule.format.bold ?? null,
      italic: rule.format.italic ?? null,
    })),
  };
}

export function takeSnapshot(model: WorkbookModel, calls: CallLog): WorkbookSnapshot {
  const namedRanges: Record<string, string> = {};
  for (const entry of model.names.list()) namedRanges[entry.name] = model.names.a1(entry.name) ?? "#REF!";
  return {
    sheets: model.sheets.map((sheet, i) => sheetSnapshot(model, sheet, i + 1)),
    namedRanges,
    developerMetadata: model.developerMetadata.items.map((m) => ({
      id: m.id,
      key: m.key,
      value: m.value,
      visibility: m.visibility,
      location: describeLocation(model, m.location),
    })),
    properties: { document: Object.fromEntries(model.properties.document) },
    recalculationInterval: model.recalculationInterval,
    calls: { total: calls.total, documentCalls: calls.documentCalls, byMethod: calls.byMethod },
  };
}
