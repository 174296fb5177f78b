/**
 * Number formats: what getDisplayValues and TEXT() show for a value and a
 * Sheets pattern. Covers the patterns the workbook uses (0, 0.0, #,##0.00,
 * 0%, currency with literal or [$€] parts, dates, times, @) rather than the
 * whole pattern language; unknown pieces are shown literally.
 */
import { serialToWallClock } from "./time";

/** What Apps Script's getNumberFormat() reports for a cell with the automatic format. */
export const AUTOMATIC_FORMAT = "0.###############";

interface Separators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<string, Separators>();

/** Locale tags as Sheets spells them ("en_US", "de_DE") to BCP 47 ("en-US"). */
export function localeTag(locale: string): string {
  const tag = locale.replace(/_/g, "-");
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? "en-US";
  } catch {
    return "en-US";
  }
}

function separators(locale: string): Separators {
  let s = separatorCache.get(locale);
  if (!s) {
    const parts = new Intl.NumberFormat(localeTag(locale)).formatToParts(1234567.5);
    s = {
      decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
      group: parts.find((p) => p.type === "group")?.value ?? ",",
    };
    separatorCache.set(locale, s);
  }
  return s;
}

/** Default patterns Sheets gives dates it recognises, by spreadsheet locale. */
export function defaultDateFormat(locale: string, kind: "date" | "datetime" | "time"): string {
  const lang = locale.split(/[_-]/)[0]?.toLowerCase();
  const date = lang === "de" ? "dd.MM.yyyy" : locale === "en_GB" ? "dd/MM/yyyy" : "M/d/yyyy";
  const time = lang === "de" || locale === "en_GB" ? "HH:mm:ss" : "H:mm:ss";
  if (kind === "date") return date;
  if (kind === "time") return time;
  return `${date} ${time}`;
}

/** Splits a pattern at ";" outside quotes, escapes and brackets. */
function sections(pattern: string): string[] {
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end < 0 ? pattern.length : end;
      current += pattern.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\") {
      current += pattern.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = pattern.indexOf("]", i);
      const stop = end < 0 ? pattern.length : end;
      current += pattern.slice(i, stop + 1);
      i = stop;
    } else if (ch === ";") {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The pattern without quoted text, escapes and bracketed parts other than elapsed time. */
function codeOnly(section: string): string {
  return section
    .replace(/"[^"]*"?/g, "")
    .replace(/\\./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/am\/pm|a\/p/gi, "");
}

function isDateSection(section: string): boolean {
  return /[ydhsm]/i.test(codeOnly(section));
}

const dateFormatCache = new Map<string, boolean>();

/** Whether a pattern shows dates or times, so getValues returns a `Date` for its cells. */
export function isDateTimeFormat(pattern: string | undefined): boolean {
  if (!pattern || pattern === AUTOMATIC_FORMAT) return false;
  let isDate = dateFormatCache.get(pattern);
  if (isDate === undefined) {
    isDate = isDateSection(sections(pattern)[0]!);
    dateFormatCache.set(pattern, isDate);
  }
  return isDate;
}

/** Rounds half away from zero on the decimal digits a person sees (1.005 → 1.01), as Sheets does. */
export function roundDecimal(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  const scaled = shift(Math.abs(value), places);
  return sign * shift(Math.round(shift(scaled, 0)), -places);
}

/** Multiplies by 10^places on the 15-significant-digit decimal form, avoiding binary drift. */
export function shift(value: number, places: number): number {
  if (value === 0) return 0;
  const [mantissa, exponent] = value.toExponential(14).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

function formatGeneral(value: number, locale: string): string {
  const sep = separators(locale);
  const abs = Math.abs(value);
  let text: string;
  if (Number.isInteger(value) && abs < 1e15) text = String(value);
  else if (abs >= 1e15 || (abs !== 0 && abs < 1e-9)) {
    const [m, e] = value.toExponential(5).split("e");
    text = `${String(Number(m))}E${Number(e) < 0 ? "-" : "+"}${String(Math.abs(Number(e))).padStart(2, "0")}`;
  } else text = String(Number(value.toPrecision(10)));
  return text.replace(".", sep.decimal);
}

type NumberToken = { kind: "literal"; text: string } | { kind: "digits"; text: string } | { kind: "text" };

function tokenizeNumberSection(section: string): { tokens: NumberToken[]; percent: number } {
  const tokens: NumberToken[] = [];
  let percent = 0;
  const literal = (text: string) => tokens.push({ kind: "literal", text });
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      literal(section[i + 1] ?? "");
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop);
      if (inner.startsWith("$")) literal(inner.slice(1).split("-")[0]!);
      i = stop;
    } else if (ch === "_") {
      literal(" ");
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "%") {
      percent++;
      literal("%");
    } else if ("0#?.,".includes(ch)) {
      const last = tokens[tokens.length - 1];
      if (last?.kind === "digits") last.text += ch;
      else if (ch === "," && !tokens.some((t) => t.kind === "digits")) literal(ch);
      else tokens.push({ kind: "digits", text: ch });
    } else if (ch === "@") tokens.push({ kind: "text" });
    else literal(ch);
  }
  return { tokens, percent };
}

