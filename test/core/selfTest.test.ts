/**
 * The self-test's pure parts: which formulas read TODAY()/NOW() (from their
 * text, through cells, spills, open ranges and named ranges), how values are
 * compared (numbers within a relative 1e-9, text and error types exactly),
 * and the run encoding of the expected-values file.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { referencesOf, todayDependence } from "../../scripts/lib/selfTestExpected";
import {
  cellsOf,
  parseA1,
  rectA1,
  sameValue,
  showValue,
  toRuns,
  type CellValue,
  type Rect,
} from "../../src/core/selfTest";

const NAMES = new Map<string, { sheet: string; rect: Rect }>([
  ["quota", { sheet: "Agreement", rect: parseA1("B13") }],
  ["leads_status", { sheet: "Leads", rect: parseA1("N2:N1000") }],
]);
const maxRows = (): number => 1000;

function refs(formula: string): string[] | "unknown" {
  const found = referencesOf(formula, NAMES, maxRows);
  return found === "unknown" ? found : found.map((ref) => `${ref.sheet ?? ""}!${rectA1(ref.rect)}`);
}

describe("the references of a formula, from its text", () => {
  it("finds cells, ranges, open ranges, whole columns and other tabs, and nothing inside strings or function names", () => {
    expect(refs('=IF(TODAY()<$A$14,"B7",SUM($D$14:$D$44))')).toEqual(["!A14", "!D14:D44"]);
    expect(refs("=SUMIFS('Leads'!$K$2:$K,'Leads'!E2:E,\">=\"&A5)")).toEqual([
      "Leads!K2:K1000",
      "Leads!E2:E1000",
      "!A5",
    ]);
    expect(refs("=COUNTA(Leads!A:B)+LOG10(C3)")).toEqual(["!C3", "Leads!A1:B1000"]);
    expect(refs("='Follow-up'!$N$5<>\"✗ missed\"")).toEqual(["Follow-up!N5"]);
  });

  it("resolves named ranges (in any letter case) and leaves LET's own names alone", () => {
    expect(refs('=LET(goal,QUOTA*2,status,Leads_Status,goal+COUNTIF(status,"Late"))')).toEqual([
      "Agreement!B13",
      "Leads!N2:N1000",
    ]);
  });

  it("gives up on references only known when calculated", () => {
    expect(refs('=INDIRECT("A"&B1)')).toBe("unknown");
    expect(refs("=SUM(OFFSET(A1,0,0,3))")).toBe("unknown");
  });
});

describe("which formulas read TODAY() or NOW()", () => {
  type Cell = { sheet: string; row: number; col: number; text: string; region: Rect; dependsOnDay: boolean };
  const formula = (sheet: string, where: string, text: string, spill?: string): Cell => {
    const rect = parseA1(where);
    return { sheet, row: rect.row, col: rect.col, text, region: parseA1(spill ?? where), dependsOnDay: false };
  };

  it("follows cells, ranges, spills and named ranges to the formulas that read the clock, and only those", () => {
    const cells = [
      formula("S", "A1", "=TODAY()"),
      formula("S", "B1", "=A1+1"),
      formula("S", "C1", "=SUM(B1:B2)"),
      formula("S", "D1", '=5&"TODAY()"'),
      formula("Leads", "N1", '=VSTACK("Status",ARRAYFORMULA(IF(NOW()>E2:E,"Overdue","Waiting")))', "N1:N1000"),
      formula("S", "E1", '=COUNTIF(Leads_Status,"Overdue")'),
      formula("S", "F1", "=Leads!N7"),
      formula("S", "G1", "=Leads!M7"),
      formula("T", "A1", "=S!D1"),
      formula("T", "B1", "=A1*2"),
      formula("T", "C1", "=S!B1"),
    ];
    todayDependence(cells, NAMES, maxRows);
    const reading = cells
      .filter((cell) => cell.dependsOnDay)
      .map((cell) => `${cell.sheet}!${rectA1({ row: cell.row, col: cell.col, rows: 1, cols: 1 })}`);
    expect(reading).toEqual(["S!A1", "S!B1", "S!C1", "Leads!N1", "S!E1", "S!F1", "T!C1"]);
  });
});

describe("comparing a value Sheets calculated with the expected one", () => {
  it("accepts the last bits a double may differ by, and nothing a user could see", () => {
    expect(sameValue(0.3, 0.1 + 0.2)).toBe(true);
    expect(sameValue(5000, 5000.001)).toBe(false);
    expect(sameValue(2.25, 2.26)).toBe(false);
    // A date serial: a millisecond passes, a minute does not.
    expect(sameValue(46357.5, 46357.5 + 1 / 86_400_000)).toBe(true);
    expect(sameValue(46357.5, 46357.5 + 1 / 1440)).toBe(false);
    expect(sameValue(0, 1e-12)).toBe(true);
    expect(sameValue(0, 1e-6)).toBe(false);
    expect(sameValue(3, "3")).toBe(false);
  });

  it("compares text and booleans exactly and errors by their type", () => {
    expect(sameValue("On time", "On time")).toBe(true);
    expect(sameValue("On time", "On time ")).toBe(false);
    expect(sameValue(true, "TRUE")).toBe(false);
    expect(sameValue("#N/A", "#N/A")).toBe(true);
    expect(sameValue("#N/A", "#VALUE!")).toBe(false);
    expect(sameValue("", "")).toBe(true);
    expect(showValue("#DIV/0!", "en")).toBe("error #DIV/0!");
    expect(showValue("", "de")).toBe("(leer)");
    expect(showValue("Late", "de")).toBe("„Late“");
  });

  it("agrees within 1e-12 and tells apart from 1e-8, for any size of number (property, 300 cases)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.double({ min: 1e-15, max: 1e-12, noNaN: true }),
        fc.double({ min: 1e-8, max: 1, noNaN: true }),
        (x, small, large) => {
          const size = Math.max(1, Math.abs(x));
          expect(sameValue(x, x + small * size)).toBe(true);
          expect(sameValue(x, x + large * size)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("the run encoding of expected values", () => {
  it("gives back every cell with its value, in fewer runs where a column repeats (property, 300 cases)", () => {
    const value: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(""),
      fc.constant(0),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom("Late", "On time", "#N/A"),
      fc.boolean(),
    );
    const cell = fc.record({ row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 30 }), value });
    fc.assert(
      fc.property(fc.uniqueArray(cell, { selector: (c) => `${c.row},${c.col}`, maxLength: 120 }), (cells) => {
        const runs = toRuns(cells);
        const back = new Map([...cellsOf(runs)].map((c) => [`${c.row},${c.col}`, c.value]));
        expect(back).toEqual(new Map(cells.map((c) => [`${c.row},${c.col}`, c.value])));
        expect(runs.length).toBeLessThanOrEqual(cells.length);
      }),
      { numRuns: 300 },
    );
  });

  it("writes a column of one value as one run", () => {
    const cells = Array.from({ length: 947 }, (_, i) => ({ row: 54 + i, col: 13, value: "" as CellValue }));
    expect(toRuns([{ row: 53, col: 13, value: 2.5 }, ...cells])).toEqual([
      ["M53", 2.5],
      ["M54:M1000", ""],
    ]);
  });
});
