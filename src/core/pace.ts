/**
 * Daily pace of a monthly goal (method §4).
 * @example dailyTarget(100, 31) // 3.2258…
 */
export function dailyTarget(monthlyGoal: number, daysInMonth: number): number {
  return monthlyGoal / daysInMonth;
}

/**
 * Goal to date on day k of an n-day month: k × g ÷ n (day n reaches g).
 * @example cumulativeGoal(100, 15, 30) // 50
 */
export function cumulativeGoal(monthlyGoal: number, day: number, daysInMonth: number): number {
  return (day * monthlyGoal) / daysInMonth;
}

/**
 * The month's goal line: cumulative goals for days 1..n.
 * @example goalLine(28, 28) // [1, 2, …, 28]
 */
export function goalLine(monthlyGoal: number, daysInMonth: number): number[] {
  return Array.from({ length: daysInMonth }, (_, index) => cumulativeGoal(monthlyGoal, index + 1, daysInMonth));
}

/**
 * Actual ÷ goal to date: 1 is exactly on pace, above 1 ahead, below 1 behind.
 * @example pace(60, 100, 15, 30) // 1.2
 */
export function pace(actualToDate: number, monthlyGoal: number, day: number, daysInMonth: number): number {
  return actualToDate / cumulativeGoal(monthlyGoal, day, daysInMonth);
}
