import type { CellSpec, SheetPlan, WorkbookPlan } from "../workbook/types";
import { a1 } from "../workbook/sheetBuilder";
import { blockRect, parseRect, rectA1, union, type Rect } from "./rects";
import type { StoredLayout, StoredSheet } from "../reconcile/storedState";

export type { StoredLayout, StoredSheet };

/** What applying a plan learned about the document, stored with the layout. */
export interface AppliedDocument {
  readonly sheetIds: Readonly<Record<string, number>>;
  readonly namedRangeCount: number;
}

/**
 * Math.imul held in a module binding: the hash loop below reads it millions of times per build, and where the
 * global object is a sandbox (jest runs every test file in a node:vm context) each `Math` lookup goes through
 * the sandbox and costs about a hundred times the arithmetic it feeds.
 */
const imul = Math.imul;

/** A short fingerprint of a string (cyrb53): equal plans give equal fingerprints. */
export function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = imul(h1 ^ code, 2654435761);
    h2 = imul(h2 ^ code, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * A build asks for a tab's fingerprints more than once (to record the layout
 * and to compare it with the stored one), and a large tab's plan takes a
 * while to serialise; plans are immutable, so each plan object is hashed once.
 */
const planHashes = new WeakMap<SheetPlan, string>();
const looksHashes = new WeakMap<SheetPlan, string>();

function remembered(
  cache: WeakMap<SheetPlan, string>,
  sheet: SheetPlan,
  compute: (sheet: SheetPlan) => string,
): string {
  let hash = cache.get(sheet);
  if (hash === undefined) {
    hash = compute(sheet);
    cache.set(sheet, hash);
  }
  return hash;
}

/**
 * Fingerprint of a tab's fixed looks: where the plan puts which colour, text
 * style and wrap. A rebuild writes looks only when this changed, so a header
 * users restyled keeps their style while the layout stays as it was.
 */
export function looksHash(sheet: SheetPlan): string {
  return remembered(looksHashes, sheet, computeLooksHash);
}

function computeLooksHash(sheet: SheetPlan): string {
  const looks: string[] = [];
  for (const block of sheet.blocks) {
    block.cells.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell && (cell.background || cell.color || cell.bold || cell.italic || cell.wrap)) {
          looks.push(
            `${block.row + r}:${block.column + c}:${cell.background ?? ""}:${cell.color ?? ""}:${cell.bold ? 1 : 0}${cell.italic ? 1 : 0}${cell.wrap ? 1 : 0}`,
          );
        }
      }),
    );
  }
  return fingerprint(looks.join("|"));
}

/** Everything a tab's plan writes except its column widths and frozen panes. */
export function planHash(sheet: SheetPlan): string {
  return remembered(planHashes, sheet, computePlanHash);
}

function computePlanHash(sheet: SheetPlan): string {
  const { columnWidths: _widths, frozenRows: _rows, frozenColumns: _columns, ...content } = sheet;
  return fingerprint(JSON.stringify(content));
}

/** Column widths and frozen panes as stored: `[widths, frozenRows, frozenColumns]` in JSON. */
export function frameOf(sheet: SheetPlan): string {
  return JSON.stringify([sheet.columnWidths, sheet.frozenRows, sheet.frozenColumns]);
}

/** Everything a tab's blocks cover. */
export function writtenArea(sheet: SheetPlan): Rect | undefined {
  return union(sheet.blocks.map(blockRect).filter((rect): rect is Rect => rect !== undefined));
}

/** A planned cell with content of its own: a value, text, formula, or a cell users type into. */
export function hasContent(cell: CellSpec | undefined): boolean {
  if (cell === undefined) return false;
  // A cell a formula fills holds the add-on's results: its record says so, so a rebuild never keeps them as users'.
  if (cell.input || cell.formula !== undefined || cell.filled) return true;
  return (cell.text !== undefined && cell.text !== "") || (cell.value !== undefined && cell.value !== "");
}

/**
 * The cells a tab's blocks give content (not the blank ones between, nor
 * empty cells that only carry looks), as rectangles: each row's runs, merged
 * down while the next row has the same runs.
 * @example writtenCells(plan) // "A1:C1,A3:B9,D3"
 */
export function writtenCells(sheet: SheetPlan): string {
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  const rows = new Map<number, [number, number][]>();
  for (const block of sheet.blocks) {
    block.cells.forEach((line, offset) => {
      const runs = rows.get(block.row + offset) ?? [];
      let start: number | undefined;
      for (let index = 0; index <= line.length; index++) {
        const defined = index < line.length && hasContent(line[index]);
        if (defined && start === undefined) start = index;
        if (!defined && start !== undefined) {
          runs.push([block.column + start, block.column + index - 1]);
          start = undefined;
        }
      }
      rows.set(block.row + offset, runs);
    });
  }
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const runs = rows.get(row)!;
    const seen = new Set<string>();
    for (const [left, right] of runs) {
      const key = `${left}:${right}`;
      seen.add(key);
      const rect = open.get(key);
      if (rect && rect.bottom === row - 1) open.set(key, { ...rect, bottom: row });
      else {
        if (rect) done.push(rect);
        open.set(key, { top: row, left, bottom: row, right });
      }
    }
    for (const [key, rect] of open) {
      if (!seen.has(key)) {
        done.push(rect);
        open.delete(key);
      }
    }
  }
  done.push(...open.values());
  return done.map(rectA1).join(",");
}

/** Rectangles from their stored form (writtenCells). */
export function parseRects(text: string): Rect[] {
  return text === "" ? [] : text.split(",").map(parseRect);
}

/** Everything a tab's validations cover (written as one rectangle, blanks between). */
export function validatedArea(sheet: SheetPlan): Rect | undefined {
  return union(sheet.validations.map((validation) => parseRect(validation.range)));
}

/** Where a named range points, as the build stores it: `'Leads'!E2:E`. */
export function namedRangeTarget(sheetName: string, range: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${range}`;
}

/** Where a tab's plan puts the cells users type into: address by key (and by fallback key). */
export function inputsOf(sheet: SheetPlan): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const block of sheet.blocks) {
    block.cells.forEach((line, rowOffset) =>
      line.forEach((cell, columnOffset) => {
        if (!cell?.input) return;
        const address = a1(block.row + rowOffset, block.column + columnOffset);
        inputs[cell.input.key] = address;
        // The fallback finds the value again when the key itself changes (a reworded requirement).
        if (cell.input.fallbackKey) inputs[cell.input.fallbackKey] ??= address;
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
    // The lead log's rows are users': which cells its plan writes is not kept.
    const cells = id !== undefined && !sheet.rowsOfUsers && area ? writtenCells(sheet) : "";
    sheets[sheet.key] = {
      name: sheet.name,
      inputs,
      ...(id === undefined ? {} : { id, hash: planHash(sheet), frame: frameOf(sheet), charts: sheet.charts.length }),
      ...(id !== undefined && area ? { area: rectA1(area) } : {}),
      ...(id !== undefined && validated ? { validated: rectA1(validated) } : {}),
      ...(cells !== "" ? { cells, spills: true as const } : {}),
      ...(id !== undefined ? { looks: looksHash(sheet) } : {}),
    };
  }
  const names = new Map(plan.sheets.map((sheet) => [sheet.key, sheet.name]));
  const namedRanges: Record<string, string> = {};
  for (const named of plan.namedRanges)
    namedRanges[named.name] = namedRangeTarget(names.get(named.sheetKey) ?? "", named.range);
  return { version: 1, sheets, namedRanges, ...(applied ? { namedRangeCount: applied.namedRangeCount } : {}) };
}
