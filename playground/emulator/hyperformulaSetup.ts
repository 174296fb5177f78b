/**
 * HyperFormula configured to evaluate formulas as Google Sheets does. Each
 * fix for a difference found between the two lives here, and a test in
 * test/emulator/functions.test.ts pins it to the value Sheets gives.
 *
 * Fixes are per instance (`functionPlugins`), never in HyperFormula's global
 * registry, so other HyperFormula users in the same process are unaffected.
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
  type ConfigParams,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
  type RawCellContent,
  type SimpleCellAddress,
} from "hyperformula";
import { enUS } from "hyperformula/i18n/languages";
import { formatValue, roundDecimal, shift } from "./formats";
import { currentSerial } from "./time";

/** Read by the plugins at evaluation time; the emulator mutates it when the spreadsheet's zone or locale changes. */
export interface EvaluationContext {
  timeZone: string;
  locale: string;
  /** "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM": what TODAY()/NOW() return; undefined = the real clock. */
  today?: string;
}

/** Sheets' English function names plus the ones the emulator adds. */
const LANGUAGE = "enGS";

type Args = { args: unknown[] };
type Run = (args: unknown, state: unknown, metadata: unknown, fn: (...values: never[]) => unknown) => unknown;

/** Calls HyperFormula's protected argument handling from a plugin method. */
function run(
  plugin: FunctionPlugin,
  name: string,
  ast: Args,
  state: unknown,
  fn: (...values: never[]) => unknown,
): never {
  const p = plugin as unknown as { runFunction: Run; metadata(name: string): unknown };
  return p.runFunction(ast.args, state, p.metadata(name), fn) as never;
}

function contextOf(plugin: FunctionPlugin): EvaluationContext {
  const context = (plugin as unknown as { config: { context?: EvaluationContext } }).config.context;
  return context ?? { timeZone: "UTC", locale: "en_US" };
}

/** A number inside HyperFormula may carry a date/percent subtype; this is its plain value. */
function rawNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (
    value !== null &&
    typeof value === "object" &&
    "val" in value &&
    typeof (value as { val: unknown }).val === "number"
  )
    return (value as { val: number }).val;
  return undefined;
}

function registeredPlugin(functionId: string): typeof FunctionPlugin & FunctionPluginDefinition {
  const plugin = HyperFormula.getFunctionPlugin(functionId);
  if (!plugin) throw new Error(`HyperFormula has no ${functionId}: the emulator's fixes need it`);
  return plugin as unknown as typeof FunctionPlugin & FunctionPluginDefinition;
}

type PluginClass = typeof FunctionPlugin & FunctionPluginDefinition;

/**
 * Makes `subclass` carry every function of the registered `base` plugin as
 * well as its own. HyperFormula creates one instance per plugin class and
 * reuses it for every function whose plugin the instance is an instance of,
 * looking each function's metadata up on the instance's class; a subclass
 * that listed only its own functions would break the base's other ones.
 */
function withAllFunctionsOf<T extends PluginClass>(
  subclass: T,
  base: PluginClass,
  tweaks: ImplementedFunctions = {},
): T {
  const own = Object.hasOwn(subclass, "implementedFunctions") ? subclass.implementedFunctions : {};
  subclass.implementedFunctions = { ...base.implementedFunctions, ...tweaks, ...own };
  if (base.aliases) subclass.aliases = { ...base.aliases };
  const inherited = base.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const metadata of Object.values(subclass.implementedFunctions)) {
    const name = metadata.method;
    if (Object.hasOwn(subclass.prototype, name)) continue;
    // HyperFormula accepts only methods the plugin class itself defines.
    Object.defineProperty(subclass.prototype, name, {
      value: function (this: unknown, ...args: unknown[]) {
        return inherited[name]!.apply(this, args);
      },
      writable: true,
      configurable: true,
    });
  }
  return subclass;
}

const NUMBER = FunctionArgumentType.NUMBER;

/**
 * A function's metadata with its arguments evaluated as arrays (`=SUMPRODUCT((A1:A9>1)*B1:B9)`
 * without ARRAYFORMULA), as Sheets does for functions whose arguments are arrays by definition.
 */
function takesArrays(base: PluginClass, id: string): ImplementedFunctions[string] {
  return { ...base.implementedFunctions[id]!, enableArrayArithmeticForArguments: true };
}

/** A function's metadata with its arguments evaluated as in any other function: a range in scalar context is one cell. */
function takesScalars(base: PluginClass, id: string): ImplementedFunctions[string] {
  return { ...base.implementedFunctions[id]!, enableArrayArithmeticForArguments: false };
}

/** TODAY()/NOW() follow the emulator's clock and the spreadsheet's time zone, not the machine's. */
class ClockPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    TODAY: { method: "today", parameters: [], isVolatile: true, returnNumberType: "NUMBER_DATE" as never },
    NOW: { method: "now", parameters: [], isVolatile: true, returnNumberType: "NUMBER_DATETIME" as never },
  };

  today(ast: Args, state: unknown): unknown {
    return run(this, "TODAY", ast, state, () => {
      const { timeZone, today } = contextOf(this);
      return Math.floor(currentSerial(timeZone, today));
    });
  }

  now(ast: Args, state: unknown): unknown {
    return run(this, "NOW", ast, state, () => {
      const { timeZone, today } = contextOf(this);
      return currentSerial(timeZone, today);
    });
  }
}

/**
 * TEXT with Sheets' number format patterns. HyperFormula's TEXT knows only a
 * few date tokens: TEXT(0.5,"0%") gave "1%", TEXT(1234.5,"#,##0.00") gave
 * "1235,##0.00". Text input passes through as in Sheets.
 */
class TextFormatPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    TEXT: {
      method: "text",
      parameters: [{ argumentType: FunctionArgumentType.SCALAR }, { argumentType: FunctionArgumentType.STRING }],
    },
  };

  text(ast: Args, state: unknown): unknown {
    return run(this, "TEXT", ast, state, (value: unknown, pattern: string) => {
      const { locale } = contextOf(this);
      const number = rawNumber(value);
      if (number !== undefined) return formatValue(number, pattern, locale);
      if (value === EmptyValue) return formatValue(0, pattern, locale);
      if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
      const text = String(value);
      if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim()))
        return formatValue(Number(text), pattern, locale);
      return formatValue(text, pattern, locale);
    });
  }
}

/**
 * Rounding on the decimal digits a person sees, as Sheets does. HyperFormula
 * multiplies binary doubles: ROUND(1.005,2) gave 1, ROUNDUP(0.1*3,1) gave 0.4,
 * CEILING(0.1*3,0.1) gave 0.4 (Sheets: 1.01, 0.3, 0.3). Sheets' CEILING and
 * FLOOR also take the factor as optional (default 1). INT rounds down, also
 * below zero.
 */
class DecimalRoundingPlugin extends FunctionPlugin {
  private static readonly valueAndPlaces = [{ argumentType: NUMBER }, { argumentType: NUMBER, defaultValue: 0 }];
  private static readonly valueAndFactor = [{ argumentType: NUMBER }, { argumentType: NUMBER, defaultValue: 1 }];

  static override implementedFunctions: ImplementedFunctions = {
    ROUND: { method: "round", parameters: DecimalRoundingPlugin.valueAndPlaces },
    ROUNDUP: { method: "roundup", parameters: DecimalRoundingPlugin.valueAndPlaces },
    ROUNDDOWN: { method: "rounddown", parameters: DecimalRoundingPlugin.valueAndPlaces },
    CEILING: { method: "ceiling", parameters: DecimalRoundingPlugin.valueAndFactor },
    FLOOR: { method: "floor", parameters: DecimalRoundingPlugin.valueAndFactor },
    INT: { method: "int", parameters: [{ argumentType: NUMBER }] },
  };

  /** INT rounds down, toward minus infinity, as in Sheets: INT(-8.9) is -9 (HyperFormula cuts toward zero: -8). */
  int(ast: Args, state: unknown): unknown {
    return run(this, "INT", ast, state, (value: number) => Math.floor(value));
  }

  round(ast: Args, state: unknown): unknown {
    return run(this, "ROUND", ast, state, (value: number, places: number) => roundDecimal(value, Math.trunc(places)));
  }

  roundup(ast: Args, state: unknown): unknown {
    return run(this, "ROUNDUP", ast, state, (value: number, places: number) =>
      towardOrAwayFromZero(value, places, Math.ceil),
    );
  }

  rounddown(ast: Args, state: unknown): unknown {
    return run(this, "ROUNDDOWN", ast, state, (value: number, places: number) =>
      towardOrAwayFromZero(value, places, Math.floor),
    );
  }

  ceiling(ast: Args, state: unknown): unknown {
    return run(this, "CEILING", ast, state, (value: number, factor: number) => toMultiple(value, factor, Math.ceil));
  }

  floor(ast: Args, state: unknown): unknown {
    return run(this, "FLOOR", ast, state, (value: number, factor: number) => toMultiple(value, factor, Math.floor));
  }
}

function towardOrAwayFromZero(value: number, places: number, direction: (n: number) => number): number {
  const p = Math.trunc(places);
  const sign = value < 0 ? -1 : 1;
  return sign * shift(direction(shift(Math.abs(value), p)), -p);
}

function toMultiple(value: number, factor: number, direction: (n: number) => number): number | CellError {
  if (value === 0) return 0;
  if (factor === 0) return new CellError(ErrorType.DIV_BY_ZERO);
  if (value > 0 && factor < 0) return new CellError(ErrorType.NUM, "Distinct signs.");
  const multiples = direction(shift(value / factor, 0));
  return Number((multiples * factor).toPrecision(15));
}

interface AverageParts {
  sum: number;
  count: number;
}

type ConditionalAggregation = {
  computeConditionalAggregationFunction(
    values: unknown,
    conditions: unknown[],
    name: string,
    initial: AverageParts,
    compose: (a: AverageParts | CellError, b: AverageParts | CellError) => AverageParts | CellError,
    map: (value: unknown) => AverageParts | CellError,
  ): AverageParts | CellError;
};

const ConditionalAggregationBase = registeredPlugin("SUMIFS");

/**
 * AVERAGEIFS, missing from HyperFormula (#NAME?). Built on the machinery of
 * its SUMIFS/COUNTIFS so criteria ("<>", ">=5", "b*", "") match exactly as
 * they do there. As in Sheets: non-numbers in the average range are skipped,
 * no match gives #DIV/0!, ranges of different sizes give #VALUE!.
 */
class AverageIfsPlugin extends ConditionalAggregationBase {
  static override implementedFunctions: ImplementedFunctions = {
    AVERAGEIFS: {
      method: "averageifs",
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NOERROR },
      ],
      repeatLastArgs: 2,
    },
  };

  averageifs(ast: Args, state: unknown): unknown {
    return run(this, "AVERAGEIFS", ast, state, (values: unknown, ...conditions: unknown[]) => {
      const self = this as unknown as ConditionalAggregation;
      const result = self.computeConditionalAggregationFunction(
        values,
        conditions,
        "AVERAGEIFS",
        { sum: 0, count: 0 },
        (a, b) =>
          a instanceof CellError ? a : b instanceof CellError ? b : { sum: a.sum + b.sum, count: a.count + b.count },
        (value) => {
          if (value instanceof CellError) return value;
          const n = rawNumber(value);
          return n === undefined || typeof value === "boolean" ? { sum: 0, count: 0 } : { sum: n, count: 1 };
        },
      );
      if (result instanceof CellError) return result;
      return result.count > 0 ? result.sum / result.count : new CellError(ErrorType.DIV_BY_ZERO);
    });
  }
}

withAllFunctionsOf(AverageIfsPlugin, ConditionalAggregationBase);

const LookupBase = registeredPlugin("VLOOKUP");

