/**
 * The import's pure logic on the example exports under examples/: reading
 * the file (BOM, `;` or `,`, quoted newlines), mapping headers, dates,
 * duplicates and rejections, and properties over random input.
 */
import { describe, expect, it } from "@jest/globals";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { zoneNamed } from "../../src/core/time";
import { readCsv, type CsvParse } from "../../src/import/csv";
import { columnOrder, readDate, wallText } from "../../src/import/dates";
import { guessMapping, mappingProblems } from "../../src/import/fields";
import {
  checkLead,
  duplicateText,
  planImport,
  rejectionText,
  splitDuplicates,
  type ImportInput,
  type ImportLead,
} from "../../src/import/plan";

const csvParse = parse as unknown as CsvParse;
const berlin = zoneNamed("Europe/Berlin");
const TIERS = ["CEO", "Director", "Manager"];
const NONE = { ids: new Set<string>(), emails: new Set<string>() };

function example(name: string) {
  return readCsv(readFileSync(join(process.cwd(), "examples", name), "utf8"), csvParse);
}

function planOf(name: string, extra: Partial<ImportInput> = {}) {
  const table = example(name);
  return planImport({
    rows: table.rows,
    mapping: guessMapping(table.header),
    orders: new Map(),
    zone: berlin,
    tiers: TIERS,
    existing: NONE,
    ...extra,
  });
}

describe("reading the example exports", () => {
  it("reads the HubSpot-like export: commas, quoted newline kept inside its cell, one record per lead", () => {
    const table = example("import-hubspot-contacts.csv");
    expect(table.delimiter).toBe(",");
    expect(table.header[0]).toBe("Record ID");
    expect(table.rows).toHaveLength(10);
    expect(table.rows[1]![10]).toBe("Asked for a demo\nafter the webinar");
    expect(table.rows[3]![4]).toBe('=HYPERLINK("http://evil.example","Trey")');
  });

  it("reads the German Excel file: BOM gone from the first header, `;` found, `;` inside quotes kept", () => {
    const table = example("import-hubspot-de-excel.csv");
    expect(table.delimiter).toBe(";");
    expect(table.header[0]).toBe("Datensatz-ID");
    expect(table.rows[1]![4]).toBe("Muster & Söhne; Zweigwerk Süd");
    expect(table.rows.every((row) => row.length === 9)).toBe(true);
  });

  it("reads the Salesforce-like export with commas inside quoted dates and company names", () => {
    const table = example("import-salesforce-leads.csv");
    expect(table.delimiter).toBe(",");
    expect(table.rows[1]![4]).toBe("Tailspin Toys, Inc.");
    expect(table.rows[0]![8]).toBe("12/1/2026, 9:05 AM");
  });
});

describe("mapping headers", () => {
  it("knows HubSpot's, Salesforce's and the German headers; first and last name both feed the lead", () => {
    expect(guessMapping(example("import-hubspot-contacts.csv").header)).toEqual([
      "crmId",
      "lead",
      "lead",
      "email",
      "company",
      "tier",
      null,
      "created",
      "handedOff",
      null,
      null,
    ]);
    expect(guessMapping(example("import-salesforce-leads.csv").header)).toEqual([
      "crmId",
      "lead",
      "lead",
      null,
      "company",
      "email",
      null,
      null,
      "created",
      "handedOff",
      null,
    ]);
    expect(guessMapping(example("import-hubspot-de-excel.csv").header)).toEqual([
      "crmId",
      "lead",
      "lead",
      "email",
      "company",
      "tier",
      "created",
      "handedOff",
      null,
    ]);
  });

  it("falls back to generic headers, and maps a one-column field once", () => {
    expect(guessMapping(["Name", "Company", "E-mail", "Created", "Email", "ID"])).toEqual([
      "lead",
      "company",
      "email",
      "created",
      null,
      "crmId",
    ]);
    // The whole name wins over its parts, so no name is written twice.
    expect(guessMapping(["Lead ID", "First Name", "Last Name", "Full Name"])).toEqual(["crmId", null, null, "lead"]);
  });

  it("names what stops an import: no name, no key, a one-column field twice", () => {
    expect(mappingProblems(["company", "created"])).toEqual([{ kind: "noLead" }, { kind: "noKey" }]);
    expect(mappingProblems(["lead", "email", "created", "created"])).toEqual([
      { kind: "twice", field: "created", columns: [2, 3] },
    ]);
    expect(mappingProblems(["lead", "lead", "crmId"])).toEqual([]);
  });
});

