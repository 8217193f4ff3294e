// Target vs actual for a goal: which periods are under target, the latest result, the streak.

import { comparePeriods } from './periods';

export type Direction = 'up' | 'down';

export interface Measurements {
  direction: Direction;
  targets: Readonly<Record<string, number>>;
  actuals: Readonly<Record<string, number>>;
}

/** Whether an actual misses its target: below it when higher is better, above it when lower is. */
export function missesTarget(direction: Direction, target: number, actual: number): boolean {
  return direction === 'up' ? actual < target : actual > target;
}

/** Periods that have both a target and an actual, in time order. */
export function measuredPeriods(goal: Measurements): string[] {
  return Object.keys(goal.actuals)
    .filter((period) => goal.targets[period] !== undefined)
    .sort(comparePeriods);
}

/** Periods whose actual misses the target, in time order. */
export function underTargetPeriods(goal: Measurements): string[] {
  return measuredPeriods(goal).filter((period) =>
    missesTarget(goal.direction, goal.targets[period]!, goal.actuals[period]!),
  );
}

/** The latest period that has an actual, or null. */
export function latestActualPeriod(goal: Measurements): string | null {
  const periods = Object.keys(goal.actuals).sort(comparePeriods);
  return periods[periods.length - 1] ?? null;
}

/**
 * Under target in the latest period with an actual (design.md: a goal is under target when its
 * latest period with an actual misses that period's target). No target there: not under.
 */
export function isUnderTarget(goal: Measurements): boolean {
  const latest = latestActualPeriod(goal);
  if (latest === null) return false;
  const target = goal.targets[latest];
  return target !== undefined && missesTarget(goal.direction, target, goal.actuals[latest]!);
}

/** How many measured periods in a row, ending with the latest, miss the target. */
export function underTargetStreak(goal: Measurements): number {
  const periods = measuredPeriods(goal);
  let streak = 0;
  for (let i = periods.length - 1; i >= 0; i--) {
    const period = periods[i]!;
    if (!missesTarget(goal.direction, goal.targets[period]!, goal.actuals[period]!)) break;
    streak++;
  }
  return streak;
}
