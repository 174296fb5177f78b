/**
 * Range and RangeList. A Range is a fixed rectangle on a sheet (it does not
 * move when rows are inserted, as in Apps Script); every method reads or
 * writes the model.
 */
import { lastColOf, lastRowOf, rectContains, rectToA1, rectsIntersect, type OpenEnds, type Rect } from "./a1";
import { DataValidationFacade, TextStyleFacade } from "./builders";
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR, normalizeColor } from "./colors";
import {
  ARBITRARY_RANGE_MESSAGE,
  DeveloperMetadataFacade,
  DeveloperMetadataFinderFacade,
  locationOfRange,
  parseAddArguments,
} from "./developerMetadata";
import { BorderStyle, WrapStrategy, requireMember } from "./enums";
import { AUTOMATIC_FORMAT } from "./formats";
import type { SheetModel, WorkbookModel } from "./model";
import { parseSortSpec, sortRange } from "./moves";
import { ProtectionFacade, newRangeProtection } from "./protection";
import { sheetFacade, type SheetFacade } from "./sheet";
import { cloneJson, type BorderLine, type CellMeta, type ValidationSpec } from "./specs";
import { parseUserEntered, type AppsScriptValue, type CellInput } from "./values";

type Matrix<T> = T[][];

function signatureError(method: string): Error {
  return new Error(`The parameters don't match the method signature for SpreadsheetApp.Range.${method}.`);
}

/** Checks a 2-D array against the range's size with Apps Script's messages. */
function requireMatrix<T>(data: unknown, rect: Rect, method: string): Matrix<T> {
  if (!Array.isArray(data) || !data.every(Array.isArray)) throw signatureError(method);
  if (data.length !== rect.numRows)
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rect.numRows}.`,
    );
  for (const row of data as unknown[][])
    if (row.length !== rect.numCols)
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numCols}.`,
      );
  return data as Matrix<T>;
}

const NO_OPEN_ENDS: OpenEnds = { openRows: false, openCols: false };

export class RangeFacade {
  static readonly gasName = "Range";

  constructor(
    readonly _model: WorkbookModel,
    readonly _sheet: SheetModel,
    readonly _rect: Rect,
    readonly _open: OpenEnds = NO_OPEN_ENDS,
  ) {}

  private get _topLeft(): Rect {
    return { row: this._rect.row, col: this._rect.col, numRows: 1, numCols: 1 };
  }

  // ---- position (handles) ----

  getRow(): number {
    return this._rect.row;
  }

  getColumn(): number {
    return this._rect.col;
  }

  getNumRows(): number {
    return this._rect.numRows;
  }

  getNumColumns(): number {
    return this._rect.numCols;
  }

  getLastRow(): number {
    return lastRowOf(this._rect);
  }

  getLastColumn(): number {
    return lastColOf(this._rect);
  }

  getA1Notation(): string {
    return rectToA1(this._rect, this._open);
  }

  getSheet(): SheetFacade {
    return sheetFacade(this._model, this._sheet);
  }

  getGridId(): number {
    return this._sheet.id;
  }

