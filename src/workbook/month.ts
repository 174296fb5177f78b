/**
 * A month tab (named like `2026-12`): the month's inputs and lead goal, the
 * tracking metrics of method §3 with the recalculated close rate, deal size
 * and marketing share, a row per day with the pace against the goal (method
 * §4), an on-track status, and the pace chart.
 */
import { COLORS, daysIn, leadRange, monthStartFormula, type PlanContext } from "./context";
import {
  closeRateFormula,
  customersNeededFormula,
  dealSizeFormula,
  leadsNeededFormula,
  marketingShareFormula,
  quote,
  revenueGoalFormula,
} from "./formulas";
import { type Area, type Section, stack } from "./sections";
import { SheetBuilder, a1, rangeA1 } from "./sheetBuilder";
import type { CellSpec, ConditionalFormatPlan, SheetPlan } from "./types";

/** How a month's inputs are set: as agreed (named ranges), or values recalculated from the month before. */
import type { MonthInputs } from "../reconcile/storedState";
export type { MonthInputs };

/** Fixed positions on every month tab, read back when the next month starts. */
export const MONTH_LAYOUT = {
  inputs: {
    quota: 3,
    marketingShare: 4,
    avgDealSize: 5,
    closeRate: 6,
    revenueGoal: 7,
    customersNeeded: 8,
    goal: 9,
    status: 10,
  },
  metrics: {
    column: 5,
    leads: 3,
    won: 4,
    wonRevenue: 5,
    marketingRevenue: 6,
    totalRevenue: 7,
    cycle: 8,
    closeRate: 9,
    dealSize: 10,
    marketingShare: 11,
  },
  /** The pace chart sits between the figures and the days, where a screen shows it without scrolling sideways. */
  chart: { row: 13, column: 1, width: 900, height: 340 },
  headerRow: 31,
  firstDayRow: 32,
} as const;

/** The month tab's chart-only column: the cumulative actual the pace chart draws (chartActualFormula). */
const CHART_ACTUAL_COLUMN = 9;

/** The cell on a month tab that holds its lead goal, as the ledger refers to it. */
export const MONTH_GOAL_CELL = a1(MONTH_LAYOUT.inputs.goal, 2, true);

/**
 * Leads handed off on each day of `days` (the column of the month's days):
 * the whole days of the month's hand-offs, counted per day by FREQUENCY
 * (each day counts the days after the one before it, up to itself). One
 * pass over the log for the whole month, where a COUNTIFS per day made one
 * per day. With no lead in the month the FILTER is an error, and the day
 * after the month left in its place falls into FREQUENCY's last row (days
 * after the last), which is cut off: no reliance on how FREQUENCY treats text.
 * `handedOff` is the lead log's hand-off column.
 */
export function dailyLeadsFormula(days: string, count: number, handedOff: string): string {
  // LET names the hand-off column once: FILTER reads it three times.
  const inMonth = `FILTER(handed_off,handed_off>=first_day,handed_off<first_day+${count})`;
  // Days after today are blank, not 0: nothing has been delivered on them yet, and the chart draws no bar there.
  return `LET(handed_off,${handedOff},first_day,MIN(${days}),ARRAYFORMULA(IF(${days}>TODAY(),"",ARRAY_CONSTRAIN(FREQUENCY(IFERROR(INT(${inMonth}),first_day+${count}),${days}),${count},1))))`;
}

/**
 * The running total of `counts` per day of `days` (blanks count 0), blank after today: one
 * formula for the column (a days × days lower-triangular matrix of 1s times
 * the counts), as the daily counts it adds up fill their column from one
 * formula too. (HyperFormula also fails to rebuild growing SUM($D$14:D15)
 * ranges over an array formula's cells.)
 */
export function runningTotalFormula(days: string, counts: string): string {
  const n = `ROWS(${days})`;
  return `ARRAYFORMULA(IF(${days}>TODAY(),"",MMULT((SEQUENCE(${n})>=TRANSPOSE(SEQUENCE(${n})))*1,IF(ISNUMBER(${counts}),${counts},0))))`;
}

/**
 * The cumulative actual for the chart: the running total up to today and
 * #N/A after it, which line charts in Sheets skip, so the line stops at
 * today. The table's own column shows blanks there; whether a chart draws a
 * formula's "" as a gap or as zero is not documented.
 */
