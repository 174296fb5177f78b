/**
 * startNextMonth: reads the actuals of the last complete month, recalculates
 * close rate, deal size and marketing share (method §3), and writes the next
 * month tab with the goal from the recalculated inputs or the agreed ones, as
 * the user chooses. Earlier month tabs are not touched. Before the last
 * month tab's month has ended it asks first (answers "monthRunning" unless
 * `early`); a recalculated goal more than twice or less than half the agreed
 * one is flagged in the answer and on the new tab.
 */
import { validateConfig } from "../config/validate";
import { leadsNeeded } from "../core/leadGoal";
import { slaMonths } from "../workbook/context";
import { MONTH_LAYOUT, type MonthInputs } from "../workbook/month";
import { monthOf, planWorkbook, type MonthState } from "../workbook/plan";
import { applyOrRefuse, existingLeadLog, headerRefusal } from "./buildSla";
import { saveDocumentState } from "./documentState";
import { findDocument } from "./find";
import { matchTabs, monthsOf } from "../reconcile/tabs";
import { labelsFor } from "../workbook/labels";
import { withDocumentLock } from "./lock";
import { messagesFor } from "./messages";
import { answerLanguage, failure, type OperationResult } from "./operationResult";
import { todayWhereItMatters } from "./today";

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

export function startNextMonth(options: NextMonthOptions): OperationResult {
  const use = options?.use === "agreed" ? "agreed" : "recalculated";
  const outcome = withDocumentLock((): OperationResult => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const found = findDocument(spreadsheet);
    const { snapshot, document } = found;
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
    const config = checked.config;
    const layout = snapshot.state?.layout;
    const stateMonths = monthsOf(snapshot);
    const months = slaMonths(config);
    const have = [...stateMonths].sort((a, b) => (a.month < b.month ? -1 : 1));
    const closing = have[have.length - 1];
    if (!closing) return failure("noSla", messages.noSla);
    const next = months[months.indexOf(closing.month) + 1];
    if (!next) return failure("slaEnded", messages.slaEnded(months[months.length - 1] ?? closing.month));

    // Only the month today falls in matters: the closing month has ended once today is in a later month.
    const today = todayWhereItMatters(spreadsheet, monthOf);
    const running = closing.month >= monthOf(today);
    if (running && options?.early !== true) return failure("monthRunning", messages.monthRunning(closing.month, next));
    const notes: string[] = [];
    let inputs: MonthInputs = { mode: "agreed" };
    if (use === "recalculated") {
      // Complete months only (method §4): half a month's actuals would set a whole month's goal.
      const source = have.filter((state) => state.month < monthOf(today)).pop();
      const m = MONTH_LAYOUT.metrics;
      let actuals: RecalculatedInputs = {};
      if (source) {
        const monthTab = matchTabs([{ key: `month:${source.month}`, name: source.month }], snapshot, layout).matches[0]
          ?.tab;
        const sheet = monthTab ? found.sheets.byId(monthTab.id) : undefined;
        if (!sheet) return failure("monthMissing", messages.monthMissing(source.month));
        const values = sheet
          .getRange(m.closeRate, m.column + 1, 3, 1)
          .getValues()
          .map((row) => row[0]);
        actuals = usableActuals({ closeRate: values[0], avgDealSize: values[1], marketingShare: values[2] });
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
      inputs = { mode: "recalculated", from: source?.month ?? closing.month, ...actuals };
      if (source) {
        for (const field of ["closeRate", "avgDealSize", "marketingShare"] as const) {
          if (actuals[field] === undefined) notes.push(messages.keptAgreed(messages.fields[field]));
        }
      }
      if (farFromAgreed(goal, agreedGoal)) notes.push(messages.goalFarOff(goal, agreedGoal));
    }

    const monthStates: MonthState[] = [...stateMonths, { month: next, inputs }];
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
    // Only the new month, the lead log's frame, the Agreement (its misses ledger reads the new month's goal) and the Dashboard (it shows the newest month) change; earlier months stay as they are.
    const touched = new Set([`month:${next}`, "leads", "agreement", "dashboard"]);
    const plan = {
      sheets: full.sheets.filter((sheet) => touched.has(sheet.key)),
      namedRanges: full.namedRanges.filter((named) => named.sheetKey === "leads"),
    };
    const result = applyOrRefuse(messages, plan, found, layout, {
      leadColumns: resolved,
      tagHeader: header.kind === "ok" && header.tag,
      months: full.months,
    });
    if ("ok" in result) return result;
    // What the other tabs hold comes from their records (the stored state may have been lost).
    const previousSheets = Object.fromEntries(
      matchTabs(full.sheets, snapshot, layout).matches.flatMap((match) =>
        match.stored ? [[match.key, match.stored] as const] : [],
      ),
    );
    const applied = result.layout;
    const saved = {
      version: 1 as const,
      sheets: { ...previousSheets, ...applied.sheets },
      namedRanges: { ...layout?.namedRanges, ...applied.namedRanges },
      namedRangeCount: result.namedRangeCount,
    };
    const revision = document.state.revision + 1;
    saveDocumentState(document, document.config, { revision, months: full.months, layout: saved });
    return {
      ok: true,
      message: messages.nextMonth(next),
      revision,
      sheets: plan.sheets.map((sheet) => sheet.name),
      notes,
    };
  });
  if (outcome.locked) return outcome.value;
  return failure("busy", messagesFor(answerLanguage(undefined)).busy);
}
