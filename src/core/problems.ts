/**
 * Input problems, as codes with parameters, so the same check can be reported in
 * English or German by whoever catches it (a cell, the sidebar, the workbook builder).
 */
export type ProblemCode =
  | "required"
  | "notNumber"
  | "ambiguousNumber"
  | "rateAbove"
  | "rateRange"
  | "availabilityRange"
  | "nonNegative"
  | "positive"
  | "wholeNumber"
  | "notDate"
  | "notMonth"
  | "notBoolean"
  | "notText"
  | "notSingle"
  | "shapeMismatch"
  | "beforeHandOff"
  | "atMost"
  | "unknownTier"
  | "duplicateTier"
  | "tierTableShape"
  | "businessHours"
  | "statistic"
  | "period"
  | "tooManyArguments"
  | "tooLarge"
  | "resultTooLarge";

export type ProblemParams = Readonly<Record<string, string | number>>;

/** Thrown by core code for input it cannot use; `field` is the argument or config field at fault. */
export class SlaInputError extends Error {
  readonly problem: ProblemCode;
  readonly params: ProblemParams;
  field: string;
  got: unknown;
  /** Row within the range the value came from, when it came from a range. */
  row: number | undefined;
  constructor(problem: ProblemCode, field: string, got?: unknown, params: ProblemParams = {}) {
    super(`${field}: ${problem}`);
    this.name = "SlaInputError";
    this.problem = problem;
    this.field = field;
    this.got = got;
    this.params = params;
    this.row = undefined;
  }
}

/**
 * Runs work for one row of a range; an input problem it throws is tagged with
 * that row (1-based), so the message can say where to look.
 */
export function atRow<T>(row: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof SlaInputError) error.row = row;
    throw error;
  }
}

export function isSlaInputError(error: unknown): error is SlaInputError {
  return error instanceof SlaInputError;
}
