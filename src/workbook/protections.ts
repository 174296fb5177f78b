/**
 * Who edits what once the workbook is shared with sales: every team edits
 * only its own columns and tabs. Calculated cells are the add-on's; cells
 * users type into (checklist, notes, total revenue, the rep month picker)
 * stay open; in the lead log marketing owns its columns and sales its own.
 */
import { columnRuns, keysOfSide, NEW_LEAD_COLUMNS, type LeadColumnKey, type LeadColumns } from "./leadColumns";
import { a1, columnLetter, parseA1 } from "./sheetBuilder";

export const PROTECTION_PREFIX = "Marketing & Sales SLA";

export interface ProtectionPlan {
  readonly sheetKey: string;
  /** A1 range on the sheet, or "sheet" for the whole sheet. */
  readonly range: string;
  readonly description: string;
  /** Who may edit besides the person sharing: nobody else, or marketing's contacts. */
  readonly editors: "owner" | "marketing";
  readonly unprotected: readonly string[];
}

/** Merges single cells into column runs: C5, C6, C7 → C5:C7. */
export function compactRanges(cells: readonly string[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const cell of new Set(cells)) {
    const { row, column } = parseA1(cell);
    byColumn.set(column, [...(byColumn.get(column) ?? []), row]);
  }
  const ranges: string[] = [];
  for (const [column, rows] of [...byColumn.entries()].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0] as number;
    let previous = start;
    for (const row of [...rows.slice(1), Number.NaN]) {
      if (row === previous + 1) {
        previous = row;
        continue;
      }
      ranges.push(start === previous ? a1(start, column) : `${a1(start, column)}:${a1(previous, column)}`);
      start = row;
      previous = row;
    }
  }
  return ranges;
}

/**
 * `inputs`: per sheet key, the cells users type into (from the stored layout);
 * `leadColumns`: where the lead log's columns are now. Columns people added
 * to the log are theirs and stay unprotected.
 */
export function planProtections(
  sheetKeys: readonly string[],
  inputs: Readonly<Record<string, readonly string[]>>,
  leadsLastRow: number,
  leadColumns: LeadColumns = NEW_LEAD_COLUMNS,
): ProtectionPlan[] {
  const plans: ProtectionPlan[] = [];
  for (const key of sheetKeys) {
    if (key === "leads") {
      const last = Math.max(2, leadsLastRow);
      const runs = (keys: readonly LeadColumnKey[], top: number, bottom: number): string[] =>
        columnRuns(keys.map((column) => leadColumns[column])).map(
          (run) => `${columnLetter(run.first)}${top}:${columnLetter(run.first + run.count - 1)}${bottom}`,
        );
      const inputKeys = [...keysOfSide("marketing"), ...keysOfSide("sales")];
      for (const range of runs(inputKeys, 1, 1))
        plans.push({
          sheetKey: key,
          range,
          description: `${PROTECTION_PREFIX}: column headers`,
          editors: "owner",
          unprotected: [],
        });
      for (const range of runs(keysOfSide("calculated"), 1, last))
        plans.push({
          sheetKey: key,
          range,
          description: `${PROTECTION_PREFIX}: calculated columns`,
          editors: "owner",
          unprotected: [],
        });
      for (const range of runs(keysOfSide("marketing"), 2, last))
        plans.push({
          sheetKey: key,
          range,
          description: `${PROTECTION_PREFIX}: marketing's columns`,
          editors: "marketing",
          unprotected: [],
        });
      continue;
    }
    plans.push({
      sheetKey: key,
      range: "sheet",
      description: `${PROTECTION_PREFIX}: generated tab`,
      editors: "owner",
      unprotected: compactRanges(inputs[key] ?? []),
    });
  }
  return plans;
}
