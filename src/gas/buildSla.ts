/**
 * buildSla: validate, plan, then apply under the document lock. Bad input
 * writes nothing; building again keeps every value users typed.
 */
import { validateConfig } from "../config/validate";
import { monthsToHave, planWorkbook, type ExistingWorkbook } from "../workbook/plan";
import { labelsFor } from "../workbook/labels";
import { keysOfSide } from "../workbook/leadColumns";
import { LANGUAGES } from "../core/i18n";
import {
  checkHeaderRow,
  resolveLeadColumns,
  type HeaderCheck,
  type ResolvedLeadColumns,
} from "../reconcile/leadColumns";
import { defaultTabToRemove, matchTabs, monthsOf } from "../reconcile/tabs";
import { applyPlan, Refused, type ApplyResult, type Refusal } from "./applyPlan";
import { saveDocumentState } from "./documentState";
import { findDocument, readLeadLog, readNamedRanges, type Found } from "./find";
import { withDocumentLock } from "./lock";
import { messagesFor } from "./messages";
import { answerLanguage, failure, type OperationResult } from "./operationResult";
import { todayWhereItMatters } from "./today";

export interface BuildOptions {
  /** The revision the wizard started from; a different saved revision means someone else built meanwhile. */
  readonly expectedRevision?: number;
}

/**
 * What planning needs of the lead log as the document has it: how many rows
 * it holds and uses, and where its columns are now.
 */
export function existingLeadLog(
  found: Found,
  leadsName: string,
): Pick<ExistingWorkbook, "leadsLastRow" | "leadsMaxRows" | "leadColumns"> & {
  resolved: ResolvedLeadColumns;
  header: HeaderCheck;
  typedInCalculated: readonly string[];
} {
  const match = matchTabs(
    [{ key: "leads", name: leadsName, rowsOfUsers: true }],
    found.snapshot,
    found.snapshot.state?.layout,
  ).matches[0];
  const sheet = match?.tab ? found.sheets.byId(match.tab.id) : undefined;
  const titles = LANGUAGES.map((language) => labelsFor(language).leads.headers);
  if (!sheet) {
    const resolved = resolveLeadColumns(undefined, [], [], titles);
    return {
      leadsLastRow: 1,
      leadsMaxRows: 0,
      leadColumns: resolved.columns,
      resolved,
      header: { kind: "ok", tag: true },
      typedInCalculated: [],
    };
  }
  let resolved: ResolvedLeadColumns | undefined;
  const log = readLeadLog(found.sheets, sheet, (view) => {
    const tags = found.snapshot.columnTags.filter((tag) => tag.sheetId === sheet.getSheetId());
    // A log whose columns carry no metadata yet (built before it): the product's named ranges tell where its columns are.
    const named = tags.length === 0 ? readNamedRanges(found.sheets.spreadsheet) : [];
    resolved = resolveLeadColumns(view, tags, named, titles);
    const calculated = resolved.columns;
    return new Set(keysOfSide("calculated").map((key) => calculated[key]));
  });
  const rowOneEmpty = log.view.header.every((cell) => cell === "" || cell === null);
  const header = checkHeaderRow(sheet.getSheetId(), found.snapshot.rowTags, found.snapshot.columnTags, rowOneEmpty);
  return {
    leadsLastRow: log.lastUsedRow,
    leadsMaxRows: log.rows,
    leadColumns: resolved!.columns,
    resolved: resolved!,
    header,
    typedInCalculated: log.typedInCalculated,
  };
}

/** A refusal in the user's language, naming the tab, cells or named range. */
export function refusalMessage(messages: ReturnType<typeof messagesFor>, refusal: Refusal): string {
  switch (refusal.kind) {
    case "tabNameTaken":
      return messages.tabTakenByUser(refusal.holder, refusal.planned);
    case "unknownLayout":
      return messages.unknownLayout(refusal.tab);
    case "namedRangeTaken":
      return messages.namedRangeTaken(refusal.name, refusal.target);
    case "layoutCoversUserCells":
      return messages.layoutCoversUserCells(refusal.tab, refusal.cells);
    case "leadHeaderMoved":
      return messages.leadHeaderMoved(refusal.tab, refusal.row);
    case "leadHeaderMissing":
      return messages.leadHeaderMissing(refusal.tab);
  }
}

/**
 * The lead log's header row moved or is gone, or users typed into a
 * calculated column: the operation stops before it writes, naming the tab
 * and cells.
 */
