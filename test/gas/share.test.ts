/**
 * shareWithSales (src/gas/shareWithSales.ts) on the emulator after a real
 * build: which addresses become editors and how each is reported, and the
 * protections it sets, strictly or as warnings, checked through the
 * emulator's snapshot and through the Protection API. Sharing again replaces
 * the add-on's protections and leaves users' own alone.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import type { Emulator, WorkbookSnapshot } from "../../playground/emulator";
import { parseAddresses } from "../../src/config/addresses";
import { buildSla } from "../../src/gas/buildSla";
import { loadDocumentState } from "../../src/gas/documentState";
import type { StoredLayout } from "../../src/gas/layout";
import {
  parseAddresses as serverParse,
  shareWithSales,
  shareWords,
  type ShareResult,
} from "../../src/gas/shareWithSales";
import { PROTECTION_PREFIX } from "../../src/workbook/protections";
import { parseA1 } from "../../src/workbook/sheetBuilder";
import {
  exampleInput,
  expectStateUnchanged,
  openBuiltSpreadsheet,
  openSpreadsheet,
  sheet,
} from "../integration/support";

const OWNER = "owner@example.com";
const MARKETING = "amir@example.com";

let close: (() => void) | undefined;
afterEach(() => {
  close?.();
  close = undefined;
});

function open(): Emulator {
  const opened = openSpreadsheet("2026-12-15");
  close = opened.done;
  return opened.emulator;
}

/** A spreadsheet with an example SLA built in it (the English one is restored from a saved build). */
function built(example = "internal-en.json"): { emulator: Emulator; layout: StoredLayout } {
  let emulator: Emulator;
  if (example === "internal-en.json") {
    const opened = openBuiltSpreadsheet("2026-12-15");
    close = opened.done;
    emulator = opened.emulator;
  } else {
    emulator = open();
    const result = buildSla(exampleInput(example));
    if (!result.ok) throw new Error(`build failed: ${result.message}`);
  }
  const layout = loadDocumentState().state.layout;
  if (!layout) throw new Error("no layout stored");
  emulator.calls.reset();
  return { emulator, layout };
}

function editors(): string[] {
  return SpreadsheetApp.getActiveSpreadsheet()
    .getEditors()
    .map((user) => user.getEmail());
}

function outcomes(result: ShareResult): [string, string][] {
  return result.addresses.map((entry) => [entry.email, entry.outcome]);
}

// ------------------------------------------------------------ A1 helpers

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "'2026-12'!H14:H44", "Leads!A1:L1", "F7" → a rectangle (the sheet part is dropped). */
function rectOf(a1: string): Rect {
  const local = a1.includes("!") ? a1.slice(a1.lastIndexOf("!") + 1) : a1;
  const [from, to = from] = local.split(":") as [string, string?];
  const start = parseA1(from);
  const end = parseA1(to);
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
}

function contains(range: string, cell: string): boolean {
  const outer = rectOf(range);
  const { row, column } = parseA1(cell);
  return row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;
}

function protectionsOf(snapshot: WorkbookSnapshot, sheetName: string) {
  const found = snapshot.sheets.find((item) => item.name === sheetName);
  if (!found) throw new Error(`no sheet ${sheetName} in the snapshot`);
  return found.protections;
}

/** The generated tabs other than the lead log, with the kinds of input cells each must leave open. */
const INPUT_KINDS: Record<string, (key: string) => string | undefined> = {
  agreement: (key) => (key.startsWith("req:") ? "checklist" : key.startsWith("ledger|") ? "ledger notes" : undefined),
  "month:2026-12": (key) =>
    key.startsWith("note|") ? "month notes" : key.startsWith("totalRevenue|") ? "total revenue" : undefined,
  followUp: (key) => (key === "followUp|repMonth" ? "rep month picker" : undefined),
};

