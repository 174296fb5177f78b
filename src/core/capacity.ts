/**
 * Share of reps' available hours that the depth goal needs (method §5):
 * leads × attempts × minutes per attempt ÷ 60 ÷ hours available.
 * 1 or less: the goal fits; above 1: reps lack the time.
 * @example repCapacity(100, 6, 10, 160) // 0.625
 */
export function repCapacity(
  leadsPerRep: number,
  attemptsGoal: number,
  minutesPerAttempt: number,
  hoursAvailable: number,
): number {
  return (leadsPerRep * attemptsGoal * minutesPerAttempt) / 60 / hoursAvailable;
}
