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
import { type Area, type Section, stack } from "./sections";
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

/** What the Dashboard's sections share. */
interface DashboardTab {
  readonly context: PlanContext;
  readonly input: DashboardInput;
  readonly words: PlanContext["labels"]["dashboard"];
  /** The dashboard's month (the newest tab) and its tab, quoted. */
  readonly month: string;
  readonly monthTab: string;
  /** A cell of the Follow-up tab's row for a month. */
  followUpCell(forMonth: string, column: number): string;
}

const CALCULATED: CellSpec = { background: COLORS.calculated };

/** A dark bar with a title over the first `lastColumn` columns. */
function placeBand(area: Area, title: string, lastColumn: number): void {
  area.set(0, 1, { value: title, bold: true, background: COLORS.header, color: COLORS.headerText });
  for (let column = 2; column <= lastColumn; column++) area.set(0, column, { background: COLORS.header });
}

/** A row of column titles on grey; "" leaves a grey cell without a title. */
function placeColumnTitles(area: Area, offset: number, titles: readonly string[]): void {
  area.line(
    offset,
    1,
    titles.map(
      (title): CellSpec =>
        title === ""
          ? { background: COLORS.calculated }
          : { value: title, bold: true, background: COLORS.calculated, wrap: true },
    ),
  );
}

/** Verdict colours: `good` and `bad` are the conditions for green and red. */
function verdictColors(ranges: string[], good: string, bad: string): ConditionalFormatPlan[] {
  return [
    { ranges, formula: good, background: COLORS.good.background, color: COLORS.good.text },
    { ranges, formula: bad, background: COLORS.bad.background, color: COLORS.bad.text },
  ];
}

function titleSection({ words, month }: DashboardTab): Section {
  return {
    rows: 2,
    place: (area) => {
      area.set(0, 1, { value: `${words.title}: ${month}`, bold: true });
      area.set(1, 1, { value: words.subtitle(month), italic: true, color: COLORS.muted });
    },
  };
}

/** Lead pace, from the month tab: delivered against the goal, the pace so far, the status. */
function paceSection({ context, words, month, monthTab }: DashboardTab): Section<ConditionalFormatPlan[]> {
  const { formats, labels } = context;
  const delivered = `${monthTab}!${a1(MONTH_LAYOUT.metrics.leads, MONTH_LAYOUT.metrics.column + 1, true)}`;
  const goal = `${monthTab}!${a1(MONTH_LAYOUT.inputs.goal, 2, true)}`;
  // The month tab's running goal up to yesterday (paceStatusFormula): a day counts once it has passed.
  const start = monthStartFormula(month);
  const passed = `MAX(0,MIN(EOMONTH(${start},0)+1,TODAY())-${start})`;
  return {
    rows: 5,
    place: (area) => {
      placeBand(area, words.pace, 4);
      placeColumnTitles(area, 1, ["", words.actual, words.goal, words.status]);
      const status = area.set(2, 4, {
        ...CALCULATED,
        bold: true,
        formula: `${monthTab}!${a1(MONTH_LAYOUT.inputs.status, 2, true)}`,
      });
      area.line(2, 1, [
        { value: words.delivered },
        { ...CALCULATED, formula: delivered, format: formats.count, bold: true },
        { ...CALCULATED, formula: goal, format: formats.count },
      ]);
      area.line(3, 1, [
        { value: words.expected },
        { ...CALCULATED, formula: `${goal}*${passed}/DAY(EOMONTH(${start},0))`, format: formats.decimal },
      ]);
      area.line(4, 1, [
        { value: words.paceShare },
        {
          ...CALCULATED,
          formula: `IF(${area.a1(3, 2)}>0,${area.a1(2, 2)}/${area.a1(3, 2)},"")`,
          format: formats.percent,
        },
        { ...CALCULATED, value: 1, format: formats.percent },
      ]);
      const is = (word: string): string => `${status}=${quote(word)}`;
      const pace = labels.month;
      return [
        {
          ranges: [status],
          formula: `=OR(${is(pace.onTrack)},${is(pace.met)})`,
          background: COLORS.good.background,
          color: COLORS.good.text,
        },
        {
          ranges: [status],
          formula: `=${is(pace.atRisk)}`,
          background: COLORS.warn.background,
          color: COLORS.warn.text,
        },
        {
          ranges: [status],
          formula: `=OR(${is(pace.behind)},${is(pace.missed)})`,
          background: COLORS.bad.background,
          color: COLORS.bad.text,
        },
      ];
    },
  };
}

