/**
 * The functions' texts (src/functions/texts.ts) against their declarations:
 * tsc checks the `@ts-expect-error` lines below, so a missing German text, a
 * text for a parameter a function does not have, or one for an undeclared
 * function fails `npm test`; the cases check the joined registry at run time.
 */
import { describe, expect, it } from "@jest/globals";
import { LANGUAGES } from "../../src/core/i18n";
import { FUNCTIONS, type DeclaredTexts } from "../../src/functions/definitions";
import { FUNCTION_TEXTS } from "../../src/functions/texts";
import { testContext } from "../support/context";

type RevenueGoalText = DeclaredTexts["SLA_REVENUE_GOAL"];

// @ts-expect-error marketing_share is declared but not described
const missingParam: RevenueGoalText = { summary: "s", returns: "r", params: { quota: "q" } };
const extraParam: RevenueGoalText = {
  summary: "s",
  returns: "r",
  // @ts-expect-error SLA_REVENUE_GOAL has no parameter exact
  params: { quota: "q", marketing_share: "m", exact: "e" },
};
// @ts-expect-error every function needs its summary and returns
const noSummary: RevenueGoalText = { returns: "r", params: { quota: "q", marketing_share: "m" } };
// @ts-expect-error a text for a function that is not declared
const undeclared: Partial<DeclaredTexts> = { SLA_NOT_DECLARED: { summary: "s", returns: "r", params: {} } };

describe("function texts", () => {
  it("give every declared function and parameter a text in each language, and nothing else", () => {
    expect([missingParam, extraParam, noSummary, undeclared]).toHaveLength(4);
    const names = FUNCTIONS.map((fn) => fn.name).sort();
    for (const language of LANGUAGES) {
      const texts: Record<string, { params: object }> = FUNCTION_TEXTS[language];
      expect(Object.keys(texts).sort()).toEqual(names);
      for (const fn of FUNCTIONS) {
        expect(Object.keys(texts[fn.name]?.params ?? {}).sort()).toEqual(fn.params.map((p) => p.name).sort());
        expect(fn.summary[language].length).toBeGreaterThan(0);
        expect(fn.returns[language].length).toBeGreaterThan(0);
        for (const param of fn.params) expect(param.description[language].length).toBeGreaterThan(0);
      }
    }
  });

  it("say a number must be more than 0 exactly where 0 is refused", () => {
    const context = testContext();
    const checked = FUNCTIONS.flatMap((fn) =>
      fn.params
        .filter((param) => param.allowed.en === "a number, 0 or more" || param.allowed.en === "a number more than 0")
        .map((param) => ({ fn: fn.name, param: param.name, says: param.allowed.en, refuses: refuses(param, context) })),
    );
    expect(checked.length).toBeGreaterThan(10);
    for (const entry of checked)
      expect(entry).toEqual({ ...entry, says: entry.refuses ? "a number more than 0" : "a number, 0 or more" });
  });
});

function refuses(
  param: (typeof FUNCTIONS)[number]["params"][number],
  context: ReturnType<typeof testContext>,
): boolean {
  try {
    param.coerce(0, context);
    return false;
  } catch {
    return true;
  }
}
