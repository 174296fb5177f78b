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
import { COLORS, leadRange, monthStartFormula, salesReps, slaMonths, type PlanContext } from "./context";
import { letArrayFormula, quote } from "./formulas";
import { type Area, type Section, stack, stackTops } from "./sections";
import { SheetBuilder, a1, rangeA1, sheetRef } from "./sheetBuilder";
import type { CellSpec, ChartPlan, ConditionalFormatPlan, SheetPlan } from "./types";

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
  /** First row of the table in its section and how many rows it has; its header is the row above, its title the one above that. */
  readonly first: number;
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

const CALCULATED: CellSpec = { background: COLORS.calculated };

/** A column header of the tab's tables: white on dark. */
function headerCell(title: string): CellSpec {
  return { value: title, bold: true, background: COLORS.header, color: COLORS.headerText, wrap: true };
}

/** The totals block right of a table: a title, a muted header, and one MMULT filling every row and column. */
function placeTotals(area: Area, context: PlanContext, groups: Groups): void {
  const { formats, labels } = context;
  const leads = leadColumns(context, groups.namedColumns);
  const lead = perLead(
    { ...BOUND_COLUMNS, goal: leads.goal === "FollowUpGoalHours" ? leads.goal : BOUND_COLUMNS.goal },
    overdueFormula(context, BOUND_COLUMNS.status),
  );
  const { first, rows } = groups;
  const column = FOLLOW_UP_TOTALS_COLUMN;
  area.set(first - 2, column, { value: labels.followUp.totalsTitle, bold: true });
  TOTALS.forEach((name, offset) => {
    area.set(first - 1, column + offset, {
      value: labels.followUp.totalsHeaders[name],
      bold: true,
      background: COLORS.muted,
      color: COLORS.headerText,
      wrap: true,
    });
    const format = name === "hours" ? formats.hours : formats.count;
    for (let row = first; row < first + rows; row++)
      area.set(row, column + offset, { ...CALCULATED, format, filled: true });
  });
  area.set(first, column, {
    formula: withSharedTests(leads, `MMULT(${groups.members},HSTACK(${TOTALS.map((name) => lead[name]).join(",")}))`),
  });
}

/** A report table's figures from its totals (placeTotals), each statistic in its column. */
function placeStats(area: Area, context: PlanContext, groups: Groups, columns: Readonly<Record<Stat, number>>): void {
  const { formats } = context;
  // The median's FILTER reads the hand-off month, which has no name.
  const literal = leadColumns(context, false);
  if (columns.p90 !== columns.median + 1) throw new Error("report columns that share a formula must be adjacent");
  const { first, rows } = groups;
  placeTotals(area, context, groups);
  const total = (name: Total): string =>
    area.range(first, FOLLOW_UP_TOTALS_COLUMN + TOTALS.indexOf(name), rows, 1, true);
  // A formula in the table's first row fills the column; the cells below hold only formats.
  const fill = (column: number, format: string, formula: string): void => {
    for (let row = first; row < first + rows; row++) area.set(row, column, { ...CALCULATED, format, filled: true });
    area.set(first, column, { formula: `ARRAYFORMULA(${formula})` });
  };
  // Counts are the totals themselves: a plain reference per cell, so each count reads as what it is.
  // `charted`: a line series, which gets #N/A for a month not begun (Sheets skips it; the tab hides the text).
  const copy = (column: number, name: Total, charted = false): void => {
    for (let index = 0; index < rows; index++) {
      const reference = area.a1(first + index, FOLLOW_UP_TOTALS_COLUMN + TOTALS.indexOf(name));
      const later = groups.notStarted?.(index);
      area.set(first + index, column, {
        ...CALCULATED,
        formula: later ? `IF(${later},${charted ? "NA()" : '""'},${reference})` : reference,
        format: formats.count,
      });
    }
  };
  copy(columns.count, "leads");
  copy(columns.followed, "followed");
  copy(columns.awaiting, "awaiting");
  const [followed, overdue] = [total("followed"), total("overdue")];
  // Blank where no lead has response hours yet, as AVERAGEIFS would be an error.
  fill(columns.average, formats.hours, `IF(${followed}>0,${total("hours")}/${followed},"")`);
  // Leads waiting past the goal are outside it (method §5): they count among the leads the share is of.
  fill(
    columns.within,
    formats.percent,
    `IF(${followed}+${overdue}>0,${total("withinGoal")}/(${followed}+${overdue}),"")`,
  );
  // Blank (a division by zero) where no lead is still being worked.
  fill(columns.depth, formats.decimal, `IFERROR(${total("openAttempts")}/${total("openWorked")},"")`);
  copy(columns.attempts, "openAttempts");
  copy(columns.worked, "worked", true);
  for (let index = 0; index < rows; index++) {
    // Median and 90th percentile from one FILTER: PERCENTILE at 1/2 is the median.
    area.set(first + index, columns.median, {
      ...CALCULATED,
      formula: medianAndP90Formula(`FILTER(${literal.hours},${groups.followedFilters(index)})`),
      format: formats.hours,
    });
    area.set(first + index, columns.p90, { ...CALCULATED, format: formats.hours, filled: true });
  }
}

