/** The global services: SpreadsheetApp, PropertiesService, LockService, Session. */
import { ConditionalFormatRuleBuilderFacade, DataValidationBuilderFacade, TextStyleBuilderFacade } from "./builders";
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from "./developerMetadata";
import {
  BooleanCriteria,
  BorderStyle,
  DataValidationCriteria,
  ProtectionType,
  RecalculationInterval,
  WrapStrategy,
} from "./enums";
import type { LockKind, PropertyStore, WorkbookModel } from "./model";
import { sheetFacade, type SheetFacade } from "./sheet";
import { spreadsheetFacade, type SpreadsheetFacade } from "./spreadsheet";
import { UserFacade } from "./user";

export class SpreadsheetAppFacade {
  static readonly gasName = "SpreadsheetApp";
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly BooleanCriteria = BooleanCriteria;
  readonly WrapStrategy = WrapStrategy;
  readonly BorderStyle = BorderStyle;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly RecalculationInterval = RecalculationInterval;

  constructor(readonly _model: WorkbookModel) {}

  getActiveSpreadsheet(): SpreadsheetFacade {
    return spreadsheetFacade(this._model);
  }

  getActive(): SpreadsheetFacade {
    return spreadsheetFacade(this._model);
  }

  getActiveSheet(): SheetFacade {
    return sheetFacade(this._model, this._model.activeSheet());
  }

  /** Computes pending writes, as Sheets applies them. */
  flush(): void {
    void this._model.reader;
  }

  newDataValidation(): DataValidationBuilderFacade {
    return new DataValidationBuilderFacade(this._model);
  }

  newConditionalFormatRule(): ConditionalFormatRuleBuilderFacade {
    return new ConditionalFormatRuleBuilderFacade(this._model);
  }

  newTextStyle(): TextStyleBuilderFacade {
    return new TextStyleBuilderFacade();
  }
}

// ---- properties ----

/** Apps Script's quotas: 9 KB per value, 500 KB per property store. */
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (text: string): number => Buffer.byteLength(text, "utf8");

function storeBytes(store: Map<string, string>): number {
  let total = 0;
  for (const [k, v] of store) total += bytes(k) + bytes(v);
  return total;
}

export class PropertiesFacade {
  static readonly gasName = "Properties";

  constructor(readonly _store: Map<string, string>) {}

  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): this {
    return this.setProperties({ [key]: value });
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    if (properties === null || typeof properties !== "object")
      throw new Error(
        "The parameters don't match the method signature for PropertiesService.Properties.setProperties.",
      );
    const entries = Object.entries(properties).map(([k, v]) => [String(k), String(v)] as const);
    for (const [, value] of entries) if (bytes(value) > MAX_VALUE_BYTES) throw new Error("Argument too large: value");
    const next = new Map(deleteAllOthers ? [] : this._store);
    for (const [key, value] of entries) next.set(key, value);
    if (storeBytes(next) > MAX_STORE_BYTES)
      throw new Error("You have exceeded the property storage quota. Please remove some properties and try again.");
    this._store.clear();
    for (const [key, value] of next) this._store.set(key, value);
    return this;
  }

  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }

  getKeys(): string[] {
    return [...this._store.keys()];
  }

  deleteProperty(key: string): this {
    this._store.delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this._store.clear();
    return this;
  }
}

export class PropertiesServiceFacade {
  static readonly gasName = "PropertiesService";

  constructor(readonly _model: WorkbookModel) {}

  private _store(kind: PropertyStore): PropertiesFacade {
    return new PropertiesFacade(this._model.properties[kind]);
  }

  getDocumentProperties(): PropertiesFacade {
    return this._store("document");
  }

  getUserProperties(): PropertiesFacade {
    return this._store("user");
  }

  getScriptProperties(): PropertiesFacade {
    return this._store("script");
  }
}

// ---- locks ----

/** Calls are synchronous, so a lock held elsewhere is never released while waiting: tryLock fails at once. */
export class LockFacade {
  static readonly gasName = "Lock";

  constructor(
    readonly _model: WorkbookModel,
    readonly _kind: LockKind,
  ) {}

  private get _state(): { held: boolean; elsewhere: number } {
    return this._model.locks[this._kind];
  }

  tryLock(_timeoutInMillis: number): boolean {
    if (this._state.elsewhere > 0) return false;
    this._state.held = true;
    return true;
  }

  waitLock(_timeoutInMillis: number): void {
    if (this._state.elsewhere > 0) throw new Error("Lock timeout: another process was holding the lock for too long.");
    this._state.held = true;
  }

  hasLock(): boolean {
    return this._state.held;
  }

  releaseLock(): void {
    this._state.held = false;
  }
}

export class LockServiceFacade {
  static readonly gasName = "LockService";

  constructor(readonly _model: WorkbookModel) {}

  getDocumentLock(): LockFacade {
    return new LockFacade(this._model, "document");
  }

  getScriptLock(): LockFacade {
    return new LockFacade(this._model, "script");
  }

  getUserLock(): LockFacade {
    return new LockFacade(this._model, "user");
  }
}

// ---- session ----

export class SessionFacade {
  static readonly gasName = "Session";

  constructor(
    readonly _model: WorkbookModel,
    readonly _userLocale: string,
    readonly _scriptTimeZone: string,
  ) {}

  /** Apps Script gives the language only ("en", "de"). */
  getActiveUserLocale(): string {
    return this._userLocale.split(/[_-]/)[0]!.toLowerCase();
  }

  getActiveUser(): UserFacade {
    return new UserFacade(this._model.currentUser);
  }

  getEffectiveUser(): UserFacade {
    return new UserFacade(this._model.currentUser);
  }

  getScriptTimeZone(): string {
    return this._scriptTimeZone;
  }

  getTemporaryActiveUserKey(): string {
    return `temporary-key-${this._model.currentUser}`;
  }
}
