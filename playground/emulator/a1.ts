/**
 * A1 notation as Sheets reads and writes it: cell and range references,
 * open-ended ranges ("A2:A", "A:C", "1:1") and sheet prefixes ("'Follow-up'!A1").
 */

/** A rectangle on one sheet, 1-based and inclusive, as Apps Script ranges count. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
}

/** Which ends of a range reach the edge of the sheet ("A2:A" keeps growing with the sheet in Sheets). */
export interface OpenEnds {
  readonly openRows: boolean;
  readonly openCols: boolean;
}

export function lastRowOf(rect: Rect): number {
  return rect.row + rect.numRows - 1;
}

export function lastColOf(rect: Rect): number {
  return rect.col + rect.numCols - 1;
}

export function columnToLetters(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function lettersToColumn(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

/** "A1", "A1:B2", or with open ends "A2:A", "A:C", "2:3" (what getA1Notation gives for such ranges). */
export function rectToA1(rect: Rect, open: Partial<OpenEnds> = {}): string {
  const first = columnToLetters(rect.col);
  const last = columnToLetters(lastColOf(rect));
  if (open.openRows && open.openCols) return `${first}${rect.row}:${last}`;
  if (open.openRows) return rect.row === 1 ? `${first}:${last}` : `${first}${rect.row}:${last}`;
  if (open.openCols)
    return rect.col === 1 ? `${rect.row}:${lastRowOf(rect)}` : `${first}${rect.row}:${lastRowOf(rect)}`;
  if (rect.numRows === 1 && rect.numCols === 1) return cellA1(rect.row, rect.col);
  return `${cellA1(rect.row, rect.col)}:${cellA1(lastRowOf(rect), lastColOf(rect))}`;
}

const BARE_SHEET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LOOKS_LIKE_REFERENCE = /^([A-Za-z]{1,3}\d+|R\d*C\d*|true|false)$/i;

/** Quotes a sheet name for a formula or A1 reference when Sheets would ("'Follow-up'", "'It''s'"). */
export function quoteSheetName(name: string, always = false): string {
  if (!always && BARE_SHEET_NAME.test(name) && !LOOKS_LIKE_REFERENCE.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'Follow-up'!A1:B2" into the unquoted sheet name and the reference. */
export function splitSheetPrefix(text: string): { sheetName?: string; ref: string } {
  const trimmed = text.trim();
  if (trimmed.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'!(.*)$/.exec(trimmed);
    if (!match) throw new Error("Range not found");
    return { sheetName: match[1]!.replace(/''/g, "'"), ref: match[2]! };
  }
  const bang = trimmed.lastIndexOf("!");
  if (bang < 0) return { ref: trimmed };
  return { sheetName: trimmed.slice(0, bang), ref: trimmed.slice(bang + 1) };
}

interface Corner {
  col?: number;
  row?: number;
}

const CORNER = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parseCorner(text: string): Corner | undefined {
  const match = CORNER.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const corner: Corner = {};
  if (match[1] !== undefined) corner.col = lettersToColumn(match[1]);
  if (match[2] !== undefined) corner.row = Number(match[2]);
  return corner;
}

/**
 * Resolves a reference without sheet prefix against a sheet's size. Missing
 * row or column parts reach the sheet's edge, as in Sheets. Throws "Range not
 * found" for anything that is not a reference.
 */
export function parseRangeRef(ref: string, maxRows: number, maxCols: number): { rect: Rect } & OpenEnds {
  const parts = ref.split(":");
  if (parts.length > 2) throw new Error("Range not found");
  const start = parseCorner(parts[0]!);
  const end = parts.length === 2 ? parseCorner(parts[1]!) : start;
  if (!start || !end) throw new Error("Range not found");
  if (parts.length === 1 && (start.row === undefined || start.col === undefined)) throw new Error("Range not found");
  if (start.col === undefined && end.col !== undefined) throw new Error("Range not found");
  if (start.row === undefined && end.row !== undefined) throw new Error("Range not found");
  if (start.col === undefined && start.row === undefined) throw new Error("Range not found");
  const openRows = end.row === undefined;
  const openCols = end.col === undefined;
  if (openRows && openCols) throw new Error("Range not found");
  const r1 = start.row ?? 1;
  const r2 = end.row ?? maxRows;
  const c1 = start.col ?? 1;
  const c2 = end.col ?? maxCols;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  const lastRow = Math.max(r1, r2);
  const lastCol = Math.max(c1, c2);
  if (row < 1 || col < 1) throw new Error("Range not found");
  const rect = { row, col, numRows: lastRow - row + 1, numCols: lastCol - col + 1 };
  return { rect, openRows, openCols };
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.row <= lastRowOf(b) && b.row <= lastRowOf(a) && a.col <= lastColOf(b) && b.col <= lastColOf(a);
}

export function rectContains(outer: Rect, inner: Rect): boolean {
  return (
    inner.row >= outer.row &&
    lastRowOf(inner) <= lastRowOf(outer) &&
    inner.col >= outer.col &&
    lastColOf(inner) <= lastColOf(outer)
  );
}
