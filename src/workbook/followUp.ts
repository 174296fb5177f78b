/**
 * The Follow-up tab (method §5): per month and per rep, response hours
 * (average, median, 90th percentile) against the speed goal, the share within
 * the goal, leads awaiting a first follow-up, and depth: attempts on leads not
 * yet connected against the depth goal, with leads worked; the same by lead
 * source; speed-to-lead bands per month (within 5 min, 1 h, each lead's own
 * goal, 24 h, later or not at all); and the follow-up goal of each tier.
 * Beside each table, the totals its figures are built from. Three charts:
 * speed by month with the goal as a line, depth by month, and the share of
 * leads per band by month (stacked).
 */
import { COLORS, leadRange, monthStartFormula, slaMonths, type PlanContext } from "./context";
import { letArrayFormula, quote } from "./formulas";
import { SheetBuilder, a1, rangeA1, sheetRef } from "./sheetBuilder";
import type { CellSpec, ChartPlan, SheetPlan } from "./types";

export const FOLLOW_UP_LAYOUT = {
  monthHeaderRow: 4,
  firstMonthRow: 5,
  /** Columns of the by-month table, 1-based. */
  columns: {
    month: 1,
    handed: 2,
    followed: 3,
    awaiting: 4,
    average: 5,
    median: 6,
    p90: 7,
    speedGoal: 8,
    withinGoal: 9,
    depth: 10,
    depthGoal: 11,
    attempts: 12,
    worked: 13,
    speedMet: 14,
    depthMet: 15,
  },
} as const;

/** The statistics a report row shows, each in its own column. */
type Stat =
  | "count"
  | "followed"
  | "awaiting"
  | "average"
  | "median"
  | "p90"
  | "within"
  | "depth"
  | "attempts"
  | "worked";

/** The rows of one report table and the leads each row counts. */
interface Groups {
  /** First row of the table and how many rows it has; its header is the row above, its title the one above that. */
  readonly firstRow: number;
  readonly rows: number;
  /**
   * A rows × leads matrix: 1 where the lead belongs to the row (its month,
   * or its owner in the picked month), else 0. MMULT of it with per-lead
   * columns totals every row in one pass over the log, where a COUNTIFS per
   * cell scanned the log once per row and figure.
   */
  readonly members: string;
  /** Whether `members` reads only columns that have named ranges: the totals then read the log through names (leadColumns). */
  readonly namedColumns: boolean;
  /** FILTER conditions picking one row's leads with response hours (index from 0). */
  followedFilters(index: number): string;
  /** For a table by month: a test that row `index`'s month has not begun, whose counts then stay blank, not 0. */
  notStarted?(index: number): string;
}

/** The per-lead numbers a report totals, in the order of the totals block's columns. */
const TOTALS = [
  "leads",
  "followed",
  "awaiting",
  "hours",
  "withinGoal",
  "openAttempts",
  "worked",
  "openWorked",
  "overdue",
] as const;
type Total = (typeof TOTALS)[number];

/** Where the totals block starts: one blank column after the by-month table's status columns. */
const FOLLOW_UP_TOTALS_COLUMN = FOLLOW_UP_LAYOUT.columns.depthMet + 2;

/** The charts' size: two side by side in a 1366 px screen, two rows of them in a 900 px one; `rows` they take. */
const FOLLOW_UP_CHART = { width: 560, height: 340, rows: 18 } as const;

/**
 * The lead log's columns the reports read: through their named ranges, or
 * as literal ranges all alike (leadRange). One formula reads the log one
 * way only, so its columns have one size however a name is bounded; names
 * are cheaper (the engine fetches a named column once for every formula),
 * so a formula that needs no column without a name uses them.
 */
interface LeadColumns {
  readonly handedOff: string;
  readonly firstFollowUp: string;
  readonly attempts: string;
  readonly connected: string;
  readonly hours: string;
  readonly status: string;
  /** Each lead's follow-up goal: the goal column when tiers have their own, else the SLA's goal. */
  readonly goal: string;
}

function leadColumns(context: PlanContext, named: boolean): LeadColumns {
  if (named) {
    return {
      handedOff: "Leads_HandedOff",
      firstFollowUp: "Leads_FirstFollowUp",
      attempts: "Leads_Attempts",
      connected: "Leads_Connected",
      hours: "Leads_ResponseHours",
      status: "Leads_Status",
      goal: leadGoalOf(context, undefined),
    };
  }
  return {
    goal: leadGoalOf(context, leadRange(context, "goalHours")),
    handedOff: leadRange(context, "handedOff"),
    firstFollowUp: leadRange(context, "firstFollowUp"),
    attempts: leadRange(context, "attempts"),
    connected: leadRange(context, "connected"),
    hours: leadRange(context, "responseHours"),
    status: leadRange(context, "status"),
  };
}

/** The names withSharedTests gives the lead log's columns inside the totals formula. */
const BOUND_COLUMNS: LeadColumns = {
  handedOff: "handed_off",
  firstFollowUp: "first_follow_up",
  attempts: "attempts",
  connected: "connected",
  hours: "hours",
  status: "lead_status",
  goal: "lead_goal",
};

