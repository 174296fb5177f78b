/**
 * Reading a CRM's CSV export with csv-parse (its browser build in the
 * dialog, its Node build in tests and benches: the caller passes it in, so
 * this module stays free of either). UTF-8 with or without a byte-order mark,
 * `,` or `;` between fields (Excel in a German locale saves `;`), quoted
 * fields with newlines inside.
 */

/** The sync `parse` of csv-parse, whichever build. */
export type CsvParse = (input: string, options: Record<string, unknown>) => unknown;

export const DELIMITERS = [",", ";"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Most rows an import takes at once: a year of leads for a large team; larger exports go in parts. */
export const MAX_IMPORT_ROWS = 20_000;

export interface CsvTable {
  readonly delimiter: Delimiter;
  readonly header: string[];
  /** Data rows, cells as text; row i is row i + 2 of the file as a spreadsheet numbers it. */
  readonly rows: string[][];
}

function options(delimiter: Delimiter, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, ...extra };
}

/**
 * The separator: the one that splits the first records into more columns,
 * the same number in each (a `;` file has commas inside its values, and the
 * other way round).
 */
export function detectDelimiter(text: string, parse: CsvParse): Delimiter {
  let best: { delimiter: Delimiter; score: number } = { delimiter: ",", score: -1 };
  for (const delimiter of DELIMITERS) {
    let records: string[][];
    try {
      records = parse(text, options(delimiter, { to: 20 })) as string[][];
    } catch {
      continue;
    }
    const widths = records.filter((record) => record.some((cell) => cell !== "")).map((record) => record.length);
    const header = widths[0] ?? 0;
    const consistent = widths.filter((width) => width === header).length;
    const score = header > 1 ? header * 100 + consistent : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * The file as a table: header and data rows. Throws csv-parse's error (with
 * its line) when the file is not CSV, e.g. a quote never closed.
 */
export function readCsv(text: string, parse: CsvParse): CsvTable {
  const clean = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(clean, parse);
  const records = parse(clean, options(delimiter)) as string[][];
  const [header = [], ...rows] = records;
  return { delimiter, header: header.map((cell) => cell.trim()), rows };
}