function formatDigits(abs: number, digits: string, locale: string): string {
  const sep = separators(locale);
  const point = digits.indexOf(".");
  let intPart = point < 0 ? digits : digits.slice(0, point);
  const decPart = point < 0 ? "" : digits.slice(point + 1).replace(/,/g, "");
  let value = abs;
  // Commas after the last integer digit scale by thousands ("#,##0," shows thousands).
  const trailing = /,+$/.exec(intPart);
  if (trailing) {
    value /= 1000 ** trailing[0].length;
    intPart = intPart.slice(0, -trailing[0].length);
  }
  const grouping = intPart.includes(",");
  const minInt = (intPart.match(/0/g) ?? []).length;
  const minDec = (decPart.match(/0/g) ?? []).length;
  const maxDec = (decPart.match(/[0#?]/g) ?? []).length;
  const rounded = roundDecimal(value, maxDec);
  let [intStr, decStr = ""] = rounded.toFixed(maxDec).split(".");
  intStr = intStr ?? "0";
  while (decStr.length > minDec && decStr.endsWith("0")) decStr = decStr.slice(0, -1);
  if (intStr === "0" && minInt === 0) intStr = "";
  intStr = intStr.padStart(minInt, "0");
  if (grouping) intStr = intStr.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  return point < 0 ? intStr : `${intStr}${sep.decimal}${decStr}`;
}

function formatNumberSection(value: number, section: string, locale: string, signed: boolean): string {
  const { tokens, percent } = tokenizeNumberSection(section);
  const scaled = Math.abs(value) * 100 ** percent;
  const digitsToken = tokens.find((t) => t.kind === "digits");
  let body = "";
  let placed = false;
  let shownValue = 0;
  for (const t of tokens) {
    if (t.kind === "literal") body += t.text;
    else if (!placed) {
      placed = true;
      if (t.kind === "text" || !digitsToken) body += formatGeneral(scaled, locale);
      else {
        const digits = formatDigits(scaled, t.kind === "digits" ? t.text : digitsToken.text, locale);
        shownValue = Number(digits.replace(/[^0-9]/g, "") || "0");
        body += digits;
      }
    }
  }
  if (!placed) shownValue = 0;
  const negative = signed && value < 0 && (shownValue !== 0 || !digitsToken);
  return negative ? `-${body}` : body;
}

const monthNameCache = new Map<string, string[]>();
const dayNameCache = new Map<string, string[]>();

function monthNames(locale: string, style: "long" | "short"): string[] {
  const key = `${locale}|${style}`;
  let names = monthNameCache.get(key);
  if (!names) {
    const f = new Intl.DateTimeFormat(localeTag(locale), { month: style, timeZone: "UTC" });
    names = Array.from({ length: 12 }, (_, m) => f.format(Date.UTC(2021, m, 1)));
    monthNameCache.set(key, names);
  }
  return names;
}

function dayNames(locale: string, style: "long" | "short"): string[] {
  const key = `${locale}|${style}`;
  let names = dayNameCache.get(key);
  if (!names) {
    const f = new Intl.DateTimeFormat(localeTag(locale), { weekday: style, timeZone: "UTC" });
    // 2021-01-03 was a Sunday: index 0 = Sunday, as Date.getUTCDay counts.
    names = Array.from({ length: 7 }, (_, d) => f.format(Date.UTC(2021, 0, 3 + d)));
    dayNameCache.set(key, names);
  }
  return names;
}

type DateToken =
  | { kind: "literal"; text: string }
  | { kind: "ampm"; upper: boolean; short: boolean }
  | { kind: "part"; letter: "y" | "m" | "d" | "h" | "s"; length: number; elapsed: boolean }
  | { kind: "fraction"; length: number };

function tokenizeDateSection(section: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    const lower = ch.toLowerCase();
    const rest = section.slice(i).toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: "literal", text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      tokens.push({ kind: "literal", text: section[i + 1] ?? "" });
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner))
        tokens.push({ kind: "part", letter: inner[0] as "h" | "m" | "s", length: inner.length, elapsed: true });
      i = stop;
    } else if (rest.startsWith("am/pm")) {
      tokens.push({ kind: "ampm", upper: ch === "A", short: false });
      i += 4;
    } else if (rest.startsWith("a/p")) {
      tokens.push({ kind: "ampm", upper: ch === "A", short: true });
      i += 2;
    } else if ("ymdhs".includes(lower)) {
      let length = 1;
      while (section[i + length]?.toLowerCase() === lower) length++;
      tokens.push({ kind: "part", letter: lower as "y" | "m" | "d" | "h" | "s", length, elapsed: false });
      i += length - 1;
    } else if (ch === "." && section[i + 1] === "0" && tokens.some((t) => t.kind === "part" && t.letter === "s")) {
      let length = 0;
      while (section[i + 1 + length] === "0") length++;
      tokens.push({ kind: "fraction", length });
      i += length;
    } else tokens.push({ kind: "literal", text: ch });
  }
  return tokens;
}

