/**
 * Importing leads on the emulator, the dialog's plan sent to the server as
 * the dialog sends it: only new rows are appended below the log, nothing
 * existing changes, formula-looking text lands as text, a second import of
 * the same file adds nothing, the server re-checks what it receives, refuses
 * a moved header as a build does, and a log from before the E-mail and Lead
 * ID columns gets them from a rebuild with every value kept.
 */
import { describe, expect, it } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zoneNamed } from "../../src/core/time";
import { buildSla } from "../../src/gas/buildSla";
import { getImportState, importLeads } from "../../src/gas/importLeads";
import { readCsv, type CsvParse } from "../../src/import/csv";
import { guessMapping } from "../../src/import/fields";
import { planImport, type ImportLead } from "../../src/import/plan";
import { NEW_LEAD_COLUMNS } from "../../src/workbook/leadColumns";
import { everything, exampleInput, exampleLeads, sheet, spreadsheetPerTest, typeLeads } from "./support";

const { open, openBuilt } = spreadsheetPerTest();

function build(): void {
  const result = buildSla(exampleInput("internal-en.json"));
  if (!result.ok) throw new Error(`build failed: ${result.message}`);
}

/** What the dialog sends for an example file, planned against the log as getImportState reports it. */
function dialogLeads(name: string): ImportLead[] {
  const state = getImportState();
  const table = readCsv(readFileSync(join(process.cwd(), "examples", name), "utf8"), parse as unknown as CsvParse);
  const plan = planImport({
    rows: table.rows,
    mapping: guessMapping(table.header),
    orders: new Map(),
    zone: zoneNamed(state.timeZone),
    tiers: state.tiers,
    existing: { ids: new Set(state.ids), emails: new Set(state.emails) },
  });
  return plan.fresh;
}

function rows(from: number, count: number, columns = 18): unknown[][] {
  return sheet("Leads").getRange(from, 1, count, columns).getValues();
}

/** A figure of the reports as a formula over the log sees it. */
function handedOffCount(): number {
  const scratch =
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Scratch") ??
    SpreadsheetApp.getActiveSpreadsheet().insertSheet("Scratch");
  scratch.getRange("A1").setFormula("=COUNT(Leads_HandedOff)");
  return scratch.getRange("A1").getValue() as number;
}

describe("importing into the lead log", () => {
  it("appends only the new leads below the typed ones; existing rows stay; text stays text; dates are dates", () => {
    openBuilt();
    typeLeads(exampleLeads().slice(0, 20));
    const before = rows(1, 21);
    const counted = handedOffCount();
    const leads = dialogLeads("import-hubspot-contacts.csv");
    expect(leads).toHaveLength(5);
    const result = importLeads({ leads });
    expect(result).toMatchObject({ ok: true, added: 5, firstRow: 22, lastRow: 26, duplicates: [], rejected: [] });
    expect(result.message).toBe('Added 5 leads to "Leads" (rows 22–26); 0 duplicates skipped; 0 rejected.');
    expect(rows(1, 21)).toEqual(before);
    const log = sheet("Leads");
    const c = NEW_LEAD_COLUMNS;
    expect(log.getRange(22, c.lead).getValue()).toBe("Jonas Fischer");
    expect(log.getRange(25, c.company).getValue()).toBe('=HYPERLINK("http://evil.example","Trey")');
    expect(log.getRange(25, c.company).getFormula()).toBe("");
    expect(log.getRange(26, c.company).getValue()).toBe("+49 Partners");
    expect(log.getRange(22, c.crmId).getValue()).toBe("51234001");
    expect(log.getRange(24, c.email).getValue()).toBe("mia.jansen@fabrikam.example");
    expect(typeof log.getRange(22, c.handedOff).getValue()).not.toBe("string");
    expect(log.getRange(22, c.handedOff).getDisplayValue()).toBe("2026-12-01 09:52");
    // The reports read the new leads at once.
    expect(handedOffCount()).toBe(counted + 5);
    expect(log.getRange(22, c.status).getValue()).not.toBe("");
  });

  it("adds nothing on a second import of the same file, re-checks what it receives and refuses a moved header", () => {
    const emulator = openBuilt();
    const leads = dialogLeads("import-salesforce-leads.csv");
    expect(importLeads({ leads }).added).toBe(4);
    const after = everything(emulator);
    // After the import the dialog finds every row in the log; sending the same leads anyway, the server skips them.
    expect(dialogLeads("import-salesforce-leads.csv")).toEqual([]);
    const again = importLeads({ leads });
    expect(again).toMatchObject({ ok: true, added: 0, rejected: [] });
    expect(again.duplicates.map((duplicate) => duplicate.text)).toEqual([
      "Lead ID 00Q5g00000AbCdE001 is already in the lead log.",
      "Lead ID 00Q5g00000AbCdE002 is already in the lead log.",
      "Lead ID 00Q5g00000AbCdE003 is already in the lead log.",
      "Lead ID 00Q5g00000AbCdE004 is already in the lead log.",
    ]);
    expect(everything(emulator)).toBe(after);

    // The server re-checks what it receives: a bad request writes nothing, bad leads are rejected with their row.
    for (const request of [
      undefined,
      { leads: "x" },
      { leads: [{ row: 2, lead: "A" }] },
      {
        leads: [
          { row: 1.5, lead: "A", company: "", tier: "", created: "", handedOff: "", email: "a@b.example", crmId: "" },
        ],
      },
    ]) {
      const answer = importLeads(request);
      expect(answer.ok).toBe(false);
      expect(answer.message).toMatch(
        /^The import request is not valid \(.+\): nothing was changed\. Allowed: up to 20000 leads/,
      );
    }
    expect(everything(emulator)).toBe(after);
    const lead: ImportLead = {
      row: 2,
      lead: "Ann",
      company: "",
      tier: "",
      created: "",
      handedOff: "2026-12-01 10:00",
      email: "ann@x.example",
      crmId: "",
    };
    const answer = importLeads({
      leads: [
        lead,
        { ...lead, row: 3, handedOff: "1.12.2026" },
        { ...lead, row: 4, tier: "Intern", email: "bo@x.example" },
        { ...lead, row: 5, email: "ANN@x.example" },
      ],
    });
    expect(answer.added).toBe(1);
    expect(answer.rejected).toEqual([
      { row: 3, text: expect.stringContaining('"Handed to sales" is not a date: "1.12.2026"') },
      { row: 4, text: '"Tier" "Intern" is not one of the SLA\'s tiers. Allowed: CEO, Director, Manager.' },
    ]);
    expect(answer.duplicates).toEqual([{ row: 5, text: "E-mail ann@x.example is already in row 2 of the file." }]);

    // With the header row moved it refuses with the build's message, and writes nothing.
    sheet("Leads").insertRowsBefore(1, 2);
    const before = everything(emulator);
    const moved = importLeads({ leads: dialogLeads("import-hubspot-de-excel.csv") });
    expect(moved.ok).toBe(false);
    expect(moved.message).toMatch(/The header row of the tab "Leads" is now row 3/);
    expect(everything(emulator)).toBe(before);
  });

  it("without an SLA it says to build first", () => {
    open();
    expect(getImportState().hasLog).toBe(false);
    expect(importLeads({ leads: [] }).message).toMatch(/^Build the SLA first/);
  });
});

