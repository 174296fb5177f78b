/**
 * Stand-ins for the Apps Script services the menu and dialogs use and the
 * emulator does not offer (Ui, HtmlService), services that refuse every use
 * (AuthMode.NONE), and a way to put globals in place for one test.
 */
import type { Emulator } from "../../playground/emulator";

// ------------------------------------------------------------ globals

const GLOBALS = [
  "SpreadsheetApp",
  "PropertiesService",
  "LockService",
  "Session",
  "HtmlService",
  "ScriptApp",
  "Charts",
] as const;

/** Puts `values` on globalThis (and removes the other service globals) until the returned function runs. */
export function installGlobals(values: Partial<Record<(typeof GLOBALS)[number], unknown>>): () => void {
  const slots = globalThis as Record<string, unknown>;
  const previous = GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const name of GLOBALS) {
    if (name in values) slots[name] = values[name];
    else delete slots[name];
  }
  return () => {
    for (const [name, descriptor] of previous) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete slots[name];
    }
  };
}

/**
 * A service that throws on any use, as Apps Script's do in AuthMode.NONE,
 * and records the attempt (code may catch the throw; the record stays).
 * `allowed` members answer normally.
 */
export function refusingService<T extends object>(name: string, attempts: string[], allowed: Partial<T> = {}): T {
  return new Proxy(allowed as T, {
    get(target, property) {
      if (typeof property === "string" && property in target) return (target as Record<string, unknown>)[property];
      if (typeof property === "symbol") return undefined;
      attempts.push(`${name}.${property}`);
      throw new Error(`You do not have permission to call ${name}.${property} (AuthMode.NONE)`);
    },
  });
}

/** Session for a user whose locale is `locale` ("en", "de"); `undefined` makes it throw. */
export function sessionStandIn(locale: string | undefined, email = "owner@example.com"): GoogleAppsScript.Base.Session {
  const user = { getEmail: () => email };
  return {
    getActiveUserLocale: () => {
      if (locale === undefined) throw new Error("Session.getActiveUserLocale is not available");
      return locale;
    },
    getActiveUser: () => user,
    getEffectiveUser: () => user,
    getScriptTimeZone: () => "Europe/Berlin",
  } as unknown as GoogleAppsScript.Base.Session;
}

// ------------------------------------------------------------ Ui

export type MenuEntry = { readonly label: string; readonly functionName: string } | "separator";

export interface RecordedMenu {
  readonly entries: MenuEntry[];
  addedToUi: boolean;
}

export interface UiRecord {
  readonly menus: RecordedMenu[];
  /** Every Ui and Menu call in order: `createAddonMenu`, `addItem(label, fn)`, `addSeparator`, `addToUi`, `showSidebar`… */
  readonly calls: string[];
  readonly sidebars: HtmlOutputRecord[];
  readonly dialogs: { readonly output: HtmlOutputRecord; readonly title: string }[];
  readonly alerts: { readonly title: string; readonly prompt: string; readonly buttons: string }[];
}

