import type { ProblemCode, ProblemParams } from "./problems";
import { isDate } from "./time";

export type Language = "en" | "de";
export const LANGUAGES: readonly Language[] = ["en", "de"];

/**
 * The words of one surface: an `en` and a `de` object of one shape, so a
 * German text that is missing, or that has no English original, fails `tsc`.
 * Each surface declares `const en = {…}` and `const de: typeof en = {…}` (or
 * both typed by one interface) and answers `{ en, de }[language]` through its
 * accessor (`stringsFor`, `labelsFor`, `messagesFor`, …).
 */
export type Translations<T> = { readonly [L in Language]: T };

/** Maps a locale such as `de_DE`, `de-AT` or `en` to a language we speak; anything else is English. */
export function languageOf(locale: string | null | undefined): Language {
  return typeof locale === "string" && /^de(\b|[_-])/i.test(locale) ? "de" : "en";
}

type Template = (p: ProblemParams) => string;

/** What a problem, a user's value and a row are called in error messages. */
interface Words {
  readonly problems: Readonly<Record<ProblemCode, Template>>;
  readonly got: (value: string) => string;
  readonly row: string;
  readonly blank: string;
  readonly true: string;
  readonly false: string;
  readonly range: string;
}

const en: Words = {
  problems: {
    required: () => "is required",
    notNumber: () => "must be a number",
    ambiguousNumber: () => "is ambiguous: write the number without thousands separators, e.g. 5000 or 5000.50",
    rateAbove: (p) =>
      `is above 100 %: it must be ${p.zero ? "from 0 % to 100 %" : "more than 0 and at most 100 %"}` +
      (p.hint ? "; a number is a fraction (1 is 100 %), so for fifty percent write 50% or 0.5" : ""),
    rateRange: () => "must be more than 0 and at most 100%",
    availabilityRange: () => "must be between 0% and 100%",
    nonNegative: () => "must be 0 or more",
    positive: () => "must be more than 0",
    wholeNumber: () => "must be a whole number",
    notDate: () => "must be a date (a date cell, a date serial number or text like 2026-12-01 or 01.12.2026)",
    notMonth: () => "must be a date in the month or a number of days from 1 to 31",
    notBoolean: () => "must be TRUE or FALSE",
    notText: () => "must be text",
    notSingle: () => "must be a single value, not a range",
    shapeMismatch: (p) => `must have the same number of rows and columns as ${p.other} (${p.shape} vs ${p.otherShape})`,
    beforeHandOff: () => "is before handed_off",
    atMost: (p) => `must not be more than ${p.other}`,
    unknownTier: (p) => `contains a tier that is not in tier_table: "${p.tier}"`,
    duplicateTier: (p) => `lists the tier "${p.tier}" twice`,
    tierTableShape: () => "must have two columns: tier and value per lead",
    businessHours: () => 'must look like "Mon-Fri 09:00-17:00" (several parts separated by ";" or ",")',
    statistic: () => 'must be "average", "median", a percentile such as "p90", "count" or "skipped"',
    period: () => 'must be "year", "month", "week" or "day"',
    tooManyArguments: (p) => `takes at most ${p.max} arguments`,
    tooLarge: (p) => `must be at most ${p.max}`,
    resultTooLarge: () => "is too large to show: check the arguments",
  },
  got: (v) => `got ${v}`,
  row: "row",
  blank: "blank",
  true: "TRUE",
  false: "FALSE",
  range: "a range",
};

