/**
 * The rebuild cases people reported, each reproduced on the emulator: a
 * user's tab or named range with one of the add-on's names, a column
 * inserted into the lead log, stored state corrupted or deleted, a reworded
 * requirement, sharing while someone builds, and leads pasted below the
 * log's last row.
 */
import { describe, expect, it } from "@jest/globals";
import type { Emulator } from "../../playground/emulator";
import { buildSla } from "../../src/gas/buildSla";
import { STATE_KEY } from "../../src/gas/documentState";
import { shareWithSales } from "../../src/gas/shareWithSales";
import { startNextMonth } from "../../src/gas/startNextMonth";
import { everything, exampleInput, exampleLeads, sheet, spreadsheetPerTest, typeLeads } from "./support";

const { open, close } = spreadsheetPerTest();

function build(input: Record<string, unknown> = exampleInput("internal-en.json")) {
  const result = buildSla(input);
  if (!result.ok) throw new Error(`build failed: ${result.message}`);
  return result;
}

/** The checklist cell of a requirement (0-based) in the SLA's first month. */
function checklistCell(requirement: number): GoogleAppsScript.Spreadsheet.Range {
  const agreement = sheet("Agreement");
  const title = agreement
    .getRange("A:A")
    .getValues()
    .findIndex((row) => String(row[0]).startsWith("Requirements checklist"));
  // The title, the header row with the requirements, then the first month.
  return agreement.getRange(title + 3, 2 + requirement);
}


