import type { WorkbookPlan } from "../workbook/types";
import { a1 } from "../workbook/sheetBuilder";

/** Where the last build put things, kept in the document so the next build finds users' cells again. */
export interface StoredLayout {
  readonly version: 1;
  readonly sheets: Readonly<Record<string, { readonly name: string; readonly inputs: Readonly<Record<string, string>> }>>;
  /** Where each named range pointed after the build: `'Leads'!E2:E1000`. */
  readonly namedRanges?: Readonly<Record<string, string>>;
}

/** The layout a plan produces: every input cell's key and address, per sheet. */
export function layoutOf(plan: WorkbookPlan): StoredLayout {
  const sheets: Record<string, { name: string; inputs: Record<string, string> }> = {};
  for (const sheet of plan.sheets) {
    const inputs: Record<string, string> = {};
    for (const block of sheet.blocks) {
      block.cells.forEach((line, rowOffset) =>
        line.forEach((cell, columnOffset) => {
          if (cell?.input) inputs[cell.input.key] = a1(block.row + rowOffset, block.column + columnOffset);
        }),
      );
    }
    sheets[sheet.key] = { name: sheet.name, inputs };
  }
  const names = new Map(plan.sheets.map((sheet) => [sheet.key, sheet.name]));
  const namedRanges: Record<string, string> = {};
  for (const named of plan.namedRanges) namedRanges[named.name] = `'${(names.get(named.sheetKey) ?? "").replace(/'/g, "''")}'!${named.range}`;
  return { version: 1, sheets, namedRanges };
}

export function isStoredLayout(value: unknown): value is StoredLayout {
  return typeof value === "object" && value !== null && (value as { version?: unknown }).version === 1 && typeof (value as { sheets?: unknown }).sheets === "object";
}
