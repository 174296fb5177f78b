/**
 * Sales reps are named once: the lead log's Owner list, the Follow-up tab's rep table and the Agreement's capacity
 * check all read the SLA's reps, and the table's "other owners" row keeps leads of owners outside the list.
 */
import { describe, expect, it } from "@jest/globals";
import { buildSla } from "../../src/gas/buildSla";
import { labelsFor } from "../../src/workbook/labels";
import { exampleInput, exampleLeads, sheet, spreadsheetPerTest, typeLeads } from "./support";

const { open } = spreadsheetPerTest();

function build(input: Record<string, unknown>): void {
  const result = buildSla(input);
  if (!result.ok) throw new Error(`build failed: ${result.message}`);
}

function withReps(name: string, reps: readonly string[]): Record<string, unknown> {
  const input = exampleInput(name);
  return { ...input, sales: { ...(input.sales as object), reps } };
}

/** The rep table of the Follow-up tab: each row's label and its leads handed off in the picked month. */
function repTable(language: "en" | "de" = "en"): [string, number][] {
  const { followUp: labels, sheets } = labelsFor(language);
  const column = sheet(sheets.followUp).getRange("A1:B200").getValues();
  const header = column.findIndex((row) => row[0] === labels.repHeaders[0]);
  const last = column.findIndex((row) => row[0] === labels.noOwner);
  if (header < 0 || last < header) throw new Error("no rep table");
  return column.slice(header + 1, last + 1).map((row) => [String(row[0]), Number(row[1])]);
}

/** The Agreement's capacity row for the reps: its label and count. */
function capacityReps(tab = "Agreement"): [string, number] {
  const row = sheet(tab)
    .getRange("A1:B200")
    .getValues()
    .find((cells) => /^(Sales reps|Vertriebsmitarbeiter): /.test(String(cells[0])));
  if (!row) throw new Error("no reps row in the capacity check");
  return [String(row[0]), Number(row[1])];
}

function ownerList(): unknown {
  return sheet("Leads").getRange("F2").getDataValidation()?.getCriteriaValues()[0];
}

describe("the sales reps, named once", () => {
  it("are the Owner list, the rep table's rows and the capacity check's count, in English and German", () => {
    for (const [name, tab, language] of [
      ["internal-en.json", "Agreement", "en"],
      ["multilevel-de.json", "Vereinbarung", "de"],
    ] as const) {
      open(name === "internal-en.json" ? "2026-12-15" : "2027-01-15");
      const reps = ["Anna Berg", "Tom Kurz"];
      build(withReps(name, reps));
      const labels = labelsFor(language).followUp;
      expect(ownerList()).toEqual(reps);
      expect(repTable(language).map(([label]) => label)).toEqual([...reps, labels.otherOwners, labels.noOwner]);
      const [label, count] = capacityReps(tab);
      expect(count).toBe(reps.length);
      expect(label).toContain("Anna Berg, Tom Kurz");
    }
  });

  it("count the leads of owners outside the list under other owners, and blank owners apart", () => {
    open();
    build(withReps("internal-en.json", ["Kendra Miles", "Priya Nair"]));
    const leads = exampleLeads().slice(0, 24);
    // Sam Ortiz is not a rep now; one lead has no owner, one an owner typed in other capitals.
    leads[0]![5] = "";
    leads[1]![5] = "KENDRA MILES";
    typeLeads(leads);
    const owners = leads.map((lead) => String(lead[5]).toLowerCase());
    const count = (owner: string): number => owners.filter((typed) => typed === owner).length;
    const other = owners.filter((owner) => !["", "kendra miles", "priya nair"].includes(owner)).length;
    expect(other).toBeGreaterThan(0);
    expect(repTable()).toEqual([
      ["Kendra Miles", count("kendra miles")],
      ["Priya Nair", count("priya nair")],
      ["(other owners)", other],
      ["(no owner)", 1],
    ]);
    // Their speed figures come from the same rows: the other owners' median is a number, no row holds an error.
    const table = sheet("Follow-up").getRange("A1:K200").getValues();
    const otherRow = table.find((row) => row[0] === "(other owners)") ?? [];
    expect(typeof otherRow[5]).toBe("number");
    const first = table.findIndex((row) => row[0] === "Kendra Miles");
    const errors = table.slice(first, first + 4).flatMap((row) => row.filter((cell) => String(cell).startsWith("#")));
    expect(errors).toEqual([]);
    // No lead is left out: the rows add up to the month's leads.
    expect(repTable().reduce((sum, [, leadsOfRow]) => sum + leadsOfRow, 0)).toBe(leads.length);
  });

  it("are written as text where a name looks like a formula", () => {
    open();
    const reps = ["=1+1", "+49 Team", "@Tom"];
    build(withReps("internal-en.json", reps));
    expect(ownerList()).toEqual(reps);
    expect(repTable().map(([label]) => label)).toEqual([...reps, "(other owners)", "(no owner)"]);
    const cells = sheet("Follow-up").getRange("A1:A200");
    const formulas = cells.getFormulas().flat();
    const first = cells
      .getValues()
      .flat()
      .findIndex((cell) => cell === "=1+1");
    expect(formulas.slice(first, first + 3)).toEqual(["", "", ""]);
    expect(capacityReps()[0]).toBe("Sales reps: =1+1, +49 Team, @Tom");
  });
});