function formatDateSection(serial: number, section: string, locale: string): string {
  const tokens = tokenizeDateSection(section);
  const fractionDigits = Math.max(0, ...tokens.map((t) => (t.kind === "fraction" ? t.length : 0)));
  const unit = fractionDigits > 0 ? 86_400 * 10 ** Math.min(fractionDigits, 3) : 86_400;
  const rounded = Math.round(serial * unit) / unit;
  const w = serialToWallClock(rounded);
  const twelveHour = tokens.some((t) => t.kind === "ampm");
  const pad = (n: number, len: number) => String(n).padStart(len, "0");
  const parts = tokens.filter((t): t is Extract<DateToken, { kind: "part" }> => t.kind === "part");
  const isMinute = (t: DateToken): boolean => {
    const i = parts.indexOf(t as Extract<DateToken, { kind: "part" }>);
    const before = parts[i - 1];
    const after = parts[i + 1];
    return before?.letter === "h" || after?.letter === "s";
  };
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  let out = "";
  for (const t of tokens) {
    if (t.kind === "literal") out += t.text;
    else if (t.kind === "ampm") {
      const pm = w.hour >= 12;
      const text = t.short ? (pm ? "P" : "A") : pm ? "PM" : "AM";
      out += t.upper ? text : text.toLowerCase();
    } else if (t.kind === "fraction") {
      out += `.${pad(w.millisecond, 3).slice(0, t.length)}`;
    } else if (t.elapsed) {
      const totalSeconds = Math.round(rounded * 86_400);
      const value =
        t.letter === "h"
          ? Math.floor(totalSeconds / 3600)
          : t.letter === "m"
            ? Math.floor(totalSeconds / 60)
            : totalSeconds;
      out += pad(value, t.length);
    } else if (t.letter === "y") out += t.length <= 2 ? pad(w.year % 100, 2) : pad(w.year, 4);
    else if (t.letter === "m" && t.length <= 2 && isMinute(t)) out += pad(w.minute, t.length);
    else if (t.letter === "m") {
      if (t.length <= 2) out += pad(w.month, t.length);
      else if (t.length === 3) out += monthNames(locale, "short")[w.month - 1];
      else if (t.length === 4) out += monthNames(locale, "long")[w.month - 1];
      else out += monthNames(locale, "long")[w.month - 1]!.charAt(0);
    } else if (t.letter === "d") {
      if (t.length <= 2) out += pad(w.day, t.length);
      else out += dayNames(locale, t.length === 3 ? "short" : "long")[weekday];
    } else if (t.letter === "h") {
      const hour = twelveHour ? w.hour % 12 || 12 : w.hour;
      out += pad(hour, Math.min(t.length, 2));
    } else if (t.letter === "s") out += pad(w.second, Math.min(t.length, 2));
  }
  return out;
}

/**
 * The text Sheets shows for a value under a number format pattern (getDisplayValue, TEXT()).
 * `pattern` undefined or the automatic pattern shows numbers in the general style.
 */
export function formatValue(value: number | string | boolean, pattern: string | undefined, locale: string): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const all = pattern && pattern !== AUTOMATIC_FORMAT && pattern.toLowerCase() !== "general" ? sections(pattern) : [];
  if (typeof value === "string") {
    const textSection = all.length === 4 ? all[3] : all.find((s) => s.includes("@") && !/[0#?]/.test(codeOnly(s)));
    if (!textSection) return value;
    return tokenizeNumberSection(textSection)
      .tokens.map((t) => (t.kind === "literal" ? t.text : t.kind === "text" ? value : ""))
      .join("");
  }
  if (!Number.isFinite(value)) return "#NUM!";
  if (all.length === 0) return formatGeneral(value, locale);
  let section = all[0]!;
  let signed = true;
  if (value < 0 && all.length >= 2 && all[1] !== "") {
    section = all[1]!;
    signed = false;
  } else if (value === 0 && all.length >= 3 && all[2] !== "") section = all[2]!;
  if (/^\s*@\s*$/.test(section)) return formatGeneral(value, locale);
  if (isDateSection(section)) return formatDateSection(value, section, locale);
  return formatNumberSection(value, section, locale, signed);
}
