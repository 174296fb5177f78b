/**
 * From a parsed CSV table to what an import adds: each data row becomes a
 * lead for the log, a duplicate of one the log (or the file, earlier) has,
 * or a rejection with its reason. Nothing is dropped without one of these.
 * The dialog runs it for the preview; the server runs checkLead and
 * splitDuplicates again on what it receives.
 */
import type { Language, Translations } from "../core/i18n";
import type { Zone } from "../core/time";
import { columnOrder, parseWallText, readDate, type ColumnOrder, type DayOrder } from "./dates";
import { DATE_FIELDS, IMPORT_FIELDS, JOINED_FIELDS, type ImportField, type Mapping } from "./fields";

/** One lead as it crosses to the server: texts, dates as wall-clock text, blank as "". */
export type ImportLead = { readonly row: number } & { readonly [F in ImportField]: string };

export type Rejection =
  | { readonly kind: "noName" }
  | { readonly kind: "noKey" }
  | { readonly kind: "badDate"; readonly field: ImportField; readonly value: string }
  | { readonly kind: "badEmail"; readonly value: string }
  | { readonly kind: "unknownTier"; readonly value: string; readonly allowed: readonly string[] }
  | { readonly kind: "handedOffBeforeCreated" }
  | { readonly kind: "tooLong"; readonly field: ImportField };

export interface Rejected {
  /** The row as a spreadsheet opening the file numbers it: the header is row 1. */
  readonly row: number;
  readonly reason: Rejection;
}

export interface Duplicate {
  readonly row: number;
  readonly by: "crmId" | "email";
  readonly key: string;
  /** The earlier row of the file holding it; absent when the log has it. */
  readonly firstRow?: number;
}

/** Keys the lead log holds: lead IDs as written, e-mails in lower case. */
export interface ExistingKeys {
  readonly ids: ReadonlySet<string>;
  readonly emails: ReadonlySet<string>;
}

/** Sheets' limit for one cell. */
export const MAX_CELL_CHARS = 50_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How each column of slashed dates reads, for the date columns of a mapping (by file column). */
export function dateQuestions(rows: readonly (readonly string[])[], mapping: Mapping): Map<number, ColumnOrder> {
  const orders = new Map<number, ColumnOrder>();
  mapping.forEach((field, column) => {
    if (field && DATE_FIELDS.includes(field)) orders.set(column, columnOrder(rows.map((row) => row[column] ?? "")));
  });
  return orders;
}

/**
 * Checks one lead as the log will take it; the server calls it on what it
 * receives. `tiers` empty: the SLA has no tiers, any text goes.
 */
export function checkLead(lead: ImportLead, tiers: readonly string[]): Rejection | undefined {
  for (const field of IMPORT_FIELDS) if (lead[field].length > MAX_CELL_CHARS) return { kind: "tooLong", field };
  if (lead.lead.trim() === "") return { kind: "noName" };
  if (lead.email.trim() === "" && lead.crmId.trim() === "") return { kind: "noKey" };
  if (lead.email !== "" && !EMAIL.test(lead.email)) return { kind: "badEmail", value: lead.email };
  for (const field of DATE_FIELDS) {
    if (lead[field] !== "" && parseWallText(lead[field]) === undefined)
      return { kind: "badDate", field, value: lead[field] };
  }
  if (lead.tier !== "" && tiers.length > 0 && !tiers.includes(lead.tier))
    return { kind: "unknownTier", value: lead.tier, allowed: tiers };
  if (lead.created !== "" && lead.handedOff !== "" && parseWallText(lead.handedOff)! < parseWallText(lead.created)!)
    return { kind: "handedOffBeforeCreated" };
  return undefined;
}

/**
 * Leads the log (or the file, earlier) already has, by lead ID or by e-mail
 * (without case), and the new ones, in file order.
 */
export function splitDuplicates(
  leads: readonly ImportLead[],
  existing: ExistingKeys,
): { fresh: ImportLead[]; duplicates: Duplicate[] } {
  const ids = new Map<string, number | undefined>([...existing.ids].map((id) => [id, undefined]));
  const emails = new Map<string, number | undefined>([...existing.emails].map((email) => [email, undefined]));
  const fresh: ImportLead[] = [];
  const duplicates: Duplicate[] = [];
  for (const lead of leads) {
    const id = lead.crmId.trim();
    const email = lead.email.trim().toLowerCase();
    if (id !== "" && ids.has(id)) {
      const firstRow = ids.get(id);
      duplicates.push({ row: lead.row, by: "crmId", key: id, ...(firstRow === undefined ? {} : { firstRow }) });
      continue;
    }
    if (email !== "" && emails.has(email)) {
      const firstRow = emails.get(email);
      duplicates.push({ row: lead.row, by: "email", key: email, ...(firstRow === undefined ? {} : { firstRow }) });
      continue;
    }
    if (id !== "") ids.set(id, lead.row);
    if (email !== "") emails.set(email, lead.row);
    fresh.push(lead);
  }
  return { fresh, duplicates };
}

export interface ImportInput {
  /** Data rows of the file (the header row not included), cells as text. */
  readonly rows: readonly (readonly string[])[];
  readonly mapping: Mapping;
  /** The user's answer for columns of slashed dates no value decides, by file column. */
  readonly orders: ReadonlyMap<number, DayOrder>;
  readonly zone: Zone;
  readonly tiers: readonly string[];
  readonly existing: ExistingKeys;
}

