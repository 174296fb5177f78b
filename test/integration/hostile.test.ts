/**
 * Hostile attacks on rebuild, Start next month and Share (issue 12): each
 * test does what a careless or hostile user might, then asserts the safe
 * outcome (every typed value kept, or a refusal that wrote nothing, and never
 * a raw error).
 *
 * Each test is an attack a hostile review found or tried, reproduced as it
 * was done, so none of them loses data.
 */
import { describe, expect, it } from "@jest/globals";
import type { Emulator } from "../../playground/emulator";
import { buildSla } from "../../src/gas/buildSla";
import { loadDocumentState, STATE_KEY } from "../../src/gas/documentState";
import { shareWithSales } from "../../src/gas/shareWithSales";
import { startNextMonth } from "../../src/gas/startNextMonth";
import { everything, exampleInput, exampleLeads, sheet, spreadsheetPerTest, typeLeads } from "./support";

const { openBuilt } = spreadsheetPerTest();
const book = (): GoogleAppsScript.Spreadsheet.Spreadsheet => SpreadsheetApp.getActiveSpreadsheet();
const input = (): Record<string, unknown> => exampleInput("internal-en.json");
function build(config: Record<string, unknown> = input()): ReturnType<typeof buildSla> {
  const result = buildSla(config);
  if (!result.ok) throw new Error(`build failed: ${result.message}`);
  return result;
}
function deleteState(): void {
  const props = PropertiesService.getDocumentProperties();
  for (const key of Object.keys(props.getProperties())) if (key.startsWith(STATE_KEY)) props.deleteProperty(key);
}
/** Either refused and wrote nothing, or ok and `check` holds. */
function safe(
  emulator: Emulator,
  run: () => { ok: boolean; message: string },
  check: () => void,
): { ok: boolean; message: string } {
  const before = everything(emulator);
  const result = run();
  if (!result.ok) expect(everything(emulator)).toBe(before);
  else check();
  return result;
}
function tabMetadata(
  tab: GoogleAppsScript.Spreadsheet.Sheet,
): GoogleAppsScript.Spreadsheet.DeveloperMetadata | undefined {
  return tab.getDeveloperMetadata().find((m) => m.getKey() === "sla.tab");
}
const withTiers = (n: number): Record<string, unknown> => {
  const config = input();
  const marketing = config.marketing as { tiers: { name: string; valuePerLead: number }[] };
  return {
    ...config,
    marketing: {
      ...marketing,
      tiers: Array.from({ length: n }, (_, i) => ({ name: `Tier ${i}`, valuePerLead: 10 + i })),
    },
  };
};
const withHolidays = (n: number): Record<string, unknown> => {
  const config = input();
  const sales = config.sales as Record<string, unknown>;
  const days = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2027, 0, 4 + i)).toISOString().slice(0, 10));
  return { ...config, sales: { ...sales, holidays: days } };
};

describe("hostile: free cells inside a generated tab", () => {
  const goalChange = (): Record<string, unknown> => {
    const config = input();
    return { ...config, sales: { ...(config.sales as object), followUpHours: 6 } };
  };

  it("a note typed beside the goal table survives Start next month", () => {
    const emulator = openBuilt("2027-01-05");
    const agreement = sheet("Agreement");
    agreement.getRange("D13").setValue("ask Kendra");
    safe(
      emulator,
      () => startNextMonth({ use: "agreed", early: true }),
      () => expect(agreement.getRange("D13").getValue()).toBe("ask Kendra"),
    );
  });

  it("a note typed below the holidays list survives a rebuild with more holidays", () => {
    const emulator = openBuilt();
    sheet("Agreement").getRange("I12").setValue("Office closed 31st?");
    safe(
      emulator,
      () => buildSla(withHolidays(30)),
      () => expect(sheet("Agreement").getRange("I12").getValue()).toBe("Office closed 31st?"),
    );
  });

  it("a note typed next to the follow-up goal survives a rebuild with one more tier", () => {
    const emulator = openBuilt();
    sheet("Agreement").getRange("D28").setValue("ask Kendra");
    safe(
      emulator,
      () => buildSla(withTiers(4)),
      () => expect(sheet("Agreement").getRange("D28").getValue()).toBe("ask Kendra"),
    );
  });

  it("notes in every blank, formula-free cell of the Agreement (D13 beside the goal table too) survive a goal change", () => {
    const emulator = openBuilt();
    const agreement = sheet("Agreement");
    const area = agreement.getRange("A1:J108");
    const values = area.getValues();
    const formulas = area.getFormulas();
    const inputs = new Set(Object.values(loadDocumentState().state.layout!.sheets.agreement!.inputs));
    const typed: [number, number, string][] = [];
    values.forEach((line, r) =>
      line.forEach((cell, c) => {
        const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
        if (cell === "" && formulas[r]![c] === "" && !inputs.has(a1)) typed.push([r + 1, c + 1, `note ${a1}`]);
      }),
    );
    // D13, the blank cell beside the goal table, is one of them.
    expect(typed.map(([, , text]) => text)).toContain("note D13");
    for (const [r, c, text] of typed) agreement.getRange(r, c).setValue(text);
    safe(
      emulator,
      () => buildSla(goalChange()),
      () => {
        const lost = typed
          .filter(([r, c, text]) => agreement.getRange(r, c).getValue() !== text)
          .map(([, , text]) => text);
        expect({ lost: lost.length, of: typed.length }).toEqual({ lost: 0, of: typed.length });
      },
    );
  });
});

