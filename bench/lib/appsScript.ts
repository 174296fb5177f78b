/**
 * Loads the built dist/Code.js the way Apps Script does: the whole file as one
 * plain script in a fresh global scope, custom functions called through their
 * top-level stubs.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createContext, runInContext, Script, type Context } from "node:vm";

export const CODE_PATH = join(process.cwd(), "dist", "Code.js");

/** The built bundle's source; tells you to build when it is missing. */
export async function readBundle(): Promise<string> {
  try {
    return await readFile(CODE_PATH, "utf8");
  } catch (error) {
    throw new Error(
      `cannot read ${CODE_PATH} (run \`npm run build\` first): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * A minimal stand-in for the Apps Script services custom functions may ask
 * for (the spreadsheet's time zone, the user's locale). Without it, the bundle
 * falls back to UTC and English, as it does where a service is missing.
 */
export function sheetsServices(timeZone: string, locale = "en"): Record<string, unknown> {
  return {
    SpreadsheetApp: { getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => timeZone }) },
    Session: { getActiveUserLocale: () => locale, getScriptTimeZone: () => timeZone },
  };
}

/** A fresh global scope with `code` evaluated in it (compiled anew). */
export function loadBundle(code: string, sandbox: Record<string, unknown> = {}): Context {
  const context = createContext(sandbox);
  new Script(code, { filename: "Code.js" }).runInContext(context);
  return context;
}

/** A top-level function of a loaded bundle, e.g. the stub `SLA_RESPONSE_HOURS`. */
export function globalFunction(context: Context, name: string): (...args: unknown[]) => unknown {
  const value: unknown = runInContext(`typeof ${name} === "function" ? ${name} : undefined`, context);
  if (typeof value !== "function") throw new Error(`dist/Code.js defines no top-level function ${name}`);
  return value as (...args: unknown[]) => unknown;
}

/**
 * The context's own `Date`: values Sheets passes are native to the script's
 * realm, and the bundle checks `instanceof Date` against its realm's `Date`.
 */
export function realmDate(context: Context): DateConstructor {
  return runInContext("Date", context) as DateConstructor;
}
