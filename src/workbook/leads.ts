/**
 * The Leads tab, the log sales fills in. Marketing's and sales' columns are
 * coloured by party; four are calculated, one ARRAYFORMULA per column filling
 * every row, so recalculation stays linear in leads (the hand-off month of
 * leads with response hours, for the reports; the working hours since the
 * hand-off, which response hours and status read). Where each column is comes
 * from the column table (leadColumns.ts) as the document has it now.
 * Rows users typed are never written by the add-on: only the header row, the
 * calculated columns, formats and validations.
 */
import { COLORS, salesReps, type PlanContext } from "./context";
import {
  columnRuns,
  keysOfSide,
  lastLeadColumn,
  LEAD_COLUMN_KEYS,
  sideOf,
  type LeadColumnKey,
  type LeadSide,
} from "./leadColumns";
import { hoursSoFarFormula, quote, responseHoursFormula } from "./formulas";
import { leadGoalFormula, leadGoalOf } from "./followUp";
import { columnLetter, openColumnA1 } from "./sheetBuilder";
import type { BlockPlan, CellSpec, ConditionalFormatPlan, NamedRangePlan, SheetPlan, ValidationPlan } from "./types";

/** Free rows kept below the last lead, so the log has room until the next build or month. */
export const LEAD_HEADROOM = 1000;

/** Data rows the lead log provides: row 2 to the returned row. */
export function leadCapacity(lastUsedRow: number, maxRows: number): number {
  return Math.max(maxRows, lastUsedRow + LEAD_HEADROOM - 1, LEAD_HEADROOM);
}

/** The product's named ranges over lead-log columns, by column key. */
export const NAMED_COLUMNS: readonly [string, LeadColumnKey][] = [
  ["Leads_Tier", "tier"],
  ["Leads_HandedOff", "handedOff"],
  ["Leads_FirstFollowUp", "firstFollowUp"],
  ["Leads_Attempts", "attempts"],
  ["Leads_Connected", "connected"],
  ["Leads_Customer", "customer"],
  ["Leads_Revenue", "revenue"],
  ["Leads_ResponseHours", "responseHours"],
  ["Leads_Status", "status"],
  ["Leads_Source", "source"],
];

const CALCULATED = [
  "responseHours",
  "status",
  "followedUpMonth",
  "hoursSoFar",
  "goalHours",
] as const satisfies readonly LeadColumnKey[];
const INPUTS: readonly LeadColumnKey[] = [...keysOfSide("marketing"), ...keysOfSide("sales")];

function isCalculated(key: LeadColumnKey): key is (typeof CALCULATED)[number] {
  return sideOf(key) === "calculated";
}

/** What the lead log's parts share: where each column is, as a letter and as an index. */
interface LeadsTab {
  readonly context: PlanContext;
  readonly lastRow: number;
  /** Data rows: row 2 to `lastRow`. */
  readonly dataRows: number;
  letter(key: LeadColumnKey): string;
  /** The column key at a column index. */
  keyAt(column: number): LeadColumnKey;
  /** A column from row 2 to the log's last planned row, e.g. `C2:C1001`. */
  bounded(key: LeadColumnKey): string;
}

/**
 * One ARRAYFORMULA per calculated column, not a formula per row: a cell every
 * row refers to (the goal, the working hours) is then one reference, not one
 * per lead, and the engine keeps one dependency instead of tens of thousands.
 * Open ranges (E2:E) reach the log's last row, so leads pasted below it are calculated at once.
 */
function calculatedFormulas({ context, letter }: LeadsTab): Record<(typeof CALCULATED)[number], string> {
  const { labels } = context;
  const column = (key: LeadColumnKey): string => `${letter(key)}2:${letter(key)}`;
  const handedOff = column("handedOff");
  const followUp = column("firstFollowUp");
  const hours = column("responseHours");
  const soFar = column("hoursSoFar");
  // Each lead's own goal: its tier's, else the SLA's (the name alone when no tier has its own, which costs nothing per lead).
  const goal = leadGoalOf(context, column("goalHours"));
  // Blank, not an error, for a lead whose hand-off is not a date: its response hours say so.
  const statusFormula =
    `ARRAYFORMULA(IFERROR(IF(${handedOff}="","",IF(${followUp}="",IF(${soFar}>${goal},${quote(labels.leads.overdue)},${quote(labels.leads.waiting)}),` +
    `IF(ISNUMBER(${hours}),IF(${hours}<=${goal},${quote(labels.leads.onTime)},${quote(labels.leads.late)}),""))),""))`;
  // For the reports: one equality per month instead of a date range plus ISNUMBER over the whole log.
  const handedOffMonth = `INT(${handedOff})-DAY(${handedOff})+1`;
  return {
    responseHours: responseHoursFormula(handedOff, followUp, context.work, labels.leads, soFar),
    status: statusFormula,
    followedUpMonth: `ARRAYFORMULA(IF(ISNUMBER(${hours}),${handedOffMonth},""))`,
    hoursSoFar: hoursSoFarFormula(handedOff, followUp, context.work),
    goalHours: leadGoalFormula(context, handedOff, column("tier")),
  };
}

