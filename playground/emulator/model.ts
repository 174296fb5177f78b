/**
 * The emulated document: HyperFormula holds cell contents and computes
 * formulas; everything else (formats, validations, charts, protections,
 * named-range bookkeeping, properties, locks) is plain data here. The Apps
 * Script facades in spreadsheet.ts, sheet.ts, range.ts… only translate calls
 * into operations on this model.
 */
import {
  DetailedCellError,
  type HyperFormula,
  type RawCellContent,
  type SimpleCellAddress,
  type SimpleCellRange,
} from "hyperformula";
import { lastColOf, lastRowOf, parseRangeRef, splitSheetPrefix, type OpenEnds, type Rect } from "./a1";
import { DeveloperMetadataStore } from "./developerMetadata";
import { defaultDateFormat, formatValue, isDateTimeFormat } from "./formats";
import { closeOpenRanges, reopenRanges } from "./formulaText";
import { afterRebuild, createHyperFormula, dateFormatsFor, type EvaluationContext } from "./hyperformulaSetup";
import { NamedRanges } from "./namedRanges";
import { DEFAULT_ROWS, SheetModel } from "./sheetModel";
import { FORMAT_KEYS, type CellMeta, type ProtectionSpec, type StoredValue } from "./specs";
import { shiftIndex, shiftNumberMap, shiftRect, spliceSparse, type DimensionChange } from "./structure";
import { serialToDate } from "./time";
import { sheetsErrorText, type AppsScriptValue, type CellInput } from "./values";

export { DEFAULT_COLUMNS, DEFAULT_ROWS, SheetModel } from "./sheetModel";

const MAX_CELL_CHARACTERS = 50_000;

export type PropertyStore = "document" | "user" | "script";
export type LockKind = "document" | "script" | "user";

export interface ModelOptions {
  timeZone: string;
  locale: string;
  userEmail: string;
  today?: string;
  id: string;
  name: string;
}

export class WorkbookModel {
  private readonly engine: HyperFormula;
  readonly context: EvaluationContext;
  id: string;
  name: string;
  owner: string;
  currentUser: string;
  /** File editors besides the owner. */
  editors: string[] = [];
  sheets: SheetModel[] = [];
  activeSheetId = 0;
  /** File ▸ Settings ▸ Calculation: when NOW()/TODAY() recalculate besides on a change (recorded; the emulator evaluates on demand). */
  recalculationInterval: "ON_CHANGE" | "MINUTE" | "HOUR" = "ON_CHANGE";
  readonly names: NamedRanges;
  readonly developerMetadata = new DeveloperMetadataStore();
  readonly properties: Record<PropertyStore, Map<string, string>> = {
    document: new Map(),
    user: new Map(),
    script: new Map(),
  };
  readonly locks: Record<LockKind, { held: boolean; elsewhere: number }> = {
    document: { held: false, elsewhere: 0 },
    script: { held: false, elsewhere: 0 },
    user: { held: false, elsewhere: 0 },
  };
  readonly toasts: { message: string; title: string }[] = [];
  sheetSeed = 0;
  nextChartId = 1;
  nextProtectionId = 1;

  constructor(options: ModelOptions) {
    this.context = { timeZone: options.timeZone, locale: options.locale, today: options.today };
    this.engine = createHyperFormula(this.context);
    // After a sheet was removed, a rebuild numbers the engine's sheets afresh: each finds its own again by name.
    afterRebuild(this.engine, () => {
      for (const sheet of this.sheets) sheet.hfId = this.engine.getSheetId(sheet.name) ?? sheet.hfId;
    });
    this.names = new NamedRanges(this);
    this.id = options.id;
    this.name = options.name;
    this.owner = options.userEmail;
    this.currentUser = options.userEmail;
  }

  /**
   * HyperFormula for changes. Evaluation stays suspended until the next read,
   * so the many writes of a build are computed once, not once per write
   * (each write recomputed every TODAY()-dependent formula). Sheets, too,
   * bundles writes until something is read or flushed.
   */
  get writer(): HyperFormula {
    if (!this.engine.isEvaluationSuspended()) this.engine.suspendEvaluation();
    return this.engine;
  }