describe("a lead log from before the E-mail and Lead ID columns", () => {
  it("is refused by the import until a rebuild adds both at its right end, keeping every value", () => {
    const emulator = openBuilt();
    const log = sheet("Leads");
    // The log as the previous version made it: 16 columns (no E-mail, Lead ID, Source or goal column, no
    // Leads_Source), then a user's own notes column.
    SpreadsheetApp.getActiveSpreadsheet().removeNamedRange("Leads_Source");
    log.deleteColumns(NEW_LEAD_COLUMNS.email, 4);
    typeLeads(exampleLeads().slice(0, 30));
    log
      .getRange(1, 17, 31, 1)
      .setValues([["My notes"], ...Array.from({ length: 30 }, (_, index) => [`note ${index}`])]);
    const typed = rows(1, 31, 17).map((row) =>
      row.map((cell, column) => (column >= 12 && column <= 15 ? "(calculated)" : cell)),
    );
    const before = everything(emulator);
    expect(importLeads({ leads: dialogLeads("import-hubspot-contacts.csv") }).message).toMatch(
      /has no E-mail and Lead ID columns yet/,
    );
    expect(everything(emulator)).toBe(before);
    build();
    expect(
      rows(1, 31, 17).map((row) => row.map((cell, column) => (column >= 12 && column <= 15 ? "(calculated)" : cell))),
    ).toEqual(typed);
    expect(log.getRange(1, 18, 1, 2).getValues()).toEqual([["E-mail", "Lead ID"]]);
    const answer = importLeads({ leads: dialogLeads("import-hubspot-contacts.csv") });
    expect(answer).toMatchObject({ ok: true, added: 5, firstRow: 32 });
    expect(log.getRange(32, 18, 1, 2).getValues()).toEqual([["jonas.fischer@litware.example", "51234001"]]);
    expect(log.getRange(32, 17).getValue()).toBe("");
  });
});

describe("cost", () => {
  it("uses the same number of document calls for 10 and 900 leads; a log that must grow costs one insert more", () => {
    const counts: number[] = [];
    for (const size of [10, 900, 3000]) {
      const emulator = openBuilt();
      const leads: ImportLead[] = Array.from({ length: size }, (_, index) => ({
        row: index + 2,
        lead: `Lead ${index}`,
        company: "=1+1",
        tier: "Manager",
        created: "2026-12-01 09:00",
        handedOff: "2026-12-01 10:00",
        email: `l${index}@x.example`,
        crmId: String(index),
      }));
      emulator.calls.reset();
      expect(importLeads({ leads }).added).toBe(size);
      counts.push(emulator.calls.documentCalls);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]! + 1);
  });
});