  getCell(row: number, column: number): RangeFacade {
    if (row < 1 || row > this._rect.numRows || column < 1 || column > this._rect.numCols)
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    return new RangeFacade(this._model, this._sheet, {
      row: this._rect.row + row - 1,
      col: this._rect.col + column - 1,
      numRows: 1,
      numCols: 1,
    });
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeFacade {
    const rect = {
      row: this._rect.row + rowOffset,
      col: this._rect.col + columnOffset,
      numRows: numRows ?? this._rect.numRows,
      numCols: numColumns ?? this._rect.numCols,
    };
    this._model.checkRect(this._sheet, rect.row, rect.col, rect.numRows, rect.numCols);
    return new RangeFacade(this._model, this._sheet, rect);
  }

  activate(): this {
    this._model.requireLive(this._sheet);
    this._model.activeSheetId = this._sheet.id;
    return this;
  }

  // ---- values ----

  getValues(): AppsScriptValue[][] {
    return this._model.readValues(this._sheet, this._rect);
  }

  getValue(): AppsScriptValue {
    return this._model.readValues(this._sheet, this._topLeft)[0]![0]!;
  }

  getDisplayValues(): string[][] {
    return this._model.readDisplayValues(this._sheet, this._rect);
  }

  getDisplayValue(): string {
    return this._model.readDisplayValues(this._sheet, this._topLeft)[0]![0]!;
  }

  setValues(values: unknown[][]): this {
    const data = requireMatrix<unknown>(values, this._rect, "setValues");
    const { timeZone, locale } = this._model;
    this._model.writeInputs(
      this._sheet,
      this._rect,
      data.map((row, i) => row.map((v, j) => parseUserEntered(v, timeZone, locale, this._isPlainText(i, j)))),
    );
    return this;
  }

  private _isPlainText(i: number, j: number): boolean {
    return this._sheet.cellMeta(this._rect.row + i, this._rect.col + j)?.numberFormat === "@";
  }

  /** Sets every cell of the range; a formula moves its relative references cell by cell. */
  setValue(value: unknown): this {
    const { timeZone, locale } = this._model;
    const input = parseUserEntered(value, timeZone, locale);
    const anyPlainText = this._model
      .readMeta(this._sheet, this._rect, (m) => m?.numberFormat === "@")
      .some((row) => row.includes(true));
    if (input.kind === "formula" && !anyPlainText) this._model.fillFormula(this._sheet, this._rect, input.text);
    else if (!anyPlainText) this._model.writeInputs(this._sheet, this._rect, this._filled(input));
    else
      this._model.writeInputs(
        this._sheet,
        this._rect,
        this._filled(value).map((row, i) =>
          row.map((v, j) => parseUserEntered(v, timeZone, locale, this._isPlainText(i, j))),
        ),
      );
    return this;
  }

  private _filled<T>(item: T): T[][] {
    return Array.from({ length: this._rect.numRows }, () => new Array<T>(this._rect.numCols).fill(item));
  }

  getFormulas(): string[][] {
    return this._model.readFormulas(this._sheet, this._rect);
  }

  getFormula(): string {
    return this._model.readFormulas(this._sheet, this._topLeft)[0]![0]!;
  }

  setFormulas(formulas: string[][]): this {
    const data = requireMatrix<unknown>(formulas, this._rect, "setFormulas");
    const { timeZone, locale } = this._model;
    const inputs = data.map((row) =>
      row.map(
        (f): CellInput =>
          typeof f === "string" && f.startsWith("=")
            ? { kind: "formula", text: f }
            : parseUserEntered(f, timeZone, locale),
      ),
    );
    this._model.writeInputs(this._sheet, this._rect, inputs);
    return this;
  }

  setFormula(formula: string): this {
    if (typeof formula !== "string") throw signatureError("setFormula");
    if (formula.startsWith("=") && formula.length > 1) this._model.fillFormula(this._sheet, this._rect, formula);
    else this.setValue(formula);
    return this;
  }

  // ---- number formats ----

  getNumberFormats(): string[][] {
    return this._model.readMeta(this._sheet, this._rect, (m) => m?.numberFormat ?? AUTOMATIC_FORMAT);
  }

  getNumberFormat(): string {
    return this._model.readMeta(this._sheet, this._topLeft, (m) => m?.numberFormat ?? AUTOMATIC_FORMAT)[0]![0]!;
  }

  setNumberFormat(format: string): this {
    const value = format === "" || format === null ? undefined : String(format);
    this._model.setMeta(this._sheet, this._rect, "numberFormat", () => value);
    return this;
  }

  setNumberFormats(formats: string[][]): this {
    const data = requireMatrix<string>(formats, this._rect, "setNumberFormats");
    this._model.setMeta(this._sheet, this._rect, "numberFormat", (i, j) =>
      data[i]![j] ? String(data[i]![j]) : undefined,
    );
    return this;
  }

  // ---- text and cell formats ----

  private _setEach<K extends keyof CellMeta>(key: K, value: (i: number, j: number) => CellMeta[K] | undefined): this {
    this._model.setMeta(this._sheet, this._rect, key, value);
    return this;
  }

  private _setAll<K extends keyof CellMeta>(key: K, value: CellMeta[K] | undefined): this {
    return this._setEach(key, () => value);
  }

  private _setMatrix<K extends keyof CellMeta, T>(
    key: K,
    data: unknown,
    method: string,
    map: (v: T) => CellMeta[K] | undefined,
  ): this {
    const matrix = requireMatrix<T>(data, this._rect, method);
    return this._setEach(key, (i, j) => map(matrix[i]![j]!));
  }

  private _read<T>(read: (meta: CellMeta | undefined) => T): T[][] {
    return this._model.readMeta(this._sheet, this._rect, read);
  }

  setBackground(color: string | null): this {
    return this._setAll("background", normalizeColor(color));
  }

  setBackgrounds(colors: (string | null)[][]): this {
    return this._setMatrix("background", colors, "setBackgrounds", normalizeColor);
  }

  getBackgrounds(): string[][] {
    return this._read((m) => m?.background ?? DEFAULT_BACKGROUND);
  }

  getBackground(): string {
    return this.getBackgrounds()[0]![0]!;
  }

  setFontColor(color: string | null): this {
    return this._setAll("fontColor", normalizeColor(color));
  }

  setFontColors(colors: (string | null)[][]): this {
    return this._setMatrix("fontColor", colors, "setFontColors", normalizeColor);
  }

  getFontColors(): string[][] {
    return this._read((m) => m?.fontColor ?? DEFAULT_FONT_COLOR);
  }

  getFontColor(): string {
    return this.getFontColors()[0]![0]!;
  }

  setFontWeight(weight: string | null): this {
    return this._setAll("fontWeight", fontWeight(weight));
  }

  setFontWeights(weights: (string | null)[][]): this {
    return this._setMatrix("fontWeight", weights, "setFontWeights", fontWeight);
  }

  getFontWeights(): string[][] {
    return this._read((m) => m?.fontWeight ?? "normal");
  }

  getFontWeight(): string {
    return this.getFontWeights()[0]![0]!;
  }

  setFontStyle(style: string | null): this {
    return this._setAll("fontStyle", fontStyle(style));
  }

  setFontStyles(styles: (string | null)[][]): this {
    return this._setMatrix("fontStyle", styles, "setFontStyles", fontStyle);
  }

  getFontStyles(): string[][] {
    return this._read((m) => m?.fontStyle ?? "normal");
  }

  setFontSize(size: number): this {
    return this._setAll("fontSize", fontSize(size));
  }

  setFontSizes(sizes: number[][]): this {
    return this._setMatrix("fontSize", sizes, "setFontSizes", fontSize);
  }

  getFontSizes(): number[][] {
    return this._read((m) => m?.fontSize ?? 10);
  }

  setTextStyle(style: TextStyleFacade): this {
    if (!(style instanceof TextStyleFacade)) throw signatureError("setTextStyle");
    this._model.forEachCell(this._sheet, this._rect, (row, col) =>
      applyTextStyle(this._sheet.ensureMeta(row, col), style),
    );
    return this;
  }

  setTextStyles(styles: TextStyleFacade[][]): this {
    const data = requireMatrix<TextStyleFacade>(styles, this._rect, "setTextStyles");
    this._model.forEachCell(this._sheet, this._rect, (row, col, i, j) => {
      const style = data[i]![j]!;
      if (!(style instanceof TextStyleFacade)) throw signatureError("setTextStyles");
      applyTextStyle(this._sheet.ensureMeta(row, col), style);
    });
    return this;
  }

  setWrap(wrap: boolean): this {
    return this._setAll("wrapStrategy", wrap ? "WRAP" : "OVERFLOW");
  }

  setWraps(wraps: boolean[][]): this {
    return this._setMatrix("wrapStrategy", wraps, "setWraps", (wrap: boolean) => (wrap ? "WRAP" : "OVERFLOW"));
  }

  setWrapStrategy(strategy: string): this {
    return this._setAll("wrapStrategy", requireMember(WrapStrategy, strategy, "wrap strategy"));
  }

  getWrapStrategies(): string[][] {
    return this._read((m) => m?.wrapStrategy ?? "OVERFLOW");
  }

  setHorizontalAlignment(alignment: string | null): this {
    return this._setAll("horizontalAlignment", horizontal(alignment));
  }

  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this._setMatrix("horizontalAlignment", alignments, "setHorizontalAlignments", horizontal);
  }