/**
 * VLOOKUP/HLOOKUP/XLOOKUP that land on an empty cell give an empty result in
 * Sheets; HyperFormula copies Excel and gives 0.
 */
class BlankLookupPlugin extends LookupBase {
  zeroIfEmptyResult(value: unknown): unknown {
    return value;
  }
}

withAllFunctionsOf(BlankLookupPlugin, LookupBase);

const DateTimeBase = registeredPlugin("DATEVALUE");
const numberResult = (id: string) => {
  const { returnNumberType: _dropped, ...metadata } = DateTimeBase.implementedFunctions[id]!;
  return metadata;
};

/**
 * DATEVALUE and TIMEVALUE return plain numbers in Sheets (the cell shows
 * 46357, not a date); HyperFormula types them as a date and a time, which
 * made the emulator read them back as Dates.
 */
class PlainDateValuePlugin extends DateTimeBase {}

withAllFunctionsOf(PlainDateValuePlugin, DateTimeBase, {
  DATEVALUE: numberResult("DATEVALUE"),
  TIMEVALUE: numberResult("TIMEVALUE"),
});

const ArrayBase = registeredPlugin("ARRAYFORMULA");

/**
 * ARRAYFORMULA of a bare range, e.g. ARRAYFORMULA(Q5:Q16), fills the range's
 * size in Sheets; HyperFormula sized it as a reference to one cell and
 * showed #VALUE! ("Cell range not allowed"). The range's values are the
 * result, as a plain array.
 */
class RangeArrayFormulaPlugin extends ArrayBase {
  arrayformula(ast: Args, state: unknown): unknown {
    return run(this, "ARRAYFORMULA", ast, state, (value: unknown) =>
      value instanceof SimpleRangeValue && !value.isAdHoc() ? copyOf(value) : value,
    );
  }

  arrayformulaArraySize(ast: Args, state: unknown): unknown {
    const inherited = (
      ArrayBase.prototype as unknown as { arrayformulaArraySize(ast: Args, state: unknown): ArraySize }
    ).arrayformulaArraySize;
    const size = inherited.call(this, ast, state);
    const argument = ast.args[0] as { type?: string } | undefined;
    // A range argument: its own size, as an array rather than a reference (an error stays one cell).
    return size.isRef && argument?.type === "CELL_RANGE" ? new ArraySize(size.width, size.height) : size;
  }
}

// FILTER (its conditions), SORT and UNIQUE keep array arguments, as in Sheets; Google documents no array
// arithmetic inside VSTACK and HSTACK, so there a computed column needs its own ARRAYFORMULA.
withAllFunctionsOf(RangeArrayFormulaPlugin, ArrayBase, {
  VSTACK: takesScalars(ArrayBase, "VSTACK"),
  HSTACK: takesScalars(ArrayBase, "HSTACK"),
});

const SumProductBase = registeredPlugin("SUMPRODUCT");

/** SUMPRODUCT multiplies arrays by definition: its arguments are evaluated as arrays without ARRAYFORMULA, as in Sheets. */
class ArraySumProductPlugin extends SumProductBase {}

withAllFunctionsOf(ArraySumProductPlugin, SumProductBase, { SUMPRODUCT: takesArrays(SumProductBase, "SUMPRODUCT") });

const MatrixBase = registeredPlugin("MMULT");

/**
 * MMULT reads dates and times as the numbers they are, as Sheets does.
 * HyperFormula keeps a subtype on a number computed from a date (a
 * date-time minus its day is still a "date-time"), and its MMULT rejected any
 * such number with #VALUE!. Text, booleans and blanks are still #VALUE!.
 */
class PlainNumberMatrixPlugin extends MatrixBase {
  mmult(ast: Args, state: unknown): unknown {
    return run(this, "MMULT", ast, state, (left: SimpleRangeValue, right: SimpleRangeValue) => {
      const a = plainNumbers(left);
      const b = plainNumbers(right);
      if (!a || !b) return new CellError(ErrorType.VALUE, "MMULT needs numbers");
      const width = a[0]!.length;
      if (b.length !== width)
        return new CellError(ErrorType.VALUE, "MMULT needs as many columns on the left as rows on the right");
      const columns = b[0]!.length;
      const product = a.map((row) => {
        const line = new Array<number>(columns).fill(0);
        for (let k = 0; k < width; k++) {
          const factor = row[k]!;
          if (factor === 0) continue;
          const other = b[k]!;
          for (let column = 0; column < columns; column++) line[column]! += factor * other[column]!;
        }
        return line;
      });
      return SimpleRangeValue.onlyNumbers(product);
    });
  }
}

withAllFunctionsOf(PlainNumberMatrixPlugin, MatrixBase, { MMULT: takesArrays(MatrixBase, "MMULT") });

/** The values of an array as plain numbers, or undefined when one is not a number. */
function plainNumbers(matrix: SimpleRangeValue): number[][] | undefined {
  const rows: number[][] = [];
  for (const line of matrix.data) {
    const row: number[] = [];
    for (const value of line) {
      const number = plainNumber(value);
      if (number === undefined) return undefined;
      row.push(number);
    }
    rows.push(row);
  }
  return rows;
}

/**
 * FREQUENCY, missing from HyperFormula (#NAME?): how many numbers of `data`
 * fall into each class, a column one longer than `classes` (the last row
 * counts the numbers above every class). A number belongs to the smallest
 * class at least as large; as in Sheets, classes need not be sorted and keep
 * their order in the result, a repeated class counts nothing the second
 * time, and text, booleans and blanks in either argument are skipped. An
 * error in `data` is the result.
 */
class FrequencyPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    FREQUENCY: {
      method: "frequency",
      sizeOfResultArrayMethod: "frequencySize",
      parameters: [{ argumentType: FunctionArgumentType.RANGE }, { argumentType: FunctionArgumentType.RANGE }],
      vectorizationForbidden: true,
    },
  };

  frequency(ast: Args, state: unknown): unknown {
    return run(this, "FREQUENCY", ast, state, (data: SimpleRangeValue, classes: SimpleRangeValue) => {
      const values: unknown[] = Array.from(data.valuesFromTopLeftCorner());
      const bins: unknown[] = Array.from(classes.valuesFromTopLeftCorner());
      const counts = bins.map(() => 0);
      counts.push(0);
      // Class positions by value, smallest first; the first of equal classes takes the count.
      const order = bins
        .map((bin, index) => ({ value: plainNumber(bin), index }))
        .filter((bin): bin is { value: number; index: number } => bin.value !== undefined)
        .sort((a, b) => a.value - b.value || a.index - b.index);
      for (const value of values) {
        if (value instanceof CellError) return value;
        const number = plainNumber(value);
        if (number === undefined) continue;
        let low = 0;
        let high = order.length;
        while (low < high) {
          const middle = (low + high) >> 1;
          if (order[middle]!.value < number) low = middle + 1;
          else high = middle;
        }
        counts[low < order.length ? order[low]!.index : bins.length]! += 1;
      }
      return SimpleRangeValue.onlyValues(counts.map((count) => [count]));
    });
  }

  frequencySize(ast: { args: unknown[] }, state: unknown): unknown {
    const plugin = this as unknown as {
      arraySizeForAst(ast: unknown, state: unknown): { width: number; height: number };
    };
    if (ast.args.length !== 2) return ArraySize.error();
    const classes = plugin.arraySizeForAst(ast.args[1], state);
    return new ArraySize(1, classes.width * classes.height + 1);
  }
}

/** A name in a formula, as HyperFormula parses it (its AstNodeType is not exported). */
interface NameAst {
  type: string;
  expressionName: string;
}

function isNameAst(ast: unknown): ast is NameAst {
  return typeof ast === "object" && ast !== null && (ast as { type?: unknown }).type === "NAMED_EXPRESSION";
}

/**
 * What LET's names stand for while its last argument is evaluated (values)
 * or sized (sizes): one frame per LET being evaluated, innermost last. Names
 * are case-insensitive, as in Sheets. Module-level because evaluation is
 * synchronous and one formula is evaluated at a time.
 */
const letValues: Map<string, unknown>[] = [];
const letSizes: Map<string, unknown>[] = [];

function boundTo(frames: readonly Map<string, unknown>[], name: string): unknown {
  const key = name.toUpperCase();
  for (let index = frames.length - 1; index >= 0; index--) {
    if (frames[index]!.has(key)) return frames[index]!.get(key);
  }
  return undefined;
}

/**
 * LET(name1, value1, [name2, value2, …], expression), missing from
 * HyperFormula: each value is computed once (later ones may use earlier
 * names) and the expression sees the names. Inside ARRAYFORMULA a value can
 * be a whole column, which is the point: a formula that needs a per-lead
 * intermediate several times computes it once, as in Sheets. HyperFormula
 * reads the names as named expressions; the patch in readLetNames makes
 * evaluation and array sizing look them up here first.
 */
class LetPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    LET: {
      method: "letValue",
      sizeOfResultArrayMethod: "letSize",
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
      repeatLastArgs: 1,
    },
  };

  letValue(ast: Args, state: unknown): unknown {
    const plugin = this as unknown as { evaluateAst(ast: unknown, state: unknown): unknown };
    return withNames(
      ast,
      letValues,
      (value) => plugin.evaluateAst(value, state),
      () => new CellError(ErrorType.NA, "LET needs pairs of a name and a value, then an expression"),
    );
  }

  letSize(ast: Args, state: unknown): unknown {
    const plugin = this as unknown as { arraySizeForAst(ast: unknown, state: unknown): unknown };
    return withNames(
      ast,
      letSizes,
      (value) => plugin.arraySizeForAst(value, state),
      () => ArraySize.error(),
    );
  }
}

/** Binds LET's names in a new frame of `frames`, computing each with `compute`, then computes the expression. */
function withNames(
  ast: Args,
  frames: Map<string, unknown>[],
  compute: (ast: unknown) => unknown,
  malformed: () => unknown,
): unknown {
  const args = ast.args;
  if (args.length < 3 || args.length % 2 === 0) return malformed();
  const frame = new Map<string, unknown>();
  frames.push(frame);
  try {
    for (let index = 0; index < args.length - 1; index += 2) {
      const name = args[index];
      if (!isNameAst(name)) return malformed();
      frame.set(name.expressionName.toUpperCase(), compute(args[index + 1]));
    }
    return compute(args[args.length - 1]);
  } finally {
    frames.pop();
  }
}

/**
 * A name's value as each use may consume it. HyperFormula writes the result
 * of an operation on a computed array into that array (it never uses one
 * twice), so a computed array bound by LET is copied for every use; arrays
 * read from cells are never written and keep their range, which functions
 * such as SUMIF rely on.
 */
function fresh(value: unknown): unknown {
  return value instanceof SimpleRangeValue && value.isAdHoc() ? copyOf(value) : value;
}

/** An array's values in a new array of their own, which HyperFormula may write into. */
function copyOf(array: SimpleRangeValue): SimpleRangeValue {
  return SimpleRangeValue.onlyValues(array.data.map((row) => row.slice()));
}

interface NameLookup {
  evaluateAstWithoutPostprocessing(ast: unknown, state: unknown): unknown;
}
interface SizeLookup {
  checkArraySizeForAst(ast: unknown, state: unknown): unknown;
}

/**
 * Makes a name bound by an enclosing LET evaluate to its value, and size to
 * its value's size, before HyperFormula looks for a named expression. With no
 * LET being evaluated both stacks are empty and nothing changes.
 */
