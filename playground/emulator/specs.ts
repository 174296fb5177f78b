/**
 * The plain data the emulator keeps for everything besides cell contents:
 * formats, notes, validations, conditional formats, charts, protections.
 * Plain and JSON-safe, so the state and the snapshot are built from it directly.
 */
import type { Rect } from "./a1";

/** A range stored inside the document (a chart's data, a protected area), by sheet id so renames keep it. */
export interface StoredRange {
  sheetId: number;
  rect: Rect;
}

/** Criteria values as stored: ranges and dates become tagged records so the whole spec stays JSON-safe. */
export type StoredValue =
  | string
  | number
  | boolean
  | null
  | StoredValue[]
  | { kind: "range"; range: StoredRange }
  | { kind: "date"; ms: number };

export interface BorderLine {
  color: string;
  style: string;
}

export interface Borders {
  top?: BorderLine;
  left?: BorderLine;
  bottom?: BorderLine;
  right?: BorderLine;
}

export interface ValidationSpec {
  criteria: string;
  values: StoredValue[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** `hf` is HyperFormula's text of the formula when `text` was last known right; see WorkbookModel.formulaText. */
export interface FormulaMeta {
  text: string;
  open: boolean;
  hf?: string;
}

/** Everything about a cell besides its content. Format keys are the ones clearFormat removes. */
export interface CellMeta {
  numberFormat?: string;
  background?: string;
  fontColor?: string;
  fontWeight?: "bold";
  fontStyle?: "italic";
  fontSize?: number;
  wrapStrategy?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  borders?: Borders;
  note?: string;
  validation?: ValidationSpec;
  formula?: FormulaMeta;
}

export const FORMAT_KEYS = [
  "numberFormat",
  "background",
  "fontColor",
  "fontWeight",
  "fontStyle",
  "fontSize",
  "wrapStrategy",
  "horizontalAlignment",
  "verticalAlignment",
  "borders",
] as const satisfies readonly (keyof CellMeta)[];

export interface RuleFormat {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

export interface ConditionalRuleSpec {
  criteria: string;
  values: StoredValue[];
  format: RuleFormat;
  ranges: StoredRange[];
}

export interface ChartPosition {
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
}

export interface ChartSpec {
  id: number | null;
  type: string;
  ranges: StoredRange[];
  options: Record<string, unknown>;
  position: ChartPosition;
  /** -1: Sheets guesses whether the first row holds headers. */
  numHeaders: number;
  mergeStrategy: string;
  transpose: boolean;
  hiddenDimensionStrategy: string;
}

export interface ProtectionSpec {
  id: number;
  type: "RANGE" | "SHEET";
  sheetId: number;
  /** Only for RANGE protections. */
  rect?: Rect;
  description: string;
  warningOnly: boolean;
  /** null: never changed, so the editors mirror the file's (Apps Script's rule for new protections). */
  editors: string[] | null;
  domainEdit: boolean;
  unprotected: Rect[];
}

/**
 * A deep copy of JSON data, as JSON.parse(JSON.stringify(value)) makes it
 * (undefined members dropped, non-finite numbers null), several times faster
 * for the many small records a workbook's cells carry.
 */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (copyJson(value) as T);
}

function copyJson(value: unknown): unknown {
  // -0 is written as 0, and NaN and ±Infinity as null.
  if (typeof value === "number") return Number.isFinite(value) ? value + 0 : null;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => (isJsonMember(item) ? copyJson(item) : null));
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return JSON.parse(JSON.stringify(value));
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (!isJsonMember(member)) continue;
    // A key named "__proto__" stays an own member, as JSON.parse keeps it.
    if (key === "__proto__")
      Object.defineProperty(copy, key, {
        value: copyJson(member),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = copyJson(member);
  }
  return copy;
}

function isJsonMember(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}
