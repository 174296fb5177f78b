/**
 * Opens the Dashboard: the wizard's result box offers it after Build. The
 * tab is found by its developer metadata (key `dashboard`), so a renamed
 * Dashboard is still found; a tab without the add-on's metadata but with
 * the Dashboard's name (in either language) is taken when none carries it.
 */
import { type Language, languageOf, type Translations } from "../core/i18n";
import { labelsFor } from "../workbook/labels";
import { findTabByKey } from "./find";
import { answerLanguage } from "./operationResult";

/** The key of the Dashboard in its tab record (src/workbook/dashboard.ts). */
export const DASHBOARD_KEY = "dashboard";

/** The Dashboard's name in each language, as the planner names it. */
export const DASHBOARD_NAMES: Readonly<Record<Language, string>> = {
  en: labelsFor("en").sheets.dashboard,
  de: labelsFor("de").sheets.dashboard,
};

export interface OpenDashboardResult {
  readonly ok: boolean;
  /** The tab's name now. */
  readonly sheet?: string;
  readonly message: string;
}

const en = {
  opened: (name: string) => `Opened the tab "${name}".`,
  missing: `This spreadsheet has no Dashboard tab (its name would be "${DASHBOARD_NAMES.en}" or "${DASHBOARD_NAMES.de}"). Build the SLA (Extensions ▸ Marketing & Sales SLA ▸ New or edit SLA) to create it.`,
  badLanguage: (value: string) => `openDashboard: language must be "en" or "de", not ${value}.`,
};

const de: typeof en = {
  opened: (name: string) => `Tab „${name}“ geöffnet.`,
  missing: `Diese Tabelle hat keinen Übersichts-Tab (er hieße „${DASHBOARD_NAMES.de}“ oder „${DASHBOARD_NAMES.en}“). Erstellen Sie das SLA (Erweiterungen ▸ Marketing & Sales SLA ▸ SLA anlegen oder bearbeiten), um ihn anzulegen.`,
  badLanguage: (value: string) => `openDashboard: language muss "en" oder "de" sein, nicht ${value}.`,
};

const WORDS: Translations<typeof en> = { en, de };

/**
 * Activates the Dashboard and answers its name, or says it is missing.
 * `language` ("en" or "de", the wizard's) words the answer; without it the user's locale does.
 * @example openDashboard("de") // { ok: true, sheet: "Übersicht", message: "Tab „Übersicht“ geöffnet." }
 */
export function openDashboard(language?: string | null): OpenDashboardResult {
  if (language !== undefined && language !== null && language !== "en" && language !== "de") {
    // Re-checked here: anyone can call a server function (design decision 8).
    const shown = typeof language === "string" ? JSON.stringify(language) : typeof language;
    throw new Error(WORDS[answerLanguage(undefined)].badLanguage(shown));
  }
  const words = WORDS[language ? languageOf(language) : answerLanguage(undefined)];
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet =
    findTabByKey(spreadsheet, DASHBOARD_KEY) ??
    spreadsheet.getSheetByName(DASHBOARD_NAMES.en) ??
    spreadsheet.getSheetByName(DASHBOARD_NAMES.de);
  if (!sheet) return { ok: false, message: words.missing };
  sheet.activate();
  const name = sheet.getName();
  return { ok: true, sheet: name, message: words.opened(name) };
}
