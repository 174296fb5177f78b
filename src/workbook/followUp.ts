/**
 * The Follow-up tab (method §5): per month and per rep, response hours
 * (average, median, 90th percentile) against the speed goal, the share within
 * the goal, leads awaiting a first follow-up, and depth: attempts on leads not
 * yet connected against the depth goal, with leads worked. Two charts: speed
 * by month with the goal as a line, and depth by month.
 */
import { COLORS, LEAD_COLUMNS, leadRange, monthStartFormula, slaMonths, type PlanContext } from "./context";
import { quote } from "./formulas";
import { SheetBuilder, a1, rangeA1 } from "./sheetBuilder";
import type { CellSpec, SheetPlan } from "./types";

export const FOLLOW_UP_LAYOUT = {
  monthHeaderRow: 4,
  firstMonthRow: 5,
  /** Columns of the by-month table, 1-based. */
  columns: { month: 1, handed: 2, followed: 3, awaiting: 4, average: 5, median: 6, p90: 7, speedGoal: 8, withinGoal: 9, depth: 10, depthGoal: 11, attempts: 12, worked: 13, speedMet: 14, depthMet: 15 },
} as const;

interface Criteria {
  /** COUNTIFS-style criteria pairs limiting leads (month, and owner for the rep table). */
  readonly pairs: string;
  /**
   * The same limits for leads with response hours, on the log's
   * hand-off-month column (O): one equality instead of a
   * date range plus ISNUMBER, so the hours statistics scan the log once.
   */
  readonly followedPairs: string;
  /** `followedPairs` as FILTER conditions. */
  readonly followedFilters: string;
}

/**
 * The statistics of one row of a report. Sums and counts use SUMIFS/COUNTIFS
 * (one pass each); only the median and 90th percentile need FILTER, which
 * builds arrays and is the expensive part of recalculating a big log.
 */
function statsCells(context: PlanContext, criteria: Criteria, row: number, followedColumn: number): CellSpec[] {
  const { formats } = context;
  const calculated: CellSpec = { background: COLORS.calculated };
  const hours = "Leads_ResponseHours";
  const followed = a1(row, followedColumn);
  const where = criteria.pairs;
  const answered = criteria.followedPairs;
  // Attempts on leads not yet connected: all attempts minus those on connected leads.
  const openAttempts = `(SUMIFS(Leads_Attempts,${where})-SUMIFS(Leads_Attempts,${where},Leads_Connected,TRUE))`;
  const openWorked = `(COUNTIFS(${where},Leads_Attempts,"<>")-COUNTIFS(${where},Leads_Attempts,"<>",Leads_Connected,TRUE))`;
  return [
    { ...calculated, formula: `COUNTIFS(${where})`, format: formats.count },
    { ...calculated, formula: `COUNTIFS(${answered})`, format: formats.count },
    { ...calculated, formula: `COUNTIFS(${where},Leads_FirstFollowUp,"")`, format: formats.count },
    // The sum over the count next to it: AVERAGEIFS would count the same leads again.
    { ...calculated, formula: `IF(N(${followed})>0,SUMIFS(${hours},${answered})/${followed},"")`, format: formats.hours },
    { ...calculated, formula: `IFERROR(MEDIAN(FILTER(${hours},${criteria.followedFilters})),"")`, format: formats.hours },
    { ...calculated, formula: `IFERROR(PERCENTILE(FILTER(${hours},${criteria.followedFilters}),9/10),"")`, format: formats.hours },
    { ...calculated, formula: `IF(N(${followed})>0,COUNTIFS(${answered},${hours},"<="&FollowUpGoalHours)/${followed},"")`, format: formats.percent },
    { ...calculated, formula: `IF(${openWorked}>0,${openAttempts}/${openWorked},"")`, format: formats.decimal },
    { ...calculated, formula: openAttempts, format: formats.count },
    { ...calculated, formula: `COUNTIFS(${where},Leads_Attempts,">0")-COUNTIFS(${where},Leads_Attempts,">0",Leads_Connected,TRUE)`, format: formats.count },
  ];
}