describe("hostile: the lead log's header row", () => {
  it("a title typed above the header (row inserted at the top) survives a rebuild", () => {
    const emulator = openBuilt();
    typeLeads(exampleLeads().slice(0, 5));
    const log = sheet("Leads");
    log.insertRowsBefore(1, 1);
    log.getRange("A1").setValue("Q4 leads – do not sort");
    const leads = log.getRange(3, 1, 5, 12).getValues();
    safe(
      emulator,
      () => buildSla(input()),
      () => {
        expect(log.getRange("A1").getValue()).toBe("Q4 leads – do not sort");
        expect(log.getRange(3, 1, 5, 12).getValues()).toEqual(leads);
      },
    );
  });

  it("the first lead survives a rebuild after the header row was deleted", () => {
    const emulator = openBuilt();
    typeLeads(exampleLeads().slice(0, 5));
    const log = sheet("Leads");
    log.deleteRows(1, 1);
    const leads = log.getRange(1, 1, 5, 12).getValues();
    safe(
      emulator,
      () => buildSla(input()),
      () => {
        const all = log
          .getRange(1, 1, log.getMaxRows(), 12)
          .getValues()
          .map((row) => JSON.stringify(row));
        for (const lead of leads) expect(all).toContain(JSON.stringify(lead));
      },
    );
  });
});

describe("hostile: the lead log's columns", () => {
  it("a user's own 'Follow-up status' column, after ours was deleted, keeps its values", () => {
    const emulator = openBuilt();
    typeLeads(exampleLeads().slice(0, 5));
    const log = sheet("Leads");
    const status = log.getRange("1:1").getValues()[0]!.indexOf("Follow-up status") + 1;
    expect(status).toBeGreaterThan(0);
    log.deleteColumns(status, 1);
    log.insertColumnsAfter(log.getMaxColumns(), 1);
    const mine = log.getMaxColumns();
    log.getRange(1, mine).setValue("Follow-up status");
    log.getRange(2, mine, 5, 1).setValues([["hot"], ["cold"], ["call back"], ["hot"], ["lost"]]);
    safe(
      emulator,
      () => buildSla(input()),
      () =>
        expect(log.getRange(2, mine, 5, 1).getValues()).toEqual([["hot"], ["cold"], ["call back"], ["hot"], ["lost"]]),
    );
  });

  it("a value a user typed over a calculated column (Leads!N4) is kept or refused", () => {
    const emulator = openBuilt();
    typeLeads(exampleLeads().slice(0, 5));
    const log = sheet("Leads");
    log.getRange("N4").setValue("lost – see CRM");
    safe(
      emulator,
      () => buildSla(input()),
      () => expect(log.getRange("N4").getValue()).toBe("lost – see CRM"),
    );
  });

  it("a user's own dropdown in a column they inserted and their own conditional format on the log survive a rebuild", () => {
    openBuilt();
    typeLeads(exampleLeads().slice(0, 5));
    const log = sheet("Leads");
    log.insertColumnsBefore(3, 1);
    log.getRange("C1").setValue("Region");
    log
      .getRange("C2:C6")
      .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(["EMEA", "APAC"], true).build());
    log.insertColumnsAfter(log.getMaxColumns(), 1);
    const mine = log.getRange(2, log.getMaxColumns(), 10, 1);
    log.setConditionalFormatRules([
      ...log.getConditionalFormatRules(),
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo("hot")
        .setBackground("#ff0000")
        .setRanges([mine])
        .build(),
    ]);
    const count = log.getConditionalFormatRules().length;
    build();
    expect(log.getRange("C2").getDataValidation()).not.toBeNull();
    expect(log.getConditionalFormatRules().length).toBe(count);
  });
});