/** Sales follow-up, from the Follow-up tab's row for the month: speed, share within the goal, overdue, depth. */
function followUpSection({ context, words, month, followUpCell }: DashboardTab): Section<ConditionalFormatPlan[]> {
  const { formats } = context;
  const C = FOLLOW_UP_LAYOUT.columns;
  const hours = formats.hours;
  const overdue = `${sheetRef(context.sheetNames.followUp)}!${a1(FOLLOW_UP_LAYOUT.monthHeaderRow - 1, C.average, true)}`;
  // Label, figure, goal and verdict of each row.
  const figures: [string, CellSpec, CellSpec?, string?][] = [
    [
      words.median,
      { formula: followUpCell(month, C.median), format: hours, bold: true },
      { formula: "FollowUpGoalHours", format: hours },
      followUpCell(month, C.speedMet),
    ],
    [words.p90, { formula: followUpCell(month, C.p90), format: hours }],
    [words.withinGoal, { formula: followUpCell(month, C.withinGoal), format: formats.percent }],
    [words.overdue, { formula: overdue, format: formats.count }, { value: 0, format: formats.count }],
    [
      words.depth,
      { formula: followUpCell(month, C.depth), format: formats.decimal, bold: true },
      { formula: "FollowUpGoalAttempts", format: formats.decimal },
      followUpCell(month, C.depthMet),
    ],
  ];
  return {
    rows: 2 + figures.length,
    place: (area) => {
      placeBand(area, words.followUp, 4);
      placeColumnTitles(area, 1, ["", words.actual, words.goal, words.status]);
      figures.forEach(([label, cell, goal, verdict], index) =>
        area.line(2 + index, 1, [
          { value: label },
          { ...CALCULATED, ...cell },
          goal && { ...CALCULATED, ...goal },
          verdict === undefined ? undefined : { ...CALCULATED, bold: true, formula: verdict },
        ]),
      );
      const first = area.a1(2, 4);
      const overdueCell = area.a1(5, 2);
      return [
        ...verdictColors([area.range(2, 4, figures.length, 1)], `=LEFT(${first},1)="✓"`, `=LEFT(${first},1)="✗"`),
        {
          ranges: [overdueCell],
          formula: `=N(${overdueCell})>0`,
          background: COLORS.bad.background,
          color: COLORS.bad.text,
        },
      ];
    },
  };
}

/** Strikes: the misses ledger's count for the month, and how far each party is from escalation. */
function strikesSection({ context, input, words, month }: DashboardTab): Section<ConditionalFormatPlan[]> {
  const { config, formats } = context;
  const parties = config.parties.filter((party) => party.id !== "service" || input.ledger.has(`${month}|service`));
  const limit = config.missedGoals.strikesBeforeEscalation;
  return {
    rows: 2 + parties.length,
    place: (area) => {
      placeBand(area, words.strikes, 4);
      placeColumnTitles(area, 1, ["", words.strikesSoFar, words.escalateAt, words.nextStep]);
      parties.forEach((party, index) => {
        const cells = input.ledger.get(`${month}|${party.id}`);
        const left = `${area.a1(2 + index, 3)}-${area.a1(2 + index, 2)}`;
        const escalated = cells ? `${cells.escalation}<>""` : "FALSE";
        area.line(2 + index, 1, [
          { text: party.name, background: COLORS[party.id as PartyId].light },
          { ...CALCULATED, formula: cells ? `N(${cells.strikes})` : "0", format: formats.count, bold: true },
          { ...CALCULATED, value: limit, format: formats.count },
          {
            ...CALCULATED,
            formula: `IF(OR(${escalated},${left}<=0),${quote(words.escalateNow)},${words.missesLeft(`(${left})`)})`,
          },
        ]);
      });
      return [
        {
          ranges: [area.range(2, 4, parties.length, 1)],
          formula: `=${area.a1(2, 4)}=${quote(words.escalateNow)}`,
          background: COLORS.bad.background,
          color: COLORS.bad.text,
          bold: true,
        },
      ];
    },
  };
}