describe("addresses", () => {
  it("shares the page's parser: the dialog checks exactly what the server does", () => {
    expect(serverParse).toBe(parseAddresses);
  });

  it("reports invalid and repeated addresses, adds each valid one once, and reports it", () => {
    built();
    const result = shareWithSales({
      emails: [
        "Sam@Example.com, not-an-address",
        "sam@example.com; <priya@example.com>",
        "Priya Nair <PRIYA@example.com>\n@x.de",
        "kendra@example",
      ],
      mode: "strict",
    });
    expect(outcomes(result)).toEqual([
      ["not-an-address", "invalid"],
      ["@x.de", "invalid"],
      ["kendra@example", "invalid"],
      ["sam@example.com", "added"],
      ["priya@example.com", "added"],
    ]);
    const words = shareWords("en");
    expect(result.addresses.map((entry) => entry.detail)).toEqual([
      words.invalid,
      words.invalid,
      words.invalid,
      words.added,
      words.added,
    ]);
    expect(editors()).toEqual([OWNER, "sam@example.com", "priya@example.com"]);
    expect(result.ok).toBe(true);
    expect(result.message).toBe("Shared with 2 people; protections are set.");
  });

  it("reports an address that is already an editor, and adds nobody twice", () => {
    built();
    SpreadsheetApp.getActiveSpreadsheet().addEditor("kendra@example.com");
    const result = shareWithSales({ emails: ["KENDRA@example.com", "sam@example.com", OWNER], mode: "strict" });
    expect(outcomes(result)).toEqual([
      ["kendra@example.com", "alreadyEditor"],
      ["sam@example.com", "added"],
      [OWNER, "alreadyEditor"],
    ]);
    expect(result.addresses[0]?.detail).toBe(shareWords("en").already);
    expect(editors()).toEqual([OWNER, "kendra@example.com", "sam@example.com"]);
    expect(result.message).toBe("Shared with 3 people; protections are set.");
  });

  it("reports an address Sheets refuses as failed, with the reason, and goes on with the others", () => {
    const { emulator } = built();
    const spreadsheet = emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
    const refusing = new Proxy(spreadsheet, {
      get(target, property) {
        if (property === "addEditor") {
          return (email: string) => {
            if (email === "blocked@example.com") throw new Error("Invalid email: blocked@example.com");
            return target.addEditor(email);
          };
        }
        return Reflect.get(target, property);
      },
    });
    const app = emulator.globals.SpreadsheetApp;
    (globalThis as Record<string, unknown>).SpreadsheetApp = new Proxy(app, {
      get: (target, property) => (property === "getActiveSpreadsheet" ? () => refusing : Reflect.get(target, property)),
    });
    const result = shareWithSales({ emails: ["blocked@example.com, sam@example.com"], mode: "strict" });
    expect(result.addresses).toEqual([
      {
        email: "blocked@example.com",
        outcome: "failed",
        detail: "could not be added: Invalid email: blocked@example.com",
      },
      { email: "sam@example.com", outcome: "added", detail: "added as editor" },
    ]);
    expect(editors()).toEqual([OWNER, "sam@example.com"]);
  });

  it("refuses when no address is valid, adding nobody and protecting nothing", () => {
    const { emulator } = built();
    const result = shareWithSales({ emails: ["nobody", ""], mode: "strict" });
    expect(result).toEqual({
      ok: false,
      message: shareWords("en").noAddresses,
      addresses: [{ email: "nobody", outcome: "invalid", detail: "not an e-mail address" }],
      explanation: [],
    });
    expect(editors()).toEqual([OWNER]);
    expect(emulator.snapshot().sheets.flatMap((item) => item.protections)).toEqual([]);
  });

  it("re-validates whatever the client sends", () => {
    built();
    const junk = shareWithSales({ emails: "sam@example.com", mode: "everything" } as unknown as Parameters<
      typeof shareWithSales
    >[0]);
    expect(junk.ok).toBe(false);
    expect(junk.message).toBe(shareWords("en").noAddresses);
    expect(editors()).toEqual([OWNER]);
    const odd = shareWithSales({ emails: ["sam@example.com", 42, null], mode: "everything" } as unknown as Parameters<
      typeof shareWithSales
    >[0]);
    // An unknown mode is strict: the safe choice.
    expect(odd.explanation).toEqual(shareWords("en").explain("strict"));
    expect(outcomes(odd)).toEqual([
      ["42", "invalid"],
      ["sam@example.com", "added"],
    ]);
  });
});

