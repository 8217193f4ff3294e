import { describe, expect, it } from 'vitest';
import { constantTargets, rampDecimals, rampTargets, roundTo } from '../../shared/domain/targets';

describe('constant targets', () => {
  it('gives every period of the range the value, both ends included', () => {
    expect(constantTargets('quarterly', '2026-Q3', '2027-Q2', 4)).toEqual({ '2026-Q3': 4, '2026-Q4': 4, '2027-Q1': 4, '2027-Q2': 4 });
  });

  it('crosses ISO week-year boundaries (2026 has 53 weeks)', () => {
    expect(Object.keys(constantTargets('weekly', '2026-W52', '2027-W02', 10))).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });

  it('refuses periods of another frequency, a reversed range and a non-number', () => {
    expect(() => constantTargets('monthly', '2026-Q1', '2026-Q2', 1)).toThrow(RangeError);
    expect(() => constantTargets('monthly', '2026-05', '2026-01', 1)).toThrow(RangeError);
    expect(() => constantTargets('monthly', '2026-01', '2026-02', Number.NaN)).toThrow(RangeError);
  });
});

describe('ramp from the baseline to the target', () => {
  it('reproduces the example board: 60 in January up to 80 by November, held in December', () => {
    const targets = rampTargets({ frequency: 'monthly', from: '2026-01', baseline: 60, by: '2026-11', target: 80, holdUntil: '2026-12' });
    expect(Object.values(targets)).toEqual([60, 62, 64, 66, 68, 70, 72, 74, 76, 78, 80, 80]);
    expect(Object.keys(targets)[11]).toBe('2026-12');
  });

  it('rounds the steps sensibly and keeps both ends exact', () => {
    // 58 → 80 over 12 steps: 1.83 a month, one decimal.
    const targets = rampTargets({ frequency: 'monthly', from: '2026-01', baseline: 58, by: '2027-01', target: 80 });
    const values = Object.values(targets);
    expect(values[0]).toBe(58);
    expect(values[1]).toBe(59.8);
    expect(values[6]).toBe(69);
    expect(values[12]).toBe(80);
    expect(values.every((v) => Number(v.toFixed(1)) === v)).toBe(true);
  });

  it('ramps down for a lower-is-better goal (case processing days)', () => {
    expect(rampTargets({ frequency: 'quarterly', from: '2026-Q1', baseline: 30, by: '2026-Q4', target: 15 })).toEqual({
      '2026-Q1': 30,
      '2026-Q2': 25,
      '2026-Q3': 20,
      '2026-Q4': 15,
    });
  });

  it('runs across the year boundary of ISO weeks', () => {
    const targets = rampTargets({ frequency: 'weekly', from: '2026-W51', baseline: 0, by: '2027-W02', target: 40 });
    expect(targets).toEqual({ '2026-W51': 0, '2026-W52': 10, '2026-W53': 20, '2027-W01': 30, '2027-W02': 40 });
  });

  it('gives a one-period ramp the target and ignores a hold before the end', () => {
    expect(rampTargets({ frequency: 'monthly', from: '2026-05', baseline: 1, by: '2026-05', target: 9 })).toEqual({ '2026-05': 9 });
    expect(rampTargets({ frequency: 'monthly', from: '2026-05', baseline: 1, by: '2026-06', target: 9, holdUntil: '2026-04' })).toEqual({ '2026-05': 1, '2026-06': 9 });
  });

  it('refuses bad input', () => {
    expect(() => rampTargets({ frequency: 'monthly', from: '2026-05', baseline: 1, by: '2026-04', target: 9 })).toThrow(RangeError);
    expect(() => rampTargets({ frequency: 'monthly', from: '2026-05', baseline: Number.NaN, by: '2026-06', target: 9 })).toThrow(RangeError);
    expect(() => rampTargets({ frequency: 'monthly', from: '2026-05', baseline: 1, by: '2026-06', target: 9, holdUntil: '2026-W30' })).toThrow(RangeError);
  });
});

describe('rounding', () => {
  it('uses enough decimals to tell the steps apart, at most four', () => {
    expect(rampDecimals(58, 80, 12)).toBe(1);
    expect(rampDecimals(1000, 1750, 12)).toBe(0);
    expect(rampDecimals(4, 4.5, 4)).toBe(2);
    expect(rampDecimals(3.25, 4, 3)).toBe(2);
    expect(rampDecimals(0, 0.00001, 3)).toBe(4);
  });

  it('rounds half away from zero without binary noise', () => {
    expect(roundTo(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.5, 0)).toBe(-3);
  });
});
