import type { Language } from "../core/i18n";

const SYMBOLS: Record<string, string> = { EUR: "€", USD: "$", GBP: "£", JPY: "¥", CHF: "CHF", INR: "₹" };

/**
 * Number formats for the workbook. Patterns use Sheets' en_US pattern syntax
 * (what `setNumberFormat` documents); Sheets renders them in the
 * spreadsheet's locale, so a German sheet shows 1.234,50 €.
 */
export interface Formats {
  readonly money: string;
  readonly count: string;
  readonly decimal: string;
  readonly hours: string;
  readonly percent: string;
  readonly date: string;
  readonly dateTime: string;
  readonly month: string;
  readonly text: string;
  readonly plain: string;
}

export function formatsFor(language: Language, currency: string): Formats {
  const symbol = SYMBOLS[currency] ?? currency;
  const money = language === "de" || symbol.length > 1 ? `#,##0 "${symbol}"` : `"${symbol}"#,##0`;
  return {
    money,
    count: "#,##0",
    decimal: "#,##0.0",
    hours: '0.0 "h"',
    percent: "0.0%",
    date: language === "de" ? "dd.mm.yyyy" : "yyyy-mm-dd",
    dateTime: language === "de" ? "dd.mm.yyyy hh:mm" : "yyyy-mm-dd hh:mm",
    month: "yyyy-mm",
    text: "@",
    plain: "0.###############",
  };
}
