import { describe, expect, it } from 'vitest';
import {
  AFTER,
  EMPTY_BEFORE,
  chartPeriods,
  chartSeries,
  currentPeriod,
  dataPeriods,
  entryPeriods,
  labelEvery,
  parseEntry,
  valueDomain,
  viewPeriods,
  withUnit,
} from '../../client/src/goals/goalView';
import type { Measurements } from '../../shared/domain/goalProgress';

const months = (year: number, values: (number | null)[]): Record<string, number> => {
  const result: Record<string, number> = {};
  values.forEach((v, i) => {
    if (v !== null) result[`${year}-${String(i + 1).padStart(2, '0')}`] = v;
  });
  return result;
};

// domain.md's example goal "Andel breve sendt digitalt".
const digitalPost: Measurements = {
  direction: 'up',
  targets: months(2026, [60, 62, 64, 66, 68, 70, 72, 74, 76, 78, 80, 80]),
  actuals: months(2026, [58, 61, 65, 66, 69, 70, 68, 67, 71, 75, 79, null]),
};

const empty: Measurements = { direction: 'up', targets: {}, actuals: {} };

describe('currentPeriod', () => {
  it('uses the date in Copenhagen, not UTC', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Copenhagen.
    const lateNewYearsEve = new Date('2026-12-31T23:30:00Z');
    expect(currentPeriod('monthly', lateNewYearsEve)).toBe('2027-01');
    expect(currentPeriod('quarterly', lateNewYearsEve)).toBe('2027-Q1');
    expect(currentPeriod('weekly', new Date('2026-11-25T12:00:00Z'))).toBe('2026-W48');
  });
});

describe('dataPeriods', () => {
  it('joins target and actual periods in time order', () => {
    expect(dataPeriods({ targets: { '2026-03': 1, '2026-01': 1 }, actuals: { '2026-02': 1, '2026-01': 2 } })).toEqual(['2026-01', '2026-02', '2026-03']);
  });
  it('orders weeks by time across years', () => {
    expect(dataPeriods({ targets: { '2027-W01': 1, '2026-W53': 1 }, actuals: {} })).toEqual(['2026-W53', '2027-W01']);
  });
});

describe('entryPeriods', () => {
  it('shows the last periods before the current one when there are no numbers', () => {
    const rows = entryPeriods(empty, '2026-11');
    expect(rows[0]).toBe('2026-05');
    expect(rows).toContain('2026-11');
    expect(rows[rows.length - 1]).toBe('2027-01');
    expect(rows).toHaveLength(EMPTY_BEFORE + 1 + AFTER);
  });

  it('starts at the first number and ends a little after the later of now and the last number', () => {
    const rows = entryPeriods(digitalPost, '2026-11');
    expect(rows[0]).toBe('2026-01');
    expect(rows[rows.length - 1]).toBe('2027-02');
  });

  it('includes the current period when all numbers lie ahead', () => {
    const ahead = { targets: { '2027-03': 5 }, actuals: {} };
    const rows = entryPeriods(ahead, '2026-11');
    expect(rows[0]).toBe('2026-11');
    expect(rows[rows.length - 1]).toBe('2027-05');
  });

  it('widens by the earlier/later clicks', () => {
    const rows = entryPeriods(empty, '2026-Q4', 2, 1);
    expect(rows[0]).toBe('2024-Q4');
    expect(rows[rows.length - 1]).toBe('2027-Q3');
  });

  it('keeps at most 240 rows, the latest ones', () => {
    const rows = entryPeriods({ targets: { '1990-01': 1 }, actuals: {} }, '2026-11');
    expect(rows).toHaveLength(240);
    expect(rows[rows.length - 1]).toBe('2027-01');
  });
});

describe('viewPeriods', () => {
  it('is the span of the numbers, and empty without numbers', () => {
    expect(viewPeriods(empty)).toEqual([]);
    expect(viewPeriods({ targets: { '2026-Q1': 4 }, actuals: { '2026-Q3': 4.1 } })).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
  });
});

