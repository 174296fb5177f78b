import { describe, expect, it } from "@jest/globals";
import { ceilWhole, parseAmount, parseRate } from "../../src/core/numbers";
import { SlaInputError } from "../../src/core/problems";

function problemOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof SlaInputError) return `${error.field}:${error.problem}`;
    throw error;
  }
  return undefined;
}

function hintOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    if (error instanceof SlaInputError) return error.params.hint;
    throw error;
  }
  return undefined;
}

describe("parseRate", () => {
  it.each([
    [0.5, 0.5],
    [1, 1],
    ["50%", 0.5],
    ["50 %", 0.5],
    ["12,5 %", 0.125],
    ["12.5%", 0.125],
    ["0.5", 0.5],
    ["0,25", 0.25],
    ["100 %", 1],
  ])("reads %p as %p", (input, expected) => {
    expect(parseRate(input, "close_rate")).toBeCloseTo(expected, 12);
  });

  it("refuses a bare number above 1 instead of guessing 50 means 50 %, with the hint to write 50% or 0.5", () => {
    expect(problemOf(() => parseRate(50, "close_rate"))).toBe("close_rate:rateAbove");
    expect(problemOf(() => parseRate("50", "close_rate"))).toBe("close_rate:rateAbove");
    expect(hintOf(() => parseRate(50, "close_rate"))).toBe(1);
  });

  it.each([["150%"], ["250 %"], ["100,5 %"], [1.2], [1.5], ["1.5"], [150]])("refuses %p as above 100 %", (input) => {
    expect(problemOf(() => parseRate(input, "close_rate"))).toBe("close_rate:rateAbove");
  });

  it("hints at writing 50% only for a number that could be a percentage without its sign", () => {
    expect(hintOf(() => parseRate("150%", "close_rate"))).toBe(0);
    expect(hintOf(() => parseRate(150, "close_rate"))).toBe(0);
    expect(hintOf(() => parseRate(1.5, "close_rate"))).toBe(1);
  });

  it("names the field for blanks, text and booleans", () => {
    expect(problemOf(() => parseRate("", "marketing_share"))).toBe("marketing_share:required");
    expect(problemOf(() => parseRate("half", "marketing_share"))).toBe("marketing_share:notNumber");
    expect(problemOf(() => parseRate(true, "marketing_share"))).toBe("marketing_share:notNumber");
  });
});

describe("parseAmount", () => {
  it.each([
    [5000, 5000],
    ["5000", 5000],
    ["5000.5", 5000.5],
    ["5.000,50", 5000.5],
    ["5,000.50", 5000.5],
    ["€ 5.000", undefined],
    ["1.234.567", 1234567],
    ["-12", -12],
    ["0,5", 0.5],
    ["$1,000,000", 1000000],
  ])("reads %p", (input, expected) => {
    if (expected === undefined) expect(problemOf(() => parseAmount(input, "quota"))).toBe("quota:ambiguousNumber");
    else expect(parseAmount(input, "quota")).toBe(expected);
  });

  it("refuses 5,000 and 5.000: thousands in one language, decimals in the other", () => {
    expect(problemOf(() => parseAmount("5,000", "quota"))).toBe("quota:ambiguousNumber");
    expect(problemOf(() => parseAmount("5.000", "quota"))).toBe("quota:ambiguousNumber");
  });

  it("refuses non-numbers, naming the field", () => {
    expect(problemOf(() => parseAmount("=1+1", "quota"))).toBe("quota:notNumber");
    expect(problemOf(() => parseAmount(new Date(0), "quota"))).toBe("quota:notNumber");
    expect(problemOf(() => parseAmount(Number.NaN, "quota"))).toBe("quota:notNumber");
    expect(problemOf(() => parseAmount(undefined, "quota"))).toBe("quota:required");
  });
});

describe("ceilWhole", () => {
  it("rounds up real fractions and forgives floating-point noise", () => {
    expect(ceilWhole(16.0001)).toBe(17);
    expect(ceilWhole(0.1 * 3 * 10)).toBe(3);
    expect(ceilWhole((5000 * 0.7) / 70)).toBe(50);
    expect(ceilWhole(50)).toBe(50);
    expect(ceilWhole(0)).toBe(0);
  });
});
