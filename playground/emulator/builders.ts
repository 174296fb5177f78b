/**
 * Value objects built locally, as in Apps Script: data validation rules,
 * conditional format rules and text styles with their builders. Nothing here
 * touches the document until a rule is applied to a range or sheet.
 */
import { normalizeColor } from "./colors";
import type { WorkbookModel } from "./model";
import { RangeFacade } from "./range";
import {
  cloneJson,
  type ConditionalRuleSpec,
  type RuleFormat,
  type StoredRange,
  type StoredValue,
  type ValidationSpec,
} from "./specs";

/** Ranges and Dates inside criteria become tagged records, so rules can be stored and copied as JSON. */
export function toStored(value: unknown): StoredValue {
  if (value instanceof RangeFacade) return { kind: "range", range: { sheetId: value._sheet.id, rect: value._rect } };
  if (value instanceof Date) return { kind: "date", ms: value.getTime() };
  if (Array.isArray(value)) return value.map(toStored);
  if (value === undefined) return null;
  if (typeof value === "object" && value !== null) return String(value);
  return value as StoredValue;
}

export function fromStored(model: WorkbookModel, value: StoredValue): unknown {
  if (Array.isArray(value)) return value.map((v) => fromStored(model, v));
  if (value !== null && typeof value === "object") {
    if (value.kind === "date") return new Date(value.ms);
    return storedRangeFacade(model, value.range);
  }
  return value;
}

export function storedRangeFacade(model: WorkbookModel, range: StoredRange): RangeFacade | null {
  const sheet = model.sheetById(range.sheetId);
  return sheet ? new RangeFacade(model, sheet, range.rect, { openRows: false, openCols: false }) : null;
}

function requireRange(value: unknown, method: string): RangeFacade {
  if (!(value instanceof RangeFacade))
    throw new Error(`The parameters don't match the method signature for ${method}.`);
  return value;
}

function requireNumber(value: unknown, method: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new Error(`The parameters (${typeof value}) don't match the method signature for ${method}.`);
  return value;
}

// ---- data validation ----

export class DataValidationFacade {
  static readonly gasName = "DataValidation";

  constructor(
    readonly _model: WorkbookModel,
    readonly _spec: ValidationSpec,
  ) {}

  getCriteriaType(): string {
    return this._spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return this._spec.values.map((v) => fromStored(this._model, v));
  }

  getHelpText(): string | null {
    return this._spec.helpText;
  }

  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }

  copy(): DataValidationBuilderFacade {
    return new DataValidationBuilderFacade(this._model, cloneJson(this._spec));
  }
}

function requireCriteria<T extends { _spec: { criteria: string | null; values: StoredValue[] } }>(
  builder: T,
  criteria: string,
  values: unknown[],
): T {
  builder._spec.criteria = criteria;
  builder._spec.values = values.map(toStored);
  return builder;
}

export class DataValidationBuilderFacade {
  static readonly gasName = "DataValidationBuilder";
  readonly _spec: { criteria: string | null; values: StoredValue[]; allowInvalid: boolean; helpText: string | null };

  constructor(
    readonly _model: WorkbookModel,
    spec?: ValidationSpec,
  ) {
    // Apps Script: "The default for a new data validation rule is true" (allow invalid, show a warning).
    this._spec = spec ? { ...spec } : { criteria: null, values: [], allowInvalid: true, helpText: null };
  }

  requireValueInList(values: unknown[], showDropdown = true): this {
    if (!Array.isArray(values) || values.length === 0)
      throw new Error("The list of values for a data validation rule can't be empty.");
    if (values.length > 500) throw new Error("The data validation rule has more than 500 items.");
    return requireCriteria(this, "VALUE_IN_LIST", [values, showDropdown]);
  }

  requireValueInRange(range: unknown, showDropdown = true): this {
    return requireCriteria(this, "VALUE_IN_RANGE", [
      requireRange(range, "DataValidationBuilder.requireValueInRange"),
      showDropdown,
    ]);
  }

  requireNumberBetween(start: unknown, end: unknown): this {
    const method = "DataValidationBuilder.requireNumberBetween";
    return requireCriteria(this, "NUMBER_BETWEEN", [requireNumber(start, method), requireNumber(end, method)]);
  }

  requireNumberGreaterThanOrEqualTo(n: unknown): this {
    return requireCriteria(this, "NUMBER_GREATER_THAN_OR_EQUAL_TO", [
      requireNumber(n, "DataValidationBuilder.requireNumberGreaterThanOrEqualTo"),
    ]);
  }

  requireNumberLessThanOrEqualTo(n: unknown): this {
    return requireCriteria(this, "NUMBER_LESS_THAN_OR_EQUAL_TO", [
      requireNumber(n, "DataValidationBuilder.requireNumberLessThanOrEqualTo"),
    ]);
  }

  requireDate(): this {
    return requireCriteria(this, "DATE_IS_VALID_DATE", []);
  }

