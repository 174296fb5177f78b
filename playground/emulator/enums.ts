/**
 * Apps Script enums. Real ones are objects whose toString() is their name;
 * here each member simply is its name, which compares and serializes the same way.
 */

function enumOf<const T extends string>(...names: T[]): Readonly<{ [K in T]: K }> {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { [K in T]: K };
}

export const ProtectionType = enumOf("RANGE", "SHEET");
export const RecalculationInterval = enumOf("ON_CHANGE", "MINUTE", "HOUR");

export const DataValidationCriteria = enumOf(
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
);

export const BooleanCriteria = enumOf(
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
);

export const WrapStrategy = enumOf("WRAP", "OVERFLOW", "CLIP");

export const BorderStyle = enumOf("DOTTED", "DASHED", "SOLID", "SOLID_MEDIUM", "SOLID_THICK", "DOUBLE");

export const ChartType = enumOf(
  "TIMELINE",
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "RADAR",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TREEMAP",
  "WATERFALL",
);

export const ChartMergeStrategy = enumOf("MERGE_COLUMNS", "MERGE_ROWS");

export const ChartHiddenDimensionStrategy = enumOf("IGNORE_BOTH", "IGNORE_ROWS", "IGNORE_COLUMNS", "SHOW_BOTH");

export const Position = enumOf("TOP", "RIGHT", "BOTTOM", "NONE");

export const CurveStyle = enumOf("NORMAL", "SMOOTH");

export function requireMember<T extends string>(members: Readonly<Record<T, T>>, value: unknown, what: string): T {
  const name = String(value);
  if (!(name in members)) throw new Error(`Invalid ${what}: ${name}`);
  return name as T;
}