  getHorizontalAlignments(): string[][] {
    return this._read((m) => m?.horizontalAlignment ?? "general");
  }

  setVerticalAlignment(alignment: string | null): this {
    return this._setAll("verticalAlignment", vertical(alignment));
  }

  /**
   * top/left/bottom/right draw the outer edges, vertical/horizontal the lines
   * between cells; true draws, false removes, null leaves a line unchanged.
   */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: string | null,
  ): this {
    const line: BorderLine = {
      color: normalizeColor(color) ?? "#000000",
      style: style ? requireMember(BorderStyle, style, "border style") : "SOLID",
    };
    const r = this._rect;
    const apply = (setting: boolean | null, meta: CellMeta, side: "top" | "left" | "bottom" | "right") => {
      if (setting === null || setting === undefined) return;
      meta.borders ??= {};
      const borders = meta.borders;
      if (setting) borders[side] = { ...line };
      else delete borders[side];
      if (Object.keys(borders).length === 0) delete meta.borders;
    };
    this._model.forEachCell(this._sheet, r, (row, col) => {
      const meta = this._sheet.ensureMeta(row, col);
      apply(row === r.row ? top : horizontal, meta, "top");
      apply(row === lastRowOf(r) ? bottom : horizontal, meta, "bottom");
      apply(col === r.col ? left : vertical, meta, "left");
      apply(col === lastColOf(r) ? right : vertical, meta, "right");
    });
    return this;
  }

  // ---- notes ----

  setNote(note: string | null): this {
    return this._setAll("note", note === null || note === "" ? undefined : String(note));
  }

  setNotes(notes: (string | null)[][]): this {
    return this._setMatrix("note", notes, "setNotes", (n: string | null) =>
      n === null || n === "" ? undefined : String(n),
    );
  }

  getNote(): string {
    return this._read((m) => m?.note ?? "")[0]![0]!;
  }

  getNotes(): string[][] {
    return this._read((m) => m?.note ?? "");
  }

  clearNote(): this {
    return this._setAll("note", undefined);
  }

  // ---- merges ----

  merge(): this {
    mergeRects(this._model, this._sheet, [this._rect]);
    return this;
  }

  mergeAcross(): this {
    const rows = Array.from({ length: this._rect.numRows }, (_, i) => ({
      ...this._rect,
      row: this._rect.row + i,
      numRows: 1,
    }));
    mergeRects(this._model, this._sheet, rows);
    return this;
  }

  mergeVertically(): this {
    const cols = Array.from({ length: this._rect.numCols }, (_, j) => ({
      ...this._rect,
      col: this._rect.col + j,
      numCols: 1,
    }));
    mergeRects(this._model, this._sheet, cols);
    return this;
  }

  breakApart(): this {
    this._model.requireLive(this._sheet);
    for (const m of this._sheet.merges)
      if (rectsIntersect(m, this._rect) && !rectContains(this._rect, m))
        throw new Error("You must select all cells in a merged range to merge or unmerge them.");
    this._sheet.merges = this._sheet.merges.filter((m) => !rectContains(this._rect, m));
    return this;
  }

  isPartOfMerge(): boolean {
    return this._sheet.merges.some((m) => rectsIntersect(m, this._rect));
  }

  getMergedRanges(): RangeFacade[] {
    return this._sheet.merges
      .filter((m) => rectsIntersect(m, this._rect))
      .map((m) => new RangeFacade(this._model, this._sheet, m));
  }

  // ---- data validation ----

  setDataValidation(rule: DataValidationFacade | null): this {
    if (rule !== null && !(rule instanceof DataValidationFacade)) throw signatureError("setDataValidation");
    const spec = rule?._spec;
    return this._setEach("validation", () => (spec ? cloneJson(spec) : undefined));
  }

  setDataValidations(rules: (DataValidationFacade | null)[][]): this {
    const data = requireMatrix<DataValidationFacade | null>(rules, this._rect, "setDataValidations");
    return this._setEach("validation", (i, j) => {
      const rule = data[i]![j];
      if (rule !== null && rule !== undefined && !(rule instanceof DataValidationFacade))
        throw signatureError("setDataValidations");
      return rule ? cloneJson(rule._spec) : undefined;
    });
  }

  getDataValidation(): DataValidationFacade | null {
    return this.getDataValidations()[0]![0]!;
  }

  getDataValidations(): (DataValidationFacade | null)[][] {
    return this._read((m) => (m?.validation ? new DataValidationFacade(this._model, cloneJson(m.validation)) : null));
  }

  clearDataValidations(): this {
    return this._setAll("validation", undefined);
  }

  /** Checkbox validation, and every cell set to the unchecked value, as insertCheckboxes does in Sheets. */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const values =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    const spec: ValidationSpec = {
      criteria: "CHECKBOX",
      values: values.map((v) => v as string),
      allowInvalid: true,
      helpText: null,
    };
    this._setEach("validation", () => cloneJson(spec));
    const unchecked = checkedValue === undefined ? false : uncheckedValue === undefined ? "" : uncheckedValue;
    this._model.writeInputs(
      this._sheet,
      this._rect,
      this._filled(parseUserEntered(unchecked, this._model.timeZone, this._model.locale)),
    );
    return this;
  }

  // ---- clearing ----

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
  }): this {
    const o = options ?? {};
    const only = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    if (!only || o.contentsOnly) this._model.clearContents(this._sheet, this._rect);
    if (!only || o.formatOnly) this._model.clearFormats(this._sheet, this._rect);
    // Apps Script: clear() removes "contents, formats and data validation rules"; notes stay unless asked.
    if (!only || o.validationsOnly) this.clearDataValidations();
    if (o.commentsOnly) this.clearNote();
    return this;
  }

  clearContent(): this {
    this._model.clearContents(this._sheet, this._rect);
    return this;
  }

  clearFormat(): this {
    this._model.requireLive(this._sheet);
    this._model.clearFormats(this._sheet, this._rect);
    return this;
  }

  // ---- sorting ----

  /** sort(column), sort({column, ascending}), sort([…]): columns are the sheet's, inside the range. */
  sort(sortSpecObj: unknown): this {
    sortRange(this._model, this._sheet, this._rect, parseSortSpec(sortSpecObj, this._rect));
    return this;
  }

  // ---- developer metadata ----

  /** Only on one whole row or one whole column, as Sheets keeps metadata. */
  addDeveloperMetadata(...args: unknown[]): this {
    const { key, value, visibility } = parseAddArguments(args, "SpreadsheetApp.Range.addDeveloperMetadata");
    this._model.requireLive(this._sheet);
    const location = locationOfRange(this._sheet, this._rect);
    if (!location) throw new Error(ARBITRARY_RANGE_MESSAGE);
    this._model.developerMetadata.add(location, key, value, visibility);
    return this;
  }

  /** The metadata on exactly this range: a whole row or column; none for other ranges. */
  getDeveloperMetadata(): DeveloperMetadataFacade[] {
    this._model.requireLive(this._sheet);
    const location = locationOfRange(this._sheet, this._rect);
    return location
      ? this._model.developerMetadata.at(location).map((m) => new DeveloperMetadataFacade(this._model, m))
      : [];
  }

  /** Searches the metadata on rows and columns wholly inside the range (or, with onIntersectingLocations, touching it). */
  createDeveloperMetadataFinder(): DeveloperMetadataFinderFacade {
    this._model.requireLive(this._sheet);
    return new DeveloperMetadataFinderFacade(this._model, { kind: "range", sheet: this._sheet, rect: this._rect });
  }

  // ---- protection ----

  protect(): ProtectionFacade {
    this._model.requireLive(this._sheet);
    return new ProtectionFacade(this._model, newRangeProtection(this._model, this._sheet, this._rect));
  }
}

