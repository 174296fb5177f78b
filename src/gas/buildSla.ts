/**
 * buildSla: validate, plan, then apply under the document lock. Bad input
 * writes nothing; building again keeps every value users typed.
 */
import { validateConfig } from "../config/validate";
import { monthsToHave, planWorkbook, type ExistingWorkbook } from "../workbook/plan";
import { labelsFor } from "../workbook/labels";
import { LEAD_INPUT_COLUMNS, LEAD_LAST_COLUMN } from "../workbook/context";
import { columnLetter } from "../workbook/sheetBuilder";
import { applyPlan, DocumentSheets, LayoutCoversUserCells, TabNameTaken, type ApplyResult } from "./applyPlan";
import { loadDocumentState, saveDocumentState } from "./documentState";
import { layoutOf, type StoredSheet } from "./layout";
import { withDocumentLock } from "./lock";
import { messagesFor } from "./messages";
import { answerLanguage, failure, type OperationResult } from "./operationResult";
import { todayWhereItMatters } from "./today";

export interface BuildOptions {
  /** The revision the wizard started from; a different saved revision means someone else built meanwhile. */
  readonly expectedRevision?: number;
}

/**
 * Reads how big the lead log is now, so the plan keeps every row and adds
 * headroom: one read of the whole log. The last lead is the last row with
 * anything in users' columns; the calculated columns hold formulas on every
 * row and would otherwise make the log grow at every build.
 */
export function existingLeadLog(sheets: DocumentSheets, stored: StoredSheet | undefined, sheetName: string): Pick<ExistingWorkbook, "leadsLastRow" | "leadsMaxRows"> {
  const sheet = sheets.find(stored, sheetName);
  if (!sheet) return { leadsLastRow: 1, leadsMaxRows: 0 };
  let values: unknown[][];
  let rows: number;
  try {
    // Users' columns and every calculated one, so the frame is known to fit.
    values = sheet.getRange(`A2:${columnLetter(LEAD_LAST_COLUMN)}`).getValues();
    rows = values.length + 1;
    // The read reached the last calculated column, so the log has at least the columns the plan needs.
    sheets.remember(sheet, { rows, columns: LEAD_LAST_COLUMN });
  } catch {
    // A log with one row, or fewer columns than planned.
    const size = sheets.size(sheet);
    rows = size.rows;
    values = rows > 1 ? sheet.getRange(2, 1, rows - 1, Math.min(size.columns, LEAD_INPUT_COLUMNS)).getValues() : [];
  }
  let last = values.length;
  while (last > 0 && (values[last - 1] ?? []).slice(0, LEAD_INPUT_COLUMNS).every((cell) => cell === "" || cell === null)) last--;
  return { leadsLastRow: last + 1, leadsMaxRows: rows };
}

/**
 * Applies a plan for an operation. A tab that can't take its planned name, or
 * a new layout that would write over users' cells, stops it before the first write; the answer then says why, in the user's language.
 */
export function applyOrRefuse(messages: ReturnType<typeof messagesFor>, ...args: Parameters<typeof applyPlan>): ApplyResult | OperationResult {
  try {
    return applyPlan(...args);
  } catch (error) {
    if (error instanceof TabNameTaken) return failure("tabNameTaken", messages.tabNameTaken(error.from, error.to));
    if (error instanceof LayoutCoversUserCells) return failure("layoutCoversUserCells", messages.layoutCoversUserCells(error.tab, error.cells));
    throw error;
  }
}

/**
 * NOW() and TODAY() recalculate only on an edit unless the spreadsheet says
 * otherwise (platform facts): a lead's "Waiting" would never turn "Overdue"
 * overnight, nor a month's pace move. Every hour keeps them current; a
 * spreadsheet already set to every minute keeps its setting. One read, and
 * one write the first time.
 */
export function recalculateHourly(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const intervals = SpreadsheetApp.RecalculationInterval;
  if (String(spreadsheet.getRecalculationInterval()) === String(intervals.ON_CHANGE)) spreadsheet.setRecalculationInterval(intervals.HOUR);
}

export function buildSla(input: unknown, options: BuildOptions = {}): OperationResult {
  const language = answerLanguage(input);
  const messages = messagesFor(language);
  const checked = validateConfig(input, language);
  if (!checked.ok) return failure("invalid", checked.problems.map((problem) => problem.text).join("\n"), checked.problems);
  const config = checked.config;

  const outcome = withDocumentLock((): OperationResult => {
    const document = loadDocumentState();
    if (options.expectedRevision !== undefined && options.expectedRevision !== document.state.revision) {
      return failure("conflict", messages.conflict);
    }
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const sheets = new DocumentSheets(spreadsheet);
    const stored = document.state.layout?.sheets.leads;
    const existing: ExistingWorkbook = { ...existingLeadLog(sheets, stored, stored?.name ?? labelsFor(config.language).sheets.leads), months: document.state.months };
    // Today only decides which month tabs the build adds.
    const today = todayWhereItMatters(spreadsheet, (day) => monthsToHave(config, existing.months, day).map((state) => state.month).join());
    const plan = planWorkbook(config, existing, today);
    const applied = applyOrRefuse(messages, plan, document.state.layout, sheets);
    if ("ok" in applied) return applied;
    recalculateHourly(spreadsheet);
    const revision = document.state.revision + 1;
    saveDocumentState(document, config, { revision, months: plan.months, layout: layoutOf(plan, applied) });
    return { ok: true, message: messages.built(plan.sheets.length), revision, sheets: plan.sheets.map((sheet) => sheet.name), notes: applied.carriedFrom.map(messages.carriedFrom) };
  });
  return outcome.locked ? outcome.value : failure("busy", messages.busy);
}

