/**
 * Every custom function the add-on offers. Names are product surface: users
 * type them into cells, so they never change.
 */
import { closeRate, dealSize, marketingShare } from "../core/actuals";
import { createWorkCounter, type WorkCounter } from "../core/businessHours";
import { repCapacity } from "../core/capacity";
import { followUpDepth, responseHours, summarizeHours } from "../core/followUp";
import { DEFAULT_BAND_HOURS, speedBandCounts } from "../core/speedBands";
import { customersNeeded, leadsNeeded, revenueGoal } from "../core/leadGoal";
import { leadValue, tierValues } from "../core/leadValue";
import { cumulativeGoal, dailyTarget, goalLine, pace } from "../core/pace";
import { atRow, SlaInputError } from "../core/problems";
import { allowedDowntimeMinutes } from "../core/uptime";
import {
  amount,
  businessHours,
  connectedFlag,
  date,
  dayInMonth,
  flag,
  holidays,
  hourEdges,
  label,
  monthLength,
  period,
  rate,
  statistic,
  tierTable,
  workSchedule,
} from "./params";
import {
  aggregate,
  elementwise,
  spill,
  withTexts,
  type CustomFunction,
  type DeclaredFunction,
  type FunctionTexts,
} from "./registry";
import { FUNCTION_TEXTS } from "./texts";

const quota = amount("quota", "nonNegative");
const share = rate("marketing_share");
const dealSizeParam = amount("avg_deal_size", "positive");
const closeRateParam = rate("close_rate");
const exact = flag("exact");
const monthlyGoal = amount("monthly_goal", "nonNegative");
const positiveMonthlyGoal = amount("monthly_goal", "positive");
const handedOff = date("handed_off");
const firstFollowUp = date("first_follow_up");
const hours = businessHours("business_hours");
const holidayDates = holidays("holidays");

// One call computes every row with the same schedule; build its counter once, not per row.
let lastCounter:
  | { hours: string | undefined; holidays: ReadonlySet<number>; counter: WorkCounter | undefined }
  | undefined;
function counterFor(businessHoursText: string | undefined, holidaySet: ReadonlySet<number>): WorkCounter | undefined {
  if (lastCounter && lastCounter.hours === businessHoursText && lastCounter.holidays === holidaySet)
    return lastCounter.counter;
  const schedule = workSchedule(businessHoursText, holidaySet, "business_hours");
  const counter = schedule && createWorkCounter(schedule);
  lastCounter = { hours: businessHoursText, holidays: holidaySet, counter };
  return counter;
}

function atMost(value: number, field: string, limit: number, other: string): void {
  if (value > limit) throw new SlaInputError("atMost", field, value, { other });
}

