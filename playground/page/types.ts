/**
 * What the playground server sends the page: plain JSON, shared by both
 * sides so a change to one breaks the type check of the other.
 */

/** One cell as the grid draws it. Short keys: the lead log alone has 14,000 cells. */
export interface CellView {
  /** What the cell shows, rendered with its number format. */
  v: string;
  /** The formula, as the formula bar shows it. */
  f?: string;
  /** For a value: the text that types it back (e.g. "50%", "2026-12-01 09:30:00"). */
  e?: string;
  /** A number (or date): right-aligned unless the cell says otherwise. */
  n?: boolean;
  /** A boolean value. */
  t?: boolean;
  /** Drawn as a checkbox (data validation CHECKBOX). */
  x?: boolean;
  b?: boolean;
  i?: boolean;
  bg?: string;
  fc?: string;
  fs?: number;
  /** Horizontal alignment as Sheets names it ("left", "center", "right", "normal"). */
  ha?: string;
  va?: string;
  /** Wraps its text. */
  w?: boolean;
  note?: string;
  /** For an error value: the message (Sheets shows it when you point at the cell). */
  err?: string;
}

export interface ChartDataset {
  label: string;
  data: (number | null)[];
  kind: "line" | "bar" | "area";
  color: string;
  /** 0: left axis, 1: right axis. */
  axis: 0 | 1;
  /** Dash pattern (Google Charts' lineDashStyle). */
  dash?: number[];
  lineWidth?: number;
  pointSize?: number;
}

export interface ChartAxis {
  title?: string;
  min?: number;
  max?: number;
  /** Whole-number ticks only (the axis counts things). */
  whole?: boolean;
}

export interface ChartView {
  id: number | null;
  title: string;
  /** The chart type in Sheets (COMBO, LINE, COLUMN, …). */
  type: string;
  width: number;
  height: number;
  /** Where Sheets anchors it: 1-based row and column, pixel offsets. */
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  labels: string[];
  /**
   * The domain's values, for checks: a date as "YYYY-MM-DD" (in the
   * spreadsheet's zone), text as it is; absent when the chart has no domain column.
   */
  domain?: (string | number | null)[];
  datasets: ChartDataset[];
  axes: ChartAxis[];
  domainTitle?: string;
  legend: "top" | "bottom" | "left" | "right" | "none";
  horizontal: boolean;
  /** Bars stacked on each other (the isStacked option). */
  stacked?: boolean;
  background?: string;
  titleColor?: string;
}

/** A chart as the page drew it (Chart.js's data), for tests and the screenshots script. */
export interface DrawnChart {
  title: string;
  labels: string[];
  domain?: (string | number | null)[];
  datasets: { label: string; data: (number | null)[]; dashed: boolean }[];
  /** The chart's box on the page (client pixels). */
  box: { left: number; top: number; right: number; bottom: number };
}

export interface SheetView {
  name: string;
  /** Rows and columns the page draws (the used part and some room around it). */
  rows: number;
  cols: number;
  maxRows: number;
  frozenRows: number;
  frozenColumns: number;
  /** Pixel width of each drawn column. */
  widths: number[];
  /** Row heights that differ from the default 21 px, by 1-based row. */
  heights: Record<string, number>;
  merges: { row: number; col: number; rows: number; cols: number }[];
  /** By A1 address; cells that show nothing and have no format are left out. */
  cells: Record<string, CellView>;
  charts: ChartView[];
  namedRanges: number;
}

export interface WorkbookView {
  title: string;
  /** "YYYY-MM-DD" in the spreadsheet's zone. */
  today: string;
  /** False when the playground was started with --today. */
  realToday: boolean;
  timeZone: string;
  locale: string;
  language: "en" | "de";
  hasSla: boolean;
  /** The active sheet: the one the add-on, or the user by clicking its tab, last activated. */
  active: string;
  tabs: { name: string; hidden: boolean; color: string | null }[];
  editors: string[];
  sheet: SheetView;
}

/** What GET /api/info answers: what the page can offer. */
export interface PlaygroundInfo {
  /** Server functions the bridge accepts (the names of SERVER_API). */
  functions: string[];
  /** Built dialogs present in dist/ (Share.html, Reference.html, Import.html, SelfTest.html); the page has its own stand-ins for the first two otherwise. */
  surfaces: { share: boolean; reference: boolean; import: boolean; selfTest: boolean };
  /** Set when the saved workbook could not be read and was moved aside. */
  notice?: string;
  dataFile: string;
}

/** One custom function, for the page's own reference list. */
export interface FunctionEntry {
  name: string;
  signature: string;
  summary: string;
  examples: { formula: string; result?: string }[];
}