const de: Words = {
  problems: {
    required: () => "fehlt (Pflichtangabe)",
    notNumber: () => "muss eine Zahl sein",
    ambiguousNumber: () => "ist mehrdeutig: schreiben Sie die Zahl ohne Tausendertrennzeichen, z. B. 5000 oder 5000,50",
    rateAbove: (p) =>
      `liegt über 100 %: erlaubt ist ${p.zero ? "0 % bis 100 %" : "mehr als 0 und höchstens 100 %"}` +
      (p.hint ? "; eine Zahl ist ein Anteil (1 ist 100 %), für fünfzig Prozent schreiben Sie also 50 % oder 0,5" : ""),
    rateRange: () => "muss größer als 0 und höchstens 100 % sein",
    availabilityRange: () => "muss zwischen 0 % und 100 % liegen",
    nonNegative: () => "muss 0 oder größer sein",
    positive: () => "muss größer als 0 sein",
    wholeNumber: () => "muss eine ganze Zahl sein",
    notDate: () => "muss ein Datum sein (Datumszelle, Datumsseriennummer oder Text wie 01.12.2026 oder 2026-12-01)",
    notMonth: () => "muss ein Datum im Monat oder eine Anzahl Tage von 1 bis 31 sein",
    notBoolean: () => "muss WAHR oder FALSCH sein",
    notText: () => "muss Text sein",
    notSingle: () => "muss ein einzelner Wert sein, kein Bereich",
    shapeMismatch: (p) => `muss so viele Zeilen und Spalten haben wie ${p.other} (${p.shape} statt ${p.otherShape})`,
    beforeHandOff: () => "liegt vor handed_off (Übergabe)",
    atMost: (p) => `darf nicht größer sein als ${p.other}`,
    unknownTier: (p) => `enthält eine Stufe, die nicht in tier_table steht: „${p.tier}“`,
    duplicateTier: (p) => `enthält die Stufe „${p.tier}“ doppelt`,
    tierTableShape: () => "muss zwei Spalten haben: Stufe und Wert pro Lead",
    businessHours: () => 'muss wie "Mo-Fr 09:00-17:00" aussehen (mehrere Teile durch ";" oder "," getrennt)',
    statistic: () =>
      'muss "average" (Durchschnitt), "median", ein Perzentil wie "p90", "count" (Anzahl) oder "skipped" (übersprungen) sein',
    period: () => 'muss "year", "month", "week" oder "day" sein (Jahr, Monat, Woche, Tag)',
    tooManyArguments: (p) => `nimmt höchstens ${p.max} Argumente`,
    tooLarge: (p) => `darf höchstens ${p.max} sein`,
    resultTooLarge: () => "ist zu groß für die Anzeige: prüfen Sie die Argumente",
  },
  got: (v) => `erhalten: ${v}`,
  row: "Zeile",
  blank: "leer",
  true: "WAHR",
  false: "FALSCH",
  range: "ein Bereich",
};

const WORDS: Translations<Words> = { en, de };

export function problemText(language: Language, code: ProblemCode, params: ProblemParams = {}): string {
  return WORDS[language].problems[code](params);
}

/** Shows a user's value inside an error message: short, and never as code. */
export function showValue(language: Language, value: unknown): string {
  const words = WORDS[language];
  if (value === undefined || value === null || value === "") return words.blank;
  if (typeof value === "boolean") return value ? words.true : words.false;
  if (typeof value === "number") return String(value);
  if (isDate(value)) return Number.isNaN(value.getTime()) ? "invalid date" : value.toISOString();
  if (Array.isArray(value)) return words.range;
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

export interface ProblemReport {
  readonly code: ProblemCode;
  readonly params?: ProblemParams;
  readonly subject: string;
  readonly got?: unknown;
  readonly hasGot: boolean;
  readonly row?: number;
}

/** `SLA_LEADS_NEEDED: close_rate must be more than 0 and at most 100% (got 0)` */
export function formatProblem(language: Language, prefix: string, report: ProblemReport): string {
  const words = WORDS[language];
  const details: string[] = [];
  if (report.row !== undefined) details.push(`${words.row} ${report.row}`);
  if (report.hasGot) details.push(words.got(showValue(language, report.got)));
  const suffix = details.length > 0 ? ` (${details.join(", ")})` : "";
  const head = prefix ? `${prefix}: ` : "";
  const subject = report.subject ? `${report.subject} ` : "";
  return `${head}${subject}${problemText(language, report.code, report.params)}${suffix}`;
}
