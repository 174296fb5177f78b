/**
 * The add-on menu (src/gas/menu.ts) in each auth mode: in AuthMode.NONE it
 * only builds the menu and touches neither document properties nor the
 * document; every item names a server function that dist/Code.js declares at
 * top level; an error while building still leaves the way into the wizard;
 * onInstall shows the menu; labels follow the user's language. And
 * dist/Code.js itself uses no service while it loads.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { createEmulator } from "../../playground/emulator";
import { MENU_ACTIONS, onInstall, onOpen } from "../../src/gas/menu";
import { SERVER_API } from "../../src/server";
import {
  installGlobals,
  menuLines,
  refusingService,
  sessionStandIn,
  uiStandIn,
  type UiOptions,
  spreadsheetAppWithUi,
} from "./support";

type Mode = "NONE" | "LIMITED" | "FULL";

const ENGLISH_MENU = [
  "New or edit SLA → showWizard",
  "Start next month → showNextMonth",
  "Share with sales → showShareDialog",
  "Import leads → showImportDialog",
  "---",
  "Function reference → showFunctionReference",
  "Run self-test → showSelfTest",
  "About → showAbout",
];
const GERMAN_MENU = [
  "SLA anlegen oder bearbeiten → showWizard",
  "Nächsten Monat starten → showNextMonth",
  "Mit dem Vertrieb teilen → showShareDialog",
  "Leads importieren → showImportDialog",
  "---",
  "Funktionsübersicht → showFunctionReference",
  "Selbsttest ausführen → showSelfTest",
  "Über → showAbout",
];

function openEvent(mode: Mode): GoogleAppsScript.Events.SheetsOnOpen {
  return { authMode: mode } as unknown as GoogleAppsScript.Events.SheetsOnOpen;
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/**
 * AuthMode.NONE as Apps Script has it: the Ui works, Session answers the
 * locale, and any use of the document or of PropertiesService, LockService,
 * ScriptApp throws. `attempts` records every such use, even a caught one.
 */
function authModeNone(locale: string | undefined = "en", uiOptions: UiOptions = {}) {
  const { ui, record } = uiStandIn(uiOptions);
  const attempts: string[] = [];
  restore = installGlobals({
    SpreadsheetApp: refusingService<GoogleAppsScript.Spreadsheet.SpreadsheetApp>("SpreadsheetApp", attempts, {
      getUi: () => ui,
    }),
    PropertiesService: refusingService("PropertiesService", attempts),
    LockService: refusingService("LockService", attempts),
    ScriptApp: refusingService("ScriptApp", attempts),
    HtmlService: refusingService("HtmlService", attempts),
    Session: sessionStandIn(locale),
  });
  return { record, attempts };
}

/** LIMITED and FULL: the document and its properties are there (the emulator), the Ui is the stand-in. */
function authModeWithDocument(locale = "en_US", uiOptions: UiOptions = {}) {
  const { ui, record } = uiStandIn(uiOptions);
  const emulator = createEmulator({ today: "2026-12-15", locale });
  restore = installGlobals({ ...emulator.globals, SpreadsheetApp: spreadsheetAppWithUi(emulator, ui) });
  return { record, emulator };
}

describe("onOpen", () => {
  it("builds the whole menu in AuthMode.NONE without touching the document or its properties", () => {
    const { record, attempts } = authModeNone("en");
    onOpen(openEvent("NONE"));
    expect(attempts).toEqual([]);
    expect(record.menus).toHaveLength(1);
    expect(menuLines(record.menus[0])).toEqual(ENGLISH_MENU);
    expect(record.menus[0]?.addedToUi).toBe(true);
    expect(record.calls[0]).toBe("createAddonMenu");
    expect(record.calls[record.calls.length - 1]).toBe("addToUi");
  });

  it("proves the stand-in refuses: the document and PropertiesService throw in AuthMode.NONE", () => {
    const { attempts } = authModeNone("en");
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow("AuthMode.NONE");
    expect(() => PropertiesService.getDocumentProperties()).toThrow("AuthMode.NONE");
    expect(attempts).toEqual(["SpreadsheetApp.getActiveSpreadsheet", "PropertiesService.getDocumentProperties"]);
  });

  it.each(["LIMITED", "FULL"] as const)("builds the same menu in AuthMode.%s, reading no document content", (mode) => {
    const { record, emulator } = authModeWithDocument();
    onOpen(openEvent(mode));
    expect(menuLines(record.menus[0])).toEqual(ENGLISH_MENU);
    expect(record.menus[0]?.addedToUi).toBe(true);
    expect(emulator.calls.entries.filter((entry) => entry.kind === "read" || entry.kind === "write")).toEqual([]);
  });

  it("builds the menu without an event, as when called from onInstall or a test", () => {
    const { record } = authModeNone("en");
    onOpen();
    expect(menuLines(record.menus[0])).toEqual(ENGLISH_MENU);
  });

  it.each(["de", "de_DE", "de-AT"])("labels the items in German for the locale %s", (locale) => {
    const { record, attempts } = authModeNone(locale);
    onOpen(openEvent("NONE"));
    expect(menuLines(record.menus[0])).toEqual(GERMAN_MENU);
    expect(attempts).toEqual([]);
  });

  it("labels the items in English when Session cannot tell the locale", () => {
    const { record } = authModeNone(undefined);
    onOpen(openEvent("NONE"));
    expect(menuLines(record.menus[0])).toEqual(ENGLISH_MENU);
  });

  it.each(["addSeparator", "addItem", "addToUi"] as const)(
    "still leaves a menu with the wizard item when %s fails while building",
    (method) => {
      const { record, attempts } = authModeNone("en", { failOnce: method });
      expect(() => onOpen(openEvent("NONE"))).not.toThrow();
      const added = record.menus.filter((menu) => menu.addedToUi);
      expect(added).toHaveLength(1);
      expect(menuLines(added[0])).toEqual(["New or edit SLA → showWizard"]);
      expect(attempts).toEqual([]);
    },
  );

  it("keeps the user's language in that fallback menu", () => {
    const { record } = authModeNone("de", { failOnce: "addSeparator" });
    onOpen(openEvent("NONE"));
    expect(menuLines(record.menus.find((menu) => menu.addedToUi))).toEqual([
      "SLA anlegen oder bearbeiten → showWizard",
    ]);
  });
});

