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
import { COLORS, type PlanContext } from "./context";
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
import type { BlockPlan, CellSpec, NamedRangePlan, SheetPlan, ValidationPlan } from "./types";

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

export function planLeads(context: PlanContext): { sheet: SheetPlan; namedRanges: NamedRangePlan[] } {
  const { config, labels, formats } = context;
  const lastRow = context.leadsLastRow;
  const dataRows = lastRow - 1;
  const c = context.leadColumns;
  const letter = (key: LeadColumnKey): string => columnLetter(c[key]);

  const headerColor: Record<LeadSide, string> = {
    marketing: COLORS.marketing.strong,
    sales: COLORS.sales.strong,
    calculated: COLORS.muted,
  };
  const headerCell = (key: LeadColumnKey): CellSpec => ({
    value: labels.leads.headers[LEAD_COLUMN_KEYS.indexOf(key)],
    bold: true,
    background: headerColor[sideOf(key)],
    color: COLORS.headerText,
    wrap: true,
  });

  // One ARRAYFORMULA per calculated column, not a formula per row: a cell every
  // row refers to (the goal, the working hours) is then one reference, not one
  // per lead, and the engine keeps one dependency instead of tens of thousands.
  // Open ranges (E2:E) reach the log's last row, so leads pasted below it are calculated at once.
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
  const calculatedFormula: Record<(typeof CALCULATED)[number], string> = {
    responseHours: responseHoursFormula(handedOff, followUp, context.work, labels.leads, soFar),
    status: statusFormula,
    followedUpMonth: `ARRAYFORMULA(IF(ISNUMBER(${hours}),${handedOffMonth},""))`,
    hoursSoFar: hoursSoFarFormula(handedOff, followUp, context.work),
    goalHours: leadGoalFormula(context, handedOff, column("tier")),
  };
  const calculatedFormat: Record<(typeof CALCULATED)[number], CellSpec> = {
    responseHours: { format: formats.hours, background: COLORS.calculated },
    status: { background: COLORS.calculated },
    followedUpMonth: { format: formats.month, background: COLORS.calculated },
    hoursSoFar: { format: formats.hours, background: COLORS.calculated },
    goalHours: { format: formats.hours, background: COLORS.calculated },
  };

  // Each calculated column's formula sits in its header cell, the title stacked above the column's values:
  // sorting the log (row 1 is frozen, so "sort sheet" leaves it) then moves only users' rows, never a formula.
  const header = (key: LeadColumnKey): CellSpec => {
    const title = headerCell(key);
    if (!isCalculated(key)) return title;
    // Each formula is its own ARRAYFORMULA (or LET around ARRAYFORMULA), stacked under the title as Google's
    // VSTACK("title", ARRAYFORMULA(…)) shape has it.
    return { ...title, value: undefined, formula: `VSTACK(${quote(String(title.value))},${calculatedFormula[key]})` };
  };
  // The add-on's columns only, in runs of neighbours: columns people added between them are never written.
  const runs = columnRuns(LEAD_COLUMN_KEYS.map((key) => c[key]));
  const keyAt = new Map(LEAD_COLUMN_KEYS.map((key) => [c[key], key]));
  const headerBlocks: BlockPlan[] = runs.map((run) => ({
    row: 1,
    column: run.first,
    cells: [Array.from({ length: run.count }, (_, offset) => header(keyAt.get(run.first + offset)!))],
  }));
  // Rows 2 on hold the results the formulas fill in; they must stay empty.
  const calculatedBlocks: BlockPlan[] = columnRuns(CALCULATED.map((key) => c[key])).map((run) => {
    const line = Array.from(
      { length: run.count },
      (_, offset) => calculatedFormat[keyAt.get(run.first + offset) as (typeof CALCULATED)[number]],
    );
    return { row: 2, column: run.first, cells: Array.from({ length: dataRows }, () => line) };
  });

  // Formats of the input columns, one row repeated: users' values stay, their cells read right.
  const inputFormat = (key: LeadColumnKey): CellSpec => {
    if (key === "created" || key === "handedOff" || key === "firstFollowUp" || key === "closedOn")
      return { format: formats.dateTime };
    if (key === "revenue") return { format: formats.money };
    if (key === "attempts") return { format: formats.count };
    return {};
  };
  const inputFormats = columnRuns(INPUTS.map((key) => c[key])).map((run) => ({
    row: 2,
    column: run.first,
    rows: dataRows,
    cells: Array.from({ length: run.count }, (_, offset) => inputFormat(keyAt.get(run.first + offset)!)),
  }));

  const bounded = (key: LeadColumnKey): string => `${letter(key)}2:${letter(key)}${lastRow}`;
  const validations: ValidationPlan[] = [
    { range: bounded("created"), rule: { kind: "date" }, helpText: labels.leads.help.date },
    { range: bounded("handedOff"), rule: { kind: "date" }, helpText: labels.leads.help.date },
    { range: bounded("firstFollowUp"), rule: { kind: "date" }, helpText: labels.leads.help.date },
    { range: bounded("closedOn"), rule: { kind: "date" }, helpText: labels.leads.help.date },
    { range: bounded("attempts"), rule: { kind: "numberAtLeast", min: 0 }, helpText: labels.leads.help.attempts },
    { range: bounded("revenue"), rule: { kind: "numberAtLeast", min: 0 }, helpText: labels.leads.help.revenue },
    { range: bounded("connected"), rule: { kind: "checkbox" }, helpText: labels.leads.help.connected },
    { range: bounded("customer"), rule: { kind: "checkbox" }, helpText: labels.leads.help.customer },
  ];
  if (config.marketing.tiers.length > 0) {
    validations.push({
      range: bounded("tier"),
      rule: { kind: "list", values: config.marketing.tiers.map((tier) => tier.name), strict: true },
      helpText: labels.leads.help.tier,
    });
  }
  if (config.marketing.sources.length > 0) {
    validations.push({
      range: bounded("source"),
      rule: { kind: "list", values: config.marketing.sources, strict: true },
      helpText: labels.leads.help.source,
    });
  }
  const reps = config.contacts.filter((contact) => contact.party === "sales").map((contact) => contact.name);
  if (reps.length > 0)
    validations.push({
      range: bounded("owner"),
      rule: { kind: "list", values: reps, strict: false },
      helpText: labels.leads.help.owner,
    });

  const statusRange = bounded("status");
  const status = (word: string): string => `=$${letter("status")}2=${quote(word)}`;
  const last = lastLeadColumn(c);

  return {
    sheet: {
      key: "leads",
      rowsOfUsers: true,
      name: context.sheetNames.leads,
      tabColor: COLORS.sales.strong,
      frozenRows: 1,
      frozenColumns: 1,
      minRows: lastRow,
      minColumns: last,
      columnWidths: runs.map((run) => ({ column: run.first, count: run.count, width: 135 })),
      // The calculated rows first: on a rebuild they clear what would stop the header row's formulas from filling them.
      blocks: [...calculatedBlocks, ...headerBlocks],
      // Formats for the input columns, one call per run; values there are never touched.
      inputFormats,
      validations,
      conditionalFormats: [
        {
          ranges: [statusRange],
          formula: status(labels.leads.overdue),
          background: COLORS.bad.background,
          color: COLORS.bad.text,
          bold: true,
        },
        {
          ranges: [statusRange],
          formula: status(labels.leads.late),
          background: COLORS.bad.background,
          color: COLORS.bad.text,
        },
        {
          ranges: [statusRange],
          formula: status(labels.leads.onTime),
          background: COLORS.good.background,
          color: COLORS.good.text,
        },
      ],
      charts: [],
    },
    // Open ranges (E2:E) reach the log's last row however it grows, so a longer log doesn't move them.
    namedRanges: NAMED_COLUMNS.map(([name, key]) => ({ name, sheetKey: "leads", range: openColumnA1(2, c[key]) })),
  };
}
