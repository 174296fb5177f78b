/**
 * Import leads: the server side of the import dialog. It trusts nothing it
 * receives: the request is checked with zod and every lead again with the
 * dialog's own rules (src/import/plan.ts), duplicates are decided against
 * the log as it is under the document lock, and the new leads are appended
 * below the last row in use. No existing row is ever written. Text goes in
 * as literal text (a company called "=HYPERLINK(…)" stays text), dates as
 * date serials in the spreadsheet's clock.
 *
 * Cost: a constant number of document calls whatever the number of leads:
 * find, one read of the log, one read per key column, one optional row
 * insert, one setValues per run of neighbouring import columns and one
 * setNumberFormats per run of date columns.
 */
import * as z from "zod/mini";
import { validateConfig } from "../config/validate";
import type { Language, Translations } from "../core/i18n";
import { wallToSerial } from "../core/time";
import { MAX_IMPORT_ROWS } from "../import/csv";
import { parseWallText } from "../import/dates";
import { DATE_FIELDS, IMPORT_FIELDS, type ImportField } from "../import/fields";
import { checkLead, duplicateText, rejectionText, splitDuplicates, type ImportLead } from "../import/plan";
import { formatsFor } from "../workbook/formats";
import { labelsFor } from "../workbook/labels";
import { columnRuns } from "../workbook/leadColumns";
import { existingLeadLog, headerRefusal } from "./buildSla";
import { loadDocumentState } from "./documentState";
import { findDocument, type Found } from "./find";
import { withDocumentLock } from "./lock";
import { messagesFor } from "./messages";
import { answerLanguage } from "./operationResult";

export interface ImportState {
  readonly language: Language;
  /** False until an SLA with a lead log is built: the dialog says so. */
  readonly hasLog: boolean;
  /** The spreadsheet's zone: instants in the file become its wall clock. */
  readonly timeZone: string;
  /** The SLA's lead tiers; empty when it has none (any tier text goes). */
  readonly tiers: readonly string[];
  /** Lead IDs and e-mails (lower case) the log holds, for the preview's duplicate count. */
  readonly ids: readonly string[];
  readonly emails: readonly string[];
}

export interface ImportRequest {
  readonly leads: readonly ImportLead[];
}