export function headerRefusal(
  messages: ReturnType<typeof messagesFor>,
  found: Found,
  header: HeaderCheck,
  typedInCalculated: readonly string[] = [],
): OperationResult | undefined {
  const tab = found.snapshot.tabs.find((candidate) => candidate.record?.key === "leads")?.name ?? "Leads";
  if (header.kind === "ok" && typedInCalculated.length > 0) {
    return failure(
      "layoutCoversUserCells",
      refusalMessage(messages, { kind: "layoutCoversUserCells", tab, cells: typedInCalculated }),
    );
  }
  if (header.kind === "ok") return undefined;
  const refusal: Refusal =
    header.kind === "leadHeaderMoved"
      ? { kind: "leadHeaderMoved", tab, row: header.row }
      : { kind: "leadHeaderMissing", tab };
  return failure(header.kind, refusalMessage(messages, refusal));
}

/**
 * Applies a plan for an operation. A refusal (a user's tab holding one of the
 * add-on's names, a user's named range, a new layout over users' cells) stops
 * it before the first write; the answer then says why, in the user's language.
 */
export function applyOrRefuse(
  messages: ReturnType<typeof messagesFor>,
  ...args: Parameters<typeof applyPlan>
): ApplyResult | OperationResult {
  try {
    return applyPlan(...args);
  } catch (error) {
    if (error instanceof Refused) {
      const first = error.refusals[0]!;
      return failure(first.kind, error.refusals.map((refusal) => refusalMessage(messages, refusal)).join("\n"));
    }
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
  if (String(spreadsheet.getRecalculationInterval()) === String(intervals.ON_CHANGE))
    spreadsheet.setRecalculationInterval(intervals.HOUR);
}

/** A new spreadsheet's empty first tab ("Sheet1"), which the first build replaces; a tab with anything in it stays. */
function emptyDefaultTab(found: Found): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  const id = defaultTabToRemove(found.snapshot);
  const sheet = id === undefined ? undefined : found.sheets.byId(id);
  if (!sheet) return undefined;
  return sheet.getLastRow() === 0 && sheet.getLastColumn() === 0 && sheet.getCharts().length === 0 ? sheet : undefined;
}

export function buildSla(input: unknown, options: BuildOptions = {}): OperationResult {
  const language = answerLanguage(input);
  const messages = messagesFor(language);
  const checked = validateConfig(input, language);
  if (!checked.ok)
    return failure("invalid", checked.problems.map((problem) => problem.text).join("\n"), checked.problems);
  const config = checked.config;

  const outcome = withDocumentLock((): OperationResult => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const found = findDocument(spreadsheet);
    const { snapshot, document } = found;
    // Without a readable stored state nobody can tell which revision the wizard started from.
    if (
      options.expectedRevision !== undefined &&
      document.stateReadable &&
      options.expectedRevision !== document.state.revision
    ) {
      return failure("conflict", messages.conflict);
    }
    const layout = snapshot.state?.layout;
    const { resolved, header, typedInCalculated, ...log } = existingLeadLog(
      found,
      layout?.sheets.leads?.name ?? labelsFor(config.language).sheets.leads,
    );
    const moved = headerRefusal(messages, found, header, typedInCalculated);
    if (moved) return moved;
    const existing: ExistingWorkbook = { ...log, months: monthsOf(snapshot) };
    // Today only decides which month tabs the build adds.
    const today = todayWhereItMatters(spreadsheet, (day) =>
      monthsToHave(config, existing.months, day)
        .map((state) => state.month)
        .join(),
    );
    const plan = planWorkbook(config, existing, today);
    const removeTab = emptyDefaultTab(found);
    const applied = applyOrRefuse(messages, plan, found, layout, {
      leadColumns: resolved,
      tagHeader: header.kind === "ok" && header.tag,
      months: plan.months,
      activate: "dashboard",
      removeTab,
    });
    if ("ok" in applied) return applied;
    recalculateHourly(spreadsheet);
    const revision = document.state.revision + 1;
    saveDocumentState(document, config, { revision, months: plan.months, layout: applied.layout });
    return {
      ok: true,
      message: messages.built(plan.sheets.length),
      revision,
      sheets: plan.sheets.map((sheet) => sheet.name),
      notes: applied.carriedFrom.map(messages.carriedFrom),
    };
  });
  return outcome.locked ? outcome.value : failure("busy", messages.busy);
}
