/**
 * Validates an SLA configuration and words every problem at once, each naming
 * its field, in the user's language. The sidebar and the server call the same
 * function, so a form and a build can never disagree.
 */
import * as z from "zod/mini";
import { problemText, showValue, type Language, type Translations } from "../core/i18n";
import type { ProblemCode } from "../core/problems";
import { tierSharesOverflow } from "../core/leadGoal";
import { tierKey } from "../core/leadValue";
import { fieldLabel, pathKey } from "./labels";
import { migrateConfig } from "./migrate";
import { slaConfigSchema, type SlaConfig } from "./schema";

export interface ConfigProblem {
  /** Dotted path of the field, e.g. `contacts.1.email`, for placing the message next to it. */
  readonly path: string;
  /** The field as people know it: "Contact 2: e-mail". */
  readonly field: string;
  /** What is wrong and what is allowed: "must be an e-mail address like name@example.com". */
  readonly message: string;
  /** Both together, for lists: "Contact 2: e-mail must be an e-mail address like name@example.com (got \"bob\")". */
  readonly text: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: SlaConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

type Words = Record<
  | "required"
  | "notNumber"
  | "notText"
  | "notWhole"
  | "notList"
  | "notObject"
  | "atLeast"
  | "atMost"
  | "atLeastChars"
  | "atMostChars"
  | "atLeastEntries"
  | "atMostEntries"
  | "email"
  | "date"
  | "month"
  | "currency"
  | "clock"
  | "oneOf"
  | "invalid"
  | "partiesForKind"
  | "duplicateParty"
  | "unknownParty"
  | "sameParty"
  | "endAfterStart"
  | "duplicateTierName"
  | "tierSharesOverShare"
  | "duplicateSource"
  | "duplicateRep"
  | "bandsAscending"
  | "got",
  (p: Record<string, string | number>) => string
>;

const en: Words = {
  required: () => "is required",
  notNumber: () => "must be a number",
  notText: () => "must be text",
  notWhole: () => "must be a whole number",
  notList: () => "must be a list",
  notObject: () => "is missing or not valid",
  atLeast: (p) => `must be at least ${p.limit}`,
  atMost: (p) => `must be at most ${p.limit}`,
  atLeastChars: (p) => `must have at least ${p.limit} characters`,
  atMostChars: (p) => `must have at most ${p.limit} characters`,
  atLeastEntries: (p) => (p.limit === 1 ? "needs at least one entry" : `needs at least ${p.limit} entries`),
  atMostEntries: (p) => `can have at most ${p.limit} entries`,
  email: () => "must be an e-mail address like name@example.com",
  date: () => "must be a date like 2026-12-24",
  month: () => "must be a month like 2026-12",
  currency: () => "must be a three-letter currency code like EUR or USD",
  clock: () => "must be a time like 09:00",
  oneOf: (p) => `must be one of: ${p.values}`,
  invalid: () => "is not valid",
  partiesForKind: (p) =>
    p.kind === "internal"
      ? "an internal SLA has exactly two parties: marketing and sales"
      : "a multi-level SLA has marketing, sales and a third party",
  duplicateParty: (p) => `lists the role "${p.id}" twice`,
  unknownParty: (p) => `names the party "${p.id}", which is not one of this SLA's parties`,
  sameParty: () => "must be delivered to another party than the one delivering it",
  endAfterStart: () => "must be later than the start",
  duplicateTierName: (p) => `"${p.name}" is used by another tier`,
  duplicateSource: (p) => `"${p.name}" is listed twice`,
  duplicateRep: (p) => `"${p.name}" is listed twice (names that differ only in capitals are the same in Sheets)`,
  bandsAscending: (p) => `must be longer than the band before it (${p.before} minutes)`,
  tierSharesOverShare: (p) =>
    `${p.tiers}: their own shares add up to ${p.sum}, more than the marketing share of ${p.share}; tier shares split the marketing share, so together they can be at most ${p.share}`,
  got: (p) => ` (got ${p.value})`,
};

const de: Words = {
  required: () => "fehlt (Pflichtangabe)",
  notNumber: () => "muss eine Zahl sein",
  notText: () => "muss Text sein",
  notWhole: () => "muss eine ganze Zahl sein",
  notList: () => "muss eine Liste sein",
  notObject: () => "fehlt oder ist ungültig",
  atLeast: (p) => `muss mindestens ${p.limit} sein`,
  atMost: (p) => `darf höchstens ${p.limit} sein`,
  atLeastChars: (p) => `muss mindestens ${p.limit} Zeichen haben`,
  atMostChars: (p) => `darf höchstens ${p.limit} Zeichen haben`,
  atLeastEntries: (p) =>
    p.limit === 1 ? "braucht mindestens einen Eintrag" : `braucht mindestens ${p.limit} Einträge`,
  atMostEntries: (p) => `darf höchstens ${p.limit} Einträge haben`,
  email: () => "muss eine E-Mail-Adresse wie name@example.com sein",
  date: () => "muss ein Datum wie 2026-12-24 sein",
  month: () => "muss ein Monat wie 2026-12 sein",
  currency: () => "muss ein dreistelliger Währungscode wie EUR oder USD sein",
  clock: () => "muss eine Uhrzeit wie 09:00 sein",
  oneOf: (p) => `muss einer dieser Werte sein: ${p.values}`,
  invalid: () => "ist ungültig",
  partiesForKind: (p) =>
    p.kind === "internal"
      ? "ein internes SLA hat genau zwei Parteien: Marketing und Vertrieb"
      : "ein mehrstufiges SLA hat Marketing, Vertrieb und eine dritte Partei",
  duplicateParty: (p) => `enthält die Rolle „${p.id}“ doppelt`,
  unknownParty: (p) => `nennt die Partei „${p.id}“, die nicht zu diesem SLA gehört`,
  sameParty: () => "muss an eine andere Partei gehen als die liefernde",
  endAfterStart: () => "muss nach dem Beginn liegen",
  duplicateTierName: (p) => `„${p.name}“ wird schon von einer anderen Stufe verwendet`,
  duplicateSource: (p) => `„${p.name}“ steht doppelt in der Liste`,
  duplicateRep: (p) =>
    `„${p.name}“ steht doppelt in der Liste (Namen, die sich nur in Groß- und Kleinschreibung unterscheiden, sind für Sheets gleich)`,
  bandsAscending: (p) => `muss länger sein als die Stufe davor (${p.before} Minuten)`,
  tierSharesOverShare: (p) =>
    `${p.tiers}: ihre eigenen Anteile ergeben zusammen ${p.sum}, mehr als der Marketinganteil von ${p.share}; die Stufenanteile teilen den Marketinganteil auf, zusammen dürfen sie also höchstens ${p.share} sein`,
  got: (p) => ` (erhalten: ${p.value})`,
};

const WORDS: Translations<Words> = { en, de };

interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message?: string;
  readonly input?: unknown;
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly format?: string;
  readonly pattern?: string;
  readonly values?: readonly unknown[];
  readonly params?: Record<string, string | number>;
}