function readLetNames(hf: HyperFormula): void {
  const interpreter = (
    hf as unknown as { _evaluator: { interpreter: NameLookup & { arraySizePredictor: SizeLookup } } }
  )._evaluator.interpreter;
  wrapMethod(
    interpreter as NameLookup,
    "evaluateAstWithoutPostprocessing",
    (evaluate) =>
      function evaluateWithLetNames(this: NameLookup, ast: unknown, state: unknown): unknown {
        if (letValues.length > 0 && isNameAst(ast)) {
          const value = boundTo(letValues, ast.expressionName);
          if (value !== undefined) return fresh(value);
        }
        return evaluate.call(this, ast, state);
      },
  );
  wrapMethod(
    interpreter.arraySizePredictor,
    "checkArraySizeForAst",
    (size) =>
      function sizeWithLetNames(this: SizeLookup, ast: unknown, state: unknown): unknown {
        if (letSizes.length > 0 && isNameAst(ast)) {
          const bound = boundTo(letSizes, ast.expressionName);
          if (bound !== undefined) return bound;
        }
        return size.call(this, ast, state);
      },
  );
}

/** A number that is a number, not a boolean, text or blank (dates and percents are numbers). */
function plainNumber(value: unknown): number | undefined {
  return typeof value === "boolean" ? undefined : rawNumber(value);
}

/**
 * Subclasses of built-in plugins first, so the plain overrides after them
 * (TODAY, NOW and TEXT live in the date plugin too) take precedence.
 */
const EMULATOR_PLUGINS: FunctionPluginDefinition[] = [
  PlainDateValuePlugin,
  BlankLookupPlugin,
  AverageIfsPlugin,
  FrequencyPlugin,
  LetPlugin,
  PlainNumberMatrixPlugin,
  RangeArrayFormulaPlugin,
  ArraySumProductPlugin,
  ClockPlugin,
  TextFormatPlugin,
  DecimalRoundingPlugin,
] as unknown as FunctionPluginDefinition[];

function registerLanguage(): void {
  if (HyperFormula.getRegisteredLanguagesCodes().includes(LANGUAGE)) return;
  HyperFormula.registerLanguage(LANGUAGE, {
    ...enUS,
    functions: { ...enUS.functions, AVERAGEIFS: "AVERAGEIFS", FREQUENCY: "FREQUENCY", LET: "LET" },
  });
}

/** Date strings Sheets coerces inside formulas (DATEVALUE("2026-12-01"), "2026-12-01"+1), by spreadsheet locale. */
export function dateFormatsFor(locale: string): string[] {
  const lang = locale.split(/[_-]/)[0]?.toLowerCase();
  if (lang === "de") return ["YYYY-MM-DD", "DD.MM.YYYY", "DD.MM.YY"];
  if (locale === "en_US") return ["YYYY-MM-DD", "MM/DD/YYYY", "MM/DD/YY"];
  return ["YYYY-MM-DD", "DD/MM/YYYY", "DD/MM/YY"];
}

/** Sheets allows 10 million cells per spreadsheet; any one sheet may use most of them. */
export const MAX_ROWS = 10_000_000;
export const MAX_COLUMNS = 18_278;

interface ComparisonInternals {
  config: { context?: unknown };
  compare(left: unknown, right: unknown): number;
  stringCmp(left: string, right: string): number;
}

/** The evaluation contexts of emulator engines: the comparison fix applies to them only. */
const SHEETS_CONTEXTS = new WeakSet<object>();

function isSheetsContext(context: unknown): boolean {
  return typeof context === "object" && context !== null && SHEETS_CONTEXTS.has(context);
}

/**
 * The patches that only make evaluation faster: every value is the same
 * with or without them (test/emulator/speedPatches.test.ts evaluates random
 * workbooks both ways). `undoLimit` is the configuration that keeps no undo data;
 * `skipChangeLists` leaves out the change lists no emulator reads.
 */
export const SPEED_PATCHES = [
  "fastRunFunction",
  "skipDateReadingOfWords",
  "plainNumbersFirst",
  "undoLimit",
  "skipChangeLists",
] as const;
export type SpeedPatch = (typeof SPEED_PATCHES)[number];

/** Per evaluation context, the speed patches left out (for the tests that compare with and without). */
const LEFT_OUT = new WeakMap<object, ReadonlySet<SpeedPatch>>();

function speedPatchOn(context: unknown, patch: SpeedPatch): boolean {
  return isSheetsContext(context) && !LEFT_OUT.get(context as object)?.has(patch);
}

/** The methods the emulator has replaced, per class prototype. */
const WRAPPED = new WeakMap<object, Set<string>>();

/**
 * Replaces `method` on the class of `instance` with `wrap(original)`, once
 * per class however many engines are built. HyperFormula builds its helpers
 * anew on each rebuild, so a fix has to sit on the class, not the instance.
 */
function wrapMethod<T extends object, K extends keyof T & string>(
  instance: T,
  method: K,
  wrap: (original: T[K]) => T[K],
): void {
  const prototype = Object.getPrototypeOf(instance) as T;
  const done = WRAPPED.get(prototype) ?? new Set<string>();
  if (done.has(method)) return;
  prototype[method] = wrap(prototype[method]);
  done.add(method);
  WRAPPED.set(prototype, done);
}

/**
 * Comparisons (=, <>, <, >, <=, >=) do not read text as a date in Sheets:
 * ="2026-12-01"=DATE(2026,12,1) is FALSE, and text is greater than any
 * number. HyperFormula as shipped parses every text operand as a date first
 * (TRUE there), which is also most of the time of comparing a column with
 * "" or a name. HyperFormula builds its comparison helper anew on each
 * rebuild, so the fix sits on the helper's class and applies only to
 * engines whose context is an emulator's; other engines compare as shipped.
 */
function compareTextAsSheetsDoes(hf: HyperFormula): void {
  const engine = hf as unknown as { _evaluator: { interpreter: { arithmeticHelper: ComparisonInternals } } };
  wrapMethod(
    engine._evaluator.interpreter.arithmeticHelper,
    "compare",
    (original) =>
      function compare(this: ComparisonInternals, left: unknown, right: unknown): number {
        if ((typeof left === "string" || typeof right === "string") && isSheetsContext(this.config.context))
          return compareWithText(this, left, right);
        return original.call(this, left, right);
      },
  );
}

