/**
 * The emulator's speed patches change no value: random small workbooks
 * (numbers, dates, words, date-like text, booleans, blanks; formulas over
 * them, cell by cell and over whole columns inside ARRAYFORMULA, and the
 * functions that take arrays) evaluate to the same values with every patch
 * as with one left out, also after an edit. And an ARRAYFORMULA keeps its
 * values through a full rebuild (keepArrayResultsOutOfRebuilds), as in a
 * freshly built engine.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { DetailedCellError, type HyperFormula, type RawCellContent } from "hyperformula";
import { createHyperFormula, SPEED_PATCHES, type SpeedPatch } from "../../playground/emulator/hyperformulaSetup";

const ROWS = 8;
const COLUMNS = ["A", "B", "C", "D"];

/** What people type into a log: numbers, date serials, words (month names too), date-like text, booleans, blanks. */
const dataCell: fc.Arbitrary<RawCellContent> = fc.oneof(
  fc.integer({ min: -50, max: 50 }),
  fc.integer({ min: -80, max: 80 }).map((eighths) => eighths / 8),
  fc.integer({ min: 46000, max: 46400 }).map((day) => day + 3 / 8),
  fc.constantFrom("Ana", "Dec", "won", "Monday", "n/a", "a b", "TRUE", "", "2026-12-01", "12/1/2026", "9:30", "1.5"),
  fc.boolean(),
  fc.constant(null),
);

type Template = (a: string, b: string, c: string) => string;
/** Functions and operators the workbook's formulas use, each over up to three sub-expressions. */
const TEMPLATES: Template[] = [
  (a, b, c) => `IF(${a}>${b},${a},${c})`,
  (a, b) => `IF(${a}="",${b},${a})`,
  (a) => `INT(${a})`,
  (a) => `MOD(${a},7)`,
  (a) => `LEN(${a})`,
  (a) => `LEFT(${a},2)`,
  (a) => `MID(${a},2,3)`,
  (a) => `SUBSTITUTE(${a},"a","")`,
  (a) => `ISNUMBER(${a})`,
  (a) => `DATEVALUE(${a})`,
  (a, b) => `IFERROR(${a},${b})`,
  (a, b) => `(${a}+${b})`,
  (a, b) => `(${a}*${b})`,
  (a, b) => `(${a}-${b})`,
  (a, b) => `(${a}&${b})`,
  (a, b) => `(${a}<${b})`,
  (a, b) => `(${a}=${b})`,
  (a, b) => `(${a}<>${b})`,
  (a) => `ROUND(${a}*86400)/3600`,
  (a) => `N(${a})`,
];

/** An expression over cells (`column` false) or over the columns A1:A8 … D1:D8. */
function expression(column: boolean): fc.Arbitrary<string> {
  const reference = fc
    .constantFrom(...COLUMNS)
    .chain((letter) =>
      column
        ? fc.constant(`${letter}1:${letter}${ROWS}`)
        : fc.integer({ min: 1, max: ROWS }).map((row) => `${letter}${row}`),
    );
  const literal = fc.oneof(
    fc.integer({ min: -9, max: 99 }).map(String),
    fc.constantFrom('"Dec"', '"2026-12-01"', '""', "TRUE", "1/2"),
  );
  const { tree } = fc.letrec<{ tree: string; call: string }>((tie) => ({
    tree: fc.oneof({ depthSize: "small", withCrossShrink: true }, reference, literal, tie("call")),
    call: fc
      .tuple(fc.integer({ min: 0, max: TEMPLATES.length - 1 }), tie("tree"), tie("tree"), tie("tree"))
      .map(([index, a, b, c]) => TEMPLATES[index]!(a, b, c)),
  }));
  return tree;
}

