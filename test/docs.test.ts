/**
 * The generated function reference is up to date, and every documented
 * example that states a result really gives it.
 */
import { describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REFERENCE_FILES, renderDocument, renderReference } from "../scripts/lib/reference";
import { FUNCTIONS } from "../src/functions/definitions";
import type { Example } from "../src/functions/registry";
import { call, sheetDate } from "./support/context";
import { parseFormula } from "./support/formulaLiterals";

const root = join(__dirname, "..");
const STALE = "is out of date: run npm run docs";

function readDoc(relative: string): string {
  const path = join(root, relative);
  if (!existsSync(path)) throw new Error(`${relative} is missing: run npm run docs`);
  return readFileSync(path, "utf8");
}

/** `expect` with the message a reader needs when a generated file is stale. */
function expectGenerated(relative: string, actual: string, expected: string): void {
  if (actual !== expected) {
    const actualLines = actual.split("\n");
    const expectedLines = expected.split("\n");
    const differs = expectedLines.findIndex((text, index) => actualLines[index] !== text);
    const line = differs >= 0 ? differs : expectedLines.length;
    throw new Error(
      `${relative} ${STALE}\n  first difference at line ${line + 1} of the generated text:\n` +
        `  expected: ${JSON.stringify(expectedLines[line])}\n  found:    ${JSON.stringify(actualLines[line])}`,
    );
  }
}

const examples: [string, Example][] = FUNCTIONS.flatMap((fn) =>
  fn.examples.map((example): [string, Example] => [fn.name, example]),
);
const withResults = examples.filter(([, example]) => example.result !== undefined);

describe("generated reference", () => {
  it.each(["en", "de"] as const)("the %s reference file is renderDocument(FUNCTIONS)", (language) => {
    const file = REFERENCE_FILES[language];
    expectGenerated(file, readDoc(file), renderDocument(FUNCTIONS, language));
  });

  it("names every registered function in both languages", () => {
    for (const language of ["en", "de"] as const) {
      const text = renderReference(FUNCTIONS, language);
      for (const fn of FUNCTIONS) expect(text).toContain(`## \`${fn.name}(`);
    }
  });

  it("writes optional parameters in brackets in the signature", () => {
    expect(renderReference(FUNCTIONS)).toContain(
      "## `SLA_LEADS_NEEDED(quota, marketing_share, avg_deal_size, close_rate, [exact])`",
    );
  });
});

describe("examples", () => {
  it.each(FUNCTIONS.map((fn) => [fn.name, fn] as const))("%s has at least one example with a result", (_name, fn) => {
    expect(fn.examples.some((example) => example.result !== undefined)).toBe(true);
  });

  it.each(examples.map(([name, example]) => [example.formula, name] as const))("%s calls %s", (formula, name) => {
    expect(formula.startsWith(`=${name}(`)).toBe(true);
  });

  it.each(withResults.map(([name, example]) => [example.formula, name, example] as const))(
    "%s evaluates to its stated result",
    (formula, name, example) => {
      const parsed = parseFormula(formula);
      if (parsed === undefined)
        throw new Error(`${formula} states a result but references cells or names: give it literal arguments`);
      expect(parsed.name).toBe(name);
      const actual = call(parsed.name, parsed.args);
      const expected = example.result;
      if (typeof expected === "number") {
        expect(typeof actual).toBe("number");
        expect(actual as number).toBeCloseTo(expected, 9);
      } else if (typeof expected === "string") {
        expect(actual).toBe(expected);
      } else {
        expect(Array.isArray(actual)).toBe(true);
        const grid = actual as unknown[][];
        expect(grid.map((row) => row.length)).toEqual(expected?.map((row) => row.length));
        grid.forEach((row, r) =>
          row.forEach((value, c) => {
            expect(typeof value).toBe("number");
            expect(value as number).toBeCloseTo(expected?.[r]?.[c] ?? Number.NaN, 9);
          }),
        );
      }
    },
  );
});

describe("parseFormula", () => {
  it("reads numbers and percentages", () => {
    expect(parseFormula("=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)")).toEqual({
      name: "SLA_LEADS_NEEDED",
      args: [5000, 1, 100, 0.5],
    });
    expect(parseFormula("=F(99.9%, .5, -2, 1e3, 12.5%)")?.args).toEqual([0.999, 0.5, -2, 1000, 0.125]);
  });

  it("reads DATE as midnight UTC of that day", () => {
    const parsed = parseFormula("=SLA_DAILY_TARGET(100, DATE(2026, 2, 14))");
    expect(parsed?.args).toEqual([100, sheetDate("UTC", 2026, 2, 14)]);
    expect((parsed!.args[1] as Date).toISOString()).toBe("2026-02-14T00:00:00.000Z");
  });

  it("reads array literals: comma is the next column, semicolon the next row", () => {
    expect(parseFormula("=SLA_FOLLOWUP_DEPTH({3; 6; 2}, {FALSE; FALSE; TRUE})")?.args).toEqual([
      [[3], [6], [2]],
      [[false], [false], [true]],
    ]);
    expect(parseFormula('=SLA_LEAD_VALUE({"CEO"; "Manager"}, {"CEO", 100; "Manager", 40})')?.args).toEqual([
      [["CEO"], ["Manager"]],
      [
        ["CEO", 100],
        ["Manager", 40],
      ],
    ]);
    expect(parseFormula("=F({1, 2})")?.args).toEqual([[[1, 2]]]);
  });

  it("reads text with doubled quotes, and booleans in any case", () => {
    expect(parseFormula('=F("say ""hi""", "", "50 %", true, False)')?.args).toEqual([
      'say "hi"',
      "",
      "50 %",
      true,
      false,
    ]);
    expect(parseFormula("=F()")).toEqual({ name: "F", args: [] });
  });

  it("returns undefined for formulas that need a sheet", () => {
    expect(
      parseFormula('=SLA_RESPONSE_HOURS(Leads_HandedOff, Leads_FirstFollowUp, "Mon-Fri 09:00-17:00", Holidays!A2:A20)'),
    ).toBeUndefined();
    expect(parseFormula("=F(A2)")).toBeUndefined();
    expect(parseFormula("=F(1, $B$2:$B$9)")).toBeUndefined();
    expect(parseFormula("=F('Lead list'!A:A)")).toBeUndefined();
    expect(parseFormula("=F(TODAY())")).toBeUndefined();
  });

  it("throws on malformed formulas", () => {
    expect(() => parseFormula("SLA_PACE(1, 2, 3)")).toThrow(/expected "="/);
    expect(() => parseFormula("=F(1, 2")).toThrow(/expected "\)"/);
    expect(() => parseFormula('=F("open)')).toThrow(/unterminated/);
    expect(() => parseFormula("=F({1, 2; 3})")).toThrow(/differ in length/);
  });
});