function describeIssue(issue: RawIssue, language: Language): { message: string; showGot: boolean } {
  const words = WORDS[language];
  const limit = Number(issue.minimum ?? issue.maximum ?? 0);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null || issue.input === "")
        return { message: words.required({}), showGot: false };
      if (issue.expected === "number") return { message: words.notNumber({}), showGot: true };
      if (issue.expected === "int") return { message: words.notWhole({}), showGot: true };
      if (issue.expected === "string") return { message: words.notText({}), showGot: true };
      if (issue.expected === "array") return { message: words.notList({}), showGot: false };
      return { message: words.notObject({}), showGot: false };
    case "too_small":
      if (issue.origin === "string")
        return { message: limit <= 1 ? words.required({}) : words.atLeastChars({ limit }), showGot: false };
      if (issue.origin === "array") return { message: words.atLeastEntries({ limit }), showGot: false };
      return { message: words.atLeast({ limit }), showGot: true };
    case "too_big":
      if (issue.origin === "string") return { message: words.atMostChars({ limit }), showGot: false };
      if (issue.origin === "array") return { message: words.atMostEntries({ limit }), showGot: false };
      return { message: words.atMost({ limit }), showGot: true };
    case "invalid_format": {
      const format = issue.format === "regex" ? regexKind(issue.pattern ?? "") : issue.format;
      const message =
        format === "email"
          ? words.email({})
          : format === "date"
            ? words.date({})
            : format === "month"
              ? words.month({})
              : format === "currency"
                ? words.currency({})
                : format === "clock"
                  ? words.clock({})
                  : words.invalid({});
      return { message, showGot: true };
    }
    case "invalid_value":
      return { message: words.oneOf({ values: (issue.values ?? []).map(String).join(", ") }), showGot: true };
    case "custom": {
      const code = issue.message ?? "";
      if (code.startsWith("sla:"))
        return { message: problemText(language, code.slice(4) as ProblemCode, issue.params ?? {}), showGot: true };
      if (code.startsWith("cross:")) {
        const key = code.slice(6) as keyof Words;
        return { message: words[key](issue.params ?? {}), showGot: false };
      }
      return { message: words.invalid({}), showGot: false };
    }
    default:
      // A rate or amount left out fails the union of number and text: say it is required, as for any other field.
      if (issue.code === "invalid_union" && (issue.input === undefined || issue.input === null))
        return { message: words.required({}), showGot: false };
      return { message: words.invalid({}), showGot: false };
  }
}

// Regex checks carry their pattern; these name which kind of text they expect.
function regexKind(pattern: string): string {
  if (pattern.includes("(0[1-9]|1[0-2])")) return "month";
  if (pattern.includes("[A-Z]{3}")) return "currency";
  if (pattern.includes("[0-5]\\d")) return "clock";
  return "invalid";
}

