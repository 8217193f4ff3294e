import { describe, expect, it } from 'vitest';
import { addPeriods, comparePeriods, isoWeeksInYear, parsePeriod, periodOfDate, periodRange, periodStart } from '../../shared/domain/periods';

describe('monthly periods', () => {
  it('step across year boundaries both ways', () => {
    expect(addPeriods('2026-12', 1)).toBe('2027-01');
    expect(addPeriods('2026-01', -1)).toBe('2025-12');
    expect(addPeriods('2026-03', 12)).toBe('2027-03');
  });

  it('list a range including both ends', () => {
    expect(periodRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodRange('2027-02', '2026-11')).toEqual([]);
  });

  it('reject impossible months', () => {
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('2026-00')).toBeNull();
    expect(parsePeriod('2026-1')).toBeNull();
    expect(parsePeriod(202601)).toBeNull();
  });
});

describe('ISO weeks', () => {
  it('know which years have 53 weeks', () => {
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
    expect(isoWeeksInYear(2027)).toBe(52);
  });

  it('put early January and late December days in the right ISO year', () => {
    expect(periodOfDate('2021-01-03', 'weekly')).toBe('2020-W53');
    expect(periodOfDate('2024-12-30', 'weekly')).toBe('2025-W01');
    expect(periodOfDate('2026-01-01', 'weekly')).toBe('2026-W01');
    expect(periodOfDate('2026-10-07', 'weekly')).toBe('2026-W41');
  });

  it('step over week 53 into the next year', () => {
    expect(addPeriods('2026-W52', 1)).toBe('2026-W53');
    expect(addPeriods('2026-W53', 1)).toBe('2027-W01');
    expect(addPeriods('2021-W01', -1)).toBe('2020-W53');
    expect(periodRange('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
  });

  it('reject week 53 in a 52-week year', () => {
    expect(parsePeriod('2021-W53')).toBeNull();
    expect(parsePeriod('2020-W53')).not.toBeNull();
  });

  it('start weeks on Monday', () => {
    expect(periodStart('2026-W01').toISOString().slice(0, 10)).toBe('2025-12-29');
  });
});

describe('quarters', () => {
  it('step and derive from dates', () => {
    expect(addPeriods('2026-Q4', 1)).toBe('2027-Q1');
    expect(addPeriods('2026-Q1', -1)).toBe('2025-Q4');
    expect(periodOfDate('2026-09-30', 'quarterly')).toBe('2026-Q3');
    expect(periodOfDate('2026-10-01', 'quarterly')).toBe('2026-Q4');
    expect(periodStart('2026-Q4').toISOString().slice(0, 10)).toBe('2026-10-01');
  });
});

describe('comparePeriods', () => {
  it('orders by time, not by string', () => {
    const sorted = ['2027-W01', '2026-W53', '2026-W09', '2026-W10'].sort(comparePeriods);
    expect(sorted).toEqual(['2026-W09', '2026-W10', '2026-W53', '2027-W01']);
  });
});