describe("strict protections", () => {
  it("protects every generated tab but its input cells, and the lead log's header, calculated and marketing columns", () => {
    const { emulator, layout } = built();
    const before = emulator.snapshot().sheets.map((item) => ({ name: item.name, cells: item.cells }));
    const result = shareWithSales({ emails: ["kendra@example.com", "sam@example.com"], mode: "strict" });
    expect(result.explanation).toEqual(shareWords("en").explain("strict"));
    const snapshot = emulator.snapshot();
    // Sharing changes no cell.
    expect(snapshot.sheets.map((item) => ({ name: item.name, cells: item.cells }))).toEqual(before);

    for (const [key, kindOf] of Object.entries(INPUT_KINDS)) {
      const entry = layout.sheets[key];
      if (!entry) throw new Error(`layout lacks ${key}`);
      const protections = protectionsOf(snapshot, entry.name);
      expect(protections).toHaveLength(1);
      const [protection] = protections;
      expect(protection).toMatchObject({ type: "SHEET", range: "sheet", warningOnly: false, editors: [OWNER] });
      expect(protection?.description.startsWith(PROTECTION_PREFIX)).toBe(true);
      const open = protection?.unprotectedRanges ?? [];
      const kinds = new Set<string>();
      for (const [inputKey, cell] of Object.entries(entry.inputs)) {
        expect({ sheet: entry.name, cell, open: open.some((range) => contains(range, cell)) }).toEqual({
          sheet: entry.name,
          cell,
          open: true,
        });
        const kind = kindOf(inputKey);
        if (kind) kinds.add(kind);
      }
      // Nothing but input cells is open.
      const inputCells = new Set(Object.values(entry.inputs));
      for (const range of open) {
        const rect = rectOf(range);
        for (let row = rect.top; row <= rect.bottom; row++) {
          for (let column = rect.left; column <= rect.right; column++) {
            const cell = `${String.fromCharCode(64 + column)}${row}`;
            expect({ sheet: entry.name, cell, input: inputCells.has(cell) }).toEqual({
              sheet: entry.name,
              cell,
              input: true,
            });
          }
        }
      }
      expect(kinds.size).toBeGreaterThan(0);
    }
    // The cells named in the brief, as Sheets shows them.
    expect(protectionsOf(snapshot, "2026-12")[0]?.unprotectedRanges).toEqual(["'2026-12'!F7", "'2026-12'!H32:H62"]);
    expect(protectionsOf(snapshot, "Agreement")[0]?.unprotectedRanges).toEqual([
      "Agreement!B51:B62",
      "Agreement!C51:C62",
      "Agreement!J88:J111",
    ]);
    expect(protectionsOf(snapshot, "Follow-up")[0]?.unprotectedRanges).toEqual(["'Follow-up'!B19"]);

    const last = sheet("Leads").getMaxRows();
    expect(
      protectionsOf(snapshot, "Leads").map(({ type, range, warningOnly, editors: people, unprotectedRanges }) => ({
        type,
        range,
        warningOnly,
        editors: people,
        unprotectedRanges,
      })),
    ).toEqual([
      { type: "RANGE", range: "Leads!A1:L1", warningOnly: false, editors: [OWNER], unprotectedRanges: [] },
      // E-mail, Lead ID and Source (Q–S) are marketing's too: their header and their cells; the goal column (T) is calculated.
      { type: "RANGE", range: "Leads!Q1:S1", warningOnly: false, editors: [OWNER], unprotectedRanges: [] },
      { type: "RANGE", range: `Leads!M1:P${last}`, warningOnly: false, editors: [OWNER], unprotectedRanges: [] },
      { type: "RANGE", range: `Leads!T1:T${last}`, warningOnly: false, editors: [OWNER], unprotectedRanges: [] },
      {
        type: "RANGE",
        range: `Leads!A2:E${last}`,
        warningOnly: false,
        editors: [OWNER, MARKETING],
        unprotectedRanges: [],
      },
      {
        type: "RANGE",
        range: `Leads!Q2:S${last}`,
        warningOnly: false,
        editors: [OWNER, MARKETING],
        unprotectedRanges: [],
      },
    ]);
    // Sales' columns F–L below the header are nobody's to guard.
    const leadRanges = protectionsOf(snapshot, "Leads").map((protection) => protection.range);
    for (const cell of ["F2", "L2", `G${last}`]) expect(leadRanges.some((range) => contains(range, cell))).toBe(false);
    // The sales team edits no protected range: only the owner (and marketing, in A:E) do.
    for (const protection of snapshot.sheets.flatMap((item) => item.protections)) {
      expect(protection.editors).not.toContain("kendra@example.com");
      expect(protection.editors).not.toContain("sam@example.com");
    }
  });

  it("is visible the same way through the Protection API", () => {
    built();
    shareWithSales({ emails: ["sam@example.com"], mode: "strict" });
    const month = sheet("2026-12").getProtections(SpreadsheetApp.ProtectionType.SHEET);
    expect(month).toHaveLength(1);
    expect(month[0]?.isWarningOnly()).toBe(false);
    expect(month[0]?.getUnprotectedRanges().map((range) => range.getA1Notation())).toEqual(["F7", "H32:H62"]);
    expect(month[0]?.getEditors().map((user) => user.getEmail())).toEqual([OWNER]);
    expect(month[0]?.canEdit()).toBe(true);
    const leads = sheet("Leads").getProtections(SpreadsheetApp.ProtectionType.RANGE);
    // Each twice: the columns A–P, and the E-mail, Lead ID, Source and goal columns after them (Q–T).
    expect(leads.map((protection) => protection.getDescription())).toEqual([
      `${PROTECTION_PREFIX}: column headers`,
      `${PROTECTION_PREFIX}: column headers`,
      `${PROTECTION_PREFIX}: calculated columns`,
      `${PROTECTION_PREFIX}: calculated columns`,
      `${PROTECTION_PREFIX}: marketing's columns`,
      `${PROTECTION_PREFIX}: marketing's columns`,
    ]);
    const last = sheet("Leads").getMaxRows();
    expect(leads.map((protection) => protection.getRange().getA1Notation())).toEqual([
      "A1:L1",
      "Q1:S1",
      `M1:P${last}`,
      `T1:T${last}`,
      `A2:E${last}`,
      `Q2:S${last}`,
    ]);
    expect(leads[4]?.getEditors().map((user) => user.getEmail())).toEqual([OWNER, MARKETING]);
    expect(leads[5]?.getEditors().map((user) => user.getEmail())).toEqual([OWNER, MARKETING]);
    expect(leads.every((protection) => !protection.isWarningOnly())).toBe(true);
    expect(sheet("Leads").getProtections(SpreadsheetApp.ProtectionType.SHEET)).toEqual([]);
  });
});

