/**
 * What the menu items open (src/gas/dialogs.ts), with stand-ins for
 * HtmlService and the Ui: the wizard as a sidebar, sharing, the function
 * reference and the self-test as modal dialogs from files that the build writes, and "Start next
 * month" as a question whose answer picks how the new month is set, run on the
 * emulator after a real build.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createEmulator } from "../../playground/emulator";
import { SURFACES } from "../../scripts/lib/html";
import {
  showAbout,
  showFunctionReference,
  showImportDialog,
  showNextMonth,
  showSelfTest,
  showShareDialog,
  showWizard,
} from "../../src/gas/dialogs";
import { loadDocumentState } from "../../src/gas/documentState";
import { messagesFor } from "../../src/gas/messages";
import { clock, fixedDay } from "../../src/gas/today";
import { expectStateUnchanged, savedBuild } from "../integration/support";
import { type ButtonName, htmlServiceStandIn, installGlobals, spreadsheetAppWithUi, uiStandIn } from "./support";

let restore: (() => void) | undefined;
const realNow = clock.now;
afterEach(() => {
  restore?.();
  restore = undefined;
  clock.now = realNow;
});

/**
 * An emulated spreadsheet with stand-ins for the Ui and HtmlService. With `built`, it holds the example SLA
 * built on 15 December (each test gets its own copy of the saved build), its call log empty.
 */
function setUp(options: { locale?: string; answers?: ButtonName[]; built?: boolean } = {}) {
  const locale = options.locale ?? "en_US";
  const state = options.built ? savedBuild("2026-12-15", { locale }) : undefined;
  const emulator = createEmulator({ today: "2026-12-15", locale, ...(state ? { state } : {}) });
  clock.now = fixedDay("2026-12-15");
  const { ui, record } = uiStandIn({ answers: options.answers ?? [] });
  const html = htmlServiceStandIn();
  restore = installGlobals({
    ...emulator.globals,
    SpreadsheetApp: spreadsheetAppWithUi(emulator, ui),
    HtmlService: html.service,
  });
  return { emulator, record, outputs: html.outputs };
}

function sheetNames(): string[] {
  return SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()
    .map((sheet) => sheet.getName());
}

/** The built file HtmlService would serve for `name` (Apps Script names an HTML file without `.html`). */
function builtFile(name: string): string {
  return join(process.cwd(), "dist", `${name}.html`);
}

describe("surfaces", () => {
  it("opens the wizard as a sidebar from the Wizard file, with a title", () => {
    const { record, outputs } = setUp();
    showWizard();
    expect(outputs.map((output) => output.file)).toEqual(["Wizard"]);
    expect(record.sidebars).toEqual([
      { file: "Wizard", title: "Marketing & Sales SLA", width: undefined, height: undefined },
    ]);
    expect(record.dialogs).toEqual([]);
    expect(existsSync(builtFile("Wizard"))).toBe(true);
  });

  it("opens sharing as a modal dialog from the Share file", () => {
    const { record } = setUp();
    showShareDialog();
    expect(record.sidebars).toEqual([]);
    expect(record.dialogs).toEqual([
      { output: { file: "Share", title: undefined, width: 460, height: 560 }, title: "Share with sales" },
    ]);
    expect(existsSync(builtFile("Share"))).toBe(true);
  });

  it("opens the import as a modal dialog from the Import file", () => {
    const { record } = setUp();
    showImportDialog();
    expect(record.dialogs).toEqual([
      { output: { file: "Import", title: undefined, width: 720, height: 600 }, title: "Import leads" },
    ]);
    expect(existsSync(builtFile("Import"))).toBe(true);
  });

  it("opens the function reference as a modal dialog from the Reference file", () => {
    const { record } = setUp();
    showFunctionReference();
    expect(record.dialogs).toEqual([
      { output: { file: "Reference", title: undefined, width: 640, height: 560 }, title: "Custom functions" },
    ]);
    expect(existsSync(builtFile("Reference"))).toBe(true);
  });

  it("opens the self-test as a modal dialog from the SelfTest file, which runs the test itself, writing nothing on opening", () => {
    const { record, emulator } = setUp();
    showSelfTest();
    expect(record.dialogs).toEqual([
      { output: { file: "SelfTest", title: undefined, width: 640, height: 560 }, title: "Self-test" },
    ]);
    expect(emulator.calls.entries.filter((call) => call.kind === "write")).toEqual([]);
    expect(existsSync(builtFile("SelfTest"))).toBe(true);
  });

  it("titles the dialogs in German for a German user", () => {
    const { record } = setUp({ locale: "de_DE" });
    showShareDialog();
    showFunctionReference();
    showImportDialog();
    showSelfTest();
    showWizard();
    expect(record.dialogs.map((dialog) => dialog.title)).toEqual([
      "Mit dem Vertrieb teilen",
      "Benutzerdefinierte Funktionen",
      "Leads importieren",
      "Selbsttest",
    ]);
    expect(record.sidebars[0]?.title).toBe("Marketing & Sales SLA");
  });

  it("opens only files the build writes, and the build writes one per surface", () => {
    const { outputs } = setUp();
    showWizard();
    showShareDialog();
    showImportDialog();
    showFunctionReference();
    showSelfTest();
    const opened = outputs.map((output) => `${output.file}.html`);
    expect(opened).toEqual(SURFACES.map((surface) => surface.output));
    for (const file of opened) expect(existsSync(join(process.cwd(), "dist", file))).toBe(true);
  });

  it("shows About as an alert with an OK button", () => {
    const { record } = setUp();
    showAbout();
    expect(record.alerts).toHaveLength(1);
    expect(record.alerts[0]?.title).toBe("Marketing & Sales SLA");
    expect(record.alerts[0]?.prompt).toContain("=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)");
    expect(record.alerts[0]?.buttons).toBe("OK");
  });
});