/** A workbook: data in A1:D8, cell formulas in F1:F6, column formulas in H1 and J1, array-taking functions in row 10, a table from A12. */
const workbook = fc
  .tuple(
    fc.array(fc.array(dataCell, { minLength: COLUMNS.length, maxLength: COLUMNS.length }), {
      minLength: ROWS,
      maxLength: ROWS,
    }),
    fc.array(expression(false), { minLength: 6, maxLength: 6 }),
    fc.array(expression(true), { minLength: 2, maxLength: 2 }),
    expression(true),
    fc.array(expression(true), { minLength: 3, maxLength: 3 }),
  )
  .map(([data, cellFormulas, columnFormulas, arrayArgument, [x, y, z]]) => {
    const width = 10;
    const sheet: RawCellContent[][] = Array.from({ length: 2 * ROWS + 3 }, (_, row) =>
      Array.from({ length: width }, (_, column) => data[row]?.[column] ?? null),
    );
    cellFormulas.forEach((formula, index) => {
      sheet[index]![5] = `=${formula}`;
    });
    columnFormulas.forEach((formula, index) => {
      sheet[0]![7 + index * 2] = `=ARRAYFORMULA(${formula})`;
    });
    sheet[ROWS + 1]!.splice(
      0,
      3,
      `=SUMPRODUCT(ISNUMBER(${arrayArgument})*1)`,
      `=IFERROR(ROWS(FILTER(A1:A${ROWS},ISNUMBER(${arrayArgument}))),"none")`,
      `=SUM(MMULT(TRANSPOSE(ISNUMBER(${arrayArgument})*1),SEQUENCE(${ROWS},1,1,0)))`,
    );
    // A column against a row broadcasts to a table, as the reports' group tables do.
    sheet[ROWS + 3]![0] = `=ARRAYFORMULA(IF(${x}>TRANSPOSE(${y}),${z},MOD(N(${x})+TRANSPOSE(N(${y})),7)))`;
    return sheet;
  });

/** A cell's value as a comparable: errors by their type. */
function comparable(value: unknown): unknown {
  return value instanceof DetailedCellError ? `#${value.type}` : value;
}

function valuesOf(engine: HyperFormula): unknown[][] {
  return engine.getSheetValues(0).map((row) => row.map(comparable));
}

const engines: HyperFormula[] = [];
function engine(withoutSpeedPatches: readonly SpeedPatch[] = []): HyperFormula {
  const hf = createHyperFormula({ timeZone: "UTC", locale: "en_US", today: "2026-12-15" }, { withoutSpeedPatches });
  hf.addSheet("Sheet1");
  engines.push(hf);
  return hf;
}
afterAll(() => engines.forEach((hf) => hf.destroy()));

describe("the speed patches change no value", () => {
  const patched = engine();

  it.each(SPEED_PATCHES.map((patch) => [patch]))(
    "%s: random workbooks, then an edit, give the same values without it",
    (patch) => {
      const plain = engine([patch]);
      fc.assert(
        fc.property(
          workbook,
          dataCell,
          fc.integer({ min: 0, max: ROWS - 1 }),
          fc.integer({ min: 0, max: COLUMNS.length - 1 }),
          (sheet, edit, row, column) => {
            patched.setSheetContent(0, sheet);
            plain.setSheetContent(0, sheet);
            expect(valuesOf(plain)).toEqual(valuesOf(patched));
            patched.setCellContents({ sheet: 0, row, col: column }, edit);
            plain.setCellContents({ sheet: 0, row, col: column }, edit);
            expect(valuesOf(plain)).toEqual(valuesOf(patched));
          },
        ),
        // No fixed seed: every run of the suite draws new workbooks, so the cases add up over runs.
        { numRuns: 120 },
      );
    },
  );
});

describe("keepArrayResultsOutOfRebuilds", () => {
  it("an ARRAYFORMULA keeps its values through a full rebuild, the values a fresh engine gives", () => {
    const rebuilt = engine();
    const fresh = engine();
    fc.assert(
      fc.property(workbook, (sheet) => {
        rebuilt.setSheetContent(0, sheet);
        rebuilt.rebuildAndRecalculate();
        fresh.setSheetContent(0, sheet);
        expect(valuesOf(rebuilt)).toEqual(valuesOf(fresh));
      }),
      { numRuns: 80 },
    );
  });
});
