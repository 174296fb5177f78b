/**
 * The Dashboard tab, first in the workbook: the newest month at a glance.
 * Lead pace against the goal with its status, the pace chart, follow-up
 * speed and depth against their goals, strikes and how far each party is
 * from escalation, and the last six months. Every figure is a reference to
 * the tab that computes it (month tab, Follow-up, misses ledger), so the
 * Dashboard adds no pass over the lead log and can never disagree with them.
 */
import type { PartyId } from "../config/schema";
import { COLORS, monthStartFormula, slaMonths, type PlanContext } from "./context";
import { FOLLOW_UP_LAYOUT } from "./followUp";
import { quote } from "./formulas";
import type { LedgerRow } from "./ledger";
import { MONTH_LAYOUT } from "./month";
import { SheetBuilder, a1, rangeA1, sheetRef } from "./sheetBuilder";
import type { CellSpec, ConditionalFormatPlan, SheetPlan } from "./types";

/** Where the Dashboard keeps things, for the planner and the tests. */
export const DASHBOARD_LAYOUT = {
  /** The pace chart: right of the figures, inside a 1366 px wide screen even with the add-on's sidebar open. */
  chart: { row: 4, column: 5, width: 460, height: 330 },
  /** The chart's data, mirrored from the month tab: Sheets charts read ranges of their own tab. */
  chartData: { row: 4, column: 14 },
  /** How many past months the table at the bottom shows. */
  pastMonths: 6,
} as const;

/** The month tab's daily columns the chart mirrors: date, cumulative goal, cumulative actual (chart-only), leads per day. */
const MIRRORED_COLUMNS = [1, 3, 9, 4] as const;

export interface DashboardInput {
  /** The month tabs the workbook has after this build, newest first. */
  readonly months: readonly string[];
  /** The misses ledger's cells per `${month}|${partyId}`, with the sheet name. */
  readonly ledger: ReadonlyMap<string, LedgerRow>;
}

