/**
 * startNextMonth: reads the actuals of the last complete month, recalculates
 * close rate, deal size and marketing share (method §3), and writes the next
 * month tab with the goal from the recalculated inputs or the agreed ones, as
 * the user chooses. Earlier month tabs are not touched. Before the last
 * month tab's month has ended it asks first (answers "monthRunning" unless
 * `early`); a recalculated goal more than twice or less than half the agreed
 * one is flagged in the answer and on the new tab.
 */
import type { SlaConfig } from "../config/schema";
import { validateConfig } from "../config/validate";
import { leadsNeeded } from "../core/leadGoal";
import { slaMonths } from "../workbook/context";
import { MONTH_LAYOUT, type MonthInputs } from "../workbook/month";
import { monthOf, planWorkbook, type MonthState } from "../workbook/plan";
import type { WorkbookPlan } from "../workbook/types";
import type { ApplyResult } from "./applyPlan";
import { applyOrRefuse, existingLeadLog, headerRefusal } from "./buildSla";
import { saveDocumentState } from "./documentState";
import { findDocument, type Found } from "./find";
import type { StoredLayout } from "./layout";
import { matchTabs, monthsOf } from "../reconcile/tabs";
import { labelsFor } from "../workbook/labels";
import { withDocumentLock } from "./lock";
import { messagesFor } from "./messages";
import { answerLanguage, failure, type OperationResult } from "./operationResult";
import { todayWhereItMatters } from "./today";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface NextMonthOptions {
  /** "recalculated": the new goal uses the last complete month's actuals; "agreed": the SLA's inputs. */
  readonly use: "recalculated" | "agreed";
  readonly expectedRevision?: number;
  /** Start it although the month before has not ended yet: the person was warned and said yes. */
  readonly early?: boolean;
}

export interface RecalculatedInputs {
  readonly closeRate?: number;
  readonly avgDealSize?: number;
  readonly marketingShare?: number;
}

/** Keeps only recalculated values that make sense as inputs; the rest fall back to the agreed ones. */
export function usableActuals(values: {
  closeRate: unknown;
  avgDealSize: unknown;
  marketingShare: unknown;
}): RecalculatedInputs {
  const rate = (value: unknown): number | undefined =>
    typeof value === "number" && Number.isFinite(value) && value > 0 && value <= 1 ? value : undefined;
  const positive = (value: unknown): number | undefined =>
    typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
  const result: { closeRate?: number; avgDealSize?: number; marketingShare?: number } = {};
  const closeRate = rate(values.closeRate);
  const avgDealSize = positive(values.avgDealSize);
  const marketingShare = rate(values.marketingShare);
  if (closeRate !== undefined) result.closeRate = closeRate;
  if (avgDealSize !== undefined) result.avgDealSize = avgDealSize;
  if (marketingShare !== undefined) result.marketingShare = marketingShare;
  return result;
}

/**
 * Whether a recalculated goal is far from the agreed one: more than twice or
 * less than half of it (a sign of a month's actuals that don't represent it).
 */
export function farFromAgreed(goal: number, agreed: number): boolean {
  return agreed > 0 && (goal > 2 * agreed || goal < agreed / 2);
}

type Messages = ReturnType<typeof messagesFor>;

/** The document's saved SLA, checked, and the messages in its language. */
interface SavedSla {
  readonly config: SlaConfig;
  readonly messages: Messages;
}

/** The month tabs the document has and the month to add after the newest of them. */
interface MonthStep {
  /** The month states as stored, in their stored order. */
  readonly states: readonly MonthState[];
  /** The same, oldest first. */
  readonly oldestFirst: readonly MonthState[];
  /** The newest month tab's month. */
  readonly closing: string;
  readonly next: string;
  readonly today: string;
}

/** The new month's inputs and what the answer says about them. */
interface NextGoal {
  readonly inputs: MonthInputs;
  readonly notes: readonly string[];
}