export interface ImportResult {
  readonly ok: boolean;
  readonly message: string;
  readonly added: number;
  /** First and last row written (0 when none). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly duplicates: readonly { readonly row: number; readonly text: string }[];
  readonly rejected: readonly { readonly row: number; readonly text: string }[];
}

const en = {
  noSla:
    "Build the SLA first (Extensions ▸ Marketing & Sales SLA ▸ New or edit SLA): there is no lead log to import into yet.",
  needsBuild: (tab: string) =>
    `The tab "${tab}" has no E-mail and Lead ID columns yet. Open the wizard and build again (it adds them at the right end, keeping every value), then import: nothing was changed.`,
  busy: "Someone is building or changing this SLA right now. Wait a moment, then import again: nothing was changed.",
  invalid: (detail: string) =>
    `The import request is not valid (${detail}): nothing was changed. Allowed: up to ${MAX_IMPORT_ROWS} leads, each with the fields ${IMPORT_FIELDS.join(", ")} as text.`,
  done: (added: number, tab: string, first: number, last: number, duplicates: number, rejected: number) =>
    `${added === 0 ? "No new leads" : `Added ${added} ${added === 1 ? "lead" : "leads"} to "${tab}" (rows ${first}–${last})`}; ${duplicates} ${duplicates === 1 ? "duplicate" : "duplicates"} skipped; ${rejected} rejected.`,
};

const de: typeof en = {
  noSla:
    "Erstellen Sie zuerst das SLA (Erweiterungen ▸ Marketing & Sales SLA ▸ SLA anlegen oder bearbeiten): Es gibt noch kein Lead-Protokoll für den Import.",
  needsBuild: (tab: string) =>
    `Der Tab „${tab}“ hat noch keine Spalten E-Mail und Lead-ID. Öffnen Sie den Assistenten und erstellen Sie das SLA erneut (die Spalten kommen rechts dazu, alle Werte bleiben), dann importieren Sie: Es wurde nichts geändert.`,
  busy: "Gerade erstellt oder ändert jemand dieses SLA. Warten Sie kurz und importieren Sie dann erneut: Es wurde nichts geändert.",
  invalid: (detail: string) =>
    `Die Import-Anfrage ist ungültig (${detail}): Es wurde nichts geändert. Erlaubt: bis zu ${MAX_IMPORT_ROWS} Leads, jeder mit den Feldern ${IMPORT_FIELDS.join(", ")} als Text.`,
  done: (added: number, tab: string, first: number, last: number, duplicates: number, rejected: number) =>
    `${added === 0 ? "Keine neuen Leads" : `${added} ${added === 1 ? "Lead" : "Leads"} in „${tab}“ angefügt (Zeilen ${first}–${last})`}; ${duplicates} ${duplicates === 1 ? "Duplikat" : "Duplikate"} übersprungen; ${rejected} abgelehnt.`,
};

const WORDS: Translations<typeof en> = { en, de };

export function importWords(language: Language) {
  return WORDS[language];
}

const LEAD_SCHEMA = z.object({
  row: z.number().check(z.int(), z.minimum(2)),
  ...(Object.fromEntries(IMPORT_FIELDS.map((field) => [field, z.string()])) as Record<ImportField, z.ZodMiniString>),
});
const REQUEST_SCHEMA = z.object({ leads: z.array(LEAD_SCHEMA).check(z.maxLength(MAX_IMPORT_ROWS)) });

interface LogContext {
  readonly found: Found;
  readonly language: Language;
  readonly tiers: readonly string[];
  readonly tab: string;
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined;
  readonly log: ReturnType<typeof existingLeadLog>;
}

function openLog(): LogContext | undefined {
  const found = findDocument(SpreadsheetApp.getActiveSpreadsheet());
  const language = answerLanguage(found.document.config);
  const checked = validateConfig(found.document.config, language);
  if (!checked.ok) return undefined;
  const leadsName = found.snapshot.state?.layout?.sheets.leads?.name ?? labelsFor(checked.config.language).sheets.leads;
  const log = existingLeadLog(found, leadsName);
  const tabRecord = found.snapshot.tabs.find((tab) => tab.record?.key === "leads");
  const sheet = tabRecord ? found.sheets.byId(tabRecord.id) : undefined;
  if (!sheet || log.leadsMaxRows === 0) return undefined;
  return {
    found,
    language,
    tiers: checked.config.marketing.tiers.map((tier) => tier.name),
    tab: found.sheets.nameOf(sheet),
    sheet,
    log,
  };
}

/** The log's lead IDs and e-mails: one read per column. */
function readKeys(context: LogContext): { ids: Set<string>; emails: Set<string> } {
  const { sheet, log } = context;
  const read = (column: number): string[] =>
    log.leadsLastRow < 2
      ? []
      : sheet!
          .getRange(2, column, log.leadsLastRow - 1, 1)
          .getValues()
          .map((line) => String(line[0] ?? "").trim())
          .filter((text) => text !== "");
  const columns = log.resolved.columns;
  const missing = new Set(log.resolved.added);
  return {
    ids: new Set(missing.has("crmId") ? [] : read(columns.crmId)),
    emails: new Set(missing.has("email") ? [] : read(columns.email).map((email) => email.toLowerCase())),
  };
}

/** What the import dialog opens with. */
export function getImportState(): ImportState {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const context = openLog();
  if (!context) {
    const language = answerLanguage(loadDocumentState().config);
    return { language, hasLog: false, timeZone, tiers: [], ids: [], emails: [] };
  }
  const keys = readKeys(context);
  return {
    language: context.language,
    hasLog: true,
    timeZone,
    tiers: context.tiers,
    ids: [...keys.ids],
    emails: [...keys.emails],
  };
}

function refused(message: string): ImportResult {
  return { ok: false, message, added: 0, firstRow: 0, lastRow: 0, duplicates: [], rejected: [] };
}

export function importLeads(request: unknown): ImportResult {
  const parsed = REQUEST_SCHEMA.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const detail = issue ? `${issue.path.join(".") || "request"}: ${issue.message}` : "not an object";
    return refused(WORDS[answerLanguage(loadDocumentState().config)].invalid(detail));
  }
  const outcome = withDocumentLock(() => importUnderLock(parsed.data.leads));
  return outcome.locked ? outcome.value : refused(WORDS[answerLanguage(loadDocumentState().config)].busy);
}

