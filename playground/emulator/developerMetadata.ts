/**
 * Developer metadata, as the Sheets API stores it: a key, an optional value
 * and a visibility on one location (the spreadsheet, a sheet, one whole row
 * or one whole column). Row and column metadata stays with its row or column
 * when others are inserted, deleted or moved, and goes when its row, column
 * or sheet is deleted (the Sheets API's DeveloperMetadata resource documents
 * both). The store lives on the model; the facades below are the Apps Script
 * classes DeveloperMetadata, DeveloperMetadataFinder, DeveloperMetadataLocation.
 */
import { columnToLetters, quoteSheetName, type Rect } from "./a1";
import type { SheetModel, WorkbookModel } from "./model";
import { RangeFacade } from "./range";
import { sheetFacade, type SheetFacade } from "./sheet";
import { spreadsheetFacade, type SpreadsheetFacade } from "./spreadsheet";
import type { DimensionChange } from "./structure";

/**
 * Apps Script enums are objects, not strings. These two must be: Range.addDeveloperMetadata(key, x) reads x as a
 * visibility only when it is DeveloperMetadataVisibility's member; a string "PROJECT" is a value.
 */
export interface EnumMember<T extends string> {
  readonly name: T;
  toString(): T;
  toJSON(): T;
}

function objectEnum<const T extends string>(...names: T[]): Readonly<{ [K in T]: EnumMember<K> }> {
  const members = names.map((name) => [name, Object.freeze({ name, toString: () => name, toJSON: () => name })]);
  return Object.freeze(Object.fromEntries(members)) as { [K in T]: EnumMember<K> };
}

export const DeveloperMetadataLocationType = objectEnum("SPREADSHEET", "SHEET", "ROW", "COLUMN");
export const DeveloperMetadataVisibility = objectEnum("DOCUMENT", "PROJECT");

export type LocationTypeName = keyof typeof DeveloperMetadataLocationType;
export type VisibilityName = keyof typeof DeveloperMetadataVisibility;

export type MetadataLocation =
  | { type: "SPREADSHEET" }
  | { type: "SHEET"; sheetId: number }
  | { type: "ROW" | "COLUMN"; sheetId: number; index: number };

/** One piece of metadata as stored (and saved in the emulator's state). */
export interface DeveloperMetadataSpec {
  id: number;
  key: string;
  value: string | null;
  visibility: VisibilityName;
  location: MetadataLocation;
}

/**
 * UNVERIFIED: the metadata guide limits the size of the metadata on one location; the emulator counts the
 * characters of keys and values, 30,000 on the spreadsheet and 30,000 on each sheet with its rows and columns.
 */
export const MAX_METADATA_CHARACTERS = 30_000;

function isMember<T extends string>(
  members: Readonly<Record<T, EnumMember<T>>>,
  value: unknown,
): value is EnumMember<T> {
  return Object.values<EnumMember<T>>(members).includes(value as EnumMember<T>);
}

export function requireVisibility(value: unknown, method: string): VisibilityName {
  if (!isMember(DeveloperMetadataVisibility, value))
    throw new Error(`The parameters don't match the method signature for ${method}.`);
  return value.name;
}

function requireKey(key: unknown, method: string): string {
  if (typeof key !== "string") throw new Error(`The parameters don't match the method signature for ${method}.`);
  if (key === "") throw new Error("Invalid argument: key");
  return key;
}

function requireValue(value: unknown, method: string): string {
  if (typeof value !== "string") throw new Error(`The parameters don't match the method signature for ${method}.`);
  return value;
}

/** The (key), (key, value), (key, visibility), (key, value, visibility) forms of addDeveloperMetadata. */
export function parseAddArguments(
  args: unknown[],
  method: string,
): { key: string; value: string | null; visibility: VisibilityName } {
  if (args.length < 1 || args.length > 3)
    throw new Error(`The parameters don't match the method signature for ${method}.`);
  const key = requireKey(args[0], method);
  if (args.length === 1) return { key, value: null, visibility: "DOCUMENT" };
  if (args.length === 2) {
    if (isMember(DeveloperMetadataVisibility, args[1])) return { key, value: null, visibility: args[1].name };
    return { key, value: requireValue(args[1], method), visibility: "DOCUMENT" };
  }
  return { key, value: requireValue(args[1], method), visibility: requireVisibility(args[2], method) };
}

/**
 * What a range can carry: one whole row or one whole column. UNVERIFIED: the message, which is what Apps Script
 * has been reported to answer; the API reference says a location's DimensionRange "must represent a single row or
 * column; it cannot be unbounded or span multiple rows or columns".
 */
