/**
 * The Leads tab, the log sales fills in. Marketing's columns (A–E) and sales'
 * columns (F–L) are coloured by party; M–P are calculated, one ARRAYFORMULA
 * per column filling every row, so recalculation stays linear in leads (O is
 * the hand-off month of leads with response hours, for the reports; P the
 * working hours since the hand-off, which M and N read).
 * Rows users typed are never written by the add-on: only the header row, the
 * calculated columns, formats and validations.
 */
import { COLORS, LEAD_COLUMNS, LEAD_INPUT_COLUMNS, LEAD_LAST_COLUMN, type PlanContext } from "./context";
import { hoursSoFarFormula, quote, responseHoursFormula } from "./formulas";
import { columnLetter, openColumnA1 } from "./sheetBuilder";
import type { BlockPlan, CellSpec, NamedRangePlan, SheetPlan, ValidationPlan } from "./types";

/** Free rows kept below the last lead, so the log has room until the next build or month. */
export const LEAD_HEADROOM = 1000;

/** Data rows the lead log provides: row 2 to the returned row. */
export function leadCapacity(lastUsedRow: number, maxRows: number): number {
  return Math.max(maxRows, lastUsedRow + LEAD_HEADROOM - 1, LEAD_HEADROOM);
}

const NAMED_COLUMNS: readonly [string, number][] = [
  ["Leads_Tier", LEAD_COLUMNS.tier],
  ["Leads_HandedOff", LEAD_COLUMNS.handedOff],
  ["Leads_FirstFollowUp", LEAD_COLUMNS.firstFollowUp],
  ["Leads_Attempts", LEAD_COLUMNS.attempts],
  ["Leads_Connected", LEAD_COLUMNS.connected],
  ["Leads_Customer", LEAD_COLUMNS.customer],
  ["Leads_Revenue", LEAD_COLUMNS.revenue],
  ["Leads_ResponseHours", LEAD_COLUMNS.responseHours],
];

