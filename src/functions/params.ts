/**
 * Parameter declarations for custom functions, in the manner of HyperFormula's
 * function plugins: each parameter says once what it accepts, and the runtime
 * coerces and checks every argument from that declaration. The build writes
 * the JSDoc of each stub, and the docs, from the same declarations.
 */
import { parseBusinessHours, ALL_HOURS, type WorkSchedule } from "../core/businessHours";
import type { Language, Translations } from "../core/i18n";
import { parseAmount, parseRate } from "../core/numbers";
import { SlaInputError } from "../core/problems";
import { dayNumber, daysInMonthOf, isDate, parseWallDate, type Zone } from "../core/time";
import { parseStatistic, type SpeedStatistic } from "../core/followUp";
import type { DowntimePeriod } from "../core/uptime";

/** What the runtime knows about the call: resolved lazily, since each costs a service call in Sheets. */
export interface CallContext {
  zone(): Zone;
  language(): Language;
}

export type Localized = Readonly<Record<Language, string>>;

/** A 2-D block of cell values, as Sheets passes a range. */
export type Grid = readonly (readonly unknown[])[];

export type Takes = "row" | "scalar" | "grid";

/** A parameter as a function declares it: its name, type and checks; its description comes from texts.ts. */
export interface ParamDeclaration<T, K extends Takes = Takes, N extends string = string> {
  readonly name: N;
  /** JSDoc type shown in Sheets' autocomplete help, e.g. `number` or `Date|number`. */
  readonly jsdocType: string;
  /** What values are allowed, for the docs. */
  readonly allowed: Localized;
  readonly optional: boolean;
  /**
   * `row`: one value per row; a range makes the function work row by row.
   * `scalar`: one value for the whole call. `grid`: a whole range, read at once.
   */
  readonly takes: K;
  /** Value used for a blank cell inside a range, when blank means something (e.g. not connected). */
  readonly blankValue?: T;
  coerce(value: unknown, context: CallContext): T;
}

/** A parameter of the registry: its declaration with the description in each language. */
export interface ParamSpec<T, K extends Takes = Takes, N extends string = string> extends ParamDeclaration<T, K, N> {
  readonly description: Localized;
}

