import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { summarizeBoard } from '../../shared/domain/summary';
import { addAction, addGoal, addIdea, readBoard, setActionDeadline, setActionStatus, setActual, setTarget } from '../../shared/schema';

describe('summarizeBoard', () => {
  it('counts actions by status, overdue open actions, ideas and goals under target', () => {
    const doc = new Y.Doc();
    const goal = addGoal(doc, { name: 'Andel breve sendt digitalt', unit: '%' });
    setTarget(doc, goal, '2026-09', 76);
    setActual(doc, goal, '2026-09', 71);
    const onTarget = addGoal(doc, { name: 'Sagsbehandlingstid', direction: 'down' });
    setTarget(doc, onTarget, '2026-09', 10);
    setActual(doc, onTarget, '2026-09', 9);
    addIdea(doc, { text: 'a', author: 'x', color: '#fff' });
    addIdea(doc, { text: 'b', author: 'x', color: '#fff' });

    const spec: [string, string, 'decided' | 'started' | 'finished'][] = [
      ['Kampagne på biblioteket', '2026-10-01', 'finished'],
      ['Ny tekst i fritagelsesbrevet', '2026-12-15', 'started'],
      ['Måling af sagsbehandlingstid', '2026-11-01', 'decided'],
      ['Hjælp til pårørende', '2027-01-31', 'decided'],
    ];
    for (const [title, deadline, status] of spec) {
      const id = addAction(doc, { title, by: 'Hanne' });
      setActionDeadline(doc, id, deadline);
      setActionStatus(doc, id, status, 'Hanne');
    }
    const board = readBoard(doc);
    const summary = summarizeBoard({ ...board, lastMeetingAt: board.meta.lastMeetingAt }, '2026-11-25');
    expect(summary).toEqual({
      actions: { decided: 2, started: 1, finished: 1, evaluated: 0 },
      overdue: 1,
      ideas: 2,
      goalsUnderTarget: 1,
      lastMeetingAt: null,
      overdueActions: [{ title: 'Måling af sagsbehandlingstid', responsible: '', deadline: '2026-11-01', status: 'decided' }],
      underTargetGoals: [{ name: 'Andel breve sendt digitalt', unit: '%', direction: 'up', period: '2026-09', actual: 71, target: 76 }],
    });
    // A month later the started action is overdue too.
    expect(summarizeBoard({ ...board, lastMeetingAt: null }, '2026-12-16').overdue).toBe(2);
  });
});
