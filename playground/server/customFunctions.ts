/**
 * The add-on's custom functions (SLA_*) inside the emulator's HyperFormula, so
 * a formula typed into the playground evaluates through the same registry as
 * in Sheets: one HyperFormula function plugin turns HyperFormula's arguments
 * into what Sheets passes a custom function (numbers, strings, booleans, ""
 * for blanks, `Date` for date-typed results, ranges as 2-D arrays) and calls
 * `invoke` from src/functions/registry.ts with a CallContext for the
 * spreadsheet's time zone and locale. A thrown error becomes `#ERROR!` with
 * the registry's message, as Sheets shows it.
 *
 * HyperFormula reads its function plugins when an engine is built, so
 * `registerCustomFunctions()` must run before `createEmulator`. It registers
 * the plugin in HyperFormula's global registry (the emulator builds each
 * engine from that registry plus its own fixes) and names the functions in
 * the emulator's formula language; it only adds names that start with SLA_,
 * which are `#NAME?` otherwise.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { languageOf } from "../../src/core/i18n";
import { createEmulator } from "../emulator";
import { serialToWall, zoneNamed, type Zone } from "../../src/core/time";
import { FUNCTIONS, findFunction } from "../../src/functions/definitions";
import type { CallContext } from "../../src/functions/params";
import { invoke, type CallResult, type DeclaredFunction } from "../../src/functions/registry";

/** The part of HyperFormula's AST the plugin reads (HyperFormula does not export its AST types). */
interface Ast {
  readonly type: string;
  readonly procedureName?: string;
  readonly expressionName?: string;
  readonly args?: readonly (Ast | readonly Ast[])[];
  readonly value?: unknown;
  readonly expression?: Ast;
  readonly left?: Ast;
  readonly right?: Ast;
}

interface Address {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
}

interface State {
  readonly formulaAddress: Address;
  readonly arraysFlag: boolean;
  readonly formulaVertex?: { formula?: unknown; array?: { size?: { width: number; height: number } } };
}

/** What the emulator keeps in HyperFormula's `context` config (see playground/emulator/hyperformulaSetup.ts). */
interface EvaluationContext {
  readonly timeZone?: string;
  readonly locale?: string;
}

/** Internals of FunctionPlugin that TypeScript's declarations keep protected. */
interface PluginInternals {
  readonly config: { readonly context?: EvaluationContext };
  readonly dependencyGraph: {
    readonly namedExpressions: {
      nearestNamedExpression(name: string, sheet: number): { address: Address } | undefined;
    };
    readonly addressMapping: {
      getCell(address: Address): { formula?: Ast; array?: { size?: { width: number; height: number } } } | undefined;
    };
  };
  evaluateAst(ast: Ast, state: State): unknown;
  arraySizeForAst(ast: Ast, state: State): ArraySize;
}

/** Sheets' text of an error value, as a custom function sees it inside a range. */
const ERROR_TEXT: Record<string, string> = {
  DIV_BY_ZERO: "#DIV/0!",
  NA: "#N/A",
  NAME: "#NAME?",
  NUM: "#NUM!",
  REF: "#REF!",
  VALUE: "#VALUE!",
  CYCLE: "#REF!",
  SPILL: "#REF!",
  LIC: "#ERROR!",
  ERROR: "#ERROR!",
};

/** Types of HyperFormula numbers that Sheets hands to a custom function as a `Date`. */
const DATE_TYPES = new Set(["NUMBER_DATE", "NUMBER_DATETIME", "NUMBER_TIME"]);

/** How many cells a row-returning aggregate fills when its arguments are cells: the default speed bands' counts. */
const DEFAULT_ROW_WIDTH = 5;

/** The most rows a spilling function can return (a month's goal line). */
const MAX_SPILL_ROWS = 31;

function contextFor(evaluation: EvaluationContext | undefined): CallContext {
  const zoneName = evaluation?.timeZone ?? "UTC";
  const locale = evaluation?.locale ?? "en_US";
  let zone: Zone | undefined;
  return { zone: () => (zone ??= zoneNamed(zoneName)), language: () => languageOf(locale) };
}

/** Sheets keeps 15 significant digits: 99.9% is 0.999 there, not HyperFormula's 0.9990000000000001. */
function sheetsNumber(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(15)) : value;
}

