/** Spreadsheet (the file: sheets, named ranges, sharing, time zone) and NamedRange. */
import { DeveloperMetadataFacade, DeveloperMetadataFinderFacade, parseAddArguments } from "./developerMetadata";
import type { WorkbookModel } from "./model";
import { RangeFacade } from "./range";
import { RangeListFacade } from "./rangeList";
import { sheetFacade, type SheetFacade } from "./sheet";
import { isValidTimeZone } from "./time";
import { UserFacade } from "./user";

const facades = new WeakMap<WorkbookModel, SpreadsheetFacade>();

export function spreadsheetFacade(model: WorkbookModel): SpreadsheetFacade {
  let facade = facades.get(model);
  if (!facade) {
    facade = new SpreadsheetFacade(model);
    facades.set(model, facade);
  }
  return facade;
}

function requireSheet(sheet: unknown, method: string): SheetFacade {
  if (
    !sheet ||
    typeof sheet !== "object" ||
    !("_sheet" in sheet) ||
    (sheet.constructor as { gasName?: string }).gasName !== "Sheet"
  )
    throw new Error(`The parameters don't match the method signature for SpreadsheetApp.Spreadsheet.${method}.`);
  return sheet as SheetFacade;
}

function emailOf(user: unknown): string {
  if (user instanceof UserFacade) return user.getEmail();
  if (typeof user === "string" && /^[^@\s]+@[^@\s]+$/.test(user)) return user;
  throw new Error(`Invalid email: ${String(user)}`);
}

export class NamedRangeFacade {
  static readonly gasName = "NamedRange";

  constructor(
    readonly _model: WorkbookModel,
    private _name: string,
  ) {}

  getName(): string {
    return this._name;
  }

  getRange(): RangeFacade {
    const target = this._model.names.target(this._name);
    if (!target) throw new Error(`The named range "${this._name}" no longer refers to a valid range.`);
    return new RangeFacade(this._model, target.sheet, target.rect, target);
  }

  setRange(range: RangeFacade): this {
    if (!(range instanceof RangeFacade))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.NamedRange.setRange.");
    this._model.names.setTarget(this._name, range._sheet, range._rect, range._open);
    return this;
  }

  setName(name: string): this {
    const target = this._model.names.target(this._name);
    if (!target) throw new Error(`The named range "${this._name}" no longer refers to a valid range.`);
    this._model.names.validateName(name);
    this._model.names.remove(this._name);
    this._model.names.add(name, target.sheet, target.rect, target);
    this._name = name;
    return this;
  }

  remove(): void {
    this._model.names.remove(this._name);
  }
}

export class SpreadsheetFacade {
  static readonly gasName = "Spreadsheet";

  constructor(readonly _model: WorkbookModel) {}

  getId(): string {
    return this._model.id;
  }

  getName(): string {
    return this._model.name;
  }

