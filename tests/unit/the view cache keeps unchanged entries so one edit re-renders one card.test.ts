import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createBoardViews } from '../../client/src/sync/boardViews';
import { addAction, addGoal, addIdea, askQuestion, assessIdea, removeIdea, roots, setActionStatus, setActual, setIdeaText } from '../../shared/schema';

function board() {
  const doc = new Y.Doc();
  const ideas = ['Kampagne', 'Ring til borgere', 'Skærm i venteområdet'].map((text, i) =>
    addIdea(doc, { text, author: 'Mette', color: '#fff3a3', createdAt: `2026-12-0${i + 1}T09:00:00.000Z` }),
  );
  const actions = ['Plakat', 'Opringning'].map((title) => addAction(doc, { title, by: 'Mette' }));
  const goal = addGoal(doc, { name: 'Andel digitale ansøgninger', unit: '%' });
  return { doc, ideas, actions, goal, views: createBoardViews(doc) };
}

describe('the board view cache', () => {
  it('gives an edited idea a new object and keeps every other one', () => {
    const { doc, ideas, views } = board();
    const before = views.get('ideas');
    setIdeaText(doc, ideas[1]!, 'Ring til borgere der får papirpost');
    const after = views.get('ideas');
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]!.text).toBe('Ring til borgere der får papirpost');
    expect(views.entry('ideas', ideas[0]!)).toBe(before[0]);
  });

  it('sees changes deep inside an entry (a question, a position) and only there', () => {
    const { doc, ideas, views } = board();
    const before = views.get('ideas');
    askQuestion(doc, ideas[0]!, { author: 'Lars', text: 'Hvilket bibliotek?', at: '2026-12-02T09:00:00.000Z' });
    assessIdea(doc, ideas[2]!, { effect: 0.8, resources: 0.2 });
    const after = views.get('ideas');
    expect(after[0]!.questions).toHaveLength(1);
    expect(after[2]!.zone).toBe('green');
    expect(after[1]).toBe(before[1]);
  });

  it('drops a removed entry and reads one that was replaced whole', () => {
    const { doc, ideas, views } = board();
    views.get('ideas');
    removeIdea(doc, ideas[0]!);
    expect(views.entry('ideas', ideas[0]!)).toBeNull();
    expect(views.get('ideas')).toHaveLength(2);
    // Another client writes a whole new map under an existing id: it is read again.
    const replacement = new Y.Map<unknown>();
    doc.transact(() => {
      roots(doc).ideas.set(ideas[1]!, replacement);
      replacement.set('text', new Y.Text('Ny tekst'));
      replacement.set('createdAt', '2026-12-02T09:00:00.000Z');
    });
    expect(views.entry('ideas', ideas[1]!)!.text).toBe('Ny tekst');
  });

  it('keeps the other roots apart: a status change re-reads that action only, the ideas not at all', () => {
    const { doc, actions, goal, views } = board();
    const ideas = views.get('ideas');
    const plan = views.get('actions');
    const goals = views.get('goals');
    setActionStatus(doc, actions[0]!, 'started', 'Mette');
    setActual(doc, goal, '2026-11', 59.5);
    expect(views.get('ideas')).toBe(ideas);
    expect(views.get('actions')[1]).toBe(plan[1]);
    expect(views.get('actions')[0]!.status).toBe('started');
    expect(views.get('goals')[0]).not.toBe(goals[0]);
    expect(views.get('goals')[0]!.actuals['2026-11']).toBe(59.5);
  });

  it('tells subscribers of a root, and only them', () => {
    const { doc, ideas, views } = board();
    let ideaCalls = 0;
    let actionCalls = 0;
    views.subscribe('ideas', () => ideaCalls++);
    views.subscribe('actions', () => actionCalls++);
    setIdeaText(doc, ideas[0]!, 'Ændret');
    expect(ideaCalls).toBe(1);
    expect(actionCalls).toBe(0);
  });
});