describe("warning-only protections", () => {
  it("sets the same protections, all warning only", () => {
    const { emulator } = built();
    const result = shareWithSales({ emails: ["sam@example.com"], mode: "warning" });
    expect(result.explanation).toEqual(shareWords("en").explain("warning"));
    const protections = emulator.snapshot().sheets.flatMap((item) => item.protections);
    expect(protections).toHaveLength(10);
    expect(protections.every((protection) => protection.warningOnly)).toBe(true);
    expect(protections.every((protection) => protection.description.startsWith(PROTECTION_PREFIX))).toBe(true);
    expect(sheet("Follow-up").getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]?.isWarningOnly()).toBe(true);
  });
});

describe("sharing again", () => {
  it("replaces the add-on's protections without duplicating them, and keeps protections users made themselves", () => {
    const { emulator } = built();
    // A user's own, as made in Sheets (with their own editor list): a range on the lead log, and the whole Follow-up tab.
    const range = sheet("Leads").getRange("P1:P20").protect().setDescription("Pipeline notes: only me");
    range.removeEditors(range.getEditors());
    const tab = sheet("Follow-up").protect().setDescription("Owners only").setWarningOnly(true);
    tab.removeEditors(tab.getEditors());
    const mine = (snapshot: WorkbookSnapshot) =>
      snapshot.sheets.flatMap((item) =>
        item.protections.filter((protection) => !protection.description.startsWith(PROTECTION_PREFIX)),
      );
    const users = mine(emulator.snapshot());
    expect(users).toHaveLength(2);

    shareWithSales({ emails: ["sam@example.com"], mode: "strict" });
    const once = emulator.snapshot();
    shareWithSales({ emails: ["sam@example.com", "kendra@example.com"], mode: "strict" });
    const twice = emulator.snapshot();
    const ours = (snapshot: WorkbookSnapshot) =>
      snapshot.sheets.map(
        (item) =>
          [
            item.name,
            item.protections.filter((protection) => protection.description.startsWith(PROTECTION_PREFIX)),
          ] as const,
      );
    expect(ours(twice)).toEqual(ours(once));
    // Nine of ours: the Follow-up tab is the user's, and stays so.
    expect(ours(twice).flatMap(([, protections]) => protections)).toHaveLength(9);
    expect(mine(twice)).toEqual(users);

    shareWithSales({ emails: ["sam@example.com"], mode: "warning" });
    const warned = emulator.snapshot();
    expect(
      ours(warned)
        .flatMap(([, protections]) => protections)
        .map((protection) => protection.warningOnly),
    ).toEqual(Array(9).fill(true));
    expect(mine(warned)).toEqual(users);
    expect(
      sheet("Follow-up")
        .getProtections(SpreadsheetApp.ProtectionType.SHEET)
        .map((protection) => [protection.getDescription(), protection.isWarningOnly()]),
    ).toEqual([["Owners only", true]]);
  });
});

describe("without an SLA", () => {
  it("answers with a clear message and changes nothing", () => {
    const emulator = open();
    const before = emulator.toState();
    const result = shareWithSales({ emails: ["sam@example.com"], mode: "strict" });
    expect(result).toEqual({
      ok: false,
      message: "Build the SLA first: there is nothing to share yet.",
      addresses: [],
      explanation: [],
    });
    expect(editors()).toEqual([OWNER]);
    expect(emulator.calls.entries.filter((entry) => entry.kind === "write")).toEqual([]);
    expectStateUnchanged(emulator, before);
  });
});

describe("a German SLA", () => {
  it("answers in German and protects the German tabs", () => {
    const { emulator, layout } = built("multilevel-de.json");
    const result = shareWithSales({ emails: ["vertrieb@example.de"], mode: "strict" });
    expect(result.message).toBe("Mit 1 Person geteilt; Schutz ist eingerichtet.");
    expect(result.explanation).toEqual(shareWords("de").explain("strict"));
    const snapshot = emulator.snapshot();
    for (const entry of Object.values(layout.sheets)) {
      const protections = protectionsOf(snapshot, entry.name);
      expect({ sheet: entry.name, count: protections.length > 0 }).toEqual({ sheet: entry.name, count: true });
    }
  });
});