/**
 * A comparison with text on at least one side, text never read as a number:
 * two texts (an empty cell being "") compare as text, case-insensitively;
 * otherwise the types decide, number < text < boolean, the order
 * HyperFormula falls back to once its date reading fails.
 */
function compareWithText(helper: ComparisonInternals, left: unknown, right: unknown): number {
  const leftText = asText(left);
  const rightText = asText(right);
  if (leftText !== undefined && rightText !== undefined) return helper.stringCmp(leftText, rightText);
  return Math.sign(typeOrder(left) - typeOrder(right));
}

interface DateReading {
  config: { context?: unknown };
  dateStringToDateNumber(text: string): unknown;
}

/**
 * Text without a digit is never read as a date: every date and time format
 * the emulator accepts (dateFormatsFor, HyperFormula's time formats) is
 * made of digits. HyperFormula tries its formats on every text it parses,
 * and a rebuild parses every text cell again (lead names, companies,
 * owners): skipping the formats there is about a tenth of a 20,000-lead
 * recalculation. Values are unchanged; engines that aren't an emulator's
 * read text as before.
 */
function skipDateReadingOfWords(hf: HyperFormula): void {
  const engine = hf as unknown as { _evaluator: { interpreter: { dateTimeHelper: DateReading } } };
  wrapMethod(
    engine._evaluator.interpreter.dateTimeHelper,
    "dateStringToDateNumber",
    (original) =>
      function dateNumberOfText(this: DateReading, text: string): unknown {
        if (!/[0-9]/.test(text) && speedPatchOn(this.config.context, "skipDateReadingOfWords")) return undefined;
        return original.call(this, text);
      },
  );
}

interface NumberCoercion {
  config: { context?: unknown };
  coerceScalarToNumberOrError(value: unknown): unknown;
}

/**
 * Every operand of +, -, *, / and ^ is read as a number first. HyperFormula
 * asks in turn whether it is blank, text, a number or a boolean, through
 * three calls; in the lead log's array formulas nearly all operands are
 * plain numbers and booleans (a third of a million per build of the
 * example), so those are answered at once, with the values the original
 * gives them (the number itself, 1 or 0). Only for engines whose context is
 * an emulator's. A wrapper of its own, not one shared with
 * skipDateReadingOfWords: a shared one calls two different answers from one
 * place, which V8 then inlines neither of, and that costs about a tenth of
 * an integration test's time.
 */
function plainNumbersFirst(hf: HyperFormula): void {
  const engine = hf as unknown as { _evaluator: { interpreter: { arithmeticHelper: NumberCoercion } } };
  wrapMethod(
    engine._evaluator.interpreter.arithmeticHelper,
    "coerceScalarToNumberOrError",
    (original) =>
      function numberOrError(this: NumberCoercion, value: unknown): unknown {
        const type = typeof value;
        if ((type === "number" || type === "boolean") && speedPatchOn(this.config.context, "plainNumbersFirst"))
          return type === "number" ? value : value ? 1 : 0;
        return original.call(this, value);
      },
  );
}

// Module-level, not closures in compareWithText: it runs once per compared cell.
function asText(value: unknown): string | undefined {
  return typeof value === "string" ? value : value === EmptyValue ? "" : undefined;
}

function typeOrder(value: unknown): number {
  return typeof value === "string" ? 2 : typeof value === "boolean" ? 3 : 1;
}

interface VectorizingPlugin {
  config: { context?: unknown };
  evaluateArguments(args: unknown, state: unknown, metadata: unknown): [unknown, boolean, boolean?][];
  buildMetadataForEachArgumentValue(count: number, metadata: unknown): unknown[];
  isNumberOfArgumentValuesValid(metadata: unknown[], count: number): boolean;
  isRangePassedAsAScalarArgument(value: unknown, metadata: unknown): boolean;
  vectorizeAndBroadcastArgumentsIfNecessary(
    on: boolean,
    values: unknown[],
    metadata: unknown[],
    row: number,
    column: number,
  ): unknown[];
  calculateSingleCellOfResultArray(
    state: unknown,
    args: unknown[],
    metadata: unknown[],
    ignorable: boolean[],
    empty: (boolean | undefined)[],
    implementation: unknown,
    returnNumberType: unknown,
  ): unknown;
}
type RunFunction = (
  args: unknown,
  state: { arraysFlag: boolean },
  metadata: { vectorizationForbidden?: boolean; returnNumberType?: unknown },
  implementation: unknown,
) => unknown;

/**
 * HyperFormula's runFunction, the wrapper of every function call, with the
 * loop over the cells of a vectorized call (a scalar function given a column
 * inside ARRAYFORMULA, e.g. IF or INT over 20,000 leads) written as plain
 * loops: each argument's array is looked up once instead of once per cell,
 * and no index arrays are built per row. Same steps in the same order, same
 * results; a call with a wrong number of arguments goes to the original.
 * Only for engines whose context is an emulator's.
 */