/** The last months, oldest first, ending with the dashboard's month: leads against the goal, speed, verdicts. */
function pastMonthsSection({ context, input, words, followUpCell }: DashboardTab): Section<ConditionalFormatPlan[]> {
  const { labels, formats } = context;
  const C = FOLLOW_UP_LAYOUT.columns;
  const shown = [...input.months].reverse().slice(-DASHBOARD_LAYOUT.pastMonths);
  return {
    rows: 2 + shown.length,
    place: (area) => {
      placeBand(area, words.pastMonths, words.pastHeaders.length);
      placeColumnTitles(area, 1, words.pastHeaders);
      shown.forEach((past, index) => {
        const marketing = input.ledger.get(`${past}|marketing`);
        const sales = input.ledger.get(`${past}|sales`);
        area.line(2 + index, 1, [
          { formula: monthStartFormula(past), format: "mmmm yyyy" },
          { ...CALCULATED, formula: followUpCell(past, C.handed), format: formats.count },
          { ...CALCULATED, formula: marketing ? marketing.goal : "LeadsNeeded", format: formats.count },
          { ...CALCULATED, bold: true, formula: marketing ? marketing.met : '""' },
          { ...CALCULATED, formula: followUpCell(past, C.median), format: formats.hours },
          { ...CALCULATED, formula: followUpCell(past, C.withinGoal), format: formats.percent },
          { ...CALCULATED, bold: true, formula: sales ? sales.met : '""' },
        ]);
      });
      if (shown.length === 0) return [];
      const first = area.a1(2, 4);
      const verdicts = [area.range(2, 4, shown.length, 1), area.range(2, 7, shown.length, 1)];
      return verdictColors(
        verdicts,
        `=${first}=${quote(labels.ledger.met)}`,
        `=${first}=${quote(labels.ledger.missed)}`,
      );
    },
  };
}

/**
 * The chart's data: the month tab's daily columns, mirrored (ARRAYFORMULA of a range returns its values),
 * under their titles, right of everything else. The month tab leaves days after today blank or #N/A, which
 * the chart skips. Returns a series' range by its offset from the first column.
 */
function chartDataSection({ context, words, monthTab }: DashboardTab): Section<(offset: number) => string> {
  const { labels, formats } = context;
  const { column } = DASHBOARD_LAYOUT.chartData;
  const days = 31;
  const titles = [labels.month.headers[0], labels.month.headers[2], labels.month.chartActual, labels.month.headers[3]];
  return {
    rows: 2 + days,
    place: (area) => {
      area.set(0, column, { value: words.chartData, italic: true, color: COLORS.muted });
      MIRRORED_COLUMNS.forEach((source, offset) => {
        const range = `${monthTab}!${rangeA1(MONTH_LAYOUT.firstDayRow, source, days, 1, true)}`;
        area.set(1, column + offset, { value: titles[offset] ?? "", italic: true, color: COLORS.muted, wrap: true });
        // Spilled values take the format of the cells they land in: every row of the column carries it.
        const format = offset === 0 ? formats.date : offset === 3 ? formats.count : formats.decimal;
        area.set(2, column + offset, { formula: `ARRAYFORMULA(${range})`, color: COLORS.muted, format });
        for (let day = 2; day <= days; day++) area.set(1 + day, column + offset, { color: COLORS.muted, format });
      });
      return (offset) => area.range(1, column + offset, days + 1, 1);
    },
  };
}

export function planDashboard(context: PlanContext, input: DashboardInput): SheetPlan {
  const { labels } = context;
  const allMonths = slaMonths(context.config);
  const month = input.months[0] ?? context.config.startMonth;
  const followUp = sheetRef(context.sheetNames.followUp);
  const tab: DashboardTab = {
    context,
    input,
    words: labels.dashboard,
    month,
    monthTab: sheetRef(month),
    followUpCell: (forMonth, column) =>
      `${followUp}!${a1(FOLLOW_UP_LAYOUT.firstMonthRow + allMonths.indexOf(forMonth), column, true)}`,
  };
  const sheet = new SheetBuilder();
  const figures = stack(
    sheet,
    [titleSection(tab), paceSection(tab), followUpSection(tab), strikesSection(tab), pastMonthsSection(tab)],
    { gap: 1 },
  );
  const data = stack(sheet, [chartDataSection(tab)], { top: DASHBOARD_LAYOUT.chartData.row - 1 });
  const [series] = data.placed;
  const lastColumn = DASHBOARD_LAYOUT.chartData.column + MIRRORED_COLUMNS.length;
  return {
    key: "dashboard",
    name: context.sheetNames.dashboard,
    tabColor: COLORS.header,
    frozenRows: 0,
    frozenColumns: 0,
    minRows: Math.max(figures.next, data.next) + 5,
    minColumns: lastColumn,
    // Figures left of the chart in 550 px: labels, two numbers, and a status or next step.
    columnWidths: [
      { column: 1, count: 1, width: 220 },
      { column: 2, count: 2, width: 100 },
      { column: 4, count: lastColumn - 4, width: 130 },
    ],
    blocks: [sheet.toBlock({ row: 1, column: 1 })],
    validations: [],
    conditionalFormats: figures.placed.flatMap((formats) => formats ?? []),
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