/** The by-month table's columns of each statistic. */
const MONTH_STATS: Readonly<Record<Stat, number>> = {
  count: FOLLOW_UP_LAYOUT.columns.handed,
  followed: FOLLOW_UP_LAYOUT.columns.followed,
  awaiting: FOLLOW_UP_LAYOUT.columns.awaiting,
  average: FOLLOW_UP_LAYOUT.columns.average,
  median: FOLLOW_UP_LAYOUT.columns.median,
  p90: FOLLOW_UP_LAYOUT.columns.p90,
  within: FOLLOW_UP_LAYOUT.columns.withinGoal,
  depth: FOLLOW_UP_LAYOUT.columns.depth,
  attempts: FOLLOW_UP_LAYOUT.columns.attempts,
  worked: FOLLOW_UP_LAYOUT.columns.worked,
};

/** The rep and source tables' columns of each statistic: their label, then the figures in the by-month order. */
const GROUP_STATS: Readonly<Record<Stat, number>> = {
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
};

/** The sizes of the tab's sections from the config alone, top to bottom; the absent ones undefined. */
function followUpSizes(config: PlanContext["config"]) {
  const months = config.months;
  const sources = config.marketing.sources.length;
  const tiers = config.marketing.tiers.length;
  return {
    heading: { rows: 2 },
    // Its title row (with the leads overdue now), the header, a row per month.
    byMonth: { rows: 2 + months, gap: 0 },
    // Title with the picked month, header, a row per rep and one for leads without an owner.
    // Title, header, a row per rep, one for other owners and one for leads without an owner.
    byRep: { rows: 4 + salesReps(config).length },
    // Title, header, a row per source and one for leads without a listed source.
    bySource: sources > 0 ? { rows: 3 + sources } : undefined,
    // Title, the band edges, header, a row per month.
    bands: { rows: 3 + months },
    // Title, header, a row per tier.
    tierGoals: tiers > 0 ? { rows: 2 + tiers } : undefined,
    // Two rows of charts.
    charts: { rows: 2 * FOLLOW_UP_CHART.rows },
  };
}

/** Two blank rows between the tab's tables. */
const FOLLOW_UP_GAP = 2;

/**
 * Where the sections below the rep table start, from the config alone (the
 * sections' sizes), so the lead log can point at the tier table without planning this tab.
 */
