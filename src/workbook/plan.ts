/**
 * planWorkbook: from a validated config and what the document already holds,
 * the complete workbook as data. Pure: no Apps Script anywhere.
 */
import type { SlaConfig } from "../config/schema";
import { planAgreement } from "./agreement";
import { planDashboard } from "./dashboard";
import { baseContext, slaMonths, type PlanContext } from "./context";
import { planFollowUp } from "./followUp";
import { leadCapacity, planLeads } from "./leads";
import { planMonth } from "./month";
import { NEW_LEAD_COLUMNS, type LeadColumns } from "./leadColumns";
import type { MonthState } from "../reconcile/storedState";
import type { WorkbookPlan } from "./types";

export type { MonthState };

/** What the document holds before the build, as far as planning needs it. */
export interface ExistingWorkbook {
  /** Last row of the lead log with anything in it (1 = only the header, or no log yet). */
  readonly leadsLastRow: number;
  /** Rows the lead log sheet has now (0 when there is none). */
  readonly leadsMaxRows: number;
  /** Month tabs already created, with how their inputs were set. */
  readonly months: readonly MonthState[];
  /** Where the lead log's columns are now (people may have inserted or moved columns); a new log's otherwise. */
  readonly leadColumns?: LeadColumns;
}

export const EMPTY_WORKBOOK: ExistingWorkbook = { leadsLastRow: 1, leadsMaxRows: 0, months: [] };

/** "YYYY-MM" of a day given as "YYYY-MM-DD". */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/**
 * The month tabs a build keeps or adds: those already there, plus every SLA
 * month from the start up to the current one (at least the first), with the
 * agreed inputs. Months of the SLA only; newest first.
 */
export function monthsToHave(
  config: SlaConfig,
  existing: readonly MonthState[],
  today: string,
  fillToToday = true,
): MonthState[] {
  const all = slaMonths(config);
  const current = monthOf(today);
  const byMonth = new Map(existing.map((state) => [state.month, state]));
  for (const month of all) {
    const wanted = month === all[0] || (fillToToday && month <= current);
    if (wanted && !byMonth.has(month)) byMonth.set(month, { month, inputs: { mode: "agreed" } });
  }
  return [...byMonth.values()]
    .filter((state) => all.includes(state.month))
    .sort((a, b) => (a.month < b.month ? 1 : -1));
}

/**
 * `fillToToday`: add tabs for SLA months up to today (a build); off when a
 * single new month is started and nothing else may appear.
 */
export function planWorkbook(
  config: SlaConfig,
  existing: ExistingWorkbook,
  today: string,
  fillToToday = true,
): WorkbookPlan & { months: MonthState[] } {
  const base = baseContext(config);
  const leadsLastRow = leadCapacity(existing.leadsLastRow, existing.leadsMaxRows);
  const months = monthsToHave(config, existing.months, today, fillToToday);
  const leadColumns = existing.leadColumns ?? NEW_LEAD_COLUMNS;
  const agreement = planAgreement({ ...base, leadsLastRow, leadColumns }, new Set(months.map((state) => state.month)));
  const context: PlanContext = {
    ...base,
    leadsLastRow,
    leadColumns,
    work: agreement.work,
    checklist: agreement.checklist,
  };
  const leads = planLeads(context);
  const monthSheets = months.map((state) => planMonth(context, state.month, state.inputs));
  const followUp = planFollowUp(context);
  const dashboard = planDashboard(context, { months: months.map((state) => state.month), ledger: agreement.ledger });
  return {
    sheets: [dashboard, agreement.sheet, ...monthSheets, leads.sheet, followUp],
    namedRanges: [...agreement.namedRanges, ...leads.namedRanges],
    months,
  };
}
