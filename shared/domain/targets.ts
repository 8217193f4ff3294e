// Generated targets (måltal): one value for a run of periods, or a ramp from the baseline up
// (or down) to a target value by a period. Benefits rarely arrive in full from the start, so a
// business case's targets usually ramp. Pure: periods in, a record of period → target out.

import { comparePeriods, isPeriodOf, periodRange, type Frequency } from './periods';

/** Most periods one generation may produce (20 years of weeks). */
export const MAX_GENERATED_PERIODS = 1100;

/** The same target for every period from `from` to `to`, both included. */
export function constantTargets(frequency: Frequency, from: string, to: string, value: number): Record<string, number> {
  checkPeriods(frequency, from, to);
  if (!Number.isFinite(value)) throw new RangeError(`Not a number: ${value}`);
  return Object.fromEntries(periodRange(from, to, MAX_GENERATED_PERIODS).map((p) => [p, value]));
}

export interface RampInput {
  frequency: Frequency;
  /** The first period of the ramp; its target is the baseline. */
  from: string;
  baseline: number;
  /** The period by which the target value is reached. */
  by: string;
  target: number;
  /** Keep the target value constant after `by` up to this period (optional). */
  holdUntil?: string | null;
  /** Decimals to round to; by default enough to tell the steps apart (see rampDecimals). */
  decimals?: number;
}

/**
 * A straight line from `baseline` in `from` to `target` in `by`, one value per period, rounded
 * to `decimals` (the two ends are kept exactly); then `target` for every period up to
 * `holdUntil`. `by` equal to `from` gives that one period the target value.
 */
export function rampTargets(input: RampInput): Record<string, number> {
  const { frequency, from, by, baseline, target } = input;
  checkPeriods(frequency, from, by);
  if (!Number.isFinite(baseline) || !Number.isFinite(target)) throw new RangeError('Baseline and target must be numbers');
  const periods = periodRange(from, by, MAX_GENERATED_PERIODS);
  const steps = periods.length - 1;
  const decimals = input.decimals ?? rampDecimals(baseline, target, steps);
  const result: Record<string, number> = {};
  periods.forEach((period, i) => {
    if (steps === 0 || i === steps) result[period] = target;
    else if (i === 0) result[period] = baseline;
    else result[period] = roundTo(baseline + ((target - baseline) * i) / steps, decimals);
  });
  const holdUntil = input.holdUntil ?? null;
  if (holdUntil !== null) {
    if (!isPeriodOf(holdUntil, frequency)) throw new RangeError(`Not a ${frequency} period: ${holdUntil}`);
    if (comparePeriods(holdUntil, by) > 0) {
      const rest = periodRange(by, holdUntil, MAX_GENERATED_PERIODS - periods.length + 1);
      for (const period of rest.slice(1)) result[period] = target;
    }
  }
  return result;
}

/**
 * Decimals for a ramp: those of the two ends, and enough for the step between periods to show
 * with two significant digits at most (a step of 1.83 → 1 decimal, 62.5 → 0, 0.125 → 2), at
 * most 4.
 */
export function rampDecimals(baseline: number, target: number, steps: number): number {
  const ends = Math.max(decimalsOf(baseline), decimalsOf(target));
  if (steps <= 0 || baseline === target) return Math.min(4, ends);
  const step = Math.abs(target - baseline) / steps;
  const forStep = 1 - Math.floor(Math.log10(step));
  return Math.min(4, Math.max(0, ends, forStep));
}

/** Round half away from zero, free of binary noise (0.1 + 0.2 → 0.3). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9) / factor;
  return Number(rounded.toFixed(decimals));
}

function decimalsOf(value: number): number {
  const text = String(value);
  if (/e/i.test(text)) return 4;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function checkPeriods(frequency: Frequency, from: string, to: string): void {
  if (!isPeriodOf(from, frequency)) throw new RangeError(`Not a ${frequency} period: ${from}`);
  if (!isPeriodOf(to, frequency)) throw new RangeError(`Not a ${frequency} period: ${to}`);
  if (comparePeriods(to, from) < 0) throw new RangeError(`${to} is before ${from}`);
  if (periodRange(from, to, MAX_GENERATED_PERIODS + 1).length > MAX_GENERATED_PERIODS) throw new RangeError('Too many periods');
}