const DECLARED = [
  elementwise({
    name: "SLA_REVENUE_GOAL",
    examples: [
      { formula: "=SLA_REVENUE_GOAL(5000, 100%)", result: 5000 },
      { formula: '=SLA_REVENUE_GOAL(20000, "60 %")', result: 12000 },
    ],
    params: [quota, share],
    evaluate: ([q, s]) => revenueGoal(q, s),
  }),
  elementwise({
    name: "SLA_CUSTOMERS_NEEDED",
    examples: [
      { formula: "=SLA_CUSTOMERS_NEEDED(5000, 100%, 100)", result: 50 },
      { formula: "=SLA_CUSTOMERS_NEEDED(5000, 100%, 300)", result: 17 },
    ],
    params: [quota, share, dealSizeParam, exact],
    evaluate: ([q, s, d, e]) => customersNeeded(q, s, d, e),
  }),
  elementwise({
    name: "SLA_LEADS_NEEDED",
    examples: [
      { formula: "=SLA_LEADS_NEEDED(5000, 100%, 100, 50%)", result: 100 },
      { formula: "=SLA_LEADS_NEEDED(5000, 100%, 300, 50%)", result: 34 },
    ],
    params: [quota, share, dealSizeParam, closeRateParam, exact],
    evaluate: ([q, s, d, c, e]) => leadsNeeded(q, s, d, c, e),
  }),
  elementwise({
    name: "SLA_DAILY_TARGET",
    examples: [
      { formula: "=SLA_DAILY_TARGET(100, DATE(2026, 2, 14))", result: 100 / 28 },
      { formula: "=SLA_DAILY_TARGET(93, 31)", result: 3 },
    ],
    params: [monthlyGoal, monthLength("month")],
    evaluate: ([g, n]) => dailyTarget(g, n),
  }),
  elementwise({
    name: "SLA_CUMULATIVE_GOAL",
    examples: [{ formula: "=SLA_CUMULATIVE_GOAL(100, DATE(2026, 4, 15))", result: 50 }],
    params: [monthlyGoal, dayInMonth("date")],
    evaluate: ([g, when]) => cumulativeGoal(g, when.day, when.daysInMonth),
  }),
  spill({
    name: "SLA_GOAL_LINE",
    examples: [
      { formula: "=SLA_GOAL_LINE(100, DATE(2026, 11, 1))" },
      { formula: "=SLA_GOAL_LINE(4, 4)", result: [[1], [2], [3], [4]] },
    ],
    params: [
      { ...monthlyGoal, takes: "scalar" as const },
      {
        ...monthLength("month"),
        takes: "scalar" as const,
      },
    ],
    evaluate: ([g, n]) => goalLine(g, n),
  }),
  elementwise({
    name: "SLA_CLOSE_RATE",
    examples: [{ formula: "=SLA_CLOSE_RATE(45, 120)", result: 0.375 }],
    params: [amount("customers", "nonNegative"), amount("leads", "positive")],
    evaluate: ([customers, leads]) => {
      atMost(customers, "customers", leads, "leads");
      return closeRate(customers, leads);
    },
  }),
  elementwise({
    name: "SLA_DEAL_SIZE",
    examples: [{ formula: "=SLA_DEAL_SIZE(5400, 45)", result: 120 }],
    params: [amount("revenue", "nonNegative"), amount("customers", "positive")],
    evaluate: ([revenue, customers]) => dealSize(revenue, customers),
  }),
  elementwise({
    name: "SLA_MARKETING_SHARE",
    examples: [{ formula: "=SLA_MARKETING_SHARE(5400, 7200)", result: 0.75 }],
    params: [amount("marketing_revenue", "nonNegative"), amount("total_revenue", "positive")],
    evaluate: ([marketingRevenue, totalRevenue]) => {
      atMost(marketingRevenue, "marketing_revenue", totalRevenue, "total_revenue");
      return marketingShare(marketingRevenue, totalRevenue);
    },
  }),
  elementwise({
    name: "SLA_RESPONSE_HOURS",
    examples: [
      { formula: '=SLA_RESPONSE_HOURS("2026-12-04 16:00", "2026-12-07 10:00", "Mon-Fri 09:00-17:00")', result: 2 },
      { formula: '=SLA_RESPONSE_HOURS(Leads_HandedOff, Leads_FirstFollowUp, "Mon-Fri 09:00-17:00", Holidays!A2:A20)' },
    ],
    params: [handedOff, firstFollowUp, hours, holidayDates],
    evaluate: ([from, to, workingHours, days], context) =>
      responseHours(from, to, context.zone(), counterFor(workingHours, days)),
  }),
  aggregate({
    name: "SLA_FOLLOWUP_SPEED",
    examples: [
      {
        formula:
          '=SLA_FOLLOWUP_SPEED({"2026-12-01 09:00"; "2026-12-01 10:00"; "2026-12-01 11:00"}, {"2026-12-01 10:00"; "2026-12-01 13:00"; ""})',
        result: 2,
      },
      { formula: '=SLA_FOLLOWUP_SPEED(Leads_HandedOff, Leads_FirstFollowUp, "p90", "Mon-Fri 09:00-17:00")' },
      {
        formula:
          '=SLA_FOLLOWUP_SPEED({"2026-12-01 09:00"; "2026-12-01 10:00"}, {"2026-12-01 10:00"; "2026-12-01 08:00"}, "skipped")',
        result: 1,
      },
    ],
    params: [handedOff, firstFollowUp, statistic("statistic"), hours, holidayDates],
    evaluate: ([from, to, stat, workingHours, days], context) => {
      const counter = counterFor(workingHours, days);
      const zone = context.zone();
      const measured: number[] = [];
      let skipped = 0;
      for (let index = 0; index < to.length; index++) {
        const followedUp = to[index];
        if (followedUp === undefined) continue;
        const handed = from[index];
        // The lead log flags these rows and its reports leave them out; so does this summary.
        if (handed === undefined || followedUp < handed) {
          skipped += 1;
          continue;
        }
        measured.push(responseHours(handed, followedUp, zone, counter));
      }
      return summarizeHours(measured, stat, skipped);
    },
  }),
  aggregate({
    name: "SLA_SPEED_BANDS",
    row: true,
    examples: [
      {
        formula:
          '=SLA_SPEED_BANDS({"2026-12-01 09:00"; "2026-12-01 09:00"; "2026-12-01 09:00"}, {"2026-12-01 09:03"; "2026-12-01 12:00"; ""})',
        result: [[1, 1, 2, 1]],
      },
      { formula: '=SLA_SPEED_BANDS(Leads_HandedOff, Leads_FirstFollowUp, {5/60, 1, 4, 24}, "Mon-Fri 09:00-17:00")' },
    ],
    params: [handedOff, firstFollowUp, hourEdges("bands", DEFAULT_BAND_HOURS), hours, holidayDates],
    evaluate: ([from, to, edges, workingHours, days], context) => {
      const counter = counterFor(workingHours, days);
      const zone = context.zone();
      const measured: (number | undefined)[] = [];
      for (let index = 0; index < from.length; index++) {
        const handed = from[index];
        const followedUp = to[index];
        if (handed === undefined) continue;
        if (followedUp === undefined) measured.push(undefined);
        // The lead log flags these rows and its reports leave them out; so does this count.
        else if (followedUp >= handed) measured.push(responseHours(handed, followedUp, zone, counter));
      }
      return speedBandCounts(measured, edges);
    },
  }),
  aggregate({
    name: "SLA_FOLLOWUP_DEPTH",
    examples: [
      { formula: "=SLA_FOLLOWUP_DEPTH({3; 6; 2}, {FALSE; FALSE; TRUE})", result: 4.5 },
      {
        formula: '=SLA_FOLLOWUP_DEPTH({3; ""; 2}, {FALSE; FALSE; TRUE}, {"2026-12-01"; "2026-12-02"; "2026-12-02"})',
        result: 1.5,
      },
    ],
    params: [
      amount("attempts", "nonNegative"),
      connectedFlag("connected"),
      {
        ...date("handed_off"),
        optional: true,
      },
    ],
    evaluate: ([attempts, connected, handedOffColumn]) => {
      // An optional column that was not passed arrives as undefined, not as a column.
      const handed = handedOffColumn as (number | undefined)[] | undefined;
      const worked: number[] = [];
      const reached: boolean[] = [];
      attempts.forEach((value, index) => {
        if (handed ? handed[index] === undefined : value === undefined) return;
        // A lead handed off with no attempts recorded has had none yet.
        worked.push(value ?? 0);
        reached.push(connected[index] === true);
      });
      return followUpDepth(worked, reached);
    },
  }),
  elementwise({
    name: "SLA_PACE",
    examples: [{ formula: "=SLA_PACE(60, 100, DATE(2026, 4, 15))", result: 1.2 }],
    params: [amount("actual_to_date", "nonNegative"), positiveMonthlyGoal, dayInMonth("date")],
    evaluate: ([actual, goal, when]) => pace(actual, goal, when.day, when.daysInMonth),
  }),
  aggregate({
    name: "SLA_LEAD_VALUE",
    examples: [
      {
        formula: '=SLA_LEAD_VALUE({"CEO"; "Manager"; "CEO"}, {"CEO", 100; "Director", 50; "Manager", 40})',
        result: 240,
      },
    ],
    params: [label("tiers"), tierTable("tier_table")],
    evaluate: ([tiers, table]) => {
      const values = tierValues(table, "tier_table");
      let total = 0;
      tiers.forEach((tier, index) => {
        if (tier === undefined) return;
        total += atRow(index + 1, () => leadValue([tier], values));
      });
      return total;
    },
  }),
  elementwise({
    name: "SLA_ALLOWED_DOWNTIME",
    examples: [
      { formula: "=SLA_ALLOWED_DOWNTIME(99.9%)", result: 525.6 },
      { formula: '=SLA_ALLOWED_DOWNTIME("99,99 %", "month")', result: 4.38 },
    ],
    params: [rate("availability", { allowZero: true }), period("period")],
    evaluate: ([availability, per]) => allowedDowntimeMinutes(availability, per),
  }),
  elementwise({
    name: "SLA_REP_CAPACITY",
    examples: [{ formula: "=SLA_REP_CAPACITY(100, 6, 10, 160)", result: 0.625 }],
    params: [
      amount("leads_per_rep", "nonNegative"),
      amount("attempts_goal", "nonNegative"),
      amount("minutes_per_attempt", "nonNegative"),
      amount("hours_available", "positive"),
    ],
    evaluate: ([leads, attempts, minutes, available]) => repCapacity(leads, attempts, minutes, available),
  }),
] as const;

/** The texts texts.ts must give in each language: one per declared function and parameter. */
export type DeclaredTexts = FunctionTexts<typeof DECLARED>;

/** The functions as the runtime calls them. They carry no texts, so the server bundle (dist/Code.js) holds none. */
const RUNTIME = DECLARED as readonly unknown[] as readonly DeclaredFunction[];

/** The functions with their texts, for the stubs, the docs and the reference dialog (all made at build time). */
export const FUNCTIONS: readonly CustomFunction[] = /* @__PURE__ */ DECLARED.map((fn) => withTexts(fn, FUNCTION_TEXTS));

export function findFunction(name: string): DeclaredFunction | undefined {
  return RUNTIME.find((fn) => fn.name === name.toUpperCase());
}
