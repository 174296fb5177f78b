/**
 * Where the lead log's columns are now. People insert, delete and move
 * columns in a shared log; the add-on finds its own columns by their
 * developer metadata first (it moves with the column), then by the named
 * range over the column, then by the header text in either language. A
 * column it can't find (deleted, or added by a later version) goes at the
 * log's right end, never between users' columns.
 */
import { parseA1 } from "../workbook/sheetBuilder";
import { LEAD_COLUMN_KEYS, NEW_LEAD_COLUMNS, type LeadColumnKey, type LeadColumns } from "../workbook/leadColumns";
import { NAMED_COLUMNS } from "../workbook/leads";
import { HEADER_METADATA_KEY, type ColumnTag, type NamedRangeSnapshot, type RowTag } from "./snapshot";

export interface LeadLogView {
  readonly sheetId: number;
  /** Row 1 as it reads now (calculated columns show their titles). */
  readonly header: readonly unknown[];
  /** Columns the tab has. */
  readonly columns: number;
  /** The rightmost column with anything in any row. */
  readonly lastUsedColumn: number;
}

export interface ResolvedLeadColumns {
  readonly columns: LeadColumns;
  /** Columns that carry no metadata yet: tagged by this operation. */
  readonly untagged: readonly LeadColumnKey[];
  /** Columns the log doesn't have: added at its right end. */
  readonly added: readonly LeadColumnKey[];
}

const normal = (text: unknown): string =>
  String(text ?? "")
    .trim()
    .toLocaleLowerCase();

/**
 * @param headerTitles every language's header titles, in column-table order
 * @example resolveLeadColumns(undefined, [], [], [EN]) // a new log: A–R
 */
export function resolveLeadColumns(
  log: LeadLogView | undefined,
  tags: readonly ColumnTag[],
  namedRanges: readonly NamedRangeSnapshot[],
  headerTitles: readonly (readonly string[])[],
): ResolvedLeadColumns {
  if (!log) return { columns: NEW_LEAD_COLUMNS, untagged: LEAD_COLUMN_KEYS, added: [] };
  const found = new Map<LeadColumnKey, number>();
  const taken = new Set<number>();
  const claim = (key: LeadColumnKey, column: number | undefined): void => {
    if (column === undefined || found.has(key) || taken.has(column) || column < 1 || column > log.columns) return;
    found.set(key, column);
    taken.add(column);
  };
  const tagged = new Set<LeadColumnKey>();
  for (const tag of tags) {
    if (tag.sheetId !== log.sheetId || !(LEAD_COLUMN_KEYS as readonly string[]).includes(tag.key)) continue;
    const key = tag.key as LeadColumnKey;
    if (!found.has(key)) tagged.add(key);
    claim(key, tag.column);
  }
  for (const [name, key] of NAMED_COLUMNS) {
    const named = namedRanges.find((range) => range.name === name && range.sheetId === log.sheetId);
    if (named && /^\$?[A-Z]+\$?2:\$?[A-Z]+(\$?\d+)?$/.test(named.a1))
      claim(key, parseA1(named.a1.replace(/\$/g, "").split(":")[0]!).column);
  }
  // Header text finds the columns of a log built before metadata. Once the log carries metadata, a column
  // without it was deleted: a user's column of the same title is theirs, and ours goes at the right end.
  LEAD_COLUMN_KEYS.forEach((key, index) => {
    if (found.has(key) || tagged.size > 0) return;
    const titles = new Set(headerTitles.map((titles) => normal(titles[index])));
    const at = log.header.findIndex((cell, column) => !taken.has(column + 1) && titles.has(normal(cell)));
    if (at >= 0) claim(key, at + 1);
  });
  // After everything in the log, so a column added later never lands on users' cells.
  let next = Math.max(log.lastUsedColumn, ...found.values(), 0);
  const added: LeadColumnKey[] = [];
  const columns = {} as Record<LeadColumnKey, number>;
  for (const key of LEAD_COLUMN_KEYS) {
    const column = found.get(key);
    if (column !== undefined) columns[key] = column;
    else {
      next += 1;
      columns[key] = next;
      added.push(key);
    }
  }
  return { columns, untagged: LEAD_COLUMN_KEYS.filter((key) => !tagged.has(key)), added };
}

export type HeaderCheck =
  | { readonly kind: "ok" /** The header row gets its metadata now. */; readonly tag: boolean }
  /** People inserted rows above the header: writing the header in row 1 would cover what they put there. */
  | { readonly kind: "leadHeaderMoved"; readonly row: number }
  /** The header row was deleted: row 1 holds a lead now. */
  | { readonly kind: "leadHeaderMissing" };

/**
 * The lead log's header is row 1, found by its metadata (which moves with
 * the row). A log whose columns carry metadata but whose header row doesn't
 * lost that row, unless row 1 is empty again; a log without any metadata is tagged.
 */
export function checkHeaderRow(
  sheetId: number,
  rowTags: readonly RowTag[],
  columnTags: readonly ColumnTag[],
  rowOneEmpty: boolean,
): HeaderCheck {
  const rows = rowTags
    .filter((tag) => tag.sheetId === sheetId && tag.key === HEADER_METADATA_KEY)
    .map((tag) => tag.row);
  if (rows.includes(1)) return { kind: "ok", tag: false };
  if (rows.length > 0) return { kind: "leadHeaderMoved", row: Math.min(...rows) };
  // An empty first row is where the header goes again (people deleted it, then inserted a row for it).
  if (columnTags.some((tag) => tag.sheetId === sheetId) && !rowOneEmpty) return { kind: "leadHeaderMissing" };
  return { kind: "ok", tag: true };
}
