/**
 * The SLA_* functions inside the emulator's HyperFormula, as the playground
 * registers them: every example of the registry gives its stated result when
 * typed into a cell (through Range.setValue, as a user types it), arguments
 * reach the registry as Sheets passes them, and errors look like Sheets'.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createEmulator, type Emulator } from "../../playground/emulator";
import { registerCustomFunctions } from "../../playground/server/customFunctions";
import { FUNCTIONS } from "../../src/functions/definitions";

registerCustomFunctions();

let emulator: Emulator;
let uninstall: () => void;
let sheet: GoogleAppsScript.Spreadsheet.Sheet;

beforeAll(() => {
  emulator = createEmulator({ today: "2026-12-15", timeZone: "Europe/Berlin", locale: "en_US" });
  uninstall = emulator.install();
  sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
});

afterAll(() => uninstall?.());

let nextRow = 1;

/** Types a formula into a fresh cell of column A and answers the cells it fills (one column, up to `rows`). */
function evaluate(formula: string, rows = 1): unknown[] {
  const row = nextRow;
  nextRow += 8;
  sheet.getRange(row, 1).setValue(formula);
  return sheet
    .getRange(row, 1, rows, 1)
    .getValues()
    .map((line) => line[0]);
}

function errorMessage(formula: string): string {
  const row = nextRow;
  evaluate(formula);
  const hf = emulator.hyperformula;
  const value = hf.getCellValue({ sheet: hf.getSheetId(sheet.getName())!, row: row - 1, col: 0 }) as {
    message?: string;
  };
  return value.message ?? "";
}

const examples = FUNCTIONS.flatMap((fn) =>
  fn.examples
    .filter((example) => example.result !== undefined)
    .map((example) => [example.formula, example.result] as const),
);

describe("custom functions typed into a cell", () => {
  it("cover every registered function", () => {
    expect(new Set(examples.map(([formula]) => /^=(\w+)\(/.exec(formula)?.[1])).size).toBe(FUNCTIONS.length);
  });

  it.each(examples)("%s gives %p", (formula, result) => {
    if (Array.isArray(result)) {
      const column = evaluate(formula, result.length + 1);
      expect(column.slice(0, result.length)).toEqual(result.map((row) => row[0]));
      // The spill ends where the result ends.
      expect(column[result.length]).toBe("");
    } else if (typeof result === "number") {
      const [value] = evaluate(formula);
      expect(typeof value).toBe("number");
      expect(value as number).toBeCloseTo(result, 9);
    } else {
      expect(evaluate(formula)).toEqual([result]);
    }
  });

  it("passes cells and ranges: a date typed into a cell, a column of values, named ranges", () => {
    sheet.getRange("C1:C4").setValues([["2026-02-14"], [5400], [7200], ["x"]]);
    expect(evaluate("=SLA_DAILY_TARGET(100, C1)")[0] as number).toBeCloseTo(100 / 28, 9);
    expect(evaluate("=SLA_MARKETING_SHARE(C2, C3)")).toEqual([0.75]);
    // Row by row over a range: one result per row, a bad row shows its own message.
    const rows = evaluate("=SLA_DEAL_SIZE(C2:C4, 2)", 4);
    expect(rows.slice(0, 3)).toEqual([
      2700,
      3600,
      expect.stringContaining("SLA_DEAL_SIZE: revenue must be a number (row 3"),
    ]);
    expect(rows[3]).toBe("");
    SpreadsheetApp.getActiveSpreadsheet().setNamedRange("Handed", sheet.getRange("D1:D3"));
    SpreadsheetApp.getActiveSpreadsheet().setNamedRange("Followed", sheet.getRange("E1:E3"));
    sheet.getRange("D1:E3").setValues([
      ["2026-12-01 09:00", "2026-12-01 10:00"],
      ["2026-12-01 10:00", "2026-12-01 13:00"],
      ["2026-12-01 11:00", ""],
    ]);
    expect(evaluate('=SLA_FOLLOWUP_SPEED(Handed, Followed, "average")')).toEqual([2]);
    expect(evaluate("=SLA_RESPONSE_HOURS(Handed, Followed)", 4)).toEqual([1, 3, "", ""]);
  });

  it("recalculates when the cells it reads change", () => {
    sheet.getRange("F1").setValue(100);
    const row = nextRow;
    evaluate("=SLA_LEADS_NEEDED(5000, 100%, F1, 50%)");
    expect(sheet.getRange(row, 1).getValue()).toBe(100);
    sheet.getRange("F1").setValue(300);
    expect(sheet.getRange(row, 1).getValue()).toBe(34);
  });

  it("shows a problem with the call as #ERROR! with the registry's message, and passes errors of arguments on", () => {
    expect(evaluate("=SLA_LEADS_NEEDED(5000, 100%, 100, 0)")).toEqual(["#ERROR!"]);
    expect(errorMessage("=SLA_LEADS_NEEDED(5000, 100%, 100, 0)")).toBe(
      "SLA_LEADS_NEEDED: close_rate must be more than 0 and at most 100% (got 0)",
    );
    expect(errorMessage("=SLA_REVENUE_GOAL(1, 2, 3)")).toMatch(/SLA_REVENUE_GOAL/);
    expect(evaluate("=SLA_REVENUE_GOAL(1/0, 50%)")).toEqual(["#DIV/0!"]);
    // Nested in Sheets' own functions.
    expect(evaluate("=SUM(SLA_GOAL_LINE(4, 4))")).toEqual([10]);
    expect(evaluate("=ROUND(SLA_PACE(60, 100, DATE(2026, 4, 15)) * 100, 0)")).toEqual([120]);
  });

  it("stays #NAME? for names that are not the add-on's", () => {
    expect(evaluate("=SLA_NOT_A_FUNCTION(1)")).toEqual(["#NAME?"]);
  });
});
