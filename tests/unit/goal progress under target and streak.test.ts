import { describe, expect, it } from 'vitest';
import { isUnderTarget, latestActualPeriod, missesTarget, underTargetPeriods, underTargetStreak } from '../../shared/domain/goalProgress';

// The example goal of domain.md: share of letters sent digitally, higher is better.
const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}`);
const targetValues = [60, 62, 64, 66, 68, 70, 72, 74, 76, 78, 80, 80];
const actualValues = [58, 61, 65, 66, 69, 70, 68, 67, 71, 75, 79];
const digitalPost = {
  direction: 'up' as const,
  targets: Object.fromEntries(months.map((m, i) => [m, targetValues[i]!])),
  actuals: Object.fromEntries(actualValues.map((v, i) => [months[i]!, v])),
};

describe('higher is better', () => {
  it('marks the months whose actual is below target', () => {
    expect(underTargetPeriods(digitalPost)).toEqual(['2026-01', '2026-02', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it('counts reaching the target exactly as on target', () => {
    expect(missesTarget('up', 66, 66)).toBe(false);
    expect(missesTarget('down', 66, 66)).toBe(false);
  });

  it('finds the latest actual and the streak ending there', () => {
    expect(latestActualPeriod(digitalPost)).toBe('2026-11');
    expect(isUnderTarget(digitalPost)).toBe(true);
    expect(underTargetStreak(digitalPost)).toBe(5);
  });
});

describe('lower is better', () => {
  const processingDays = { direction: 'down' as const, targets: { '2026-Q1': 10, '2026-Q2': 9, '2026-Q3': 8 }, actuals: { '2026-Q1': 12, '2026-Q2': 9, '2026-Q3': 7.5 } };

  it('marks periods whose actual is above target', () => {
    expect(underTargetPeriods(processingDays)).toEqual(['2026-Q1']);
    expect(isUnderTarget(processingDays)).toBe(false);
    expect(underTargetStreak(processingDays)).toBe(0);
  });
});

describe('missing numbers', () => {
  it('is not under target without actuals, or when the latest actual has no target', () => {
    expect(isUnderTarget({ direction: 'up', targets: { '2026-01': 5 }, actuals: {} })).toBe(false);
    expect(isUnderTarget({ direction: 'up', targets: { '2026-01': 5 }, actuals: { '2026-01': 1, '2026-02': 1 } })).toBe(false);
    expect(latestActualPeriod({ direction: 'up', targets: {}, actuals: {} })).toBeNull();
  });
});