function fontWeight(weight: string | null): "bold" | undefined {
  if (weight === null || weight === undefined || weight === "normal") return undefined;
  if (weight === "bold") return "bold";
  throw new Error(`Invalid font weight: ${String(weight)}`);
}

function fontStyle(style: string | null): "italic" | undefined {
  if (style === null || style === undefined || style === "normal") return undefined;
  if (style === "italic") return "italic";
  throw new Error(`Invalid font style: ${String(style)}`);
}

function fontSize(size: number | null): number | undefined {
  if (size === null || size === undefined) return undefined;
  if (typeof size !== "number" || !(size > 0)) throw new Error(`Invalid font size: ${String(size)}`);
  return size;
}

function horizontal(alignment: string | null): string | undefined {
  if (alignment === null || alignment === undefined || alignment === "normal" || alignment === "general")
    return undefined;
  const a = String(alignment).toLowerCase();
  if (!["left", "center", "right"].includes(a)) throw new Error(`Invalid horizontal alignment: ${alignment}`);
  return a;
}

function vertical(alignment: string | null): string | undefined {
  if (alignment === null || alignment === undefined) return undefined;
  const a = String(alignment).toLowerCase();
  if (!["top", "middle", "bottom"].includes(a)) throw new Error(`Invalid vertical alignment: ${alignment}`);
  return a;
}

