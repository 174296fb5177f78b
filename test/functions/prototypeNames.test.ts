/**
 * Property: user text is looked up among the add-on's own words only. Names
 * that every JavaScript object answers to ("constructor", "__proto__",
 * "toString", …) fed to any parameter of any custom function give a clear
 * error that names the function and the argument, or a sane finite value:
 * never a hang, a crash or a huge number.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { Script, createContext } from "node:vm";
import { FUNCTIONS } from "../../src/functions/definitions";
import { invoke, type CustomFunction } from "../../src/functions/registry";
import { testContext } from "../support/context";

const context = testContext("Europe/Berlin");

/** Every name an object, a function, an array, a string or a number inherits. */
const PROTOTYPE_NAMES = [
  ...new Set(
    [
      Object.prototype,
      Function.prototype,
      Array.prototype,
      String.prototype,
      Number.prototype,
      Boolean.prototype,
      Date.prototype,
      RegExp.prototype,
    ]
      .flatMap((prototype) => Object.getOwnPropertyNames(prototype))
      .concat(["__proto__", "prototype", "constructor"]),
  ),
].sort();

const at = (day: number, hour: number): Date => new Date(Date.UTC(2026, 11, day, hour));
const HOURS = "Mon-Fri 09:00-17:00";
const HOLIDAYS = [[at(24, 0)], [at(25, 0)]];

/** Valid arguments per function: each test replaces one of them. */
const VALID: Readonly<Record<string, readonly unknown[]>> = {
  SLA_REVENUE_GOAL: [5000, 1],
  SLA_CUSTOMERS_NEEDED: [5000, 1, 100, false],
  SLA_LEADS_NEEDED: [5000, 1, 100, 0.5, false],
  SLA_DAILY_TARGET: [100, 31],
  SLA_CUMULATIVE_GOAL: [100, at(15, 12)],
  SLA_GOAL_LINE: [100, 4],
  SLA_CLOSE_RATE: [45, 120],
  SLA_DEAL_SIZE: [5400, 45],
  SLA_MARKETING_SHARE: [5400, 7200],
  SLA_RESPONSE_HOURS: [at(4, 16), at(7, 10), HOURS, HOLIDAYS],
  SLA_FOLLOWUP_SPEED: [[[at(1, 9)], [at(1, 10)]], [[at(1, 10)], [at(1, 13)]], "p90", HOURS, HOLIDAYS],
  SLA_SPEED_BANDS: [
    [[at(1, 9)], [at(1, 10)]],
    [[at(1, 10)], [at(1, 13)]],
  ],
  SLA_FOLLOWUP_DEPTH: [
    [[3], [6], [2]],
    [[false], [false], [true]],
  ],
  SLA_PACE: [60, 100, at(15, 12)],
  SLA_LEAD_VALUE: [
    [["CEO"], ["Manager"]],
    [
      ["CEO", 100],
      ["Manager", 40],
    ],
  ],
  SLA_ALLOWED_DOWNTIME: [0.999, "year"],
  SLA_REP_CAPACITY: [100, 6, 10, 160],
};

/** The ways a name reaches a parameter: alone, in a range, and inside the texts that parse words. */
function placings(name: string): unknown[] {
  return [
    name,
    name.toUpperCase(),
    ` ${name} `,
    [[name]],
    [[name], [name]],
    `Mon-${name} 9-17`,
    `${name}-Fri 9-17`,
    `${name} 9-17`,
    `Mon-Fri 9-12, ${name} 13-17`,
    `p${name}`,
    `${name}%`,
    [[name, 100]],
    [
      ["CEO", 100],
      [name, name],
    ],
  ];
}

/** Runs work, stopped after `ms`: a lookup that loops must fail the test, not hang it (a watchdog per batch, not per call). */
const sandbox = createContext({ work: (): unknown => undefined });
const runWork = new Script("work()");
function within<T>(ms: number, work: () => T): T {
  (sandbox as { work: () => unknown }).work = work;
  return runWork.runInContext(sandbox, { timeout: ms }) as T;
}

/** At most this far from zero: the valid arguments give results far below it, and one word must not change that. */
const SANE = 1e9;

function isSane(fn: CustomFunction, value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && Math.abs(value) <= SANE;
  if (value === "") return true;
  if (Array.isArray(value)) return value.every((row) => Array.isArray(row) && row.every((cell) => isSane(fn, cell)));
  // A row's own problem, inside a range result.
  return typeof value === "string" && value.startsWith(`${fn.name}: `);
}

/** Why the call with `replacement` in place of argument `index` is wrong, or undefined when it is fine. */
function fault(fn: CustomFunction, index: number, replacement: unknown): string | undefined {
  const args = [...(VALID[fn.name] ?? [])];
  args[index] = replacement;
  const where = `${fn.name} ${fn.params[index]?.name ?? index} = ${JSON.stringify(replacement)}`;
  let result: unknown;
  try {
    result = invoke(fn, args, context);
  } catch (error) {
    if (!(error instanceof Error)) return `${where}: threw ${String(error)}`;
    const message = error.message;
    // Names the function and the argument (or the result, which the arguments made too large to show).
    const names = [...fn.params.map((param) => param.name), "result"];
    if (!names.some((name) => message.startsWith(`${fn.name}: ${name} `))) return `${where}: ${message}`;
    if (message.includes("result is too large")) return `${where}: ${message}`;
    return undefined;
  }
  return isSane(fn, result) ? undefined : `${where}: gave ${JSON.stringify(result)}`;
}

describe("prototype names as arguments", () => {
  it("has valid arguments for every function, which give sane values", () => {
    expect(Object.keys(VALID).sort()).toEqual(FUNCTIONS.map((fn) => fn.name).sort());
    for (const fn of FUNCTIONS) expect(isSane(fn, invoke(fn, VALID[fn.name] ?? [], context))).toBe(true);
  });

  it.each(FUNCTIONS.map((fn) => [fn.name, fn] as const))(
    "%s: every parameter, every prototype name, every placing",
    (_name, fn) => {
      const faults = within(20_000, () => {
        const found: string[] = [];
        for (let index = 0; index < fn.params.length; index++) {
          for (const name of PROTOTYPE_NAMES) {
            for (const placed of placings(name)) {
              const problem = fault(fn, index, placed);
              if (problem) found.push(problem);
            }
          }
        }
        return found;
      });
      expect(faults.slice(0, 10)).toEqual([]);
    },
  );

  it("random mixes of prototype names and valid words, in any parameter of any function", () => {
    const word = fc.oneof(
      fc.constantFrom(...PROTOTYPE_NAMES),
      fc.constantFrom("Mon", "fri", "p90", "median", "year", "Jahr", "CEO", "9-17", "50%"),
    );
    const text = fc
      .array(word, { minLength: 1, maxLength: 4 })
      .chain((words) => fc.constantFrom(words.join(" "), words.join("-"), words.join(", "), words.join(";")));
    const value = fc.oneof(
      text,
      text.map((each) => [[each]]),
      fc.tuple(text, text).map(([a, b]) => [[a, b]]),
    );
    within(20_000, () =>
      fc.assert(
        fc.property(fc.constantFrom(...FUNCTIONS), fc.nat(), value, (fn, position, replacement) => {
          expect(fault(fn, position % fn.params.length, replacement)).toBeUndefined();
        }),
        { numRuns: 3000 },
      ),
    );
  });
});
