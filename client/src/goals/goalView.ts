// Pure helpers behind the Mål field: which periods the entry table and the chart show, the
// chart's series and value range, and how a typed number is read. No React, no DOM, so they
// are unit-tested (tests/unit/goals-view.test.ts) and could move to shared/ if the server needs them.

import { addPeriods, comparePeriods, periodOfDate, periodRange, type Frequency } from '../../../shared/domain/periods';
import { dateInZone } from '../../../shared/domain/calendar';
import { missesTarget, type Measurements } from '../../../shared/domain/goalProgress';
import { parseNumberWithUnit } from '../../../shared/domain/numbers';

/** Periods before the current one shown in the entry table of a goal without numbers. */
export const EMPTY_BEFORE = 6;
/** Periods after the current one (or the last one with a number) shown in the entry table. */
export const AFTER = 2;
/** Most periods the chart draws; older ones are in the table. */
export const MAX_CHART_PERIODS = 36;
/** Most rows the entry table shows. */
export const MAX_TABLE_PERIODS = 240;

/** How many periods one "earlier"/"later" click adds to the entry table. */
export const WINDOW_STEP: Record<Frequency, number> = { weekly: 4, monthly: 3, quarterly: 2 };

/** The current period of a frequency, by the calendar date in Europe/Copenhagen. */
export function currentPeriod(frequency: Frequency, now: Date = new Date()): string {
  return periodOfDate(dateInZone(now), frequency);
}

/** Every period that has a target or an actual, in time order. */
export function dataPeriods(goal: Pick<Measurements, 'targets' | 'actuals'>): string[] {
  return [...new Set([...Object.keys(goal.targets), ...Object.keys(goal.actuals)])].sort(comparePeriods);
}

const minPeriod = (a: string, b: string) => (comparePeriods(a, b) <= 0 ? a : b);
const maxPeriod = (a: string, b: string) => (comparePeriods(a, b) >= 0 ? a : b);

/** Last `max` periods of the range from..to (the whole range when it is short enough). */
function clippedRange(from: string, to: string, max: number): string[] {
  const all = periodRange(from, to, Number.MAX_SAFE_INTEGER);
  return all.length > max ? all.slice(all.length - max) : all;
}

/**
 * Rows of the entry table: from the first period with a number (or `EMPTY_BEFORE` periods
 * before the current one when there is none) through `AFTER` periods past the later of the
 * current period and the last number; widened by the user's "earlier"/"later" clicks.
 */
export function entryPeriods(
  goal: Pick<Measurements, 'targets' | 'actuals'>,
  current: string,
  extraBefore = 0,
  extraAfter = 0,
): string[] {
  const periods = dataPeriods(goal);
  const first = periods[0];
  const last = periods[periods.length - 1];
  const from = first !== undefined ? minPeriod(first, current) : addPeriods(current, -EMPTY_BEFORE);
  const to = addPeriods(last !== undefined ? maxPeriod(last, current) : current, AFTER);
  return clippedRange(addPeriods(from, -extraBefore), addPeriods(to, extraAfter), MAX_TABLE_PERIODS);
}

/** Rows of the read-only table: the periods from the first to the last number. */
export function viewPeriods(goal: Pick<Measurements, 'targets' | 'actuals'>): string[] {
  const periods = dataPeriods(goal);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return [];
  return clippedRange(first, last, MAX_TABLE_PERIODS);
}

/**
 * Periods the chart draws: first to last number. A longer span is cut to `max` periods that end
 * a quarter of `max` after the latest actual (so the latest results and the next targets show).
 */
export function chartPeriods(goal: Measurements, max = MAX_CHART_PERIODS): string[] {
  const periods = dataPeriods(goal);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return [];
  const all = periodRange(first, last, Number.MAX_SAFE_INTEGER);
  if (all.length <= max) return all;
  const actuals = Object.keys(goal.actuals).sort(comparePeriods);
  const anchor = actuals[actuals.length - 1] ?? last;
  const end = minPeriod(last, addPeriods(anchor, Math.floor(max / 4)));
  return periodRange(maxPeriod(first, addPeriods(end, -(max - 1))), end, max);
}

export interface ChartPoint {
  period: string;
  target: number | null;
  actual: number | null;
  /** Both numbers present and the actual misses the target. */
  under: boolean;
}

export function chartSeries(goal: Measurements, periods: readonly string[]): ChartPoint[] {
  return periods.map((period) => {
    const target = goal.targets[period] ?? null;
    const actual = goal.actuals[period] ?? null;
    const under = target !== null && actual !== null && missesTarget(goal.direction, target, actual);
    return { period, target, actual, under };
  });
}

/** Value range for the y axis: every number in the series, padded so lines do not touch the edges. */
export function valueDomain(points: readonly ChartPoint[]): [number, number] {
  const values = points.flatMap((p) => [p.target, p.actual]).filter((v): v is number => v !== null);
  if (values.length === 0) return [0, 1];
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) {
    const pad = Math.abs(low) * 0.1 || 1;
    return [low - pad, high + pad];
  }
  const pad = (high - low) * 0.08;
  // Do not pad below zero when every value is positive (shares, counts, times).
  low = low >= 0 ? Math.max(0, low - pad) : low - pad;
  high += pad;
  return [low, high];
}

/** Every n-th tick label so labels of `labelWidth` px do not collide on `step` px columns. */
export function labelEvery(step: number, labelWidth: number): number {
  if (step <= 0) return 1;
  return Math.max(1, Math.ceil(labelWidth / step));
}

export type Entry = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

/**
 * What a person typed into a target or actual cell: empty (clear the value), a number (Danish
 * `12,5`, `1.250`, or English on request), or not a number. A trailing `%` or the goal's own
 * unit is allowed (`71 %`, `12 dage`).
 */
export function parseEntry(text: string, locale: 'da' | 'en', unit = ''): Entry {
  if (text.trim() === '') return { kind: 'empty' };
  const value = parseNumberWithUnit(text, locale, unit);
  return value === null ? { kind: 'invalid' } : { kind: 'number', value };
}

/** A formatted number with its unit: `71 %`, `12,5 dage` (no line break between them). */
export function withUnit(formatted: string, unit: string, locale: 'da' | 'en'): string {
  const u = unit.trim();
  if (u === '') return formatted;
  if (u === '%' && locale === 'en') return `${formatted}%`;
  return `${formatted}\u00a0${u}`;
}

/** The unit of a difference: percentage points for a goal measured in %. */
export function differenceUnit(unit: string, percentPoints: string): string {
  return unit.trim() === '%' ? percentPoints : unit;
}

/** A difference with its sign (a real minus, U+2212) and unit: `−1 pct.-point`, `+3 dage`, `0 %`. */
export function signedWithUnit(difference: number, formatAbs: (n: number) => string, unit: string): string {
  const sign = difference < 0 ? '\u2212' : difference > 0 ? '+' : '';
  const u = unit.trim();
  return `${sign}${formatAbs(Math.abs(difference))}${u ? `\u00a0${u}` : ''}`;
}

/** Periods a period picker offers: some years around now, widened to every period with a number. */
export function pickerPeriods(frequency: Frequency, current: string, goal: Pick<Measurements, 'targets' | 'actuals'>): string[] {
  const around: Record<Frequency, [number, number]> = { monthly: [24, 60], weekly: [52, 156], quarterly: [8, 20] };
  const [before, after] = around[frequency];
  const data = dataPeriods(goal);
  const from = minPeriod(addPeriods(current, -before), data[0] ?? current);
  const to = maxPeriod(addPeriods(current, after), data[data.length - 1] ?? current);
  return periodRange(from, to, 2000);
}