export function locationOfRange(sheet: SheetModel, rect: Rect): MetadataLocation | undefined {
  const wholeColumn = rect.row === 1 && rect.numRows === sheet.maxRows;
  const wholeRow = rect.col === 1 && rect.numCols === sheet.maxColumns;
  if (wholeColumn && rect.numCols === 1) return { type: "COLUMN", sheetId: sheet.id, index: rect.col };
  if (wholeRow && rect.numRows === 1) return { type: "ROW", sheetId: sheet.id, index: rect.row };
  return undefined;
}

export const ARBITRARY_RANGE_MESSAGE =
  "Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to " +
  "the top-level spreadsheet, an individual sheet, or an entire row or column.";

function sameLocation(a: MetadataLocation, b: MetadataLocation): boolean {
  if (a.type !== b.type) return false;
  if (a.type === "SPREADSHEET") return true;
  const other = b as typeof a;
  return a.sheetId === other.sheetId && (a.type === "SHEET" || a.index === (other as typeof a).index);
}

/** The metadata of a document: created, found, moved with rows and columns, removed with them. */
export class DeveloperMetadataStore {
  items: DeveloperMetadataSpec[] = [];
  /** Seeds the ids: positive, spreadsheet-unique and, unlike Sheets' random ones, deterministic. */
  seed = 0;

  private newId(): number {
    let id: number;
    do {
      this.seed = (this.seed * 1103515245 + 12345) % 2147483648;
      id = this.seed % 2000000000;
    } while (id <= 0 || this.byId(id));
    return id;
  }

  byId(id: number): DeveloperMetadataSpec | undefined {
    return this.items.find((m) => m.id === id);
  }

  require(id: number): DeveloperMetadataSpec {
    const found = this.byId(id);
    if (!found) throw new Error(`No developer metadata with id ${id} exists in the spreadsheet.`);
    return found;
  }

  add(
    location: MetadataLocation,
    key: string,
    value: string | null,
    visibility: VisibilityName,
  ): DeveloperMetadataSpec {
    const spec: DeveloperMetadataSpec = { id: this.newId(), key, value, visibility, location };
    this.checkSize(location, spec);
    this.items.push(spec);
    return spec;
  }

  private checkSize(location: MetadataLocation, changed: DeveloperMetadataSpec): void {
    const bucket = (l: MetadataLocation) => (l.type === "SPREADSHEET" ? -1 : l.sheetId);
    const size = (m: DeveloperMetadataSpec) => m.key.length + (m.value?.length ?? 0);
    let total = size(changed);
    for (const m of this.items) if (m.id !== changed.id && bucket(m.location) === bucket(location)) total += size(m);
    if (total > MAX_METADATA_CHARACTERS)
      throw new Error(`Developer metadata on this location would exceed ${MAX_METADATA_CHARACTERS} characters.`);
  }

  update(
    id: number,
    change: Partial<Pick<DeveloperMetadataSpec, "key" | "value" | "visibility" | "location">>,
  ): DeveloperMetadataSpec {
    const current = this.require(id);
    const next = { ...current, ...change };
    this.checkSize(next.location, next);
    Object.assign(current, change);
    return current;
  }

  remove(id: number): void {
    this.require(id);
    this.items = this.items.filter((m) => m.id !== id);
  }

  at(location: MetadataLocation): DeveloperMetadataSpec[] {
    return this.items.filter((m) => sameLocation(m.location, location));
  }

  /** Rows or columns inserted (they push the metadata on) or deleted (their metadata goes). */
  applyDimensionChange(sheet: SheetModel, change: DimensionChange): void {
    const type = change.axis === "rows" ? "ROW" : "COLUMN";
    const end = change.at - change.count - 1;
    this.items = this.items.filter((m) => {
      const l = m.location;
      if (l.type !== type || l.sheetId !== sheet.id) return true;
      if (change.count > 0) {
        if (l.index >= change.at) l.index += change.count;
        return true;
      }
      if (l.index < change.at) return true;
      if (l.index <= end) return false;
      l.index += change.count;
      return true;
    });
  }

  /** Rows or columns moved: the metadata goes where its row or column went. */
  applyMove(sheet: SheetModel, axis: "rows" | "cols", newIndex: (i: number) => number): void {
    const type = axis === "rows" ? "ROW" : "COLUMN";
    for (const m of this.items)
      if (m.location.type === type && m.location.sheetId === sheet.id) m.location.index = newIndex(m.location.index);
  }

  removeSheet(sheet: SheetModel): void {
    this.items = this.items.filter((m) => m.location.type === "SPREADSHEET" || m.location.sheetId !== sheet.id);
  }
}