export function startNextMonth(options: NextMonthOptions): OperationResult {
  const outcome = withDocumentLock((): OperationResult => startNextMonthLocked(options));
  if (outcome.locked) return outcome.value;
  return failure("busy", messagesFor(answerLanguage(undefined)).busy);
}

/** Reads and decides everything, then writes the new month; under the document lock. */
function startNextMonthLocked(options: NextMonthOptions): OperationResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const found = findDocument(spreadsheet);
  const sla = savedSla(found, options);
  if ("ok" in sla) return sla;
  const step = monthStep(spreadsheet, found, sla, options);
  if ("ok" in step) return step;
  const goal =
    options?.use === "agreed" ? { inputs: { mode: "agreed" as const }, notes: [] } : recalculatedGoal(found, sla, step);
  if ("ok" in goal) return goal;
  return writeNextMonth(spreadsheet, found, sla, step, goal);
}

/** The saved config, validated; refuses when there is none, it is invalid or another edit came first. */
function savedSla(found: Found, options: NextMonthOptions): SavedSla | OperationResult {
  const { document } = found;
  const language = answerLanguage(document.config);
  const messages = messagesFor(language);
  if (document.config === undefined) return failure("noSla", messages.noSla);
  const checked = validateConfig(document.config, language);
  if (!checked.ok) return failure("invalid", messages.invalidSaved, checked.problems);
  if (
    options?.expectedRevision !== undefined &&
    document.stateReadable &&
    options.expectedRevision !== document.state.revision
  )
    return failure("conflict", messages.conflict);
  return { config: checked.config, messages };
}

/** The month after the newest month tab; refuses past the SLA's end, and while that month runs unless `early`. */
function monthStep(
  spreadsheet: Spreadsheet,
  found: Found,
  { config, messages }: SavedSla,
  options: NextMonthOptions,
): MonthStep | OperationResult {
  const states = monthsOf(found.snapshot);
  const months = slaMonths(config);
  const oldestFirst = [...states].sort((a, b) => (a.month < b.month ? -1 : 1));
  const closing = oldestFirst[oldestFirst.length - 1]?.month;
  if (!closing) return failure("noSla", messages.noSla);
  const next = months[months.indexOf(closing) + 1];
  if (!next) return failure("slaEnded", messages.slaEnded(months[months.length - 1] ?? closing));
  // Only the month today falls in matters: the closing month has ended once today is in a later month.
  const today = todayWhereItMatters(spreadsheet, monthOf);
  const running = closing >= monthOf(today);
  if (running && options?.early !== true) return failure("monthRunning", messages.monthRunning(closing, next));
  return { states, oldestFirst, closing, next, today };
}

/**
 * The goal from the last complete month's close rate, deal size and marketing share, each
 * falling back to the agreed one where the actuals don't make sense; notes say which did.
 */
function recalculatedGoal(found: Found, { config, messages }: SavedSla, step: MonthStep): NextGoal | OperationResult {
  const notes: string[] = [];
  // Complete months only (method §4): half a month's actuals would set a whole month's goal.
  const source = step.oldestFirst.filter((state) => state.month < monthOf(step.today)).pop();
  let actuals: RecalculatedInputs = {};
  if (source) {
    const read = monthActuals(found, source.month, messages);
    if ("ok" in read) return read;
    actuals = read;
  } else {
    notes.push(messages.noCompleteMonth);
  }
  const agreed = config.marketing;
  const goal = leadsNeeded(
    agreed.quota,
    actuals.marketingShare ?? agreed.marketingShare,
    actuals.avgDealSize ?? agreed.avgDealSize,
    actuals.closeRate ?? agreed.closeRate,
  );
  const agreedGoal = leadsNeeded(agreed.quota, agreed.marketingShare, agreed.avgDealSize, agreed.closeRate);
  if (source) {
    for (const field of ["closeRate", "avgDealSize", "marketingShare"] as const) {
      if (actuals[field] === undefined) notes.push(messages.keptAgreed(messages.fields[field]));
    }
  }
  if (farFromAgreed(goal, agreedGoal)) notes.push(messages.goalFarOff(goal, agreedGoal));
  return { inputs: { mode: "recalculated", from: source?.month ?? step.closing, ...actuals }, notes };
}