export function chartActualFormula(runningTotal: string): string {
  return `ARRAYFORMULA(IF(ISNUMBER(${runningTotal}),${runningTotal},NA()))`;
}

/** The words of a month's status, in the workbook's language. */
export interface PaceWords {
  readonly notStarted: string;
  readonly tooEarly: string;
  readonly onTrack: string;
  readonly atRisk: string;
  readonly behind: string;
  readonly met: string;
  readonly missed: string;
}

/**
 * A month's status (method §4). Before the month: not started. Once it has
 * ended: goal met or missed. While it runs, from the leads delivered so far
 * against the goal of the days that have passed (k − 1 of n on day k):
 * on track from 100 %, at risk from the tolerance, else behind; on its first
 * day no day has passed, so no verdict yet. Comparisons, not a division, so
 * a goal of 0 is on track rather than an error. `start` is the month's first
 * day, `goal` the month's lead goal, `delivered` the leads handed off in it,
 * `tolerance` a fraction, `today` today's date.
 */
export function paceStatusFormula(
  refs: { start: string; days: number; goal: string; delivered: string; tolerance: string; today: string },
  words: PaceWords,
): string {
  const { start, days, goal, delivered, tolerance, today } = refs;
  const goalPassed = `(DAY(${today})-1)*${goal}/${days}`;
  const running = `IF(${delivered}>=${goalPassed},${quote(words.onTrack)},IF(${delivered}>=${tolerance}*${goalPassed},${quote(words.atRisk)},${quote(words.behind)}))`;
  return (
    `IF(${today}<${start},${quote(words.notStarted)},` +
    `IF(${today}>=EOMONTH(${start},0)+1,IF(${delivered}>=${goal},${quote(words.met)},${quote(words.missed)}),` +
    `IF(${today}<${start}+1,${quote(words.tooEarly)},${running})))`
  );
}

/** What a month tab's sections share. */
interface MonthTab {
  readonly context: PlanContext;
  readonly month: string;
  readonly inputs: MonthInputs;
  /** Days in the month. */
  readonly days: number;
  /** The first day's date cell, and the day after the month, for criteria on the lead log. */
  readonly start: string;
  readonly end: string;
  /** The month's lead goal. */
  readonly goal: string;
  /** The daily leads column, absolute. */
  readonly dailyLeads: string;
}

const CALCULATED: CellSpec = { background: COLORS.calculated };

/** A label in column A and its cell in column B. */
type Figure = readonly [label: CellSpec, cell: CellSpec];

/**
 * The month's inputs (agreed names, or values recalculated from the month
 * before) and the goal they give; rows 1 and 2 of `area` hold the title and
 * where the inputs came from, the figures follow from row 2 in MONTH_LAYOUT's order.
 */
function placeInputs({ context, month, inputs }: MonthTab, area: Area): void {
  const { labels, formats } = context;
  const recalc = inputs.mode === "recalculated" ? inputs : undefined;
  const input = (agreed: string, recalculated: number | undefined, format: string): CellSpec => ({
    ...(recalculated !== undefined ? { value: recalculated } : { formula: agreed }),
    format,
    background: COLORS.marketing.light,
  });
  const b = (row: number): string => a1(row, 2, true);
  const L = MONTH_LAYOUT.inputs;
  const rows: Record<Exclude<keyof typeof L, "status">, Figure> = {
    quota: [{ value: labels.inputs.quota }, input("Quota", undefined, formats.money)],
    marketingShare: [
      { value: labels.inputs.marketingShare },
      input("MarketingShare", recalc?.marketingShare, formats.percent),
    ],
    avgDealSize: [{ value: labels.inputs.avgDealSize }, input("AvgDealSize", recalc?.avgDealSize, formats.money)],
    closeRate: [{ value: labels.inputs.closeRate }, input("CloseRate", recalc?.closeRate, formats.percent)],
    revenueGoal: [
      { value: labels.inputs.revenueGoal },
      { ...CALCULATED, formula: revenueGoalFormula(b(L.quota), b(L.marketingShare)), format: formats.money },
    ],
    customersNeeded: [
      { value: labels.inputs.customersNeeded },
      { ...CALCULATED, formula: customersNeededFormula(b(L.revenueGoal), b(L.avgDealSize)), format: formats.count },
    ],
    goal: [
      { value: labels.month.goal, bold: true },
      {
        ...CALCULATED,
        formula: leadsNeededFormula(b(L.customersNeeded), b(L.closeRate)),
        format: formats.count,
        bold: true,
      },
    ],
  };
  area.set(0, 1, { value: labels.month.title(month), bold: true });
  area.set(1, 1, { value: labels.month.inputs, bold: true });
  area.set(1, 2, {
    value: inputs.mode === "agreed" ? labels.month.agreed : `${labels.month.recalculated} (${inputs.from})`,
    italic: true,
    color: COLORS.muted,
  });
  for (const [key, [label, cell]] of Object.entries(rows))
    area.line(L[key as keyof typeof rows] - area.top, 1, [label, cell]);
  if (!recalc) return;
  // A goal from actuals more than twice or less than half the agreed one says so beside it.
  const goal = b(L.goal);
  const far = `AND(LeadsNeeded>0,OR(${goal}>2*LeadsNeeded,${goal}<LeadsNeeded/2))`;
  area.set(L.goal - area.top, 3, {
    formula: `IF(${far},${labels.month.farFromAgreed("LeadsNeeded").slice(1)},"")`,
    bold: true,
    color: COLORS.bad.text,
  });
}

