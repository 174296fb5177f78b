/**
 * One playground workbook: the emulator, its saved file, and what the page
 * can do to it (run a server function, type into a cell, fill sample data,
 * reset). Everything the add-on does runs with the emulator's globals
 * installed only for the duration of the call, so several playgrounds (or a
 * test's own emulator) can share one process.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { validateConfig } from "../../src/config/validate";
import { leadsNeeded } from "../../src/core/leadGoal";
import { wallClockReader } from "../../src/core/wallClock";
import { loadDocumentState } from "../../src/gas/documentState";
import { clock, fixedDay } from "../../src/gas/today";
import { SERVER_API } from "../../src/server";
import { labelsFor } from "../../src/workbook/labels";
import { createEmulator, type Emulator, type EmulatorState, type WorkbookSnapshot } from "../emulator";
import { currentSerial, serialToIso } from "../emulator/time";
import { sampleLeads, type LeadRow } from "../sampleLeads";
import { registerCustomFunctions } from "./customFunctions";
import { toEngineFormula } from "./formulaLocale";

export interface SessionOptions {
  /** Where the workbook is saved between runs (JSON of the emulator's state). */
  readonly dataFile: string;
  /** "YYYY-MM-DD": the playground's today; the real date when left out. */
  readonly today?: string;
  /** For a new workbook. Default: this machine's zone (Europe/Berlin if it has none Intl knows). */
  readonly timeZone?: string;
  /** For a new workbook. Default "en_US"; "de_DE" gives the German add-on. */
  readonly locale?: string;
  /**
   * The built add-on (dist/): HtmlService.createHtmlOutputFromFile reads its
   * files, so the self-test finds its expected values. Without it HtmlService
   * is missing, as before.
   */
  readonly addonFiles?: string;
}

export type ServerFunctionName = keyof typeof SERVER_API;

/** A server function's answer, or the message of what it threw (Apps Script's failure handler gets an Error). */
export type RunOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

export class PlaygroundError extends Error {}

export function isServerFunction(name: string): name is ServerFunctionName {
  return Object.hasOwn(SERVER_API, name) && typeof (SERVER_API as Record<string, unknown>)[name] === "function";
}

function machineTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && zone !== "UTC" && zone !== "Etc/UTC") return zone;
  } catch {
    // Fall through to the emulator's default.
  }
  return "Europe/Berlin";
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

/** What a saved file must look like before the emulator is asked to restore it. */
function checkState(value: unknown): asserts value is EmulatorState {
  const state = value as Partial<EmulatorState> | null;
  if (typeof state !== "object" || state === null) throw new Error("not a JSON object");
  if (state.version !== 1) throw new Error(`unknown version ${JSON.stringify(state.version)}`);
  if (!Array.isArray(state.sheets) || state.sheets.length === 0) throw new Error("no sheets");
  if (typeof state.spreadsheet !== "object" || state.spreadsheet === null) throw new Error("no spreadsheet");
}

export class PlaygroundSession {
  emulator: Emulator;
  /** Set when the saved file could not be read: what happened to it. */
  readonly notice: string | undefined;
  private readonly options: SessionOptions;
  /** Goes up with every change, so a snapshot is taken once per change, not once per look. */
  private revision = 0;
  private cached: { key: string; snapshot: WorkbookSnapshot } | undefined;

  constructor(options: SessionOptions) {
    registerCustomFunctions();
    this.options = options;
    const loaded = this.load();
    this.emulator = loaded.emulator;
    this.notice = loaded.notice;
    if (loaded.fresh) this.save();
  }

  get dataFile(): string {
    return this.options.dataFile;
  }

  /** The playground's today ("YYYY-MM-DD"), undefined for the real date. */
  get today(): string | undefined {
    return this.options.today;
  }

  private fresh(): Emulator {
    return createEmulator({
      timeZone: this.options.timeZone ?? machineTimeZone(),
      locale: this.options.locale ?? "en_US",
      ...(this.options.today ? { today: this.options.today } : {}),
    });
  }

