// Target vs actual for a goal: which periods are under target, the latest result, the streak.

import { comparePeriods } from './periods';
import { targetDifference, targetStatus, type Direction, type TargetStatus } from './targetStatus';

export type { Direction, TargetPosition, TargetStatus } from './targetStatus';

export interface Measurements {
  direction: Direction;
  targets: Readonly<Record<string, number>>;
  actuals: Readonly<Record<string, number>>;
}

/** Whether an actual misses its target: below it when higher is better, above it when lower is (see targetStatus.ts). */
export function missesTarget(direction: Direction, target: number, actual: number): boolean {
  return !targetStatus(direction, targetDifference(target, actual)).met;
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

export type Trend = 'rising' | 'falling' | 'flat';

/** Actuals the trend looks at: the latest few. */
export const TREND_WINDOW = 3;

/**
 * Which way the latest actuals go: the sign of the least-squares slope over the last
 * `TREND_WINDOW` actuals (at least two), against time in periods (a gap of a missing period
 * counts as time). `flat` when the line moves less than 1 % of the largest value in the window
 * across it. null with fewer than two actuals.
 */
export function actualTrend(goal: Pick<Measurements, 'actuals'>, window = TREND_WINDOW): Trend | null {
  const periods = Object.keys(goal.actuals).sort(comparePeriods).slice(-window);
  if (periods.length < 2) return null;
  const first = periods[0]!;
  const xs = periods.map((p) => comparePeriods(p, first));
  const ys = periods.map((p) => goal.actuals[p]!);
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
  }
  if (sxx === 0) return null;
  const change = (sxy / sxx) * (xs[n - 1]! - xs[0]!);
  const scale = Math.max(...ys.map(Math.abs));
  if (Math.abs(change) <= Math.max(scale * 0.01, 1e-9)) return 'flat';
  return change > 0 ? 'rising' : 'falling';
}

/** Whether a trend is good news for a goal: rising when higher is better, falling when lower is. */
export function trendImproves(direction: Direction, trend: Trend): boolean | null {
  if (trend === 'flat') return null;
  return (trend === 'rising') === (direction === 'up');
}

export interface Gap extends TargetStatus {
  /** actual − target: negative when under the target. */
  difference: number;
}

/** The gap between an actual and its target, free of binary noise, with its status for the direction. */
export function gapToTarget(direction: Direction, target: number, actual: number): Gap {
  const difference = targetDifference(target, actual);
  return { difference, ...targetStatus(direction, difference) };
}

/** The gap in the latest period with an actual, or null when that period has no target. */
export function latestGap(goal: Measurements): (Gap & { period: string }) | null {
  const latest = latestActualPeriod(goal);
  if (latest === null) return null;
  const target = goal.targets[latest];
  if (target === undefined) return null;
  return { period: latest, ...gapToTarget(goal.direction, target, goal.actuals[latest]!) };
}
