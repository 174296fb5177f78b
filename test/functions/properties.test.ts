/**
 * Property: whatever Sheets passes, every custom function either returns
 * finite numbers and blanks (plus, inside ranges, a row's error text) in the
 * right shape, or throws an Error that names the function and the argument.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { FUNCTIONS } from "../../src/functions/definitions";
import { invoke, type CustomFunction } from "../../src/functions/registry";
import { testContext } from "../support/context";

const context = testContext("Europe/Berlin");

const cell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(
    "",
    " ",
    "50%",
    "50 %",
    "12,5 %",
    "0.5",
    "5,000",
    "5.000,50",
    "=1+1",
    "@x",
    "-3",
    "abc",
    "Mon-Fri 09:00-17:00",
    "p90",
    "median",
    "month",
    "CEO",
    "TRUE",
    "ja",
  ),
  fc.constantFrom("2026-12-01", "01.12.2026 14:30", "12/1/2026", "2026-02-30"),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.date({ min: new Date("1990-01-01"), max: new Date("2040-12-31") }),
  fc.constant(new Date(Number.NaN)),
  fc.integer({ min: 40000, max: 50000 }),
);

const oddRange = fc.oneof(
  fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
  fc
    .integer({ min: 1, max: 5 })
    .chain((rows) => fc.array(fc.array(cell, { minLength: 1, maxLength: 1 }), { minLength: rows, maxLength: rows })),
  fc.array(cell, { maxLength: 3 }),
  fc.array(fc.array(fc.array(cell, { maxLength: 2 }), { maxLength: 2 }), { maxLength: 2 }),
  fc.constant([]),
);

const argument = fc.oneof(
  { weight: 3, arbitrary: cell },
  { weight: 2, arbitrary: oddRange },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** Values that a parameter accepts, including extremes, so random calls also reach the maths. */
function plausible(param: CustomFunction["params"][number]): fc.Arbitrary<unknown> {
  const number = fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 1, max: 1e300, noNaN: true }),
    fc.double({ min: 1e-300, max: 1e-3, noNaN: true }),
  );
  const someDate = fc.date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true });
  const single: fc.Arbitrary<unknown> =
    param.jsdocType === "number"
      ? number
      : param.jsdocType === "Date"
        ? someDate
        : param.jsdocType === "Date|number"
          ? fc.oneof(someDate, fc.integer({ min: 1, max: 31 }))
          : param.jsdocType === "boolean"
            ? fc.boolean()
            : param.jsdocType === "string"
              ? fc.constantFrom("Mon-Fri 09:00-17:00", "p90", "median", "average", "month", "day", "CEO", "Manager")
              : param.name === "holidays"
                ? fc.array(fc.array(someDate, { minLength: 1, maxLength: 1 }), { maxLength: 4 })
                : param.jsdocType === "Array<number>"
                  ? fc.array(fc.array(fc.integer({ min: 1, max: 48 }), { minLength: 1, maxLength: 1 }), {
                      minLength: 1,
                      maxLength: 5,
                    })
                  : fc.constant([
                      ["CEO", 100],
                      ["Manager", 40],
                    ]);
  if (param.takes !== "row") return single;
  return fc.oneof(
    single,
    fc.integer({ min: 1, max: 4 }).chain((rows) =>
      fc.array(fc.array(fc.oneof(single, fc.constant("")), { minLength: 1, maxLength: 1 }), {
        minLength: rows,
        maxLength: rows,
      }),
    ),
  );
}

function argumentsFor(fn: CustomFunction): fc.Arbitrary<unknown[]> {
  const mostlyValid = fc.tuple(
    ...fn.params.map((param) =>
      fc.oneof({ weight: 4, arbitrary: plausible(param) }, { weight: 1, arbitrary: argument }),
    ),
  );
  const anything = fc.array(argument, { minLength: 0, maxLength: fn.params.length + 1 });
  return fc.oneof(mostlyValid, anything);
}

function allowedSubjects(fn: CustomFunction): string[] {
  return [...fn.params.map((param) => `${param.name} `), "takes at most", "result "];
}

function namesFunctionAndArgument(fn: CustomFunction, message: string): boolean {
  if (!message.startsWith(`${fn.name}: `)) return false;
  const rest = message.slice(fn.name.length + 2);
  return allowedSubjects(fn).some((subject) => rest.startsWith(subject));
}

function isCellResult(fn: CustomFunction, value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === "") return true;
  return typeof value === "string" && fn.kind === "elementwise" && namesFunctionAndArgument(fn, value);
}