/** "spreadsheet", "'Leads'", "'Leads'!C:C", "'Leads'!5:5": how the snapshot names a location. */
export function describeLocation(model: WorkbookModel, location: MetadataLocation): string {
  if (location.type === "SPREADSHEET") return "spreadsheet";
  const sheet = model.sheetById(location.sheetId);
  const name = sheet ? quoteSheetName(sheet.name, true) : "#REF";
  if (location.type === "SHEET") return name;
  if (location.type === "ROW") return `${name}!${location.index}:${location.index}`;
  const letters = columnToLetters(location.index);
  return `${name}!${letters}:${letters}`;
}

// ---- facades ----

/** Where a search looks: the whole document, one sheet, or one range (contained or, on request, intersecting). */
export type FinderScope =
  | { kind: "spreadsheet" }
  | { kind: "sheet"; sheet: SheetModel }
  | { kind: "range"; sheet: SheetModel; rect: Rect };

function inScope(spec: DeveloperMetadataSpec, scope: FinderScope, intersecting: boolean): boolean {
  const l = spec.location;
  if (scope.kind === "spreadsheet") return true;
  if (l.type === "SPREADSHEET" || l.sheetId !== scope.sheet.id) return false;
  if (scope.kind === "sheet") return true;
  if (l.type === "SHEET") return false;
  const { rect, sheet } = scope;
  const rows: [number, number] = [rect.row, rect.row + rect.numRows - 1];
  const cols: [number, number] = [rect.col, rect.col + rect.numCols - 1];
  const [span, across, size] = l.type === "ROW" ? [rows, cols, sheet.maxColumns] : [cols, rows, sheet.maxRows];
  const inSpan = l.index >= span[0] && l.index <= span[1];
  // Contained: the range holds the whole row (column); intersecting: the range touches it.
  return intersecting ? inSpan : inSpan && across[0] === 1 && across[1] === size;
}

export class DeveloperMetadataFinderFacade {
  static readonly gasName = "DeveloperMetadataFinder";
  private _criteria: {
    id?: number;
    key?: string;
    value?: string;
    type?: LocationTypeName;
    visibility?: VisibilityName;
    intersecting: boolean;
  } = {
    intersecting: false,
  };

  constructor(
    readonly _model: WorkbookModel,
    readonly _scope: FinderScope,
  ) {}

  find(): DeveloperMetadataFacade[] {
    if (this._scope.kind !== "spreadsheet") this._model.requireLive(this._scope.sheet);
    const c = this._criteria;
    return this._model.developerMetadata.items
      .filter(
        (m) =>
          (c.id === undefined || m.id === c.id) &&
          (c.key === undefined || m.key === c.key) &&
          (c.value === undefined || m.value === c.value) &&
          (c.type === undefined || m.location.type === c.type) &&
          (c.visibility === undefined || m.visibility === c.visibility) &&
          inScope(m, this._scope, c.intersecting),
      )
      .map((m) => new DeveloperMetadataFacade(this._model, m));
  }

  /** UNVERIFIED: the reference says the option is only valid for range-scoped searches; elsewhere it throws here. */
  onIntersectingLocations(): this {
    if (this._scope.kind !== "range")
      throw new Error("onIntersectingLocations is only valid for searches scoped to a range.");
    this._criteria.intersecting = true;
    return this;
  }

  withId(id: number): this {
    if (typeof id !== "number" || !Number.isInteger(id))
      throw new Error(
        "The parameters don't match the method signature for SpreadsheetApp.DeveloperMetadataFinder.withId.",
      );
    this._criteria.id = id;
    return this;
  }

  withKey(key: string): this {
    this._criteria.key = requireValue(key, "SpreadsheetApp.DeveloperMetadataFinder.withKey");
    return this;
  }

  withValue(value: string): this {
    this._criteria.value = requireValue(value, "SpreadsheetApp.DeveloperMetadataFinder.withValue");
    return this;
  }

  withLocationType(locationType: unknown): this {
    if (!isMember(DeveloperMetadataLocationType, locationType))
      throw new Error(
        "The parameters don't match the method signature for SpreadsheetApp.DeveloperMetadataFinder.withLocationType.",
      );
    this._criteria.type = locationType.name;
    return this;
  }

  withVisibility(visibility: unknown): this {
    this._criteria.visibility = requireVisibility(visibility, "SpreadsheetApp.DeveloperMetadataFinder.withVisibility");
    return this;
  }
}

/**
 * One piece of metadata as the finder (or getDeveloperMetadata, or a move or set) returned it. Its getters answer
 * from that copy without asking the document again; after rows or columns move, find it again for its new place.
 */
export class DeveloperMetadataFacade {
  static readonly gasName = "DeveloperMetadata";
  private _copy: DeveloperMetadataSpec;

