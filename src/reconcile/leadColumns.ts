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
import type { ColumnTag, NamedRangeSnapshot } from "./snapshot";

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

const normal = (text: unknown): string => String(text ?? "").trim().toLocaleLowerCase();

/**
 * @param headerTitles every language's header titles, in column-table order
 * @example resolveLeadColumns(undefined, [], [], [EN]) // a new log: A–P
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
    if (named && /^\$?[A-Z]+\$?2:\$?[A-Z]+(\$?\d+)?$/.test(named.a1)) claim(key, parseA1(named.a1.replace(/\$/g, "").split(":")[0]!).column);
  }
  LEAD_COLUMN_KEYS.forEach((key, index) => {
    if (found.has(key)) return;
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