  private load(): { emulator: Emulator; notice?: string; fresh: boolean } {
    const file = this.options.dataFile;
    if (!existsSync(file)) return { emulator: this.fresh(), fresh: true };
    try {
      const state: unknown = JSON.parse(readFileSync(file, "utf8"));
      checkState(state);
      // Today is the real date unless --today says otherwise, whatever an earlier run used.
      const spreadsheet = { ...state.spreadsheet };
      delete spreadsheet.today;
      const emulator = createEmulator({
        state: { ...state, spreadsheet },
        ...(this.options.today ? { today: this.options.today } : {}),
      });
      emulator.snapshot();
      return { emulator, fresh: false };
    } catch (error) {
      const aside = `${file}.corrupt-${timestamp()}`;
      renameSync(file, aside);
      const reason = error instanceof Error ? error.message : String(error);
      const notice = `The saved workbook ${file} could not be read (${reason}). It was moved aside to ${aside}; the playground starts with an empty workbook.`;
      return { emulator: this.fresh(), notice, fresh: true };
    }
  }

  /** Writes the workbook to its file (atomically: a half-written file never replaces a good one). */
  save(): void {
    const file = this.options.dataFile;
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.emulator.toState()));
    renameSync(temporary, file);
    this.emulator.calls.reset();
  }

  /** An empty workbook, saved over the old one. */
  reset(): void {
    this.emulator = this.fresh();
    this.revision++;
    this.save();
  }

  /** The emulator's snapshot, taken again only after a change (or when the day changes TODAY()). */
  snapshot(): WorkbookSnapshot {
    const key = `${this.revision}|${this.todayText()}`;
    if (this.cached?.key !== key) this.cached = { key, snapshot: this.emulator.snapshot() };
    return this.cached.snapshot;
  }

  /**
   * Runs `fn` as Apps Script would run the add-on: the emulator's globals
   * installed, the add-on's clock on the playground's today. Saves the
   * workbook when the call changed anything.
   */
  withGlobals<T>(fn: () => T): T {
    const uninstall = this.emulator.install();
    const uninstallHtml = this.installHtmlService();
    const previousNow = clock.now;
    if (this.options.today) clock.now = fixedDay(this.options.today);
    this.emulator.calls.reset();
    try {
      return fn();
    } finally {
      clock.now = previousNow;
      uninstallHtml();
      uninstall();
      const changed = this.emulator.calls.entries.some(
        (entry) => entry.kind === "write" || /\.(set|delete)(All)?Propert/.test(entry.method),
      );
      if (changed) {
        this.revision++;
        this.save();
      } else this.emulator.calls.reset();
    }
  }

  /** HtmlService's file reading, over dist/, while a server function runs; returns what puts back the global. */
  private installHtmlService(): () => void {
    const folder = this.options.addonFiles;
    if (folder === undefined) return () => undefined;
    const slots = globalThis as Record<string, unknown>;
    const previous = Object.getOwnPropertyDescriptor(globalThis, "HtmlService");
    slots.HtmlService = {
      createHtmlOutputFromFile(name: string) {
        // Apps Script names a project file without its extension; only plain names reach the disk.
        if (!/^[A-Za-z]+$/.test(name)) throw new Error(`No HTML file named ${name} was found.`);
        let content: string;
        try {
          content = readFileSync(join(folder, `${name}.html`), "utf8");
        } catch {
          throw new Error(`No HTML file named ${name} was found.`);
        }
        return { getContent: () => content };
      },
    };
    return () => {
      if (previous) Object.defineProperty(globalThis, "HtmlService", previous);
      else delete slots.HtmlService;
    };
  }

  /** Calls `SERVER_API[name](...args)`; what it throws becomes the failure's message. */
  run(name: ServerFunctionName, args: readonly unknown[]): RunOutcome {
    const fn = SERVER_API[name] as (...values: unknown[]) => unknown;
    try {
      const value = this.withGlobals(() => fn(...args));
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.emulator.globals.SpreadsheetApp.getActiveSpreadsheet();
  }

  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = this.spreadsheet().getSheetByName(name);
    if (!sheet) throw new PlaygroundError(`There is no sheet named "${name}".`);
    return sheet;
  }

  /**
   * Types `input` into a cell as a user would: "=…" is a formula, written in
   * the spreadsheet locale's form (`;` between arguments and 0,5 in de_DE),
   * "12" a number, "" clears it.
   */
  setCell(sheetName: string, a1: string, input: string): void {
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(a1)) throw new PlaygroundError(`"${a1}" is not a cell like B3.`);
    this.withGlobals(() => {
      const range = this.sheet(sheetName).getRange(a1);
      range.setValue(toEngineFormula(input, this.spreadsheet().getSpreadsheetLocale()));
    });
  }

  /** Makes a sheet the active one, as clicking its tab does. */
  activate(sheetName: string): void {
    this.withGlobals(() => {
      this.sheet(sheetName).activate();
    });
  }

  /**
   * Fills the lead log with deterministic sample leads for every month that
   * has a tab (months that already have leads are left alone). The running
   * month gets leads up to today only; earlier and later months a whole month.
   */
  fillSampleData(): { message: string; added: number } {
    return this.withGlobals(() => {
      const document = loadDocumentState();
      const checked = document.config === undefined ? undefined : validateConfig(document.config, "en");
      if (!checked?.ok || document.state.months.length === 0) {
        throw new PlaygroundError(
          "Build the SLA first (Extensions ▸ Marketing & Sales SLA ▸ New or edit SLA): sample leads follow its months, sales reps and tiers.",
        );
      }
      const config = checked.config;
      const leadsName = document.state.layout?.sheets.leads?.name ?? labelsFor(config.language).sheets.leads;
      const sheet = this.sheet(leadsName);
      const maxRows = sheet.getMaxRows();
      const existing = maxRows > 1 ? sheet.getRange(2, 1, maxRows - 1, 12).getValues() : [];
      let lastRow = 1;
      const monthsWithLeads = new Set<string>();
      existing.forEach((row, index) => {
        if (row.some((cell) => cell !== "" && cell !== false)) lastRow = index + 2;
        const handedOff = row[4];
        if (handedOff instanceof Date) monthsWithLeads.add(monthOf(handedOff, sheet));
      });
      const today = this.todayText();
      const goal = leadsNeeded(
        config.marketing.quota,
        config.marketing.marketingShare,
        config.marketing.avgDealSize,
        config.marketing.closeRate,
      );
      const rows: LeadRow[] = [];
      const filled: string[] = [];
      const skipped: string[] = [];
      for (const month of document.state.months.map((state) => state.month).sort()) {
        if (monthsWithLeads.has(month)) {
          skipped.push(month);
          continue;
        }
        const seed = Number(month.replace("-", "")) * 100 + 1;
        const running = today.startsWith(month);
        const [year, monthNumber] = month.split("-").map(Number) as [number, number];
        const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
        const share = running ? Number(today.slice(8, 10)) / days : 1;
        // Around the goal, a little under or over it depending on the month.
        const count = Math.max(3, Math.round(goal * share * (0.88 + ((seed / 100) % 7) * 0.03)));
        rows.push(...sampleLeads(config, { month, count, seed, ...(running ? { today, now: this.nowText() } : {}) }));
        filled.push(month);
      }
      if (rows.length === 0)
        return { added: 0, message: `Every month already has leads (${skipped.join(", ")}); nothing was added.` };
      const needed = lastRow + rows.length;
      if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
      sheet.getRange(lastRow + 1, 1, rows.length, 12).setValues(rows as unknown as unknown[][]);
      const skippedText = skipped.length > 0 ? ` (${skipped.join(", ")} already had leads)` : "";
      return {
        added: rows.length,
        message: `Added ${rows.length} sample leads for ${filled.join(", ")} to ${leadsName}${skippedText}.`,
      };
    });
  }

  /** Now as NOW() gives it in the spreadsheet's zone: "YYYY-MM-DD" (its midnight, as with --today) or "YYYY-MM-DDTHH:MM:SS". */
  nowText(): string {
    return serialToIso(currentSerial(this.spreadsheet().getSpreadsheetTimeZone(), this.options.today));
  }

  /** Today in the spreadsheet's zone, "YYYY-MM-DD". */
  todayText(): string {
    if (this.options.today) return this.options.today;
    return dayIn(new Date(), this.spreadsheet().getSpreadsheetTimeZone());
  }
}

/** "YYYY-MM-DD" of an instant on the wall clock of a zone. */
function dayIn(date: Date, zone: string): string {
  return new Date(wallClockReader(zone)(date.getTime())).toISOString().slice(0, 10);
}

function monthOf(date: Date, sheet: GoogleAppsScript.Spreadsheet.Sheet): string {
  return dayIn(date, sheet.getParent().getSpreadsheetTimeZone()).slice(0, 7);
}
