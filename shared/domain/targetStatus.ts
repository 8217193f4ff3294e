// The one notion of "target not met" (issue 9). Whether an actual meets its target depends on the
// goal's direction (is higher better?); where it is against the target (under, over, at) is plain
// arithmetic. Every place that words a result — goal card, badge, chart legend, Siden sidst, the
// leader overview, the summary API — takes both from here, so a lower-is-better goal that is over
// its target is worded "over måltal" and counted as missed everywhere alike.

export type Direction = 'up' | 'down';

/** Where an actual is against its target as a number. */
export type TargetPosition = 'under' | 'over' | 'at';

export interface TargetStatus {
  /** The target is met: at or above it when higher is better, at or below it when lower is. */
  met: boolean;
  position: TargetPosition;
}

/** actual − target, free of binary noise (71 − 70.1 = 0.9, not 0.8999…; 0.1 + 0.2 − 0.3 = 0). */
export function targetDifference(target: number, actual: number): number {
  const difference = Number(Number((actual - target).toFixed(10)).toPrecision(12));
  return Object.is(difference, -0) ? 0 : difference;
}

/** The status of a gap (`difference` = actual − target) for a goal with this direction. */
export function targetStatus(direction: Direction, difference: number): TargetStatus {
  const position: TargetPosition = difference < 0 ? 'under' : difference > 0 ? 'over' : 'at';
  const met = position === 'at' || (direction === 'up') === (position === 'over');
  return { met, position };
}

/** The position a miss has for a direction: under the target when higher is better, over it when lower is. */
export function missPosition(direction: Direction): Exclude<TargetPosition, 'at'> {
  return direction === 'up' ? 'under' : 'over';
}

/** Reads a direction from untrusted data (an older stored summary has none): 'up' unless it says 'down'. */
export function readDirection(value: unknown): Direction {
  return value === 'down' ? 'down' : 'up';
}