describe("dates", () => {
  it("reads ISO, German, slashed with AM/PM, instants in the spreadsheet's zone", () => {
    expect(readDate("2026-12-01", berlin)).toEqual({ ok: true, wall: "2026-12-01 00:00" });
    expect(readDate("2026-12-01T09:52:07", berlin)).toEqual({ ok: true, wall: "2026-12-01 09:52:07" });
    expect(readDate("2026-12-01T08:52:00Z", berlin)).toEqual({ ok: true, wall: "2026-12-01 09:52" });
    expect(readDate("2026-07-01T08:00:00-04:00", berlin)).toEqual({ ok: true, wall: "2026-07-01 14:00" });
    expect(readDate("01.12.2026 09:52", berlin)).toEqual({ ok: true, wall: "2026-12-01 09:52" });
    expect(readDate("12/1/2026, 2:15 PM", berlin, "monthFirst")).toEqual({ ok: true, wall: "2026-12-01 14:15" });
    expect(readDate("12/1/2026 12:05 AM", berlin, "dayFirst")).toEqual({ ok: true, wall: "2026-01-12 00:05" });
    expect(readDate(String(Date.UTC(2026, 11, 1, 8, 52)), berlin)).toEqual({ ok: true, wall: "2026-12-01 09:52" });
  });

  it("refuses impossible dates, slashed dates without an order, and numbers that are no epoch", () => {
    for (const text of ["31.11.2026", "2026-02-30", "soon", "12/01/2026", "123456789012345", "13/13/2026"])
      expect(readDate(text, berlin, text === "13/13/2026" ? "dayFirst" : undefined)).toEqual({ ok: false });
  });

  it("asks about a column no value decides; a value above 12 decides it", () => {
    expect(columnOrder(["03/04/2026", "05/04/2026 10:30"])).toEqual({ kind: "ask", sample: "03/04/2026" });
    expect(columnOrder(["03/04/2026", "13/04/2026"])).toEqual({ kind: "decided", order: "dayFirst" });
    expect(columnOrder(["03/04/2026", "04/13/2026"])).toEqual({ kind: "decided", order: "monthFirst" });
    expect(columnOrder(["2026-12-01", ""])).toEqual({ kind: "none" });
  });

  it("property: any wall time written in each supported form reads back the same (300 cases each)", () => {
    const wall = fc
      .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31, 23, 59)), noInvalidDate: true })
      .map((date) => Math.floor(date.getTime() / 60_000) * 60_000);
    fc.assert(
      fc.property(wall, (ms) => {
        const d = new Date(ms);
        const [y, mo, da, h, mi] = [
          d.getUTCFullYear(),
          d.getUTCMonth() + 1,
          d.getUTCDate(),
          d.getUTCHours(),
          d.getUTCMinutes(),
        ];
        const p = (n: number) => String(n).padStart(2, "0");
        const expected = wallText(ms);
        const h12 = h % 12 === 0 ? 12 : h % 12;
        expect(readDate(`${y}-${p(mo)}-${p(da)}T${p(h)}:${p(mi)}`, berlin)).toEqual({ ok: true, wall: expected });
        expect(readDate(`${p(da)}.${p(mo)}.${y} ${p(h)}:${p(mi)}`, berlin)).toEqual({ ok: true, wall: expected });
        expect(readDate(`${mo}/${da}/${y} ${h12}:${p(mi)} ${h < 12 ? "AM" : "PM"}`, berlin, "monthFirst")).toEqual({
          ok: true,
          wall: expected,
        });
        expect(readDate(`${p(da)}/${p(mo)}/${y} ${p(h)}:${p(mi)}`, berlin, "dayFirst")).toEqual({
          ok: true,
          wall: expected,
        });
        if (y >= 2000) expect(readDate(String(berlin.toInstant(ms)), berlin).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("planning the import of the examples", () => {
  it("HubSpot: five new, the second export of a record and a repeated e-mail skipped, three rejected with reasons", () => {
    const plan = planOf("import-hubspot-contacts.csv");
    expect(plan.fresh.map((lead) => lead.lead)).toEqual([
      "Jonas Fischer",
      "Lea Nguyen",
      "Mia Jansen",
      "Alex Rossi",
      "Sam Berg",
    ]);
    expect(plan.fresh[2]).toEqual({
      row: 4,
      lead: "Mia Jansen",
      company: "Fabrikam",
      tier: "CEO",
      created: "2026-12-02 10:33",
      handedOff: "2026-12-02 12:21",
      email: "mia.jansen@fabrikam.example",
      crmId: "51234003",
    });
    expect(plan.duplicates).toEqual([
      { row: 10, by: "crmId", key: "51234001", firstRow: 2 },
      { row: 11, by: "email", key: "mia.jansen@fabrikam.example", firstRow: 4 },
    ]);
    expect(plan.rejected.map((rejected) => [rejected.row, rejected.reason.kind])).toEqual([
      [7, "noName"],
      [8, "unknownTier"],
      [9, "badDate"],
    ]);
    expect(rejectionText("en", plan.rejected[1]!.reason)).toBe(
      '"Tier" "Intern" is not one of the SLA\'s tiers. Allowed: CEO, Director, Manager.',
    );
    expect(rejectionText("de", plan.rejected[2]!.reason)).toMatch(
      /^"An Vertrieb übergeben" ist kein lesbares Datum: "soon"/,
    );
    expect(duplicateText("de", plan.duplicates[0]!)).toBe("Lead-ID 51234001 steht schon in Zeile 2 der Datei.");
  });

  it("Salesforce: the 12/14 date decides month first; a bad e-mail and a hand-off before creation are rejected", () => {
    const plan = planOf("import-salesforce-leads.csv");
    expect(plan.fresh.map((lead) => [lead.lead, lead.created, lead.handedOff])).toEqual([
      ["Priya Shah", "2026-12-01 09:05", "2026-12-01 09:40"],
      ["Tom Baker", "2026-12-02 14:15", "2026-12-02 16:00"],
      ["Ines Costa", "2026-12-14 10:00", "2026-12-14 11:30"],
      ["Omar Haddad", "2026-12-15 08:30", "2026-12-15 09:00"],
    ]);
    expect(plan.rejected).toEqual([
      { row: 6, reason: { kind: "badEmail", value: "julia.meyer@relecloud" } },
      { row: 7, reason: { kind: "handedOffBeforeCreated" } },
    ]);
  });

  it("German Excel file: umlauts intact, 31.11. rejected, a lead without e-mail but with its ID kept", () => {
    const plan = planOf("import-hubspot-de-excel.csv");
    expect(plan.fresh.map((lead) => lead.lead)).toEqual([
      "Jürgen Köhler",
      "Anna Schäfer",
      "Lukas Weber",
      "Sophie Braun",
      "Marie Becker",
    ]);
    expect(plan.fresh[0]!.created).toBe("2026-12-01 08:15");
    expect(plan.rejected).toEqual([
      { row: 6, reason: { kind: "badDate", field: "created", value: "31.11.2026 10:00" } },
    ]);
  });

  it("an ambiguous column is read as the user answers; unanswered, its rows are rejected, never guessed", () => {
    const table = example("import-generic-ambiguous.csv");
    const mapping = guessMapping(table.header);
    expect(mapping).toEqual(["lead", "company", "email", "created", "handedOff"]);
    const base = { rows: table.rows, mapping, zone: berlin, tiers: TIERS, existing: NONE };
    expect(planImport({ ...base, orders: new Map() }).rejected.map((rejected) => rejected.reason.kind)).toEqual([
      "badDate",
      "badDate",
    ]);
    const dayFirst = planImport({ ...base, orders: new Map([[3, "dayFirst"]]) });
    expect(dayFirst.fresh.map((lead) => [lead.created, lead.handedOff])).toEqual([
      ["2026-04-03 09:00", "2026-04-03 12:00"],
      ["2026-04-05 10:30", "2026-04-05 12:30"],
    ]);
    expect(planImport({ ...base, orders: new Map([[3, "monthFirst"]]) }).fresh[0]!.created).toBe("2026-03-04 09:00");
  });

  it("re-importing the same file adds nothing: what the log holds after the first import makes every row a duplicate", () => {
    for (const name of ["import-hubspot-contacts.csv", "import-salesforce-leads.csv", "import-hubspot-de-excel.csv"]) {
      const first = planOf(name);
      const existing = {
        ids: new Set(first.fresh.map((lead) => lead.crmId).filter(Boolean)),
        emails: new Set(first.fresh.map((lead) => lead.email).filter(Boolean)),
      };
      const again = planOf(name, { existing });
      expect(again.fresh).toEqual([]);
      expect(again.duplicates.length).toBe(first.fresh.length + first.duplicates.length);
      expect(again.rejected).toEqual(first.rejected);
    }
  });
});

describe("the server's checks of what it receives", () => {
  const lead: ImportLead = {
    row: 2,
    lead: "A",
    company: "",
    tier: "",
    created: "2026-12-01 09:00",
    handedOff: "2026-12-01 10:00",
    email: "a@b.example",
    crmId: "",
  };
  it("accepts a good lead and refuses wire dates that are not wall-clock text", () => {
    expect(checkLead(lead, TIERS)).toBeUndefined();
    expect(checkLead({ ...lead, created: "01.12.2026" }, TIERS)).toEqual({
      kind: "badDate",
      field: "created",
      value: "01.12.2026",
    });
    expect(checkLead({ ...lead, email: "", crmId: " " }, TIERS)).toEqual({ kind: "noKey" });
  });
});

describe("properties over random files", () => {
  const cell = fc.string({ unit: fc.constantFrom("a", "b", "ä", " ", ",", ";", '"', "\n", "1", "="), maxLength: 8 });
  it("any table written with `,` or `;`, with or without a BOM, reads back cell for cell (200 cases)", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((width) =>
            fc.tuple(
              fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
              fc.constantFrom(",", ";"),
              fc.boolean(),
              fc.constant(width),
            ),
          ),
        ([body, delimiter, bom, width]) => {
          const header = Array.from({ length: width }, (_, index) => `Column ${index + 1}`);
          const text =
            (bom ? "\uFEFF" : "") +
            stringify([header, ...body], { delimiter, quoted: false, record_delimiter: "\r\n" });
          const table = readCsv(text, csvParse);
          expect(table.delimiter).toBe(delimiter);
          expect(table.header).toEqual(header);
          expect(table.rows).toEqual(body.map((row) => (row.length === 1 && row[0] === "" ? [""] : row)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("every non-blank row is new, a duplicate or rejected, exactly once; a second import of the new ones adds none (200 cases)", () => {
    const email = fc.constantFrom("", "a@x.example", "B@x.example", "b@X.example", "bad@", "c@y.example");
    const id = fc.constantFrom("", "1", "2", "3");
    const date = fc.constantFrom("", "2026-12-01 09:00", "02.12.2026 10:00", "never");
    const row = fc.tuple(fc.constantFrom("", "Ann", "Bo"), email, id, date, fc.constantFrom("", "CEO", "Intern"));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const input: ImportInput = {
          rows: rows.map((r) => [...r]),
          mapping: ["lead", "email", "crmId", "created", "tier"],
          orders: new Map(),
          zone: berlin,
          tiers: TIERS,
          existing: NONE,
        };
        const plan = planImport(input);
        const nonBlank = rows.flatMap((r, index) => (r.some((c) => c.trim() !== "") ? [index + 2] : []));
        const seen = [
          ...plan.fresh.map((l) => l.row),
          ...plan.duplicates.map((d) => d.row),
          ...plan.rejected.map((r) => r.row),
        ].sort((a, b) => a - b);
        expect(seen).toEqual(nonBlank);
        const again = splitDuplicates(plan.fresh, {
          ids: new Set(plan.fresh.map((l) => l.crmId).filter(Boolean)),
          emails: new Set(plan.fresh.map((l) => l.email).filter(Boolean)),
        });
        expect(again.fresh).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
