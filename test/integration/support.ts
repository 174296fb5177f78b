import { afterEach, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse } from "csv-parse/sync";
import { createEmulator, type Emulator, type EmulatorState } from "../../playground/emulator";
import type { SlaConfig } from "../../src/config/schema";
import { validateConfig } from "../../src/config/validate";
import { buildSla } from "../../src/gas/buildSla";
import { clock, fixedDay } from "../../src/gas/today";
import { cachedByInputs } from "../../scripts/lib/inputsCache";

export function exampleInput(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(process.cwd(), "examples", name), "utf8")) as Record<string, unknown>;
}

export function exampleConfig(name: string): SlaConfig {
  const result = validateConfig(exampleInput(name), "en");
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.text).join("\n"));
  return result.config;
}

/**
 * One emulated spreadsheet at a time for a test file: `open()` opens a fresh
 * one (closing the one before), and it is closed after each test.
 */
export function spreadsheetPerTest(): {
  open(today?: string): Emulator;
  openBuilt(today?: string): Emulator;
  close(): void;
} {
  let done: (() => void) | undefined;
  const close = (): void => {
    done?.();
    done = undefined;
  };
  afterEach(close);
  return {
    open(today = "2026-12-15") {
      close();
      const opened = openSpreadsheet(today);
      done = opened.done;
      return opened.emulator;
    },
    openBuilt(today = "2026-12-15") {
      close();
      const opened = openBuiltSpreadsheet(today);
      done = opened.done;
      return opened.emulator;
    },
    close,
  };
}

/** Every tab's values and formulas, to show that a refusal wrote nothing. */
export function everything(emulator: Emulator): string {
  return JSON.stringify(emulator.snapshot().sheets);
}

/**
 * Asserts that the emulator's whole state (cells, formats, names, metadata, properties) is still `before`.
 * isDeepStrictEqual decides; toEqual runs only to show a difference, as it takes about a second over a built
 * workbook's state.
 */
export function expectStateUnchanged(emulator: Emulator, before: EmulatorState): void {
  const after = emulator.toState();
  if (!isDeepStrictEqual(after, before)) expect(after).toEqual(before);
}

/** A fresh emulated spreadsheet (or one restored from `state`) with the Apps Script globals installed until `done()`. */
export function openSpreadsheet(
  today: string,
  options: { locale?: string; timeZone?: string; state?: EmulatorState } = {},
): { emulator: Emulator; done: () => void } {
  const emulator = createEmulator({
    state: options.state,
    today,
    timeZone: options.timeZone ?? "Europe/Berlin",
    locale: options.locale ?? "en_US",
  });
  const uninstall = emulator.install();
  const realNow = clock.now;
  clock.now = fixedDay(today);
  const done = (): void => {
    clock.now = realNow;
    uninstall();
  };
  return { emulator, done };
}

/** Saved states of the example SLA as a first build left it, by day, locale and time zone. */
const builtStates = new Map<string, EmulatorState>();

/** What a saved build is made from; a change to any of these builds it again. */
const BUILD_INPUTS = [
  "src",
  "playground/emulator",
  "examples/internal-en.json",
  "test/integration/support.ts",
  "package-lock.json",
];

/**
 * The saved state openBuiltSpreadsheet restores, for tests that open their emulator themselves
 * (`createEmulator({ state })`). The first call for a day, locale and zone in a test run builds it and keeps it in
 * node_modules/.cache (scripts/lib/inputsCache.ts), so the other test files restore it instead of building.
 */
export function savedBuild(today: string, options: { locale?: string; timeZone?: string } = {}): EmulatorState {
  const locale = options.locale ?? "en_US";
  const timeZone = options.timeZone ?? "Europe/Berlin";
  const key = `${today}|${locale}|${timeZone}`;
  let saved = builtStates.get(key);
  if (!saved) {
    saved = cachedByInputs(process.cwd(), "sla-test-builds", BUILD_INPUTS, key, () => {
      const opened = openSpreadsheet(today, { locale, timeZone });
      try {
        const result = buildSla(exampleInput("internal-en.json"));
        if (!result.ok) throw new Error(`build failed: ${result.message}`);
        return opened.emulator.toState();
      } finally {
        opened.done();
      }
    });
    builtStates.set(key, saved);
  }
  return saved;
}

/**
 * A spreadsheet with the example SLA (examples/internal-en.json) built on `today`, its call log empty: a restored
 * copy of savedBuild's state, which holds the same cells, formats, named ranges, metadata and document properties
 * as the build left and costs about a third of a build.
 */
export function openBuiltSpreadsheet(
  today: string,
  options: { locale?: string; timeZone?: string } = {},
): { emulator: Emulator; done: () => void } {
  return openSpreadsheet(today, { ...options, state: savedBuild(today, options) });
}

export function sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const found = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

export function value(sheetName: string, a1: string): unknown {
  return sheet(sheetName).getRange(a1).getValue();
}

/**
 * A cell of the misses ledger at the end of the Agreement tab, addressed as
 * on the ledger itself: `ledgerA1("E", 0)` is column E of its first month row
 * (found under its title, so tests don't depend on how long the agreement is).
 */
export function ledgerA1(column: string, offset = 0, tab = "Agreement"): string {
  const titles = sheet(tab)
    .getRange("A:A")
    .getValues()
    .map((row) => String(row[0]));
  const title = titles.findIndex((text) => /^(Misses ledger|Protokoll):/.test(text));
  if (title < 0) throw new Error(`no misses ledger on ${tab}`);
  // Title row, column headers, then the first month: 1-based row of the title + 2.
  return `${column}${title + 3 + offset}`;
}

/** How a cell of a generated tab looks: its fixed colours and text styles are cell formats. */
export function fixedLook(
  tab: string,
  a1: string,
): { background: string; color: string; bold: boolean; italic: boolean } {
  const cell = sheet(tab).getRange(a1);
  return {
    background: cell.getBackground(),
    color: cell.getFontColor(),
    bold: cell.getFontWeight() === "bold",
    italic: cell.getFontStyles()[0]?.[0] === "italic",
  };
}

export function namedValue(name: string): unknown {
  const range = SpreadsheetApp.getActiveSpreadsheet().getRangeByName(name);
  if (!range) throw new Error(`no named range ${name}`);
  return range.getValue();
}

/** The example lead CSV as rows for the lead log's twelve input columns. */
export function exampleLeads(): unknown[][] {
  const rows = parse(readFileSync(join(process.cwd(), "examples", "leads-2026-12.csv"), "utf8"), {
    from_line: 2,
    skip_empty_lines: true,
  }) as string[][];
  return rows.map((row) => row.map((cell) => (cell === "TRUE" ? true : cell === "FALSE" ? false : cell)));
}

/** Types rows into the lead log from row 2, growing the sheet like a user adding rows. */
export function typeLeads(rows: readonly unknown[][], leadsSheet = "Leads", firstRow = 2): void {
  const target = sheet(leadsSheet);
  const needed = firstRow + rows.length - 1;
  if (target.getMaxRows() < needed) target.insertRowsAfter(target.getMaxRows(), needed - target.getMaxRows());
  target.getRange(firstRow, 1, rows.length, 12).setValues(rows.map((row) => [...row]));
}