/** The month's status against its pace (paceStatusFormula), with the tolerance beside it; returns the status cell. */
function placeStatus({ context, start, days, goal, dailyLeads }: MonthTab, area: Area): string {
  const { labels, formats } = context;
  const row = MONTH_LAYOUT.inputs.status - area.top;
  area.set(row, 1, { value: labels.month.status, bold: true });
  // The tolerance beside the status it sets: pace from it up to 100 % is at risk, below it behind.
  area.set(row, 3, { value: labels.month.behindBelow, italic: true, color: COLORS.muted });
  area.set(row, 4, { ...CALCULATED, value: context.config.marketing.paceTolerance, format: formats.percent });
  return area.set(row, 2, {
    ...CALCULATED,
    bold: true,
    formula: paceStatusFormula(
      { start, days, goal, delivered: `SUM(${dailyLeads})`, tolerance: area.a1(row, 4, true), today: "TODAY()" },
      labels.month,
    ),
  });
}

/** Tracking metrics, method §3, in columns E and F from the top of `area`. */
function placeMetrics({ context, month, start, end, dailyLeads }: MonthTab, area: Area): void {
  const { labels, formats } = context;
  const m = MONTH_LAYOUT.metrics;
  const words = labels.month.metricLabels;
  const e = (row: number): string => a1(row, m.column + 1, true);
  const inMonth = (range: string): string => `${range},">="&${start},${range},"<"&${end}`;
  // One formula reads the lead log through named ranges only or literal ranges only, so the columns it pairs
  // row by row have one size however a name is bounded; names where every column it reads has one (the engine
  // fetches a named column once for every formula), literal ranges alike where one has none.
  const handedOff = "Leads_HandedOff";
  const closedOn = leadRange(context, "closedOn");
  const created = leadRange(context, "created");
  const customer = leadRange(context, "customer");
  const figure = (label: string, cell: CellSpec): Figure => [{ value: label }, { ...CALCULATED, ...cell }];
  const rows: Record<Exclude<keyof typeof m, "column">, Figure> = {
    // The daily counts below add up to the month's: no second pass over the log.
    leads: figure(words.leads, { formula: `SUM(${dailyLeads})`, format: formats.count }),
    won: figure(words.won, { formula: `COUNTIFS(${inMonth(handedOff)},Leads_Customer,TRUE)`, format: formats.count }),
    wonRevenue: figure(words.wonRevenue, {
      formula: `SUMIFS(Leads_Revenue,${inMonth(handedOff)},Leads_Customer,TRUE)`,
      format: formats.money,
    }),
    marketingRevenue: figure(words.marketingRevenue, {
      formula: `SUMIFS(${leadRange(context, "revenue")},${inMonth(closedOn)},${customer},TRUE)`,
      format: formats.money,
    }),
    totalRevenue: [
      { value: words.totalRevenue, bold: true },
      { value: "", format: formats.money, background: COLORS.marketing.light, input: { key: `totalRevenue|${month}` } },
    ],
    cycle: figure(words.cycle, {
      // Closed minus created is arithmetic on columns: inside ARRAYFORMULA, not left to FILTER.
      formula: `ARRAYFORMULA(IFERROR(AVERAGE(FILTER(${closedOn}-${created},${closedOn}>=${start},${closedOn}<${end},${customer}=TRUE,ISNUMBER(${created}))),""))`,
      format: formats.decimal,
    }),
    closeRate: figure(words.closeRate, {
      formula: closeRateFormula(e(m.won), e(m.leads)),
      format: formats.percent,
      bold: true,
    }),
    dealSize: figure(words.dealSize, {
      formula: dealSizeFormula(e(m.wonRevenue), e(m.won)),
      format: formats.money,
      bold: true,
    }),
    marketingShare: figure(words.marketingShare, {
      formula: marketingShareFormula(e(m.marketingRevenue), e(m.totalRevenue)),
      format: formats.percent,
      bold: true,
    }),
  };
  area.set(0, m.column, { value: labels.month.metrics, bold: true });
  for (const [key, cells] of Object.entries(rows)) area.line(m[key as keyof typeof rows] - area.top, m.column, cells);
}