function calculatedFormats({ formats }: PlanContext): Record<(typeof CALCULATED)[number], CellSpec> {
  return {
    responseHours: { format: formats.hours, background: COLORS.calculated },
    status: { background: COLORS.calculated },
    followedUpMonth: { format: formats.month, background: COLORS.calculated },
    hoursSoFar: { format: formats.hours, background: COLORS.calculated },
    goalHours: { format: formats.hours, background: COLORS.calculated },
  };
}

/**
 * The header row, in runs of neighbouring add-on columns (columns people added between them are never
 * written). Each calculated column's formula sits in its header cell, the title stacked above the column's
 * values: sorting the log (row 1 is frozen, so "sort sheet" leaves it) then moves only users' rows, never a formula.
 */
function headerBlocks(tab: LeadsTab): BlockPlan[] {
  const { labels } = tab.context;
  const formulas = calculatedFormulas(tab);
  const headerColor: Record<LeadSide, string> = {
    marketing: COLORS.marketing.strong,
    sales: COLORS.sales.strong,
    calculated: COLORS.muted,
  };
  const header = (key: LeadColumnKey): CellSpec => {
    const title: CellSpec = {
      value: labels.leads.headers[LEAD_COLUMN_KEYS.indexOf(key)],
      bold: true,
      background: headerColor[sideOf(key)],
      color: COLORS.headerText,
      wrap: true,
    };
    if (!isCalculated(key)) return title;
    // Each formula is its own ARRAYFORMULA (or LET around ARRAYFORMULA), stacked under the title as Google's
    // VSTACK("title", ARRAYFORMULA(…)) shape has it.
    return { ...title, value: undefined, formula: `VSTACK(${quote(String(title.value))},${formulas[key]})` };
  };
  return addOnRuns(tab.context).map((run) => ({
    row: 1,
    column: run.first,
    cells: [Array.from({ length: run.count }, (_, offset) => header(tab.keyAt(run.first + offset)))],
  }));
}

/** The add-on's columns in runs of neighbours. */
function addOnRuns(context: PlanContext): ReturnType<typeof columnRuns> {
  return columnRuns(LEAD_COLUMN_KEYS.map((key) => context.leadColumns[key]));
}

/** Rows 2 on of the calculated columns hold the results the formulas fill in; they must stay empty. */
function calculatedBlocks(tab: LeadsTab): BlockPlan[] {
  const formats = calculatedFormats(tab.context);
  return columnRuns(CALCULATED.map((key) => tab.context.leadColumns[key])).map((run) => {
    const line = Array.from(
      { length: run.count },
      (_, offset) => formats[tab.keyAt(run.first + offset) as (typeof CALCULATED)[number]],
    );
    return { row: 2, column: run.first, cells: Array.from({ length: tab.dataRows }, () => line) };
  });
}

/** Formats of the input columns, one row repeated: users' values stay, their cells read right. */
function inputFormats(tab: LeadsTab): NonNullable<SheetPlan["inputFormats"]> {
  const { formats } = tab.context;
  const inputFormat = (key: LeadColumnKey): CellSpec => {
    if (key === "created" || key === "handedOff" || key === "firstFollowUp" || key === "closedOn")
      return { format: formats.dateTime };
    if (key === "revenue") return { format: formats.money };
    if (key === "attempts") return { format: formats.count };
    return {};
  };
  return columnRuns(INPUTS.map((key) => tab.context.leadColumns[key])).map((run) => ({
    row: 2,
    column: run.first,
    rows: tab.dataRows,
    cells: Array.from({ length: run.count }, (_, offset) => inputFormat(tab.keyAt(run.first + offset))),
  }));
}