function importUnderLock(leads: readonly ImportLead[]): ImportResult {
  const context = openLog();
  if (!context) return refused(WORDS[answerLanguage(loadDocumentState().config)].noSla);
  const { language, log, tab, found } = context;
  const words = WORDS[language];
  // The build's own refusals: a header row moved or deleted means row numbers can't be trusted.
  const moved = headerRefusal(messagesFor(language), found, log.header);
  if (moved) return refused(moved.message);
  if (log.resolved.added.some((key) => (IMPORT_FIELDS as readonly string[]).includes(key)))
    return refused(words.needsBuild(tab));

  const rejected: { row: number; text: string }[] = [];
  const valid: ImportLead[] = [];
  for (const lead of leads) {
    const reason = checkLead(lead, context.tiers);
    if (reason) rejected.push({ row: lead.row, text: rejectionText(language, reason) });
    else valid.push({ ...lead, email: lead.email.trim().toLowerCase(), crmId: lead.crmId.trim() });
  }
  const { fresh, duplicates } = splitDuplicates(valid, readKeys(context));
  const first = log.leadsLastRow + 1;
  const last = first + fresh.length - 1;
  if (fresh.length > 0) write(context, fresh, first);
  return {
    ok: true,
    message: words.done(fresh.length, tab, first, last, duplicates.length, rejected.length),
    added: fresh.length,
    firstRow: fresh.length > 0 ? first : 0,
    lastRow: fresh.length > 0 ? last : 0,
    duplicates: duplicates.map((duplicate) => ({ row: duplicate.row, text: duplicateText(language, duplicate) })),
    rejected,
  };
}

/** A value as setValues writes it: dates as serials, text behind an apostrophe so it never becomes a formula. */
function cellValue(field: ImportField, text: string): string | number {
  if (text === "") return "";
  if (DATE_FIELDS.includes(field)) return wallToSerial(parseWallText(text)!);
  return `'${text}`;
}

function write(context: LogContext, fresh: readonly ImportLead[], first: number): void {
  const sheet = context.sheet!;
  const columns = context.log.resolved.columns;
  const needed = first + fresh.length - 1;
  const rows = context.log.leadsMaxRows;
  if (needed > rows) sheet.insertRowsAfter(rows, needed - rows);
  const fieldAt = new Map(IMPORT_FIELDS.map((field) => [columns[field], field]));
  for (const run of columnRuns(IMPORT_FIELDS.map((field) => columns[field]))) {
    const fields = Array.from({ length: run.count }, (_, offset) => fieldAt.get(run.first + offset)!);
    sheet
      .getRange(first, run.first, fresh.length, run.count)
      .setValues(fresh.map((lead) => fields.map((field) => cellValue(field, lead[field]))));
  }
  // Rows below the log's formatted rows show dates as dates too.
  const format = formatsFor(context.language, "EUR").dateTime;
  for (const run of columnRuns(DATE_FIELDS.map((field) => columns[field]))) {
    sheet
      .getRange(first, run.first, fresh.length, run.count)
      .setNumberFormats(fresh.map(() => Array.from({ length: run.count }, () => format)));
  }
}
