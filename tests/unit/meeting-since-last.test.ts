import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sinceLastMeeting } from '../../shared/domain/sinceLastMeeting';
import {
  addAction,
  addGoal,
  addIdea,
  assessIdea,
  endMeeting,
  readBoard,
  readMeeting,
  setActionStatus,
  setActual,
  setTarget,
  startMeeting,
} from '../../shared/schema';

const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();

/** A board with a previous meeting on 18 Nov. and changes before and after it. */
function board() {
  const doc = new Y.Doc();
  const goal = addGoal(doc, { name: 'Andel breve sendt digitalt', unit: '%' });
  setTarget(doc, goal, '2026-09', 76);
  setTarget(doc, goal, '2026-10', 78);
  setActual(doc, goal, '2026-09', 71, { by: 'Ulla', at: at(10) });
  const oldIdea = addIdea(doc, { text: 'Gammel idé', author: 'Bo', color: 'y', createdAt: at(10) });
  assessIdea(doc, oldIdea, { effect: 0.8, resources: 0.2 }, at(11));
  const oldAction = addAction(doc, { title: 'Kampagne', responsible: 'Erik', by: 'Anna', at: at(12) });
  startMeeting(doc, { by: 'Anna', at: at(18, 9) });
  endMeeting(doc, { by: 'Anna', at: at(18, 9.25) });
  // Since then:
  setActual(doc, goal, '2026-10', 75, { by: 'Ulla', at: at(20) });
  setActionStatus(doc, oldAction, 'started', 'Erik', at(21));
  const newIdea = addIdea(doc, { text: 'Ny tekst i brevet', author: 'Carl', color: 'y', createdAt: at(22) });
  assessIdea(doc, oldIdea, { effect: 0.7, resources: 0.3 }, at(23));
  const newAction = addAction(doc, { title: 'Ring til borgere', responsible: 'Peter', deadline: '2026-12-15', by: 'Anna', at: at(24) });
  return { doc, goal, oldIdea, oldAction, newIdea, newAction };
}

describe('sinceLastMeeting', () => {
  it('lists what changed since the previous meeting, from the board’s own timestamps', () => {
    const { doc, goal, oldIdea, oldAction, newIdea, newAction } = board();
    startMeeting(doc, { by: 'Anna', at: at(25) });
    const meeting = readMeeting(doc)!;
    expect(meeting.since).toBe(at(18, 9.25));
    const since = sinceLastMeeting(readBoard(doc), meeting.since, meeting.startedAt);
    expect(since.measurements).toEqual([
      { goalId: goal, goalName: 'Andel breve sendt digitalt', unit: '%', direction: 'up', period: '2026-10', actual: 75, target: 78, under: true, by: 'Ulla', at: at(20) },
    ]);
    expect(since.statusChanges).toEqual([{ actionId: oldAction, title: 'Kampagne', responsible: 'Erik', status: 'started', by: 'Erik', at: at(21) }]);
    expect(since.newIdeas.map((i) => i.id)).toEqual([newIdea]);
    expect(since.assessedIdeas).toEqual([{ id: oldIdea, text: 'Gammel idé', author: 'Bo', zone: 'green', at: at(23) }]);
    // A new action's own first history entry (Besluttet) is not also a status change.
    expect(since.newActions).toEqual([{ id: newAction, title: 'Ring til borgere', responsible: 'Peter', deadline: '2026-12-15', status: 'decided', at: at(24) }]);
    expect(since.total).toBe(5);
  });

  it('changes during the meeting are not "since last time" (the window ends at the start)', () => {
    const { doc } = board();
    startMeeting(doc, { by: 'Anna', at: at(25) });
    addIdea(doc, { text: 'Under mødet', author: 'Bo', color: 'y', createdAt: at(25, 11) });
    const meeting = readMeeting(doc)!;
    expect(sinceLastMeeting(readBoard(doc), meeting.since, meeting.startedAt).newIdeas.map((i) => i.text)).toEqual(['Ny tekst i brevet']);
    expect(sinceLastMeeting(readBoard(doc), meeting.since, null).newIdeas.map((i) => i.text)).toEqual(['Ny tekst i brevet', 'Under mødet']);
  });

  it('on a board’s first meeting, everything so far counts', () => {
    const doc = new Y.Doc();
    addIdea(doc, { text: 'a', author: 'x', color: 'y', createdAt: at(1) });
    addAction(doc, { title: 'b', by: 'x', at: at(2) });
    const since = sinceLastMeeting(readBoard(doc), null);
    expect(since.total).toBe(2);
    expect(since.since).toBeNull();
  });

  it('an idea taken off the grid is not "assessed"; a cleared actual is not a measurement', () => {
    const { doc, oldIdea, goal } = board();
    assessIdea(doc, oldIdea, null);
    setActual(doc, goal, '2026-10', null);
    const since = sinceLastMeeting(readBoard(doc), at(18, 9.25));
    expect(since.assessedIdeas).toEqual([]);
    expect(since.measurements).toEqual([]);
  });

  it('junk timestamps are never inside the window', () => {
    const since = sinceLastMeeting(
      {
        goals: [{ id: 'g', name: 'G', unit: '', direction: 'up', targets: {}, actuals: { '2026-10': 1 }, actualLog: { '2026-10': { by: '', at: 'yesterday' } } }],
        ideas: [{ id: 'i', text: 't', author: '', createdAt: '', zone: null }],
        actions: [{ id: 'a', title: 't', responsible: '', deadline: null, status: 'started', createdAt: 'x', history: [{ status: 'started', at: 'y', by: '' }] }],
      },
      null,
    );
    expect(since.total).toBe(0);
  });
});
