/**
 * Values crossing the Apps Script boundary. In: what setValue(s) does with a
 * JS value under USER_ENTERED rules. Out: what getValue(s) returns for a
 * computed HyperFormula value and the cell's number format.
 */
import { DetailedCellError, type CellValue } from "hyperformula";
import { defaultDateFormat, isDateTimeFormat } from "./formats";
import { dateToSerial, isValidCalendarDate, serialToDate, wallClockToSerial } from "./time";

export type CellInput =
  | { readonly kind: "empty" }
  | { readonly kind: "formula"; readonly text: string }
  /** `format` is what Sheets infers from the input ("50%", a date); it applies only to a cell without a format. */
  | { readonly kind: "value"; readonly value: number | string | boolean; readonly format?: string };

export type AppsScriptValue = number | string | boolean | Date;

const EMPTY: CellInput = { kind: "empty" };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))\s?%$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function localDate(text: string, locale: string): { year: number; month: number; day: number } | undefined {
  const lang = locale.split(/[_-]/)[0]?.toLowerCase();
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted && lang === "de") return { day: Number(dotted[1]), month: Number(dotted[2]), year: Number(dotted[3]) };
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!slashed) return undefined;
  const [a, b] = [Number(slashed[1]), Number(slashed[2])];
  return locale === "en_US"
    ? { month: a, day: b, year: Number(slashed[3]) }
    : { day: a, month: b, year: Number(slashed[3]) };
}

/**
 * What Sheets stores for a value written with setValue(s) (USER_ENTERED).
 * In a cell formatted as plain text ("@") text is kept as typed: no formula, number or date.
 */
export function parseUserEntered(value: unknown, zone: string, locale: string, plainText = false): CellInput {
  if (value === null || value === undefined || value === "") return EMPTY;
  if (plainText && typeof value === "string")
    return value === "'" ? EMPTY : { kind: "value", value: value.startsWith("'") ? value.slice(1) : value };
  if (typeof value === "boolean") return { kind: "value", value };
  if (typeof value === "number")
    return Number.isFinite(value) ? { kind: "value", value } : { kind: "value", value: String(value) };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return EMPTY;
    return { kind: "value", value: dateToSerial(value, zone), format: defaultDateFormat(locale, "datetime") };
  }
  if (typeof value !== "string") return parseUserEntered(String(value), zone, locale);
  if (value.startsWith("=") && value.length > 1) return { kind: "formula", text: value };
  // A leading apostrophe forces text; Sheets drops the apostrophe.
  if (value.startsWith("'")) return value.length > 1 ? { kind: "value", value: value.slice(1) } : EMPTY;
  return parseText(value, locale);
}

function parseText(value: string, locale: string): CellInput {
  const text = value.trim();
  const upper = text.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  const lang = locale.split(/[_-]/)[0]?.toLowerCase();
  const numeric = lang === "de" && /^[+-]?\d+,\d+$/.test(text) ? text.replace(",", ".") : text;
  if (NUMBER.test(numeric)) return { kind: "value", value: Number(numeric) };
  const percent = PERCENT.exec(text);
  if (percent) {
    const digits = percent[1]!;
    const format = digits.includes(".") ? "0.00%" : "0%";
    return { kind: "value", value: Number(digits) / 100, format };
  }
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const hour = Number(iso[4] ?? 0);
    const minute = Number(iso[5] ?? 0);
    const second = Number(iso[6] ?? 0);
    if (isValidCalendarDate(year, month, day) && hour < 24 && minute < 60 && second < 60) {
      const serial = wallClockToSerial({ year, month, day, hour, minute, second, millisecond: 0 });
      return { kind: "value", value: serial, format: iso[4] === undefined ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm:ss" };
    }
  }
  const local = localDate(text, locale);
  if (local && isValidCalendarDate(local.year, local.month, local.day)) {
    const serial = wallClockToSerial({ ...local, hour: 0, minute: 0, second: 0, millisecond: 0 });
    return { kind: "value", value: serial, format: defaultDateFormat(locale, "date") };
  }
  const time = TIME.exec(text);
  if (time) {
    const [h, m, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (h < 24 && m < 60 && s < 60)
      return { kind: "value", value: (h * 3600 + m * 60 + s) / 86_400, format: time[3] ? "hh:mm:ss" : "hh:mm" };
  }
  return { kind: "value", value };
}

/** Errors as Sheets names them; HyperFormula has a few of its own. */
export function sheetsErrorText(error: DetailedCellError): string {
  switch (error.value) {
    case "#CYCLE!": // Sheets: "#REF!" with "Circular dependency detected"
    case "#SPILL!": // Sheets: "#REF!" with "Array result was not expanded because it would overwrite data"
      return "#REF!";
    case "#LIC!":
      return "#ERROR!";
    default:
      return error.value;
  }
}

/** What getValues returns for a computed value: "" for empty, error text for errors, a Date for date-formatted numbers. */
export function toAppsScriptValue(value: CellValue, format: string | undefined, zone: string): AppsScriptValue {
  if (value === null || value === undefined) return "";
  if (value instanceof DetailedCellError) return sheetsErrorText(value);
  if (typeof value === "number" && isDateTimeFormat(format)) return serialToDate(value, zone);
  return value;
}