function applyTextStyle(meta: CellMeta, style: TextStyleFacade): void {
  const s = style._spec;
  if (s.bold !== undefined) {
    if (s.bold) meta.fontWeight = "bold";
    else delete meta.fontWeight;
  }
  if (s.italic !== undefined) {
    if (s.italic) meta.fontStyle = "italic";
    else delete meta.fontStyle;
  }
  if (s.foregroundColor !== undefined) meta.fontColor = s.foregroundColor;
  if (s.fontSize !== undefined) meta.fontSize = s.fontSize;
}

/** Merging keeps the top-left value and clears the other cells, as Sheets does. */
function mergeRects(model: WorkbookModel, sheet: SheetModel, rects: Rect[]): void {
  model.requireLive(sheet);
  for (const rect of rects) {
    for (const m of sheet.merges)
      if (rectsIntersect(m, rect) && !rectContains(rect, m))
        throw new Error("You must select all cells in a merged range to merge or unmerge them.");
  }
  for (const rect of rects) {
    if (rect.numRows === 1 && rect.numCols === 1) continue;
    sheet.merges = sheet.merges.filter((m) => !rectContains(rect, m));
    sheet.merges.push(rect);
    if (rect.numCols > 1)
      model.clearContents(sheet, { row: rect.row, col: rect.col + 1, numRows: 1, numCols: rect.numCols - 1 });
    if (rect.numRows > 1) model.clearContents(sheet, { ...rect, row: rect.row + 1, numRows: rect.numRows - 1 });
  }
}
