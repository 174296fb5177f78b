import { SlaInputError } from "./problems";

/**
 * Reads a plain amount (quota, deal size, counts) from what a cell holds.
 * Numbers pass through; text is accepted when it can mean only one number:
 * `"5000"`, `"5000.5"`, `"5.000,50"`, `"€ 5,000.50"`. `"5,000"` could be five
 * thousand or five, so it is refused rather than guessed.
 *
 * @example parseAmount("5.000,50", "quota") // 5000.5
 */
export function parseAmount(value: unknown, field: string): number {
  return readAmount(value, field, false);
}

/** With `decimalOnly`, a lone separator is a decimal mark (percentages never need thousands: "99,999 %"). */
function readAmount(value: unknown, field: string, decimalOnly: boolean): number {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new SlaInputError("notNumber", field, value);
    return value;
  }
  if (typeof value === "string") {
    const parsed = parseNumberText(value, field, decimalOnly);
    if (parsed !== undefined) return parsed;
  }
  if (value === "" || value === undefined || value === null) throw new SlaInputError("required", field, value);
  throw new SlaInputError("notNumber", field, value);
}

const CURRENCY_AND_SPACE = /[\s\u00a0\u202f$€£¥₣₹]|CHF|EUR|USD|GBP/gi;

function parseNumberText(raw: string, field: string, decimalOnly: boolean): number | undefined {
  const text = raw.replace(CURRENCY_AND_SPACE, "");
  if (text === "") return undefined;
  const match = /^([+-]?)(\d[\d.,']*)$/.exec(text) ?? /^([+-]?)([.,]\d+)$/.exec(text);
  if (!match) return undefined;
  const sign = match[1] === "-" ? -1 : 1;
  let digits = (match[2] ?? "").replace(/'/g, "");
  const dots = (digits.match(/\./g) ?? []).length;
  const commas = (digits.match(/,/g) ?? []).length;
  if (dots > 0 && commas > 0) {
    // Both separators: the last one is the decimal mark ("5,000.50" or "5.000,50").
    const decimal = digits.lastIndexOf(".") > digits.lastIndexOf(",") ? "." : ",";
    const group = decimal === "." ? "," : ".";
    const [whole = "", fraction = ""] = digits.split(decimal);
    if (digits.split(decimal).length !== 2 || !isGrouped(whole, group) || fraction.includes(group)) return undefined;
    digits = `${whole.split(group).join("")}.${fraction}`;
  } else if (dots + commas > 1) {
    const group = dots > 0 ? "." : ",";
    if (!isGrouped(digits, group)) return undefined;
    digits = digits.split(group).join("");
  } else if (dots + commas === 1) {
    const [whole = "", fraction = ""] = digits.split(/[.,]/);
    // "5,000" or "5.000": thousands in one language, decimals in another.
    if (!decimalOnly && fraction.length === 3 && whole !== "" && whole !== "0")
      throw new SlaInputError("ambiguousNumber", field, raw);
    digits = `${whole || "0"}.${fraction}`;
  }
  const parsed = Number(digits);
  return Number.isFinite(parsed) ? sign * parsed : undefined;
}

function isGrouped(whole: string, group: string): boolean {
  const parts = whole.split(group);
  return parts.every((part, index) => (index === 0 ? /^\d{1,3}$/.test(part) : /^\d{3}$/.test(part)));
}

/**
 * Reads a rate or share (close rate, marketing share) as a fraction.
 * Accepts 0.5, a percent-formatted cell (Sheets passes 0.5) and text such as
 * `"50%"`, `"50 %"` or German `"12,5 %"`. Nothing above 100 % is a rate:
 * `"150%"` is refused, and so is any number above 1, because a number is a
 * fraction (a cell showing 150 % passes 1.5). A bare number up to 100 (`50`)
 * is most likely a percentage typed without its sign, so its message adds the
 * hint to write 50% or 0.5. `allowZero` only words the allowed range (0 % to
 * 100 % instead of more than 0); the lower bound is the caller's check.
 *
 * @example parseRate("12,5 %", "close_rate") // 0.125
 */
export function parseRate(value: unknown, field: string, allowZero = false): number {
  const zero = allowZero ? 1 : 0;
  if (typeof value === "string") {
    const percent = /^\s*([+-]?[\d.,'\s\u00a0\u202f]*\d)\s*%\s*$/.exec(value);
    if (percent) {
      let fraction: number;
      try {
        fraction = readAmount(percent[1], field, true) / 100;
      } catch (error) {
        if (error instanceof SlaInputError) error.got = value;
        throw error;
      }
      if (fraction > 1) throw new SlaInputError("rateAbove", field, value, { zero, hint: 0 });
      return fraction;
    }
  }
  const fraction = parseAmount(value, field);
  if (fraction > 1) throw new SlaInputError("rateAbove", field, value, { zero, hint: fraction <= 100 ? 1 : 0 });
  return fraction;
}

/**
 * Rounds a count up to a whole number, forgiving floating-point noise so that
 * 50.000000000001 customers stays 50, not 51: anything within a trillionth
 * (relative) above a whole number counts as that number: more than double
 * rounding noise, less than any real fraction of a customer. The workbook's
 * native twin `MAX(0,ROUNDUP(x-MAX(1,ABS(x))/1000000000000,0))` uses the same rule.
 *
 * @example ceilWhole(0.1 * 3 * 10) // 3
 * @example ceilWhole(16.0001) // 17
 */
export function ceilWhole(value: number): number {
  const whole = Math.ceil(value - Math.max(1, Math.abs(value)) * 1e-12);
  return Math.max(whole, 0);
}
