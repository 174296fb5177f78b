/** PropertiesService, LockService, Session, sharing, and installing the globals. */
import { describe, expect, it } from "@jest/globals";
import { createEmulator } from "../../playground/emulator";
import { workbook } from "./helpers";

describe("PropertiesService", () => {
  it("stores strings per store", () => {
    const { emulator } = workbook();
    const { PropertiesService } = emulator.globals;
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty("config", JSON.stringify({ quota: 5000 }));
    doc.setProperties({ version: 3 as unknown as string, locale: "de" });
    expect(doc.getProperty("version")).toBe("3");
    expect(doc.getProperty("missing")).toBeNull();
    expect(doc.getKeys().sort()).toEqual(["config", "locale", "version"]);
    expect(PropertiesService.getUserProperties().getKeys()).toEqual([]);
    PropertiesService.getScriptProperties().setProperty("k", "v");
    doc.deleteProperty("locale");
    expect(doc.getProperties()).toEqual({ config: '{"quota":5000}', version: "3" });
    doc.setProperties({ only: "this" }, true);
    expect(doc.getProperties()).toEqual({ only: "this" });
    doc.deleteAllProperties();
    expect(doc.getKeys()).toEqual([]);
    expect(PropertiesService.getScriptProperties().getProperty("k")).toBe("v");
  });

  it("refuses a value over 9 KB and a store over 500 KB, changing nothing", () => {
    const { emulator } = workbook();
    const doc = emulator.globals.PropertiesService.getDocumentProperties();
    doc.setProperty("fits", "x".repeat(9 * 1024));
    expect(() => doc.setProperty("big", "x".repeat(9 * 1024 + 1))).toThrow("Argument too large: value");
    // Multi-byte characters count as their UTF-8 size.
    expect(() => doc.setProperty("umlauts", "ä".repeat(5000))).toThrow("Argument too large: value");
    for (let i = 0; i < 55; i++) doc.setProperty(`chunk${i}`, "y".repeat(9000));
    expect(() => doc.setProperty("one-more", "z".repeat(9000))).toThrow("You have exceeded the property storage quota");
    expect(doc.getProperty("one-more")).toBeNull();
    expect(doc.getKeys()).toHaveLength(56);
  });

  it("document properties are in the snapshot; user and script ones are not", () => {
    const { emulator } = workbook();
    emulator.globals.PropertiesService.getDocumentProperties().setProperty("a", "1");
    emulator.globals.PropertiesService.getUserProperties().setProperty("b", "2");
    expect(emulator.snapshot().properties).toEqual({ document: { a: "1" } });
  });
});

describe("LockService", () => {
  it("tryLock and waitLock succeed when nobody else holds the lock", () => {
    const { emulator } = workbook();
    const lock = emulator.globals.LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(30_000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    lock.waitLock(1000);
    expect(lock.hasLock()).toBe(true);
  });

  it("when another build holds the document lock, tryLock fails at once and waitLock throws", () => {
    const { emulator } = workbook();
    const release = emulator.holdDocumentLockElsewhere();
    const lock = emulator.globals.LockService.getDocumentLock();
    expect(lock.tryLock(30_000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(30_000)).toThrow("Lock timeout: another process was holding the lock for too long.");
    // Other locks are separate.
    expect(emulator.globals.LockService.getScriptLock().tryLock(10)).toBe(true);
    release();
    release();
    expect(lock.tryLock(10)).toBe(true);
  });
});

describe("Session and sharing", () => {
  it("gives the user's language, email and the script's time zone", () => {
    const { emulator } = workbook({ locale: "de_DE", userEmail: "marketing@example.com", timeZone: "Europe/Vienna" });
    const { Session } = emulator.globals;
    expect(Session.getActiveUserLocale()).toBe("de");
    expect(Session.getEffectiveUser().getEmail()).toBe("marketing@example.com");
    expect(Session.getActiveUser().getEmail()).toBe("marketing@example.com");
    expect(Session.getScriptTimeZone()).toBe("Europe/Vienna");
  });

  it("spreadsheet identity, time zone and locale", () => {
    const { ss } = workbook({ locale: "de_DE" });
    expect(ss.getSpreadsheetTimeZone()).toBe("Europe/Berlin");
    expect(ss.getSpreadsheetLocale()).toBe("de_DE");
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    ss.setSpreadsheetTimeZone("America/New_York");
    expect(ss.getSpreadsheetTimeZone()).toBe("America/New_York");
    expect(() => ss.setSpreadsheetTimeZone("Mars/Olympus")).toThrow("Invalid time zone");
  });

  it("editors: the owner first, added editors after, the owner can't be removed", () => {
    const { emulator, ss } = workbook();
    ss.addEditor("sales@example.com");
    ss.addEditors(["sales@example.com", "ops@example.com"]);
    ss.removeEditor("ops@example.com");
    ss.removeEditor("owner@example.com");
    expect(ss.getEditors().map((u) => u.getEmail())).toEqual(["owner@example.com", "sales@example.com"]);
    expect(ss.getOwner()!.getEmail()).toBe("owner@example.com");
    expect(() => ss.addEditor("not an email")).toThrow("Invalid email");
    ss.toast("Built", "SLA");
    expect(emulator.toasts).toEqual([{ message: "Built", title: "SLA" }]);
  });
});

describe("install", () => {
  it("puts the globals on a target and takes them away again", () => {
    const emulator = createEmulator();
    const target: Record<string, unknown> = { Session: "previous" };
    const uninstall = emulator.install(target);
    expect(target.SpreadsheetApp).toBe(emulator.globals.SpreadsheetApp);
    expect(target.Session).toBe(emulator.globals.Session);
    expect(Object.keys(target).sort()).toEqual([
      "Charts",
      "LockService",
      "PropertiesService",
      "Session",
      "SpreadsheetApp",
    ]);
    uninstall();
    expect(target).toEqual({ Session: "previous" });
  });

  it("installs on globalThis by default", () => {
    const emulator = createEmulator();
    const uninstall = emulator.install();
    try {
      expect(SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!.getName()).toBe("Sheet1");
    } finally {
      uninstall();
    }
    expect("SpreadsheetApp" in globalThis).toBe(false);
  });
});
