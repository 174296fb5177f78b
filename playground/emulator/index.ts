/**
 * A local stand-in for the SpreadsheetApp surface the add-on uses, so the
 * real code in src/gas/ runs in Node: cells live in HyperFormula (formulas
 * are really evaluated), every Apps Script call is recorded, and the
 * workbook can be snapshotted or saved and restored as JSON.
 *
 *   const emulator = createEmulator({ today: "2026-12-01" });
 *   const uninstall = emulator.install();   // SpreadsheetApp & co. on globalThis
 *   buildWorkbook();                         // code under test
 *   expect(emulator.calls.documentCalls).toBeLessThanOrEqual(60);
 *   uninstall();
 */
import type { HyperFormula } from "hyperformula";
import { CallLog, Recorder } from "./callLog";
import { ChartsFacade } from "./charts";
import { WorkbookModel } from "./model";
import { LockServiceFacade, PropertiesServiceFacade, SessionFacade, SpreadsheetAppFacade } from "./services";
import { takeSnapshot, type WorkbookSnapshot } from "./snapshot";
import { restoreState, toState, type EmulatorState } from "./state";
import { isValidTimeZone } from "./time";

export type { CallEntry, CallKind, CallLog } from "./callLog";
export { CALL_KINDS } from "./callLog";
export type {
  WorkbookSnapshot,
  SheetSnapshot,
  CellSnapshot,
  ChartSnapshot,
  DeveloperMetadataSnapshot,
} from "./snapshot";
export type { EmulatorState } from "./state";

export interface EmulatorOptions {
  /** The spreadsheet's time zone (and the script's). Default "Europe/Berlin". */
  timeZone?: string;
  /** The spreadsheet's locale and the user's. Default "en_US". */
  locale?: string;
  /** The user running the script, and the owner of a new file. Default "owner@example.com". */
  userEmail?: string;
  /** "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM"): what TODAY()/NOW() return. Default: the real clock. */
  today?: string;
  /** A saved toState(); the options above override what it holds. */
  state?: EmulatorState;
}

export interface EmulatorGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
  Session: GoogleAppsScript.Base.Session;
  Charts: GoogleAppsScript.Charts.Charts;
}

export interface Emulator {
  globals: EmulatorGlobals;
  /** Assigns the globals on `target` (default globalThis); returns a function that puts back what was there. */
  install(target?: object): () => void;
  calls: CallLog;
  snapshot(): WorkbookSnapshot;
  toState(): EmulatorState;
  /** The engine, with pending writes computed (ask again after further writes). */
  readonly hyperformula: HyperFormula;
  /** Simulates another user's build holding the document lock; returns the release. */
  holdDocumentLockElsewhere(): () => void;
  /** Messages shown with Spreadsheet.toast(). */
  toasts: readonly { message: string; title: string }[];
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const state = options.state;
  const timeZone = options.timeZone ?? state?.spreadsheet.timeZone ?? "Europe/Berlin";
  if (!isValidTimeZone(timeZone)) throw new Error(`Invalid time zone: ${timeZone}`);
  const locale = options.locale ?? state?.spreadsheet.locale ?? "en_US";
  const model = new WorkbookModel({
    timeZone,
    locale,
    userEmail: state?.spreadsheet.owner ?? options.userEmail ?? "owner@example.com",
    today: options.today ?? state?.spreadsheet.today,
    id: state?.spreadsheet.id ?? "1EmuLatedSpreadsheet0000000000000000000000000",
    name: state?.spreadsheet.name ?? "Untitled spreadsheet",
  });
  if (state) restoreState(model, state);
  else model.activeSheetId = model.addSheet("Sheet1").id;
  if (options.userEmail !== undefined) model.currentUser = options.userEmail;

  const calls = new CallLog();
  const recorder = new Recorder(calls);
  const globals = {
    SpreadsheetApp: recorder.wrap(new SpreadsheetAppFacade(model)),
    PropertiesService: recorder.wrap(new PropertiesServiceFacade(model)),
    LockService: recorder.wrap(new LockServiceFacade(model)),
    Session: recorder.wrap(new SessionFacade(model, locale, timeZone)),
    Charts: recorder.wrap(new ChartsFacade()),
  } as unknown as EmulatorGlobals;

  return {
    globals,
    install(target: object = globalThis) {
      const slots = target as Record<string, unknown>;
      const previous = Object.keys(globals).map(
        (name) => [name, Object.getOwnPropertyDescriptor(target, name)] as const,
      );
      for (const [name, value] of Object.entries(globals)) slots[name] = value;
      return () => {
        for (const [name, descriptor] of previous) {
          if (descriptor) Object.defineProperty(target, name, descriptor);
          else delete slots[name];
        }
      };
    },
    calls,
    snapshot: () => takeSnapshot(model, calls),
    toState: () => toState(model),
    get hyperformula() {
      return model.reader;
    },
    holdDocumentLockElsewhere() {
      const lock = model.locks.document;
      lock.elsewhere++;
      let released = false;
      return () => {
        if (!released) lock.elsewhere--;
        released = true;
      };
    },
    toasts: model.toasts,
  };
}