  requireDateOnOrAfter(date: unknown): this {
    if (!(date instanceof Date))
      throw new Error(
        "The parameters don't match the method signature for DataValidationBuilder.requireDateOnOrAfter.",
      );
    return requireCriteria(this, "DATE_ON_OR_AFTER", [date]);
  }

  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    const values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    return requireCriteria(this, "CHECKBOX", values);
  }

  requireTextIsEmail(): this {
    return requireCriteria(this, "TEXT_IS_VALID_EMAIL", []);
  }

  requireFormulaSatisfied(formula: unknown): this {
    if (typeof formula !== "string" || !formula.startsWith("="))
      throw new Error("The formula of a data validation rule must start with '='.");
    return requireCriteria(this, "CUSTOM_FORMULA", [formula]);
  }

  withCriteria(criteria: string, values: unknown[]): this {
    return requireCriteria(this, String(criteria), Array.isArray(values) ? values : []);
  }

  setAllowInvalid(allowInvalid: boolean): this {
    this._spec.allowInvalid = Boolean(allowInvalid);
    return this;
  }

  setHelpText(text: string): this {
    this._spec.helpText = text === null || text === undefined ? null : String(text);
    return this;
  }

  getCriteriaType(): string | null {
    return this._spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return this._spec.values.map((v) => fromStored(this._model, v));
  }

  getHelpText(): string | null {
    return this._spec.helpText;
  }

  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }

  build(): DataValidationFacade {
    if (!this._spec.criteria)
      throw new Error("A data validation rule needs a criteria: call one of the require… methods before build().");
    return new DataValidationFacade(this._model, cloneJson({ ...this._spec, criteria: this._spec.criteria }));
  }
}

// ---- conditional formatting ----

export class BooleanConditionFacade {
  static readonly gasName = "BooleanCondition";

  constructor(
    readonly _model: WorkbookModel,
    readonly _spec: ConditionalRuleSpec,
  ) {}

  getCriteriaType(): string {
    return this._spec.criteria;
  }

  getCriteriaValues(): unknown[] {
    return this._spec.values.map((v) => fromStored(this._model, v));
  }

  getBackground(): string | null {
    return this._spec.format.background ?? null;
  }

  getFontColor(): string | null {
    return this._spec.format.fontColor ?? null;
  }

  getBold(): boolean | null {
    return this._spec.format.bold ?? null;
  }

  getItalic(): boolean | null {
    return this._spec.format.italic ?? null;
  }

  getStrikethrough(): boolean | null {
    return this._spec.format.strikethrough ?? null;
  }

  getUnderline(): boolean | null {
    return this._spec.format.underline ?? null;
  }
}

export class ConditionalFormatRuleFacade {
  static readonly gasName = "ConditionalFormatRule";

  constructor(
    readonly _model: WorkbookModel,
    readonly _spec: ConditionalRuleSpec,
  ) {}

  getRanges(): (RangeFacade | null)[] {
    return this._spec.ranges.map((r) => storedRangeFacade(this._model, r));
  }

  getBooleanCondition(): BooleanConditionFacade {
    return new BooleanConditionFacade(this._model, this._spec);
  }

  getGradientCondition(): null {
    return null;
  }

  copy(): ConditionalFormatRuleBuilderFacade {
    return new ConditionalFormatRuleBuilderFacade(this._model, cloneJson(this._spec));
  }
}

export class ConditionalFormatRuleBuilderFacade {
  static readonly gasName = "ConditionalFormatRuleBuilder";
  readonly _spec: { criteria: string | null; values: StoredValue[]; format: RuleFormat; ranges: StoredRange[] };

  constructor(
    readonly _model: WorkbookModel,
    spec?: ConditionalRuleSpec,
  ) {
    this._spec = spec ? { ...spec } : { criteria: null, values: [], format: {}, ranges: [] };
  }

  whenFormulaSatisfied(formula: string): this {
    return requireCriteria(this, "CUSTOM_FORMULA", [String(formula)]);
  }

  whenNumberLessThan(n: number): this {
    return requireCriteria(this, "NUMBER_LESS_THAN", [
      requireNumber(n, "ConditionalFormatRuleBuilder.whenNumberLessThan"),
    ]);
  }

  whenNumberLessThanOrEqualTo(n: number): this {
    return requireCriteria(this, "NUMBER_LESS_THAN_OR_EQUAL_TO", [
      requireNumber(n, "ConditionalFormatRuleBuilder.whenNumberLessThanOrEqualTo"),
    ]);
  }

  whenNumberGreaterThan(n: number): this {
    return requireCriteria(this, "NUMBER_GREATER_THAN", [
      requireNumber(n, "ConditionalFormatRuleBuilder.whenNumberGreaterThan"),
    ]);
  }

  whenNumberGreaterThanOrEqualTo(n: number): this {
    return requireCriteria(this, "NUMBER_GREATER_THAN_OR_EQUAL_TO", [
      requireNumber(n, "ConditionalFormatRuleBuilder.whenNumberGreaterThanOrEqualTo"),
    ]);
  }

  whenNumberBetween(start: number, end: number): this {
    const method = "ConditionalFormatRuleBuilder.whenNumberBetween";
    return requireCriteria(this, "NUMBER_BETWEEN", [requireNumber(start, method), requireNumber(end, method)]);
  }

