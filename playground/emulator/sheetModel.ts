/** One sheet of the model: its size, tab settings, cell meta and the specs stored on it. */
import type { Rect } from "./a1";
import type { CellMeta, ChartSpec, ConditionalRuleSpec, ProtectionSpec } from "./specs";

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export class SheetModel {
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  hidden = false;
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** meta[row - 1][col - 1]; sparse. */
  meta: (CellMeta | undefined)[][] = [];
  merges: Rect[] = [];
  charts: ChartSpec[] = [];
  conditionalFormats: ConditionalRuleSpec[] = [];
  protections: ProtectionSpec[] = [];
  deleted = false;

  constructor(
    readonly id: number,
    public name: string,
    /** The sheet's id in HyperFormula, which a rebuild of the engine renumbers (Model keeps it in step). */
    public hfId: number,
  ) {}

  cellMeta(row: number, col: number): CellMeta | undefined {
    return this.meta[row - 1]?.[col - 1];
  }

  ensureMeta(row: number, col: number): CellMeta {
    this.meta[row - 1] ??= [];
    const cells = this.meta[row - 1]!;
    cells[col - 1] ??= {};
    return cells[col - 1]!;
  }

  /** Calls fn for every cell that has meta, in row order. */
  forEachMeta(fn: (meta: CellMeta, row: number, col: number) => void): void {
    this.meta.forEach((cells, r) => cells?.forEach((m, c) => m && fn(m, r + 1, c + 1)));
  }

  wholeSheet(): Rect {
    return { row: 1, col: 1, numRows: this.maxRows, numCols: this.maxColumns };
  }
}