/** Whether any tier has its own follow-up goal: then each lead's goal is read from the lead log's goal column. */
export function hasTierGoals(context: Pick<PlanContext, "config">): boolean {
  return context.config.marketing.tiers.some((tier) => tier.followUpHours !== undefined);
}

/**
 * What a formula compares a lead's response hours with: `goalColumn` (the
 * lead log's goal column, as the formula reads the log) when tiers have their
 * own goals, else the SLA's goal by name, the same for every lead.
 */
export function leadGoalOf(context: Pick<PlanContext, "config">, goalColumn: string | undefined): string {
  if (!hasTierGoals(context) || goalColumn === undefined) return "FollowUpGoalHours";
  return goalColumn;
}

/**
 * The lead log's goal column: per lead with a hand-off, its tier's goal from
 * the tier table on this tab, else the SLA's. MMULT of the lead's tier
 * matched against the tier names (0 or 1 per tier) with each tier's goal
 * above the SLA's adds that difference; a blank or unlisted tier adds none.
 */
export function leadGoalFormula(context: PlanContext, handedOff: string, tier: string): string {
  const table = tierGoalTable(context);
  if (!table) return `ARRAYFORMULA(IF(${handedOff}="","",FollowUpGoalHours))`;
  return `ARRAYFORMULA(IF(${handedOff}="","",FollowUpGoalHours+MMULT((${tier}=TRANSPOSE(${table.names}))*1,${table.goals}-FollowUpGoalHours)))`;
}

/**
 * Per lead, the numbers the reports total (element-wise over the log's
 * columns, so MMULT can sum them per group). Each keeps the meaning of the
 * COUNTIFS/SUMIFS it replaces: text and blanks count as the criteria did,
 * "not connected" is anything but TRUE.
 */
function perLead(leads: LeadColumns, overdue: string): Record<Total, string> {
  return {
    // A 1 per lead: the group table already leaves out leads without a hand-off date.
    leads: `SEQUENCE(ROWS(${leads.handedOff}),1,1,0)`,
    followed: "answered*1",
    awaiting: `(${leads.firstFollowUp}="")*1`,
    hours: `IF(answered,${leads.hours},0)`,
    // A product, not IF(answered,…): response hours that aren't a number are text, which compares as above
    // every number, and answered is 0 for them anyway; an IF per lead is what costs.
    withinGoal: `answered*(${leads.hours}<=${leads.goal})`,
    // Attempts on leads not yet connected, and those leads: depth is attempts per lead still being worked.
    // Every lead handed off and not connected counts, a blank attempts cell as 0 attempts (method §5).
    openAttempts: `IF(attempted,${leads.attempts},0)*still_open`,
    worked: `attempted*(${leads.attempts}>0)*still_open`,
    openWorked: "still_open*1",
    // Waiting past the speed goal: the lead log's status says so (it is blank, never an error, for a lead it can't read).
    overdue,
  };
}

/**
 * The per-lead tests several totals share, named once by LET around the
 * totals formula so each is computed once per lead: whether the lead has
 * response hours, whether its attempts are a number, and whether it is not
 * yet connected ("not connected" is anything but TRUE). LET around
 * ARRAYFORMULA, each value its own ARRAYFORMULA.
 */
function withSharedTests(leads: LeadColumns, formula: string): string {
  const b = BOUND_COLUMNS;
  const goal: [string, string][] = leads.goal === "FollowUpGoalHours" ? [] : [[b.goal, leads.goal]];
  return letArrayFormula({
    names: [
      [b.handedOff, leads.handedOff],
      [b.firstFollowUp, leads.firstFollowUp],
      [b.attempts, leads.attempts],
      [b.connected, leads.connected],
      [b.hours, leads.hours],
      [b.status, leads.status],
      ...goal,
      ["answered", `ISNUMBER(${b.hours})`],
      ["attempted", `ISNUMBER(${b.attempts})`],
      ["still_open", `(${b.connected}<>TRUE)`],
    ],
    body: formula,
  });
}

/**
 * Median and 90th percentile of the values `values` (a FILTER) side by side:
 * the FILTER once (LET), PERCENTILE with one k each (Google documents a
 * single k), blank where there are no values.
 */
export function medianAndP90Formula(values: string): string {
  return `LET(values,${values},HSTACK(IFERROR(PERCENTILE(values,1/2),""),IFERROR(PERCENTILE(values,9/10),"")))`;
}

/** Per lead, 1 while it waits past the speed goal, from the lead log's status column (`status`, as bound). */
function overdueFormula(context: PlanContext, status: string): string {
  return `(${status}=${quote(context.labels.leads.overdue)})*1`;
}

/** The words of a follow-up verdict, in the workbook's language. */
export interface VerdictWords {
  readonly met: string;
  readonly missed: string;
  readonly open: string;
  readonly openOnTrack: string;
  readonly openAtRisk: string;
}

/**
 * A month's verdict on a goal: blank before the month and for an ended month
 * without figures; once it has ended, met or missed; while it runs, open,
 * with on track or at risk from the figures so far (just open without any).
 */
