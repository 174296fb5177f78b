/**
 * applyPlan: turns a workbook plan into Sheets calls, batched (design decision
 * 5): per rectangle one call for values and formulas, one for number formats,
 * one for text styles, one for backgrounds; validations of a sheet in one
 * call; conditional formats once per sheet. The number of calls depends on the
 * plan's structure, never on how many days, months of data or leads there are.
 *
 * Cells users type into are read before anything is written and put back
 * where the new layout has them, so a rebuild loses nothing (design decision 7).
 */
import { COLORS } from "../workbook/context";
import { parseA1 } from "../workbook/sheetBuilder";
import type { BlockPlan, CellSpec, ChartPlan, ConditionalFormatPlan, SheetPlan, ValidationPlan, ValidationRule, WorkbookPlan } from "../workbook/types";
import type { StoredLayout } from "./layout";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type TextStyle = GoogleAppsScript.Spreadsheet.TextStyle;

/** A value as users left it: their formula if they wrote one, else the value. */
interface Kept {
  readonly value: unknown;
  readonly formula: string;
}

const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
const DEFAULT_FORMAT = "0.###############";

/**
 * How a value is written with setValues: formulas with "=", every string as
 * literal text behind an apostrophe, so a name such as `=IMPORTXML(…)`, `+49…`
 * or `2026-12` stays exactly what was typed (design decision 8).
 */
export function cellInput(cell: CellSpec | undefined, kept?: Kept): unknown {
  if (kept) {
    if (kept.formula) return kept.formula;
    return typeof kept.value === "string" && kept.value !== "" ? `'${kept.value}` : kept.value;
  }
  if (!cell) return "";
  if (cell.formula !== undefined) return `=${cell.formula}`;
  if (cell.text !== undefined) return cell.text === "" ? "" : `'${cell.text}`;
  if (typeof cell.value === "string") return cell.value === "" ? "" : `'${cell.value}`;
  return cell.value ?? "";
}

/** Reads the values users typed into the previous layout's input cells, by key. */
function readKept(sheet: Sheet, size: { rows: number; columns: number }, inputs: Readonly<Record<string, string>>): Map<string, Kept> {
  const kept = new Map<string, Kept>();
  const cells = Object.entries(inputs).map(([key, address]) => ({ key, ...parseA1(address) }));
  if (cells.length === 0) return kept;
  const top = Math.min(...cells.map((cell) => cell.row));
  const left = Math.min(...cells.map((cell) => cell.column));
  const bottom = Math.min(Math.max(...cells.map((cell) => cell.row)), size.rows);
  const right = Math.min(Math.max(...cells.map((cell) => cell.column)), size.columns);
  if (bottom < top || right < left) return kept;
  const range = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
  const values = range.getValues();
  const formulas = range.getFormulas();
  for (const cell of cells) {
    const value = values[cell.row - top]?.[cell.column - left];
    const formula = formulas[cell.row - top]?.[cell.column - left] ?? "";
    if (value === undefined || (value === "" && formula === "")) continue;
    kept.set(cell.key, { value, formula });
  }
  return kept;
}

export interface ApplyResult {
  readonly sheetsCreated: number;
  readonly sheetsUpdated: number;
}

export function applyPlan(plan: WorkbookPlan, previous: StoredLayout | undefined): ApplyResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const styles = new Map<string, TextStyle>();
  let created = 0;
  let sheetCount = spreadsheet.getSheets().length;

  // Find every sheet and read what users typed, before the first write.
  const targets = plan.sheets.map((sheetPlan) => {
    const before = previous?.sheets[sheetPlan.key];
    const storedName = before?.name ?? sheetPlan.name;
    let existing = spreadsheet.getSheetByName(storedName);
    let name = storedName;
    if (!existing && storedName !== sheetPlan.name) {
      existing = spreadsheet.getSheetByName(sheetPlan.name);
      name = sheetPlan.name;
    }
    const size = existing ? { rows: existing.getMaxRows(), columns: existing.getMaxColumns() } : { rows: NEW_SHEET_ROWS, columns: NEW_SHEET_COLUMNS };
    const kept = existing && before ? readKept(existing, size, before.inputs) : new Map<string, Kept>();
    return { sheetPlan, existing, kept, size, name };
  });

  targets.forEach(({ sheetPlan, existing, kept, size, name }, index) => {
    let sheet: Sheet;
    const { rows, columns } = size;
    if (existing) {
      sheet = existing;
      if (name !== sheetPlan.name) sheet.setName(sheetPlan.name);
      // Generated sheets are laid out anew; the lead log keeps its rows and only gets its frame rewritten.
      if (sheetPlan.key !== "leads") {
        sheet.clear();
        sheet.getRange(1, 1, rows, columns).clearDataValidations();
        for (const chart of sheet.getCharts()) sheet.removeChart(chart);
      }
    } else {
      sheet = spreadsheet.insertSheet(sheetPlan.name, Math.min(index, sheetCount));
      sheetCount += 1;
      created += 1;
    }
    if (rows < sheetPlan.minRows) sheet.insertRowsAfter(rows, sheetPlan.minRows - rows);
    if (columns < sheetPlan.minColumns) sheet.insertColumnsAfter(columns, sheetPlan.minColumns - columns);
    writeSheet(sheet, sheetPlan, kept, styles, existing !== null);
  });

  applyNamedRanges(spreadsheet, plan, targets.map((target) => target.sheetPlan), previous?.namedRanges ?? {});
  return { sheetsCreated: created, sheetsUpdated: plan.sheets.length - created };
}

