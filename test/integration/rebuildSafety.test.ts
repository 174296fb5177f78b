/**
 * The rebuild cases people reported, each reproduced on the emulator: a
 * user's tab or named range with one of the add-on's names, a column
 * inserted into the lead log, stored state corrupted or deleted, a reworded
 * requirement, sharing while someone builds, and leads pasted below the
 * log's last row.
 */
import { describe, expect, it } from "@jest/globals";
import { buildSla } from "../../src/gas/buildSla";
import { STATE_KEY } from "../../src/gas/documentState";
import { shareWithSales } from "../../src/gas/shareWithSales";
import { startNextMonth } from "../../src/gas/startNextMonth";
import { everything, exampleInput, exampleLeads, sheet, spreadsheetPerTest, typeLeads } from "./support";

const { open, openBuilt, close } = spreadsheetPerTest();

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
      mine.getRange("B2:C3").setValues([
        ["my", "plan"],
        ["far", "note"],
      ]);
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
    openBuilt();
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

  it("gives a log built before the Source column that column at its right end, keeping every value users typed", () => {
    openBuilt();
    const leads = exampleLeads().slice(0, 20);
    typeLeads(leads);
    // The log as an add-on version before lead sources left it: A–R, no Source or goal column, no Leads_Source.
    const book = SpreadsheetApp.getActiveSpreadsheet();
    const log = sheet("Leads");
    expect(log.getRange("S1:T1").getValues()[0]).toEqual(["Source", "Follow-up goal (hours)"]);
    book.removeNamedRange("Leads_Source");
    for (const tag of book.createDeveloperMetadataFinder().withKey("sla.column").find())
      if (["source", "goalHours"].includes(tag.getValue() ?? "")) tag.remove();
    log.getRange("S1:T").clear();
    // Users' own columns beside it, one of them titled like the new column.
    log.getRange("S1").setValue("Campaign");
    log.getRange(2, 19, 20, 1).setValues(leads.map((_, index) => [`Campaign ${index}`]));
    log.getRange("U1").setValue("Source");
    log.getRange(2, 21, 20, 1).setValues(leads.map((_, index) => [index % 2 === 0 ? "Trade fair" : ""]));
    const before = log.getRange(1, 1, 21, 21).getValues();
    // The saved SLA is a version-2 config, which the rebuild migrates: default sources, the reps its sales contacts.
    const input = exampleInput("internal-en.json");
    const { sources: _sources, ...marketing } = input.marketing as Record<string, unknown>;
    const { speedBandMinutes: _bands, ...sales } = input.sales as Record<string, unknown>;
    build({ ...input, version: 2, marketing, sales: { ...sales, reps: 3 } });
    // Every value typed before, headers included, where it was.
    expect(log.getRange(1, 1, 21, 21).getValues()).toEqual(before);
    // The Source column and the goal column come after everything in the log, empty below their headers.
    expect(log.getRange("V1:W1").getValues()[0]).toEqual(["Source", "Follow-up goal (hours)"]);
    expect(
      log
        .getRange(2, 22, 20, 1)
        .getValues()
        .flat()
        .every((cell) => cell === ""),
    ).toBe(true);
    expect(book.getRangeByName("Leads_Source")?.getA1Notation()).toBe("V2:V");
    expect(log.getRange("V2").getDataValidation()?.getCriteriaValues()[0]).toEqual([
      "Website",
      "Event",
      "Paid",
      "Referral",
      "Partner",
      "Other",
    ]);
    // A source typed into the new column counts on the Follow-up tab; the user's own "Source" column stays theirs.
    log.getRange("V2").setValue("Partner");
    const bySource = (name: string): unknown[] | undefined =>
      sheet("Follow-up")
        .getRange("A:C")
        .getValues()
        .find((row) => row[0] === name);
    expect(bySource("Partner")?.slice(1)).toEqual([1, 1]);
    expect(bySource("(no source or another)")?.[1]).toBe(19);
    build();
    expect(log.getRange(1, 1, 21, 21).getValues()).toEqual(before);
    expect(log.getRange("V2").getValue()).toBe("Partner");
  });

  it("keeps every lead-log value when reps are renamed, added and removed; the Follow-up tables move and follow the list", () => {
    openBuilt();
    const input = exampleInput("internal-en.json");
    const sales = input.sales as Record<string, unknown>;
    const leads = exampleLeads().slice(0, 20);
    typeLeads(leads);
    const log = sheet("Leads");
    const typedArea = (): unknown[][] => log.getRange(1, 1, leads.length + 1, log.getLastColumn()).getValues();
    const before = typedArea();
    const byMonth = sheet("Follow-up").getRange("B5:I5").getValues()[0];
    // Sam Ortiz is renamed, Priya Nair leaves, Lee Park and New Rep join: the rep table grows by a row, and the
    // tables below it move.
    const reps = ["Kendra Miles", "Samuel Ortiz", "Lee Park", "New Rep"];
    build({ ...input, sales: { ...sales, reps } });
    expect(typedArea()).toEqual(before);
    expect(log.getRange("F2").getDataValidation()?.getCriteriaValues()[0]).toEqual(reps);
    // The tables below the rep table moved; every table's figures are its formulas' results again, none an old
    // result written back as a value.
    expect(sheet("Follow-up").getRange("B5:I5").getValues()[0]).toEqual(byMonth);
    const table = sheet("Follow-up").getRange("A:D").getValues();
    expect(table.find((row) => row[0] === "New Rep")?.slice(1)).toEqual([0, 0, 0]);
    expect(table.find((row) => row[0] === "(no source or another)")?.slice(1, 3)).toEqual([20, 18]);
    // #N/A is how months not begun keep the charts' lines empty (goal and leads-worked columns H, K, M of the
    // month rows); any other error, or #N/A anywhere else, is a broken figure.
    const errors = sheet("Follow-up")
      .getDataRange()
      .getValues()
      .flatMap((line, row) => line.map((cell, column) => ({ cell, row: row + 1, column: column + 1 })))
      .filter(
        ({ cell, row, column }) =>
          typeof cell === "string" &&
          cell.startsWith("#") &&
          !(cell === "#N/A" && row >= 5 && row <= 16 && [8, 11, 13].includes(column)),
      );
    expect(errors).toEqual([]);
    const column = sheet("Follow-up").getRange("A1:B200").getValues();
    const first = column.findIndex((row) => row[0] === "Kendra Miles");
    const owners = leads.map((lead) => lead[5]);
    const of = (name: string): number => owners.filter((owner) => owner === name).length;
    // The leads of the old names are not lost: they count under other owners until the log is updated.
    expect(column.slice(first, first + 6)).toEqual([
      ["Kendra Miles", of("Kendra Miles")],
      ["Samuel Ortiz", 0],
      ["Lee Park", 0],
      ["New Rep", 0],
      ["(other owners)", of("Sam Ortiz") + of("Priya Nair")],
      ["(no owner)", 0],
    ]);
    expect(of("Sam Ortiz") + of("Priya Nair")).toBeGreaterThan(0);
    // The sales team types the new name into the log; the next build keeps it and counts it.
    const samRows = owners.flatMap((owner, index) => (owner === "Sam Ortiz" ? [index + 2] : []));
    for (const row of samRows) log.getRange(row, 6).setValue("Samuel Ortiz");
    const typed = typedArea();
    build({ ...input, sales: { ...sales, reps: reps.slice(0, 2) } });
    expect(typedArea()).toEqual(typed);
    expect(
      sheet("Follow-up")
        .getRange(first + 1, 1, 4, 2)
        .getValues(),
    ).toEqual([
      ["Kendra Miles", of("Kendra Miles")],
      ["Samuel Ortiz", samRows.length],
      ["(other owners)", of("Priya Nair")],
      ["(no owner)", 0],
    ]);
  });

  it("keeps a reworded or moved requirement's checklist counts, and every typed value when the state is damaged", () => {
    openBuilt();
    const input = exampleInput("internal-en.json");
    const first = checklistCell(0);
    const second = checklistCell(1);
    first.setValue(2);
    second.setValue(1);
    const requirements = input.requirements as { text: string }[];
    build({
      ...input,
      requirements: [{ ...requirements[0]!, text: "Weekly pipeline report, reworded" }, ...requirements.slice(1)],
    });
    expect([first.getValue(), second.getValue()]).toEqual([2, 1]);
    // Swapped: each count goes with its requirement.
    build({
      ...input,
      requirements: [
        requirements[1]!,
        { ...requirements[0]!, text: "Weekly pipeline report, reworded" },
        ...requirements.slice(2),
      ],
    });
    expect([first.getValue(), second.getValue()]).toEqual([1, 2]);
    // Reworded and moved in one build: the new wording takes the counts its old wording left.
    const reworded = {
      ...input,
      requirements: [
        { ...requirements[0]!, text: "Pipeline report every week" },
        requirements[1]!,
        ...requirements.slice(2),
      ],
    };
    build(reworded);
    expect([first.getValue(), second.getValue()]).toEqual([2, 1]);
    // The stored state corrupt, junk or deleted: the same rebuild keeps every typed value and reads junk as missing.
    const count = first;
    count.setValue(3);
    sheet("2026-12").getRange("H32").setValue("Webinar moved");
    const props = PropertiesService.getDocumentProperties();
    for (const damage of ["corrupt", "junk", "deleted"] as const) {
      if (damage === "corrupt") props.setProperty(`${STATE_KEY}.0`, "{not json");
      if (damage === "junk") {
        props.setProperty(`${STATE_KEY}.0`, JSON.stringify({ revision: 4, months: ["2026-12", null, 7] }));
        props.setProperty(`${STATE_KEY}.parts`, "1");
      }
      if (damage === "deleted")
        for (const key of Object.keys(props.getProperties())) if (key.startsWith(STATE_KEY)) props.deleteProperty(key);
      expect(build(reworded).ok).toBe(true);
      expect(count.getValue()).toBe(3);
      expect(sheet("2026-12").getRange("H32").getValue()).toBe("Webinar moved");
    }
    // With the config gone too, Start next month says so and writes nothing.
    props.deleteAllProperties();
    expect(startNextMonth({ use: "agreed" })).toMatchObject({ ok: false, reason: "noSla" });
  });

  it("calculates leads pasted below the log's last row at once, without a build; shares only under the lock", () => {
    const emulator = openBuilt();
    const log = sheet("Leads");
    const below = log.getMaxRows() + 5;
    log.insertRowsAfter(log.getMaxRows(), 10);
    log.getRange(below, 1, 1, 12).setValues([exampleLeads()[0]!.map((cell) => cell)]);
    expect(typeof log.getRange(below, 13).getValue()).toBe("number");
    expect(log.getRange(below, 14).getValue()).toBe("On time");

    const release = emulator.holdDocumentLockElsewhere();
    emulator.calls.reset();
    const result = shareWithSales({ emails: ["sam@example.com"], mode: "strict" });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/right now/);
    expect(emulator.calls.byKind.write ?? 0).toBe(0);
    release();
    expect(shareWithSales({ emails: ["sam@example.com"], mode: "strict" }).ok).toBe(true);
  });
});