function fastRunFunction(this: VectorizingPlugin, original: RunFunction, ...call: Parameters<RunFunction>): unknown {
  if (!speedPatchOn(this.config?.context, "fastRunFunction")) return original(...call);
  const [args, state, metadata, implementation] = call;
  const evaluated = this.evaluateArguments(args, state, metadata);
  const count = evaluated.length;
  const values: unknown[] = new Array(count);
  const ignorable: boolean[] = new Array(count);
  const empty: (boolean | undefined)[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const [value, flag, blank] = evaluated[index]!;
    values[index] = value;
    ignorable[index] = flag;
    empty[index] = blank;
  }
  const argumentMetadata = this.buildMetadataForEachArgumentValue(count, metadata);
  if (!this.isNumberOfArgumentValuesValid(argumentMetadata, count)) return original(...call);
  const vectorizing = state.arraysFlag && !metadata.vectorizationForbidden;
  const arrays: (unknown[][] | undefined)[] = new Array(count);
  const oneRow: boolean[] = new Array(count);
  const oneColumn: boolean[] = new Array(count);
  let height = 1;
  let width = 1;
  if (vectorizing) {
    for (let index = 0; index < count; index++) {
      const value = values[index];
      if (!this.isRangePassedAsAScalarArgument(value, argumentMetadata[index])) continue;
      const array = value as SimpleRangeValue;
      height = Math.max(height, array.height());
      width = Math.max(width, array.width());
      arrays[index] = array.data as unknown[][];
      oneRow[index] = array.height() === 1;
      oneColumn[index] = array.width() === 1;
    }
  }
  if (height === 1 && width === 1) {
    const single = this.vectorizeAndBroadcastArgumentsIfNecessary(vectorizing, values, argumentMetadata, 0, 0);
    return this.calculateSingleCellOfResultArray(
      state,
      single,
      argumentMetadata,
      ignorable,
      empty,
      implementation,
      metadata.returnNumberType,
    );
  }
  const result: unknown[][] = new Array(height);
  const cell: unknown[] = new Array(count);
  for (let row = 0; row < height; row++) {
    const line: unknown[] = new Array(width);
    for (let column = 0; column < width; column++) {
      for (let index = 0; index < count; index++) {
        const array = arrays[index];
        cell[index] =
          array === undefined ? values[index] : array[oneRow[index] ? 0 : row]?.[oneColumn[index] ? 0 : column];
      }
      const value = this.calculateSingleCellOfResultArray(
        state,
        cell,
        argumentMetadata,
        ignorable,
        empty,
        implementation,
        metadata.returnNumberType,
      );
      if (value instanceof SimpleRangeValue) throw new Error("Function returning array cannot be vectorized.");
      line[column] = value;
    }
    result[row] = line;
  }
  return SimpleRangeValue.onlyValues(result as never);
}

/**
 * Every function plugin gets its runFunction in its constructor (an
 * instance property, built anew with each engine): a setter on the base
 * class takes it there and keeps fastRunFunction in front of it.
 */
function runFunctionsFast(): void {
  const prototype = FunctionPlugin.prototype as unknown as object;
  if (Object.getOwnPropertyDescriptor(prototype, "runFunction")) return;
  Object.defineProperty(prototype, "runFunction", {
    configurable: true,
    set(this: VectorizingPlugin, original: RunFunction) {
      Object.defineProperty(this, "runFunction", {
        configurable: true,
        writable: true,
        value: (...call: Parameters<RunFunction>) => fastRunFunction.call(this, original, ...call),
      });
    },
  });
}

export interface EngineOptions {
  /** Speed patches to leave out: only the tests that prove they change no value leave any out. */
  readonly withoutSpeedPatches?: readonly SpeedPatch[];
}

export function createHyperFormula(context: EvaluationContext, options: EngineOptions = {}): HyperFormula {
  registerLanguage();
  runFunctionsFast();
  SHEETS_CONTEXTS.add(context);
  const leftOut = new Set(options.withoutSpeedPatches ?? []);
  if (leftOut.size > 0) LEFT_OUT.set(context, leftOut);
  const config: Partial<ConfigParams> = {
    licenseKey: "gpl-v3",
    language: LANGUAGE,
    // As in Sheets: a range in scalar context is the cell in the formula's row (or #VALUE!), array arithmetic only
    // inside ARRAYFORMULA and in functions that take arrays (FILTER, SUMPRODUCT, MMULT, SORT, UNIQUE).
    useArrayArithmetic: false,
    functionArgSeparator: ",",
    decimalSeparator: ".",
    thousandSeparator: "",
    dateFormats: dateFormatsFor(context.locale),
    // Sheets keeps ~15 significant digits; HyperFormula's default (10) cut =1/3 to 0.3333333333.
    precisionRounding: 14,
    maxRows: MAX_ROWS,
    maxColumns: MAX_COLUMNS,
    // The emulator never undoes; keeping undo data doubled the time of large writes.
    ...(leftOut.has("undoLimit") ? {} : { undoLimit: 0 }),
    context,
    functionPlugins: [...HyperFormula.getAllFunctionPlugins(), ...EMULATOR_PLUGINS],
  };
  const hf = HyperFormula.buildEmpty(config);
  keepArrayResultsOutOfRebuilds(hf);
  compareTextAsSheetsDoes(hf);
  readLetNames(hf);
  skipDateReadingOfWords(hf);
  plainNumbersFirst(hf);
  insertIntoSpilledArrays(hf);
  if (!leftOut.has("skipChangeLists")) skipChangeLists(hf);
  // Sheets reads TRUE and FALSE as literals; HyperFormula only knows TRUE() and FALSE().
  hf.addNamedExpression("TRUE", "=TRUE()");
  hf.addNamedExpression("FALSE", "=FALSE()");
  return hf;
}

interface CellAddress {
  sheet: number;
  col: number;
  row: number;
}

interface ArrayInternals {
  getRange(): { start: CellAddress; end: CellAddress };
}

interface GraphInternals {
  arrayMapping: { arrayMapping: Map<string, ArrayInternals> };
  addressMapping: { getCell(address: CellAddress): object | undefined; removeCell(address: CellAddress): void };
  graph: {
    adjacentNodes(node: object): Set<object>;
    removeNode(node: object): unknown;
    hasNode(node: object): boolean;
    addEdge(from: object, to: object): void;
  };
  fixArraysAfterAddingRow(sheet: number, start: number, count: number): void;
  fixArraysAfterAddingColumn(sheet: number, start: number, count: number): void;
}

/**
 * Rows inserted inside an ARRAYFORMULA's result (a lead log's rows between its
 * header formulas and their last row) are part of the result in Sheets, and the
 * formula fills them. HyperFormula as shipped first gives every range that grew
 * over the new rows a placeholder cell there, then fails to move the array's
 * cells onto it ("Cannot move cell. Destination already occupied."). Here the
 * placeholders of the new rows or columns inside an array step aside, and
 * whatever depended on them depends on the array instead.
 */