function verdictFormula(start: string, today: string, none: string, ok: string, words: VerdictWords): string {
  const ended = `${today}>=EOMONTH(${start},0)+1`;
  return (
    `IF(${today}<${start},"",IF(${none},IF(${ended},"",${quote(words.open)}),` +
    `IF(${ended},IF(${ok},${quote(words.met)},${quote(words.missed)}),IF(${ok},${quote(words.openOnTrack)},${quote(words.openAtRisk)}))))`
  );
}

/**
 * The speed verdict of a month starting on `start`: within the goal when the
 * average response hours are and no lead is overdue (a lead waiting past the
 * goal is outside it, method §5, however good the average of the others).
 */
export function speedVerdictFormula(
  refs: { start: string; average: string; overdue: string; goal: string; today: string },
  words: VerdictWords,
): string {
  const { start, average, overdue, goal, today } = refs;
  return verdictFormula(
    start,
    today,
    `AND(${average}="",N(${overdue})=0)`,
    `AND(N(${average})<=${goal},N(${overdue})=0)`,
    words,
  );
}

/** The depth verdict of a month starting on `start`: average attempts on leads not yet connected at least the goal. */
export function depthVerdictFormula(
  refs: { start: string; depth: string; goal: string; today: string },
  words: VerdictWords,
): string {
  const { start, depth, goal, today } = refs;
  return verdictFormula(start, today, `${depth}=""`, `N(${depth})>=${goal}`, words);
}

function placeStats(
  sheet: SheetBuilder,
  context: PlanContext,
  groups: Groups,
  columns: Readonly<Record<Stat, number>>,
): void {
  const { formats, labels } = context;
  const calculated: CellSpec = { background: COLORS.calculated };
  const leads = leadColumns(context, groups.namedColumns);
  // The median's FILTER reads the hand-off month, which has no name.
  const literal = leadColumns(context, false);
  const lead = perLead(
    { ...BOUND_COLUMNS, goal: leads.goal === "FollowUpGoalHours" ? leads.goal : BOUND_COLUMNS.goal },
    overdueFormula(context, BOUND_COLUMNS.status),
  );
  if (columns.p90 !== columns.median + 1) throw new Error("report columns that share a formula must be adjacent");
  const { firstRow, rows, members } = groups;

  // The totals block: a title, a muted header (calculated, not input), one MMULT filling every row and column.
  const totalsFormat: Record<Total, string> = {
    leads: formats.count,
    followed: formats.count,
    awaiting: formats.count,
    hours: formats.hours,
    withinGoal: formats.count,
    openAttempts: formats.count,
    worked: formats.count,
    openWorked: formats.count,
    overdue: formats.count,
  };
  const first = FOLLOW_UP_TOTALS_COLUMN;
  sheet.set(firstRow - 2, first, { value: labels.followUp.totalsTitle, bold: true });
  TOTALS.forEach((name, offset) => {
    sheet.set(firstRow - 1, first + offset, {
      value: labels.followUp.totalsHeaders[name],
      bold: true,
      background: COLORS.muted,
      color: COLORS.headerText,
      wrap: true,
    });
    for (let row = firstRow; row < firstRow + rows; row++)
      sheet.set(row, first + offset, { ...calculated, format: totalsFormat[name], filled: true });
  });
  sheet.set(firstRow, first, {
    formula: withSharedTests(leads, `MMULT(${members},HSTACK(${TOTALS.map((name) => lead[name]).join(",")}))`),
  });
  const total = (name: Total): string => rangeA1(firstRow, first + TOTALS.indexOf(name), rows, 1, true);

  // A formula in the table's first row fills the column; the cells below hold only formats.
  const fill = (column: number, format: string, formula: string): void => {
    for (let row = firstRow; row < firstRow + rows; row++)
      sheet.set(row, column, { ...calculated, format, filled: true });
    sheet.set(firstRow, column, { formula: `ARRAYFORMULA(${formula})` });
  };
  // Counts are the totals themselves: a plain reference per cell, so each count reads as what it is.
  // `charted`: a line series, which gets #N/A for a month not begun (Sheets skips it; the tab hides the text).
  const copy = (column: number, name: Total, charted = false): void => {
    for (let row = firstRow; row < firstRow + rows; row++) {
      const reference = a1(row, first + TOTALS.indexOf(name));
      const later = groups.notStarted?.(row - firstRow);
      sheet.set(row, column, {
        ...calculated,
        formula: later ? `IF(${later},${charted ? "NA()" : '""'},${reference})` : reference,
        format: formats.count,
      });
    }
  };
  copy(columns.count, "leads");
  copy(columns.followed, "followed");
  copy(columns.awaiting, "awaiting");
  // Blank where no lead has response hours yet, as AVERAGEIFS would be an error.
  fill(columns.average, formats.hours, `IF(${total("followed")}>0,${total("hours")}/${total("followed")},"")`);
  // Leads waiting past the goal are outside it (method §5): they count among the leads the share is of.
  fill(
    columns.within,
    formats.percent,
    `IF(${total("followed")}+${total("overdue")}>0,${total("withinGoal")}/(${total("followed")}+${total("overdue")}),"")`,
  );
  // Blank (a division by zero) where no lead is still being worked.
  fill(columns.depth, formats.decimal, `IFERROR(${total("openAttempts")}/${total("openWorked")},"")`);
  copy(columns.attempts, "openAttempts");
  copy(columns.worked, "worked", true);
  for (let index = 0; index < rows; index++) {
    const row = firstRow + index;
    // Median and 90th percentile from one FILTER: PERCENTILE at 1/2 is the median.
    sheet.set(row, columns.median, {
      ...calculated,
      formula: medianAndP90Formula(`FILTER(${literal.hours},${groups.followedFilters(index)})`),
      format: formats.hours,
    });
    sheet.set(row, columns.p90, { ...calculated, format: formats.hours, filled: true });
  }
}