function writeSheet(sheet: Sheet, plan: SheetPlan, kept: ReadonlyMap<string, Kept>, styles: Map<string, TextStyle>, existed: boolean): void {
  for (const block of plan.blocks) writeBlock(sheet, block, kept, styles);
  if (plan.inputFormats) {
    const { row, column, rows, cells } = plan.inputFormats;
    const line = cells.map((cell) => cell.format ?? DEFAULT_FORMAT);
    sheet.getRange(row, column, rows, cells.length).setNumberFormats(Array.from({ length: rows }, () => line));
  }
  // Frozen panes survive clear(); the plan's are fixed per kind of tab, so setting them once is enough.
  if (plan.frozenRows > 0 && !existed) sheet.setFrozenRows(plan.frozenRows);
  if (plan.frozenColumns > 0 && !existed) sheet.setFrozenColumns(plan.frozenColumns);
  for (const width of plan.columnWidths) sheet.setColumnWidths(width.column, width.count, width.width);
  writeValidations(sheet, plan.validations);
  if (plan.conditionalFormats.length > 0 || existed) sheet.setConditionalFormatRules(plan.conditionalFormats.map((rule) => conditionalRule(sheet, rule)));
  for (const chart of plan.charts) sheet.insertChart(buildChart(sheet, chart));
}

function writeBlock(sheet: Sheet, block: BlockPlan, kept: ReadonlyMap<string, Kept>, styles: Map<string, TextStyle>): void {
  const rows = block.cells.length;
  const columns = block.cells[0]?.length ?? 0;
  if (rows === 0 || columns === 0) return;
  const range = sheet.getRange(block.row, block.column, rows, columns);
  let anyBackground = false;
  let anyStyle = false;
  const values = block.cells.map((line) =>
    line.map((cell) => {
      if (cell?.background) anyBackground = true;
      if (cell?.bold || cell?.italic || cell?.color) anyStyle = true;
      const previous = cell?.input ? (kept.get(cell.input.key) ?? (cell.input.fallbackKey ? kept.get(cell.input.fallbackKey) : undefined)) : undefined;
      return cellInput(cell, previous);
    }),
  );
  range.setValues(values);
  range.setNumberFormats(block.cells.map((line) => line.map((cell) => cell?.format ?? DEFAULT_FORMAT)));
  if (anyStyle) range.setTextStyles(block.cells.map((line) => line.map((cell) => textStyle(styles, cell))));
  if (anyBackground) range.setBackgrounds(block.cells.map((line) => line.map((cell) => cell?.background ?? "#ffffff")));
}

function textStyle(styles: Map<string, TextStyle>, cell: CellSpec | undefined): TextStyle {
  const bold = cell?.bold ?? false;
  const italic = cell?.italic ?? false;
  const color = cell?.color ?? "#000000";
  const key = `${bold}|${italic}|${color}`;
  let style = styles.get(key);
  if (!style) {
    style = SpreadsheetApp.newTextStyle().setBold(bold).setItalic(italic).setForegroundColor(color).build();
    styles.set(key, style);
  }
  return style;
}

function validationRule(rule: ValidationRule, helpText: string): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  switch (rule.kind) {
    case "list":
      builder.requireValueInList([...rule.values], true).setAllowInvalid(!rule.strict);
      break;
    case "date":
      builder.requireDate().setAllowInvalid(false);
      break;
    case "numberAtLeast":
      builder.requireNumberGreaterThanOrEqualTo(rule.min).setAllowInvalid(false);
      break;
    case "numberBetween":
      builder.requireNumberBetween(rule.min, rule.max).setAllowInvalid(false);
      break;
    case "checkbox":
      builder.requireCheckbox();
      break;
  }
  return builder.setHelpText(helpText).build();
}

