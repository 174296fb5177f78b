/**
 * openDashboard, the server function behind the wizard's "Open the
 * Dashboard": it activates the tab whose `sla.tab` record has the key
 * `dashboard`, wherever it is and whatever it is called; a tab called
 * "Dashboard" or "Übersicht" without the record is taken only when none has
 * it; with neither it activates nothing and says why, in the wizard's language.
 */
import { describe, expect, it } from "@jest/globals";
import { TAB_METADATA_KEY } from "../../src/reconcile/snapshot";
import { openDashboard } from "../../src/gas/openDashboard";
import { spreadsheetPerTest } from "./support";

const spreadsheets = spreadsheetPerTest();

function active(): string {
  return SpreadsheetApp.getActiveSpreadsheet().getActiveSheet().getName();
}

/** A tab carrying the add-on's record for the planned tab `key`. */
function tabOfTheAddOn(name: string, key: string): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
  sheet.addDeveloperMetadata(TAB_METADATA_KEY, JSON.stringify({ key }));
  return sheet;
}

describe("openDashboard", () => {
  it("activates the tab the add-on recorded as the Dashboard, even renamed and beside a user's tab called Dashboard", () => {
    spreadsheets.open();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    tabOfTheAddOn("Agreement", "agreement");
    tabOfTheAddOn("Sales at a glance", "dashboard");
    spreadsheet.insertSheet("Dashboard");
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName("Agreement")!);

    expect(openDashboard("en")).toEqual({
      ok: true,
      sheet: "Sales at a glance",
      message: 'Opened the tab "Sales at a glance".',
    });
    expect(active()).toBe("Sales at a glance");
  });

  it("takes a tab by the Dashboard's name in either language when no tab carries the record", () => {
    spreadsheets.open();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    tabOfTheAddOn("Vereinbarung", "agreement");
    spreadsheet.insertSheet("Übersicht");
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName("Vereinbarung")!);

    expect(openDashboard("de")).toEqual({ ok: true, sheet: "Übersicht", message: "Tab „Übersicht“ geöffnet." });
    expect(active()).toBe("Übersicht");
  });

  it("passes over records of other tabs and unreadable records", () => {
    spreadsheets.open();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    tabOfTheAddOn("Follow-up", "followUp");
    spreadsheet.insertSheet("Broken").addDeveloperMetadata(TAB_METADATA_KEY, "{not json");
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName("Follow-up")!);

    const answer = openDashboard("en");
    expect(answer.ok).toBe(false);
    expect(active()).toBe("Follow-up");
  });

  it("says in the wizard's language that there is no Dashboard, and activates nothing", () => {
    spreadsheets.open();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    tabOfTheAddOn("Leads", "leads");
    spreadsheet.setActiveSheet(spreadsheet.getSheetByName("Leads")!);

    const english = openDashboard("en");
    expect(english).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^This spreadsheet has no Dashboard tab .*"Dashboard" or "Übersicht".*Build the SLA/,
      ),
    });
    const german = openDashboard("de");
    expect(german).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Diese Tabelle hat keinen Übersichts-Tab .*„Übersicht“ oder „Dashboard“.*Erstellen Sie das SLA/,
      ),
    });
    expect(active()).toBe("Leads");
  });

  it("refuses a language other than en or de, naming the argument and what it allows", () => {
    spreadsheets.open();
    expect(() => openDashboard("fr")).toThrow('openDashboard: language must be "en" or "de", not "fr".');
    expect(() => openDashboard(42 as unknown as string)).toThrow(
      'openDashboard: language must be "en" or "de", not number.',
    );
  });
});