export function planLeads(context: PlanContext): { sheet: SheetPlan; namedRanges: NamedRangePlan[] } {
  const { config, labels, formats } = context;
  const lastRow = context.leadsLastRow;
  const dataRows = lastRow - 1;
  const c = LEAD_COLUMNS;

  const headerColor = (column: number): string =>
    column <= c.handedOff ? COLORS.marketing.strong : column <= LEAD_INPUT_COLUMNS ? COLORS.sales.strong : COLORS.muted;
  const headerCells = labels.leads.headers.map((title, index): CellSpec => ({ value: title, bold: true, background: headerColor(index + 1), color: COLORS.headerText, wrap: true }));
  const header: BlockPlan = { row: 1, column: 1, cells: [headerCells] };

  // One ARRAYFORMULA per calculated column, not a formula per row: a cell every
  // row refers to (the goal, the working hours) is then one reference, not one
  // per lead, and the engine keeps one dependency instead of tens of thousands.
  const goal = "FollowUpGoalHours";
  const column = (index: number): string => `${columnLetter(index)}2:${columnLetter(index)}${lastRow}`;
  const handedOff = column(c.handedOff);
  const followUp = column(c.firstFollowUp);
  const hours = column(c.responseHours);
  const soFar = column(c.hoursSoFar);
  // Blank, not an error, for a lead whose hand-off is not a date: its response hours say so.
  const statusFormula =
    `ARRAYFORMULA(IFERROR(IF(${handedOff}="","",IF(${followUp}="",IF(${soFar}>${goal},${quote(labels.leads.overdue)},${quote(labels.leads.waiting)}),` +
    `IF(ISNUMBER(${hours}),IF(${hours}<=${goal},${quote(labels.leads.onTime)},${quote(labels.leads.late)}),""))),""))`;
  const hoursCell: CellSpec = { format: formats.hours, background: COLORS.calculated };
  const statusCell: CellSpec = { background: COLORS.calculated };
  // For the reports: one equality per month instead of a date range plus ISNUMBER over the whole log.
  const monthCell: CellSpec = { format: formats.month, background: COLORS.calculated };
  const handedOffMonth = `INT(${handedOff})-DAY(${handedOff})+1`;
  // Each calculated column's formula sits in its header cell, the title stacked above the column's values:
  // sorting the log (row 1 is frozen, so "sort sheet" leaves it) then moves only users' rows, never a formula.
  // Each formula is its own ARRAYFORMULA (or LET around ARRAYFORMULA), stacked under the title as Google's
  // VSTACK("title", ARRAYFORMULA(…)) shape has it.
  const calculatedFormulas = [
    responseHoursFormula(handedOff, followUp, context.work, labels.leads, soFar),
    statusFormula,
    `ARRAYFORMULA(IF(ISNUMBER(${hours}),${handedOffMonth},""))`,
    hoursSoFarFormula(handedOff, followUp, context.work),
  ];
  calculatedFormulas.forEach((formula, offset) => {
    const index = c.responseHours - 1 + offset;
    const title = headerCells[index]!;
    headerCells[index] = { ...title, value: undefined, formula: `VSTACK(${quote(String(title.value))},${formula})` };
  });
  // Rows 2 on hold the results the formulas fill in; they must stay empty.
  const calculatedRows: (CellSpec | undefined)[][] = [];
  for (let row = 2; row <= lastRow; row++) calculatedRows.push([hoursCell, statusCell, monthCell, hoursCell]);
  const calculated: BlockPlan = { row: 2, column: c.responseHours, cells: calculatedRows };

  // Formats of the input columns, one row repeated: users' values stay, their cells read right.
  const inputFormats: CellSpec[] = [];
  for (let column = 1; column <= LEAD_INPUT_COLUMNS; column++) {
    const format =
      column === c.created || column === c.handedOff || column === c.firstFollowUp || column === c.closedOn
        ? formats.dateTime
        : column === c.revenue
          ? formats.money
          : column === c.attempts
            ? formats.count
            : undefined;
    inputFormats.push(format ? { format } : {});
  }

  const validations: ValidationPlan[] = [
    { range: column(c.created), rule: { kind: "date" }, helpText: labels.leads.help.date },
    { range: column(c.handedOff), rule: { kind: "date" }, helpText: labels.leads.help.date },
    { range: column(c.firstFollowUp), rule: { kind: "date" }, helpText: labels.leads.help.date },
    { range: column(c.closedOn), rule: { kind: "date" }, helpText: labels.leads.help.date },
    { range: column(c.attempts), rule: { kind: "numberAtLeast", min: 0 }, helpText: labels.leads.help.attempts },
    { range: column(c.revenue), rule: { kind: "numberAtLeast", min: 0 }, helpText: labels.leads.help.revenue },
    { range: column(c.connected), rule: { kind: "checkbox" }, helpText: labels.leads.help.connected },
    { range: column(c.customer), rule: { kind: "checkbox" }, helpText: labels.leads.help.customer },
  ];
  if (config.marketing.tiers.length > 0) {
    validations.push({ range: column(c.tier), rule: { kind: "list", values: config.marketing.tiers.map((tier) => tier.name), strict: true }, helpText: labels.leads.help.tier });
  }
  const reps = config.contacts.filter((contact) => contact.party === "sales").map((contact) => contact.name);
  if (reps.length > 0) validations.push({ range: column(c.owner), rule: { kind: "list", values: reps, strict: false }, helpText: labels.leads.help.owner });

  const statusRange = column(c.status);
  const status = (word: string): string => `=$${columnLetter(c.status)}2=${quote(word)}`;

  return {
    sheet: {
      key: "leads",
      name: context.sheetNames.leads,
      tabColor: COLORS.sales.strong,
      frozenRows: 1,
      frozenColumns: 1,
      minRows: lastRow,
      minColumns: LEAD_LAST_COLUMN,
      columnWidths: [{ column: 1, count: LEAD_LAST_COLUMN, width: 135 }],
      // The calculated rows first: on a rebuild they clear what would stop the header row's formulas from filling them.
      blocks: [calculated, header],
      // Formats for the whole input area in one call; values there are never touched.
      inputFormats: { row: 2, column: 1, rows: dataRows, cells: inputFormats },
      validations,
      conditionalFormats: [
        { ranges: [statusRange], formula: status(labels.leads.overdue), background: COLORS.bad.background, color: COLORS.bad.text, bold: true },
        { ranges: [statusRange], formula: status(labels.leads.late), background: COLORS.bad.background, color: COLORS.bad.text },
        { ranges: [statusRange], formula: status(labels.leads.onTime), background: COLORS.good.background, color: COLORS.good.text },
      ],
      charts: [],
    },
    // Open ranges (E2:E) reach the log's last row however it grows, so a longer log doesn't move them.
    namedRanges: NAMED_COLUMNS.map(([name, index]) => ({ name, sheetKey: "leads", range: openColumnA1(2, index) })),
  };
}