export function planFollowUp(context: PlanContext): SheetPlan {
  const { config, labels, formats } = context;
  const sheet = new SheetBuilder();
  const months = slaMonths(config);
  const L = FOLLOW_UP_LAYOUT;
  const C = L.columns;
  const calculated: CellSpec = { background: COLORS.calculated };
  const followedMonth = leadRange(context, "followedUpMonth");
  const headerCell = (title: string): CellSpec => ({
    value: title,
    bold: true,
    background: COLORS.header,
    color: COLORS.headerText,
    wrap: true,
  });

  sheet.set(1, 1, { value: labels.sheets.followUp, bold: true });
  sheet.set(2, 1, {
    formula: labels.goalSales("FollowUpGoalHours", "FollowUpGoalAttempts").slice(1),
    italic: true,
    color: COLORS.muted,
  });
  sheet.set(L.monthHeaderRow - 1, 1, { value: labels.followUp.byMonth, bold: true });
  // Leads waiting past the speed goal right now, whatever their month: the ones to call first.
  sheet.set(L.monthHeaderRow - 1, C.awaiting, { value: labels.followUp.overdueNow, bold: true, wrap: true });
  const overdueNow = sheet.set(L.monthHeaderRow - 1, C.average, {
    ...calculated,
    bold: true,
    formula: `COUNTIF(${leadRange(context, "status")},${quote(labels.leads.overdue)})`,
    format: formats.count,
  });
  sheet.row(L.monthHeaderRow, 1, labels.followUp.monthHeaders.map(headerCell));
  const monthStarts = rangeA1(L.firstMonthRow, C.month, months.length, 1, true);
  months.forEach((month, index) => {
    const row = L.firstMonthRow + index;
    const start = a1(row, C.month);
    const overdue = a1(row, FOLLOW_UP_TOTALS_COLUMN + TOTALS.indexOf("overdue"));
    sheet.row(row, 1, [{ formula: monthStartFormula(month), format: formats.month, bold: true }]);
    // A month not yet begun has no goal line either: the charts draw nothing for it.
    sheet.set(row, C.speedGoal, {
      ...calculated,
      formula: `IF(TODAY()<${start},NA(),FollowUpGoalHours)`,
      format: formats.hours,
    });
    sheet.set(row, C.depthGoal, {
      ...calculated,
      formula: `IF(TODAY()<${start},NA(),FollowUpGoalAttempts)`,
      format: formats.count,
    });
    sheet.set(row, C.speedMet, {
      ...calculated,
      formula: speedVerdictFormula(
        { start, average: a1(row, C.average), overdue, goal: "FollowUpGoalHours", today: "TODAY()" },
        labels.followUp,
      ),
    });
    sheet.set(row, C.depthMet, {
      ...calculated,
      formula: depthVerdictFormula(
        { start, depth: a1(row, C.depth), goal: "FollowUpGoalAttempts", today: "TODAY()" },
        labels.followUp,
      ),
    });
  });
  // A lead belongs to the month its hand-off falls in (month starts are first days, so the next month starts at DATE(…,MONTH+1,1)).
  const handedRow = `TRANSPOSE(${BOUND_COLUMNS.handedOff})`;
  placeStats(
    sheet,
    context,
    {
      firstRow: L.firstMonthRow,
      rows: months.length,
      members: `(${handedRow}>=${monthStarts})*(${handedRow}<DATE(YEAR(${monthStarts}),MONTH(${monthStarts})+1,1))`,
      // The goal column has no name: with tier goals the table reads every column as a literal range.
      namedColumns: !hasTierGoals(context),
      followedFilters: (index) => `${followedMonth}=${a1(L.firstMonthRow + index, C.month)}`,
      notStarted: (index) => `TODAY()<${a1(L.firstMonthRow + index, C.month)}`,
    },
    {
      count: C.handed,
      followed: C.followed,
      awaiting: C.awaiting,
      average: C.average,
      median: C.median,
      p90: C.p90,
      within: C.withinGoal,
      depth: C.depth,
      attempts: C.attempts,
      worked: C.worked,
    },
  );
  const lastMonthRow = L.firstMonthRow + months.length - 1;

  // By rep, for a month picked from a list (a cell users set; kept across builds).
  const repTitleRow = lastMonthRow + 3;
  sheet.set(repTitleRow, 1, { value: labels.followUp.byRep, bold: true, wrap: true });
  const picker = sheet.set(repTitleRow, 2, {
    text: months[0] ?? config.startMonth,
    bold: true,
    background: COLORS.sales.light,
    input: { key: "followUp|repMonth" },
  });
  const pick = a1(repTitleRow, 2, true);
  const repHeaderRow = repTitleRow + 1;
  sheet.row(repHeaderRow, 1, labels.followUp.repHeaders.map(headerCell));
  const owner = leadRange(context, "owner");
  // The picked month is text like "2026-12"; Sheets may also have read it as a date.
  const pickedStart = `IF(ISNUMBER(${pick}),DATE(YEAR(${pick}),MONTH(${pick}),1),DATE(LEFT(${pick},4),RIGHT(${pick},2),1))`;
  const pickedEnd = `(EOMONTH(${pickedStart},0)+1)`;
  const reps = config.contacts.filter((contact) => contact.party === "sales").map((contact) => contact.name);
  const repRows = [
    ...reps.map((name) => ({
      label: { text: name } as CellSpec,
      criterion: quote(name),
      filter: `${owner}=${quote(name)}`,
    })),
    { label: { value: labels.followUp.noOwner, italic: true } as CellSpec, criterion: '""', filter: `${owner}=""` },
  ];
  repRows.forEach((rep, index) => sheet.set(repHeaderRow + 1 + index, 1, rep.label));
  // A lead belongs to its owner's row when it was handed off in the picked month; "" is the row of leads without an owner.
  // VSTACK, not {…;…}: a semicolon means something else in some locales.
  const owners = `VSTACK(${repRows.map((rep) => rep.criterion).join(",")})`;
  placeStats(
    sheet,
    context,
    {
      firstRow: repHeaderRow + 1,
      rows: repRows.length,
      // The month test once per lead, then turned into a row: cheaper than testing every cell of the table.
      members: `(${owners}=TRANSPOSE(${owner}))*TRANSPOSE((${BOUND_COLUMNS.handedOff}>=${pickedStart})*(${BOUND_COLUMNS.handedOff}<${pickedEnd}))`,
      // The owner column has no name.
      namedColumns: false,
      followedFilters: (index) => `${followedMonth}=${pickedStart},${repRows[index]!.filter}`,
    },
    {
      count: 2,
      followed: 3,
      awaiting: 4,
      average: 5,
      median: 6,
      p90: 7,
      within: 8,
      depth: 9,
      attempts: 10,
      worked: 11,
    },
  );
  const repLastRow = repHeaderRow + repRows.length;
  const rows = followUpRows(config);
  if (rows.sourceTitle !== undefined) placeSources(sheet, context, rows.sourceTitle, headerCell);
  const bands = placeBands(sheet, context, rows.bandTitle, headerCell);
  placeTierGoals(sheet, context, rows.tierTitle, headerCell);
  // followUpRows places the sections below without the plan (the lead log needs the tier table's place): it must agree.
  if (repLastRow + 3 !== (rows.sourceTitle ?? rows.bandTitle))
    throw new Error("the Follow-up sections are out of step with followUpRows");
  const chartRow = rows.chartRow;
  const monthRange = (column: number): string => rangeA1(L.monthHeaderRow, column, months.length + 1, 1);
  return {
    key: "followUp",
    name: context.sheetNames.followUp,
    tabColor: COLORS.sales.strong,
    frozenRows: 0,
    frozenColumns: 0,
    minRows: Math.max(chartRow + 60, 60),
    minColumns: 26,
    // Wide enough for every header word on one line (the longest German one, "Kontaktversuche").
    columnWidths: [
      { column: 1, count: 1, width: 170 },
      { column: 2, count: 25, width: 118 },
    ],
    blocks: [sheet.toBlock({ row: 1, column: 1 })],
    validations: [
      { range: picker, rule: { kind: "list", values: months, strict: true }, helpText: labels.followUp.pickMonth },
    ],
    conditionalFormats: [
      // Line series are #N/A in months not begun, so charts draw nothing there; the table shows them as blank.
      {
        ranges: [C.speedGoal, C.depthGoal, C.worked].map((column) =>
          rangeA1(L.firstMonthRow, column, months.length, 1),
        ),
        formula: `=TODAY()<$${a1(L.firstMonthRow, C.month)}`,
        color: COLORS.calculated,
      },
      {
        ranges: [rangeA1(L.firstMonthRow, C.speedMet, months.length, 2)],
        formula: `=${a1(L.firstMonthRow, C.speedMet)}=${quote(labels.followUp.met)}`,
        background: COLORS.good.background,
        color: COLORS.good.text,
      },
      {
        ranges: [rangeA1(L.firstMonthRow, C.speedMet, months.length, 2)],
        formula: `=${a1(L.firstMonthRow, C.speedMet)}=${quote(labels.followUp.missed)}`,
        background: COLORS.bad.background,
        color: COLORS.bad.text,
      },
      {
        ranges: [rangeA1(L.firstMonthRow, C.speedMet, months.length, 2)],
        formula: `=${a1(L.firstMonthRow, C.speedMet)}=${quote(labels.followUp.openAtRisk)}`,
        background: COLORS.warn.background,
        color: COLORS.warn.text,
      },
      {
        ranges: [overdueNow],
        formula: `=${overdueNow}>0`,
        background: COLORS.bad.background,
        color: COLORS.bad.text,
        bold: true,
      },
    ],
    charts: [
      {
        key: "speed",
        kind: "combo",
        title: labels.followUp.speedChart,
        domain: monthRange(C.month),
        series: [
          { range: monthRange(C.average), type: "bars", color: COLORS.sales.strong },
          // A maximum: the red dashed line bars should stay under.
          { range: monthRange(C.speedGoal), type: "line", color: COLORS.goalLine, dashed: true, points: true },
        ],
        anchor: { row: chartRow, column: 1 },
        width: FOLLOW_UP_CHART.width,
        height: FOLLOW_UP_CHART.height,
        vAxisTitle: labels.followUp.hoursAxis,
      },
      {
        key: "depth",
        kind: "combo",
        title: labels.followUp.depthChart,
        domain: monthRange(C.month),
        series: [
          { range: monthRange(C.depth), type: "bars", color: "#81c995" },
          // A minimum: the dark green dashed line bars should reach.
          { range: monthRange(C.depthGoal), type: "line", color: COLORS.good.text, dashed: true, points: true },
          { range: monthRange(C.worked), type: "line", color: COLORS.service.strong, targetAxis: 1, points: true },
        ],
        // Beside the speed chart: both fit a 1366 px screen.
        anchor: { row: chartRow, column: 6 },
        width: FOLLOW_UP_CHART.width,
        height: FOLLOW_UP_CHART.height,
        vAxisTitle: labels.followUp.attemptsAxis,
        vAxisTitleRight: labels.followUp.leadsAxis,
        countAxes: [1],
      },
      bands.chart(chartRow + FOLLOW_UP_CHART.rows),
    ],
  };
}