/** Inputs, goal and status in columns A to D, the metrics beside them in E and F; returns the status cell. */
function figuresSection(tab: MonthTab): Section<string> {
  return {
    rows: MONTH_LAYOUT.metrics.marketingShare,
    place: (area) => {
      placeInputs(tab, area);
      placeMetrics(tab, area.below(1));
      return placeStatus(tab, area);
    },
  };
}

/** Room for the pace chart, between the figures and the days, where a screen shows it without scrolling sideways. */
function chartSection(): Section<number> {
  return { rows: MONTH_LAYOUT.headerRow - MONTH_LAYOUT.chart.row, gap: 1, place: (area) => area.top };
}

/**
 * One day's row: date, goal per day, cumulative goal, leads, cumulative actual, ahead or behind, pace, note,
 * and the chart's cumulative actual. The first day's row holds the formulas that fill the leads, cumulative
 * actual and chart columns (`fills`).
 */
function dayCells(
  { context, month, days, goal }: MonthTab,
  area: Area,
  day: number,
  fills?: { leads: string; total: string; chart: string },
): CellSpec[] {
  const { formats } = context;
  const at = (column: number): string => area.a1(day, column);
  const actual = at(5);
  const target = at(3);
  return [
    { formula: day === 1 ? monthStartFormula(month) : `${area.a1(day - 1, 1)}+1`, format: formats.date },
    { ...CALCULATED, formula: `${goal}/${days}`, format: formats.decimal },
    { ...CALCULATED, formula: `DAY(${at(1)})*${goal}/${days}`, format: formats.decimal },
    // Leads handed off per day: one formula in the first day's row fills the column (dailyLeadsFormula).
    { ...CALCULATED, ...(fills && { formula: fills.leads }), format: formats.count },
    // Blank after today, so the actual line stops at today (method §4).
    { ...CALCULATED, ...(fills && { formula: fills.total }), format: formats.count },
    { ...CALCULATED, formula: `IF(${actual}="","",${actual}-${target})`, format: formats.decimal },
    { ...CALCULATED, formula: `IF(${actual}="","",IF(${target}>0,${actual}/${target},""))`, format: formats.percent },
    { value: "", input: { key: `note|${month}-${String(day).padStart(2, "0")}` } },
    // Chart-only: the cumulative actual with #N/A after today (chartActualFormula).
    { ...CALCULATED, format: formats.count, color: COLORS.muted, italic: true, ...(fills && { formula: fills.chart }) },
  ];
}

