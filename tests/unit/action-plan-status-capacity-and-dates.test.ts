import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  arrangeActions,
  checkCapacity,
  countOpen,
  followUpActions,
  historySince,
  isDueSoon,
  isStepBack,
  previousStatus,
  urgencyOf,
  type PlanFilter,
} from '../../shared/domain/actionPlan';
import { isOverdue, nextStatus } from '../../shared/domain/actionStatus';
import { dateInZone } from '../../shared/domain/calendar';
import { addAction, readActions, readMeta, setActionArchived, setActionCapacity, setActionStatus } from '../../shared/schema';

describe('status transitions and their history', () => {
  it('walks forward and back one step at a time', () => {
    expect(previousStatus('decided')).toBeNull();
    expect(previousStatus('started')).toBe('decided');
    expect(previousStatus('evaluated')).toBe('finished');
    expect(nextStatus('finished')).toBe('evaluated');
    expect(isStepBack('finished', 'started')).toBe(true);
    expect(isStepBack('decided', 'evaluated')).toBe(false);
  });

  it('records every change, forward and back, with who and when; an unchanged status is not a change', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, { title: 'Kampagne', by: 'Hanne', at: '2026-11-01T08:00:00Z' });
    setActionStatus(doc, id, 'started', 'Erik', '2026-11-02T08:00:00Z');
    setActionStatus(doc, id, 'finished', 'Erik', '2026-11-03T08:00:00Z');
    setActionStatus(doc, id, 'started', 'Hanne', '2026-11-03T09:00:00Z'); // a mistake corrected
    setActionStatus(doc, id, 'started', 'Hanne', '2026-11-03T10:00:00Z'); // no change
    const action = readActions(doc)[0]!;
    expect(action.status).toBe('started');
    expect(action.history).toEqual([
      { status: 'decided', at: '2026-11-01T08:00:00Z', by: 'Hanne' },
      { status: 'started', at: '2026-11-02T08:00:00Z', by: 'Erik' },
      { status: 'finished', at: '2026-11-03T08:00:00Z', by: 'Erik' },
      { status: 'started', at: '2026-11-03T09:00:00Z', by: 'Hanne' },
    ]);
  });

  it('shows the history since the last meeting only (everything when there was none)', () => {
    const history = [
      { status: 'decided' as const, at: '2026-11-01T08:00:00Z', by: 'A' },
      { status: 'started' as const, at: '2026-11-20T08:00:00Z', by: 'B' },
      { status: 'finished' as const, at: 'junk', by: 'C' },
    ];
    expect(historySince(history, '2026-11-10T00:00:00Z').map((h) => h.by)).toEqual(['B']);
    expect(historySince(history, null)).toHaveLength(3);
  });
});

describe('archiving', () => {
  it('archives only evaluated actions, and moving one back out of Evalueret takes it out of the archive', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, { title: 'Kampagne', by: 'Hanne' });
    setActionArchived(doc, id, true);
    expect(readActions(doc)[0]!.archived).toBe(false);
    setActionStatus(doc, id, 'evaluated', 'Hanne');
    setActionArchived(doc, id, true);
    expect(readActions(doc)[0]!.archived).toBe(true);
    setActionStatus(doc, id, 'finished', 'Hanne');
    expect(readActions(doc)[0]!.archived).toBe(false);
  });
});

describe('capacity', () => {
  it('warns when one more action would go past what the team has resources for', () => {
    expect(checkCapacity(2, 3)).toMatchObject({ after: 3, exceeds: false, over: false });
    expect(checkCapacity(3, 3)).toMatchObject({ after: 4, exceeds: true, over: false });
    expect(checkCapacity(5, 3)).toMatchObject({ exceeds: true, over: true });
    expect(checkCapacity(50, null)).toMatchObject({ exceeds: false, over: false });
    expect(checkCapacity(0, 0)).toMatchObject({ exceeds: true });
  });

  it('counts only open actions that are not archived', () => {
    expect(
      countOpen([
        { status: 'decided' },
        { status: 'started' },
        { status: 'finished' },
        { status: 'evaluated', archived: true },
        { status: 'started', archived: true },
      ]),
    ).toBe(2);
  });

  it('is a whole number in the board meta; junk reads as not set', () => {
    const doc = new Y.Doc();
    expect(readMeta(doc).actionCapacity).toBeNull();
    setActionCapacity(doc, 3);
    expect(readMeta(doc).actionCapacity).toBe(3);
    expect(() => setActionCapacity(doc, 2.5)).toThrow(RangeError);
    expect(() => setActionCapacity(doc, -1)).toThrow(RangeError);
    setActionCapacity(doc, null);
    expect(readMeta(doc).actionCapacity).toBeNull();
    doc.getMap('meta').set('actionCapacity', 'lots');
    expect(readMeta(doc).actionCapacity).toBeNull();
  });
});