/** Where the sections below the rep table start; each is a function of the config alone, so the lead log can point at the tier table. */
export function followUpRows(config: PlanContext["config"]): {
  sourceTitle: number | undefined;
  bandTitle: number;
  tierTitle: number | undefined;
  chartRow: number;
} {
  const months = config.months;
  const reps = config.contacts.filter((contact) => contact.party === "sales").length;
  const repLast = FOLLOW_UP_LAYOUT.firstMonthRow + months - 1 + 4 + reps + 1;
  const sources = config.marketing.sources.length;
  // Title, header, a row per source and one for leads without a listed source.
  const sourceTitle = sources > 0 ? repLast + 3 : undefined;
  const sourceLast = sourceTitle === undefined ? repLast : sourceTitle + 2 + sources;
  const bandTitle = sourceLast + 3;
  // Title, the band edges, header, a row per month.
  const bandLast = bandTitle + 2 + months;
  const tiers = config.marketing.tiers.length;
  const tierTitle = tiers > 0 ? bandLast + 3 : undefined;
  const last = tierTitle === undefined ? bandLast : tierTitle + 1 + tiers;
  return { sourceTitle, bandTitle, tierTitle, chartRow: last + 3 };
}

/** Tier names and goals on this tab, for the lead log's goal column; undefined without tiers. */
export function tierGoalTable(
  context: Pick<PlanContext, "config" | "sheetNames">,
): { names: string; goals: string } | undefined {
  const { tierTitle } = followUpRows(context.config);
  const tiers = context.config.marketing.tiers.length;
  if (tierTitle === undefined || tiers === 0) return undefined;
  const sheet = sheetRef(context.sheetNames.followUp);
  return {
    names: `${sheet}!${rangeA1(tierTitle + 2, 1, tiers, 1, true)}`,
    goals: `${sheet}!${rangeA1(tierTitle + 2, 2, tiers, 1, true)}`,
  };
}