  whenNumberEqualTo(n: number): this {
    return requireCriteria(this, "NUMBER_EQUAL_TO", [
      requireNumber(n, "ConditionalFormatRuleBuilder.whenNumberEqualTo"),
    ]);
  }

  whenTextEqualTo(text: string): this {
    return requireCriteria(this, "TEXT_EQUAL_TO", [String(text)]);
  }

  whenTextContains(text: string): this {
    return requireCriteria(this, "TEXT_CONTAINS", [String(text)]);
  }

  whenTextStartsWith(text: string): this {
    return requireCriteria(this, "TEXT_STARTS_WITH", [String(text)]);
  }

  whenCellEmpty(): this {
    return requireCriteria(this, "CELL_EMPTY", []);
  }

  whenCellNotEmpty(): this {
    return requireCriteria(this, "CELL_NOT_EMPTY", []);
  }

  setBackground(color: string | null): this {
    this._spec.format.background = normalizeColor(color);
    return this;
  }

  setFontColor(color: string | null): this {
    this._spec.format.fontColor = normalizeColor(color);
    return this;
  }

  setBold(bold: boolean | null): this {
    this._spec.format.bold = bold ?? undefined;
    return this;
  }

  setItalic(italic: boolean | null): this {
    this._spec.format.italic = italic ?? undefined;
    return this;
  }

  setStrikethrough(strikethrough: boolean | null): this {
    this._spec.format.strikethrough = strikethrough ?? undefined;
    return this;
  }

  setUnderline(underline: boolean | null): this {
    this._spec.format.underline = underline ?? undefined;
    return this;
  }

  setRanges(ranges: unknown[]): this {
    if (!Array.isArray(ranges))
      throw new Error("The parameters don't match the method signature for ConditionalFormatRuleBuilder.setRanges.");
    this._spec.ranges = ranges.map((r) => {
      const range = requireRange(r, "ConditionalFormatRuleBuilder.setRanges");
      return { sheetId: range._sheet.id, rect: range._rect };
    });
    return this;
  }

  getRanges(): (RangeFacade | null)[] {
    return this._spec.ranges.map((r) => storedRangeFacade(this._model, r));
  }

  getBooleanCondition(): BooleanConditionFacade | null {
    const spec = ruleSpecOf(this);
    return spec && new BooleanConditionFacade(this._model, spec);
  }

  build(): ConditionalFormatRuleFacade {
    const spec = ruleSpecOf(this);
    if (!spec)
      throw new Error("A conditional format rule needs a condition: call one of the when… methods before build().");
    return new ConditionalFormatRuleFacade(this._model, spec);
  }
}

function ruleSpecOf(builder: ConditionalFormatRuleBuilderFacade): ConditionalRuleSpec | null {
  const spec = builder._spec;
  return spec.criteria ? cloneJson({ ...spec, criteria: spec.criteria }) : null;
}

// ---- text styles ----

export interface TextStyleSpec {
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
  foregroundColor?: string;
  fontSize?: number;
  fontFamily?: string;
}

export class TextStyleFacade {
  static readonly gasName = "TextStyle";

  constructor(readonly _spec: TextStyleSpec) {}

  isBold(): boolean | null {
    return this._spec.bold ?? null;
  }

  isItalic(): boolean | null {
    return this._spec.italic ?? null;
  }

  isStrikethrough(): boolean | null {
    return this._spec.strikethrough ?? null;
  }

  isUnderline(): boolean | null {
    return this._spec.underline ?? null;
  }

  getForegroundColor(): string | null {
    return this._spec.foregroundColor ?? null;
  }

  getFontSize(): number | null {
    return this._spec.fontSize ?? null;
  }

  getFontFamily(): string | null {
    return this._spec.fontFamily ?? null;
  }

  copy(): TextStyleBuilderFacade {
    return new TextStyleBuilderFacade({ ...this._spec });
  }
}

export class TextStyleBuilderFacade {
  static readonly gasName = "TextStyleBuilder";

  constructor(readonly _spec: TextStyleSpec = {}) {}

  setBold(bold: boolean): this {
    this._spec.bold = Boolean(bold);
    return this;
  }

  setItalic(italic: boolean): this {
    this._spec.italic = Boolean(italic);
    return this;
  }

  setStrikethrough(strikethrough: boolean): this {
    this._spec.strikethrough = Boolean(strikethrough);
    return this;
  }

  setUnderline(underline: boolean): this {
    this._spec.underline = Boolean(underline);
    return this;
  }

  setForegroundColor(color: string): this {
    this._spec.foregroundColor = normalizeColor(color);
    return this;
  }

  setFontSize(size: number): this {
    this._spec.fontSize = requireNumber(size, "TextStyleBuilder.setFontSize");
    return this;
  }

  setFontFamily(family: string): this {
    this._spec.fontFamily = String(family);
    return this;
  }

  build(): TextStyleFacade {
    return new TextStyleFacade({ ...this._spec });
  }
}
