/**
 * The custom-function registry: one declaration per function (name,
 * parameters, implementation) joined with its texts in every language. The
 * runtime checks arguments from the declaration; the build writes each Apps
 * Script stub and its JSDoc from it; `npm run docs` writes the function
 * reference (docs/functions.md, docs/functions.de.md) from it.
 */
import { formatProblem, LANGUAGES, type Language, type Translations } from "../core/i18n";
import { atRow, SlaInputError } from "../core/problems";
import {
  isBlank,
  toGrid,
  type CallContext,
  type Localized,
  type ParamDeclaration,
  type ParamSpec,
  type Takes,
} from "./params";

export interface Example {
  /** What a user types, e.g. `=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)`. */
  readonly formula: string;
  /** What the cell shows; the docs test evaluates every example that has one. */
  readonly result?: number | string | readonly (readonly number[])[];
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds parameters of every value type
type AnyParam = ParamSpec<any, Takes>;
// biome-ignore lint/suspicious/noExplicitAny: the registry holds parameters of every value type
type AnyDeclaredParam = ParamDeclaration<any, Takes>;
type Params = readonly AnyDeclaredParam[];

/** Each parameter's coerced value: what an element-wise or spilling function receives. */
export type ValuesOf<P extends Params> = {
  -readonly [K in keyof P]: P[K] extends ParamDeclaration<infer T, Takes> ? T : never;
};

/** For aggregates, row parameters arrive as whole columns (undefined for a blank cell). */
export type ColumnsOf<P extends Params> = {
  -readonly [K in keyof P]: P[K] extends ParamDeclaration<infer T, infer Kind>
    ? Kind extends "row"
      ? (T | undefined)[]
      : T
    : never;
};

interface Declaration<P extends Params> {
  readonly name: string;
  readonly examples: readonly Example[];
  readonly params: P;
}

/** Works row by row: a range in any row parameter gives a range of results of the same shape. */
export interface ElementwiseFunction<P extends Params = Params> extends Declaration<P> {
  readonly kind: "elementwise";
  evaluate(args: ValuesOf<P>, context: CallContext): number;
}

/**
 * Reads whole columns and returns one number, or blank when there is nothing
 * to summarize; with `row`, a row of numbers side by side (e.g. counts per band).
 */
export interface AggregateFunction<P extends Params = Params> extends Declaration<P> {
  readonly kind: "aggregate";
  readonly row?: true;
  evaluate(args: ColumnsOf<P>, context: CallContext): number | undefined | readonly number[];
}

/** Returns a column that spills into the cells below. */
export interface SpillFunction<P extends Params = Params> extends Declaration<P> {
  readonly kind: "spill";
  evaluate(args: ValuesOf<P>, context: CallContext): number[];
}

/** A function as the runtime calls it: declared parameters and implementation, no texts. */
export type DeclaredFunction = ElementwiseFunction | AggregateFunction | SpillFunction;

/** A function with what it does, returns and each parameter is, in every language. */
type Documented<F extends DeclaredFunction> = Omit<F, "params"> & {
  readonly summary: Localized;
  readonly returns: Localized;
  readonly params: readonly AnyParam[];
};

/** A registered function with its texts: what the stubs, the docs and the reference dialog read. */
export type CustomFunction =
  | Documented<ElementwiseFunction>
  | Documented<AggregateFunction>
  | Documented<SpillFunction>;

/**
 * A function as definitions.ts declares it: everything but its texts. Its name
 * and its parameters' names stay literal types, so texts.ts is checked against them.
 */
export interface Declared<N extends string = string, P extends Params = Params> {
  readonly kind: DeclaredFunction["kind"];
  readonly name: N;
  readonly params: P;
}

/** What a declaration gives: the function without its kind and texts, its name as a literal type. */
type WithoutTexts<F, N extends string> = Omit<F, "kind" | "name"> & { readonly name: N };

export function elementwise<const N extends string, const P extends Params>(
  declaration: WithoutTexts<ElementwiseFunction<P>, N>,
): Declared<N, P> {
  return { kind: "elementwise", ...declaration };
}

export function aggregate<const N extends string, const P extends Params>(
  declaration: WithoutTexts<AggregateFunction<P>, N>,
): Declared<N, P> {
  return { kind: "aggregate", ...declaration };
}

export function spill<const N extends string, const P extends Params>(
  declaration: WithoutTexts<SpillFunction<P>, N>,
): Declared<N, P> {
  return { kind: "spill", ...declaration };
}

/** One function's texts in one language: what it does, what it returns, what each parameter is. */
export interface FunctionText<P extends string = string> {
  readonly summary: string;
  readonly returns: string;
  readonly params: { readonly [Name in P]: string };
}

/** The texts of the declared functions in one language, keyed by function and parameter name. */
export type FunctionTexts<D extends readonly Declared[]> = {
  readonly [F in D[number] as F["name"]]: FunctionText<F["params"][number]["name"]>;
};

/** A declared function with its texts in every language: what the runtime, the stubs and the docs read. */
export function withTexts(fn: Declared, texts: Translations<Readonly<Record<string, FunctionText>>>): CustomFunction {
  const localized = (pick: (text: FunctionText) => string | undefined): Localized => {
    const entries = LANGUAGES.map((language) => {
      const text = texts[language][fn.name];
      const picked = text && pick(text);
      if (picked === undefined) throw new Error(`${fn.name}: a ${language} text is missing`);
      return [language, picked] as const;
    });
    return Object.fromEntries(entries) as Record<Language, string>;
  };
  return {
    ...(fn as unknown as CustomFunction),
    summary: localized((text) => text.summary),
    returns: localized((text) => text.returns),
    params: fn.params.map((param) => ({ ...param, description: localized((text) => text.params[param.name]) })),
  } as CustomFunction;
}

/** A value a cell can show. */
export type CellResult = number | string;
export type CallResult = CellResult | CellResult[][];

/**
 * Calls a custom function as Sheets would: `rawArgs` are the values Sheets
 * passes (ranges as 2-D arrays, dates as `Date`). Returns finite numbers,
 * blanks (`""`) or, for a bad value inside a range, that cell's error text.
 * Anything wrong with the call as a whole throws an `Error` whose message
 * names the function and the argument, in the user's language.
 */
export function invoke(fn: DeclaredFunction, rawArgs: readonly unknown[], context: CallContext): CallResult {
  try {
    if (rawArgs.length > fn.params.length) {
      throw new SlaInputError("tooManyArguments", "", rawArgs.length, { max: fn.params.length });
    }
    switch (fn.kind) {
      case "elementwise":
        return runElementwise(fn, rawArgs, context);
      case "aggregate":
        return runAggregate(fn, rawArgs, context);
      case "spill":
        return runSpill(fn, rawArgs, context);
    }
  } catch (error) {
    throw toUserError(fn.name, error, context.language());
  }
}

function toUserError(functionName: string, error: unknown, language: Language): Error {
  if (error instanceof SlaInputError) return new Error(describe(functionName, error, language));
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${functionName}: ${message}`);
}

function describe(functionName: string, error: SlaInputError, language: Language): string {
  return formatProblem(language, functionName, {
    code: error.problem,
    params: error.params,
    subject: error.field,
    got: error.got,
    hasGot: error.problem !== "beforeHandOff" && error.problem !== "resultTooLarge",
    ...(error.row === undefined ? {} : { row: error.row }),
  });
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw new SlaInputError("resultTooLarge", "result", value);
  // -0 shows as 0 anyway; normalize so results compare cleanly.
  return value === 0 ? 0 : value;
}

function shapeOf(grid: readonly (readonly unknown[])[]): string {
  return `${grid.length}×${grid[0]?.length ?? 0}`;
}

/** Coerces a value passed for a single-value parameter; a 1×1 range counts as its value. */
function coerceSingle(param: AnyDeclaredParam, raw: unknown, context: CallContext): unknown {
  let value = raw;
  if (Array.isArray(raw)) {
    const grid = toGrid(raw);
    if (grid.length !== 1 || grid[0]?.length !== 1) throw new SlaInputError("notSingle", param.name, raw);
    value = grid[0][0];
  }
  if (isBlank(value) && !param.optional) throw new SlaInputError("required", param.name, value);
  return param.coerce(value, context);
}

function runElementwise(fn: ElementwiseFunction, rawArgs: readonly unknown[], context: CallContext): CallResult {
  const params = fn.params;
  const fixed: unknown[] = new Array(params.length);
  const grids: (unknown[][] | undefined)[] = new Array(params.length);
  let rows = 1;
  let columns = 1;
  let shapeOwner: { name: string; grid: unknown[][] } | undefined;
  let anyRange = false;

  params.forEach((param, index) => {
    const raw = rawArgs[index];
    if (param.takes === "row" && Array.isArray(raw)) {
      const grid = toGrid(raw);
      anyRange = true;
      if (grid.length === 1 && grid[0]?.length === 1) {
        grids[index] = grid;
        return;
      }
      if (shapeOwner && (grid.length !== rows || (grid[0]?.length ?? 0) !== columns)) {
        throw new SlaInputError("shapeMismatch", param.name, raw, {
          other: shapeOwner.name,
          shape: shapeOf(grid),
          otherShape: shapeOf(shapeOwner.grid),
        });
      }
      shapeOwner = { name: param.name, grid };
      rows = grid.length;
      columns = grid[0]?.length ?? 1;
      grids[index] = grid;
      return;
    }
    fixed[index] = param.takes === "grid" ? param.coerce(raw, context) : coerceSingle(param, raw, context);
  });

  if (!anyRange) return finite(fn.evaluate(fixed, context));

  const language = context.language();
  const output: CellResult[][] = new Array(rows);
  const args = fixed.slice();
  for (let row = 0; row < rows; row++) {
    const line: CellResult[] = new Array(columns);
    for (let column = 0; column < columns; column++) {
      line[column] = evaluateCell(
        fn,
        params,
        grids,
        args,
        row,
        column,
        context,
        language,
        rows > 1 ? row + 1 : undefined,
      );
    }
    output[row] = line;
  }
  return output;
}

function evaluateCell(
  fn: ElementwiseFunction,
  params: Params,
  grids: readonly (unknown[][] | undefined)[],
  args: unknown[],
  row: number,
  column: number,
  context: CallContext,
  language: Language,
  rowNumber: number | undefined,
): CellResult {
  try {
    for (let index = 0; index < params.length; index++) {
      const grid = grids[index];
      if (grid === undefined) continue;
      const param = params[index] as AnyDeclaredParam;
      const cell = grid.length === 1 && grid[0]?.length === 1 ? grid[0][0] : grid[row]?.[column];
      if (isBlank(cell)) {
        if (param.blankValue === undefined) return "";
        args[index] = param.blankValue;
      } else {
        args[index] = param.coerce(cell, context);
      }
    }
    return finite(fn.evaluate(args, context));
  } catch (error) {
    if (!(error instanceof SlaInputError)) throw error;
    if (rowNumber !== undefined) error.row = rowNumber;
    return describe(fn.name, error, language);
  }
}

function runAggregate(fn: AggregateFunction, rawArgs: readonly unknown[], context: CallContext): CallResult {
  const params = fn.params;
  const args: unknown[] = new Array(params.length);
  let shapeOwner: { name: string; grid: unknown[][] } | undefined;
  params.forEach((param, index) => {
    const raw = rawArgs[index];
    if (param.takes !== "row") {
      args[index] = param.takes === "grid" ? param.coerce(raw, context) : coerceSingle(param, raw, context);
      return;
    }
    if (raw === undefined || (param.optional && !Array.isArray(raw) && isBlank(raw))) {
      // An optional column left out reaches evaluate as undefined; a required one is an error.
      if (param.optional) return;
      throw new SlaInputError("required", param.name, raw);
    }
    const grid = toGrid(raw);
    if (shapeOwner && shapeOf(grid) !== shapeOf(shapeOwner.grid)) {
      throw new SlaInputError("shapeMismatch", param.name, raw, {
        other: shapeOwner.name,
        shape: shapeOf(grid),
        otherShape: shapeOf(shapeOwner.grid),
      });
    }
    shapeOwner ??= { name: param.name, grid };
    const column: unknown[] = [];
    grid.forEach((line, row) => {
      for (const cell of line) {
        if (isBlank(cell)) {
          column.push(param.blankValue);
          continue;
        }
        column.push(atRow(row + 1, () => param.coerce(cell, context)));
      }
    });
    args[index] = column;
  });
  const result = fn.evaluate(args, context);
  if (typeof result === "object") return [result.map(finite)];
  return result === undefined ? "" : finite(result);
}

function runSpill(fn: SpillFunction, rawArgs: readonly unknown[], context: CallContext): CallResult {
  const args = fn.params.map((param, index) =>
    param.takes === "grid" ? param.coerce(rawArgs[index], context) : coerceSingle(param, rawArgs[index], context),
  );
  return fn.evaluate(args, context).map((value) => [finite(value)]);
}