describe("hostile: named ranges", () => {
  it("a user's own FollowUpGoalHours (ours deleted, theirs made) is not repointed when the layout moves", () => {
    const emulator = openBuilt();
    const plan = book().insertSheet("Plan");
    plan.getRange("B2").setValue(8);
    book()
      .getNamedRanges()
      .find((n) => n.getName() === "FollowUpGoalHours")!
      .remove();
    book().setNamedRange("FollowUpGoalHours", plan.getRange("B2"));
    plan.getRange("C2").setFormula("=FollowUpGoalHours*2");
    safe(
      emulator,
      () => buildSla(withTiers(4)),
      () => expect(book().getRangeByName("FollowUpGoalHours")!.getSheet().getName()).toBe("Plan"),
    );
  });
});

describe("hostile: metadata edited by hand", () => {
  it("a junk frame in a tab's record gives an answer, not a raw error (and nothing half-written)", () => {
    const emulator = openBuilt();
    const before = () => everything(emulator);
    const meta = tabMetadata(sheet("Agreement"))!;
    const record = JSON.parse(meta.getValue()!) as { sheet: Record<string, unknown> };
    record.sheet.frame = "not json";
    record.sheet.hash = "changed";
    meta.setValue(JSON.stringify(record));
    deleteState();
    const was = before();
    let result: { ok: boolean; message: string } | undefined;
    expect(() => (result = buildSla(withTiers(4)))).not.toThrow();
    if (!result!.ok) expect(everything(emulator)).toBe(was);
  });

  it("junk frame in the stored state gives an answer, not a raw error", () => {
    openBuilt();
    const props = PropertiesService.getDocumentProperties();
    const all = props.getProperties();
    const parts = Number(all[`${STATE_KEY}.parts`] ?? 1);
    const text = Array.from({ length: parts }, (_, i) => all[`${STATE_KEY}.${i}`] ?? "").join("");
    const state = JSON.parse(text);
    state.layout.sheets.agreement.frame = "[";
    state.layout.sheets.agreement.hash = "x";
    props.setProperty(`${STATE_KEY}.0`, JSON.stringify(state));
    props.setProperty(`${STATE_KEY}.parts`, "1");
    expect(() => buildSla(withTiers(4))).not.toThrow();
  });

  it("the Agreement's metadata changed to the lead log's key", () => {
    const emulator = openBuilt();
    tabMetadata(sheet("Agreement"))!.setValue(JSON.stringify({ key: "leads" }));
    deleteState();
    typeLeads(exampleLeads().slice(0, 5));
    const leads = sheet("Leads").getRange(2, 1, 5, 12).getValues();
    safe(
      emulator,
      () => buildSla(input()),
      () => expect(sheet("Leads").getRange(2, 1, 5, 12).getValues()).toEqual(leads),
    );
  });

  it("a user's copy of the Agreement carrying its metadata, state lost, original renamed", () => {
    const emulator = openBuilt();
    const original = sheet("Agreement");
    const copy = book().insertSheet("My agreement copy", 0);
    copy.getRange("A1:J20").setValues(original.getRange("A1:J20").getValues());
    copy.getRange("D5").setValue("my copy note");
    copy.addDeveloperMetadata("sla.tab", tabMetadata(original)!.getValue()!);
    original.setName("Agreement (old)");
    original.getRange("D5").setValue("original note");
    deleteState();
    safe(
      emulator,
      () => buildSla(input()),
      () => {
        expect(book().getSheetByName("My agreement copy") ?? book().getSheetByName("Agreement")).toBeTruthy();
        const notes = book()
          .getSheets()
          .map((s) => s.getRange("D5").getValue());
        expect(notes).toContain("my copy note");
        expect(notes).toContain("original note");
      },
    );
  });

  it("metadata removed from every tab, state kept", () => {
    const emulator = openBuilt();
    for (const tab of book().getSheets()) tabMetadata(tab)?.remove();
    sheet("2026-12").getRange("H32").setValue("Webinar moved");
    safe(
      emulator,
      () => buildSla(input()),
      () => expect(sheet("2026-12").getRange("H32").getValue()).toBe("Webinar moved"),
    );
  });
});