describe('overdue and due this week, by the date in Europe/Copenhagen', () => {
  it('is due soon from today through the sixth day after, while open', () => {
    const today = '2026-11-25';
    expect(isDueSoon({ status: 'decided', deadline: '2026-11-25' }, today)).toBe(true);
    expect(isDueSoon({ status: 'started', deadline: '2026-12-01' }, today)).toBe(true);
    expect(isDueSoon({ status: 'started', deadline: '2026-12-02' }, today)).toBe(false);
    expect(isDueSoon({ status: 'started', deadline: '2026-11-24' }, today)).toBe(false);
    expect(isDueSoon({ status: 'finished', deadline: '2026-11-26' }, today)).toBe(false);
    expect(isDueSoon({ status: 'decided', deadline: null }, today)).toBe(false);
  });

  it('turns overdue at midnight in Copenhagen, not at midnight UTC (winter and summer time)', () => {
    const action = { status: 'started' as const, deadline: '2026-11-30' };
    // 23:30 UTC on 30 Nov is already 1 Dec in Copenhagen (UTC+1).
    expect(urgencyOf(action, dateInZone(new Date('2026-11-30T22:59:00Z')))).toBe('dueSoon');
    expect(urgencyOf(action, dateInZone(new Date('2026-11-30T23:00:00Z')))).toBe('overdue');
    const summer = { status: 'decided' as const, deadline: '2026-06-30' };
    expect(isOverdue(summer, dateInZone(new Date('2026-06-30T21:59:00Z')))).toBe(false);
    expect(isOverdue(summer, dateInZone(new Date('2026-06-30T22:00:00Z')))).toBe(true);
  });

  it('crosses a month and a year end', () => {
    expect(isDueSoon({ status: 'decided', deadline: '2027-01-03' }, '2026-12-28')).toBe(true);
    expect(isDueSoon({ status: 'decided', deadline: '2027-01-04' }, '2026-12-28')).toBe(false);
  });
});

describe('sorting, filtering and the follow-up walk', () => {
  const base = { createdAt: '2026-11-01T00:00:00Z', history: [] };
  const actions = [
    { ...base, id: 'a', order: 0, title: 'Kampagne', responsible: 'Erik', deadline: '2026-10-01', status: 'finished' as const },
    { ...base, id: 'b', order: 1, title: 'Ny tekst', responsible: 'Peter', deadline: '2026-12-15', status: 'started' as const },
    { ...base, id: 'c', order: 2, title: 'Måling', responsible: 'Ulla', deadline: '2026-11-01', status: 'decided' as const },
    { ...base, id: 'd', order: 3, title: 'Fuldmagt', responsible: '', deadline: null, status: 'decided' as const },
    { ...base, id: 'e', order: 4, title: 'Gammel', responsible: 'Erik', deadline: '2026-01-01', status: 'evaluated' as const, archived: true },
  ];
  const all: PlanFilter = { status: 'all', responsible: '', showArchived: false };

  it('hides archived actions unless asked, and sorts by deadline (none last), status or responsible', () => {
    expect(arrangeActions(actions, all, 'plan').map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(arrangeActions(actions, { ...all, showArchived: true }, 'plan').map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(arrangeActions(actions, all, 'deadline').map((a) => a.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(arrangeActions(actions, all, 'status').map((a) => a.id)).toEqual(['c', 'd', 'b', 'a']);
    expect(arrangeActions(actions, all, 'responsible').map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('filters by status (or open) and by responsible (or nobody)', () => {
    expect(arrangeActions(actions, { ...all, status: 'open' }, 'plan').map((a) => a.id)).toEqual(['b', 'c', 'd']);
    expect(arrangeActions(actions, { ...all, status: 'finished' }, 'plan').map((a) => a.id)).toEqual(['a']);
    expect(arrangeActions(actions, { ...all, responsible: 'Erik', showArchived: true }, 'plan').map((a) => a.id)).toEqual(['a', 'e']);
    expect(arrangeActions(actions, { ...all, responsible: '-' }, 'plan').map((a) => a.id)).toEqual(['d']);
  });

  it('walks through what is not evaluated yet: overdue first, then by deadline', () => {
    expect(followUpActions(actions, '2026-11-25').map((a) => a.id)).toEqual(['c', 'a', 'b', 'd']);
  });
});
