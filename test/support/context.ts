import type { Language } from "../../src/core/i18n";
import { zoneNamed } from "../../src/core/time";
import { findFunction } from "../../src/functions/definitions";
import type { CallContext } from "../../src/functions/params";
import { invoke, type CallResult } from "../../src/functions/registry";

export function testContext(timeZone = "UTC", language: Language = "en"): CallContext {
  const zone = zoneNamed(timeZone);
  return { zone: () => zone, language: () => language };
}

/** Calls a registered custom function the way Sheets would. */
export function call(name: string, args: readonly unknown[], context: CallContext = testContext()): CallResult {
  const fn = findFunction(name);
  if (!fn) throw new Error(`no such function ${name}`);
  return invoke(fn, args, context);
}

/** A `Date` for a wall-clock time in a zone, as Sheets passes a date cell of a spreadsheet in that zone. */
export function sheetDate(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(zoneNamed(timeZone).toInstant(Date.UTC(year, month - 1, day, hour, minute)));
}