export interface ImportPlan {
  readonly fresh: ImportLead[];
  readonly duplicates: Duplicate[];
  readonly rejected: Rejected[];
}

/**
 * Every data row of the file, read through the mapping: new leads,
 * duplicates and rejections (each with the row number a spreadsheet shows,
 * the header being row 1). Rows with nothing in any cell are not leads.
 */
export function planImport(input: ImportInput): ImportPlan {
  const questions = dateQuestions(input.rows, input.mapping);
  const readable: ImportLead[] = [];
  const rejected: Rejected[] = [];
  input.rows.forEach((cells, index) => {
    const row = index + 2;
    if (cells.every((cell) => cell.trim() === "")) return;
    const values = Object.fromEntries(IMPORT_FIELDS.map((field) => [field, ""])) as Record<ImportField, string>;
    let problem: Rejection | undefined;
    input.mapping.forEach((field, column) => {
      if (!field || problem) return;
      const cell = (cells[column] ?? "").trim();
      if (cell === "") return;
      if (DATE_FIELDS.includes(field)) {
        const decided = questions.get(column);
        const order = decided?.kind === "decided" ? decided.order : input.orders.get(column);
        const reading = readDate(cell, input.zone, order);
        if (reading.ok) values[field] = reading.wall;
        else problem = { kind: "badDate", field, value: cell };
      } else if (JOINED_FIELDS.includes(field) && values[field] !== "") values[field] = `${values[field]} ${cell}`;
      else values[field] = field === "email" ? cell.toLowerCase() : cell;
    });
    const lead: ImportLead = { row, ...values };
    problem ??= checkLead(lead, input.tiers);
    if (problem) rejected.push({ row, reason: problem });
    else readable.push(lead);
  });
  const { fresh, duplicates } = splitDuplicates(readable, input.existing);
  return { fresh, duplicates, rejected };
}

const en: Record<ImportField, string> = {
  lead: "Lead",
  company: "Company",
  tier: "Tier",
  created: "Created",
  handedOff: "Handed to sales",
  email: "E-mail",
  crmId: "Lead ID",
};

const de: Record<ImportField, string> = {
  lead: "Lead",
  company: "Firma",
  tier: "Stufe",
  created: "Erstellt",
  handedOff: "An Vertrieb übergeben",
  email: "E-Mail",
  crmId: "Lead-ID",
};

const FIELD_WORDS: Translations<Record<ImportField, string>> = { en, de };

/** A log field's name in the user's language (the log's header). */
export function fieldName(language: Language, field: ImportField): string {
  return FIELD_WORDS[language][field];
}

/** Why a row was rejected, in English or German. */
export function rejectionText(language: Language, reason: Rejection): string {
  const field = (name: ImportField) => `"${fieldName(language, name)}"`;
  const de = language === "de";
  switch (reason.kind) {
    case "noName":
      return de ? `Kein Name: ${field("lead")} ist leer.` : `No name: ${field("lead")} is blank.`;
    case "noKey":
      return de
        ? `Weder ${field("email")} noch ${field("crmId")}: ohne sie lässt sich ein Duplikat nicht erkennen.`
        : `Neither ${field("email")} nor ${field("crmId")}: without one, a duplicate can't be told.`;
    case "badDate":
      return de
        ? `${field(reason.field)} ist kein lesbares Datum: "${reason.value}". Erlaubt: 2026-12-01 14:30, 01.12.2026 14:30, 12/01/2026 oder Epoch-Millisekunden.`
        : `${field(reason.field)} is not a date: "${reason.value}". Allowed: 2026-12-01 14:30, 01.12.2026 14:30, 12/01/2026 or epoch milliseconds.`;
    case "badEmail":
      return de
        ? `${field("email")} ist keine E-Mail-Adresse: "${reason.value}".`
        : `${field("email")} is not an e-mail address: "${reason.value}".`;
    case "unknownTier":
      return de
        ? `${field("tier")} "${reason.value}" ist keine Stufe des SLA. Erlaubt: ${reason.allowed.join(", ")}.`
        : `${field("tier")} "${reason.value}" is not one of the SLA's tiers. Allowed: ${reason.allowed.join(", ")}.`;
    case "handedOffBeforeCreated":
      return de
        ? `${field("handedOff")} liegt vor ${field("created")}.`
        : `${field("handedOff")} is before ${field("created")}.`;
    case "tooLong":
      return de
        ? `${field(reason.field)} ist länger als ${MAX_CELL_CHARS} Zeichen, so viel fasst eine Zelle nicht.`
        : `${field(reason.field)} is longer than the ${MAX_CELL_CHARS} characters a cell holds.`;
  }
}

/** Why a row was skipped as a duplicate, in English or German. */
export function duplicateText(language: Language, duplicate: Duplicate): string {
  const what =
    duplicate.by === "crmId"
      ? `${fieldName(language, "crmId")} ${duplicate.key}`
      : `${fieldName(language, "email")} ${duplicate.key}`;
  if (language === "de")
    return duplicate.firstRow === undefined
      ? `${what} steht schon im Lead-Protokoll.`
      : `${what} steht schon in Zeile ${duplicate.firstRow} der Datei.`;
  return duplicate.firstRow === undefined
    ? `${what} is already in the lead log.`
    : `${what} is already in row ${duplicate.firstRow} of the file.`;
}
