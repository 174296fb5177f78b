/**
 * Who edits what once the workbook is shared with sales: every team edits
 * only its own columns and tabs. Calculated cells are the add-on's; cells
 * users type into (checklist, notes, total revenue, the rep month picker)
 * stay open; in the lead log marketing owns A–E and sales owns F–L.
 */
import { LEAD_COLUMNS, LEAD_INPUT_COLUMNS, LEAD_LAST_COLUMN } from "./context";
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
  for (const cell of cells) {
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

/** `inputs`: per sheet key, the cells users type into (from the stored layout). */
export function planProtections(sheetKeys: readonly string[], inputs: Readonly<Record<string, readonly string[]>>, leadsLastRow: number): ProtectionPlan[] {
  const plans: ProtectionPlan[] = [];
  for (const key of sheetKeys) {
    if (key === "leads") {
      const last = Math.max(2, leadsLastRow);
      const calculated = `${columnLetter(LEAD_COLUMNS.responseHours)}1:${columnLetter(LEAD_LAST_COLUMN)}${last}`;
      plans.push(
        { sheetKey: key, range: `A1:${columnLetter(LEAD_INPUT_COLUMNS)}1`, description: `${PROTECTION_PREFIX}: column headers`, editors: "owner", unprotected: [] },
        { sheetKey: key, range: calculated, description: `${PROTECTION_PREFIX}: calculated columns`, editors: "owner", unprotected: [] },
        { sheetKey: key, range: `A2:${columnLetter(LEAD_COLUMNS.handedOff)}${last}`, description: `${PROTECTION_PREFIX}: marketing's columns`, editors: "marketing", unprotected: [] },
      );
      continue;
    }
    plans.push({ sheetKey: key, range: "sheet", description: `${PROTECTION_PREFIX}: generated tab`, editors: "owner", unprotected: compactRanges(inputs[key] ?? []) });
  }
  return plans;
}