/** The recalculated close rate, deal size and marketing share a month tab shows, in one read. */
function monthActuals(found: Found, month: string, messages: Messages): RecalculatedInputs | OperationResult {
  const layout = found.snapshot.state?.layout;
  const monthTab = matchTabs([{ key: `month:${month}`, name: month }], found.snapshot, layout).matches[0]?.tab;
  const sheet = monthTab ? found.sheets.byId(monthTab.id) : undefined;
  if (!sheet) return failure("monthMissing", messages.monthMissing(month));
  const m = MONTH_LAYOUT.metrics;
  const values = sheet
    .getRange(m.closeRate, m.column + 1, 3, 1)
    .getValues()
    .map((row) => row[0]);
  return usableActuals({ closeRate: values[0], avgDealSize: values[1], marketingShare: values[2] });
}

/** Writes the new month tab and what depends on it, and saves the state; refuses before the first write. */
function writeNextMonth(
  spreadsheet: Spreadsheet,
  found: Found,
  { config, messages }: SavedSla,
  step: MonthStep,
  goal: NextGoal,
): OperationResult {
  const { snapshot, document } = found;
  const layout = snapshot.state?.layout;
  const monthStates: MonthState[] = [...step.states, { month: step.next, inputs: goal.inputs }];
  const { resolved, header, typedInCalculated, ...log } = existingLeadLog(
    found,
    layout?.sheets.leads?.name ?? labelsFor(config.language).sheets.leads,
  );
  const moved = headerRefusal(messages, found, header, typedInCalculated);
  if (moved) return moved;
  // Without filling months up to today the plan doesn't depend on the day: no time-zone read.
  const full = planWorkbook(
    config,
    { ...log, months: monthStates },
    todayWhereItMatters(spreadsheet, () => ""),
    false,
  );
  const plan = nextMonthPlan(full, step.next);
  const result = applyOrRefuse(messages, plan, found, layout, {
    leadColumns: resolved,
    tagHeader: header.kind === "ok" && header.tag,
    months: full.months,
  });
  if ("ok" in result) return result;
  const revision = document.state.revision + 1;
  saveDocumentState(document, document.config, {
    revision,
    months: full.months,
    layout: savedLayout(found, full, result),
  });
  return {
    ok: true,
    message: messages.nextMonth(step.next),
    revision,
    sheets: plan.sheets.map((sheet) => sheet.name),
    notes: goal.notes,
  };
}

/**
 * The part of the whole plan that changes: the new month, the lead log's frame, the Agreement
 * (its misses ledger reads the new month's goal) and the Dashboard (it shows the newest month).
 * Earlier months stay as they are.
 */
function nextMonthPlan(full: WorkbookPlan, next: string): WorkbookPlan {
  const touched = new Set([`month:${next}`, "leads", "agreement", "dashboard"]);
  return {
    sheets: full.sheets.filter((sheet) => touched.has(sheet.key)),
    namedRanges: full.namedRanges.filter((named) => named.sheetKey === "leads"),
  };
}

/** The layout to store: the written tabs' as applied, the other tabs' from their records (the stored state may have been lost). */
function savedLayout(found: Found, full: WorkbookPlan, applied: ApplyResult): StoredLayout {
  const layout = found.snapshot.state?.layout;
  const previousSheets = Object.fromEntries(
    matchTabs(full.sheets, found.snapshot, layout).matches.flatMap((match) =>
      match.stored ? [[match.key, match.stored] as const] : [],
    ),
  );
  return {
    version: 1 as const,
    sheets: { ...previousSheets, ...applied.layout.sheets },
    namedRanges: { ...layout?.namedRanges, ...applied.layout.namedRanges },
    namedRangeCount: applied.namedRangeCount,
  };
}