/** The owner column offers the SLA's reps; not strict, so an owner outside the list (a new hire) is taken and counted under other owners on the Follow-up tab. */
function ownerValidation({ context, bounded }: LeadsTab): ValidationPlan[] {
  return [
    {
      range: bounded("owner"),
      rule: { kind: "list", values: [...salesReps(context.config)], strict: false },
      helpText: context.labels.leads.help.owner,
    },
  ];
}

function leadValidations(tab: LeadsTab): ValidationPlan[] {
  const { config, labels } = tab.context;
  const { help } = labels.leads;
  const { bounded } = tab;
  const list = (key: LeadColumnKey, values: readonly string[], helpText: string): ValidationPlan[] =>
    values.length > 0 ? [{ range: bounded(key), rule: { kind: "list", values, strict: true }, helpText }] : [];
  return [
    { range: bounded("created"), rule: { kind: "date" }, helpText: help.date },
    { range: bounded("handedOff"), rule: { kind: "date" }, helpText: help.date },
    { range: bounded("firstFollowUp"), rule: { kind: "date" }, helpText: help.date },
    { range: bounded("closedOn"), rule: { kind: "date" }, helpText: help.date },
    { range: bounded("attempts"), rule: { kind: "numberAtLeast", min: 0 }, helpText: help.attempts },
    { range: bounded("revenue"), rule: { kind: "numberAtLeast", min: 0 }, helpText: help.revenue },
    { range: bounded("connected"), rule: { kind: "checkbox" }, helpText: help.connected },
    { range: bounded("customer"), rule: { kind: "checkbox" }, helpText: help.customer },
    ...list(
      "tier",
      config.marketing.tiers.map((tier) => tier.name),
      help.tier,
    ),
    ...list("source", config.marketing.sources, help.source),
    ...ownerValidation(tab),
  ];
}

/** Status colours: overdue and late red (overdue bold), on time green. */
function statusFormats({ context, letter, bounded }: LeadsTab): ConditionalFormatPlan[] {
  const { labels } = context;
  const ranges = [bounded("status")];
  const status = (word: string): string => `=$${letter("status")}2=${quote(word)}`;
  return [
    {
      ranges,
      formula: status(labels.leads.overdue),
      background: COLORS.bad.background,
      color: COLORS.bad.text,
      bold: true,
    },
    { ranges, formula: status(labels.leads.late), background: COLORS.bad.background, color: COLORS.bad.text },
    { ranges, formula: status(labels.leads.onTime), background: COLORS.good.background, color: COLORS.good.text },
  ];
}

export function planLeads(context: PlanContext): { sheet: SheetPlan; namedRanges: NamedRangePlan[] } {
  const lastRow = context.leadsLastRow;
  const c = context.leadColumns;
  const keyAt = new Map(LEAD_COLUMN_KEYS.map((key) => [c[key], key]));
  const letter = (key: LeadColumnKey): string => columnLetter(c[key]);
  const tab: LeadsTab = {
    context,
    lastRow,
    dataRows: lastRow - 1,
    letter,
    keyAt: (column) => keyAt.get(column)!,
    bounded: (key) => `${letter(key)}2:${letter(key)}${lastRow}`,
  };
  return {
    sheet: {
      key: "leads",
      rowsOfUsers: true,
      name: context.sheetNames.leads,
      tabColor: COLORS.sales.strong,
      frozenRows: 1,
      frozenColumns: 1,
      minRows: lastRow,
      minColumns: lastLeadColumn(c),
      columnWidths: addOnRuns(context).map((run) => ({ column: run.first, count: run.count, width: 135 })),
      // The calculated rows first: on a rebuild they clear what would stop the header row's formulas from filling them.
      blocks: [...calculatedBlocks(tab), ...headerBlocks(tab)],
      // Formats for the input columns, one call per run; values there are never touched.
      inputFormats: inputFormats(tab),
      validations: leadValidations(tab),
      conditionalFormats: statusFormats(tab),
      charts: [],
    },
    // Open ranges (E2:E) reach the log's last row however it grows, so a longer log doesn't move them.
    namedRanges: NAMED_COLUMNS.map(([name, key]) => ({ name, sheetKey: "leads", range: openColumnA1(2, c[key]) })),
  };
}
