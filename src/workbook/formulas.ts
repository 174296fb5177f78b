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
  /**
   * The holidays that cost a working day: per listed holiday its whole day
   * when it falls on a working weekday and is not listed above, else blank
   * (holidayDayFormula). A weekend holiday or a repeat costs nothing, as in
   * NETWORKDAYS.INTL.
   */
  readonly holidayDays: string;
}

/**
 * One cell of WorkTimeRefs.holidayDays for the holiday in `holiday`:
 * `daysAbove` is the range of the cells of this formula for the holidays
 * listed above it (undefined for the first).
 */
export function holidayDayFormula(holiday: string, mask: string, daysAbove: string | undefined): string {
  const conditions = [
    isWorkingWeekday(`INT(${holiday})`, mask),
    ...(daysAbove ? [`COUNTIF(${daysAbove},INT(${holiday}))=0`] : []),
  ];
  return `IF(ISNUMBER(${holiday}),IF(AND(${conditions.join(",")}),INT(${holiday}),""),"")`;
}

/** Whether the whole day `day` is a working weekday under the mask (serial 2 is a Monday, the mask's first character). */
function isWorkingWeekday(day: string, mask: string): string {
  return `MID(${mask},MOD(${day}+5,7)+1,1)="0"`;
}

/**
 * Working weekdays from the serial epoch through the whole day `day` (the
 * holidays are taken off separately): whole weeks times `week_days`, plus
 * the working days among the first MOD(day,7) days of its week, read off
 * `sunday_first`, the mask from Sunday (serial 1 is a Sunday, so MOD(day,7)
 * counts Sunday as 1 and a Saturday as 0, a whole week). Text functions
 * with a column as their argument, element-wise inside ARRAYFORMULA, where
 * Sheets does not expand NETWORKDAYS.INTL and documents CHOOSE with a
 * single index only.
 */
function weekdaysThrough(day: string): string {
  return `(INT((${day})/7)*week_days+LEN(SUBSTITUTE(LEFT(sunday_first,MOD(${day},7)),"1","")))`;
}

/**
 * How many of the holidays that cost a working day satisfy `condition`, an
 * element-wise test of `holiday_row`, the holidays as a row (e.g.
 * `(E2:E>=holiday_row)*1`): a rows × holidays table summed along each row
 * with MMULT by `ones`. Plain array arithmetic, where COUNTIFS per row would
 * parse a criterion for every lead; blanks in the list are text, above every
 * date, and must fail `condition`.
 */
function holidaysMatching(condition: string): string {
  return `MMULT(${condition},ones)`;
}

/**
 * 1 when the whole day of `time` is a working day (a working weekday, as
 * `weekdayWorks` says, and not a holiday), else 0. Holidays are whole days,
 * so the day of `time` is holiday H exactly when time-1 < H <= time.
 */
function isWorkingDay(time: string, weekdayWorks: string): string {
  return `(${weekdayWorks})*(${holidaysMatching(`(${time}>=holiday_row)*(${time}-1<holiday_row)`)}=0)`;
}

/** The time of day `clock`, kept inside working hours (MEDIAN(clock, start, end), element-wise). */
function clampToWorkingHours(clock: string, work: WorkTimeRefs): string {
  return `IF(${clock}<${work.dayStart},${work.dayStart},IF(${clock}>${work.dayEnd},${work.dayEnd},${clock}))`;
}

/**
 * Hours as a whole number of seconds: `days` is a span in days computed
 * from date-times, whose time of day (a date-time minus its day, on serials
 * near 46,000) carries a few millionths of a second of binary noise. A
 * response of exactly the goal is then exactly the goal, not a hair above.
 */
function hoursToTheSecond(days: string): string {
  return `ROUND((${days})*86400)/3600`;
}

/** A formula whose columns of intermediates LET names once: `names` in order, then `body` over them. */
export interface LetFormula {
  readonly names: readonly (readonly [string, string])[];
  readonly body: string;
}

/**
 * LET around ARRAYFORMULA, the shape Google's LET examples show: each named
 * value and the body are their own ARRAYFORMULA (a value that is a plain
 * range or name stays one), so every element-wise step is inside ARRAYFORMULA and
 * LET itself only names. Without names, the body's ARRAYFORMULA alone.
 */
export function letArrayFormula({ names, body }: LetFormula): string {
  if (names.length === 0) return `ARRAYFORMULA(${body})`;
  const reference =
    /^(?:(?:'(?:[^']|'')+'!|[A-Za-z0-9_.]+!)?\$?[A-Z]+\$?\d*(?::\$?[A-Z]+\$?\d*)?|[A-Za-z_][A-Za-z0-9_.]*)$/;
  const value = (text: string): string => (reference.test(text) ? text : `ARRAYFORMULA(${text})`);
  return `LET(${names.map(([name, text]) => `${name},${value(text)}`).join(",")},ARRAYFORMULA(${body}))`;
}

