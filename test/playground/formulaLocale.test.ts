/**
 * The playground's formula bar in the spreadsheet's locale: `;` between
 * arguments and decimal commas where numbers have a decimal comma (de_DE),
 * as Sheets reads and shows them, and the engine's form behind it.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { toEngineFormula, toLocaleFormula, usesDecimalComma } from "../../playground/server/formulaLocale";

describe("formulas in the spreadsheet's locale", () => {
  it("knows which locales write a decimal comma and separate arguments with a semicolon", () => {
    expect(["de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR"].map(usesDecimalComma)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["en_US", "en_GB", "ja_JP", "de_CH"].map(usesDecimalComma)).toEqual([false, false, false, false]);
  });

  it("reads what German users are told to write, and shows it back the same way", () => {
    const typed = "=SLA_LEADS_NEEDED(250000; 40%; 5000; 20%)";
    expect(toEngineFormula(typed, "de_DE")).toBe("=SLA_LEADS_NEEDED(250000, 40%, 5000, 20%)");
    expect(toLocaleFormula(toEngineFormula(typed, "de_DE"), "de_DE")).toBe(typed);
    expect(toEngineFormula("=SUMME(1,5;A2;{1\\2;3\\4})", "de_DE")).toBe("=SUMME(1.5,A2,{1,2;3,4})");
    expect(toLocaleFormula("=ROUND(A1*0.25,2)&\"1,5; 2.5\"&'Q1.2026'!B2", "de_DE")).toBe(
      "=ROUND(A1*0,25;2)&\"1,5; 2.5\"&'Q1.2026'!B2",
    );
    // Names and references with digits and dots are not numbers.
    expect(toLocaleFormula("=NORM.DIST(A1.5,Leads_Tier2,1.5e-3,TRUE)", "de_DE")).toBe(
      "=NORM.DIST(A1.5;Leads_Tier2;1,5e-3;TRUE)",
    );
  });

  it("leaves English formulas as they are, and reads a semicolon between arguments as a comma, as Sheets does there", () => {
    expect(toEngineFormula("=SLA_LEADS_NEEDED(5000, 100%, 100, 0.5)", "en_US")).toBe(
      "=SLA_LEADS_NEEDED(5000, 100%, 100, 0.5)",
    );
    expect(toEngineFormula("=SLA_LEADS_NEEDED(250000; 40%; 5000; 20%)", "en_US")).toBe(
      "=SLA_LEADS_NEEDED(250000, 40%, 5000, 20%)",
    );
    expect(toEngineFormula("={1,2;3,4}", "en_US")).toBe("={1,2;3,4}");
    expect(toLocaleFormula("=SUM(1.5, 2)", "en_US")).toBe("=SUM(1.5, 2)");
    expect(toEngineFormula("12,5", "de_DE")).toBe("12,5");
  });

  it("turns any engine formula into the German form and back unchanged", () => {
    const number = fc
      .tuple(fc.integer({ min: 0, max: 99999 }), fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }))
      .map(([whole, part]) => (part === undefined ? String(whole) : `${whole}.${part}`));
    const text = fc.string({ maxLength: 6 }).map((value) => `"${value.replace(/"/g, '""')}"`);
    const reference = fc.constantFrom("A1", "$B$2", "Leads_Tier", "'Q1.2026, 2'!C3", "Sheet1!A1:B2");
    const leaf = fc.oneof(number, text, reference);
    const { formula } = fc.letrec((tie) => ({
      formula: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("call"), tie("array")),
      call: fc
        .tuple(
          fc.constantFrom("SUM", "NORM.DIST", "SLA_PACE", "IF"),
          fc.array(tie("formula"), { minLength: 1, maxLength: 4 }),
        )
        .map(([name, args]) => `${name}(${(args as string[]).join(",")})`),
      array: fc
        .array(fc.array(leaf, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 })
        .map((rows) => `{${rows.map((row) => row.join(",")).join(";")}}`),
    }));
    fc.assert(
      fc.property(formula, (body) => {
        const engine = `=${body as string}`;
        const german = toLocaleFormula(engine, "de_DE");
        expect(toEngineFormula(german, "de_DE")).toBe(engine);
        // Outside text and quoted names, the German form has no commas but decimal ones.
        expect(german.replace(/"(?:[^"]|"")*"|'(?:[^']|'')*'/g, "").replace(/\d,\d/g, "")).not.toContain(",");
      }),
      { numRuns: 500 },
    );
  });
});