/** All validations of a sheet in one call over their bounding rectangle. */
function writeValidations(sheet: Sheet, validations: readonly ValidationPlan[]): void {
  if (validations.length === 0) return;
  const areas = validations.map((validation) => {
    const [from, to = from] = validation.range.split(":") as [string, string?];
    return { start: parseA1(from), end: parseA1(to), rule: validationRule(validation.rule, validation.helpText) };
  });
  const top = Math.min(...areas.map((area) => area.start.row));
  const left = Math.min(...areas.map((area) => area.start.column));
  const bottom = Math.max(...areas.map((area) => area.end.row));
  const right = Math.max(...areas.map((area) => area.end.column));
  const grid: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = Array.from({ length: bottom - top + 1 }, () => new Array(right - left + 1).fill(null));
  for (const area of areas) {
    for (let row = area.start.row; row <= area.end.row; row++) {
      const line = grid[row - top] as (GoogleAppsScript.Spreadsheet.DataValidation | null)[];
      for (let column = area.start.column; column <= area.end.column; column++) line[column - left] = area.rule;
    }
  }
  sheet.getRange(top, left, bottom - top + 1, right - left + 1).setDataValidations(grid);
}

function conditionalRule(sheet: Sheet, rule: ConditionalFormatPlan): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const builder = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(rule.formula)
    .setRanges(rule.ranges.map((range) => sheet.getRange(range)));
  if (rule.background) builder.setBackground(rule.background);
  if (rule.color) builder.setFontColor(rule.color);
  if (rule.bold) builder.setBold(true);
  return builder.build();
}

function buildChart(sheet: Sheet, chart: ChartPlan): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  const builder = sheet.newChart();
  const typed = chart.kind === "combo" ? builder.asComboChart() : chart.kind === "line" ? builder.asLineChart() : builder.asColumnChart();
  typed.addRange(sheet.getRange(chart.domain));
  for (const series of chart.series) typed.addRange(sheet.getRange(series.range));
  const series: Record<number, Record<string, unknown>> = {};
  chart.series.forEach((item, index) => {
    series[index] = {
      type: item.type,
      color: item.color,
      targetAxisIndex: item.targetAxis ?? 0,
      ...(item.dashed ? { lineDashStyle: [6, 4] } : {}),
      ...(item.type === "line" ? { lineWidth: 3, pointSize: 0 } : {}),
    };
  });
  const vAxes: Record<number, Record<string, unknown>> = { 0: { title: chart.vAxisTitle, minValue: 0 } };
  if (chart.vAxisTitleRight) vAxes[1] = { title: chart.vAxisTitleRight, minValue: 0 };
  return typed
    .setNumHeaders(1)
    .setPosition(chart.anchor.row, chart.anchor.column, 0, 0)
    .setOption("title", chart.title)
    .setOption("width", chart.width)
    .setOption("height", chart.height)
    .setOption("legend", { position: "bottom" })
    .setOption("series", series)
    .setOption("vAxes", vAxes)
    .setOption("colors", chart.series.map((item) => item.color))
    .setOption("backgroundColor", "#ffffff")
    .setOption("titleTextStyle", { color: COLORS.header, bold: true })
    .build();
}

/** Where each named range points, as the build stores it: `'Leads'!E2:E1000`. */
export function namedRangeTarget(sheetName: string, range: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${range}`;
}

/**
 * Creates or moves the named ranges. Which exist is read once; one that still
 * points where the last build put it is left alone (its sheet keeps its
 * identity through renames, so the address is enough).
 */
function applyNamedRanges(spreadsheet: Spreadsheet, plan: WorkbookPlan, sheets: readonly SheetPlan[], stored: Readonly<Record<string, string>>): void {
  const existing = new Map(spreadsheet.getNamedRanges().map((named) => [named.getName(), named]));
  const sheetNames = new Map(sheets.map((sheet) => [sheet.key, sheet.name]));
  for (const named of plan.namedRanges) {
    const sheetName = sheetNames.get(named.sheetKey);
    if (!sheetName) throw new Error(`named range ${named.name} refers to an unplanned sheet ${named.sheetKey}`);
    const target = namedRangeTarget(sheetName, named.range);
    const current = existing.get(named.name);
    const storedTarget = stored[named.name];
    if (current && storedTarget !== undefined && storedTarget.slice(storedTarget.indexOf("!")) === target.slice(target.indexOf("!"))) continue;
    const range = spreadsheet.getRange(target);
    if (current) current.setRange(range);
    else spreadsheet.setNamedRange(named.name, range);
  }
}