describe("onInstall", () => {
  it("calls onOpen, so the menu shows right after installing", () => {
    const { record } = authModeWithDocument("de_DE");
    onInstall({ authMode: "FULL" } as unknown as GoogleAppsScript.Events.AddonOnInstall);
    expect(record.menus).toHaveLength(1);
    expect(menuLines(record.menus[0])).toEqual(GERMAN_MENU);
    expect(record.menus[0]?.addedToUi).toBe(true);
  });
});

// ------------------------------------------------------------ dist/Code.js

const code = readFileSync(join(process.cwd(), "dist/Code.js"), "utf8");

/** A sandbox whose service globals throw when read (AuthMode.NONE at load time), recording each read. */
function throwingSandbox(extra: Record<string, unknown> = {}): { sandbox: Record<string, unknown>; reads: string[] } {
  const reads: string[] = [];
  const sandbox: Record<string, unknown> = {};
  for (const name of [
    "SpreadsheetApp",
    "PropertiesService",
    "Session",
    "LockService",
    "HtmlService",
    "ScriptApp",
    "Charts",
    "Utilities",
    "CacheService",
  ]) {
    if (name in extra) continue;
    Object.defineProperty(sandbox, name, {
      get() {
        reads.push(name);
        throw new Error(`${name} is not available in AuthMode.NONE`);
      },
      configurable: true,
    });
  }
  Object.assign(sandbox, extra);
  vm.createContext(sandbox);
  return { sandbox, reads };
}

describe("dist/Code.js", () => {
  it("declares every menu item's function at top level, and each is a SERVER_API function", () => {
    const { sandbox } = throwingSandbox();
    new vm.Script(code, { filename: "Code.gs" }).runInContext(sandbox);
    const { record } = authModeNone("en");
    onOpen(openEvent("NONE"));
    const named = (record.menus[0]?.entries ?? []).flatMap((entry) =>
      entry === "separator" ? [] : [entry.functionName],
    );
    expect(named).toEqual([...MENU_ACTIONS]);
    for (const name of named) {
      expect(Object.keys(SERVER_API)).toContain(name);
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\)`, "m"));
      expect(typeof sandbox[name]).toBe("function");
    }
    for (const name of ["onOpen", "onInstall"]) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(\\)`, "m"));
      expect(typeof sandbox[name]).toBe("function");
    }
  });

  it("loads with every service throwing (AuthMode.NONE): nothing runs at load time", () => {
    const { sandbox, reads } = throwingSandbox();
    expect(() => new vm.Script(code, { filename: "Code.gs" }).runInContext(sandbox)).not.toThrow();
    expect(reads).toEqual([]);
  });

  it("builds the menu from the built file in AuthMode.NONE, reading only SpreadsheetApp.getUi and Session", () => {
    const { ui, record } = uiStandIn();
    const attempts: string[] = [];
    const { sandbox, reads } = throwingSandbox({
      SpreadsheetApp: refusingService("SpreadsheetApp", attempts, { getUi: () => ui }),
      Session: sessionStandIn("de"),
    });
    new vm.Script(code, { filename: "Code.gs" }).runInContext(sandbox);
    (sandbox.onOpen as (event: unknown) => void)({ authMode: "NONE" });
    expect(reads).toEqual([]);
    expect(attempts).toEqual([]);
    expect(menuLines(record.menus[0])).toEqual(GERMAN_MENU);
  });
});