export function isBlank(value: unknown): boolean {
  return value === "" || value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

type Bound = "nonNegative" | "positive" | "any";

/** What each kind of parameter allows, for the docs and the stubs' JSDoc. */
const en = {
  nonNegative: "a number, 0 or more",
  positive: "a number more than 0",
  any: "a number",
  rate: 'a percentage above 0% and at most 100% (0.5, 50% or "50 %")',
  rateFromZero: 'a percentage from 0% to 100% (0.5, 50% or "50 %")',
  date: "a date, a date serial number, or text like 2026-12-01 14:30",
  monthLength: "a date in the month, or a number of days from 1 to 31",
  flag: "TRUE or FALSE (default FALSE)",
  connected: "TRUE/FALSE, yes/no, x, or the date of connection; blank is not connected",
  label: "text",
  businessHours: 'text like "Mon-Fri 09:00-17:00" or "Mon-Thu 8-17; Fri 8-14"; blank counts every hour',
  holidays: "a range of dates (blank cells are ignored)",
  statistic:
    '"average" (default), "median", "p90" (any percentile p1 to p99), "count" (leads measured) or "skipped" (rows left out)',
  period: '"year" (default), "month", "week" or "day"',
  tierTable: "a range of two columns: tier, value per lead (0 or more)",
  hourEdges: (most: number): string =>
    `up to ${most} numbers of hours above 0 and at most 744, e.g. {5/60, 1, 4, 24}; blank cells are skipped; left out: 5 minutes, 1 hour, 24 hours`,
};

type AllowedTexts = typeof en;

const de: AllowedTexts = {
  nonNegative: "eine Zahl, 0 oder größer",
  positive: "eine Zahl größer als 0",
  any: "eine Zahl",
  rate: 'ein Prozentsatz über 0 % und höchstens 100 % (0,5, 50 % oder "50 %")',
  rateFromZero: 'ein Prozentsatz von 0 % bis 100 % (0,5, 50 % oder "50 %")',
  date: "ein Datum, eine Datumsseriennummer oder Text wie 01.12.2026 14:30",
  monthLength: "ein Datum im Monat oder eine Anzahl Tage von 1 bis 31",
  flag: "WAHR oder FALSCH (Standard FALSCH)",
  connected: "WAHR/FALSCH, ja/nein, x oder das Datum der Verbindung; leer heißt nicht verbunden",
  label: "Text",
  businessHours: 'Text wie "Mo-Fr 09:00-17:00" oder "Mo-Do 8-17; Fr 8-14"; leer zählt jede Stunde',
  holidays: "ein Bereich mit Daten (leere Zellen zählen nicht)",
  statistic:
    '"average" (Standard, Durchschnitt), "median", "p90" (jedes Perzentil p1 bis p99), "count" (Anzahl gemessener Leads) oder "skipped" (ausgelassene Zeilen)',
  period: '"year" (Standard), "month", "week" oder "day" (auch Jahr, Monat, Woche, Tag)',
  tierTable: "ein Bereich mit zwei Spalten: Stufe, Wert pro Lead (0 oder größer)",
  hourEdges: (most) =>
    `bis zu ${most} Stundenwerte über 0 und höchstens 744, z. B. {5/60; 1; 4; 24}; leere Zellen zählen nicht; weggelassen: 5 Minuten, 1 Stunde, 24 Stunden`,
};

const ALLOWED: Translations<AllowedTexts> = { en, de };

/** One allowed-values text in every language, as the registry keeps it. */
function allowedText(pick: (texts: AllowedTexts) => string): Localized {
  return { en: pick(ALLOWED.en), de: pick(ALLOWED.de) };
}

/** An amount such as a quota, a deal size or a count. */
export function amount<const N extends string>(name: N, bound: Bound): ParamDeclaration<number, "row", N> {
  return {
    name,
    jsdocType: "number",
    allowed: allowedText((t) => t[bound]),
    optional: false,
    takes: "row",
    coerce(value) {
      const number = parseAmount(value, name);
      if (bound === "nonNegative" && number < 0) throw new SlaInputError("nonNegative", name, value);
      if (bound === "positive" && number <= 0) throw new SlaInputError("positive", name, value);
      return number;
    },
  };
}

/** A rate or share: more than 0 and at most 100 % (or from 0 with `allowZero`). */
export function rate<const N extends string>(
  name: N,
  options: { allowZero?: boolean } = {},
): ParamDeclaration<number, "row", N> {
  const allowZero = options.allowZero ?? false;
  return {
    name,
    jsdocType: "number",
    allowed: allowedText((t) => (allowZero ? t.rateFromZero : t.rate)),
    optional: false,
    takes: "row",
    coerce(value) {
      const fraction = parseRate(value, name, allowZero);
      if (fraction < 0 || (!allowZero && fraction === 0))
        throw new SlaInputError(allowZero ? "availabilityRange" : "rateRange", name, value);
      return fraction;
    },
  };
}

/** A date and time, returned as an instant (ms since the epoch). */
export function date<const N extends string>(name: N): ParamDeclaration<number, "row", N> {
  return {
    name,
    jsdocType: "Date",
    allowed: allowedText((t) => t.date),
    optional: false,
    takes: "row",
    coerce(value, context) {
      const zone = context.zone();
      return isDate(value) ? checkedInstant(value, name) : zone.toInstant(parseWallDate(value, zone, name));
    },
  };
}

function checkedInstant(value: Date, name: string): number {
  const instant = value.getTime();
  if (Number.isNaN(instant)) throw new SlaInputError("notDate", name, value);
  return instant;
}

/** A calendar position in a month: `{ day, daysInMonth }` from a date. */
export interface MonthDay {
  readonly day: number;
  readonly daysInMonth: number;
}

/** A date, read as its day of the month and the length of that month. */
export function dayInMonth<const N extends string>(name: N): ParamDeclaration<MonthDay, "row", N> {
  const { coerce: coerceInstant, blankValue: _unused, ...base } = date(name);
  return {
    ...base,
    coerce(value, context) {
      const wall = context.zone().toWall(coerceInstant(value, context));
      return { day: new Date(wall).getUTCDate(), daysInMonth: daysInMonthOf(wall) };
    },
  };
}

/** Days in a month: any date in the month, or a number of days from 1 to 31. */
export function monthLength<const N extends string>(name: N): ParamDeclaration<number, "row", N> {
  const asDate = date(name);
  return {
    ...asDate,
    jsdocType: "Date|number",
    allowed: allowedText((t) => t.monthLength),
    coerce(value, context) {
      if (typeof value === "number" && value >= 1 && value <= 31) {
        if (!Number.isInteger(value)) throw new SlaInputError("wholeNumber", name, value);
        return value;
      }
      if (typeof value === "number" && value < 1) throw new SlaInputError("notMonth", name, value);
      try {
        return daysInMonthOf(context.zone().toWall(asDate.coerce(value, context)));
      } catch (error) {
        if (error instanceof SlaInputError && error.problem === "notDate")
          throw new SlaInputError("notMonth", name, value);
        throw error;
      }
    },
  };
}

const TRUE_WORDS = new Set(["true", "wahr", "yes", "ja", "y", "j", "x", "1", "✓", "✔"]);
const FALSE_WORDS = new Set(["false", "falsch", "no", "nein", "n", "0"]);

function readBoolean(value: unknown, name: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  throw new SlaInputError("notBoolean", name, value);
}

/** An optional TRUE/FALSE switch for the whole call. */
export function flag<const N extends string>(name: N): ParamDeclaration<boolean, "scalar", N> {
  return {
    name,
    jsdocType: "boolean",
    allowed: allowedText((t) => t.flag),
    optional: true,
    takes: "scalar",
    coerce: (value) => (isBlank(value) ? false : readBoolean(value, name)),
  };
}

/**
 * Whether a lead is connected: TRUE/FALSE, yes/no (ja/nein), x, or a date (connected on).
 * A blank cell means not connected yet.
 */
export function connectedFlag<const N extends string>(name: N): ParamDeclaration<boolean, "row", N> {
  return {
    name,
    jsdocType: "boolean",
    allowed: allowedText((t) => t.connected),
    optional: false,
    takes: "row",
    blankValue: false,
    coerce: (value) => (isDate(value) ? true : readBoolean(value, name)),
  };
}

/** Text per row, such as a lead tier. */
export function label<const N extends string>(name: N): ParamDeclaration<string, "row", N> {
  return {
    name,
    jsdocType: "string",
    allowed: allowedText((t) => t.label),
    optional: false,
    takes: "row",
    coerce(value) {
      if (typeof value === "string") return value;
      if (typeof value === "number" && Number.isFinite(value)) return String(value);
      throw new SlaInputError("notText", name, value);
    },
  };
}

/** Working hours such as "Mon-Fri 09:00-17:00"; with holidays, builds the schedule. */
export function businessHours<const N extends string>(name: N): ParamDeclaration<string | undefined, "scalar", N> {
  return {
    name,
    jsdocType: "string",
    allowed: allowedText((t) => t.businessHours),
    optional: true,
    takes: "scalar",
    coerce(value) {
      if (isBlank(value)) return undefined;
      if (typeof value !== "string") throw new SlaInputError("businessHours", name, value);
      parseBusinessHours(value, name);
      return value;
    },
  };
}

/** A range of holiday dates, read as wall-clock day numbers. */
export function holidays<const N extends string>(name: N): ParamDeclaration<ReadonlySet<number>, "grid", N> {
  const asDate = date(name);
  return {
    name,
    jsdocType: "Array<Date>",
    allowed: allowedText((t) => t.holidays),
    optional: true,
    takes: "grid",
    coerce(value, context) {
      const days = new Set<number>();
      for (const row of toGrid(value)) {
        for (const cell of row) {
          if (isBlank(cell)) continue;
          days.add(dayNumber(context.zone().toWall(asDate.coerce(cell, context))));
        }
      }
      return days;
    },
  };
}

/** Builds the work schedule from already coerced business hours and holidays; undefined means elapsed time. */
export function workSchedule(
  hours: string | undefined,
  holidayDays: ReadonlySet<number>,
  name: string,
): WorkSchedule | undefined {
  if (hours === undefined && holidayDays.size === 0) return undefined;
  return { windows: hours === undefined ? ALL_HOURS : parseBusinessHours(hours, name), holidays: holidayDays };
}

/** One of a few words for the whole call. */
export function choice<T, const N extends string>(
  name: N,
  read: (text: string, name: string) => T,
  fallback: T,
  allowed: Localized,
): ParamDeclaration<T, "scalar", N> {
  return {
    name,
    jsdocType: "string",
    allowed,
    optional: true,
    takes: "scalar",
    coerce(value) {
      if (isBlank(value)) return fallback;
      if (typeof value !== "string") return read(String(value), name);
      return read(value, name);
    },
  };
}

export function statistic<const N extends string>(name: N): ParamDeclaration<SpeedStatistic, "scalar", N> {
  return choice(
    name,
    parseStatistic,
    "mean",
    allowedText((t) => t.statistic),
  );
}

/** A Map, so a word such as "constructor" is no period. */
const PERIOD_WORDS: ReadonlyMap<string, DowntimePeriod> = new Map<string, DowntimePeriod>([
  ["year", "year"],
  ["jahr", "year"],
  ["month", "month"],
  ["monat", "month"],
  ["week", "week"],
  ["woche", "week"],
  ["day", "day"],
  ["tag", "day"],
]);

export function period<const N extends string>(name: N): ParamDeclaration<DowntimePeriod, "scalar", N> {
  const read = (text: string, field: string): DowntimePeriod => {
    const found = PERIOD_WORDS.get(text.trim().toLowerCase());
    if (!found) throw new SlaInputError("period", field, text);
    return found;
  };
  return choice(
    name,
    read,
    "year",
    allowedText((t) => t.period),
  );
}

/** A two-column table read whole: tier name and value per lead. */
export function tierTable<const N extends string>(name: N): ParamDeclaration<[string, number][], "grid", N> {
  return {
    name,
    jsdocType: "Array<Array<string|number>>",
    allowed: allowedText((t) => t.tierTable),
    optional: false,
    takes: "grid",
    coerce(value) {
      const rows: [string, number][] = [];
      for (const row of toGrid(value)) {
        if (row.every(isBlank)) continue;
        if (row.length !== 2 || isBlank(row[0])) throw new SlaInputError("tierTableShape", name, value);
        const tier = String(row[0]);
        const worth = parseAmount(row[1], name);
        if (worth < 0) throw new SlaInputError("nonNegative", name, row[1]);
        rows.push([tier, worth]);
      }
      if (rows.length === 0) throw new SlaInputError("required", name, value);
      return rows;
    },
  };
}

/** Any argument as a rectangle: a single value is 1×1; ragged rows are padded with blanks. */
export function toGrid(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length === 0) return [[""]];
  if (!value.some(Array.isArray)) return [value.slice()];
  const rows = value.map((row: unknown) => (Array.isArray(row) ? row : [row]));
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 1);
  return rows.map((row) => (row.length === width ? row : [...row, ...Array<string>(width - row.length).fill("")]));
}

/** Band edges in hours, read whole: a row or column of numbers above 0 and at most 744 (31 days); blank gives `fallback`. */
export function hourEdges<const N extends string>(
  name: N,
  fallback: readonly number[],
): ParamDeclaration<readonly number[], "grid", N> {
  const most = 8;
  return {
    name,
    jsdocType: "Array<number>",
    allowed: allowedText((t) => t.hourEdges(most)),
    optional: true,
    takes: "grid",
    coerce(value) {
      const edges: number[] = [];
      for (const row of toGrid(value)) {
        for (const cell of row) {
          if (isBlank(cell)) continue;
          const hours = parseAmount(cell, name);
          if (hours <= 0) throw new SlaInputError("positive", name, cell);
          if (hours > 744) throw new SlaInputError("tooLarge", name, cell, { max: 744 });
          edges.push(hours);
        }
      }
      if (edges.length > most) throw new SlaInputError("tooLarge", `${name} (count)`, edges.length, { max: most });
      return edges.length === 0 ? fallback : edges;
    },
  };
}