  constructor(
    readonly _model: WorkbookModel,
    spec: DeveloperMetadataSpec,
  ) {
    this._copy = structuredClone(spec);
  }

  getId(): number {
    return this._copy.id;
  }

  getKey(): string {
    return this._copy.key;
  }

  getValue(): string | null {
    return this._copy.value;
  }

  getVisibility(): EnumMember<VisibilityName> {
    return DeveloperMetadataVisibility[this._copy.visibility];
  }

  getLocation(): DeveloperMetadataLocationFacade {
    return new DeveloperMetadataLocationFacade(this._model, structuredClone(this._copy.location));
  }

  private _update(change: Parameters<DeveloperMetadataStore["update"]>[1]): this {
    this._copy = structuredClone(this._model.developerMetadata.update(this._copy.id, change));
    return this;
  }

  setKey(key: string): this {
    return this._update({ key: requireKey(key, "SpreadsheetApp.DeveloperMetadata.setKey") });
  }

  setValue(value: string): this {
    return this._update({ value: requireValue(value, "SpreadsheetApp.DeveloperMetadata.setValue") });
  }

  setVisibility(visibility: unknown): this {
    return this._update({
      visibility: requireVisibility(visibility, "SpreadsheetApp.DeveloperMetadata.setVisibility"),
    });
  }

  remove(): void {
    this._model.developerMetadata.remove(this._copy.id);
  }

  moveToColumn(column: RangeFacade): this {
    const location = this._rangeLocation(column, "COLUMN", "moveToColumn");
    return this._update({ location });
  }

  moveToRow(row: RangeFacade): this {
    const location = this._rangeLocation(row, "ROW", "moveToRow");
    return this._update({ location });
  }

  moveToSheet(sheet: { _sheet?: SheetModel }): this {
    const target = sheet?._sheet;
    if (!target || (sheet.constructor as { gasName?: string }).gasName !== "Sheet")
      throw new Error(
        "The parameters don't match the method signature for SpreadsheetApp.DeveloperMetadata.moveToSheet.",
      );
    this._model.requireLive(target);
    return this._update({ location: { type: "SHEET", sheetId: target.id } });
  }

  moveToSpreadsheet(): this {
    return this._update({ location: { type: "SPREADSHEET" } });
  }

  /** UNVERIFIED: the message when the range is not one whole column (row); the reference only says "the column". */
  private _rangeLocation(range: RangeFacade, type: "ROW" | "COLUMN", method: string): MetadataLocation {
    const r = range as RangeFacade | undefined;
    if (!r || (r.constructor as { gasName?: string }).gasName !== "Range")
      throw new Error(
        `The parameters don't match the method signature for SpreadsheetApp.DeveloperMetadata.${method}.`,
      );
    this._model.requireLive(r._sheet);
    const location = locationOfRange(r._sheet, r._rect);
    if (!location || location.type !== type)
      throw new Error(`The range ${r.getA1Notation()} is not a single whole ${type === "ROW" ? "row" : "column"}.`);
    return location;
  }
}

export class DeveloperMetadataLocationFacade {
  static readonly gasName = "DeveloperMetadataLocation";

  constructor(
    readonly _model: WorkbookModel,
    readonly _location: MetadataLocation,
  ) {}

  getLocationType(): EnumMember<LocationTypeName> {
    return DeveloperMetadataLocationType[this._location.type];
  }

  getSpreadsheet(): SpreadsheetFacade | null {
    return this._location.type === "SPREADSHEET" ? spreadsheetFacade(this._model) : null;
  }

  /** Only for metadata on a sheet, as documented; a row's or column's sheet is getRow()/getColumn().getSheet(). */
  getSheet(): SheetFacade | null {
    const l = this._location;
    if (l.type !== "SHEET") return null;
    const sheet = this._model.sheetById(l.sheetId);
    return sheet ? sheetFacade(this._model, sheet) : null;
  }

  /** The whole row, as the metadata was found. */
  getRow(): RangeFacade | null {
    const l = this._location;
    if (l.type !== "ROW") return null;
    const sheet = this._model.sheetById(l.sheetId);
    return sheet
      ? new RangeFacade(this._model, sheet, { row: l.index, col: 1, numRows: 1, numCols: sheet.maxColumns })
      : null;
  }

  /** The whole column, as the metadata was found. */
  getColumn(): RangeFacade | null {
    const l = this._location;
    if (l.type !== "COLUMN") return null;
    const sheet = this._model.sheetById(l.sheetId);
    return sheet
      ? new RangeFacade(this._model, sheet, { row: 1, col: l.index, numRows: sheet.maxRows, numCols: 1 })
      : null;
  }
}
