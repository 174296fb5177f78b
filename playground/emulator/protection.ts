/**
 * Protection, with Apps Script's rules: a new protection's editors mirror the
 * file's until the script changes them; the owner and the current user can't
 * be removed; a sheet has at most one sheet protection.
 */
import type { Rect } from "./a1";
import { unique, type SheetModel, type WorkbookModel } from "./model";
import { RangeFacade } from "./range";
import type { ProtectionSpec } from "./specs";
import { UserFacade } from "./user";

function newSpec(model: WorkbookModel, sheet: SheetModel, type: "RANGE" | "SHEET", rect?: Rect): ProtectionSpec {
  const spec: ProtectionSpec = {
    id: model.nextProtectionId++,
    type,
    sheetId: sheet.id,
    description: "",
    warningOnly: false,
    editors: null,
    domainEdit: false,
    unprotected: [],
  };
  if (rect) spec.rect = rect;
  sheet.protections.push(spec);
  return spec;
}

export function newRangeProtection(model: WorkbookModel, sheet: SheetModel, rect: Rect): ProtectionSpec {
  return newSpec(model, sheet, "RANGE", rect);
}

/** "If the sheet is already protected, this method returns an object representing the existing protection settings." */
export function sheetProtection(model: WorkbookModel, sheet: SheetModel): ProtectionSpec {
  return sheet.protections.find((p) => p.type === "SHEET") ?? newSpec(model, sheet, "SHEET");
}

function emailOf(user: unknown): string {
  if (user instanceof UserFacade) return user.getEmail();
  if (typeof user === "string" && user.includes("@")) return user;
  throw new Error(`Invalid email: ${String(user)}`);
}

export class ProtectionFacade {
  static readonly gasName = "Protection";

  constructor(
    readonly _model: WorkbookModel,
    readonly _spec: ProtectionSpec,
  ) {}

  private get _sheet(): SheetModel {
    const sheet = this._model.sheetById(this._spec.sheetId);
    if (!sheet) throw new Error("The protected sheet no longer exists.");
    return sheet;
  }

  private _requireLive(): void {
    if (!this._sheet.protections.includes(this._spec)) throw new Error("This protection has been removed.");
  }

  getProtectionType(): string {
    return this._spec.type;
  }

  getRange(): RangeFacade {
    return new RangeFacade(this._model, this._sheet, this._spec.rect ?? this._sheet.wholeSheet());
  }

  getDescription(): string {
    return this._spec.description;
  }

  setDescription(description: string): this {
    this._requireLive();
    this._spec.description = String(description ?? "");
    return this;
  }

  isWarningOnly(): boolean {
    return this._spec.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): this {
    this._requireLive();
    this._spec.warningOnly = Boolean(warningOnly);
    return this;
  }

  getEditors(): UserFacade[] {
    return this._model.protectionEditors(this._spec).map((email) => new UserFacade(email));
  }

  addEditor(user: unknown): this {
    return this.addEditors([user]);
  }

  addEditors(users: unknown[]): this {
    this._requireLive();
    this._spec.editors = unique([...this._model.protectionEditors(this._spec), ...users.map(emailOf)]);
    return this;
  }

  /** The owner and the current user stay: Apps Script can't remove them either. */
  removeEditor(user: unknown): this {
    return this.removeEditors([user]);
  }

  removeEditors(users: unknown[]): this {
    this._requireLive();
    const keep = new Set([this._model.owner, this._model.currentUser].map((e) => e.toLowerCase()));
    const drop = new Set(
      users
        .map(emailOf)
        .map((e) => e.toLowerCase())
        .filter((e) => !keep.has(e)),
    );
    this._spec.editors = this._model.protectionEditors(this._spec).filter((e) => !drop.has(e.toLowerCase()));
    return this;
  }

  canEdit(): boolean {
    const me = this._model.currentUser.toLowerCase();
    return this._spec.warningOnly || this._model.protectionEditors(this._spec).some((e) => e.toLowerCase() === me);
  }

  setDomainEdit(editable: boolean): this {
    this._requireLive();
    if (/@gmail\.com$/i.test(this._model.owner))
      throw new Error("Domain editing is only available for spreadsheets owned by a Google Workspace domain.");
    this._spec.domainEdit = Boolean(editable);
    return this;
  }

  canDomainEdit(): boolean {
    return this._spec.domainEdit;
  }

  setUnprotectedRanges(ranges: unknown[]): this {
    this._requireLive();
    if (this._spec.type !== "SHEET") throw new Error("Unprotected ranges can only be set on a protected sheet.");
    if (!Array.isArray(ranges))
      throw new Error(
        "The parameters don't match the method signature for SpreadsheetApp.Protection.setUnprotectedRanges.",
      );
    this._spec.unprotected = ranges.map((r) => {
      if (!(r instanceof RangeFacade) || r._sheet.id !== this._spec.sheetId)
        throw new Error("Unprotected ranges must be ranges of the protected sheet.");
      return r._rect;
    });
    return this;
  }

  getUnprotectedRanges(): RangeFacade[] {
    return this._spec.unprotected.map((rect) => new RangeFacade(this._model, this._sheet, rect));
  }

  remove(): void {
    const sheet = this._sheet;
    sheet.protections = sheet.protections.filter((p) => p !== this._spec);
  }
}