/** Each tier's follow-up goal: its own (a value), or the SLA's (a reference to it). The lead log's goal column reads them. */
function placeTierGoals(
  sheet: SheetBuilder,
  context: PlanContext,
  title: number | undefined,
  headerCell: (text: string) => CellSpec,
): void {
  const { config, labels, formats } = context;
  if (title === undefined) return;
  sheet.set(title, 1, { value: labels.followUp.tierGoals, bold: true });
  sheet.row(title + 1, 1, labels.followUp.tierGoalHeaders.map(headerCell));
  config.marketing.tiers.forEach((tier, index) => {
    const own = tier.followUpHours;
    sheet.row(title + 2 + index, 1, [
      { text: tier.name },
      own === undefined
        ? { background: COLORS.calculated, formula: "FollowUpGoalHours", format: formats.hours }
        : { value: own, format: formats.hours },
    ]);
  });
}

/** Follow-up by source over all months: the rep table's figures, a row per listed source and one for the rest. */
function placeSources(
  sheet: SheetBuilder,
  context: PlanContext,
  title: number,
  headerCell: (text: string) => CellSpec,
): void {
  const { config, labels } = context;
  const sources = config.marketing.sources;
  const source = leadRange(context, "source");
  const followedMonth = leadRange(context, "followedUpMonth");
  sheet.set(title, 1, { value: labels.followUp.bySource, bold: true });
  sheet.row(title + 1, 1, [labels.followUp.sourceHeader, ...labels.followUp.repHeaders.slice(1)].map(headerCell));
  sources.forEach((name, index) => sheet.set(title + 2 + index, 1, { text: name }));
  sheet.set(title + 2 + sources.length, 1, { value: labels.followUp.noSource, italic: true });
  // Leads of no listed source: blank, or a value pasted past the list's validation.
  const unlisted = sources.map((name) => `(${source}<>${quote(name)})`).join("*");
  const listed = `VSTACK(${sources.map(quote).join(",")})`;
  placeStats(
    sheet,
    context,
    {
      firstRow: title + 2,
      rows: sources.length + 1,
      // Every lead with a hand-off date, whatever its month.
      members: `VSTACK((${listed}=TRANSPOSE(${source}))*1,TRANSPOSE(${unlisted}))*TRANSPOSE(ISNUMBER(${BOUND_COLUMNS.handedOff}))`,
      // The source column has no name.
      namedColumns: false,
      followedFilters: (index) =>
        `ISNUMBER(${followedMonth}),${index < sources.length ? `${source}=${quote(sources[index]!)}` : unlisted}`,
    },
    {
      count: 2,
      followed: 3,
      awaiting: 4,
      average: 5,
      median: 6,
      p90: 7,
      within: 8,
      depth: 9,
      attempts: 10,
      worked: 11,
    },
  );
}