export function planFollowUp(context: PlanContext): SheetPlan {
  const { config, labels, formats } = context;
  const sheet = new SheetBuilder();
  const months = slaMonths(config);
  const L = FOLLOW_UP_LAYOUT;
  const C = L.columns;
  const calculated: CellSpec = { background: COLORS.calculated };
  const handed = "Leads_HandedOff";
  const followedMonth = leadRange(context, LEAD_COLUMNS.followedUpMonth);
  const headerCell = (title: string): CellSpec => ({ value: title, bold: true, background: COLORS.header, color: COLORS.headerText, wrap: true });

  sheet.set(1, 1, { value: `${labels.sheets.followUp}: ${labels.followUp.byMonth}`, bold: true });
  sheet.set(2, 1, { formula: labels.goalSales("FollowUpGoalHours", "FollowUpGoalAttempts").slice(1), italic: true, color: COLORS.muted });
  sheet.set(L.monthHeaderRow - 1, 1, { value: labels.followUp.byMonth, bold: true });
  sheet.row(L.monthHeaderRow, 1, labels.followUp.monthHeaders.map(headerCell));
  months.forEach((month, index) => {
    const row = L.firstMonthRow + index;
    const start = a1(row, C.month);
    const end = `(EOMONTH(${start},0)+1)`;
    const criteria: Criteria = {
      pairs: `${handed},">="&${start},${handed},"<"&${end}`,
      followedPairs: `${followedMonth},${start}`,
      followedFilters: `${followedMonth}=${start}`,
    };
    const stats = statsCells(context, criteria, row, C.followed);
    const [count, followed, awaiting, average, median, p90, within, depth, attempts, worked] = stats;
    const averageCell = a1(row, C.average);
    const depthCell = a1(row, C.depth);
    sheet.row(row, 1, [
      { formula: monthStartFormula(month), format: formats.month, bold: true },
      count, followed, awaiting, average, median, p90,
      { ...calculated, formula: "FollowUpGoalHours", format: formats.hours },
      within, depth,
      { ...calculated, formula: "FollowUpGoalAttempts", format: formats.count },
      attempts, worked,
      { ...calculated, formula: `IF(${averageCell}="","",IF(${averageCell}<=FollowUpGoalHours,${quote(labels.followUp.met)},${quote(labels.followUp.missed)}))` },
      { ...calculated, formula: `IF(${depthCell}="","",IF(${depthCell}>=FollowUpGoalAttempts,${quote(labels.followUp.met)},${quote(labels.followUp.missed)}))` },
    ]);
  });
  const lastMonthRow = L.firstMonthRow + months.length - 1;

  // By rep, for a month picked from a list (a cell users set; kept across builds).
  const repTitleRow = lastMonthRow + 3;
  sheet.set(repTitleRow, 1, { value: labels.followUp.byRep, bold: true });
  const picker = sheet.set(repTitleRow, 2, { text: months[0] ?? config.startMonth, bold: true, background: COLORS.sales.light, input: { key: "followUp|repMonth" } });
  const pick = a1(repTitleRow, 2, true);
  const repHeaderRow = repTitleRow + 1;
  sheet.row(repHeaderRow, 1, labels.followUp.repHeaders.map(headerCell));
  const owner = leadRange(context, LEAD_COLUMNS.owner);
  // The picked month is text like "2026-12"; Sheets may also have read it as a date.
  const pickedStart = `IF(ISNUMBER(${pick}),DATE(YEAR(${pick}),MONTH(${pick}),1),DATE(LEFT(${pick},4),RIGHT(${pick},2),1))`;
  const pickedEnd = `(EOMONTH(${pickedStart},0)+1)`;
  const reps = config.contacts.filter((contact) => contact.party === "sales").map((contact) => contact.name);
  const repRows = [...reps.map((name) => ({ label: { text: name } as CellSpec, criterion: quote(name), filter: `${owner}=${quote(name)}` })),
    { label: { value: labels.followUp.noOwner, italic: true } as CellSpec, criterion: '""', filter: `${owner}=""` }];
  repRows.forEach((rep, index) => {
    const row = repHeaderRow + 1 + index;
    const criteria: Criteria = {
      pairs: `${handed},">="&${pickedStart},${handed},"<"&${pickedEnd},${owner},${rep.criterion}`,
      followedPairs: `${followedMonth},${pickedStart},${owner},${rep.criterion}`,
      followedFilters: `${followedMonth}=${pickedStart},${rep.filter}`,
    };
    sheet.row(row, 1, [rep.label, ...statsCells(context, criteria, row, 3)]);
  });

  const monthRange = (column: number): string => rangeA1(L.monthHeaderRow, column, months.length + 1, 1);
  return {
    key: "followUp",
    name: context.sheetNames.followUp,
    tabColor: COLORS.sales.strong,
    frozenRows: 0,
    frozenColumns: 0,
    minRows: Math.max(repHeaderRow + repRows.length + 5, 60),
    minColumns: 26,
    // The figures fit Sheets' default width; every width set is one more call on a first build.
    columnWidths: [{ column: 1, count: 1, width: 170 }],
    blocks: [sheet.toBlock({ row: 1, column: 1 })],
    validations: [{ range: picker, rule: { kind: "list", values: months, strict: true }, helpText: labels.followUp.pickMonth }],
    conditionalFormats: [
      { ranges: [rangeA1(L.firstMonthRow, C.speedMet, months.length, 2)], formula: `=${a1(L.firstMonthRow, C.speedMet)}=${quote(labels.followUp.met)}`, background: COLORS.good.background, color: COLORS.good.text },
      { ranges: [rangeA1(L.firstMonthRow, C.speedMet, months.length, 2)], formula: `=${a1(L.firstMonthRow, C.speedMet)}=${quote(labels.followUp.missed)}`, background: COLORS.bad.background, color: COLORS.bad.text },
    ],
    charts: [
      {
        key: "speed",
        kind: "combo",
        title: labels.followUp.speedChart,
        domain: monthRange(C.month),
        series: [
          { range: monthRange(C.average), type: "bars", color: COLORS.sales.strong },
          { range: monthRange(C.speedGoal), type: "line", color: COLORS.goalLine, dashed: true },
        ],
        anchor: { row: repHeaderRow + repRows.length + 3, column: 1 },
        width: 640,
        height: 360,
        vAxisTitle: labels.followUp.hoursAxis,
      },
      {
        key: "depth",
        kind: "combo",
        title: labels.followUp.depthChart,
        domain: monthRange(C.month),
        series: [
          { range: monthRange(C.depth), type: "bars", color: COLORS.sales.strong },
          { range: monthRange(C.depthGoal), type: "line", color: COLORS.goalLine, dashed: true },
          { range: monthRange(C.worked), type: "line", color: COLORS.service.strong, targetAxis: 1 },
        ],
        anchor: { row: repHeaderRow + repRows.length + 3, column: 8 },
        width: 640,
        height: 360,
        vAxisTitle: labels.followUp.attemptsAxis,
        vAxisTitleRight: labels.followUp.leadsAxis,
      },
    ],
  };
}