describe("showNextMonth", () => {
  /** The SLA built on 15 December (`setUp({ built: true })`); the next month is then started on `day`. */
  function startOn(day = "2027-01-02"): number {
    clock.now = fixedDay(day);
    return loadDocumentState().state.revision;
  }

  it.each(["CANCEL", "CLOSE"] as const)("does nothing when the question is answered with %s", (button) => {
    const { emulator, record } = setUp({ answers: [button], built: true });
    const revision = startOn();
    const before = emulator.toState();
    showNextMonth();
    expect(record.alerts).toHaveLength(1);
    expect(record.alerts[0]?.buttons).toBe("YES_NO_CANCEL");
    expect(record.alerts[0]?.title).toBe("Start next month");
    expect(sheetNames()).not.toContain("2027-01");
    expect(emulator.calls.entries.filter((entry) => entry.kind === "write")).toEqual([]);
    expect(loadDocumentState().state.revision).toBe(revision);
    expectStateUnchanged(emulator, before);
  });

  it("Yes recalculates the new month from the last complete month's actuals and shows the result", () => {
    const { record } = setUp({ answers: ["YES"], built: true });
    const revision = startOn();
    showNextMonth();
    expect(sheetNames()).toContain("2027-01");
    const state = loadDocumentState().state;
    expect(state.revision).toBe(revision + 1);
    expect(state.months.find((month) => month.month === "2027-01")?.inputs).toMatchObject({
      mode: "recalculated",
      from: "2026-12",
    });
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheetByName("2027-01")?.getRange("B2").getValue()).toBe(
      "recalculated from actuals (2026-12)",
    );
    expect(record.alerts).toHaveLength(2);
    const shown = record.alerts[1];
    expect(shown?.title).toBe("Start next month");
    expect(shown?.buttons).toBe("OK");
    // No actuals in December: every input keeps the agreed value, and says so.
    const messages = messagesFor("en");
    expect(shown?.prompt.split("\n")).toEqual([
      messages.nextMonth("2027-01"),
      messages.keptAgreed(messages.fields.closeRate),
      messages.keptAgreed(messages.fields.avgDealSize),
      messages.keptAgreed(messages.fields.marketingShare),
    ]);
  });

  it("No sets the new month from the inputs agreed in the SLA", () => {
    const { record } = setUp({ answers: ["NO"], built: true });
    startOn();
    showNextMonth();
    expect(sheetNames()).toContain("2027-01");
    expect(loadDocumentState().state.months.find((month) => month.month === "2027-01")?.inputs).toEqual({
      mode: "agreed",
    });
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheetByName("2027-01")?.getRange("B2").getValue()).toBe(
      "agreed in the SLA",
    );
    expect(record.alerts[1]?.prompt).toBe(messagesFor("en").nextMonth("2027-01"));
  });

  it("shows why nothing happened when there is no SLA", () => {
    const { record } = setUp({ answers: ["YES"] });
    const before = sheetNames();
    showNextMonth();
    expect(sheetNames()).toEqual(before);
    expect(record.alerts[1]?.prompt).toBe(messagesFor("en").noSla);
  });

  it("before the month has ended, warns and asks again; No leaves everything as it was", () => {
    const { emulator, record } = setUp({ answers: ["YES", "NO"], built: true });
    const revision = startOn("2026-12-15");
    const before = emulator.toState();
    showNextMonth();
    expect(record.alerts).toHaveLength(2);
    expect(record.alerts[1]?.buttons).toBe("YES_NO");
    expect(record.alerts[1]?.prompt).toBe(
      `${messagesFor("en").monthRunning("2026-12", "2027-01")}\n\nYes: start it now. No: wait until the month has ended.`,
    );
    expect(sheetNames()).not.toContain("2027-01");
    expect(loadDocumentState().state.revision).toBe(revision);
    expectStateUnchanged(emulator, before);
  });

  it("before the month has ended, Yes starts it with the agreed inputs, as no month is complete", () => {
    const { record } = setUp({ answers: ["YES", "YES"], built: true });
    startOn("2026-12-15");
    showNextMonth();
    expect(sheetNames()).toContain("2027-01");
    expect(record.alerts).toHaveLength(3);
    expect(record.alerts[2]?.prompt.split("\n")).toEqual([
      messagesFor("en").nextMonth("2027-01"),
      messagesFor("en").noCompleteMonth,
    ]);
    expect(SpreadsheetApp.getActiveSpreadsheet().getSheetByName("2027-01")?.getRange("B9").getValue()).toBe(100);
  });

  it("asks in German for a German user before the month has ended", () => {
    const { record } = setUp({ locale: "de_DE", answers: ["NO", "NO"], built: true });
    startOn("2026-12-15");
    showNextMonth();
    expect(record.alerts[1]?.prompt).toContain("Ja: jetzt starten. Nein: warten, bis der Monat zu Ende ist.");
    expect(sheetNames()).not.toContain("2027-01");
  });

  it("asks and answers in German for a German user", () => {
    const { record } = setUp({ locale: "de_DE", answers: ["NO"], built: true });
    startOn();
    showNextMonth();
    expect(record.alerts[0]?.title).toBe("Nächsten Monat starten");
    // The SLA itself is English: its answer is in the SLA's language, as everywhere.
    expect(record.alerts[1]?.prompt).toBe(messagesFor("en").nextMonth("2027-01"));
  });
});
