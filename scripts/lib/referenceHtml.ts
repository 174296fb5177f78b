/**
 * The function reference dialog's content (dist/Reference.html), made at build
 * time from the custom-function registry alone: every function's signature,
 * summary, parameters and examples with their results, in English and German.
 * scripts/lib/html.ts writes it into the page as JSON; sidebar/reference
 * renders it with textContent. The help texts reach users this way without
 * adding a byte to the server bundle Apps Script loads for every call.
 */
import { LANGUAGES, type Language, type Translations } from "../../src/core/i18n";
import type { Localized } from "../../src/functions/params";
import type { CustomFunction, Example } from "../../src/functions/registry";
import { formatNumber, signatureOf } from "./reference";

export type FunctionKind = CustomFunction["kind"] | "aggregateRow";

export interface ReferenceParam {
  readonly name: string;
  readonly optional: boolean;
  readonly description: Localized;
  readonly allowed: Localized;
}

export interface ReferenceExample {
  /** What a user types, as written in the registry (comma separators). */
  readonly formula: string;
  /** What the cell shows, worded per language; absent when the registry gives no result. */
  readonly result?: Localized;
}

export interface ReferenceFunction {
  readonly name: string;
  /** `SLA_LEADS_NEEDED(quota, marketing_share, avg_deal_size, close_rate, [exact])`. */
  readonly signature: string;
  readonly kind: FunctionKind;
  readonly summary: Localized;
  readonly returns: Localized;
  readonly params: readonly ReferenceParam[];
  readonly examples: readonly ReferenceExample[];
}

export interface ReferenceData {
  readonly functions: readonly ReferenceFunction[];
}

/** How an example's range result is worded. */
interface ResultWords {
  readonly spills: (values: string) => string;
  readonly row: (values: string) => string;
  readonly separator: string;
}

const en: ResultWords = {
  spills: (values) => `spills ${values} down the column`,
  row: (values) => `gives the row ${values}`,
  separator: ", ",
};

const de: ResultWords = {
  spills: (values) => `ergibt untereinander ${values}`,
  row: (values) => `ergibt die Zeile ${values}`,
  separator: "; ",
};

const RESULT_WORDS: Translations<ResultWords> = { en, de };

function localized(make: (language: Language) => string): Localized {
  return Object.fromEntries(LANGUAGES.map((language) => [language, make(language)])) as Localized;
}

/** "the daily target" → "The daily target.": summaries and results read as sentences. */
export function sentence(text: string): string {
  const trimmed = text.replace(/\s+/g, " ").trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** An example's result as the reference states it, in the reader's number format. */
export function resultText(result: NonNullable<Example["result"]>, language: Language): string {
  if (typeof result === "number") return formatNumber(result, language);
  if (typeof result === "string") return `"${result}"`;
  const { spills, row: asRow, separator } = RESULT_WORDS[language];
  const rows = result.map((row) => {
    const values = row.map((value) => formatNumber(value, language));
    return values.length === 1 ? (values[0] ?? "") : `[${values.join(separator)}]`;
  });
  if (result.length === 1 && (result[0]?.length ?? 0) > 1) return asRow(rows[0]!);
  return spills(rows.join(separator));
}

/** Everything the reference dialog shows, as JSON-safe data. */
export function referenceData(functions: readonly CustomFunction[]): ReferenceData {
  return {
    functions: functions.map((fn) => ({
      name: fn.name,
      signature: signatureOf(fn),
      kind: fn.kind === "aggregate" && fn.row ? "aggregateRow" : fn.kind,
      summary: localized((language) => sentence(fn.summary[language])),
      returns: localized((language) => sentence(fn.returns[language])),
      params: fn.params.map((param) => ({
        name: param.name,
        optional: param.optional,
        description: localized((language) => param.description[language].trim()),
        allowed: localized((language) => param.allowed[language].trim()),
      })),
      examples: fn.examples.map((example) => {
        const result = example.result;
        return result === undefined
          ? { formula: example.formula }
          : { formula: example.formula, result: localized((language) => resultText(result, language)) };
      }),
    })),
  };
}