describe("hostile: names", () => {
  it("a month tab renamed to the next month's name, then Start next month", () => {
    const emulator = openBuilt("2027-01-05");
    sheet("2026-12").getRange("H32").setValue("Webinar moved");
    sheet("2026-12").setName("2027-02");
    safe(
      emulator,
      () => startNextMonth({ use: "agreed", early: true }),
      () => expect(sheet("2027-02").getRange("H32").getValue()).toBe("Webinar moved"),
    );
  });

  it("Start next month after the stored state was lost", () => {
    const emulator = openBuilt("2027-01-05");
    sheet("2026-12").getRange("H32").setValue("Webinar moved");
    deleteState();
    safe(
      emulator,
      () => startNextMonth({ use: "recalculated", early: true }),
      () => expect(sheet("2026-12").getRange("H32").getValue()).toBe("Webinar moved"),
    );
  });

  it("share after the lead log was renamed", () => {
    openBuilt();
    sheet("Leads").setName("Pipeline");
    const result = shareWithSales({ emails: ["sam@example.com"], mode: "warning" });
    expect(result.ok).toBe(true);
    expect(sheet("Pipeline").getProtections(SpreadsheetApp.ProtectionType.RANGE).length).toBeGreaterThan(0);
  });

  it("switching to German with the user's own 'Nachverfolgung' tab refuses", () => {
    const emulator = openBuilt();
    const mine = book().insertSheet("NACHVERFOLGUNG");
    mine.getRange("A1").setValue("mine");
    const result = safe(
      emulator,
      () => buildSla({ ...input(), language: "de" }),
      () => expect(mine.getRange("A1").getValue()).toBe("mine"),
    );
    expect(result.ok).toBe(false);
  });

  it("two month tabs with their names swapped: a rebuild keeps each tab's notes", () => {
    const emulator = openBuilt("2027-01-05");
    sheet("2026-12").getRange("H32").setValue("december note");
    sheet("2027-01").getRange("H32").setValue("january note");
    sheet("2026-12").setName("tmp");
    sheet("2027-01").setName("2026-12");
    sheet("tmp").setName("2027-01");
    safe(
      emulator,
      () => buildSla(input()),
      () => {
        const notes = book()
          .getSheets()
          .map((tab) => tab.getRange("H32").getValue());
        expect(notes).toEqual(expect.arrayContaining(["december note", "january note"]));
      },
    );
  });
});

describe("hostile: tabs deleted between operations, and large inputs", () => {
  it("Start next month after the lead log and Follow-up were deleted", () => {
    openBuilt("2027-01-05");
    sheet("Agreement").getRange("B51").setValue(3);
    book().deleteSheet(sheet("Leads"));
    book().deleteSheet(sheet("Follow-up"));
    expect(() => startNextMonth({ use: "recalculated", early: true })).not.toThrow();
    expect(sheet("Agreement").getRange("B51").getValue()).toBe(3);
  });

  it("share after the Agreement was deleted gives an answer", () => {
    openBuilt();
    book().deleteSheet(sheet("Agreement"));
    expect(() => shareWithSales({ emails: ["sam@example.com"], mode: "strict" })).not.toThrow();
  });

  it("very many holidays and requirements: an answer, never a raw error", () => {
    openBuilt();
    const config = withHolidays(300);
    const requirements = Array.from({ length: 60 }, (_, i) => ({
      from: i % 2 ? "sales" : "marketing",
      to: i % 2 ? "marketing" : "sales",
      text: `Requirement ${i}`,
      perMonth: 1,
    }));
    let result: { ok: boolean; message: string } | undefined;
    expect(() => (result = buildSla({ ...config, requirements }))).not.toThrow();
    expect(typeof result!.message).toBe("string");
  });

  it("a user's duplicate of the lead log, carrying its tab and column metadata, is left alone", () => {
    const emulator = openBuilt();
    typeLeads(exampleLeads().slice(0, 5));
    const log = sheet("Leads");
    const copy = book().insertSheet("Leads archive");
    copy.getRange(1, 1, 6, 12).setValues(log.getRange(1, 1, 6, 12).getValues());
    copy.getRange("M2").setValue("archived by hand");
    copy.addDeveloperMetadata("sla.tab", tabMetadata(log)!.getValue()!);
    for (const m of log.createDeveloperMetadataFinder().withKey("sla.column").find()) {
      const column = m.getLocation().getColumn()!.getColumn();
      const letter = String.fromCharCode(64 + column);
      copy.getRange(`${letter}:${letter}`).addDeveloperMetadata("sla.column", m.getValue()!);
    }
    deleteState();
    safe(
      emulator,
      () => buildSla(input()),
      () => expect(copy.getRange("M2").getValue()).toBe("archived by hand"),
    );
  });
});