function insertIntoSpilledArrays(hf: HyperFormula): void {
  const graph = (hf as unknown as { dependencyGraph: GraphInternals }).dependencyGraph;
  for (const [method, along] of [
    ["fixArraysAfterAddingRow", "row"],
    ["fixArraysAfterAddingColumn", "col"],
  ] as const) {
    wrapMethod(
      graph,
      method,
      (original) =>
        function fixArraysOverPlaceholders(this: GraphInternals, sheet: number, start: number, count: number): void {
          const moved = placeholdersInArrays(this, sheet, along, start, count);
          original.call(this, sheet, start, count);
          for (const { array, dependents } of moved)
            for (const dependent of dependents) if (this.graph.hasNode(dependent)) this.graph.addEdge(array, dependent);
        },
    );
  }
}

/** Takes the placeholder cells out of the new rows (or columns) `start`… inside arrays that span across them. */
function placeholdersInArrays(
  graph: GraphInternals,
  sheet: number,
  along: "row" | "col",
  start: number,
  count: number,
): { array: object; dependents: object[] }[] {
  const across = along === "row" ? "col" : "row";
  const moved: { array: object; dependents: object[] }[] = [];
  if (start <= 0) return moved;
  for (const array of graph.arrayMapping.arrayMapping.values()) {
    const range = array.getRange();
    if (range.start.sheet !== sheet || range.start[along] >= start || range.end[along] < start - 1) continue;
    for (let line = start; line < start + count; line++) {
      for (let cross = range.start[across]; cross <= range.end[across]; cross++) {
        const address = { sheet, [along]: line, [across]: cross } as unknown as CellAddress;
        const vertex = graph.addressMapping.getCell(address);
        if (vertex?.constructor.name !== "EmptyCellVertex") continue;
        moved.push({ array, dependents: [...graph.graph.adjacentNodes(vertex)] });
        graph.graph.removeNode(vertex);
        graph.addressMapping.removeCell(address);
      }
    }
  }
  return moved;
}

interface RecomputeInternals {
  _evaluationSuspended: boolean;
  _crudOperations: { getAndClearContentChanges(): unknown };
  dependencyGraph: { verticesToRecompute(): unknown[]; clearDirtyVertices(): void };
  evaluator: { partialRun(vertices: unknown[]): unknown };
  compactLazyTransformationsIfNeeded(): void;
  recomputeIfDependencyGraphNeedsIt(): unknown[];
}

/**
 * After each change HyperFormula turns every recomputed cell into an exported
 * change object for its `valuesUpdated` listeners and returns the list (joining
 * the lists of array results with `concat`, quadratic in their number). The
 * emulator has no listeners and reads values from the engine, so this engine
 * recomputes exactly as shipped and returns an empty list.
 */
function skipChangeLists(hf: HyperFormula): void {
  const engine = hf as unknown as RecomputeInternals;
  engine.recomputeIfDependencyGraphNeedsIt = function recomputeWithoutChangeList(this: RecomputeInternals): unknown[] {
    if (this._evaluationSuspended) return [];
    this._crudOperations.getAndClearContentChanges();
    const vertices = this.dependencyGraph.verticesToRecompute();
    this.dependencyGraph.clearDirtyVertices();
    this.compactLazyTransformationsIfNeeded();
    if (vertices.length > 0) this.evaluator.partialRun(vertices);
    return [];
  };
}

interface SerializationInternals {
  withNewConfig(...args: unknown[]): SerializationInternals;
  getCellSerialized(address: SimpleCellAddress, target?: SimpleCellAddress): RawCellContent;
  getCellFormula(address: SimpleCellAddress, target?: SimpleCellAddress): string | undefined;
  getRawValue(address: SimpleCellAddress): RawCellContent;
}
interface RebuildInternals {
  _serialization: SerializationInternals;
  rebuildWithConfig(params: Partial<ConfigParams>): void;
}

/**
 * HyperFormula rebuilds (rebuildAndRecalculate, updateConfig) from its own
 * serialization, which writes the cells an array formula fills as plain
 * values: the rebuilt ARRAYFORMULA then finds them taken and turns into
 * #SPILL!, while its old results stay behind as constants. In Sheets those
 * cells are the formula's, not content; here they are serialized as empty.
 */
/** Called after every rebuild of an engine: a rebuild numbers its sheets afresh, leaving out removed ones. */
const rebuildListeners = new WeakMap<HyperFormula, (() => void)[]>();

/** Runs `listener` after each rebuild of `hf` (rebuildAndRecalculate, updateConfig). */
export function afterRebuild(hf: HyperFormula, listener: () => void): void {
  rebuildListeners.set(hf, [...(rebuildListeners.get(hf) ?? []), listener]);
}

function keepArrayResultsOutOfRebuilds(hf: HyperFormula): void {
  const engine = hf as unknown as RebuildInternals;
  const rebuild = engine.rebuildWithConfig;
  engine.rebuildWithConfig = function rebuildWithoutArrayResults(
    this: RebuildInternals,
    params: Partial<ConfigParams>,
  ): void {
    const serialization = this._serialization;
    const withNewConfig = serialization.withNewConfig;
    serialization.withNewConfig = function withNewConfigWithoutArrayResults(
      this: SerializationInternals,
      ...args: unknown[]
    ): SerializationInternals {
      const fresh = withNewConfig.apply(this, args);
      fresh.getCellSerialized = function cellSerialized(
        this: SerializationInternals,
        address: SimpleCellAddress,
        target?: SimpleCellAddress,
      ): RawCellContent {
        const formula = this.getCellFormula(address, target);
        if (formula !== undefined) return formula;
        return hf.isCellPartOfArray(address) ? null : this.getRawValue(address);
      };
      return fresh;
    };
    try {
      rebuild.call(this, params);
    } finally {
      serialization.withNewConfig = withNewConfig;
    }
    for (const listener of rebuildListeners.get(hf) ?? []) listener();
  };
}

/** Names the emulator defines itself, hidden from getNamedRanges. */
export const BUILT_IN_NAMES = new Set(["TRUE", "FALSE"]);