function expectedShape(fn: CustomFunction, args: readonly unknown[]): [number, number] | "scalar" | "column" | "row" {
  if (fn.kind === "aggregate") return fn.row ? "row" : "scalar";
  if (fn.kind === "spill") return "column";
  let shape: [number, number] | undefined;
  fn.params.forEach((param, index) => {
    const arg = args[index];
    if (param.takes !== "row" || !Array.isArray(arg)) return;
    const rows = arg.length === 0 ? 1 : arg.some(Array.isArray) ? arg.length : 1;
    const columns = arg.some(Array.isArray)
      ? Math.max(1, ...arg.map((row: unknown) => (Array.isArray(row) ? row.length : 1)))
      : Math.max(1, arg.length);
    if (!shape || (shape[0] === 1 && shape[1] === 1)) shape = [rows, columns];
  });
  return shape ?? "scalar";
}

/** What is wrong with `result` as a result of `fn` for `args`, one line per problem; none when it is right. */
function resultProblems(fn: CustomFunction, args: readonly unknown[], result: unknown): string[] {
  const notCell = (value: unknown, where: string): string[] =>
    isCellResult(fn, value) ? [] : [`${where}: ${JSON.stringify(value)} is not a finite number, "" or a named error`];
  const shape = expectedShape(fn, args);
  if (shape === "scalar") return notCell(result, "the result");
  if (!Array.isArray(result) || !result.every(Array.isArray))
    return [`expected rows of values, got ${JSON.stringify(result)}`];
  const grid = result as unknown[][];
  if (shape === "row") {
    // One row of counts: one per band edge, then one for later or not at all.
    if (grid.length !== 1) return [`expected one row of counts, got ${grid.length} rows`];
    const counts = grid[0]!;
    if (counts.length < 2) return [`expected at least 2 counts, got ${counts.length}`];
    return counts.filter((count) => !Number.isInteger(count)).map((count) => `count ${String(count)} is not whole`);
  }
  const [rows, columns] = shape === "column" ? [grid.length, 1] : shape;
  if (grid.length !== rows) return [`expected ${rows} rows, got ${grid.length}`];
  return grid.flatMap((row, i) =>
    row.length === columns
      ? row.flatMap((value, j) => notCell(value, `row ${i + 1}, column ${j + 1}`))
      : [`row ${i + 1} has ${row.length} values, expected ${columns}`],
  );
}

describe.each(FUNCTIONS.map((fn) => [fn.name, fn] as const))("%s with random arguments", (_name, fn) => {
  it("returns finite values of the right shape or throws an Error naming the function and argument", () => {
    fc.assert(
      fc.property(argumentsFor(fn), (values) => {
        let result: unknown;
        try {
          result = invoke(fn, values, context);
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect(namesFunctionAndArgument(fn, (error as Error).message)).toBe(true);
          return;
        }
        // One expect per case: results run to thousands of cells, and each expect costs more than its check.
        expect(resultProblems(fn, values, result)).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("well-formed random inputs", () => {
  it("SLA_LEADS_NEEDED never needs fewer leads than the exact value, nor more than one extra customer's worth", () => {
    const lead = FUNCTIONS.find((fn) => fn.name === "SLA_LEADS_NEEDED") as CustomFunction;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (quota, share, deal, rate) => {
          const rounded = invoke(lead, [quota, share, deal, rate], context) as number;
          const exact = invoke(lead, [quota, share, deal, rate, true], context) as number;
          expect(Number.isInteger(rounded)).toBe(true);
          // Whole numbers forgive a trillionth (relative) of floating-point noise, as ceilWhole documents.
          expect(rounded).toBeGreaterThanOrEqual(exact * (1 - 1e-12) - 1e-9);
          expect(rounded).toBeLessThanOrEqual(exact + 1 / rate + 1);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("SLA_RESPONSE_HOURS counts the wall clock: without business hours, with only holidays, and never more with business hours", () => {
    const hours = FUNCTIONS.find((fn) => fn.name === "SLA_RESPONSE_HOURS") as CustomFunction;
    const zone = context.zone();
    const holiday = [[new Date("2030-01-01T12:00:00Z")]];
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2025-01-01"), max: new Date("2027-01-01"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 40 * 24 * 60 }),
        (from, minutes) => {
          const to = new Date(from.getTime() + minutes * 60_000);
          const clock = Math.max(0, zone.toWall(to.getTime()) - zone.toWall(from.getTime())) / 3_600_000;
          const elapsed = invoke(hours, [from, to], context) as number;
          const withHolidays = invoke(hours, [from, to, "", holiday], context) as number;
          const working = invoke(hours, [from, to, "Mon-Fri 09:00-17:00"], context) as number;
          expect(elapsed).toBeCloseTo(clock, 9);
          // A holiday outside the span: the same call with or without it.
          expect(withHolidays).toBeCloseTo(elapsed, 9);
          expect(working).toBeGreaterThanOrEqual(0);
          expect(working).toBeLessThanOrEqual(elapsed);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
