/**
 * Native Sheets formulas that mirror the custom functions (design decision 1:
 * the shared workbook works without the add-on). Each builder takes cell
 * references or named ranges and returns formula text without the leading
 * "="; tests evaluate both twins and compare. Formula text is locale-proof:
 * English names, commas, no decimal literals (design decision 2).
 */

/** R = Q × s */
export function revenueGoalFormula(quota: string, share: string): string {
  return `${quota}*${share}`;
}

/** Rounds up to a whole number, forgiving a trillionth of noise: the same rule as ceilWhole. */
export function ceilWholeFormula(value: string): string {
  return `MAX(0,ROUNDUP(${value}-MAX(1,ABS(${value}))/1000000000000,0))`;
}

/** K = R ÷ d rounded up to whole customers. */
export function customersNeededFormula(revenueGoal: string, avgDealSize: string): string {
  return ceilWholeFormula(`(${revenueGoal}/${avgDealSize})`);
}

/** L = K ÷ c rounded up to whole leads, K already whole. */
export function leadsNeededFormula(customersNeeded: string, closeRate: string): string {
  return ceilWholeFormula(`(${customersNeeded}/${closeRate})`);
}

/** Days in the month of a date. */
export function daysInMonthFormula(date: string): string {
  return `DAY(EOMONTH(${date},0))`;
}

/** Goal ÷ days in the month of a date. */
export function dailyTargetFormula(goal: string, date: string): string {
  return `${goal}/${daysInMonthFormula(date)}`;
}

/** k × g ÷ n for the day of a date. */
export function cumulativeGoalFormula(goal: string, date: string): string {
  return `DAY(${date})*${goal}/${daysInMonthFormula(date)}`;
}

/** Actual ÷ goal to date. */
export function paceFormula(actual: string, goal: string, date: string): string {
  return `${actual}/(${cumulativeGoalFormula(goal, date)})`;
}

/** c = W ÷ M, blank while there are no leads. */
export function closeRateFormula(customers: string, leads: string): string {
  return `IF(N(${leads})>0,${customers}/${leads},"")`;
}

/** d = V ÷ W, blank while there are no customers. */
export function dealSizeFormula(revenue: string, customers: string): string {
  return `IF(N(${customers})>0,${revenue}/${customers},"")`;
}

/** s = Tm ÷ T, blank while total revenue is not entered. */
export function marketingShareFormula(marketingRevenue: string, totalRevenue: string): string {
  return `IF(N(${totalRevenue})>0,${marketingRevenue}/${totalRevenue},"")`;
}

/** Where the working-time settings live, as cell references. */
export interface WorkTimeRefs {
  /** A 7-character weekend mask for NETWORKDAYS.INTL, Monday first: "0000011" = Saturday and Sunday off. */
  readonly mask: string;
  /** Start and end of the working day as fractions of a day. */
  readonly dayStart: string;
  readonly dayEnd: string;
  readonly holidays: string;
}

/**
 * Hours of working time between two date-times (the end not before the
 * start): whole working days between them plus the parts of the first and
 * last day inside working hours. Without work time, elapsed hours.
 */
export function workingHoursFormula(from: string, to: string, work: WorkTimeRefs | undefined): string {
  if (!work) return `(${to}-${from})*24`;
  const days = (a: string, b: string): string => `NETWORKDAYS.INTL(${a},${b},${work.mask},${work.holidays})`;
  return (
    `24*((${days(from, to)}-1)*(${work.dayEnd}-${work.dayStart})` +
    `+IF(${days(to, to)},MEDIAN(MOD(${to},1),${work.dayEnd},${work.dayStart}),${work.dayEnd})` +
    `-MEDIAN(${days(from, from)}*MOD(${from},1),${work.dayEnd},${work.dayStart}))`
  );
}

/** Response hours for one lead row: blank until followed up, a flag when the follow-up is before the hand-off. */
export function responseHoursFormula(handedOff: string, firstFollowUp: string, work: WorkTimeRefs | undefined, beforeHandOff: string): string {
  return `IF(OR(${handedOff}="",${firstFollowUp}=""),"",IF(${firstFollowUp}<${handedOff},${quote(beforeHandOff)},${workingHoursFormula(handedOff, firstFollowUp, work)}))`;
}

/** Text as a formula string literal. */
export function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Weekend mask for NETWORKDAYS.INTL from working weekdays (0 = Sunday … 6 = Saturday). */
export function weekendMask(workingDays: readonly number[]): string {
  // The mask runs Monday to Sunday; 1 marks a day off.
  return [1, 2, 3, 4, 5, 6, 0].map((day) => (workingDays.includes(day) ? "0" : "1")).join("");
}
