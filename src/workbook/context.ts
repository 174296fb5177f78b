import type { SlaConfig } from "../config/schema";
import { labelsFor, type WorkbookLabels } from "./labels";
import { formatsFor, type Formats } from "./formats";
import type { WorkTimeRefs } from "./formulas";
import { openColumnA1, sheetRef } from "./sheetBuilder";
import type { LeadColumnKey, LeadColumns } from "./leadColumns";

/** Colours per party (light for cells, strong for headers) and for calculated cells. */
export const COLORS = {
  marketing: { light: "#e8f0fe", strong: "#1a73e8" },
  sales: { light: "#e6f4ea", strong: "#188038" },
  service: { light: "#fef7e0", strong: "#e37400" },
  calculated: "#f1f3f4",
  header: "#202124",
  headerText: "#ffffff",
  muted: "#5f6368",
  good: { background: "#ceead6", text: "#0d652d" },
  bad: { background: "#fad2cf", text: "#a50e0e" },
  warn: { background: "#feefc3", text: "#b06000" },
  goalLine: "#d93025",
} as const;

/** The months of an SLA as "YYYY-MM", from its start month. */
export function slaMonths(config: SlaConfig): string[] {
  const [year, month] = config.startMonth.split("-").map(Number) as [number, number];
  return Array.from({ length: config.months }, (_, index) => {
    const total = year * 12 + (month - 1) + index;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
  });
}

/**
 * The sales reps the SLA names, in the wizard's order: the lead log's Owner column offers them, the Follow-up tab
 * has a row for each, and the Agreement's capacity check counts them. The one source of all three.
 */
export function salesReps(config: Pick<SlaConfig, "sales">): readonly string[] {
  return config.sales.reps;
}

/** `DATE(2026,12,1)` for "2026-12": dates in formulas, never as locale-dependent text. */
export function monthStartFormula(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return `DATE(${year},${monthNumber},1)`;
}

export function daysIn(month: string): number {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
}

/**
 * A lead-log column from row 2 down, open-ended so it grows with the log:
 * how month tabs and reports read columns that have no product named range
 * (each named range is one more call on every first build).
 * @example leadRange(context, "owner") // "'Leads'!$F$2:$F"
 */
export function leadRange(context: Pick<PlanContext, "sheetNames" | "leadColumns">, key: LeadColumnKey): string {
  return `${sheetRef(context.sheetNames.leads)}!${openColumnA1(2, context.leadColumns[key], true)}`;
}

/** Everything planners share: the config, words, formats, and references between sheets. */
export interface PlanContext {
  readonly config: SlaConfig;
  readonly labels: WorkbookLabels;
  readonly formats: Formats;
  readonly sheetNames: {
    readonly dashboard: string;
    readonly agreement: string;
    readonly leads: string;
    readonly followUp: string;
  };
  /** Last data row of the lead log. */
  readonly leadsLastRow: number;
  /** Where the lead log's columns are now. */
  readonly leadColumns: LeadColumns;
  /** Working-time cells on the Agreement tab, when business hours or holidays are set. */
  readonly work: WorkTimeRefs | undefined;
  /** Checklist cell (with sheet) per requirement index and month, for the ledger. */
  readonly checklist: ReadonlyMap<string, string>;
}

export function baseContext(config: SlaConfig): Pick<PlanContext, "config" | "labels" | "formats" | "sheetNames"> {
  const labels = labelsFor(config.language);
  return {
    config,
    labels,
    formats: formatsFor(config.language, config.currency),
    sheetNames: { ...labels.sheets },
  };
}

export type Labels = WorkbookLabels;