  rename(name: string): void {
    this._model.name = String(name);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._model.id}/edit`;
  }

  getSpreadsheetTimeZone(): string {
    return this._model.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    if (typeof timezone !== "string" || !isValidTimeZone(timezone))
      throw new Error(`Invalid time zone: ${String(timezone)}`);
    this._model.context.timeZone = timezone;
  }

  getSpreadsheetLocale(): string {
    return this._model.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    if (typeof locale !== "string" || !/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale))
      throw new Error(`Invalid locale: ${String(locale)}`);
    this._model.setLocale(locale);
  }

  getRecalculationInterval(): string {
    return this._model.recalculationInterval;
  }

  setRecalculationInterval(interval: string): this {
    const name = String(interval);
    if (name !== "ON_CHANGE" && name !== "MINUTE" && name !== "HOUR")
      throw new Error(`Invalid recalculation interval: ${name}`);
    this._model.recalculationInterval = name;
    return this;
  }

  // ---- sheets ----

  getSheets(): SheetFacade[] {
    return this._model.sheets.map((s) => sheetFacade(this._model, s));
  }

  getNumSheets(): number {
    return this._model.sheets.length;
  }

  getSheetByName(name: string): SheetFacade | null {
    const sheet = this._model.sheetByName(String(name));
    return sheet ? sheetFacade(this._model, sheet) : null;
  }

  getSheetById(id: number): SheetFacade | null {
    const sheet = this._model.sheetById(id);
    return sheet ? sheetFacade(this._model, sheet) : null;
  }

  /**
   * insertSheet(), (name), (index), (name, index). The new sheet goes right
   * after the active one unless an index (0-based) is given, and becomes active.
   */
  insertSheet(nameOrIndex?: string | number, index?: number | object, options?: object): SheetFacade {
    if (
      options !== undefined ||
      (typeof index === "object" && index !== null) ||
      (typeof nameOrIndex === "object" && nameOrIndex !== null)
    )
      throw new Error("insertSheet with options (a template sheet) is not supported by the emulator.");
    const model = this._model;
    const name = typeof nameOrIndex === "string" ? nameOrIndex : model.defaultSheetName();
    const position =
      typeof nameOrIndex === "number"
        ? nameOrIndex
        : typeof index === "number"
          ? index
          : model.sheets.indexOf(model.activeSheet()) + 1;
    const sheet = model.addSheet(name, position);
    model.activeSheetId = sheet.id;
    return sheetFacade(model, sheet);
  }

  deleteSheet(sheet: SheetFacade): void {
    this._model.removeSheet(requireSheet(sheet, "deleteSheet")._sheet);
  }

  setActiveSheet(sheet: SheetFacade): SheetFacade {
    const s = requireSheet(sheet, "setActiveSheet")._sheet;
    this._model.requireLive(s);
    this._model.activeSheetId = s.id;
    return sheetFacade(this._model, s);
  }

  getActiveSheet(): SheetFacade {
    return sheetFacade(this._model, this._model.activeSheet());
  }

  /** "'Follow-up'!A1:B2", or a reference on the active sheet. */
  getRange(a1Notation: string): RangeFacade {
    const resolved = this._model.resolveA1(a1Notation, this._model.activeSheet());
    return new RangeFacade(this._model, resolved.sheet, resolved.rect, resolved);
  }

  getRangeList(a1Notations: string[]): RangeListFacade {
    if (!Array.isArray(a1Notations))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Spreadsheet.getRangeList.");
    return new RangeListFacade(a1Notations.map((a1) => this.getRange(a1)));
  }

  // ---- named ranges ----

  setNamedRange(name: string, range: RangeFacade): void {
    if (!(range instanceof RangeFacade))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Spreadsheet.setNamedRange.");
    this._model.names.add(name, range._sheet, range._rect, range._open);
  }

  getNamedRanges(): NamedRangeFacade[] {
    return this._model.names.list().map((e) => new NamedRangeFacade(this._model, e.name));
  }

  getRangeByName(name: string): RangeFacade | null {
    const target = this._model.names.target(name);
    return target ? new RangeFacade(this._model, target.sheet, target.rect, target) : null;
  }

  removeNamedRange(name: string): void {
    this._model.names.remove(name);
  }

  // ---- developer metadata ----

  addDeveloperMetadata(...args: unknown[]): this {
    const { key, value, visibility } = parseAddArguments(args, "SpreadsheetApp.Spreadsheet.addDeveloperMetadata");
    this._model.developerMetadata.add({ type: "SPREADSHEET" }, key, value, visibility);
    return this;
  }

  /** The metadata on the spreadsheet itself (not on its sheets, rows or columns). */
  getDeveloperMetadata(): DeveloperMetadataFacade[] {
    return this._model.developerMetadata
      .at({ type: "SPREADSHEET" })
      .map((m) => new DeveloperMetadataFacade(this._model, m));
  }

  /** Searches all metadata: the spreadsheet's, its sheets', rows' and columns'. */
  createDeveloperMetadataFinder(): DeveloperMetadataFinderFacade {
    return new DeveloperMetadataFinderFacade(this._model, { kind: "spreadsheet" });
  }

  // ---- sharing ----

  addEditor(emailOrUser: unknown): this {
    return this.addEditors([emailOrUser]);
  }

  addEditors(emailAddresses: unknown[]): this {
    if (!Array.isArray(emailAddresses))
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Spreadsheet.addEditors.");
    const emails = emailAddresses.map(emailOf);
    const known = new Set(this._model.fileEditors().map((e) => e.toLowerCase()));
    for (const email of emails) if (!known.has(email.toLowerCase())) this._model.editors.push(email);
    return this;
  }

  /** The owner can't be removed; asking is ignored, as Drive does. */
  removeEditor(emailOrUser: unknown): this {
    const email = emailOf(emailOrUser).toLowerCase();
    this._model.editors = this._model.editors.filter((e) => e.toLowerCase() !== email);
    return this;
  }

  getEditors(): UserFacade[] {
    return this._model.fileEditors().map((e) => new UserFacade(e));
  }

  getOwner(): UserFacade {
    return new UserFacade(this._model.owner);
  }

  toast(msg: string, title?: string, _timeoutSeconds?: number): void {
    this._model.toasts.push({ message: String(msg), title: title === undefined ? "" : String(title) });
  }
}