export const BUTTON_SET = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
} as const;
export const BUTTON = { CLOSE: "CLOSE", OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" } as const;
export type ButtonName = keyof typeof BUTTON;

export interface UiOptions {
  /** Makes this Menu method throw the first time it is called (e.g. "addSeparator"). */
  readonly failOnce?: "addItem" | "addSeparator" | "addToUi" | "createAddonMenu";
  /** The buttons alert() answers, in turn; OK when none is left. */
  readonly answers?: ButtonName[];
}

/** `SpreadsheetApp.getUi()`: records menus, sidebars, dialogs and alerts; alert answers from `answers`. */
export function uiStandIn(options: UiOptions = {}): { ui: GoogleAppsScript.Base.Ui; record: UiRecord } {
  const record: UiRecord = { menus: [], calls: [], sidebars: [], dialogs: [], alerts: [] };
  const answers = [...(options.answers ?? [])];
  let failing = options.failOnce;
  const maybeFail = (method: string): void => {
    if (failing !== method) return;
    failing = undefined;
    throw new Error(`Ui.${method} failed`);
  };
  const menuOf = (menu: RecordedMenu) => {
    const api = {
      addItem(label: string, functionName: string) {
        record.calls.push(`addItem(${label}, ${functionName})`);
        maybeFail("addItem");
        menu.entries.push({ label, functionName });
        return api;
      },
      addSeparator() {
        record.calls.push("addSeparator");
        maybeFail("addSeparator");
        menu.entries.push("separator");
        return api;
      },
      addSubMenu() {
        throw new Error("addSubMenu is not expected");
      },
      addToUi() {
        record.calls.push("addToUi");
        maybeFail("addToUi");
        menu.addedToUi = true;
      },
    };
    return api;
  };
  const ui = {
    ButtonSet: BUTTON_SET,
    Button: BUTTON,
    createAddonMenu() {
      record.calls.push("createAddonMenu");
      maybeFail("createAddonMenu");
      const menu: RecordedMenu = { entries: [], addedToUi: false };
      record.menus.push(menu);
      return menuOf(menu);
    },
    createMenu() {
      throw new Error("an add-on uses createAddonMenu, not createMenu");
    },
    showSidebar(output: HtmlOutputRecord) {
      record.calls.push("showSidebar");
      record.sidebars.push(output);
    },
    showModalDialog(output: HtmlOutputRecord, title: string) {
      record.calls.push("showModalDialog");
      record.dialogs.push({ output, title });
    },
    showModelessDialog() {
      throw new Error("showModelessDialog is not expected");
    },
    alert(title: string, prompt?: string, buttons?: string) {
      record.calls.push("alert");
      record.alerts.push({ title, prompt: prompt ?? "", buttons: buttons ?? "OK" });
      return BUTTON[answers.shift() ?? "OK"];
    },
  };
  return { ui: ui as unknown as GoogleAppsScript.Base.Ui, record };
}

/** The entries of a recorded menu as text: `label → function` or `---`. */
export function menuLines(menu: RecordedMenu | undefined): string[] {
  return (menu?.entries ?? []).map((entry) =>
    entry === "separator" ? "---" : `${entry.label} → ${entry.functionName}`,
  );
}

// ------------------------------------------------------------ HtmlService

export interface HtmlOutputRecord {
  readonly file: string;
  title: string | undefined;
  width: number | undefined;
  height: number | undefined;
}

/** `HtmlService.createHtmlOutputFromFile`: returns an output that records setTitle/setWidth/setHeight. */
export function htmlServiceStandIn(): { service: GoogleAppsScript.HTML.HtmlService; outputs: HtmlOutputRecord[] } {
  const outputs: HtmlOutputRecord[] = [];
  const service = {
    createHtmlOutputFromFile(file: string) {
      const record: HtmlOutputRecord = { file, title: undefined, width: undefined, height: undefined };
      outputs.push(record);
      // The setters are not enumerable, so a recorded output compares as plain data.
      const output = Object.defineProperties(record, {
        setTitle: {
          value: (title: string) => {
            record.title = title;
            return output;
          },
        },
        setWidth: {
          value: (width: number) => {
            record.width = width;
            return output;
          },
        },
        setHeight: {
          value: (height: number) => {
            record.height = height;
            return output;
          },
        },
      });
      return output;
    },
    createTemplateFromFile() {
      throw new Error("templates are not expected: the surfaces are self-contained files");
    },
  };
  return { service: service as unknown as GoogleAppsScript.HTML.HtmlService, outputs };
}

/** The emulator's SpreadsheetApp, with `getUi()` answered by a Ui stand-in (the emulator has no Ui). */
export function spreadsheetAppWithUi(
  emulator: Emulator,
  ui: GoogleAppsScript.Base.Ui,
): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const app = emulator.globals.SpreadsheetApp;
  return new Proxy(app, {
    get(target, property) {
      if (property === "getUi") return () => ui;
      return Reflect.get(target, property);
    },
  });
}