export function followUpRows(config: PlanContext["config"]): {
  sourceTitle: number | undefined;
  bandTitle: number;
  tierTitle: number | undefined;
  chartRow: number;
} {
  const sizes = Object.values(followUpSizes(config));
  const { tops } = stackTops(sizes, { gap: FOLLOW_UP_GAP });
  const [, , , sourceTitle, bandTitle, tierTitle, chartRow] = tops;
  return { sourceTitle, bandTitle: bandTitle!, tierTitle, chartRow: chartRow! };
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

type Size = { readonly rows: number; readonly gap?: number };

function headingSection(context: PlanContext, size: Size): Section {
  const { labels } = context;
  return {
    ...size,
    place: (area) => {
      area.set(0, 1, { value: labels.sheets.followUp, bold: true });
      area.set(1, 1, {
        formula: labels.goalSales("FollowUpGoalHours", "FollowUpGoalAttempts").slice(1),
        italic: true,
        color: COLORS.muted,
      });
    },
  };
}

/** A month's row of the by-month table: the month, the goal lines the charts draw, and the verdicts. */
function placeMonthRow(area: Area, context: PlanContext, offset: number, month: string): void {
  const { labels, formats } = context;
  const C = FOLLOW_UP_LAYOUT.columns;
  const start = area.a1(offset, C.month);
  const overdue = area.a1(offset, FOLLOW_UP_TOTALS_COLUMN + TOTALS.indexOf("overdue"));
  area.line(offset, 1, [{ formula: monthStartFormula(month), format: formats.month, bold: true }]);
  // A month not yet begun has no goal line either: the charts draw nothing for it.
  area.set(offset, C.speedGoal, {
    ...CALCULATED,
    formula: `IF(TODAY()<${start},NA(),FollowUpGoalHours)`,
    format: formats.hours,
  });
  area.set(offset, C.depthGoal, {
    ...CALCULATED,
    formula: `IF(TODAY()<${start},NA(),FollowUpGoalAttempts)`,
    format: formats.count,
  });
  const verdict = (formula: string): CellSpec => ({ ...CALCULATED, formula });
  const today = "TODAY()";
  const average = area.a1(offset, C.average);
  const depth = area.a1(offset, C.depth);
  area.set(
    offset,
    C.speedMet,
    verdict(speedVerdictFormula({ start, average, overdue, goal: "FollowUpGoalHours", today }, labels.followUp)),
  );
  area.set(
    offset,
    C.depthMet,
    verdict(depthVerdictFormula({ start, depth, goal: "FollowUpGoalAttempts", today }, labels.followUp)),
  );
}

/** Follow-up by month, with the leads overdue now above it; returns that cell. */
function byMonthSection(context: PlanContext, size: Size): Section<string> {
  const { config, labels, formats } = context;
  const months = slaMonths(config);
  const C = FOLLOW_UP_LAYOUT.columns;
  const followedMonth = leadRange(context, "followedUpMonth");
  return {
    ...size,
    place: (area) => {
      area.set(0, 1, { value: labels.followUp.byMonth, bold: true });
      // Leads waiting past the speed goal right now, whatever their month: the ones to call first.
      area.set(0, C.awaiting, { value: labels.followUp.overdueNow, bold: true, wrap: true });
      const overdueNow = area.set(0, C.average, {
        ...CALCULATED,
        bold: true,
        formula: `COUNTIF(${leadRange(context, "status")},${quote(labels.leads.overdue)})`,
        format: formats.count,
      });
      area.line(1, 1, labels.followUp.monthHeaders.map(headerCell));
      months.forEach((month, index) => placeMonthRow(area, context, 2 + index, month));
      // A lead belongs to the month its hand-off falls in (month starts are first days, so the next month starts at DATE(…,MONTH+1,1)).
      const starts = area.range(2, C.month, months.length, 1, true);
      const handedRow = `TRANSPOSE(${BOUND_COLUMNS.handedOff})`;
      const groups: Groups = {
        first: 2,
        rows: months.length,
        members: `(${handedRow}>=${starts})*(${handedRow}<DATE(YEAR(${starts}),MONTH(${starts})+1,1))`,
        // The goal column has no name: with tier goals the table reads every column as a literal range.
        namedColumns: !hasTierGoals(context),
        followedFilters: (index) => `${followedMonth}=${area.a1(2 + index, C.month)}`,
        notStarted: (index) => `TODAY()<${area.a1(2 + index, C.month)}`,
      };
      placeStats(area, context, groups, MONTH_STATS);
      return overdueNow;
    },
  };
}

/** By rep, for a month picked from a list (a cell users set; kept across builds); returns the picker's cell. */
function byRepSection(context: PlanContext, size: Size): Section<string> {
  const { config, labels } = context;
  const months = slaMonths(config);
  const owner = leadRange(context, "owner");
  const followedMonth = leadRange(context, "followedUpMonth");
  // A row per rep, one for owners typed who are not reps, one for leads without an owner: every lead is in one row.
  // Names are compared with `=` (regardless of case, as Sheets does; MATCH would read * and ? as wildcards).
  // VSTACK, not {…;…}: a semicolon means something else in some locales.
  const reps = salesReps(config);
  const names = `VSTACK(${reps.map(quote).join(",")})`;
  const isRep = `(${names}=TRANSPOSE(${owner}))`;
  const repRows = [
    ...reps.map((name) => ({ label: { text: name } as CellSpec, filter: `${owner}=${quote(name)}` })),
    {
      label: { value: labels.followUp.otherOwners, italic: true } as CellSpec,
      filter: `(${owner}<>"")-MMULT((${owner}=TRANSPOSE(${names}))*1,SEQUENCE(${reps.length},1,1,0))`,
    },
    { label: { value: labels.followUp.noOwner, italic: true } as CellSpec, filter: `${owner}=""` },
  ];
  const byOwner = `VSTACK(${isRep},TRANSPOSE(${owner}<>"")-MMULT(SEQUENCE(1,${reps.length},1,0),${isRep}*1),TRANSPOSE(${owner}=""))`;
  return {
    ...size,
    place: (area) => {
      area.set(0, 1, { value: labels.followUp.byRep, bold: true, wrap: true });
      const picker = area.set(0, 2, {
        text: months[0] ?? config.startMonth,
        bold: true,
        background: COLORS.sales.light,
        input: { key: "followUp|repMonth" },
      });
      const pick = area.a1(0, 2, true);
      area.line(1, 1, labels.followUp.repHeaders.map(headerCell));
      // The picked month is text like "2026-12"; Sheets may also have read it as a date.
      const pickedStart = `IF(ISNUMBER(${pick}),DATE(YEAR(${pick}),MONTH(${pick}),1),DATE(LEFT(${pick},4),RIGHT(${pick},2),1))`;
      const pickedEnd = `(EOMONTH(${pickedStart},0)+1)`;
      repRows.forEach((rep, index) => area.set(2 + index, 1, rep.label));
      // A lead belongs to its row when it was handed off in the picked month.
      const handed = BOUND_COLUMNS.handedOff;
      placeStats(
        area,
        context,
        {
          first: 2,
          rows: repRows.length,
          // The month test once per lead, then turned into a row: cheaper than testing every cell of the table.
          members: `${byOwner}*TRANSPOSE((${handed}>=${pickedStart})*(${handed}<${pickedEnd}))`,
          // The owner column has no name.
          namedColumns: false,
          followedFilters: (index) => `${followedMonth}=${pickedStart},${repRows[index]!.filter}`,
        },
        GROUP_STATS,
      );
      return picker;
    },
  };
}

/** Follow-up by source over all months: the rep table's figures, a row per listed source and one for the rest. */
function bySourceSection(context: PlanContext, size: Size): Section {
  const { config, labels } = context;
  const sources = config.marketing.sources;
  const source = leadRange(context, "source");
  const followedMonth = leadRange(context, "followedUpMonth");
  // Leads of no listed source: blank, or a value pasted past the list's validation.
  const unlisted = sources.map((name) => `(${source}<>${quote(name)})`).join("*");
  const listed = `VSTACK(${sources.map(quote).join(",")})`;
  return {
    ...size,
    place: (area) => {
      area.set(0, 1, { value: labels.followUp.bySource, bold: true });
      area.line(1, 1, [labels.followUp.sourceHeader, ...labels.followUp.repHeaders.slice(1)].map(headerCell));
      sources.forEach((name, index) => area.set(2 + index, 1, { text: name }));
      area.set(2 + sources.length, 1, { value: labels.followUp.noSource, italic: true });
      placeStats(
        area,
        context,
        {
          first: 2,
          rows: sources.length + 1,
          // Every lead with a hand-off date, whatever its month.
          members: `VSTACK((${listed}=TRANSPOSE(${source}))*1,TRANSPOSE(${unlisted}))*TRANSPOSE(ISNUMBER(${BOUND_COLUMNS.handedOff}))`,
          // The source column has no name.
          namedColumns: false,
          followedFilters: (index) =>
            `ISNUMBER(${followedMonth}),${index < sources.length ? `${source}=${quote(sources[index]!)}` : unlisted}`,
        },
        GROUP_STATS,
      );
    },
  };
}

/** Each tier's follow-up goal: its own (a value), or the SLA's (a reference to it). The lead log's goal column reads them. */
function tierGoalsSection(context: PlanContext, size: Size): Section {
  const { config, labels, formats } = context;
  return {
    ...size,
    place: (area) => {
      area.set(0, 1, { value: labels.followUp.tierGoals, bold: true });
      area.line(1, 1, labels.followUp.tierGoalHeaders.map(headerCell));
      config.marketing.tiers.forEach((tier, index) => {
        const own = tier.followUpHours;
        area.line(2 + index, 1, [
          { text: tier.name },
          own === undefined
            ? { background: COLORS.calculated, formula: "FollowUpGoalHours", format: formats.hours }
            : { value: own, format: formats.hours },
        ]);
      });
    },
  };
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

/** Where the speed-to-lead table's columns are, and its bands' names. */
interface BandTable {
  readonly bands: readonly Band[];
  /** Columns: month, leads, a cumulative count per band, later; a count per band each lead falls into first, later; a blank; the chart's block. */
  readonly leadsColumn: number;
  readonly cumulative: number;
  readonly firstBand: number;
  readonly chartMonth: number;
  /** "≤ 5 min", "5 min – 1 h", …: the band each lead falls into first. */
  readonly names: readonly string[];
}

function bandTable(context: PlanContext): BandTable {
  const { config, labels } = context;
  const bands = speedBands(config);
  const n = bands.length;
  const name = (band: Band): string =>
    band.kind === "goal" ? labels.followUp.ownGoal : bandEdgeText(band.minutes, config.language);
  const cumulative = 3;
  const firstBand = cumulative + n + 1;
  return {
    bands,
    leadsColumn: 2,
    cumulative,
    firstBand,
    chartMonth: firstBand + n + 2,
    names: bands.map((band, index) => (index === 0 ? `≤ ${name(band)}` : `${name(bands[index - 1]!)} – ${name(band)}`)),
  };
}

/** The bands' title, their edges (hours as whole minutes over 60, no decimal literals) and the headers. */
function placeBandHeaders(area: Area, context: PlanContext, table: BandTable): void {
  const { config, labels } = context;
  const { bands, cumulative, chartMonth, names } = table;
  const words = labels.followUp;
  area.set(0, 1, { value: words.bands, bold: true });
  area.set(1, 1, { value: words.bandEdges, italic: true, color: COLORS.muted });
  bands.forEach((band, index) => {
    // The goal band reads each lead's goal.
    area.set(
      1,
      cumulative + index,
      band.kind === "edge"
        ? { ...CALCULATED, formula: `${band.minutes}/60`, format: "0.###" }
        : { value: words.ownGoal, italic: true, color: COLORS.muted },
    );
  });
  const within = bands.map((band) =>
    band.kind === "goal"
      ? words.bandGoal
      : words.bandWithin(band.kind === "edge" ? bandEdgeText(band.minutes, config.language) : ""),
  );
  area.line(
    2,
    1,
    [words.monthHeaders[0]!, words.bandLeads, ...within, words.bandLater, ...names, words.bandLater].map(headerCell),
  );
  area.set(2, chartMonth, headerCell(words.monthHeaders[0]!));
  [...names, words.bandLater].forEach((text, index) => area.set(2, chartMonth + 1 + index, headerCell(text)));
  area.set(0, chartMonth, { value: words.bandShares, bold: true });
}

/**
 * The one MMULT that totals every month and band in a pass over the log. Per lead, 1 within band k
 * (within_k), and 1 outside every band up to k (outside_k): each named once, so the first band a lead falls
 * into is within_k times outside_(k-1), without comparing its hours again.
 */
function bandTotalsFormula(
  context: PlanContext,
  table: BandTable,
  edges: (index: number) => string,
  starts: string,
): string {
  const { bands } = table;
  const n = bands.length;
  const literal = leadColumns(context, false);
  const within = (index: number): string => `within_${index + 1}`;
  const outside = (index: number): string => (index < 0 ? "1" : `outside_${index + 1}`);
  const bandTests: [string, string][] = bands.flatMap((_, index): [string, string][] => [
    [within(index), `answered*(hours<=${edges(index)})`],
    [outside(index), index === 0 ? `(1-${within(0)})` : `${outside(index - 1)}*(1-${within(index)})`],
  ]);
  const perLeadColumns = [
    "measured",
    ...bands.map((_, index) => within(index)),
    `awaiting+answered*${outside(n - 1)}`,
    ...bands.map((_, index) => (index === 0 ? within(0) : `${within(index)}*${outside(index - 1)}`)),
    `awaiting+answered*${outside(n - 1)}`,
  ];
  const handedRow = `TRANSPOSE(${BOUND_COLUMNS.handedOff})`;
  const members = `(${handedRow}>=${starts})*(${handedRow}<DATE(YEAR(${starts}),MONTH(${starts})+1,1))`;
  const goal: [string, string][] = literal.goal === "FollowUpGoalHours" ? [] : [[BOUND_COLUMNS.goal, literal.goal]];
  return letArrayFormula({
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
  });
}

/**
 * Speed to lead by month: per month the leads measured (followed up, or
 * awaiting their first follow-up), how many were first followed up within
 * each band (cumulative), and how many later or not at all; then each lead
 * in the first band it falls into (they add up to the leads), and those as
 * shares for a stacked chart, blank for months still ahead so the chart
 * leaves them out. Returns the chart, placed at a row.
 */
function bandsSection(context: PlanContext, size: Size): Section<(row: number) => ChartPlan> {
  const { config, labels, formats } = context;
  const months = slaMonths(config);
  const table = bandTable(context);
  const { bands, leadsColumn, cumulative, firstBand, chartMonth } = table;
  const n = bands.length;
  const rows = months.length;
  const literal = leadColumns(context, false);
  return {
    ...size,
    place: (area) => {
      placeBandHeaders(area, context, table);
      months.forEach((month, index) => {
        area.set(3 + index, 1, { formula: monthStartFormula(month), format: formats.month, bold: true });
        for (let column = leadsColumn; column < chartMonth - 1; column++)
          area.set(3 + index, column, { ...CALCULATED, format: formats.count, filled: true });
        // Months still ahead are blank here, so the chart leaves them out.
        const start = area.a1(3 + index, 1);
        area.set(3 + index, chartMonth, {
          ...CALCULATED,
          formula: `IF(${start}<=TODAY(),${start},"")`,
          format: formats.month,
        });
        for (let offset = 0; offset <= n; offset++)
          area.set(3 + index, chartMonth + 1 + offset, { ...CALCULATED, format: formats.percent, filled: true });
      });
      const edge = (index: number): string =>
        bands[index]!.kind === "goal"
          ? literal.goal === "FollowUpGoalHours"
            ? literal.goal
            : BOUND_COLUMNS.goal
          : area.a1(1, cumulative + index, true);
      const totals = bandTotalsFormula(context, table, edge, area.range(3, 1, rows, 1, true));
      area.set(3, leadsColumn, { ...CALCULATED, format: formats.count, formula: totals });
      // The shares the chart draws: each band's leads over the month's leads, blank for months ahead.
      const column = (index: number): string => area.range(3, index, rows, 1, true);
      for (let offset = 0; offset <= n; offset++)
        area.set(3, chartMonth + 1 + offset, {
          ...CALCULATED,
          format: formats.percent,
          formula: `ARRAYFORMULA(IF(${column(chartMonth)}="","",IF(${column(leadsColumn)}>0,${column(firstBand + offset)}/${column(leadsColumn)},0)))`,
        });
      const palette = ["#188038", "#81c995", "#fbbc04", "#fa7b17", "#d93025", "#9aa0a6"];
      const colors = [...palette.slice(0, n), palette[palette.length - 1]!];
      const range = (column: number): string => area.range(2, column, rows + 1, 1);
      return (row) => ({
        key: "bands",
        kind: "column",
        stacked: true,
        title: labels.followUp.bandsChart,
        domain: range(chartMonth),
        series: colors.map((color, offset) => ({
          range: range(chartMonth + 1 + offset),
          type: "bars" as const,
          color,
        })),
        anchor: { row, column: 1 },
        width: FOLLOW_UP_CHART.width,
        height: FOLLOW_UP_CHART.height,
        vAxisTitle: labels.followUp.shareAxis,
      });
    },
  };
}

/** The by-month table's colours: months not begun hidden, verdicts coloured, leads overdue now in red. */
function followUpFormats(context: PlanContext, overdueNow: string): ConditionalFormatPlan[] {
  const { labels } = context;
  const L = FOLLOW_UP_LAYOUT;
  const C = L.columns;
  const months = context.config.months;
  const verdicts = [rangeA1(L.firstMonthRow, C.speedMet, months, 2)];
  const verdict = (word: string): string => `=${a1(L.firstMonthRow, C.speedMet)}=${quote(word)}`;
  return [
    // Line series are #N/A in months not begun, so charts draw nothing there; the table shows them as blank.
    {
      ranges: [C.speedGoal, C.depthGoal, C.worked].map((column) => rangeA1(L.firstMonthRow, column, months, 1)),
      formula: `=TODAY()<$${a1(L.firstMonthRow, C.month)}`,
      color: COLORS.calculated,
    },
    {
      ranges: verdicts,
      formula: verdict(labels.followUp.met),
      background: COLORS.good.background,
      color: COLORS.good.text,
    },
    {
      ranges: verdicts,
      formula: verdict(labels.followUp.missed),
      background: COLORS.bad.background,
      color: COLORS.bad.text,
    },
    {
      ranges: verdicts,
      formula: verdict(labels.followUp.openAtRisk),
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
  ];
}

/** Speed by month with the goal as a line, and depth by month beside it, at `row`. */
function monthCharts(context: PlanContext, row: number): ChartPlan[] {
  const { labels } = context;
  const L = FOLLOW_UP_LAYOUT;
  const C = L.columns;
  const monthRange = (column: number): string => rangeA1(L.monthHeaderRow, column, context.config.months + 1, 1);
  const size = { width: FOLLOW_UP_CHART.width, height: FOLLOW_UP_CHART.height };
  return [
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
      anchor: { row, column: 1 },
      ...size,
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
      anchor: { row, column: 6 },
      ...size,
      vAxisTitle: labels.followUp.attemptsAxis,
      vAxisTitleRight: labels.followUp.leadsAxis,
      countAxes: [1],
    },
  ];
}

export function planFollowUp(context: PlanContext): SheetPlan {
  const sizes = followUpSizes(context.config);
  const sheet = new SheetBuilder();
  const {
    placed: [, overdueNow, picker, , bandsChart, , chartRow],
  } = stack(
    sheet,
    [
      headingSection(context, sizes.heading),
      byMonthSection(context, sizes.byMonth),
      byRepSection(context, sizes.byRep),
      sizes.bySource && bySourceSection(context, sizes.bySource),
      bandsSection(context, sizes.bands),
      sizes.tierGoals && tierGoalsSection(context, sizes.tierGoals),
      { ...sizes.charts, place: (area: Area) => area.top },
    ],
    { gap: FOLLOW_UP_GAP },
  );
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
      {
        range: picker,
        rule: { kind: "list", values: slaMonths(context.config), strict: true },
        helpText: context.labels.followUp.pickMonth,
      },
    ],
    conditionalFormats: followUpFormats(context, overdueNow),
    charts: [...monthCharts(context, chartRow), bandsChart(chartRow + FOLLOW_UP_CHART.rows)],
  };
}