describe('chartPeriods and chartSeries', () => {
  it('draws the example year and marks exactly the months under target', () => {
    const periods = chartPeriods(digitalPost);
    expect(periods).toHaveLength(12);
    const points = chartSeries(digitalPost, periods);
    expect(points.filter((p) => p.under).map((p) => p.period)).toEqual(['2026-01', '2026-02', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(points[11]).toEqual({ period: '2026-12', target: 80, actual: null, under: false });
  });

  it('treats above the target as under target when lower is better', () => {
    const goal: Measurements = { direction: 'down', targets: { '2026-01': 10, '2026-02': 10 }, actuals: { '2026-01': 12, '2026-02': 9 } };
    expect(chartSeries(goal, chartPeriods(goal)).map((p) => p.under)).toEqual([true, false]);
  });

  it('cuts a long span to the window around the latest actual', () => {
    const targets: Record<string, number> = {};
    for (let y = 2020; y <= 2030; y++) Object.assign(targets, months(y, Array(12).fill(1)));
    const goal: Measurements = { direction: 'up', targets, actuals: { '2026-06': 1 } };
    const periods = chartPeriods(goal, 36);
    expect(periods).toHaveLength(36);
    expect(periods[periods.length - 1]).toBe('2027-03');
    expect(periods).toContain('2026-06');
  });

  it('is empty without numbers', () => {
    expect(chartPeriods(empty)).toEqual([]);
  });
});

describe('valueDomain', () => {
  it('spans every value with a little room', () => {
    const [low, high] = valueDomain(chartSeries(digitalPost, chartPeriods(digitalPost)));
    expect(low).toBeLessThan(58);
    expect(high).toBeGreaterThan(80);
  });
  it('does not go below zero for positive values', () => {
    const [low] = valueDomain([{ period: '2026-01', target: 1, actual: 100, under: false }]);
    expect(low).toBe(0);
  });
  it('copes with one value and with none', () => {
    expect(valueDomain([{ period: '2026-01', target: 4, actual: 4, under: false }])).toEqual([3.6, 4.4]);
    expect(valueDomain([{ period: '2026-01', target: 0, actual: null, under: false }])).toEqual([-1, 1]);
    expect(valueDomain([])).toEqual([0, 1]);
  });
});

describe('labelEvery', () => {
  it('thins labels that would collide', () => {
    expect(labelEvery(50, 40)).toBe(1);
    expect(labelEvery(30, 40)).toBe(2);
    expect(labelEvery(10, 40)).toBe(4);
    expect(labelEvery(0, 40)).toBe(1);
  });
});

describe('parseEntry', () => {
  it('reads Danish numbers', () => {
    expect(parseEntry('12,5', 'da')).toEqual({ kind: 'number', value: 12.5 });
    expect(parseEntry(' 1.250 ', 'da')).toEqual({ kind: 'number', value: 1250 });
    expect(parseEntry('-3', 'da')).toEqual({ kind: 'number', value: -3 });
    expect(parseEntry('0', 'da')).toEqual({ kind: 'number', value: 0 });
  });
  it('reads English thousands in English', () => {
    expect(parseEntry('1,250', 'en')).toEqual({ kind: 'number', value: 1250 });
  });
  it('treats blank as clearing the value', () => {
    expect(parseEntry('', 'da')).toEqual({ kind: 'empty' });
    expect(parseEntry('   ', 'da')).toEqual({ kind: 'empty' });
  });
  it('allows a trailing % or the goal unit', () => {
    expect(parseEntry('71 %', 'da', '%')).toEqual({ kind: 'number', value: 71 });
    expect(parseEntry('71%', 'da', '')).toEqual({ kind: 'number', value: 71 });
    expect(parseEntry('12 Dage', 'da', 'dage')).toEqual({ kind: 'number', value: 12 });
  });
  it('rejects what is not a number', () => {
    expect(parseEntry('abc', 'da')).toEqual({ kind: 'invalid' });
    expect(parseEntry('12,5,3', 'da')).toEqual({ kind: 'invalid' });
    expect(parseEntry('%', 'da', '%')).toEqual({ kind: 'invalid' });
    expect(parseEntry('7 kr.', 'da', 'dage')).toEqual({ kind: 'invalid' });
  });
});

describe('withUnit', () => {
  it('puts a non-breaking space before the unit, as Danish writes 71 %', () => {
    expect(withUnit('71', '%', 'da')).toBe('71\u00a0%');
    expect(withUnit('71', '%', 'en')).toBe('71%');
    expect(withUnit('12,5', ' dage ', 'da')).toBe('12,5\u00a0dage');
    expect(withUnit('3,9', '', 'da')).toBe('3,9');
  });
});