/** A fraction as people write a percentage: 0.7 is "70 %", German "12,5 %". */
function percentText(fraction: number, language: Language): string {
  const text = String(Math.round(fraction * 10000) / 100);
  return `${language === "de" ? text.replace(".", ",") : text} %`;
}

/** The names of tiers, quoted, in a list: "CEO", "Director". */
function tierList(names: readonly string[], language: Language): string {
  return names.map((name) => (language === "de" ? `„${name}“` : `"${name}"`)).join(", ");
}

/** Problems that involve more than one field, checked once every field is valid. */
function crossFieldIssues(config: SlaConfig, language: Language): RawIssue[] {
  const issues: RawIssue[] = [];
  const cross = (path: PropertyKey[], key: keyof Words, params: Record<string, string | number> = {}): void => {
    issues.push({ code: "custom", path, message: `cross:${key}`, params });
  };
  const ids = config.parties.map((party) => party.id);
  const wanted = config.kind === "internal" ? ids.length === 2 : ids.length === 3;
  if (!wanted || !ids.includes("marketing") || !ids.includes("sales"))
    cross(["parties"], "partiesForKind", { kind: config.kind });
  ids.forEach((id, index) => {
    if (ids.indexOf(id) !== index) cross(["parties", index, "id"], "duplicateParty", { id });
  });
  config.contacts.forEach((contact, index) => {
    if (!ids.includes(contact.party)) cross(["contacts", index, "party"], "unknownParty", { id: contact.party });
  });
  config.requirements.forEach((requirement, index) => {
    if (!ids.includes(requirement.from))
      cross(["requirements", index, "from"], "unknownParty", { id: requirement.from });
    if (!ids.includes(requirement.to)) cross(["requirements", index, "to"], "unknownParty", { id: requirement.to });
    if (requirement.from === requirement.to) cross(["requirements", index, "to"], "sameParty");
  });
  const hours = config.sales.businessHours;
  if (hours && hours.end <= hours.start) cross(["sales", "businessHours", "end"], "endAfterStart");
  const seen = new Set<string>();
  config.marketing.tiers.forEach((tier, index) => {
    const key = tierKey(tier.name);
    if (seen.has(key)) cross(["marketing", "tiers", index, "name"], "duplicateTierName", { name: tier.name });
    seen.add(key);
  });
  const sources = new Set<string>();
  config.marketing.sources.forEach((source, index) => {
    const key = tierKey(source);
    if (sources.has(key)) cross(["marketing", "sources", index], "duplicateSource", { name: source });
    sources.add(key);
  });
  // Sheets compares text regardless of case: two such names would count the same leads twice.
  const reps = new Set<string>();
  config.sales.reps.forEach((rep, index) => {
    const key = tierKey(rep);
    if (reps.has(key)) cross(["sales", "reps", index], "duplicateRep", { name: rep });
    reps.add(key);
  });
  const bands = config.sales.speedBandMinutes;
  bands.forEach((minutes, index) => {
    if (index > 0 && minutes <= bands[index - 1]!)
      cross(["sales", "speedBandMinutes", index], "bandsAscending", { before: bands[index - 1]! });
  });
  // Tier shares split the marketing share (method §2): their own shares may not add up to more.
  const tiers = config.marketing.tiers;
  const share = config.marketing.marketingShare;
  const overflow = tierSharesOverflow(
    share,
    tiers.map((tier) => tier.marketingShare),
  );
  if (overflow !== undefined) {
    const named = tiers.filter((tier) => tier.marketingShare !== undefined).map((tier) => tier.name);
    cross(["marketing", "tiers"], "tierSharesOverShare", {
      tiers: tierList(named, language),
      sum: percentText(overflow, language),
      share: percentText(share, language),
    });
  }
  return issues;
}

function toProblem(issue: RawIssue, language: Language): ConfigProblem {
  const { message, showGot } = describeIssue(issue, language);
  const field = fieldLabel(issue.path, language);
  const got =
    showGot && issue.input !== undefined ? WORDS[language].got({ value: showValue(language, issue.input) }) : "";
  return { path: pathKey(issue.path), field, message, text: `${field} ${message}${got}` };
}

/**
 * Checks a configuration from the wizard or from storage.
 * @example validateConfig(form, "de") // { ok: false, problems: [{ field: "Abschlussquote", message: "ist mehrdeutig: …" }] }
 */
export function validateConfig(input: unknown, language: Language): ConfigResult {
  // A config of an earlier version (a saved file, a sidebar still open from before an update) is brought up to date first.
  const versioned =
    typeof input === "object" && input !== null && typeof (input as { version?: unknown }).version === "number";
  const parsed = z.safeParse(slaConfigSchema(), versioned ? migrateConfig(input) : input, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      problems: (parsed.error.issues as unknown as RawIssue[]).map((issue) => toProblem(issue, language)),
    };
  }
  const cross = crossFieldIssues(parsed.data, language);
  if (cross.length > 0) return { ok: false, problems: cross.map((issue) => toProblem(issue, language)) };
  return { ok: true, config: parsed.data };
}
