import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDays } from '../../shared/domain/calendar';
import { openDatedActions, rollSummary, summarizeBoard } from '../../shared/domain/summary';
import { addAction, addGoal, readBoard, setActionDeadline, setActionStatus, setActual, setTarget } from '../../shared/schema';
import { publicSummary, summarizeDoc, summaryForDay } from '../../server/src/boards/summary';

function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

describe('the summary lists what a leader acts on', () => {
  it('overdue actions with responsible and deadline, earliest first; goals under target with their numbers', () => {
    const doc = new Y.Doc();
    const goal = addGoal(doc, { name: 'Andel breve sendt digitalt', unit: '%' });
    setTarget(doc, goal, '2026-10', 78);
    setActual(doc, goal, '2026-10', 75);
    const late = addAction(doc, { title: 'Måling af sagsbehandlingstid', responsible: 'Ulla', by: 'H' });
    setActionDeadline(doc, late, '2026-11-01');
    const later = addAction(doc, { title: 'Skilte', responsible: '', by: 'H' });
    setActionDeadline(doc, later, '2026-10-01');
    const done = addAction(doc, { title: 'Kampagne', responsible: 'Erik', by: 'H' });
    setActionDeadline(doc, done, '2026-10-01');
    setActionStatus(doc, done, 'finished', 'H');
    const board = readBoard(doc);
    const summary = summarizeBoard({ ...board, lastMeetingAt: null }, '2026-11-25');
    expect(summary.overdue).toBe(2);
    expect(summary.overdueActions).toEqual([
      { title: 'Skilte', responsible: '', deadline: '2026-10-01', status: 'decided' },
      { title: 'Måling af sagsbehandlingstid', responsible: 'Ulla', deadline: '2026-11-01', status: 'decided' },
    ]);
    expect(summary.underTargetGoals).toEqual([{ name: 'Andel breve sendt digitalt', unit: '%', direction: 'up', period: '2026-10', actual: 75, target: 78 }]);
  });

  it('a summary moved to another day equals one computed from the document on that day', () => {
    const random = seeded(42);
    for (let board = 0; board < 60; board++) {
      const doc = new Y.Doc();
      const n = Math.floor(random() * 8);
      for (let i = 0; i < n; i++) {
        const id = addAction(doc, { title: `a${i}`, responsible: random() < 0.5 ? 'Bo' : '', by: 'x' });
        if (random() < 0.8) setActionDeadline(doc, id, addDays('2026-11-20', Math.floor(random() * 20)));
        const status = (['decided', 'started', 'finished', 'evaluated'] as const)[Math.floor(random() * 4)]!;
        setActionStatus(doc, id, status, 'x');
      }
      const base = readBoard(doc);
      const day0 = summarizeBoard({ ...base, lastMeetingAt: null }, '2026-11-20');
      const open = openDatedActions(base.actions);
      for (const day of ['2026-11-21', '2026-11-28', '2026-12-31']) {
        expect(rollSummary(day0, open, day)).toEqual(summarizeBoard({ ...base, lastMeetingAt: null }, day));
      }
    }
  });
});

describe('the stored summary (server)', () => {
  it('keeps the open dated actions, hides them from the API, and serves another day without the document', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, { title: 'Due 24 Nov.', responsible: 'Ulla', by: 'H' });
    setActionDeadline(doc, id, '2026-11-24');
    const stored = summarizeDoc(doc, '2026-11-20').summary;
    expect(stored.overdue).toBe(0);
    expect(stored.openDated).toHaveLength(1);
    expect('openDated' in publicSummary(stored)).toBe(false);
    const next = summaryForDay(JSON.parse(JSON.stringify(stored)), '2026-11-20', '2026-11-25')!;
    expect(next.overdue).toBe(1);
    expect(publicSummary(next)).toEqual(publicSummary(summarizeDoc(doc, '2026-11-25').summary));
  });

  it('a row from before these fields existed (or junk) needs the document', () => {
    const legacy = { actions: { decided: 1, started: 0, finished: 0, evaluated: 0 }, overdue: 0, ideas: 0, goalsUnderTarget: 0, lastMeetingAt: null };
    expect(summaryForDay(legacy as never, '2026-11-20', '2026-11-20')).toBeNull();
    expect(summaryForDay(null, null, '2026-11-20')).toBeNull();
    expect(summaryForDay('junk' as never, '2026-11-20', '2026-11-20')).toBeNull();
  });

  it('a row whose missed goals have no direction (stored before issue 9) needs the document once', () => {
    const doc = new Y.Doc();
    const goal = addGoal(doc, { name: 'Sagsbehandlingstid', unit: 'dage', direction: 'down' });
    setTarget(doc, goal, '2026-10', 7.1);
    setActual(doc, goal, '2026-10', 7.5);
    const stored = JSON.parse(JSON.stringify(summarizeDoc(doc, '2026-11-20').summary));
    expect(stored.underTargetGoals).toEqual([{ name: 'Sagsbehandlingstid', unit: 'dage', direction: 'down', period: '2026-10', actual: 7.5, target: 7.1 }]);
    expect(summaryForDay(stored, '2026-11-20', '2026-11-20')).not.toBeNull();
    delete stored.underTargetGoals[0].direction;
    expect(summaryForDay(stored, '2026-11-20', '2026-11-20')).toBeNull();
  });
});
