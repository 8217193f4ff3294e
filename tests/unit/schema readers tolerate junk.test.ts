import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readActions, readBoard, readGoals, readIdeas, readMeta, roots } from '../../shared/schema';

function docWithJunk(): Y.Doc {
  const doc = new Y.Doc();
  const { meta, goals, ideas, actions } = roots(doc);
  meta.set('title', 42);
  meta.set('cadence', 'hourly');
  // Entries that are not maps at all.
  goals.set('g-junk', 'not a goal');
  ideas.set('i-junk', 17);
  actions.set('a-junk', null);
  // Maps with wrongly typed and missing fields.
  const goal = new Y.Map<unknown>();
  goal.set('name', ['array']);
  goal.set('direction', 'sideways');
  goal.set('frequency', 'monthly');
  const targets = new Y.Map<unknown>();
  targets.set('2026-01', 'sixty');
  targets.set('2026-02', 62);
  targets.set('banana', 1);
  targets.set('2026-W05', 3); // wrong frequency for a monthly goal
  goal.set('targets', targets);
  goal.set('actuals', 'none');
  goals.set('g1', goal);
  const idea = new Y.Map<unknown>();
  idea.set('text', 12);
  idea.set('effect', 7);
  idea.set('resources', 'lots');
  const questions = new Y.Array<unknown>();
  questions.push([{ text: 'Hvad koster det?', author: 'Ulla', at: '2026-11-25T10:00:00Z' }, 'junk', { text: 5 }]);
  idea.set('questions', questions);
  ideas.set('i1', idea);
  const action = new Y.Map<unknown>();
  action.set('title', new Y.Text('Kampagne'));
  action.set('status', 'done');
  action.set('deadline', '1. i md.');
  action.set('order', 'first');
  const history = new Y.Array<unknown>();
  history.push([{ status: 'started', at: 'x', by: 'Erik' }, { status: 'teleported' }]);
  action.set('history', history);
  actions.set('a1', action);
  return doc;
}

describe('readers over a document full of junk', () => {
  it('never throw and show what they can', () => {
    const doc = docWithJunk();
    expect(() => readBoard(doc)).not.toThrow();

    const meta = readMeta(doc);
    expect(meta.title).toBe('42');
    expect(meta.cadence).toBe('monthly');

    const goals = readGoals(doc);
    expect(goals).toHaveLength(1);
    expect(goals[0]).toMatchObject({ id: 'g1', name: '', direction: 'up', targets: { '2026-02': 62 }, actuals: {} });

    const ideas = readIdeas(doc);
    expect(ideas).toHaveLength(1);
    // effect 7 clamps to 1 but resources is junk, so the idea counts as not assessed.
    expect(ideas[0]).toMatchObject({ id: 'i1', text: '12', position: null, zone: null });
    expect(ideas[0]!.questions).toEqual([{ text: 'Hvad koster det?', author: 'Ulla', at: '2026-11-25T10:00:00Z' }]);

    const actions = readActions(doc);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ id: 'a1', title: 'Kampagne', status: 'decided', deadline: null, order: 0 });
    expect(actions[0]!.history).toEqual([{ status: 'started', at: 'x', by: 'Erik' }]);
  });

  it('read an empty document as an empty board', () => {
    const board = readBoard(new Y.Doc());
    expect(board).toMatchObject({ goals: [], ideas: [], actions: [], meta: { title: '', cadence: 'monthly', lastMeetingAt: null } });
  });
});
