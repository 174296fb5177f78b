/** Sheet: structure (size, frozen panes, tabs), charts, conditional formats, protections. */
import { ConditionalFormatRuleFacade } from "./builders";
import { EmbeddedChartBuilderFacade, EmbeddedChartFacade, newChartSpec } from "./charts";
import { normalizeColor } from "./colors";
import { DeveloperMetadataFacade, DeveloperMetadataFinderFacade, parseAddArguments } from "./developerMetadata";
import { ProtectionType, requireMember } from "./enums";
import type { SheetModel, WorkbookModel } from "./model";
import { ProtectionFacade, sheetProtection } from "./protection";
import { moveDimension } from "./moves";
import { RangeFacade } from "./range";
import { RangeListFacade } from "./rangeList";
import { FORMAT_KEYS, cloneJson } from "./specs";
import { spreadsheetFacade, type SpreadsheetFacade } from "./spreadsheet";

const facades = new WeakMap<SheetModel, SheetFacade>();

/** One facade per sheet, so the same sheet is the same object however it was reached. */
export function sheetFacade(model: WorkbookModel, sheet: SheetModel): SheetFacade {
  let facade = facades.get(sheet);
  if (!facade) {
    facade = new SheetFacade(model, sheet);
    facades.set(sheet, facade);
  }
  return facade;
}

const DEFAULT_COLUMN_WIDTH = 100;
const DEFAULT_ROW_HEIGHT = 21;

function requirePositiveInt(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
    throw new Error(`Invalid ${what}: ${String(value)}`);
  return value;
}

export class SheetFacade {
  static readonly gasName = "Sheet";

  constructor(
    readonly _model: WorkbookModel,
    readonly _sheet: SheetModel,
  ) {}

  private get _live(): SheetModel {
    this._model.requireLive(this._sheet);
    return this._sheet;
  }

  getName(): string {
    return this._sheet.name;
  }

  setName(name: string): this {
    this._model.renameSheet(this._live, name);
    return this;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    return this._model.sheets.indexOf(this._live) + 1;
  }

  getSheetId(): number {
    return this._sheet.id;
  }

  getParent(): SpreadsheetFacade {
    return spreadsheetFacade(this._model);
  }

  activate(): this {
    this._model.activeSheetId = this._live.id;
    return this;
  }