describe("a rebuild over what people did to the shared sheet", () => {
  it("refuses a user's own tab with one of the add-on's names, in any letter case, and names it", () => {
    for (const name of ["Agreement", "agreement", "LEADS", "2026-12"]) {
      const emulator = open();
      const mine = SpreadsheetApp.getActiveSpreadsheet().insertSheet(name);
      mine.getRange("B2:C3").setValues([["my", "plan"], ["far", "note"]]);
      const before = everything(emulator);
      emulator.calls.reset();
      const result = buildSla(exampleInput("internal-en.json"));
      expect(result).toMatchObject({ ok: false, reason: "tabNameTaken" });
      expect(result.ok ? "" : result.message).toContain(`"${name}"`);
      expect(emulator.calls.byKind.write ?? 0).toBe(0);
      expect(everything(emulator)).toBe(before);
      close();
    }
  });

  it("refuses to take over a user's named range of the same name", () => {
    const emulator = open();
    const book = SpreadsheetApp.getActiveSpreadsheet();
    const plan = book.insertSheet("Plan");
    plan.getRange("B2").setValue(750000);
    book.setNamedRange("Quota", plan.getRange("B2"));
    plan.getRange("C2").setFormula("=Quota*2");
    const before = everything(emulator);
    const result = buildSla(exampleInput("internal-en.json"));
    expect(result).toMatchObject({ ok: false, reason: "namedRangeTaken" });
    expect(result.ok ? "" : result.message).toContain("'Plan'!B2");
    expect(everything(emulator)).toBe(before);
    expect(book.getRangeByName("Quota")?.getSheet().getName()).toBe("Plan");
  });

  it("keeps a column users inserted into the lead log, and writes formulas and formats where the columns are now", () => {
    open();
    build();
    const leads = exampleLeads().slice(0, 20);
    typeLeads(leads);
    const log = sheet("Leads");
    log.insertColumnsBefore(3, 1);
    log.getRange("C1").setValue("Region");
    log.getRange(2, 3, 20, 1).setValues(leads.map((_, index) => [`Region ${index}`]));
    const closedOn = log.getRange(2, 13, 20, 1).getValues();
    const revenue = log.getRange(2, 12, 20, 1).getValues();
    build();
    expect(log.getRange("C1").getValue()).toBe("Region");
    expect(log.getRange(2, 3, 20, 1).getValues()).toEqual(leads.map((_, index) => [`Region ${index}`]));
    expect(log.getRange(2, 13, 20, 1).getValues()).toEqual(closedOn);
    expect(log.getRange(2, 12, 20, 1).getValues()).toEqual(revenue);
    // Response hours sit in N now, and read the moved columns: the first lead was answered 1.35 h after its hand-off.
    expect(log.getRange("N1").getValue()).toBe("Response hours");
    expect(typeof log.getRange("N2").getValue()).toBe("number");
    expect(log.getRange("L2").getNumberFormat()).not.toMatch(/yy|dd/);
    expect(log.getRange("M2").getNumberFormat()).toMatch(/yy/);
    // The next build finds the columns by their metadata without the header text.
    log.getRange("L1").setValue("Umsatz (edited)");
    build();
    expect(log.getRange(2, 12, 20, 1).getValues()).toEqual(revenue);
    expect(log.getRange("L1").getValue()).toBe("Revenue");
  });

  it("keeps every typed value when the stored state is corrupt or deleted, and reads junk as missing", () => {
    open();
    build();
    const count = checklistCell(0);
    count.setValue(3);
    sheet("2026-12").getRange("H32").setValue("Webinar moved");
    const props = PropertiesService.getDocumentProperties();
    for (const damage of ["corrupt", "junk", "deleted"] as const) {
      if (damage === "corrupt") props.setProperty(`${STATE_KEY}.0`, "{not json");
      if (damage === "junk") {
        props.setProperty(`${STATE_KEY}.0`, JSON.stringify({ revision: 4, months: ["2026-12", null, 7] }));
        props.setProperty(`${STATE_KEY}.parts`, "1");
      }
      if (damage === "deleted") for (const key of Object.keys(props.getProperties())) if (key.startsWith(STATE_KEY)) props.deleteProperty(key);
      expect(build().ok).toBe(true);
      expect(count.getValue()).toBe(3);
      expect(sheet("2026-12").getRange("H32").getValue()).toBe("Webinar moved");
    }
    // With the config gone too, Start next month says so and writes nothing.
    props.deleteAllProperties();
    expect(startNextMonth({ use: "agreed" })).toMatchObject({ ok: false, reason: "noSla" });
  });

  it("keeps a reworded requirement's checklist counts, and a moved one's", () => {
    open();
    const input = exampleInput("internal-en.json");
    build(input);
    const first = checklistCell(0);
    const second = checklistCell(1);
    first.setValue(2);
    second.setValue(1);
    const requirements = input.requirements as { text: string }[];
    build({ ...input, requirements: [{ ...requirements[0]!, text: "Weekly pipeline report, reworded" }, ...requirements.slice(1)] });
    expect([first.getValue(), second.getValue()]).toEqual([2, 1]);
    // Swapped: each count goes with its requirement.
    build({ ...input, requirements: [requirements[1]!, { ...requirements[0]!, text: "Weekly pipeline report, reworded" }, ...requirements.slice(2)] });
    expect([first.getValue(), second.getValue()]).toEqual([1, 2]);
    // Reworded and moved in one build: the new wording takes the counts its old wording left.
    build({ ...input, requirements: [{ ...requirements[0]!, text: "Pipeline report every week" }, requirements[1]!, ...requirements.slice(2)] });
    expect([first.getValue(), second.getValue()]).toEqual([2, 1]);
  });

  it("shares only under the document lock", () => {
    const emulator = open();
    build();
    const release = emulator.holdDocumentLockElsewhere();
    emulator.calls.reset();
    const result = shareWithSales({ emails: ["sam@example.com"], mode: "strict" });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/right now/);
    expect(emulator.calls.byKind.write ?? 0).toBe(0);
    release();
    expect(shareWithSales({ emails: ["sam@example.com"], mode: "strict" }).ok).toBe(true);
  });

  it("calculates leads pasted below the log's last row at once, without a build", () => {
    open();
    build();
    const log = sheet("Leads");
    const below = log.getMaxRows() + 5;
    log.insertRowsAfter(log.getMaxRows(), 10);
    log.getRange(below, 1, 1, 12).setValues([exampleLeads()[0]!.map((cell) => cell)]);
    expect(typeof log.getRange(below, 13).getValue()).toBe("number");
    expect(log.getRange(below, 14).getValue()).toBe("On time");
  });
});