/** A column of the speed-to-lead table: an edge from the config (minutes), or each lead's own goal. */
export type Band = { readonly kind: "edge"; readonly minutes: number } | { readonly kind: "goal" };

/** The bands in the order the table shows them: the edges ascending, each lead's goal where the SLA's goal falls among them. */
export function speedBands(config: PlanContext["config"]): Band[] {
  const goalMinutes = config.sales.followUpHours * 60;
  const edges: Band[] = config.sales.speedBandMinutes.map((minutes) => ({ kind: "edge", minutes }));
  const at = edges.findIndex((band) => band.kind === "edge" && band.minutes > goalMinutes);
  edges.splice(at < 0 ? edges.length : at, 0, { kind: "goal" });
  return edges;
}

/** "5 min", "1 h", "1.5 h" (German "1,5 Std."). */
export function bandEdgeText(minutes: number, language: PlanContext["config"]["language"]): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = String(Math.round((minutes / 60) * 100) / 100);
  return `${language === "de" ? hours.replace(".", ",") : hours} ${language === "de" ? "Std." : "h"}`;
}

/**
 * Speed to lead by month: per month the leads measured (followed up, or
 * awaiting their first follow-up), how many were first followed up within
 * each band (cumulative), and how many later or not at all; then each lead
 * in the first band it falls into (they add up to the leads), and those as
 * shares for a stacked chart, blank for months still ahead so the chart
 * leaves them out. One MMULT totals every month and band in a pass over the log.
 */
