import type { SheetPlan, WorkbookPlan } from "../workbook/types";
import { a1 } from "../workbook/sheetBuilder";
import { blockRect, parseRect, rectA1, union, type Rect } from "./rects";
import { styleRules } from "./styleRules";

/** What the last build wrote on one tab. */
export interface StoredSheet {
  readonly name: string;
  /** Where users' cells are, by key. */
  readonly inputs: Readonly<Record<string, string>>;
  /** The tab's sheet id: finds it again without a lookup by name (absent in layouts of older builds). */
  readonly id?: number;
  /** Fingerprint of the tab's plan: an unchanged, intact tab is not written again. */
  readonly hash?: string;
  /** Column widths and frozen panes the build set (see frameOf): set again only when the plan changes them. */
  readonly frame?: string;
  /** Charts the build put on the tab. */
  readonly charts?: number;
  /**
   * The rectangle the build wrote (`A1:O24`) and the one its validations
   * cover: a rebuild blanks only what of them the new layout no longer uses,
   * so whatever users keep elsewhere on the tab stays.
   */
  readonly area?: string;
  readonly validated?: string;
  /** "rules" when the build wrote the tab's colours and text styles as conditional-format rules, not cell formats (styleRules). */
  readonly looks?: "rules";
}

/** Where the last build put things, kept in the document so the next build finds users' cells again. */
export interface StoredLayout {
  readonly version: 1;
  readonly sheets: Readonly<Record<string, StoredSheet>>;
  /** Where each named range pointed after the build: `'Leads'!E2:E`. */
  readonly namedRanges?: Readonly<Record<string, string>>;
  /** How many named ranges the document held after the build (ours and users'). */
  readonly namedRangeCount?: number;
}

/** What applying a plan learned about the document, stored with the layout. */
export interface AppliedDocument {
  readonly sheetIds: Readonly<Record<string, number>>;
  readonly namedRangeCount: number;
}

/** A short fingerprint of a string (cyrb53): equal plans give equal fingerprints. */
export function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Whether a tab's colours and text styles are written as conditional-format rules (styleRules) or as cell formats. */
export function looksOf(sheet: SheetPlan): "rules" | "cells" {
  return styleRules(sheet) === undefined ? "cells" : "rules";
}

/**
 * Everything a tab's plan writes except its column widths and frozen panes,
 * and how its looks are written: a tab an older build styled with cell
 * formats is written again, so they are reset once.
 */
export function planHash(sheet: SheetPlan): string {
  const { columnWidths: _widths, frozenRows: _rows, frozenColumns: _columns, ...content } = sheet;
  return fingerprint(JSON.stringify(looksOf(sheet) === "rules" ? { ...content, looks: "rules" } : content));
}

/** Column widths and frozen panes as stored: `[widths, frozenRows, frozenColumns]` in JSON. */
export function frameOf(sheet: SheetPlan): string {
  return JSON.stringify([sheet.columnWidths, sheet.frozenRows, sheet.frozenColumns]);
}

/** Everything a tab's blocks cover. */
export function writtenArea(sheet: SheetPlan): Rect | undefined {
  return union(sheet.blocks.map(blockRect).filter((rect): rect is Rect => rect !== undefined));
}

/** Everything a tab's validations cover (written as one rectangle, blanks between). */
export function validatedArea(sheet: SheetPlan): Rect | undefined {
  return union(sheet.validations.map((validation) => parseRect(validation.range)));
}

/** Where a named range points, as the build stores it: `'Leads'!E2:E`. */
export function namedRangeTarget(sheetName: string, range: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${range}`;
}

/** Where a tab's plan puts the cells users type into: address by key. */
export function inputsOf(sheet: SheetPlan): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const block of sheet.blocks) {
    block.cells.forEach((line, rowOffset) =>
      line.forEach((cell, columnOffset) => {
        if (cell?.input) inputs[cell.input.key] = a1(block.row + rowOffset, block.column + columnOffset);
      }),
    );
  }
  return inputs;
}

/** The layout a plan produces: every input cell's key and address, per sheet. */
export function layoutOf(plan: WorkbookPlan, applied?: AppliedDocument): StoredLayout {
  const sheets: Record<string, StoredSheet> = {};
  for (const sheet of plan.sheets) {
    const inputs = inputsOf(sheet);
    const id = applied?.sheetIds[sheet.key];
    const area = writtenArea(sheet);
    const validated = validatedArea(sheet);
    sheets[sheet.key] = {
      name: sheet.name,
      inputs,
      ...(id === undefined ? {} : { id, hash: planHash(sheet), frame: frameOf(sheet), charts: sheet.charts.length }),
      ...(id !== undefined && area ? { area: rectA1(area) } : {}),
      ...(id !== undefined && validated ? { validated: rectA1(validated) } : {}),
      ...(id !== undefined && looksOf(sheet) === "rules" ? { looks: "rules" as const } : {}),
    };
  }
  const names = new Map(plan.sheets.map((sheet) => [sheet.key, sheet.name]));
  const namedRanges: Record<string, string> = {};
  for (const named of plan.namedRanges) namedRanges[named.name] = namedRangeTarget(names.get(named.sheetKey) ?? "", named.range);
  return { version: 1, sheets, namedRanges, ...(applied ? { namedRangeCount: applied.namedRangeCount } : {}) };
}

export function isStoredLayout(value: unknown): value is StoredLayout {
  return typeof value === "object" && value !== null && (value as { version?: unknown }).version === 1 && typeof (value as { sheets?: unknown }).sheets === "object";
}
