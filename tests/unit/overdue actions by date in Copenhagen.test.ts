import { describe, expect, it } from 'vitest';
import { isOverdue, nextStatus } from '../../shared/domain/actionStatus';
import { addDays, dateInZone, isIsoDate } from '../../shared/domain/calendar';

describe('today in Europe/Copenhagen', () => {
  it('is already tomorrow at 23:30 UTC in winter and at 22:30 UTC in summer', () => {
    expect(dateInZone(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(dateInZone(new Date('2026-11-30T22:59:00Z'))).toBe('2026-11-30');
    expect(dateInZone(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(dateInZone(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});

describe('isOverdue', () => {
  it('is overdue only after the deadline day, and only while open', () => {
    expect(isOverdue({ status: 'decided', deadline: '2026-11-01' }, '2026-11-25')).toBe(true);
    expect(isOverdue({ status: 'started', deadline: '2026-11-24' }, '2026-11-25')).toBe(true);
    expect(isOverdue({ status: 'started', deadline: '2026-11-25' }, '2026-11-25')).toBe(false);
    expect(isOverdue({ status: 'finished', deadline: '2026-10-01' }, '2026-11-25')).toBe(false);
    expect(isOverdue({ status: 'evaluated', deadline: '2026-10-01' }, '2026-11-25')).toBe(false);
  });

  it('is never overdue without a real deadline', () => {
    expect(isOverdue({ status: 'decided', deadline: null }, '2026-11-25')).toBe(false);
    expect(isOverdue({ status: 'decided', deadline: '1. i md.' }, '2026-11-25')).toBe(false);
  });
});

describe('calendar dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoDate(20260201)).toBe(false);
  });

  it('adds days across month ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('nextStatus', () => {
  it('walks Besluttet → Igangsat → Afsluttet → Evalueret', () => {
    expect(nextStatus('decided')).toBe('started');
    expect(nextStatus('started')).toBe('finished');
    expect(nextStatus('finished')).toBe('evaluated');
    expect(nextStatus('evaluated')).toBeNull();
  });
});