function placeBands(
  sheet: SheetBuilder,
  context: PlanContext,
  title: number,
  headerCell: (text: string) => CellSpec,
): { chart(row: number): ChartPlan } {
  const { config, labels, formats } = context;
  const months = slaMonths(config);
  const bands = speedBands(config);
  const n = bands.length;
  const edgeRow = title + 1;
  const header = title + 2;
  const first = title + 3;
  const rows = months.length;
  const calculated: CellSpec = { background: COLORS.calculated };
  // Columns: month, leads, n cumulative bands, later; n + 1 bands each lead falls into first; a blank; the chart's block.
  const leadsColumn = 2;
  const cumulative = 3;
  const later = cumulative + n;
  const firstBand = later + 1;
  const chartMonth = firstBand + n + 2;
  const name = (band: Band): string =>
    band.kind === "goal" ? labels.followUp.ownGoal : bandEdgeText(band.minutes, config.language);
  const bandNames = bands.map((band, index) =>
    index === 0 ? `≤ ${name(band)}` : `${name(bands[index - 1]!)} – ${name(band)}`,
  );

  sheet.set(title, 1, { value: labels.followUp.bands, bold: true });
  sheet.set(edgeRow, 1, { value: labels.followUp.bandEdges, italic: true, color: COLORS.muted });
  bands.forEach((band, index) => {
    // Edges are hours, written as whole minutes over 60 (no decimal literals); the goal band reads each lead's goal.
    sheet.set(
      edgeRow,
      cumulative + index,
      band.kind === "edge"
        ? { ...calculated, formula: `${band.minutes}/60`, format: "0.###" }
        : { value: labels.followUp.ownGoal, italic: true, color: COLORS.muted },
    );
  });
  sheet.row(
    header,
    1,
    [
      labels.followUp.monthHeaders[0]!,
      labels.followUp.bandLeads,
      ...bands.map((band) =>
        band.kind === "goal" ? labels.followUp.bandGoal : labels.followUp.bandWithin(name(band)),
      ),
      labels.followUp.bandLater,
      ...bandNames,
      labels.followUp.bandLater,
    ].map(headerCell),
  );
  sheet.set(header, chartMonth, headerCell(labels.followUp.monthHeaders[0]!));
  [...bandNames, labels.followUp.bandLater].forEach((text, index) =>
    sheet.set(header, chartMonth + 1 + index, headerCell(text)),
  );
  sheet.set(title, chartMonth, { value: labels.followUp.bandShares, bold: true });

  months.forEach((month, index) => {
    const row = first + index;
    sheet.set(row, 1, { formula: monthStartFormula(month), format: formats.month, bold: true });
    for (let column = leadsColumn; column < chartMonth - 1; column++)
      sheet.set(row, column, { ...calculated, format: formats.count, filled: true });
    // Months still ahead are blank here, so the chart leaves them out.
    sheet.set(row, chartMonth, {
      ...calculated,
      formula: `IF(${a1(row, 1)}<=TODAY(),${a1(row, 1)},"")`,
      format: formats.month,
    });
    for (let offset = 0; offset <= n; offset++)
      sheet.set(row, chartMonth + 1 + offset, { ...calculated, format: formats.percent, filled: true });
  });

  const literal = leadColumns(context, false);
  const edge = (index: number): string =>
    bands[index]!.kind === "goal"
      ? literal.goal === "FollowUpGoalHours"
        ? literal.goal
        : BOUND_COLUMNS.goal
      : a1(edgeRow, cumulative + index, true);
  // Per lead, 1 within band k (within_k), and 1 outside every band up to k (outside_k): each named once, so the
  // first band a lead falls into is within_k times outside_(k-1), without comparing its hours again.
  const within = (index: number): string => `within_${index + 1}`;
  const outside = (index: number): string => (index < 0 ? "1" : `outside_${index + 1}`);
  const bandTests: [string, string][] = bands.flatMap((_, index): [string, string][] => [
    [within(index), `answered*(hours<=${edge(index)})`],
    [outside(index), index === 0 ? `(1-${within(0)})` : `${outside(index - 1)}*(1-${within(index)})`],
  ]);
  const perLeadColumns = [
    "measured",
    ...bands.map((_, index) => within(index)),
    `awaiting+answered*${outside(n - 1)}`,
    ...bands.map((_, index) => (index === 0 ? within(0) : `${within(index)}*${outside(index - 1)}`)),
    `awaiting+answered*${outside(n - 1)}`,
  ];
  const starts = rangeA1(first, 1, rows, 1, true);
  const handedRow = `TRANSPOSE(${BOUND_COLUMNS.handedOff})`;
  const members = `(${handedRow}>=${starts})*(${handedRow}<DATE(YEAR(${starts}),MONTH(${starts})+1,1))`;
  const goal: [string, string][] = literal.goal === "FollowUpGoalHours" ? [] : [[BOUND_COLUMNS.goal, literal.goal]];
  sheet.set(first, leadsColumn, {
    ...calculated,
    format: formats.count,
    formula: letArrayFormula({
      names: [
        [BOUND_COLUMNS.handedOff, literal.handedOff],
        [BOUND_COLUMNS.firstFollowUp, literal.firstFollowUp],
        ["hours", literal.hours],
        ...goal,
        ["answered", "ISNUMBER(hours)*1"],
        ["awaiting", `(${BOUND_COLUMNS.firstFollowUp}="")*1`],
        ["measured", "answered+awaiting"],
        ...bandTests,
      ],
      body: `MMULT(${members},HSTACK(${perLeadColumns.join(",")}))`,
    }),
  });
  // The shares the chart draws: each band's leads over the month's leads, blank for months ahead.
  for (let offset = 0; offset <= n; offset++) {
    const count = rangeA1(first, firstBand + offset, rows, 1, true);
    const leads = rangeA1(first, leadsColumn, rows, 1, true);
    const shown = rangeA1(first, chartMonth, rows, 1, true);
    sheet.set(first, chartMonth + 1 + offset, {
      ...calculated,
      format: formats.percent,
      formula: `ARRAYFORMULA(IF(${shown}="","",IF(${leads}>0,${count}/${leads},0)))`,
    });
  }
  const palette = ["#188038", "#81c995", "#fbbc04", "#fa7b17", "#d93025", "#9aa0a6"];
  const colors = [...palette.slice(0, n), palette[palette.length - 1]!];
  const range = (column: number): string => rangeA1(header, column, rows + 1, 1);
  return {
    chart: (row) => ({
      key: "bands",
      kind: "column",
      stacked: true,
      title: labels.followUp.bandsChart,
      domain: range(chartMonth),
      series: colors.map((color, offset) => ({ range: range(chartMonth + 1 + offset), type: "bars" as const, color })),
      anchor: { row, column: 1 },
      width: FOLLOW_UP_CHART.width,
      height: FOLLOW_UP_CHART.height,
      vAxisTitle: labels.followUp.shareAxis,
    }),
  };
}
