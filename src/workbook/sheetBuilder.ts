import type { BlockPlan, CellSpec } from "./types";

/**
 * Collects cells by position and hands them out as one rectangle, so the
 * whole sheet is written with a constant number of calls (design decision 5).
 */
export class SheetBuilder {
  private readonly cells = new Map<number, Map<number, CellSpec>>();
  private maxRow = 0;
  private maxColumn = 0;
  private minRow = Number.POSITIVE_INFINITY;
  private minColumn = Number.POSITIVE_INFINITY;

  /** Places a cell at a 1-based position; returns its A1 address. */
  set(row: number, column: number, cell: CellSpec): string {
    let line = this.cells.get(row);
    if (!line) {
      line = new Map();
      this.cells.set(row, line);
    }
    const before = line.get(column);
    // Two parts of a layout landing on one cell is a planning bug that would lose one of them.
    if (hasContent(before) && hasContent(cell)) throw new Error(`cell ${a1(row, column)} is planned twice`);
    line.set(column, { ...before, ...cell });
    this.maxRow = Math.max(this.maxRow, row);
    this.maxColumn = Math.max(this.maxColumn, column);
    this.minRow = Math.min(this.minRow, row);
    this.minColumn = Math.min(this.minColumn, column);
    return a1(row, column);
  }

  /** Places several cells side by side from a position. */
  row(row: number, column: number, cells: readonly (CellSpec | undefined)[]): void {
    cells.forEach((cell, offset) => {
      if (cell) this.set(row, column + offset, cell);
    });
  }

  get lastRow(): number {
    return this.maxRow;
  }

  /** The cells as one block from the top-left used cell (or from `from`) to the bottom-right one. */
  toBlock(from?: { row: number; column: number }): BlockPlan {
    const top = from?.row ?? (Number.isFinite(this.minRow) ? this.minRow : 1);
    const left = from?.column ?? (Number.isFinite(this.minColumn) ? this.minColumn : 1);
    const rows: (CellSpec | undefined)[][] = [];
    for (let row = top; row <= Math.max(top, this.maxRow); row++) {
      const line: (CellSpec | undefined)[] = [];
      for (let column = left; column <= Math.max(left, this.maxColumn); column++)
        line.push(this.cells.get(row)?.get(column));
      rows.push(line);
    }
    return { row: top, column: left, cells: rows };
  }
}

function hasContent(cell: CellSpec | undefined): boolean {
  return cell !== undefined && (cell.value !== undefined || cell.text !== undefined || cell.formula !== undefined);
}

/** Column letters for a 1-based index: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** @example a1(2, 3) // "C2"; a1(2, 3, true) // "$C$2" */
export function a1(row: number, column: number, absolute = false): string {
  const lock = absolute ? "$" : "";
  return `${lock}${columnLetter(column)}${lock}${row}`;
}

/** @example rangeA1(2, 1, 10, 1) // "A2:A11" */
export function rangeA1(row: number, column: number, rows: number, columns: number, absolute = false): string {
  return `${a1(row, column, absolute)}:${a1(row + rows - 1, column + columns - 1, absolute)}`;
}

/**
 * A column from a row down, open-ended: it reaches the sheet's last row however the sheet grows.
 * @example openColumnA1(2, 5) // "E2:E"; openColumnA1(2, 5, true) // "$E$2:$E"
 */
export function openColumnA1(row: number, column: number, absolute = false): string {
  const lock = absolute ? "$" : "";
  return `${a1(row, column, absolute)}:${lock}${columnLetter(column)}`;
}

/** A sheet name as formulas need it: always quoted, quotes doubled. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** @example parseA1("C12") // { row: 12, column: 3 } */
export function parseA1(address: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(address);
  if (!match) throw new Error(`not a cell address: ${address}`);
  const column = [...(match[1] ?? "")].reduce((total, letter) => total * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}
