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
import { SheetBuilder, a1, rangeA1 } from "./sheetBuilder";
import type { CellSpec, SheetPlan } from "./types";

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

export function planMonth(context: PlanContext, month: string, inputs: MonthInputs): SheetPlan {
  const { labels, formats } = context;
  const sheet = new SheetBuilder();
  const n = daysIn(month);
  const L = MONTH_LAYOUT;
  const calculated: CellSpec = { background: COLORS.calculated };
  const start = a1(L.firstDayRow, 1, true);
  const end = `(EOMONTH(${start},0)+1)`;
  const inMonth = (range: string): string => `${range},">="&${start},${range},"<"&${end}`;

  sheet.set(1, 1, { value: labels.month.title(month), bold: true });
  sheet.set(2, 1, { value: labels.month.inputs, bold: true });
  sheet.set(2, 2, {
    value: inputs.mode === "agreed" ? labels.month.agreed : `${labels.month.recalculated} (${inputs.from})`,
    italic: true,
    color: COLORS.muted,
  });

  const input = (
    row: number,
    label: string,
    agreed: string,
    recalculated: number | undefined,
    format: string,
  ): void => {
    sheet.set(row, 1, { value: label });
    const cell: CellSpec =
      inputs.mode === "recalculated" && recalculated !== undefined ? { value: recalculated } : { formula: agreed };
    sheet.set(row, 2, { ...cell, format, background: COLORS.marketing.light });
  };
  const recalc = inputs.mode === "recalculated" ? inputs : undefined;
  sheet.set(L.inputs.quota, 1, { value: labels.inputs.quota });
  sheet.set(L.inputs.quota, 2, { formula: "Quota", format: formats.money, background: COLORS.marketing.light });
  input(
    L.inputs.marketingShare,
    labels.inputs.marketingShare,
    "MarketingShare",
    recalc?.marketingShare,
    formats.percent,
  );
  input(L.inputs.avgDealSize, labels.inputs.avgDealSize, "AvgDealSize", recalc?.avgDealSize, formats.money);
  input(L.inputs.closeRate, labels.inputs.closeRate, "CloseRate", recalc?.closeRate, formats.percent);
  const b = (row: number): string => a1(row, 2, true);
  sheet.set(L.inputs.revenueGoal, 1, { value: labels.inputs.revenueGoal });
  sheet.set(L.inputs.revenueGoal, 2, {
    ...calculated,
    formula: revenueGoalFormula(b(L.inputs.quota), b(L.inputs.marketingShare)),
    format: formats.money,
  });
  sheet.set(L.inputs.customersNeeded, 1, { value: labels.inputs.customersNeeded });
  sheet.set(L.inputs.customersNeeded, 2, {
    ...calculated,
    formula: customersNeededFormula(b(L.inputs.revenueGoal), b(L.inputs.avgDealSize)),
    format: formats.count,
  });
  sheet.set(L.inputs.goal, 1, { value: labels.month.goal, bold: true });
  sheet.set(L.inputs.goal, 2, {
    ...calculated,
    formula: leadsNeededFormula(b(L.inputs.customersNeeded), b(L.inputs.closeRate)),
    format: formats.count,
    bold: true,
  });
  const goal = b(L.inputs.goal);
  if (inputs.mode === "recalculated") {
    // A goal from actuals more than twice or less than half the agreed one says so beside it.
    const far = `AND(LeadsNeeded>0,OR(${goal}>2*LeadsNeeded,${goal}<LeadsNeeded/2))`;
    sheet.set(L.inputs.goal, 3, {
      formula: `IF(${far},${labels.month.farFromAgreed("LeadsNeeded").slice(1)},"")`,
      bold: true,
      color: COLORS.bad.text,
    });
  }

  // Tracking metrics, method §3.
  const m = L.metrics;
  const e = (row: number): string => a1(row, m.column + 1, true);
  // One formula reads the lead log through named ranges only or literal ranges only, so the columns it pairs
  // row by row have one size however a name is bounded; names where every column it reads has one (the engine
  // fetches a named column once for every formula), literal ranges alike where one has none.
  const handedOff = "Leads_HandedOff";
  const closedOn = leadRange(context, "closedOn");
  const created = leadRange(context, "created");
  const customer = leadRange(context, "customer");
  const revenue = leadRange(context, "revenue");
  const named = { customer: "Leads_Customer", revenue: "Leads_Revenue" };
  const metric = (row: number, label: string, cell: CellSpec): void => {
    sheet.set(row, m.column, { value: label });
    sheet.set(row, m.column + 1, { ...calculated, ...cell });
  };
  sheet.set(2, m.column, { value: labels.month.metrics, bold: true });
  // The daily counts below add up to the month's: no second pass over the log.
  metric(m.leads, labels.month.metricLabels.leads, {
    formula: `SUM(${rangeA1(L.firstDayRow, 4, n, 1, true)})`,
    format: formats.count,
  });
  metric(m.won, labels.month.metricLabels.won, {
    formula: `COUNTIFS(${inMonth(handedOff)},${named.customer},TRUE)`,
    format: formats.count,
  });
  metric(m.wonRevenue, labels.month.metricLabels.wonRevenue, {
    formula: `SUMIFS(${named.revenue},${inMonth(handedOff)},${named.customer},TRUE)`,
    format: formats.money,
  });
  metric(m.marketingRevenue, labels.month.metricLabels.marketingRevenue, {
    formula: `SUMIFS(${revenue},${inMonth(closedOn)},${customer},TRUE)`,
    format: formats.money,
  });
  sheet.set(m.totalRevenue, m.column, { value: labels.month.metricLabels.totalRevenue, bold: true });
  sheet.set(m.totalRevenue, m.column + 1, {
    value: "",
    format: formats.money,
    background: COLORS.marketing.light,
    input: { key: `totalRevenue|${month}` },
  });
  metric(m.cycle, labels.month.metricLabels.cycle, {
    // Closed minus created is arithmetic on columns: inside ARRAYFORMULA, not left to FILTER.
    formula: `ARRAYFORMULA(IFERROR(AVERAGE(FILTER(${closedOn}-${created},${closedOn}>=${start},${closedOn}<${end},${customer}=TRUE,ISNUMBER(${created}))),""))`,
    format: formats.decimal,
  });
  metric(m.closeRate, labels.month.metricLabels.closeRate, {
    formula: closeRateFormula(e(m.won), e(m.leads)),
    format: formats.percent,
    bold: true,
  });
  metric(m.dealSize, labels.month.metricLabels.dealSize, {
    formula: dealSizeFormula(e(m.wonRevenue), e(m.won)),
    format: formats.money,
    bold: true,
  });
  metric(m.marketingShare, labels.month.metricLabels.marketingShare, {
    formula: marketingShareFormula(e(m.marketingRevenue), e(m.totalRevenue)),
    format: formats.percent,
    bold: true,
  });

  // Daily pace.
  const header = L.headerRow;
  sheet.row(
    header,
    1,
    labels.month.headers.map(
      (title): CellSpec => ({
        value: title,
        bold: true,
        background: COLORS.header,
        color: COLORS.headerText,
        wrap: true,
      }),
    ),
  );
  sheet.set(header, CHART_ACTUAL_COLUMN, {
    value: labels.month.chartActual,
    bold: true,
    background: COLORS.muted,
    color: COLORS.headerText,
    wrap: true,
  });
  const chartOnly: CellSpec = { format: formats.count, color: COLORS.muted, italic: true };
  const firstDay = L.firstDayRow;
  const lastDay = firstDay + n - 1;
  for (let day = 1; day <= n; day++) {
    const row = firstDay + day - 1;
    const date = a1(row, 1);
    const actual = a1(row, 5);
    const target = a1(row, 3);
    sheet.row(row, 1, [
      { formula: day === 1 ? monthStartFormula(month) : `${a1(row - 1, 1)}+1`, format: formats.date },
      { ...calculated, formula: `${goal}/${n}`, format: formats.decimal },
      { ...calculated, formula: `DAY(${date})*${goal}/${n}`, format: formats.decimal },
      // Leads handed off per day: one formula in the first day's row fills the column (dailyLeadsFormula).
      day === 1
        ? {
            ...calculated,
            formula: dailyLeadsFormula(rangeA1(firstDay, 1, n, 1, true), n, handedOff),
            format: formats.count,
          }
        : { ...calculated, format: formats.count },
      // Blank after today, so the actual line stops at today (method §4).
      day === 1
        ? {
            ...calculated,
            formula: runningTotalFormula(rangeA1(firstDay, 1, n, 1, true), rangeA1(firstDay, 4, n, 1, true)),
            format: formats.count,
          }
        : { ...calculated, format: formats.count },
      { ...calculated, formula: `IF(${actual}="","",${actual}-${target})`, format: formats.decimal },
      { ...calculated, formula: `IF(${actual}="","",IF(${target}>0,${actual}/${target},""))`, format: formats.percent },
      { value: "", input: { key: `note|${month}-${String(day).padStart(2, "0")}` } },
      // Chart-only: the cumulative actual with #N/A after today (chartActualFormula).
      day === 1
        ? { ...calculated, ...chartOnly, formula: chartActualFormula(rangeA1(firstDay, 5, n, 1, true)) }
        : { ...calculated, ...chartOnly },
    ]);
  }

  const delivered = `SUM(${rangeA1(firstDay, 4, n, 1, true)})`;
  sheet.set(L.inputs.status, 1, { value: labels.month.status, bold: true });
  // The tolerance beside the status it sets: pace from it up to 100 % is at risk, below it behind.
  sheet.set(L.inputs.status, 3, { value: labels.month.behindBelow, italic: true, color: COLORS.muted });
  sheet.set(L.inputs.status, 4, {
    ...calculated,
    value: context.config.marketing.paceTolerance,
    format: formats.percent,
  });
  const statusCell = sheet.set(L.inputs.status, 2, {
    ...calculated,
    bold: true,
    formula: paceStatusFormula(
      { start, days: n, goal, delivered, tolerance: a1(L.inputs.status, 4, true), today: "TODAY()" },
      labels.month,
    ),
  });

  const range = (column: number): string => rangeA1(header, column, n + 1, 1);
  return {
    key: `month:${month}`,
    name: month,
    tabColor: COLORS.marketing.strong,
    frozenRows: 0,
    frozenColumns: 0,
    minRows: Math.max(lastDay, 45) + 5,
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
        range: a1(m.totalRevenue, m.column + 1),
        rule: { kind: "numberAtLeast", min: 0 },
        helpText: labels.month.metricLabels.totalRevenue,
      },
    ],
    conditionalFormats: [
      {
        ranges: [statusCell],
        formula: `=${statusCell}=${quote(labels.month.onTrack)}`,
        background: COLORS.good.background,
        color: COLORS.good.text,
      },
      {
        ranges: [statusCell],
        formula: `=${statusCell}=${quote(labels.month.met)}`,
        background: COLORS.good.background,
        color: COLORS.good.text,
      },
      {
        ranges: [statusCell],
        formula: `=${statusCell}=${quote(labels.month.atRisk)}`,
        background: COLORS.warn.background,
        color: COLORS.warn.text,
      },
      {
        ranges: [statusCell],
        formula: `=OR(${statusCell}=${quote(labels.month.behind)},${statusCell}=${quote(labels.month.missed)})`,
        background: COLORS.bad.background,
        color: COLORS.bad.text,
      },
      {
        ranges: [rangeA1(firstDay, 6, n, 1)],
        formula: `=AND(${a1(firstDay, 6)}<>"",${a1(firstDay, 6)}<0)`,
        color: COLORS.bad.text,
      },
    ],
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
        anchor: { row: L.chart.row, column: L.chart.column },
        width: L.chart.width,
        height: L.chart.height,
        vAxisTitle: labels.month.chartAxis,
        countAxes: [0],
      },
    ],
  };
}