export function planDashboard(context: PlanContext, input: DashboardInput): SheetPlan {
  const { config, labels, formats } = context;
  const words = labels.dashboard;
  const sheet = new SheetBuilder();
  const conditionalFormats: ConditionalFormatPlan[] = [];
  const calculated: CellSpec = { background: COLORS.calculated };
  const band = (row: number, title: string, lastColumn: number): void => {
    sheet.set(row, 1, { value: title, bold: true, background: COLORS.header, color: COLORS.headerText });
    for (let column = 2; column <= lastColumn; column++) sheet.set(row, column, { background: COLORS.header });
  };
  const columnTitles = (row: number, titles: readonly string[], column = 1): void =>
    sheet.row(
      row,
      column,
      titles.map(
        (title): CellSpec =>
          title === ""
            ? { background: COLORS.calculated }
            : { value: title, bold: true, background: COLORS.calculated, wrap: true },
      ),
    );

  const allMonths = slaMonths(config);
  const month = input.months[0] ?? config.startMonth;
  const tab = sheetRef(month);
  const followUp = sheetRef(context.sheetNames.followUp);
  const followUpCell = (forMonth: string, column: number): string =>
    `${followUp}!${a1(FOLLOW_UP_LAYOUT.firstMonthRow + allMonths.indexOf(forMonth), column, true)}`;
  const C = FOLLOW_UP_LAYOUT.columns;
  const I = MONTH_LAYOUT.inputs;

  sheet.set(1, 1, { value: `${words.title}: ${month}`, bold: true });
  sheet.set(2, 1, { value: words.subtitle(month), italic: true, color: COLORS.muted });

  // Lead pace, from the month tab.
  band(4, words.pace, 4);
  columnTitles(5, ["", words.actual, words.goal, words.status]);
  const delivered = `${tab}!${a1(MONTH_LAYOUT.metrics.leads, MONTH_LAYOUT.metrics.column + 1, true)}`;
  const goal = `${tab}!${a1(I.goal, 2, true)}`;
  const status = sheet.set(6, 4, { ...calculated, bold: true, formula: `${tab}!${a1(I.status, 2, true)}` });
  sheet.set(6, 1, { value: words.delivered });
  sheet.set(6, 2, { ...calculated, formula: delivered, format: formats.count, bold: true });
  sheet.set(6, 3, { ...calculated, formula: goal, format: formats.count });
  // The month tab's running goal up to yesterday (paceStatusFormula): a day counts once it has passed.
  const start = monthStartFormula(month);
  const passed = `MAX(0,MIN(EOMONTH(${start},0)+1,TODAY())-${start})`;
  sheet.set(7, 1, { value: words.expected });
  sheet.set(7, 2, { ...calculated, formula: `${goal}*${passed}/DAY(EOMONTH(${start},0))`, format: formats.decimal });
  sheet.set(8, 1, { value: words.paceShare });
  sheet.set(8, 2, { ...calculated, formula: `IF(${a1(7, 2)}>0,${a1(6, 2)}/${a1(7, 2)},"")`, format: formats.percent });
  sheet.set(8, 3, { ...calculated, value: 1, format: formats.percent });
  const pace = labels.month;
  conditionalFormats.push(
    {
      ranges: [status],
      formula: `=OR(${status}=${quote(pace.onTrack)},${status}=${quote(pace.met)})`,
      background: COLORS.good.background,
      color: COLORS.good.text,
    },
    {
      ranges: [status],
      formula: `=${status}=${quote(pace.atRisk)}`,
      background: COLORS.warn.background,
      color: COLORS.warn.text,
    },
    {
      ranges: [status],
      formula: `=OR(${status}=${quote(pace.behind)},${status}=${quote(pace.missed)})`,
      background: COLORS.bad.background,
      color: COLORS.bad.text,
    },
  );

  // Sales follow-up, from the Follow-up tab's row for the month.
  band(10, words.followUp, 4);
  columnTitles(11, ["", words.actual, words.goal, words.status]);
  const hours = formats.hours;
  const figure = (row: number, label: string, cell: CellSpec, goalCell?: CellSpec, verdict?: string): void => {
    sheet.set(row, 1, { value: label });
    sheet.set(row, 2, { ...calculated, ...cell });
    if (goalCell) sheet.set(row, 3, { ...calculated, ...goalCell });
    if (verdict) sheet.set(row, 4, { ...calculated, bold: true, formula: verdict });
  };
  figure(
    12,
    words.median,
    { formula: followUpCell(month, C.median), format: hours, bold: true },
    { formula: "FollowUpGoalHours", format: hours },
    followUpCell(month, C.speedMet),
  );
  figure(13, words.p90, { formula: followUpCell(month, C.p90), format: hours });
  figure(14, words.withinGoal, { formula: followUpCell(month, C.withinGoal), format: formats.percent });
  figure(
    15,
    words.overdue,
    { formula: `${followUp}!${a1(FOLLOW_UP_LAYOUT.monthHeaderRow - 1, C.average, true)}`, format: formats.count },
    { value: 0, format: formats.count },
  );
  figure(
    16,
    words.depth,
    { formula: followUpCell(month, C.depth), format: formats.decimal, bold: true },
    { formula: "FollowUpGoalAttempts", format: formats.decimal },
    followUpCell(month, C.depthMet),
  );
  const verdicts = rangeA1(12, 4, 5, 1);
  conditionalFormats.push(
    {
      ranges: [verdicts],
      formula: `=LEFT(${a1(12, 4)},1)="✓"`,
      background: COLORS.good.background,
      color: COLORS.good.text,
    },
    {
      ranges: [verdicts],
      formula: `=LEFT(${a1(12, 4)},1)="✗"`,
      background: COLORS.bad.background,
      color: COLORS.bad.text,
    },
    { ranges: [a1(15, 2)], formula: `=N(${a1(15, 2)})>0`, background: COLORS.bad.background, color: COLORS.bad.text },
  );

  // Strikes: the misses ledger's count for the month, and how far each party is from escalation.
  band(18, words.strikes, 4);
  columnTitles(19, ["", words.strikesSoFar, words.escalateAt, words.nextStep]);
  const parties = config.parties.filter((party) => party.id !== "service" || input.ledger.has(`${month}|service`));
  const limit = config.missedGoals.strikesBeforeEscalation;
  parties.forEach((party, index) => {
    const row = 20 + index;
    const cells = input.ledger.get(`${month}|${party.id}`);
    sheet.set(row, 1, { text: party.name, background: COLORS[party.id as PartyId].light });
    sheet.set(row, 2, {
      ...calculated,
      formula: cells ? `N(${cells.strikes})` : "0",
      format: formats.count,
      bold: true,
    });
    sheet.set(row, 3, { ...calculated, value: limit, format: formats.count });
    const left = `${a1(row, 3)}-${a1(row, 2)}`;
    const escalated = cells ? `${cells.escalation}<>""` : "FALSE";
    sheet.set(row, 4, {
      ...calculated,
      formula: `IF(OR(${escalated},${left}<=0),${quote(words.escalateNow)},${words.missesLeft(`(${left})`)})`,
    });
  });
  const strikeRows = rangeA1(20, 4, parties.length, 1);
  conditionalFormats.push({
    ranges: [strikeRows],
    formula: `=${a1(20, 4)}=${quote(words.escalateNow)}`,
    background: COLORS.bad.background,
    color: COLORS.bad.text,
    bold: true,
  });

  // The last months, oldest first, ending with the dashboard's month.
  const pastTop = 20 + parties.length + 1;
  const shown = [...input.months].reverse().slice(-DASHBOARD_LAYOUT.pastMonths);
  band(pastTop, words.pastMonths, words.pastHeaders.length);
  columnTitles(pastTop + 1, words.pastHeaders);
  shown.forEach((past, index) => {
    const row = pastTop + 2 + index;
    const marketing = input.ledger.get(`${past}|marketing`);
    const sales = input.ledger.get(`${past}|sales`);
    sheet.row(row, 1, [
      { formula: monthStartFormula(past), format: "mmmm yyyy" },
      { ...calculated, formula: followUpCell(past, C.handed), format: formats.count },
      { ...calculated, formula: marketing ? marketing.goal : "LeadsNeeded", format: formats.count },
      { ...calculated, bold: true, formula: marketing ? marketing.met : '""' },
      { ...calculated, formula: followUpCell(past, C.median), format: hours },
      { ...calculated, formula: followUpCell(past, C.withinGoal), format: formats.percent },
      { ...calculated, bold: true, formula: sales ? sales.met : '""' },
    ]);
  });
  if (shown.length > 0) {
    const verdictCells = [rangeA1(pastTop + 2, 4, shown.length, 1), rangeA1(pastTop + 2, 7, shown.length, 1)];
    const first = a1(pastTop + 2, 4);
    conditionalFormats.push(
      {
        ranges: verdictCells,
        formula: `=${first}=${quote(labels.ledger.met)}`,
        background: COLORS.good.background,
        color: COLORS.good.text,
      },
      {
        ranges: verdictCells,
        formula: `=${first}=${quote(labels.ledger.missed)}`,
        background: COLORS.bad.background,
        color: COLORS.bad.text,
      },
    );
  }

  // The chart's data: the month tab's daily columns, mirrored (ARRAYFORMULA of a range returns its values),
  // under their titles. The month tab leaves days after today blank or #N/A, which the chart skips.
  const data = DASHBOARD_LAYOUT.chartData;
  const days = 31;
  const titles = [labels.month.headers[0], labels.month.headers[2], labels.month.chartActual, labels.month.headers[3]];
  sheet.set(data.row - 1, data.column, { value: words.chartData, italic: true, color: COLORS.muted });
  MIRRORED_COLUMNS.forEach((column, offset) => {
    const source = `${tab}!${rangeA1(MONTH_LAYOUT.firstDayRow, column, days, 1, true)}`;
    sheet.set(data.row, data.column + offset, {
      value: titles[offset] ?? "",
      italic: true,
      color: COLORS.muted,
      wrap: true,
    });
    // Spilled values take the format of the cells they land in: every row of the column carries it.
    const format = offset === 0 ? formats.date : offset === 3 ? formats.count : formats.decimal;
    sheet.set(data.row + 1, data.column + offset, { formula: `ARRAYFORMULA(${source})`, color: COLORS.muted, format });
    for (let day = 2; day <= days; day++)
      sheet.set(data.row + day, data.column + offset, { color: COLORS.muted, format });
  });
  const series = (offset: number): string => rangeA1(data.row, data.column + offset, days + 1, 1);

  return {
    key: "dashboard",
    name: context.sheetNames.dashboard,
    tabColor: COLORS.header,
    frozenRows: 0,
    frozenColumns: 0,
    minRows: Math.max(pastTop + 2 + shown.length, data.row + days + 1) + 5,
    minColumns: data.column + MIRRORED_COLUMNS.length,
    // Figures left of the chart in 550 px: labels, two numbers, and a status or next step.
    columnWidths: [
      { column: 1, count: 1, width: 220 },
      { column: 2, count: 2, width: 100 },
      { column: 4, count: data.column + MIRRORED_COLUMNS.length - 4, width: 130 },
    ],
    blocks: [sheet.toBlock({ row: 1, column: 1 })],
    validations: [],
    conditionalFormats,
    charts: [
      {
        key: "pace",
        kind: "combo",
        title: labels.month.chartTitle(month),
        domain: series(0),
        series: [
          { range: series(1), type: "line", color: COLORS.goalLine, dashed: true },
          { range: series(2), type: "line", color: COLORS.marketing.strong },
          { range: series(3), type: "bars", color: "#aecbfa" },
        ],
        anchor: { row: DASHBOARD_LAYOUT.chart.row, column: DASHBOARD_LAYOUT.chart.column },
        width: DASHBOARD_LAYOUT.chart.width,
        height: DASHBOARD_LAYOUT.chart.height,
        vAxisTitle: labels.month.chartAxis,
        countAxes: [0],
      },
    ],
  };
}