  // ---- ranges ----

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): RangeFacade {
    const sheet = this._live;
    if (typeof a === "string") {
      const resolved = this._model.resolveA1(a, sheet);
      return new RangeFacade(this._model, resolved.sheet, resolved.rect, resolved);
    }
    const rect = { row: a, col: column as number, numRows: numRows ?? 1, numCols: numColumns ?? 1 };
    if (column === undefined)
      throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    this._model.checkRect(sheet, rect.row, rect.col, rect.numRows, rect.numCols);
    return new RangeFacade(this._model, sheet, rect);
  }

  getRangeList(a1Notations: string[]): RangeListFacade {
    if (!Array.isArray(a1Notations))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
    return new RangeListFacade(a1Notations.map((a1) => this.getRange(a1)));
  }

  getDataRange(): RangeFacade {
    const rows = Math.max(1, this._model.lastRow(this._live));
    const cols = Math.max(1, this._model.lastColumn(this._sheet));
    return new RangeFacade(this._model, this._sheet, { row: 1, col: 1, numRows: rows, numCols: cols });
  }

  getMaxRows(): number {
    return this._live.maxRows;
  }

  getMaxColumns(): number {
    return this._live.maxColumns;
  }

  getLastRow(): number {
    return this._model.lastRow(this._live);
  }

  getLastColumn(): number {
    return this._model.lastColumn(this._live);
  }

  // ---- rows and columns ----

  insertRowsAfter(afterPosition: number, howMany: number): this {
    const after = requirePositiveInt(afterPosition, "row position");
    if (after > this._live.maxRows) throw new Error("Those rows are out of bounds.");
    this._model.changeDimension(
      this._sheet,
      { axis: "rows", at: after + 1, count: requirePositiveInt(howMany, "number of rows") },
      after,
    );
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    const before = requirePositiveInt(beforePosition, "row position");
    if (before > this._live.maxRows) throw new Error("Those rows are out of bounds.");
    this._model.changeDimension(
      this._sheet,
      { axis: "rows", at: before, count: requirePositiveInt(howMany, "number of rows") },
      before,
    );
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    const after = requirePositiveInt(afterPosition, "column position");
    if (after > this._live.maxColumns) throw new Error("Those columns are out of bounds.");
    this._model.changeDimension(
      this._sheet,
      { axis: "cols", at: after + 1, count: requirePositiveInt(howMany, "number of columns") },
      after,
    );
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    const before = requirePositiveInt(beforePosition, "column position");
    if (before > this._live.maxColumns) throw new Error("Those columns are out of bounds.");
    this._model.changeDimension(
      this._sheet,
      { axis: "cols", at: before, count: requirePositiveInt(howMany, "number of columns") },
      before,
    );
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    const at = requirePositiveInt(rowPosition, "row position");
    this._model.changeDimension(this._live, {
      axis: "rows",
      at,
      count: -requirePositiveInt(howMany, "number of rows"),
    });
  }

  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    const at = requirePositiveInt(columnPosition, "column position");
    this._model.changeDimension(this._live, {
      axis: "cols",
      at,
      count: -requirePositiveInt(howMany, "number of columns"),
    });
  }

  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  /** Moves the rows the range spans before `destinationIndex`, counted before the move. */
  moveRows(rowSpec: RangeFacade, destinationIndex: number): void {
    const range = this._specOnThisSheet(rowSpec, "moveRows");
    moveDimension(this._model, this._sheet, "rows", range._rect.row, range._rect.numRows, destinationIndex);
  }

  /** Moves the columns the range spans before `destinationIndex`, counted before the move. */
  moveColumns(columnSpec: RangeFacade, destinationIndex: number): void {
    const range = this._specOnThisSheet(columnSpec, "moveColumns");
    moveDimension(this._model, this._sheet, "cols", range._rect.col, range._rect.numCols, destinationIndex);
  }

  private _specOnThisSheet(spec: RangeFacade, method: string): RangeFacade {
    if (!(spec instanceof RangeFacade))
      throw new Error(`The parameters don't match the method signature for SpreadsheetApp.Sheet.${method}.`);
    this._model.requireLive(this._sheet);
    if (spec._sheet !== this._sheet) throw new Error(`The range to move must be on the sheet "${this._sheet.name}".`);
    return spec;
  }

  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0 || rows >= this._live.maxRows)
      throw new Error(`Invalid number of frozen rows: ${rows}`);
    this._sheet.frozenRows = rows;
  }

  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0 || columns >= this._live.maxColumns)
      throw new Error(`Invalid number of frozen columns: ${columns}`);
    this._sheet.frozenColumns = columns;
  }

  getFrozenRows(): number {
    return this._live.frozenRows;
  }

  getFrozenColumns(): number {
    return this._live.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    const sheet = this._live;
    this._model.checkRect(sheet, 1, startColumn, 1, numColumns);
    for (let c = startColumn; c < startColumn + numColumns; c++)
      sheet.columnWidths.set(c, requirePositiveInt(Math.round(width), "width"));
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this._live.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  setRowHeight(rowPosition: number, height: number): this {
    return this.setRowHeights(rowPosition, 1, height);
  }

  setRowHeights(startRow: number, numRows: number, height: number): this {
    const sheet = this._live;
    this._model.checkRect(sheet, startRow, 1, numRows, 1);
    for (let r = startRow; r < startRow + numRows; r++)
      sheet.rowHeights.set(r, requirePositiveInt(Math.round(height), "height"));
    return this;
  }

  getRowHeight(rowPosition: number): number {
    return this._live.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }

  // ---- tab ----

  setTabColor(color: string | null): this {
    this._live.tabColor = normalizeColor(color) ?? null;
    return this;
  }

  getTabColor(): string | null {
    return this._live.tabColor;
  }

  hideSheet(): this {
    const sheet = this._live;
    if (this._model.sheets.every((s) => s === sheet || s.hidden))
      throw new Error("You can't hide all the sheets in a document.");
    sheet.hidden = true;
    return this;
  }

  showSheet(): this {
    this._live.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this._live.hidden;
  }

  // ---- developer metadata ----

  addDeveloperMetadata(...args: unknown[]): this {
    const { key, value, visibility } = parseAddArguments(args, "SpreadsheetApp.Sheet.addDeveloperMetadata");
    this._model.developerMetadata.add({ type: "SHEET", sheetId: this._live.id }, key, value, visibility);
    return this;
  }

  /** The metadata on the sheet itself (not on its rows or columns). */
  getDeveloperMetadata(): DeveloperMetadataFacade[] {
    return this._model.developerMetadata
      .at({ type: "SHEET", sheetId: this._live.id })
      .map((m) => new DeveloperMetadataFacade(this._model, m));
  }

  /** Searches the metadata on the sheet, its rows and its columns. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinderFacade {
    return new DeveloperMetadataFinderFacade(this._model, { kind: "sheet", sheet: this._live });
  }

  // ---- clearing ----

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    const o = options ?? {};
    if (!o.formatOnly || o.contentsOnly) this.clearContents();
    if (!o.contentsOnly || o.formatOnly) this.clearFormats();
    return this;
  }

  clearContents(): this {
    const sheet = this._live;
    this._model.writer.clearSheet(sheet.hfId);
    sheet.forEachMeta((meta) => delete meta.formula);
    return this;
  }

  clearFormats(): this {
    this._live.forEachMeta((meta) => {
      for (const key of FORMAT_KEYS) delete meta[key];
    });
    return this;
  }

  // ---- charts ----

  newChart(): EmbeddedChartBuilderFacade {
    return new EmbeddedChartBuilderFacade(this._model, newChartSpec());
  }

  insertChart(chart: EmbeddedChartFacade): void {
    if (!(chart instanceof EmbeddedChartFacade))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.insertChart.");
    const sheet = this._live;
    chart._spec.id = this._model.nextChartId++;
    sheet.charts.push(cloneJson(chart._spec));
  }

  updateChart(chart: EmbeddedChartFacade): void {
    if (!(chart instanceof EmbeddedChartFacade))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.updateChart.");
    const sheet = this._live;
    const index = sheet.charts.findIndex((c) => c.id !== null && c.id === chart._spec.id);
    if (index < 0) throw new Error("The chart to update is not on this sheet.");
    sheet.charts[index] = cloneJson(chart._spec);
  }

  removeChart(chart: EmbeddedChartFacade): void {
    if (!(chart instanceof EmbeddedChartFacade))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.removeChart.");
    const sheet = this._live;
    sheet.charts = sheet.charts.filter((c) => c.id !== chart._spec.id);
  }

  getCharts(): EmbeddedChartFacade[] {
    return this._live.charts.map((spec) => new EmbeddedChartFacade(this._model, cloneJson(spec)));
  }

  // ---- conditional formats ----

  /** Replaces all of the sheet's rules, as in Sheets. */
  setConditionalFormatRules(rules: ConditionalFormatRuleFacade[]): void {
    if (!Array.isArray(rules) || !rules.every((r) => r instanceof ConditionalFormatRuleFacade))
      throw new Error(
        "The parameters don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
      );
    const sheet = this._live;
    for (const rule of rules)
      for (const r of rule._spec.ranges)
        if (r.sheetId !== sheet.id) throw new Error("Conditional format rule cannot reference a different sheet.");
    sheet.conditionalFormats = rules.map((r) => cloneJson(r._spec));
  }

  getConditionalFormatRules(): ConditionalFormatRuleFacade[] {
    return this._live.conditionalFormats.map((spec) => new ConditionalFormatRuleFacade(this._model, cloneJson(spec)));
  }

  clearConditionalFormatRules(): void {
    this._live.conditionalFormats = [];
  }

  // ---- protection ----

  protect(): ProtectionFacade {
    return new ProtectionFacade(this._model, sheetProtection(this._model, this._live));
  }

  getProtections(type: string): ProtectionFacade[] {
    const wanted = requireMember(ProtectionType, type, "protection type");
    return this._live.protections.filter((p) => p.type === wanted).map((p) => new ProtectionFacade(this._model, p));
  }
}
