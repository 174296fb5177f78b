import { languageOf, type Language } from "../core/i18n";
import { zoneNamed, type Zone } from "../core/time";
import type { CallContext } from "../functions/params";

/**
 * The spreadsheet's time zone. Dates in cells follow it, not the script's zone
 * (platform facts §6), so custom functions ask the spreadsheet. Falls back to
 * the script's zone, then UTC, where a service is not available.
 */
function spreadsheetTimeZone(): string {
  try {
    return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  } catch {
    try {
      return Session.getScriptTimeZone();
    } catch {
      return "UTC";
    }
  }
}

function userLanguage(): Language {
  try {
    return languageOf(Session.getActiveUserLocale());
  } catch {
    return "en";
  }
}

/**
 * What a custom-function call needs from Sheets, asked only when needed: each
 * answer costs a service call, and most calls need neither.
 */
export function sheetsCallContext(): CallContext {
  let zone: Zone | undefined;
  let language: Language | undefined;
  return {
    zone: () => (zone ??= zoneNamed(spreadsheetTimeZone())),
    language: () => (language ??= userLanguage()),
  };
}