/** Daily pace: the header, then a row per day; the first day's row holds the formulas that fill whole columns. */
function daysSection(tab: MonthTab): Section {
  const { context, days } = tab;
  const { labels } = context;
  const header = (value: string, background: string): CellSpec => ({
    value,
    bold: true,
    background,
    color: COLORS.headerText,
    wrap: true,
  });
  return {
    rows: 1 + days,
    gap: 0,
    place: (area) => {
      area.line(
        0,
        1,
        labels.month.headers.map((title) => header(title, COLORS.header)),
      );
      area.set(0, CHART_ACTUAL_COLUMN, header(labels.month.chartActual, COLORS.muted));
      const column = (index: number): string => area.range(1, index, days, 1, true);
      const fills = {
        leads: dailyLeadsFormula(column(1), days, "Leads_HandedOff"),
        total: runningTotalFormula(column(1), column(4)),
        chart: chartActualFormula(column(5)),
      };
      for (let day = 1; day <= days; day++) area.line(day, 1, dayCells(tab, area, day, day === 1 ? fills : undefined));
    },
  };
}

/** The status colours: on track or met good, at risk a warning, behind or missed bad; days behind in red. */
function monthFormats(labels: PlanContext["labels"], status: string, days: number): ConditionalFormatPlan[] {
  const is = (word: string): string => `${status}=${quote(word)}`;
  const words = labels.month;
  const good = { background: COLORS.good.background, color: COLORS.good.text };
  const first = a1(MONTH_LAYOUT.firstDayRow, 6);
  return [
    { ranges: [status], formula: `=${is(words.onTrack)}`, ...good },
    { ranges: [status], formula: `=${is(words.met)}`, ...good },
    { ranges: [status], formula: `=${is(words.atRisk)}`, background: COLORS.warn.background, color: COLORS.warn.text },
    {
      ranges: [status],
      formula: `=OR(${is(words.behind)},${is(words.missed)})`,
      background: COLORS.bad.background,
      color: COLORS.bad.text,
    },
    {
      ranges: [rangeA1(MONTH_LAYOUT.firstDayRow, 6, days, 1)],
      formula: `=AND(${first}<>"",${first}<0)`,
      color: COLORS.bad.text,
    },
  ];
}

export function planMonth(context: PlanContext, month: string, inputs: MonthInputs): SheetPlan {
  const { labels } = context;
  const n = daysIn(month);
  const L = MONTH_LAYOUT;
  const start = a1(L.firstDayRow, 1, true);
  const tab: MonthTab = {
    context,
    month,
    inputs,
    days: n,
    start,
    end: `(EOMONTH(${start},0)+1)`,
    goal: MONTH_GOAL_CELL,
    dailyLeads: rangeA1(L.firstDayRow, 4, n, 1, true),
  };
  const sheet = new SheetBuilder();
  const {
    placed: [status, chartRow],
  } = stack(sheet, [figuresSection(tab), chartSection(), daysSection(tab)], { gap: 1 });
  const range = (column: number): string => rangeA1(L.headerRow, column, n + 1, 1);
  return {
    key: `month:${month}`,
    name: month,
    tabColor: COLORS.marketing.strong,
    frozenRows: 0,
    frozenColumns: 0,
    minRows: Math.max(L.firstDayRow + n - 1, 45) + 5,
    minColumns: 20,
    // Wide enough for every label on one line; the metric labels share column E with the cumulative actual.
    columnWidths: [
      { column: 1, count: 1, width: 250 },
      { column: 2, count: 3, width: 125 },
      { column: 5, count: 1, width: 210 },
      { column: 6, count: 2, width: 115 },
      { column: 8, count: 2, width: 180 },
    ],
    blocks: [sheet.toBlock({ row: 1, column: 1 })],
    validations: [
      {
        range: a1(L.metrics.totalRevenue, L.metrics.column + 1),
        rule: { kind: "numberAtLeast", min: 0 },
        helpText: labels.month.metricLabels.totalRevenue,
      },
    ],
    conditionalFormats: monthFormats(labels, status, n),
    charts: [
      {
        key: "pace",
        kind: "combo",
        title: labels.month.chartTitle(month),
        domain: range(1),
        series: [
          { range: range(3), type: "line", color: COLORS.goalLine, dashed: true },
          { range: range(CHART_ACTUAL_COLUMN), type: "line", color: COLORS.marketing.strong },
          { range: range(4), type: "bars", color: "#aecbfa" },
        ],
        anchor: { row: chartRow, column: L.chart.column },
        width: L.chart.width,
        height: L.chart.height,
        vAxisTitle: labels.month.chartAxis,
        countAxes: [0],
      },
    ],
  };
}
