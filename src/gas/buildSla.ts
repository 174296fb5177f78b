/**
 * buildSla: validate, plan, then apply under the document lock. Bad input
 * writes nothing; building again keeps every value users typed.
 */
import { validateConfig } from "../config/validate";
import { planWorkbook, type ExistingWorkbook } from "../workbook/plan";
import { labelsFor } from "../workbook/labels";
import { applyPlan } from "./applyPlan";
import { loadDocumentState, saveDocumentState } from "./documentState";
import { layoutOf } from "./layout";
import { withDocumentLock } from "./lock";
import { messagesFor } from "./messages";
import { answerLanguage, failure, type OperationResult } from "./operationResult";
import { spreadsheetToday } from "./today";

export interface BuildOptions {
  /** The revision the wizard started from; a different saved revision means someone else built meanwhile. */
  readonly expectedRevision?: number;
}

/** Reads how big the lead log is now, so the plan keeps every row and adds headroom. */
export function existingLeadLog(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string | undefined): Pick<ExistingWorkbook, "leadsLastRow" | "leadsMaxRows"> {
  const sheet = sheetName ? spreadsheet.getSheetByName(sheetName) : null;
  if (!sheet) return { leadsLastRow: 1, leadsMaxRows: 0 };
  return { leadsLastRow: Math.max(1, sheet.getLastRow()), leadsMaxRows: sheet.getMaxRows() };
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
    const leadsName = document.state.layout?.sheets.leads?.name ?? labelsFor(config.language).sheets.leads;
    const existing: ExistingWorkbook = { ...existingLeadLog(spreadsheet, leadsName), months: document.state.months };
    const plan = planWorkbook(config, existing, spreadsheetToday(spreadsheet));
    applyPlan(plan, document.state.layout);
    const revision = document.state.revision + 1;
    saveDocumentState(document, config, { revision, months: plan.months, layout: layoutOf(plan) });
    return { ok: true, message: messages.built(plan.sheets.length), revision, sheets: plan.sheets.map((sheet) => sheet.name), notes: [] };
  });
  return outcome.locked ? outcome.value : failure("busy", messages.busy);
}