  /** HyperFormula with every pending change computed. */
  get reader(): HyperFormula {
    if (this.engine.isEvaluationSuspended()) this.engine.resumeEvaluation();
    return this.engine;
  }

  /** For what needs no computed value (formula text, named expressions' text), in either state. */
  get text(): HyperFormula {
    return this.engine;
  }

  get timeZone(): string {
    return this.context.timeZone;
  }

  get locale(): string {
    return this.context.locale;
  }

  setLocale(locale: string): void {
    this.context.locale = locale;
    this.reader.updateConfig({ dateFormats: dateFormatsFor(locale) });
  }

  // ---- sheets ----

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    return (
      this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())
    );
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0]!;
  }

  /** Sheet ids look like Sheets' (0 for the first, large numbers after), but are deterministic. */
  private newSheetId(): number {
    if (this.sheets.length === 0 && this.sheetSeed === 0) {
      this.sheetSeed = 1;
      return 0;
    }
    let id: number;
    do {
      this.sheetSeed = (this.sheetSeed * 1103515245 + 12345) % 2147483648;
      id = this.sheetSeed % 2000000000;
    } while (id === 0 || this.sheetById(id));
    return id;
  }

  validateSheetName(name: string, except?: SheetModel): void {
    if (typeof name !== "string" || name.trim() === "") throw new Error("Sheet names can't be empty.");
    if (name.length > 100) throw new Error("Sheet names can't be longer than 100 characters.");
    const clash = this.sheets.find((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  defaultSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (!this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) return name;
    }
  }

  addSheet(name: string, index: number = this.sheets.length, id?: number): SheetModel {
    this.validateSheetName(name);
    if (!Number.isInteger(index) || index < 0 || index > this.sheets.length)
      throw new Error(`Index ${index} is out of range: the spreadsheet has ${this.sheets.length} sheets.`);
    this.materializeFormulas();
    const hfName = this.writer.addSheet(name);
    const sheet = new SheetModel(id ?? this.newSheetId(), name, this.writer.getSheetId(hfName)!);
    this.sheets.splice(index, 0, sheet);
    // Formulas written before the sheet existed now resolve; open ranges among them need its size.
    this.refreshOpenReferences();
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.materializeFormulas();
    this.writer.removeSheet(sheet.hfId);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.developerMetadata.removeSheet(sheet);
    sheet.deleted = true;
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]!.id;
  }

  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this.validateSheetName(name, sheet);
    this.materializeFormulas();
    this.writer.renameSheet(sheet.hfId, name);
    sheet.name = name;
  }

  requireLive(sheet: SheetModel): void {
    if (sheet.deleted) throw new Error(`The sheet "${sheet.name}" has been deleted.`);
  }

  // ---- addressing ----

  checkRect(sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): void {
    this.requireLive(sheet);
    for (const [value, what] of [
      [row, "row"],
      [col, "column"],
      [numRows, "number of rows"],
      [numCols, "number of columns"],
    ] as const)
      if (typeof value !== "number" || !Number.isFinite(value))
        throw new Error(`The ${what} of the range is not a number.`);
    if (row < 1) throw new Error("The starting row of the range is too small.");
    if (col < 1) throw new Error("The starting column of the range is too small.");
    if (numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (numCols < 1) throw new Error("The number of columns in the range must be at least 1.");
    if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns)
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
  }

  /** Resolves "A1:B2", "A2:A", "'Other'!A1" against `sheet` (the default when the text names no sheet). */
  resolveA1(text: string, sheet: SheetModel | undefined): { sheet: SheetModel; rect: Rect } & OpenEnds {
    if (typeof text !== "string") throw new Error("Range not found");
    const { sheetName, ref } = splitSheetPrefix(text);
    const target = sheetName !== undefined ? this.sheetByName(sheetName) : sheet;
    if (!target) throw new Error("Range not found");
    const parsed = parseRangeRef(ref, target.maxRows, target.maxColumns);
    if (lastRowOf(parsed.rect) > target.maxRows || lastColOf(parsed.rect) > target.maxColumns)
      throw new Error("Range not found");
    return { sheet: target, ...parsed };
  }

  address(sheet: SheetModel, row: number, col: number): SimpleCellAddress {
    return { sheet: sheet.hfId, row: row - 1, col: col - 1 };
  }

  hfRange(sheet: SheetModel, rect: Rect): SimpleCellRange {
    return {
      start: this.address(sheet, rect.row, rect.col),
      end: this.address(sheet, lastRowOf(rect), lastColOf(rect)),
    };
  }

  /** The last row of a sheet named in a formula (undefined: the formula's own sheet), for closing "A2:A". */
  lastRowResolver(sheet: SheetModel): (name: string | undefined) => number {
    return (name) => (name === undefined ? sheet.maxRows : (this.sheetByName(name)?.maxRows ?? DEFAULT_ROWS));
  }

  // ---- contents ----

  writeInputs(sheet: SheetModel, rect: Rect, inputs: readonly (readonly CellInput[])[]): void {
    this.requireLive(sheet);
    const lastRow = this.lastRowResolver(sheet);
    const raw: RawCellContent[][] = new Array(rect.numRows);
    for (let i = 0; i < rect.numRows; i++) {
      const rowInputs = inputs[i]!;
      const rowRaw: RawCellContent[] = new Array(rect.numCols);
      const row = rect.row + i;
      for (let j = 0; j < rect.numCols; j++) {
        const input = rowInputs[j]!;
        const col = rect.col + j;
        if (input.kind === "formula") {
          if (input.text.length > MAX_CELL_CHARACTERS) throw tooLong();
          const closed = closeOpenRanges(input.text, lastRow);
          rowRaw[j] = closed.text;
          sheet.ensureMeta(row, col).formula = { text: input.text, open: closed.open };
          continue;
        }
        const meta = sheet.cellMeta(row, col);
        if (meta?.formula) delete meta.formula;
        if (input.kind === "empty") {
          rowRaw[j] = null;
          continue;
        }
        const value = input.value;
        if (typeof value === "string") {
          if (value.length > MAX_CELL_CHARACTERS) throw tooLong();
          // The apostrophe makes HyperFormula keep the text as text ("12", "=x" stay strings).
          rowRaw[j] = `'${value}`;
        } else rowRaw[j] = value;
        if (input.format !== undefined && !meta?.numberFormat) sheet.ensureMeta(row, col).numberFormat = input.format;
      }
      raw[i] = rowRaw;
    }
    this.writer.setCellContents(this.address(sheet, rect.row, rect.col), raw);
  }

  /**
   * Writes one formula into every cell of a range, relative references moving
   * with each cell, as setFormula on a multi-cell range does in Sheets.
   */
  fillFormula(sheet: SheetModel, rect: Rect, formula: string): void {
    this.writeInputs(sheet, { ...rect, numRows: 1, numCols: 1 }, [[{ kind: "formula", text: formula }]]);
    if (rect.numRows === 1 && rect.numCols === 1) return;
    const source = this.hfRange(sheet, { ...rect, numRows: 1, numCols: 1 });
    const filled = this.reader.getFillRangeData(source, this.hfRange(sheet, rect));
    const open = sheet.cellMeta(rect.row, rect.col)!.formula!.open;
    const lastRow = this.lastRowResolver(sheet);
    const inputs = filled.map((row, i) =>
      row.map((hfText, j): CellInput => {
        if (i === 0 && j === 0) return { kind: "formula", text: formula };
        const text = String(hfText);
        // Filling down moves a closed "A2:A1000" to "A3:A1001"; both ends came from an open range.
        const reopened = open
          ? reopenRanges(text, (name, endRow) => endRow === lastRow(name) || endRow === lastRow(name) + i)
          : text;
        return { kind: "formula", text: reopened };
      }),
    );
    this.writeInputs(sheet, rect, inputs);
  }

  clearContents(sheet: SheetModel, rect: Rect): void {
    const empty: CellInput = { kind: "empty" };
    const inputs = Array.from({ length: rect.numRows }, () => new Array<CellInput>(rect.numCols).fill(empty));
    this.writeInputs(sheet, rect, inputs);
  }

  /** The number format a cell shows with: its own, or the one Sheets infers for a formula returning a date. */
  effectiveFormat(sheet: SheetModel, row: number, col: number): string | undefined {
    const meta = sheet.cellMeta(row, col);
    if (meta?.numberFormat) return meta.numberFormat;
    if (!meta?.formula) return undefined;
    switch (this.reader.getCellValueDetailedType(this.address(sheet, row, col))) {
      case "NUMBER_DATE":
        return defaultDateFormat(this.locale, "date");
      case "NUMBER_DATETIME":
        return defaultDateFormat(this.locale, "datetime");
      case "NUMBER_TIME":
        return defaultDateFormat(this.locale, "time");
      default:
        return undefined;
    }
  }

  readValues(sheet: SheetModel, rect: Rect): AppsScriptValue[][] {
    this.requireLive(sheet);
    const zone = this.timeZone;
    return this.reader.getRangeValues(this.hfRange(sheet, rect)).map((cells, i) =>
      cells.map((value, j): AppsScriptValue => {
        if (value === null) return "";
        if (typeof value === "number") {
          const format = this.effectiveFormat(sheet, rect.row + i, rect.col + j);
          return format !== undefined && isDateTimeFormat(format) ? serialToDate(value, zone) : value;
        }
        if (value instanceof DetailedCellError) return sheetsErrorText(value);
        return value;
      }),
    );
  }

  readDisplayValues(sheet: SheetModel, rect: Rect): string[][] {
    this.requireLive(sheet);
    return this.reader.getRangeValues(this.hfRange(sheet, rect)).map((cells, i) =>
      cells.map((value, j) => {
        if (value === null) return "";
        if (value instanceof DetailedCellError) return sheetsErrorText(value);
        return formatValue(value, this.effectiveFormat(sheet, rect.row + i, rect.col + j), this.locale);
      }),
    );
  }

  readFormulas(sheet: SheetModel, rect: Rect): string[][] {
    this.requireLive(sheet);
    const out: string[][] = [];
    for (let r = rect.row; r <= lastRowOf(rect); r++) {
      const row: string[] = [];
      for (let c = rect.col; c <= lastColOf(rect); c++)
        row.push(sheet.cellMeta(r, c)?.formula ? this.formulaText(sheet, r, c) : "");
      out.push(row);
    }
    return out;
  }

  /**
   * A formula as Sheets would show it. The text as written, until a change of
   * structure (rows inserted, a sheet renamed) makes HyperFormula rewrite it;
   * from then on HyperFormula's text, with open ranges reopened.
   */
  formulaText(sheet: SheetModel, row: number, col: number): string {
    const meta = sheet.cellMeta(row, col);
    const formula = meta?.formula;
    if (!meta || !formula) return "";
    if (formula.hf === undefined) return formula.text;
    const current = this.text.getCellFormula(this.address(sheet, row, col)) ?? "";
    if (current === formula.hf) return formula.text;
    const lastRow = this.lastRowResolver(sheet);
    const text = formula.open ? reopenRanges(current, (name, endRow) => endRow === lastRow(name)) : current;
    meta.formula = { text, open: formula.open, hf: current };
    return text;
  }

  /** Records HyperFormula's current text of every formula, so formulaText can tell which ones a structural change rewrote. */
  materializeFormulas(): void {
    for (const sheet of this.sheets)
      sheet.forEachMeta((meta, row, col) => {
        if (meta.formula && meta.formula.hf === undefined)
          meta.formula.hf = this.text.getCellFormula(this.address(sheet, row, col)) ?? "";
      });
  }

  /** Re-closes "A2:A"-style references (in formulas and named ranges) at the sheets' current last rows. */
  refreshOpenReferences(): void {
    for (const sheet of this.sheets) {
      const lastRow = this.lastRowResolver(sheet);
      sheet.forEachMeta((meta, row, col) => {
        if (!meta.formula?.open) return;
        const text = this.formulaText(sheet, row, col);
        const closed = closeOpenRanges(text, lastRow).text;
        const address = this.address(sheet, row, col);
        if (closed === this.text.getCellFormula(address)) return;
        this.writer.setCellContents(address, [[closed]]);
        meta.formula = { text, open: true };
      });
    }
    this.names.refreshOpen();
  }

  lastRow(sheet: SheetModel): number {
    const { width, height } = this.reader.getSheetDimensions(sheet.hfId);
    for (let r = height; r >= 1; r--)
      for (let c = 1; c <= width; c++) if (!this.reader.isCellEmpty(this.address(sheet, r, c))) return r;
    return 0;
  }

  lastColumn(sheet: SheetModel): number {
    const { width, height } = this.reader.getSheetDimensions(sheet.hfId);
    for (let c = width; c >= 1; c--)
      for (let r = 1; r <= height; r++) if (!this.reader.isCellEmpty(this.address(sheet, r, c))) return c;
    return 0;
  }

  // ---- formats ----

  forEachCell(_sheet: SheetModel, rect: Rect, fn: (row: number, col: number, i: number, j: number) => void): void {
    for (let i = 0; i < rect.numRows; i++) for (let j = 0; j < rect.numCols; j++) fn(rect.row + i, rect.col + j, i, j);
  }

  /** Sets (or with undefined, removes) one meta key on every cell of a range. */
  setMeta<K extends keyof CellMeta>(
    sheet: SheetModel,
    rect: Rect,
    key: K,
    value: (i: number, j: number) => CellMeta[K] | undefined,
  ): void {
    this.requireLive(sheet);
    this.forEachCell(sheet, rect, (row, col, i, j) => {
      const v = value(i, j);
      if (v === undefined || v === null) {
        const meta = sheet.cellMeta(row, col);
        if (meta) delete meta[key];
      } else sheet.ensureMeta(row, col)[key] = v;
    });
  }

  readMeta<T>(sheet: SheetModel, rect: Rect, read: (meta: CellMeta | undefined) => T): T[][] {
    this.requireLive(sheet);
    const out: T[][] = [];
    for (let r = rect.row; r <= lastRowOf(rect); r++) {
      const row: T[] = [];
      for (let c = rect.col; c <= lastColOf(rect); c++) row.push(read(sheet.cellMeta(r, c)));
      out.push(row);
    }
    return out;
  }

  clearFormats(sheet: SheetModel, rect: Rect): void {
    this.forEachCell(sheet, rect, (row, col) => {
      const meta = sheet.cellMeta(row, col);
      if (meta) for (const key of FORMAT_KEYS) delete meta[key];
    });
  }

  // ---- structure ----

  /**
   * Inserts or deletes rows or columns. Inserted ones take the formats and
   * validations of `inheritFrom` (the row or column next to them), as Sheets'
   * insertRowsAfter/insertRowsBefore do.
   */
  changeDimension(sheet: SheetModel, change: DimensionChange, inheritFrom?: number): void {
    this.requireLive(sheet);
    const rows = change.axis === "rows";
    if (change.count < 0) {
      const frozen = rows ? sheet.frozenRows : sheet.frozenColumns;
      const size = rows ? sheet.maxRows : sheet.maxColumns;
      const word = rows ? "rows" : "columns";
      if (change.at < 1 || change.at - change.count - 1 > size) throw new Error(`Those ${word} are out of bounds.`);
      if (-change.count >= size - frozen)
        throw new Error(`Sorry, it is not possible to delete all non-frozen ${word}.`);
    }
    this.materializeFormulas();
    const hfIndex: [number, number] = [change.at - 1, Math.abs(change.count)];
    if (rows) {
      if (change.count > 0) this.writer.addRows(sheet.hfId, hfIndex);
      else this.writer.removeRows(sheet.hfId, hfIndex);
      sheet.maxRows += change.count;
      const template = inheritFrom !== undefined ? sheet.meta[inheritFrom - 1] : undefined;
      spliceSparse(sheet.meta, change, template ? () => template.map(inheritedMeta) : undefined);
      sheet.rowHeights = shiftNumberMap(sheet.rowHeights, change);
    } else {
      if (change.count > 0) this.writer.addColumns(sheet.hfId, hfIndex);
      else this.writer.removeColumns(sheet.hfId, hfIndex);
      sheet.maxColumns += change.count;
      for (const cells of sheet.meta) {
        if (!cells) continue;
        const template = inheritFrom !== undefined ? cells[inheritFrom - 1] : undefined;
        spliceSparse(cells, change, template ? () => inheritedMeta(template) : undefined);
      }
      sheet.columnWidths = shiftNumberMap(sheet.columnWidths, change);
    }
    this.shiftStoredRanges(sheet, change);
    this.developerMetadata.applyDimensionChange(sheet, change);
    this.refreshOpenReferences();
  }

  private shiftStoredRanges(changed: SheetModel, change: DimensionChange): void {
    const shiftOn = (sheetId: number, rect: Rect): Rect | undefined =>
      sheetId === changed.id ? shiftRect(rect, change) : rect;
    changed.merges = changed.merges.flatMap((rect) => shiftRect(rect, change) ?? []);
    changed.protections = changed.protections.flatMap((p) => {
      if (p.rect) {
        const rect = shiftRect(p.rect, change);
        if (!rect) return [];
        p.rect = rect;
      }
      p.unprotected = p.unprotected.flatMap((rect) => shiftRect(rect, change) ?? []);
      return [p];
    });
    for (const chart of changed.charts) {
      const key = change.axis === "rows" ? "row" : "column";
      chart.position[key] = Math.max(1, shiftIndex(chart.position[key], change));
    }
    for (const sheet of this.sheets) {
      for (const chart of sheet.charts)
        chart.ranges = chart.ranges.flatMap((r) => {
          const rect = shiftOn(r.sheetId, r.rect);
          return rect ? [{ sheetId: r.sheetId, rect }] : [];
        });
      sheet.conditionalFormats = sheet.conditionalFormats.filter((rule) => {
        rule.ranges = rule.ranges.flatMap((r) => {
          const rect = shiftOn(r.sheetId, r.rect);
          return rect ? [{ sheetId: r.sheetId, rect }] : [];
        });
        return rule.ranges.length > 0;
      });
      sheet.forEachMeta((meta) => {
        if (meta.validation)
          meta.validation.values = meta.validation.values.map((v) => shiftValue(v, changed.id, change));
      });
    }
  }

  // ---- people ----

  /** The file's editors, owner first. */
  fileEditors(): string[] {
    return unique([this.owner, ...this.editors]);
  }

  protectionEditors(p: ProtectionSpec): string[] {
    return p.editors === null ? unique([...this.fileEditors(), this.currentUser]) : unique([this.owner, ...p.editors]);
  }
}

function inheritedMeta(template: CellMeta | undefined): CellMeta | undefined {
  if (!template) return undefined;
  const copy: CellMeta = {};
  for (const key of FORMAT_KEYS)
    if (template[key] !== undefined) (copy as Record<string, unknown>)[key] = structuredClone(template[key]);
  if (template.validation) copy.validation = structuredClone(template.validation);
  return Object.keys(copy).length > 0 ? copy : undefined;
}

function shiftValue(value: StoredValue, sheetId: number, change: DimensionChange): StoredValue {
  if (Array.isArray(value)) return value.map((v) => shiftValue(v, sheetId, change));
  if (value !== null && typeof value === "object" && value.kind === "range" && value.range.sheetId === sheetId) {
    const rect = shiftRect(value.range.rect, change);
    return rect ? { kind: "range", range: { sheetId, rect } } : value;
  }
  return value;
}

function tooLong(): Error {
  return new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`);
}

export function unique(items: string[]): string[] {
  return [...new Set(items.map((s) => s.toLowerCase()))].map((lower) => items.find((s) => s.toLowerCase() === lower)!);
}
