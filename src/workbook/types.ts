/**
 * The workbook plan: plain data describing what the SLA workbook should look
 * like. Computed purely from a validated SlaConfig (and what exists already);
 * src/gas/applyPlan.ts is the only code that turns it into Sheets calls.
 */

/** One cell of a block. `text` is user text: always written as literal text, never as a formula. */
export interface CellSpec {
  readonly value?: string | number | boolean;
  readonly text?: string;
  readonly formula?: string;
  readonly format?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly background?: string;
  readonly color?: string;
  /** Long text breaks into lines inside the cell instead of being cut off by the next one. */
  readonly wrap?: boolean;
  readonly note?: string;
  /**
   * A cell users type into: `key` finds its value again when the layout moves;
   * `fallbackKey` when the key itself changed (e.g. a reworded requirement).
   * The cell's own value is only the default for a new cell.
   */
  readonly input?: { readonly key: string; readonly fallbackKey?: string };
  /**
   * A formula elsewhere on the tab fills this cell with its results (an
   * ARRAYFORMULA down a column, a totals MMULT, a median's HSTACK): the
   * add-on's, written blank so the results can fill it, never taken for a user's.
   */
  readonly filled?: true;
}

/** A rectangle written with one call per property (values, formats, styles). */
export interface BlockPlan {
  /** 1-based top-left corner. */
  readonly row: number;
  readonly column: number;
  /** Rows of cells; undefined is a blank, unformatted cell. */
  readonly cells: readonly (readonly (CellSpec | undefined)[])[];
}

export type ValidationRule =
  | { readonly kind: "list"; readonly values: readonly string[]; readonly strict: boolean }
  | { readonly kind: "date" }
  | { readonly kind: "numberAtLeast"; readonly min: number }
  | { readonly kind: "numberBetween"; readonly min: number; readonly max: number }
  | { readonly kind: "checkbox" };

export interface ValidationPlan {
  /** A1 range on the sheet, e.g. `C2:C1001`. */
  readonly range: string;
  readonly rule: ValidationRule;
  readonly helpText: string;
}

export interface ConditionalFormatPlan {
  readonly ranges: readonly string[];
  /** A custom formula relative to the range's top-left cell, e.g. `=$N2="Overdue"`. */
  readonly formula: string;
  readonly background?: string;
  readonly color?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface ChartSeriesPlan {
  /** A1 range including its header cell, e.g. `D10:D41`. */
  readonly range: string;
  readonly type: "line" | "bars";
  readonly color: string;
  readonly dashed?: boolean;
  /** A line with a marker on each point: a series by month shows even while only one month has begun. */
  readonly points?: boolean;
  readonly targetAxis?: 0 | 1;
}

export interface ChartPlan {
  readonly key: string;
  readonly kind: "combo" | "line" | "column";
  readonly title: string;
  /** Domain (x axis) range including its header cell. */
  readonly domain: string;
  readonly series: readonly ChartSeriesPlan[];
  readonly anchor: { readonly row: number; readonly column: number };
  readonly width: number;
  readonly height: number;
  readonly vAxisTitle: string;
  readonly vAxisTitleRight?: string;
  /** Axes that count things (0 left, 1 right): labelled in whole numbers, never 0.2 steps. */
  readonly countAxes?: readonly (0 | 1)[];
  /** Bars stacked on each other (e.g. shares that add up to 100 %). */
  readonly stacked?: boolean;
}

export interface SheetPlan {
  /** Stable identity across renames and languages: `agreement`, `leads`, `followUp`, `ledger`, `month:2026-12`. */
  readonly key: string;
  readonly name: string;
  readonly tabColor: string;
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /**
   * A log: the rows below the header belong to users, who add, sort and edit
   * them. Only the plan's cells are written, and nothing on the tab is ever
   * cleared or carried by key. Other tabs are the add-on's but for their input cells.
   */
  readonly rowsOfUsers?: true;
  /** Rows the sheet needs at least (the lead log grows; others fit their content). */
  readonly minRows: number;
  readonly minColumns: number;
  readonly columnWidths: readonly { readonly column: number; readonly count: number; readonly width: number }[];
  readonly blocks: readonly BlockPlan[];
  /**
   * Number formats for an area users type into, one row of formats repeated
   * over `rows`: their values are never written, only how they read.
   */
  readonly inputFormats?: readonly {
    readonly row: number;
    readonly column: number;
    readonly rows: number;
    readonly cells: readonly CellSpec[];
  }[];
  readonly validations: readonly ValidationPlan[];
  readonly conditionalFormats: readonly ConditionalFormatPlan[];
  readonly charts: readonly ChartPlan[];
}

export interface NamedRangePlan {
  readonly name: string;
  readonly sheetKey: string;
  readonly range: string;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  readonly namedRanges: readonly NamedRangePlan[];
}
