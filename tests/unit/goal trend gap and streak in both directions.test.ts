import { describe, expect, it } from 'vitest';
import { actualTrend, gapToTarget, latestGap, trendImproves, underTargetPeriods, underTargetStreak } from '../../shared/domain/goalProgress';

const monthly = (values: (number | null)[], from = 1): Record<string, number> =>
  Object.fromEntries(values.flatMap((v, i) => (v === null ? [] : [[`2026-${String(from + i).padStart(2, '0')}`, v]])));

describe('trend of the latest actuals', () => {
  it('is the sign of the slope of the last three', () => {
    expect(actualTrend({ actuals: monthly([58, 61, 65, 66, 69, 70, 68, 67, 71, 75, 79]) })).toBe('rising');
    expect(actualTrend({ actuals: monthly([70, 68, 67]) })).toBe('falling');
    expect(actualTrend({ actuals: monthly([90, 50, 70.2, 70, 70.3]) })).toBe('flat');
  });

  it('looks only at the last three, and at time: a missing month is a gap', () => {
    // 10 in Jan, 20 in Feb, 21 in Jun: still rising over time.
    expect(actualTrend({ actuals: { '2026-01': 10, '2026-02': 20, '2026-06': 21 } })).toBe('rising');
    expect(actualTrend({ actuals: monthly([1, 2, 3, 30, 20, 10]) })).toBe('falling');
  });

  it('needs two actuals, and two suffice', () => {
    expect(actualTrend({ actuals: {} })).toBeNull();
    expect(actualTrend({ actuals: { '2026-01': 3 } })).toBeNull();
    expect(actualTrend({ actuals: { '2026-Q1': 3.6, '2026-Q2': 3.9 } })).toBe('rising');
  });

  it('is good news rising when higher is better, falling when lower is', () => {
    expect(trendImproves('up', 'rising')).toBe(true);
    expect(trendImproves('up', 'falling')).toBe(false);
    expect(trendImproves('down', 'falling')).toBe(true);
    expect(trendImproves('down', 'rising')).toBe(false);
    expect(trendImproves('down', 'flat')).toBeNull();
  });
});

describe('gap to target', () => {
  it('is actual minus target, missing by direction', () => {
    expect(gapToTarget('up', 80, 79)).toEqual({ difference: -1, met: false, position: 'under' });
    expect(gapToTarget('down', 20, 23)).toEqual({ difference: 3, met: false, position: 'over' });
    expect(gapToTarget('down', 20, 18)).toEqual({ difference: -2, met: true, position: 'under' });
    expect(gapToTarget('up', 4, 4)).toEqual({ difference: 0, met: true, position: 'at' });
  });

  it('has no binary noise', () => {
    expect(gapToTarget('up', 70.1, 71).difference).toBe(0.9);
    expect(gapToTarget('up', 0.3, 0.1 + 0.2).position).toBe('at');
  });

  it('is taken in the latest period with an actual, and only when it has a target', () => {
    expect(latestGap({ direction: 'up', targets: monthly([60, 62]), actuals: monthly([58, 61]) })).toEqual({ period: '2026-02', difference: -1, met: false, position: 'under' });
    expect(latestGap({ direction: 'up', targets: monthly([60]), actuals: monthly([58, 61]) })).toBeNull();
  });
});

describe('under target and streak, both directions', () => {
  it('higher is better: below the target misses, equal does not', () => {
    const goal = { direction: 'up' as const, targets: monthly([10, 10, 10, 10, 10]), actuals: monthly([9, 10, 9, 8, 7]) };
    expect(underTargetPeriods(goal)).toEqual(['2026-01', '2026-03', '2026-04', '2026-05']);
    expect(underTargetStreak(goal)).toBe(3);
  });

  it('lower is better: above the target misses, equal does not', () => {
    const goal = { direction: 'down' as const, targets: monthly([10, 10, 10, 10, 10]), actuals: monthly([11, 12, 10, 11, 13]) };
    expect(underTargetPeriods(goal)).toEqual(['2026-01', '2026-02', '2026-04', '2026-05']);
    expect(underTargetStreak(goal)).toBe(2);
  });

  it('a streak runs over measured periods: a month without a target neither breaks nor extends it', () => {
    const goal = { direction: 'up' as const, targets: { '2026-01': 5, '2026-03': 5 }, actuals: { '2026-01': 4, '2026-02': 9, '2026-03': 4 } };
    expect(underTargetStreak(goal)).toBe(2);
  });
});