/**
 * Hours of working time between two date-times (the end not before the
 * start), to the second: whole working days between them plus the parts of
 * the first and last day inside working hours. Without work time, elapsed
 * hours. Element-wise: `from` and `to` may be cells or equally long columns
 * (one formula per column instead of a formula per row). `wrap` puts the
 * hours into the column's expression (e.g. blank before the hand-off); LET
 * names each intermediate (the day numbers, whether each end is a working
 * day), so a column of 20,000 leads computes each once instead of once per use.
 */
export function workingHoursFormula(
  from: string,
  to: string,
  work: WorkTimeRefs | undefined,
  wrap: (hours: string) => string = (hours) => hours,
): LetFormula {
  if (!work) return { names: [], body: wrap(hoursToTheSecond(`${to}-${from}`)) };
  const names: [string, string][] = [
    ["from_time", from],
    ["to_time", to],
    ["from_day", "INT(from_time)"],
    ["to_day", "INT(to_time)"],
    // The mask from Sunday, and the working days of a whole week.
    ["sunday_first", `RIGHT(${work.mask},1)&${work.mask}`],
    ["week_days", `LEN(SUBSTITUTE(${work.mask},"1",""))`],
    // The holiday tables are one MMULT per column: an error in one lead (a date typed as text) would be every lead's.
    // Those tables read 0 for such a lead instead, and its own result is still the error.
    ["from_safe", "IF(ISNUMBER(from_time),from_time,0)"],
    ["to_safe", "IF(ISNUMBER(to_time),to_time,0)"],
    ["holiday_row", `TRANSPOSE(${work.holidayDays})`],
    ["ones", `SEQUENCE(ROWS(${work.holidayDays}),1,1,0)`],
    // Holidays on the days first … last, whole days H: first <= H <= last is from-1 < H <= to.
    [
      "working_days",
      `${weekdaysThrough("to_day")}-${weekdaysThrough("from_day-1")}-${holidaysMatching("(from_safe-1<holiday_row)*(to_safe>=holiday_row)")}`,
    ],
    ["to_clock", "to_time-to_day"],
    ["from_clock", "from_time-from_day"],
    [
      "to_part",
      `IF(${isWorkingDay("to_safe", isWorkingWeekday("to_day", work.mask))},${clampToWorkingHours("to_clock", work)},${work.dayEnd})`,
    ],
    [
      "from_part",
      `IF(${isWorkingDay("from_safe", isWorkingWeekday("from_day", work.mask))},${clampToWorkingHours("from_clock", work)},${work.dayStart})`,
    ],
  ];
  return {
    names,
    body: wrap(hoursToTheSecond(`(working_days-1)*(${work.dayEnd}-${work.dayStart})+to_part-from_part`)),
  };
}

/**
 * Working hours since the hand-off: to the first follow-up, or to now while
 * the lead waits; blank before the hand-off. Element-wise like
 * workingHoursFormula. The lead log keeps it in a column that both response
 * hours and the status read, so the working time is computed once per lead.
 */
export function hoursSoFarFormula(handedOff: string, firstFollowUp: string, work: WorkTimeRefs | undefined): string {
  // Arithmetic, not IF(…="",NOW(),…): an IF per lead is what costs.
  return letArrayFormula(
    workingHoursFormula(
      handedOff,
      `(${firstFollowUp}+(${firstFollowUp}="")*NOW())`,
      work,
      (hours) => `IF(${handedOff}="","",${hours})`,
    ),
  );
}

/** The flags response hours show instead of a number, in the workbook's language. */
export interface ResponseFlags {
  /** The follow-up is before the hand-off. */
  readonly beforeHandOff: string;
  /** The hand-off or the follow-up is not a date (text typed or pasted into the log). */
  readonly notADate: string;
}

/**
 * Response hours: blank until followed up, a flag when the follow-up is
 * before the hand-off or either is not a date. Element-wise like
 * workingHoursFormula (no OR, which Sheets would fold to one value inside
 * ARRAYFORMULA). `hoursSoFar`, when given, is hoursSoFarFormula's result for
 * the same leads and is read instead of counting the working time again; a
 * lead whose dates aren't dates has an error there, and only that lead.
 */
export function responseHoursFormula(
  handedOff: string,
  firstFollowUp: string,
  work: WorkTimeRefs | undefined,
  flags: ResponseFlags,
  hoursSoFar?: string,
): string {
  const shown = (hours: string): string =>
    `IF((${handedOff}="")+(${firstFollowUp}=""),"",IF(ISERROR(${hours}),${quote(flags.notADate)},IF(${firstFollowUp}<${handedOff},${quote(flags.beforeHandOff)},${hours})))`;
  return hoursSoFar === undefined
    ? letArrayFormula(workingHoursFormula(handedOff, firstFollowUp, work, shown))
    : `ARRAYFORMULA(${shown(hoursSoFar)})`;
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