/** One cell value as Sheets passes it to a custom function. */
function toSheetsValue(value: unknown, context: CallContext): unknown {
  if (value === EmptyValue || value === null || value === undefined) return "";
  if (value instanceof CellError) return ERROR_TEXT[value.type] ?? "#ERROR!";
  if (typeof value === "object" && "val" in value && typeof (value as { val: unknown }).val === "number") {
    const rich = value as { val: number; getDetailedType?: () => string };
    const type = typeof rich.getDetailedType === "function" ? rich.getDetailedType() : "";
    // A date-typed number (from DATE(), a date plus days…) reaches a custom function as a Date.
    if (DATE_TYPES.has(type)) return new Date(context.zone().toInstant(serialToWall(rich.val)));
    return sheetsNumber(rich.val);
  }
  if (typeof value === "number") return sheetsNumber(value);
  return value;
}

/** A custom function's answer as a HyperFormula value. */
function toCellValue(value: unknown): unknown {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value === null || value === undefined) return EmptyValue;
  return String(value);
}

function isRange(result: CallResult): result is (number | string)[][] {
  return Array.isArray(result);
}

/** Whether an AST reads no cell: its value is known without the workbook. */
function isConstant(ast: Ast | undefined): boolean {
  if (!ast) return true;
  switch (ast.type) {
    case "NUMBER":
    case "STRING":
    case "EMPTY":
      return true;
    case "FUNCTION_CALL":
      return (ast.args ?? []).every((arg) => !Array.isArray(arg) && isConstant(arg as Ast));
    case "ARRAY":
      return (ast.args ?? []).every((row) => (Array.isArray(row) ? row : [row]).every((cell: Ast) => isConstant(cell)));
    case "PARENTHESIS":
      return isConstant(ast.expression);
    case "MINUS_UNARY_OP":
    case "PLUS_UNARY_OP":
    case "PERCENT_OP":
      return isConstant(ast.value as Ast | undefined);
    default:
      if (ast.left !== undefined && ast.right !== undefined) return isConstant(ast.left) && isConstant(ast.right);
      return false;
  }
}

class SlaFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {};

  private internals(): PluginInternals {
    return this as unknown as PluginInternals;
  }

  private argumentsOf(ast: Ast, state: State, context: CallContext): unknown[] | CellError {
    const values: unknown[] = [];
    for (const arg of (ast.args ?? []) as Ast[]) {
      if (arg.type === "EMPTY") {
        values.push("");
        continue;
      }
      const value = this.internals().evaluateAst(arg, state);
      // An error passed as a whole argument stops the call, as in Sheets.
      if (value instanceof CellError) return value;
      if (value instanceof SimpleRangeValue)
        values.push(value.data.map((row) => row.map((cell) => toSheetsValue(cell, context))));
      else values.push(toSheetsValue(value, context));
    }
    return values;
  }

  /** Evaluates one SLA_* call. */
  evaluateSla(ast: Ast, state: State): unknown {
    const fn = findFunction(ast.procedureName ?? "");
    if (!fn) return new CellError(ErrorType.NAME, `Unknown function: ${ast.procedureName ?? ""}`);
    const context = contextFor(this.internals().config.context);
    const args = this.argumentsOf(ast, state, context);
    if (args instanceof CellError) return args;
    let result: CallResult;
    try {
      result = invoke(fn, args, context);
    } catch (error) {
      return new CellError(ErrorType.ERROR, error instanceof Error ? error.message : String(error));
    }
    if (!isRange(result)) return toCellValue(result);
    const vertex = state.formulaVertex;
    const atTop = vertex !== undefined && vertex.formula === ast;
    const size = atTop ? vertex.array?.size : undefined;
    if (atTop && size === undefined) {
      // HyperFormula sized this cell as one value when the formula was entered.
      if (result.length === 1 && result[0]?.length === 1) return toCellValue(result[0][0]);
      return new CellError(
        ErrorType.REF,
        `${fn.name}: the result has ${result.length} rows, but this cell was set up for one value; type the formula again to let it spill.`,
      );
    }
    // HyperFormula reserved `size` cells when the formula was entered; never return more.
    const rows = size ? result.slice(0, size.height) : result;
    const data = rows.map((row) => (size ? row.slice(0, size.width) : row).map(toCellValue));
    if (data.length === 0 || data[0]?.length === 0) return EmptyValue;
    return SimpleRangeValue.onlyValues(data as never);
  }

  /** The size of one argument, resolving named ranges (HyperFormula's own predictor does not). */
  private argumentSize(ast: Ast, state: State): ArraySize {
    if (ast.type === "NAMED_EXPRESSION" && ast.expressionName !== undefined) {
      const internals = this.internals();
      const named = internals.dependencyGraph.namedExpressions.nearestNamedExpression(
        ast.expressionName,
        state.formulaAddress.sheet,
      );
      if (!named) return ArraySize.scalar();
      const vertex = internals.dependencyGraph.addressMapping.getCell(named.address);
      if (vertex?.formula)
        return this.argumentSize(vertex.formula, { formulaAddress: named.address, arraysFlag: true });
      return ArraySize.scalar();
    }
    if (ast.type === "PARENTHESIS" && ast.expression) return this.argumentSize(ast.expression, state);
    return this.internals().arraySizeForAst(ast, state);
  }

  /** How many cells an SLA_* call fills, known before it runs (HyperFormula reserves them when the formula is entered). */
  slaArraySize(ast: Ast, state: State): ArraySize {
    const fn = findFunction(ast.procedureName ?? "");
    // An aggregate answers one number, or with `row` one row of numbers (SLA_SPEED_BANDS).
    if (!fn || (fn.kind === "aggregate" && fn.row !== true)) return ArraySize.scalar();
    const args = (ast.args ?? []) as Ast[];
    if (args.every((arg) => isConstant(arg))) {
      // Literal arguments: run it once to know the exact size.
      const context = contextFor(this.internals().config.context);
      try {
        const values = this.argumentsOf(ast, state, context);
        if (values instanceof CellError) return ArraySize.scalar();
        const result = invoke(fn, values, context);
        return isRange(result) && result.length > 0
          ? new ArraySize(result[0]?.length ?? 1, result.length)
          : ArraySize.scalar();
      } catch {
        return ArraySize.scalar();
      }
    }
    if (fn.kind === "spill") return new ArraySize(1, MAX_SPILL_ROWS);
    // A row whose width depends on cell values: the default bands' five counts (Sheets itself spills whatever it gets).
    if (fn.kind === "aggregate") return new ArraySize(DEFAULT_ROW_WIDTH, 1);
    return this.rowShape(fn, args, state);
  }

  /** An element-wise function returns one value per row of its first range larger than one cell. */
  private rowShape(fn: DeclaredFunction, args: readonly Ast[], state: State): ArraySize {
    for (let index = 0; index < args.length && index < fn.params.length; index++) {
      if (fn.params[index]?.takes !== "row") continue;
      const size = this.argumentSize(args[index]!, state);
      // (isScalar() is also true for any reference: compare the sides.)
      if (size.width === 1 && size.height === 1) continue;
      if (size.width < 1 || size.height < 1 || !Number.isFinite(size.width) || !Number.isFinite(size.height)) continue;
      return new ArraySize(size.width, size.height);
    }
    return ArraySize.scalar();
  }
}

for (const fn of FUNCTIONS) {
  SlaFunctionsPlugin.implementedFunctions[fn.name] = {
    method: "evaluateSla",
    sizeOfResultArrayMethod: "slaArraySize",
    // Arguments are read by the plugin itself: HyperFormula must not vectorize or coerce them.
    parameters: fn.params.map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
    vectorizationForbidden: true,
  };
}

/**
 * Adds the SLA_* functions to every HyperFormula engine the emulator builds
 * from now on (idempotent). HyperFormula knows a function in formulas only
 * when the engine's language has a name for it, so the emulator's language
 * gets the SLA_* names too (an empty emulator is made once to learn it).
 */
export function registerCustomFunctions(): void {
  if (HyperFormula.getFunctionPlugin(FUNCTIONS[0]?.name ?? "") !== SlaFunctionsPlugin)
    HyperFormula.registerFunctionPlugin(SlaFunctionsPlugin as never);
  const language = createEmulator().hyperformula.getConfig().language;
  HyperFormula.getLanguage(language).extendFunctions(Object.fromEntries(FUNCTIONS.map((fn) => [fn.name, fn.name])));
}

/** Names of the registered custom functions, for the page's autocomplete and reference. */
export function customFunctionNames(): string[] {
  return FUNCTIONS.map((fn) => fn.name);
}
